package org.tamga.gui;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.tamga.core.Backups;
import org.tamga.core.Damage;
import org.tamga.core.ProjectSession;
import org.tamga.core.SampleProject;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.*;

/** File › Backups… on the real window: back up now, restore (the window shows the restored state), a restore from outside, a damaged project. */
@ExtendWith(ApplicationExtension.class)
class BackupsWindowTest {
    @TempDir static Path dir;
    WindowFixture w;

    @Start
    void start(Stage stage) { w = new WindowFixture(stage, dir, true); }

    private int hits(String query) {
        AtomicReference<Queries.Searched> found = new AtomicReference<>();
        w.model.queries().search(query, null, Map.of(), found::set);
        w.drain();
        return found.get().result().hits().size();
    }

    private void importText(FxRobot robot, String name, String text) throws Exception {
        Path file = Files.writeString(dir.resolve(name + ".txt"), text, StandardCharsets.UTF_8);
        robot.interact(() -> w.window.files.importPaths(List.of(file), null));
        w.drain();
    }

    private void click(FxRobot robot, String dialog, String button) {
        robot.clickOn(robot.lookup(dialog + " .button").match((Button b) -> button.equals(b.getText())).queryAs(Button.class));
        w.drain();
    }

    @Test
    void backUpNowThenRestoreShowsTheStateBefore(FxRobot robot) throws Exception {
        w.openSample(robot);
        w.openDocument(robot, "访谈01");
        int healthCodings = w.codingsOf("Health");
        robot.interact(() -> w.window.backups());
        w.drain();
        BackupsDialog d = w.window.backupsDialog;
        assertTrue(d.dialog.isShowing());
        assertEquals(List.of(), d.table.getItems(), "a sample just made has no backup yet");
        assertEquals("No backups yet", ((Label) d.table.getPlaceholder()).getText());
        assertTrue(d.restore.isDisabled(), "nothing chosen to restore");

        robot.clickOn("#backUpNow");
        w.drain();
        assertEquals(1, d.table.getItems().size());
        Backups.Backup byHand = d.table.getItems().getFirst();
        assertEquals("made by hand", d.reason(byHand));
        assertEquals(6, byHand.documents());
        assertTrue(w.model.status.get().startsWith("Backed up: "), w.model.status.get());

        // a change, then a deletion that cannot be taken back outside this window: backed up first
        importText(robot, "访谈09_骆驼草", "访谈者：您好。\n受访者：骆驼草 camelthorn 在我们这里很少见。\n");
        assertEquals(7, w.model.documentItems.size());
        assertEquals(1, hits("camelthorn"));
        robot.interact(() -> w.model.codes().delete(w.code("Health")));
        w.drain();
        assertTrue(w.model.codebook.get().codes().stream().noneMatch(c -> c.name().startsWith("Health")));
        robot.interact(d::refresh);
        w.drain();
        assertEquals(List.of("before deleting a code", "made by hand"), d.table.getItems().stream().map(d::reason).toList());
        assertEquals(7, d.table.getItems().getFirst().documents());

        // restore the one made by hand: the window asks first, saying that the current state is backed up
        robot.interact(() -> d.table.getSelectionModel().select(1));
        robot.clickOn("#restoreBackup");
        String question = robot.lookup("#restoreConfirm .content").queryAs(Label.class).getText();
        assertTrue(question.contains("(6 documents, ") && question.contains("A backup of the current state is made first"), question);
        click(robot, "#restoreConfirm", "OK");

        assertEquals(6, w.model.documentItems.size(), "the imported document is gone");
        assertEquals(healthCodings, w.codingsOf("Health"), "the deleted code is back with its codings");
        assertEquals(0, hits("camelthorn"), "search reflects the restored state");
        assertTrue(w.workbench().transcript.shown().document().name().startsWith("访谈01"), "the open document stays");
        assertFalse(w.model.canUndo.get(), "the edits before the restore cannot be undone into it");
        assertTrue(w.model.status.get().startsWith("Restored the backup made "), w.model.status.get());
        assertEquals("before restoring", d.reason(d.table.getItems().getFirst()), "the list shows the backup of the state before");
        assertEquals(7, d.table.getItems().getFirst().documents());
    }

    @Test
    void aRestoreFromTheCommandLineIsSeenByTheOpenWindow(FxRobot robot) throws Exception {
        w.openSample(robot);
        w.openDocument(robot, "访谈02");
        Path project = w.model.projectFile.get();
        Path backup = Backups.backUp(project, Backups.MANUAL).file();
        importText(robot, "访谈10_沙葱", "受访者：沙葱 sand onion 长在戈壁上。\n");
        int outside = w.model.outsideChanges.get();
        assertEquals(1, hits("onion"));

        // the command line, in this process but through its own connections, as another process would
        java.io.StringWriter out = new java.io.StringWriter(), err = new java.io.StringWriter();
        int code = org.tamga.cli.Cli.run(new String[]{"restore", project.toString(), backup.getFileName().toString()},
                new java.io.PrintWriter(out), new java.io.PrintWriter(err));
        assertEquals(0, code, err.toString());

        robot.interact(() -> w.model.checkOutsideChanges());
        w.drain();
        assertEquals(outside + 1, w.model.outsideChanges.get(), "noticed");
        assertEquals(6, w.model.documentItems.size());
        assertEquals(0, hits("onion"), "the index caught up with the restored state");
        assertEquals("Changes made outside this window (the command line, another window) were read in.", w.model.status.get());
    }

    @Test
    void aDamagedProjectIsNotOpenedAndItsNewestGoodBackupIsOffered(FxRobot robot) throws Exception {
        Path project = dir.resolve("损坏 Эвдэрсэн.tamga");
        try (ProjectSession s = SampleProject.create(project, dir.resolve("cache"))) { assertEquals(6, s.summary().documents()); }
        Backups.backUp(project, Backups.DAILY);
        Damage.middle(project);
        byte[] damaged = Files.readAllBytes(project);

        robot.interact(() -> w.window.openProject(project));
        w.drain();
        assertNull(w.window.workbench, "not opened");
        assertArrayEquals(damaged, Files.readAllBytes(project), "not written to");
        String text = robot.lookup("#damagedDialog .content").queryAs(Label.class).getText();
        assertTrue(text.startsWith("SQLite found errors in the file: SQLite's check of the file found errors ("), text);
        assertTrue(text.contains("The newest good backup was made ") && text.contains("(6 documents, "), text);
        assertTrue(robot.lookup("#damagedDialog .header-panel .label").queryAs(Label.class).getText().equals("损坏 Эвдэрсэн.tamga is damaged"));

        click(robot, "#damagedDialog", "Restore the backup");
        assertNotNull(w.window.workbench, "the restored project is open");
        assertEquals(project.toAbsolutePath(), w.model.projectFile.get().toAbsolutePath());
        assertEquals(6, w.model.documentItems.size());
        assertTrue(Backups.list(project).stream().anyMatch(b -> b.reason().equals(Backups.DAMAGED)), "the damaged file is kept");
    }
}
