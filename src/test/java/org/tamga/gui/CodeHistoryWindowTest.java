package org.tamga.gui;

import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeCell;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.tamga.model.Code;
import org.tamga.model.CodeEvent;
import org.tamga.model.CodeEvent.Kind;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** A code's history beside the code, in the right-hand pane (ADR 46), on a 1366×768 screen. */
@ExtendWith(ApplicationExtension.class)
class CodeHistoryWindowTest {
    static final String SAMPLE_NAME = "Fatalism and present orientation · 宿命论与当下取向";
    /** Chinese, traditional Mongolian with its narrow no-break space, and an emoji. */
    static final String NEW_NAME = "Fatalism · 宿命 ᠵᠠᠶᠠᠭ\u202Fᠠᠨ 🙏";
    @TempDir static Path dir;
    WindowFixture w;
    Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        w = new WindowFixture(stage, dir, true);
    }

    private static Bounds inScene(Node n) { return n.localToScene(n.getLayoutBounds()); }

    private static MenuItem menuItem(TreeCell<Code> cell, String text) {
        return cell.getContextMenu().getItems().stream().filter(i -> text.equals(i.getText())).findFirst().orElseThrow();
    }

    private List<CodeEvent> shown() { return List.copyOf(w.workbench().detail.codeHistory.list.getItems()); }

    private ListCell<?> row(FxRobot robot, int index) {
        w.layout();
        return robot.lookup("#codeHistory .list-cell").match((ListCell<?> c) -> c.getIndex() == index && c.getItem() != null).query();
    }

    @Test
    void aCodeRenamedInTheWindowShowsInItsHistoryWithTheCoderNewestFirstAndUndoAddsAnotherChange(FxRobot robot) {
        w.openSample(robot);
        w.openDocument(robot, "访谈01");
        TreeCell<Code> cell = w.codeCell(robot, "Fatalism");
        robot.clickOn(cell);
        w.drain();
        CodeHistoryList history = w.workbench().detail.codeHistory;
        assertEquals(1, shown().size(), "the sample's codebook, made by its first coder");
        assertEquals(Kind.CREATED, shown().getFirst().kind());
        assertEquals("Saran", shown().getFirst().coder());
        assertTrue(history.title.getText().matches("History \\(kept since \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d\\)"), history.title.getText());

        // Rename… from the code's menu, as a researcher does it
        Platform.runLater(() -> menuItem(cell, "Rename…").fire());
        w.layout();
        TextField editor = robot.lookup(".dialog-pane .text-field").queryAs(TextField.class);
        robot.interact(() -> editor.setText(NEW_NAME));
        robot.clickOn(robot.lookup(".dialog-pane .button").match((Button b) -> "OK".equals(b.getText())).queryAs(Button.class));
        w.drain();
        assertEquals(NEW_NAME, w.workbench().codebook.selected().name(), "the renamed code stays selected");
        assertEquals(2, shown().size());
        CodeEvent renamed = shown().getFirst();
        assertEquals(Kind.RENAMED, renamed.kind(), "newest first");
        assertEquals("Tester", renamed.coder(), "by the coder the window codes as");
        assertEquals(SAMPLE_NAME, renamed.oldValue());
        assertEquals(NEW_NAME, renamed.newValue());
        ListCell<?> top = row(robot, 0);
        assertTrue(top.getText().startsWith("renamed  \u201C" + SAMPLE_NAME + "\u201D \u2192 \u201C" + NEW_NAME + "\u201D\nTester \u00B7 "), top.getText());
        assertTrue(top.getTooltip().getText().contains("Tester\nrenamed  \u201C" + SAMPLE_NAME + "\u201D \u2192 \u201C" + NEW_NAME + "\u201D"),
                "the whole change in the tooltip: " + top.getTooltip().getText());

        // undo is another change, redo a third; the history only grows
        robot.clickOn("#undoButton");
        w.drain();
        assertEquals(SAMPLE_NAME, w.workbench().codebook.selected().name());
        assertEquals(List.of(Kind.RENAMED, Kind.RENAMED, Kind.CREATED), shown().stream().map(CodeEvent::kind).toList());
        assertEquals(NEW_NAME, shown().getFirst().oldValue());
        assertEquals(SAMPLE_NAME, shown().getFirst().newValue());
        robot.clickOn("#redoButton");
        w.drain();
        assertEquals(4, shown().size());
        assertEquals(NEW_NAME, shown().getFirst().newValue());
        assertTrue(shown().stream().limit(3).allMatch(e -> e.coder().equals("Tester")));

        // on the laptop's screen: the codings at the cursor still at the top of the pane, the history no wider than it
        Bounds pane = inScene(robot.lookup("#detailScroll").query());
        Bounds codings = inScene(w.workbench().detail.codings);
        assertTrue(codings.getMinY() >= pane.getMinY() && codings.getMaxY() <= pane.getMaxY(), codings + " within " + pane);
        Bounds list = inScene(history.list);
        assertTrue(list.getMinX() >= pane.getMinX() && list.getMaxX() <= pane.getMaxX(), list + " within " + pane);
        assertTrue(history.list.lookupAll(".scroll-bar").stream().map(n -> (ScrollBar) n)
                .noneMatch(b -> b.getOrientation() == Orientation.HORIZONTAL && b.isVisible()), "a long name ends in … rather than a scroll bar");
        assertTrue(top.getWidth() <= history.list.getWidth() + 0.5, top.getWidth() + " > " + history.list.getWidth());

        // another code: its own history; none selected: nothing
        robot.clickOn(w.codeCell(robot, "Health"));
        w.drain();
        assertTrue(shown().stream().noneMatch(e -> e.kind() == Kind.RENAMED), "Health was never renamed: " + shown());
        robot.interact(() -> w.workbench().codebook.tree.getSelectionModel().clearSelection());
        w.drain();
        assertEquals(List.of(), shown());
        assertEquals("History", history.title.getText());
    }
}
