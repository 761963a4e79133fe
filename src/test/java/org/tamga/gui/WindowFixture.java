package org.tamga.gui;

import javafx.scene.control.Labeled;
import javafx.scene.control.ListCell;
import javafx.scene.control.TreeCell;
import javafx.stage.Stage;
import org.tamga.model.Code;
import org.testfx.api.FxRobot;

import java.nio.file.Path;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real window on a fresh sample project, with background work run when the test drains it. */
final class WindowFixture {
    final QueuedTaskExecutor tasks = new QueuedTaskExecutor();
    final ProjectModel model;
    final Settings settings;
    final MainWindow window;
    final Stage stage;

    /** The settings' folder (a second start reads it again). */
    final Path config;

    WindowFixture(Stage stage, Path dir, boolean coderKnown) { this(stage, dir, coderKnown ? "Tester" : null); }

    /**
     * A window whose coder has said her name ({@code coder}), or one whose coder has not (null: the
     * window asks when a project opens). Either way Tamga has been started before: its first-run
     * welcome has been seen.
     */
    WindowFixture(Stage stage, Path dir, String coder) { this(stage, dir, coder, false); }

    /** {@code firstStart}: Tamga's very first start, with nothing in its settings (the first-run welcome shows). */
    WindowFixture(Stage stage, Path dir, String coder, boolean firstStart) {
        this(stage, dir, dir.resolve("config-" + System.nanoTime()), coder, firstStart, Locale.ENGLISH);
    }

    /** Tamga started again with the settings in {@code config} as the last start left them, their language too. */
    WindowFixture(Stage stage, Path dir, Path config) { this(stage, dir, config, null, true, null); }

    private WindowFixture(Stage stage, Path dir, Path config, String coder, boolean firstStart, Locale language) {
        long n = System.nanoTime();
        this.stage = stage;
        this.config = config;
        model = new ProjectModel(dir.resolve("cache"), tasks);
        settings = new Settings(config);
        if (!firstStart) settings.setWelcomed();
        if (coder != null) {
            settings.setCoder(coder);
            settings.setCoderConfirmed();
        }
        window = new MainWindow(stage, model, settings, dir.resolve("sample-" + n + ".tamga"));
        window.setOnExit(() -> { });
        if (language != null) window.switchLanguageQuietly(language);
        window.show();
    }

    /** Runs the queued background work, then lays the window out (cells are made in a layout pass, not at once). */
    void drain() {
        tasks.drain();
        layout();
    }

    /** A layout pass now, rather than at the next pulse: what the robot looks up is then there. */
    void layout() {
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        javafx.application.Platform.runLater(() -> {
            try {
                for (javafx.stage.Window win : javafx.stage.Window.getWindows()) {
                    if (win.getScene() == null) continue;
                    win.getScene().getRoot().applyCss();
                    win.getScene().getRoot().layout();
                }
            } finally {
                done.countDown();
            }
        });
        try {
            if (!done.await(120, java.util.concurrent.TimeUnit.SECONDS)) throw new AssertionError("the JavaFX thread did not answer");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        QueuedTaskExecutor.flushFx();
    }

    Workbench workbench() { return window.workbench; }

    /** Looks up nodes in this window only: a test with two windows must not find the other's. */
    org.testfx.service.query.NodeQuery lookup(FxRobot robot, String query) {
        return robot.from(stage.getScene().getRoot()).lookup(query);
    }

    void openSample(FxRobot robot) {
        robot.clickOn("#openSample");
        drain();
        assertEquals(6, workbench().documents.list.getItems().size(), "the sample's documents");
        drain(); // the first document opens
    }

    void openDocument(FxRobot robot, String prefix) {
        layout();
        ListCell<?> cell = lookup(robot, "#documentList .list-cell").match((ListCell<?> c) -> c.getItem() instanceof ProjectModel.DocumentItem d
                && d.document().name().startsWith(prefix)).query();
        robot.clickOn(cell);
        drain();
        assertTrue(workbench().transcript.shown() != null && workbench().transcript.shown().document().name().startsWith(prefix), "the document is open");
        assertTrue(workbench().transcript.area.getLength() > 500);
    }

    TreeCell<Code> codeCell(FxRobot robot, String namePrefix) {
        // a small screen shows part of the codebook: scroll the code into view first, as a researcher would
        robot.interact(() -> {
            var tree = workbench().codebook.tree;
            for (int row = 0; row < tree.getExpandedItemCount(); row++) {
                var item = tree.getTreeItem(row);
                if (item != null && item.getValue() != null && item.getValue().name().startsWith(namePrefix)) { tree.scrollTo(Math.max(0, row - 2)); break; }
            }
        });
        layout();
        return lookup(robot, "#codeTree .tree-cell").match((TreeCell<Code> c) -> c.getItem() != null
                && c.getItem().name().startsWith(namePrefix)).query();
    }

    Code code(String prefix) {
        return model.codebook.get().codes().stream().filter(c -> c.name().startsWith(prefix)).findFirst().orElseThrow();
    }

    int codingsOf(String codeName) {
        return model.codeCounts.get().getOrDefault(code(codeName).id(), 0);
    }

    void tab(FxRobot robot, String title) {
        robot.clickOn(robot.lookup(".tab").match((javafx.scene.Node n) -> n.lookup(".tab-label") instanceof Labeled l && l.getText().equals(title))
                .<javafx.scene.Node>query());
        drain();
    }
}
