package org.tamga.gui;

import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.tamga.core.ProjectSession;
import org.tamga.core.SampleProject;
import org.tamga.model.Document;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/** File › Merge…: what merging a coder's copy would do, Cancel and OK, and the window showing the merged project. */
@ExtendWith(ApplicationExtension.class)
class MergeWindowTest {
    @TempDir static Path dir;
    WindowFixture w;

    @Start
    void start(Stage stage) {
        w = new WindowFixture(stage, dir, true);
    }

    @Test
    void aCodersCopyIsShownBeforeItIsMergedAndTheWindowThenShowsTheMergedProject(FxRobot robot) throws Exception {
        w.openSample(robot);
        Path target = w.model.projectFile.get();
        // the sample made and coded further on another laptop: its documents have other GUIDs, the same texts
        Path copy = dir.resolve("copy-Bilguun-" + System.nanoTime() + ".tamga");
        try (ProjectSession s = SampleProject.create(copy, dir.resolve("cache-copy"))) {
            Document d = s.documents().all().stream().filter(x -> x.name().startsWith("访谈01")).findFirst().orElseThrow();
            s.coding().apply(d, 100, 130, s.codebook().resolve("Dependency on outside help"), "Bilguun");
            s.codebook().recolour(s.codebook().resolve("Health").id(), "#00aa00");
            Path texts = Files.createDirectories(dir.resolve("texts-" + System.nanoTime()));
            Files.writeString(texts.resolve("访谈08_驼户.txt"), "访谈者：您好。\n受访者：我们家还养骆驼 🐪。\n");
            assertTrue(s.importing().importFiles(List.of(texts), null).ok());
        }
        int before = w.codingsOf("Dependency on outside help");
        MenuBar bar = robot.lookup("#menuBar").query();
        assertTrue(bar.getMenus().getFirst().getItems().stream().map(MenuItem::getId).anyMatch("mergeMenu"::equals), "File › Merge… is there");

        // first what it would do; Cancel leaves the project as it is
        robot.interact(() -> w.window.files.mergePaths(List.of(copy)));
        w.drain();
        DialogPane pane = robot.lookup("#mergeDialog").query();
        assertEquals("Merge " + copy.getFileName() + " into " + w.model.projectName.get() + "?", pane.getHeaderText());
        assertTrue(pane.getContentText().contains("documents: 1 to add, 6 already there"), pane.getContentText());
        assertTrue(pane.getContentText().contains("codings: 1 to add, 45 already there"), pane.getContentText());
        assertTrue(pane.getContentText().contains("1 conflict: where the copies differ, this project's version is kept"), pane.getContentText());
        String conflicts = ((TextArea) robot.lookup("#mergeConflicts").query()).getText();
        assertTrue(conflicts.startsWith("\u2022 code recoloured: code \u201CCapability · 可行能力 › Health · 健康\u201D \u2014 kept: #B6D1F2; other: #00aa00"), conflicts);
        robot.clickOn(button(robot, pane, ButtonType.CANCEL));
        w.drain();
        assertEquals(6, w.model.documentItems.size());
        assertEquals(before, w.codingsOf("Dependency on outside help"));
        assertEquals(List.of(), backups(target));

        // OK merges, and the window shows the merged project
        robot.interact(() -> w.window.files.mergePaths(List.of(copy)));
        w.drain();
        DialogPane again = robot.lookup("#mergeDialog").query();
        robot.clickOn(button(robot, again, ButtonType.OK));
        w.drain();
        assertEquals(7, w.model.documentItems.size());
        assertEquals(before + 1, w.codingsOf("Dependency on outside help"));
        assertEquals(List.of("Bilguun", "Li Wei", "Saran", "Tester"), w.model.coders.stream().sorted().toList());
        List<Path> backups = backups(target);
        assertEquals(1, backups.size());
        // a document, a coding, a coder, and 30 events of the codes' history (ADR 46): the copy, made on its own, made the 28 codes
        // of its codebook and recoloured Health; and the merge kept this project's colour
        assertEquals("Merged: 33 added, 1 conflict. The project as it was before is saved as " + backups.getFirst().getFileName() + ".", w.model.status.get());
        robot.clickOn("#searchField").write("骆驼").type(KeyCode.ENTER);
        w.drain();
        assertEquals(List.of("访谈08_驼户"), w.workbench().search.results.getItems().stream().map(h -> h.document().name()).distinct().toList(),
                "the search index knows the merged document");

        // merging the same copy again: the dialog says there is nothing to merge, and OK changes nothing
        robot.interact(() -> w.window.files.mergePaths(List.of(copy)));
        w.drain();
        DialogPane nothing = robot.lookup("#mergeDialog").query();
        assertEquals(w.model.projectName.get() + " already has everything these copies hold: there is nothing to merge.", nothing.getHeaderText());
        robot.clickOn(button(robot, nothing, ButtonType.OK));
        w.drain();
        assertEquals(1, backups(target).size());
        assertEquals(7, w.model.documentItems.size());
    }

    private static Button button(FxRobot robot, DialogPane pane, ButtonType type) {
        return (Button) pane.lookupButton(type);
    }

    private static List<Path> backups(Path project) throws Exception {
        Path folder = org.tamga.core.Backups.folder(project.toAbsolutePath());
        if (!Files.isDirectory(folder)) return List.of();
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().endsWith("-before-merge.bak")).toList();
        }
    }
}
