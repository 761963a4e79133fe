package org.tamga.gui;

import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.tamga.core.SampleProject;
import org.tamga.store.ReadOnlyFolders;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.*;

/** The real window in awkward places (ADR 45): a project in a folder that cannot be written, an index cache that cannot be used. */
@ExtendWith(ApplicationExtension.class)
class PlacesWindowTest {
    @TempDir static Path dir;
    WindowFixture w;
    Stage stage;
    private Path locked;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        w = new WindowFixture(stage, dir, true);
    }

    @AfterEach
    void unlock() throws Exception {
        if (locked != null) ReadOnlyFolders.writable(locked);
    }

    private int hits(String query) {
        AtomicReference<Queries.Searched> found = new AtomicReference<>();
        w.model.queries().search(query, null, Map.of(), found::set);
        w.drain();
        return found.get().result().hits().size();
    }

    @Test
    void aReadOnlyProjectSaysSoInTheTitleAndRefusesEditsWithANotice(FxRobot robot) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("光盘 disc"));
        Path file = folder.resolve("样本.tamga");
        SampleProject.create(file, dir.resolve("cache")).close();
        ReadOnlyFolders.readOnly(folder);
        locked = folder;

        robot.interact(() -> w.window.openProject(file));
        w.drain();
        String sentence = "样本.tamga is read-only (the folder " + folder + " cannot be written): edits are refused.";
        assertEquals(sentence, w.model.readOnly.get());
        assertEquals("样本 (read-only) — Tamga", stage.getTitle());
        assertEquals(sentence, w.model.status.get(), "the status line says why");
        assertEquals(6, w.model.documentItems.size());
        assertTrue(hits("贫困") > 0, "search works");

        int healthCodings = w.codingsOf("Health");
        robot.interact(() -> w.model.codes().delete(w.code("Health")));
        w.drain();
        assertEquals(sentence, w.window.notifier().last.get(), "a notice, not a crash");
        assertEquals(healthCodings, w.codingsOf("Health"), "the code and its codings are still there");
        robot.interact(() -> w.model.codes().rename(w.code("Health"), "Здоровье 健康"));
        w.drain();
        assertEquals(sentence, w.window.notifier().last.get());
        assertTrue(w.model.codebook.get().codes().stream().noneMatch(c -> c.name().equals("Здоровье 健康")));
        assertFalse(w.model.canUndo.get(), "nothing refused is in the undo history");
        assertTrue(stage.isShowing());

        robot.interact(() -> w.window.closeProject());
        w.drain();
        assertNull(w.model.readOnly.get());
        assertEquals("Tamga", stage.getTitle());
    }

    @Test
    void anIndexCacheThatCannotBeUsedIsWorkedAroundAndSaidInTheStatusLine(FxRobot robot) throws Exception {
        Path file = dir.resolve("cache test.tamga");
        Path cache = dir.resolve("cache");
        Path folder;
        try (var s = SampleProject.create(file, cache)) { folder = s.indexFolder(); }
        try (var walk = Files.walk(folder)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        }
        Files.writeString(folder, "in the way");

        robot.interact(() -> w.window.openProject(file));
        w.drain();
        assertNull(w.model.readOnly.get());
        assertTrue(w.model.status.get().startsWith("The search index cannot be kept in " + folder + " (a file is in the way of the folder)"),
                w.model.status.get());
        assertTrue(hits("贫困") > 0, "search works from the temporary index");
    }
}
