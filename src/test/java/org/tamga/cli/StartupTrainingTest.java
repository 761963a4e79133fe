package org.tamga.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tamga.core.ProjectSession;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** The training run the build records its AOT cache from runs the measured commands for real. */
class StartupTrainingTest {
    @TempDir Path dir;

    @Test
    void theTrainingRunCodesTheSampleAsTheMeasuredCommandDoes() throws Exception {
        StartupTraining.main(new String[]{dir.resolve("训练 training").toString()});
        try (ProjectSession s = ProjectSession.open(dir.resolve("训练 training").resolve("training.tamga"), dir.resolve("cache"))) {
            assertTrue(s.coding().coders().stream().anyMatch(c -> c.name().equals("Bench 0")), "the code command ran");
            assertEquals(6, s.documents().all().size());
        }
    }

}
