package org.tamga.gui;

import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.tamga.core.AgreementService.Disagreement;
import org.tamga.model.Code;
import org.tamga.model.Coding;
import org.tamga.model.Document;
import org.tamga.model.Memo;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Disagreements, side by side: the passages two coders coded differently (coded by one and not
 * the other, or with boundaries more than a tolerance apart), by document and position. Selecting
 * one opens the transcript there with both coders' codings shown, and puts the two versions of the
 * passage side by side — what each coder coded in bold — with a button to keep either version (one
 * undoable step) and a memo on the passage.
 */
final class DisagreementsView {
    /** Where a passage opens. */
    interface Actions {
        void open(Document document, int start, int end);
    }

    final BorderPane root = new BorderPane();
    final ComboBox<String> coderA = new ComboBox<>();
    final ComboBox<String> coderB = new ComboBox<>();
    final ComboBox<Code> code = new ComboBox<>();
    final Spinner<Integer> tolerance = new Spinner<>(0, 100_000, 0, 1);
    final CheckBox children;
    final ListView<Disagreement> list = new ListView<>();
    final Label title = new Label();
    final Label versionATitle = new Label();
    final Label versionBTitle = new Label();
    final TextFlow versionA = new TextFlow();
    final TextFlow versionB = new TextFlow();
    final Button keepA = new Button();
    final Button keepB = new Button();
    final TextField memo = new TextField();
    final Button saveMemo;
    final Label memos = new Label();
    private final ProjectModel model;
    private final I18n i18n;
    private final Actions actions;
    private Queries.Disagreements shown;
    private boolean offering;
    /** While the list is filled again: a selection kept on the same passage does not open it again. */
    private boolean refilling;

    DisagreementsView(ProjectModel model, I18n i18n, Actions actions) {
        this.model = model;
        this.i18n = i18n;
        this.actions = actions;
        coderA.setId("disagreementsCoderA");
        coderB.setId("disagreementsCoderB");
        code.setId("disagreementsCode");
        code.setConverter(Controls.converter(Code::name, i18n.t("disagreements.allCodes")));
        code.setPrefWidth(190);
        tolerance.setId("disagreementsTolerance");
        tolerance.setEditable(true);
        tolerance.setPrefWidth(70);
        children = new CheckBox(i18n.t("disagreements.withChildren"));
        children.setTooltip(new javafx.scene.control.Tooltip(i18n.t("analysis.withChildren")));
        children.setId("disagreementsChildren");
        coderA.valueProperty().addListener((o, a, b) -> { if (!offering) refresh(); });
        coderB.valueProperty().addListener((o, a, b) -> { if (!offering) refresh(); });
        code.valueProperty().addListener((o, a, b) -> { if (!offering) refresh(); });
        tolerance.valueProperty().addListener((o, a, b) -> refresh());
        children.selectedProperty().addListener((o, a, b) -> refresh());

        list.setId("disagreementsList");
        list.setPlaceholder(new Label(i18n.t("disagreements.none")));
        list.setCellFactory(v -> new ListCell<>() {
            @Override protected void updateItem(Disagreement d, boolean empty) {
                super.updateItem(d, empty);
                if (empty || d == null) { setText(null); return; }
                String text = d.text().strip().replaceAll("\\s+", " ");
                int notes = shown == null ? 0 : shown.memos(d).size();
                setText(d.document().name() + " \u00B7 " + d.start() + "\u2013" + d.end() + " \u00B7 " + kind(d)
                        + (notes == 0 ? "" : " \u00B7 \u270E " + i18n.t("disagreements.memos", notes)) + "\n"
                        + d.code().name() + ": " + (text.length() > 160 ? text.substring(0, 160) + "\u2026" : text));
                setWrapText(true);
                setPrefWidth(0);
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, a, d) -> select(d));
        title.setId("disagreementsTitle");
        title.setPadding(new Insets(4, 6, 2, 6));
        title.setWrapText(true);
        VBox left = new VBox(title, list);
        VBox.setVgrow(list, Priority.ALWAYS);

        keepA.setId("keepA");
        keepB.setId("keepB");
        keepA.setOnAction(e -> keep(true));
        keepB.setOnAction(e -> keep(false));
        memo.setId("disagreementMemo");
        memo.setPromptText(i18n.t("disagreements.memo.prompt"));
        saveMemo = new Button(i18n.t("disagreements.memo.save"));
        saveMemo.setId("saveDisagreementMemo");
        saveMemo.setOnAction(e -> writeMemo());
        memo.setOnAction(e -> writeMemo());
        memos.setId("disagreementMemos");
        memos.setWrapText(true);
        HBox.setHgrow(memo, Priority.ALWAYS);
        HBox memoRow = new HBox(6, memo, saveMemo);
        HBox versions = new HBox(8, version(versionATitle, versionA, keepA), version(versionBTitle, versionB, keepB));
        memos.setMaxHeight(40);
        VBox notes = new VBox(3, memoRow, memos);
        notes.setPadding(new Insets(4, 0, 0, 0));
        BorderPane right = new BorderPane(versions);
        right.setBottom(notes);
        right.setPadding(new Insets(4, 6, 4, 6));
        SplitPane split = new SplitPane(left, right);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.42);
        root.setTop(Controls.bar(new HBox(6, new Label(i18n.t("disagreements.between")), coderA, new Label(i18n.t("disagreements.and")), coderB),
                new HBox(6, new Label(i18n.t("disagreements.code")), code), new HBox(6, new Label(i18n.t("disagreements.tolerance")), tolerance),
                children));
        root.setCenter(split);
        root.setId("disagreementsView");
        select(null);
    }

