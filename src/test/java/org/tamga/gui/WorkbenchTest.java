package org.tamga.gui;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.RadioButton;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.tamga.core.ProjectSession;
import org.tamga.core.SearchService;
import org.tamga.model.Coding;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.*;

/** The workbench on a 1366×768 laptop screen: what fits, collapsing panes, the layout kept per project, undo per project, bulk coding, the coder. */
@ExtendWith(ApplicationExtension.class)
class WorkbenchTest {
    @TempDir static Path dir;
    WindowFixture w;
    Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        w = new WindowFixture(stage, dir, true);
    }

    private static Bounds inScene(Node n) { return n.localToScene(n.getLayoutBounds()); }

    @Test
    void theWorkbenchFitsALaptopScreen(FxRobot robot) {
        w.openSample(robot);
        w.openDocument(robot, "访谈01");
        double width = stage.getScene().getWidth(), height = stage.getScene().getHeight();
        assertEquals(1366, width, 1, "the window fills the laptop's screen");
        assertEquals(768, height, 1);
        Bounds menu = inScene(robot.lookup("#menuBar").query());
        Bounds status = inScene(w.window.statusBar);
        assertTrue(menu.getMinY() >= 0 && menu.getMaxY() < 40, "the menu bar is on screen: " + menu);
        assertTrue(status.getMinY() > height - 40 && status.getMaxY() <= height + 1.5, "the status bar is on screen: " + status);

        // the transcript and the concordance show enough to work with
        var area = w.workbench().transcript.area;
        robot.interact(() -> area.showParagraphAtTop(0));
        QueuedTaskExecutor.flushFx();
        double lineHeight = area.getParagraphBoundsOnScreen(0).map(b -> b.getHeight() / area.getParagraphLinesCount(0)).orElse(24.0);
        int lines = (int) Math.floor(area.getHeight() / lineHeight);
        robot.clickOn("#searchField").write("牧").type(KeyCode.ENTER);
        w.drain();
        var results = w.workbench().search.results;
        Node header = results.lookup(".column-header-background");
        int rows = (int) Math.floor((results.getHeight() - header.getBoundsInLocal().getHeight()) / results.getFixedCellSize());
        System.out.printf(Locale.ROOT, "at 1366x768: %d transcript lines (%.1f px each), %d concordance rows%n", lines, lineHeight, rows);
        assertTrue(lines >= 16, "transcript lines: " + lines);
        assertTrue(rows >= 8, "concordance rows: " + rows);

        // the codings at the cursor are seen without scrolling the right-hand pane
        Bounds codings = inScene(w.workbench().detail.codings);
        Bounds pane = inScene(robot.lookup("#detailScroll").query());
        assertTrue(codings.getMaxY() <= pane.getMaxY() && codings.getMinY() >= pane.getMinY(), codings + " within " + pane);

        // bilingual code names: each language on its own line, the whole name in the tooltip, the counts in one column
        List<javafx.scene.control.TreeCell<org.tamga.model.Code>> cells = new java.util.ArrayList<>();
        for (javafx.scene.Node n : robot.lookup("#codeTree .tree-cell").queryAll()) {
            @SuppressWarnings("unchecked") var cell = (javafx.scene.control.TreeCell<org.tamga.model.Code>) n;
            if (cell.getItem() != null) cells.add(cell);
        }
        assertTrue(cells.size() >= 5);
        java.util.Set<Long> countColumn = new java.util.HashSet<>();
        for (var cell : cells) {
            var code = cell.getItem();
            assertTrue(cell.getTooltip().getText().startsWith(code.name()), "the whole name in the tooltip: " + code.name());
            var labels = cell.lookupAll(".label").stream().map(n -> (javafx.scene.control.Label) n).toList();
            assertEquals(code.name().replace(" · ", "\n"), labels.getFirst().getText());
            Bounds count = inScene(labels.getLast());
            countColumn.add(Math.round(count.getMaxX()));
        }
        assertEquals(1, countColumn.size(), "the counts end in one column: " + countColumn);
    }

    @Test
    void panesCollapseAndComeBackWhereTheyWere(FxRobot robot) {
        w.openSample(robot);
        Workbench wb = w.workbench();
        double transcriptWidth = wb.transcript.root.getWidth();
        double[] dividers = wb.main.getDividerPositions();
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.D).release(KeyCode.D, KeyCode.SHIFT, KeyCode.CONTROL);
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.R).release(KeyCode.R, KeyCode.SHIFT, KeyCode.CONTROL);
        QueuedTaskExecutor.flushFx();
        assertEquals(1, wb.main.getItems().size(), "only the centre is left");
        assertTrue(wb.transcript.root.getWidth() > transcriptWidth + 300, "the transcript takes the room");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.B).release(KeyCode.B, KeyCode.SHIFT, KeyCode.CONTROL);
        QueuedTaskExecutor.flushFx();
        assertEquals(1, wb.centreSplit.getItems().size(), "the bottom tabs are collapsed");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.B).release(KeyCode.B, KeyCode.SHIFT, KeyCode.CONTROL);
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.R).release(KeyCode.R, KeyCode.SHIFT, KeyCode.CONTROL);
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.D).release(KeyCode.D, KeyCode.SHIFT, KeyCode.CONTROL);
        QueuedTaskExecutor.flushFx();
        assertEquals(3, wb.main.getItems().size());
        assertEquals(2, wb.centreSplit.getItems().size());
        assertArrayEquals(dividers, wb.main.getDividerPositions(), 0.01, "back where they were");
    }

    @Test
    void theLayoutIsKeptPerProject(FxRobot robot) {
        w.openSample(robot);
        Path sample = w.model.projectFile.get();
        robot.interact(() -> {
            w.workbench().main.setDividerPositions(0.3, 0.7);
            w.workbench().tabs.getSelectionModel().select(2);
            w.workbench().setCollapsed(Workbench.Pane.RIGHT, true);
        });
        w.drain();
        robot.interact(() -> w.window.closeProject());
        w.drain();
        assertNull(w.window.workbench, "back at the welcome screen");
        robot.interact(() -> w.window.openProject(sample));
        w.drain();
        assertEquals(2, w.workbench().tabs.getSelectionModel().getSelectedIndex());
        assertTrue(w.workbench().isCollapsed(Workbench.Pane.RIGHT));
        robot.interact(() -> w.workbench().setCollapsed(Workbench.Pane.RIGHT, false));
        assertArrayEquals(new double[]{0.3, 0.7}, w.workbench().main.getDividerPositions(), 0.01);
    }

    @Test
    void undoInAnotherProjectNeverChangesIt(FxRobot robot) {
        w.openSample(robot);
        w.openDocument(robot, "访谈01");
        Path a = w.model.projectFile.get();
        // remove a coding in A (its undo would insert it)
        Coding removed = w.workbench().transcript.shown().codings().getFirst();
        robot.interact(() -> w.workbench().transcript.select(removed.start(), removed.start()));
        w.drain();
        robot.interact(() -> w.workbench().detail.codings.getSelectionModel().select(removed));
        robot.clickOn("#removeCoding");
        w.drain();
        assertTrue(w.model.canUndo.get());
        // open B, a copy of the same sample (same documents, same codes), and press Undo there
        Path b = dir.resolve("b-" + System.nanoTime() + ".tamga");
        try (ProjectSession s = org.tamga.core.SampleProject.create(b, dir.resolve("cache-b"))) { assertTrue(s.summary().codings() > 0); }
        int codingsInB = codings(b);
        robot.interact(() -> w.window.openProject(b));
        w.drain();
        assertEquals(b.toAbsolutePath(), w.model.projectFile.get().toAbsolutePath());
        assertTrue(robot.lookup("#undoButton").queryButton().isDisabled(), "nothing to undo in a project just opened");
        robot.clickOn("#documentText");
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        w.drain();
        robot.interact(() -> w.window.closeProject());
        w.drain();
        assertEquals(codingsInB, codings(b), "B is unchanged");
        assertEquals(codingsInB - 1, codings(a), "A keeps its removal");
    }

    @Test
    void selectedHitsAreCodedAsTheirSentencesInOneUndoStep(FxRobot robot) {
        w.openSample(robot);
        w.openDocument(robot, "访谈01");
        robot.clickOn(w.codeCell(robot, "Pastoral knowledge"));
        robot.clickOn("#searchField").write("草场").type(KeyCode.ENTER);
        w.drain();
        List<SearchService.Hit> hits = w.workbench().search.results.getItems().stream().filter(h -> h.document().name().startsWith("访谈01")).limit(2).toList();
        assertEquals(2, hits.size());
        robot.interact(() -> { var sel = w.workbench().search.results.getSelectionModel(); sel.clearSelection(); hits.forEach(sel::select); });
        int before = w.codingsOf("Pastoral knowledge");
        assertEquals("Code 2 hits…", w.workbench().search.codeHits.getText());
        assertTrue(w.workbench().search.codeHits.getTooltip().getText().contains(w.code("Pastoral knowledge").name()));
        robot.clickOn("#codeHits");
        w.drain();
        robot.clickOn(robot.lookup("#unit-sentence").queryAs(RadioButton.class));
        w.drain();
        String preview = robot.lookup("#bulkPreview").queryLabeled().getText();
        assertTrue(preview.matches("(1|2) passages? in 1 document will be coded with .*"), preview);
        robot.clickOn(robot.lookup(".dialog-pane .button").match((Button b) -> "OK".equals(b.getText())).queryAs(Button.class));
        w.drain();
        int made = w.codingsOf("Pastoral knowledge") - before;
        assertTrue(made == 1 || made == 2, "codings made: " + made);
        String text = w.workbench().transcript.shown().text();
        for (SearchService.Hit h : hits) {
            Coding c = w.workbench().transcript.shown().codings().stream().filter(k -> k.start() <= h.start() && k.end() >= h.end()
                    && k.end() - k.start() > h.end() - h.start()).findFirst().orElseThrow(() -> new AssertionError("the hit's sentence is coded"));
            String sentence = text.substring(text.offsetByCodePoints(0, c.start()), text.offsetByCodePoints(0, c.end()));
            assertTrue(sentence.contains("草场") && !sentence.contains("\n"), sentence);
            assertTrue(sentence.endsWith("。") || sentence.endsWith("？") || sentence.endsWith("！") || sentence.endsWith("…"), "a whole sentence: " + sentence);
        }
        assertTrue(w.model.status.get().startsWith("Coded " + made + " passage"), w.model.status.get());
        assertEquals("Coding as: Tester", w.window.coderButton.getText(), "the coder is still shown after bulk coding");
        robot.clickOn("#undoButton");
        w.drain();
        assertEquals(before, w.codingsOf("Pastoral knowledge"), "one undo takes the whole bulk coding back");
    }

    @Test
    void aDocumentSwitchedToIsNotChangedByAnImport(FxRobot robot) throws Exception {
        w.openSample(robot);
        w.openDocument(robot, "访谈03");
        Path folder = dir.resolve("more-" + System.nanoTime());
        java.nio.file.Files.createDirectories(folder);
        java.nio.file.Files.writeString(folder.resolve("访谈07_牧民_ᠪᠠᠲᠤ.txt"), "访谈者：您好。\n受访者：我家有三百只羊，草场不够。\n");
        java.nio.file.Files.writeString(folder.resolve("interview08.txt"), "Interviewer: Hello.\nRespondent: We wait for help.\n");
        robot.interact(() -> w.window.files.importPaths(List.of(folder), null));
        w.drain();
        assertEquals(8, w.model.documentItems.size());
        assertTrue(w.workbench().transcript.shown().document().name().startsWith("访谈03"), "the open document stays open");
        assertTrue(w.workbench().documents.list.getSelectionModel().getSelectedItem().document().name().startsWith("访谈03"));
        assertEquals("Coding as: Tester", w.window.coderButton.getText(), "the coder is still shown after an import");
        assertTrue(w.model.status.get().startsWith("2 documents imported"), w.model.status.get());
        assertEquals("8 documents", w.workbench().documents.count.getText());
    }

    private int codings(Path project) {
        try (ProjectSession s = ProjectSession.open(project, dir.resolve("cache-check-" + System.nanoTime()))) {
            return s.summary().codings();
        }
    }
}
