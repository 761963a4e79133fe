package org.tamga.gui;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tamga.core.ProjectSession;
import org.tamga.core.SearchService;
import org.testfx.api.FxToolkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Closing the window never cuts off running work: with the window's own background thread, an
 * import still running when the project is closed is finished, saved and indexed before the
 * close returns.
 */
class ClosingTest {
    @TempDir Path dir;

    @BeforeAll
    static void toolkit() throws Exception { FxToolkit.registerPrimaryStage(); }

    @Test
    void closingWaitsForARunningImportAndTheIndexCommit() throws Exception {
        ProjectModel model = new ProjectModel(dir.resolve("cache"), TaskExecutor.background());
        CountDownLatch opened = new CountDownLatch(1);
        model.openSample(dir.resolve("sample.tamga"), o -> opened.countDown());
        // a bound for a broken build, not a pause: the open is waited for, however slow the machine
        assertTrue(opened.await(5, TimeUnit.MINUTES), "the sample opened");
        Path folder = Files.createDirectories(dir.resolve("interviews"));
        for (int i = 0; i < 40; i++) {
            Files.writeString(folder.resolve("访谈" + (100 + i) + ".txt"), "访谈者：您家有几口人？\n受访者：" + "草场补贴".repeat(200) + " word" + i + " ᠮᠠᠯ\n");
        }
        javafx.application.Platform.runLater(() -> model.documents().importFiles(List.of(folder), r -> { }));
        QueuedTaskExecutor.flushFx(); // the import is queued on the project thread before the close is asked for
        assertTrue(model.shutdown(Duration.ofMinutes(5)), "everything finished before the close returned");
        try (ProjectSession s = ProjectSession.open(dir.resolve("sample.tamga"), dir.resolve("cache"))) {
            assertEquals(46, s.summary().documents(), "every imported document was saved");
            assertEquals(1, s.search().search(SearchService.Request.of("word39")).hits().size(), "and is found by search");
        }
    }
}