    private static Node version(Label heading, TextFlow flow, Button keep) {
        heading.setWrapText(true);
        heading.getStyleClass().add("version-title");
        flow.getStyleClass().add("version-text");
        flow.setPadding(new Insets(4));
        ScrollPane scroll = new ScrollPane(flow);
        scroll.setFitToWidth(true);
        scroll.setMinHeight(28);
        scroll.setPrefHeight(90);
        VBox box = new VBox(3, heading, scroll, keep);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        HBox.setHgrow(box, Priority.ALWAYS);
        box.setMaxWidth(Double.MAX_VALUE);
        box.setPrefWidth(0);
        return box;
    }

    private String kind(Disagreement d) {
        return switch (d.kind()) {
            case ONLY_A -> i18n.t("disagreements.kind.only", d.coderA());
            case ONLY_B -> i18n.t("disagreements.kind.only", d.coderB());
            case BOUNDARIES -> i18n.t("disagreements.kind.boundaries", d.difference());
        };
    }

    // ---- the list ---------------------------------------------------------------------------------

    /** The coders and codes there are, keeping the choices; the first time, the first two coders. */
    private void offer() {
        List<String> names = new ArrayList<>(model.coderNames.get().values());
        names.sort(String.CASE_INSENSITIVE_ORDER);
        List<Code> codes = new ArrayList<>();
        codes.add(null);
        codes.addAll(model.codebook.get().codes());
        offering = true;
        try {
            if (!names.equals(coderA.getItems())) {
                String a = coderA.getValue(), b = coderB.getValue();
                coderA.getItems().setAll(names);
                coderB.getItems().setAll(names);
                coderA.setValue(a != null && names.contains(a) ? a : names.isEmpty() ? null : names.getFirst());
                coderB.setValue(b != null && names.contains(b) ? b : names.size() < 2 ? null : names.get(1));
            }
            if (!codes.equals(code.getItems())) {
                Code chosen = code.getValue();
                code.getItems().setAll(codes);
                code.setValue(chosen == null ? null : model.codebook.get().byGuid(chosen.guid()).orElse(null));
            }
        } finally {
            offering = false;
        }
    }

    /** Lists the disagreements of the two coders with the code chosen (from the Agreement view, or a test). */
    void compare(String a, String b, Code c) {
        offer();
        offering = true;
        try {
            coderA.setValue(a);
            coderB.setValue(b);
            code.setValue(c);
        } finally {
            offering = false;
        }
        refresh();
    }

    /** Lists the passages again, keeping the one selected (or the one in its place, when it was resolved). */
    void refresh() {
        if (!model.isOpen()) return;
        offer();
        String a = coderA.getValue(), b = coderB.getValue();
        if (a == null || b == null || a.equals(b)) {
            shown = null;
            list.getItems().clear();
            title.setText(i18n.t("disagreements.chooseCoders"));
            return;
        }
        int tol = tolerance.getValue() == null ? 0 : Math.max(0, tolerance.getValue());
        model.queries().disagreements(a, b, code.getValue(), children.isSelected(), tol, found -> {
            shown = found;
            List<Disagreement> passages = found.passages();
            Disagreement before = list.getSelectionModel().getSelectedItem();
            int index = list.getSelectionModel().getSelectedIndex();
            int same = before == null ? -1 : indexOf(passages, before);
            refilling = same >= 0;
            try {
                list.getItems().setAll(passages);
                title.setText(i18n.t("disagreements.count", passages.size(), a, b));
                if (same >= 0) list.getSelectionModel().select(same);
                else if (index >= 0 && !passages.isEmpty()) list.getSelectionModel().select(Math.min(index, passages.size() - 1));
                else select(null);
            } finally {
                refilling = false;
            }
            Disagreement now = list.getSelectionModel().getSelectedItem();
            if (now != null) {
                showVersions(now);
                list.scrollTo(Math.max(0, list.getSelectionModel().getSelectedIndex() - 1)); // the list was filled again: the passage stays in view
            }
        });
    }

