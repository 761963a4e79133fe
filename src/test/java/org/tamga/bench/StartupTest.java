package org.tamga.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tamga.core.ProjectSession;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The training run the build records its AOT cache from runs the measured commands for real; the figures print as a table. */
class StartupTest {
    @TempDir Path dir;

    @Test
    void theTrainingRunCodesTheSampleAsTheMeasuredCommandDoes() throws Exception {
        Startup.main(new String[]{dir.resolve("训练 training").toString()});
        try (ProjectSession s = ProjectSession.open(dir.resolve("训练 training").resolve("training.tamga"), dir.resolve("cache"))) {
            assertTrue(s.coding().coders().stream().anyMatch(c -> c.name().equals("Bench 0")), "the code command ran");
            assertEquals(6, s.documents().all().size());
        }
    }

    @Test
    void figuresPrintOneLineEach() {
        StringWriter out = new StringWriter();
        Startup.print(List.of(new Startup.Figure("info", true, 412.4, 530, 9), new Startup.Figure("info", false, 1210, 1400, 9)), new PrintWriter(out));
        List<String> lines = out.toString().lines().toList();
        assertEquals(3, lines.size());
        assertEquals("info     yes              412         530     9", lines.get(1));
        assertEquals("info     no              1210        1400     9", lines.get(2));
    }
}
