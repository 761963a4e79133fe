package org.tamga.gui;

import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.tamga.model.Code;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The workbench of an open project: documents and codebook on the left, the transcript over the
 * search, retrieval, report and analysis tabs in the centre, the codings at the cursor, the code and the
 * document on the right. Each of the three side panes can be collapsed and restored; how it is
 * laid out is captured as a {@link State} (kept per project, and carried over when the language
 * changes).
 */
final class Workbench {
    /** A pane that can be collapsed. */
    enum Pane { LEFT, BOTTOM, RIGHT }

    /** How the workbench is laid out and what it shows: divider positions, the tab, collapsed panes, the query. */
    record State(double[] main, double left, double centre, int tab, Set<Pane> collapsed, String query) {
        static State standard() { return new State(new double[]{0.22, 0.77}, 0.36, 0.6, 0, EnumSet.noneOf(Pane.class), ""); }

        String encode() {
            return main[0] + "," + main[1] + ";" + left + ";" + centre + ";" + tab + ";"
                    + String.join(",", collapsed.stream().map(Enum::name).toList());
        }

        static State decode(String s) {
            State d = standard();
            if (s == null || s.isBlank()) return d;
            try {
                String[] parts = s.split(";", -1);
                String[] m = parts[0].split(",");
                EnumSet<Pane> c = EnumSet.noneOf(Pane.class);
                if (parts.length > 4) for (String p : parts[4].split(",")) if (!p.isBlank()) c.add(Pane.valueOf(p));
                return new State(new double[]{clamp(Double.parseDouble(m[0])), clamp(Double.parseDouble(m[1]))},
                        clamp(Double.parseDouble(parts[1])), clamp(Double.parseDouble(parts[2])), Integer.parseInt(parts[3]), c, "");
            } catch (RuntimeException e) {
                return d; // settings from another version: the standard layout
            }
        }

        private static double clamp(double v) { return Double.isNaN(v) ? 0.5 : Math.max(0.05, Math.min(0.95, v)); }
    }

    final DocumentsView documents;
    final CodebookPane codebook;
    final DocumentPane transcript;
    final SearchPane search;
    final RetrievalPane retrieval;
    final ReportPane report;
    final AnalysisPane analysis;
    final DetailPane detail;
    final TabPane tabs;
    final SplitPane main;
    final SplitPane leftSplit;
    final SplitPane centreSplit;
    final Node left;
    final Node right;
    final BorderPane root = new BorderPane();
    private final EnumSet<Pane> collapsed = EnumSet.noneOf(Pane.class);
    private double[] mainPositions = {0.22, 0.77};
    private double centrePosition = 0.6;

    Workbench(DocumentsView documents, CodebookPane codebook, DocumentPane transcript, SearchPane search,
              RetrievalPane retrieval, ReportPane report, AnalysisPane analysis, DetailPane detail, I18n i18n) {
        this.documents = documents;
        this.codebook = codebook;
        this.transcript = transcript;
        this.search = search;
        this.retrieval = retrieval;
        this.report = report;
        this.analysis = analysis;
        this.detail = detail;

        Label hint = new Label(i18n.t("codes.applyHint"));
        hint.setWrapText(true);
        hint.getStyleClass().add("hint");
        VBox codes = new VBox(4, header(i18n.t("codes.title")), codebook.filter, codebook.tree, hint);
        VBox.setVgrow(codebook.tree, Priority.ALWAYS);
        codes.setPadding(new Insets(4));
        leftSplit = new SplitPane(documents.root, codes);
        leftSplit.setOrientation(Orientation.VERTICAL);
        left = leftSplit;

        tabs = new TabPane(new Tab(i18n.t("search.title"), search.root), new Tab(i18n.t("retrieval.title"), retrieval.root),
                new Tab(i18n.t("report.title"), report.root), new Tab(i18n.t("analysis.title"), analysis.root));
        tabs.setId("bottomTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getSelectionModel().selectedIndexProperty().addListener((o, a, i) -> {
            if (i.intValue() == 2) report.refresh();
            if (i.intValue() == 3) analysis.refresh();
        });
        centreSplit = new SplitPane(transcript.root, tabs);
        centreSplit.setOrientation(Orientation.VERTICAL);

        ScrollPane rightScroll = new ScrollPane(detail.root);
        rightScroll.setFitToWidth(true);
        rightScroll.setId("detailScroll");
        right = rightScroll;
        main = new SplitPane(left, centreSplit, right);
        SplitPane.setResizableWithParent(left, false);
        SplitPane.setResizableWithParent(right, false);
        root.setCenter(main);
        restore(State.standard());
    }

    static Label header(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("pane-header");
        return l;
    }

    boolean isCollapsed(Pane pane) { return collapsed.contains(pane); }

    /** Collapses a pane, or restores it where it was. */
    void toggle(Pane pane) { setCollapsed(pane, !collapsed.contains(pane)); }

    void setCollapsed(Pane pane, boolean collapse) {
        if (collapse == collapsed.contains(pane)) return;
        remember();
        if (collapse) collapsed.add(pane); else collapsed.remove(pane);
        arrange();
    }

    /** Keeps the divider positions of what is shown, so a pane comes back where it was. */
    private void remember() {
        double[] d = main.getDividerPositions();
        boolean l = !collapsed.contains(Pane.LEFT), r = !collapsed.contains(Pane.RIGHT);
        if (l && r && d.length == 2) mainPositions = d.clone();
        else if (l && !r && d.length == 1) mainPositions[0] = d[0];
        else if (!l && r && d.length == 1) mainPositions[1] = d[0];
        if (!collapsed.contains(Pane.BOTTOM) && centreSplit.getDividerPositions().length == 1) centrePosition = centreSplit.getDividerPositions()[0];
    }

    private void arrange() {
        List<Node> items = new ArrayList<>();
        if (!collapsed.contains(Pane.LEFT)) items.add(left);
        items.add(centreSplit);
        if (!collapsed.contains(Pane.RIGHT)) items.add(right);
        main.getItems().setAll(items);
        boolean l = !collapsed.contains(Pane.LEFT), r = !collapsed.contains(Pane.RIGHT);
        if (l && r) main.setDividerPositions(mainPositions);
        else if (l) main.setDividerPositions(mainPositions[0]);
        else if (r) main.setDividerPositions(mainPositions[1]);
        if (collapsed.contains(Pane.BOTTOM)) centreSplit.getItems().setAll(transcript.root);
        else {
            centreSplit.getItems().setAll(transcript.root, tabs);
            centreSplit.setDividerPositions(centrePosition);
        }
    }

    /** How the workbench is laid out now. */
    State capture() {
        remember();
        return new State(mainPositions.clone(), leftSplit.getDividerPositions()[0], centrePosition,
                tabs.getSelectionModel().getSelectedIndex(), EnumSet.copyOf(collapsed.isEmpty() ? EnumSet.noneOf(Pane.class) : collapsed),
                search.query.getText() == null ? "" : search.query.getText());
    }

    void restore(State state) {
        mainPositions = state.main().clone();
        centrePosition = state.centre();
        collapsed.clear();
        collapsed.addAll(state.collapsed());
        leftSplit.setDividerPositions(state.left());
        arrange();
        if (state.tab() >= 0 && state.tab() < tabs.getTabs().size()) tabs.getSelectionModel().select(state.tab());
    }

    /** Shows a code's passages in the retrieval tab. */
    void retrieve(List<Code> codes) { if (!codes.isEmpty()) retrieval.show(codes); }
}