    private static int indexOf(List<Disagreement> passages, Disagreement d) {
        for (int i = 0; i < passages.size(); i++) {
            Disagreement x = passages.get(i);
            if (x.document().guid().equals(d.document().guid()) && x.code().guid().equals(d.code().guid())
                    && x.start() == d.start() && x.end() == d.end() && x.kind() == d.kind()) return i;
        }
        return -1;
    }

    // ---- one passage ------------------------------------------------------------------------------

    private void select(Disagreement d) {
        if (d == null) {
            versionATitle.setText(i18n.t("disagreements.select"));
            versionBTitle.setText("");
            versionA.getChildren().clear();
            versionB.getChildren().clear();
            keepA.setVisible(false);
            keepB.setVisible(false);
            memo.setDisable(true);
            saveMemo.setDisable(true);
            memos.setText("");
            return;
        }
        showVersions(d);
        if (refilling) return;
        showBoth(d.coderA(), d.coderB());
        actions.open(d.document(), d.start(), d.end());
    }

    /** The transcript shows both coders' codings, whatever the "Showing" choice was. */
    private void showBoth(String a, String b) {
        Set<String> visible = model.visibleCoders();
        if (visible.isEmpty() || visible.contains(a) && visible.contains(b)) return;
        model.onlyMine.set(false);
        model.shownCoders.set(Set.of(a, b));
        model.status.set(i18n.t("disagreements.showingBoth", a, b));
    }

    private void showVersions(Disagreement d) {
        versionATitle.setText(heading(d.coderA(), d.codingsA(), d));
        versionBTitle.setText(heading(d.coderB(), d.codingsB(), d));
        versionA.getChildren().setAll(version(d, true));
        versionB.getChildren().setAll(version(d, false));
        keepA.setText(i18n.t("disagreements.keep", d.coderA()));
        keepB.setText(i18n.t("disagreements.keep", d.coderB()));
        keepA.setVisible(true);
        keepB.setVisible(true);
        memo.setDisable(false);
        saveMemo.setDisable(false);
        List<Memo> written = shown == null ? List.of() : shown.memos(d);
        StringBuilder text = new StringBuilder();
        for (Memo m : written) {
            String who = m.coderId() == null ? "" : model.coderNames.get().getOrDefault(m.coderId(), "");
            text.append(i18n.t("disagreements.memo.line", who, m.text())).append('\n');
        }
        memos.setText(text.toString().strip());
        memos.setTooltip(written.isEmpty() ? null : new javafx.scene.control.Tooltip(memos.getText()));
    }

    private String heading(String coder, List<Coding> codings, Disagreement d) {
        if (codings.isEmpty()) return i18n.t("disagreements.version.none", coder);
        List<String> ranges = codings.stream().map(c -> c.start() + "\u2013" + c.end()).toList();
        return i18n.t("disagreements.version", coder, String.join(", ", ranges));
    }

    /** The passage's text, what the coder coded of it in bold and underlined, the rest grey. */
    static List<Text> version(Disagreement d, boolean first) {
        String text = d.text();
        int points = text.codePointCount(0, text.length());
        List<Text> out = new ArrayList<>();
        int at = 0;
        for (int[] r : d.covered(first)) {
            int s = Math.min(points, r[0]), e = Math.min(points, r[1]);
            if (s > at) out.addAll(piece(text, at, s, "version-uncoded"));
            if (e > s) out.addAll(piece(text, s, e, "version-coded"));
            at = Math.max(at, e);
        }
        if (at < points) out.addAll(piece(text, at, points, "version-uncoded"));
        return out;
    }

    private static List<Text> piece(String text, int from, int to, String style) {
        int s = text.offsetByCodePoints(0, from), e = text.offsetByCodePoints(0, to);
        return Fonts.texts(text.substring(s, e), 0, style);
    }

    private void keep(boolean first) {
        Disagreement d = list.getSelectionModel().getSelectedItem();
        if (d == null) return;
        model.coding().keep(d, first ? d.coderA() : d.coderB(), null);
    }

    private void writeMemo() {
        Disagreement d = list.getSelectionModel().getSelectedItem();
        String text = memo.getText();
        if (d == null) return;
        if (text == null || text.isBlank()) { model.refuse(i18n.t("disagreements.memo.empty")); return; }
        model.coding().memo(d, text.strip(), m -> memo.clear());
    }

    Queries.Disagreements shown() { return shown; }

    /** The selected passage (tests). */
    Disagreement selected() { return list.getSelectionModel().getSelectedItem(); }
}
