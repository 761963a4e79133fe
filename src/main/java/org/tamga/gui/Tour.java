package org.tamga.gui;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.List;

/**
 * The first run's tour of the sample project, in three steps — code a passage, search, see the
 * report — each pointing at the window's own controls (they are outlined, and the pane or tab they
 * are in is brought forward). A bar over the workbench, not a dialog: the window stays usable, the
 * tour can be ended at any step, and it is never started again (only the first run offers it).
 */
final class Tour {
    static final int STEPS = 3;
    static final String TARGET = "tour-target";
    private static final String[] KEYS = {"tour.code", "tour.search", "tour.report"};

    private final Runnable ended;
    private int step;
    private final List<Node> marked = new ArrayList<>();
    private HBox bar;
    private Workbench workbench;

    /** {@code ended}: what the window does once the tour is over (ended or done). */
    Tour(Runnable ended) { this.ended = ended; }

    int step() { return step; }

    HBox bar() { return bar; }

    /** The bar for this workbench, showing the current step (again after the language changed). */
    HBox attach(Workbench workbench, I18n i18n, String coder) {
        unmark();
        this.workbench = workbench;
        Label title = new Label();
        title.setId("tourTitle");
        title.getStyleClass().add("tour-title");
        Label text = new Label();
        text.setId("tourText");
        text.setWrapText(true);
        Button next = new Button();
        next.setId("tourNext");
        next.setDefaultButton(false);
        Button end = new Button(i18n.t("tour.end"));
        end.setId("tourEnd");
        VBox words = new VBox(2, title, text);
        HBox.setHgrow(words, Priority.ALWAYS);
        bar = new HBox(10, words, next, end);
        bar.setId("tourBar");
        bar.getStyleClass().add("tour-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        Runnable show = () -> {
            title.setText(i18n.t("tour.step", step + 1, STEPS, i18n.t(KEYS[step] + ".title")));
            text.setText(i18n.t(KEYS[step] + ".text", coder, i18n.t("report.title"))); // the report's tab by its name
            next.setText(i18n.t(step + 1 < STEPS ? "tour.next" : "tour.done"));
            point();
        };
        next.setOnAction(e -> {
            if (step + 1 < STEPS) { step++; show.run(); } else end();
        });
        end.setOnAction(e -> end());
        show.run();
        return bar;
    }

    /** Outlines the current step's controls, bringing forward the pane and tab they are in. */
    private void point() {
        unmark();
        Workbench w = workbench;
        switch (step) {
            case 0 -> {
                w.setCollapsed(Workbench.Pane.LEFT, false);
                mark(w.transcript.root, w.codebook.tree);
            }
            case 1 -> {
                w.setCollapsed(Workbench.Pane.BOTTOM, false);
                w.tabs.getSelectionModel().select(0);
                mark(w.search.query);
            }
            default -> {
                w.setCollapsed(Workbench.Pane.BOTTOM, false);
                w.tabs.getSelectionModel().select(2);
                mark(w.report.root);
            }
        }
    }

    private void mark(Node... nodes) {
        for (Node n : nodes) {
            n.getStyleClass().add(TARGET);
            marked.add(n);
        }
    }

    private void unmark() {
        for (Node n : marked) n.getStyleClass().remove(TARGET);
        marked.clear();
    }

    /** Ends the tour: the bar goes, the outlines too. */
    void end() {
        unmark();
        if (bar != null && bar.getParent() instanceof javafx.scene.layout.Pane p) p.getChildren().remove(bar);
        ended.run();
    }
}
