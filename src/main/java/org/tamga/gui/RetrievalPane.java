package org.tamga.gui;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import javafx.scene.paint.Color;
import javafx.scene.text.TextFlow;
import org.tamga.core.CodingService;
import org.tamga.model.Code;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Retrieval as researchers read it: every passage coded with the selected code(s) (and, if
 * chosen, their children), each whole and wrapped under a line naming its document, position,
 * code and coder, with its memo below. Double-click (or Enter) jumps to it; the passages export as
 * a Word or HTML quote report, or as CSV.
 */
final class RetrievalPane {
    /** Where the retrieved passages go. */
    interface Exports {
        void csv(List<CodingService.Segment> segments);
        void docx(List<Code> codes, boolean withChildren);
        void html(List<Code> codes, boolean withChildren);
    }

    final ListView<Queries.Retrieved> list = new ListView<>();
    final CheckBox children;
    final Label title = new Label();
    final MenuButton export;
    final BorderPane root = new BorderPane();
    private final ProjectModel model;
    private final I18n i18n;
    private List<Code> codes = List.of();

    RetrievalPane(ProjectModel model, I18n i18n, Consumer<CodingService.Segment> open, Exports exports) {
        this.model = model;
        this.i18n = i18n;
        list.setId("retrievalList");
        title.setId("retrievalTitle");
        title.setMinWidth(0);
        children = new CheckBox(i18n.t("retrieval.children"));
        children.setSelected(true);
        children.selectedProperty().addListener((o, a, b) -> refresh());
        MenuItem docx = new MenuItem(i18n.t("retrieval.export.docx"));
        docx.setOnAction(e -> { if (!codes.isEmpty()) exports.docx(current(), children.isSelected()); });
        MenuItem html = new MenuItem(i18n.t("retrieval.export.html"));
        html.setOnAction(e -> { if (!codes.isEmpty()) exports.html(current(), children.isSelected()); });
        MenuItem csv = new MenuItem(i18n.t("retrieval.export.csv"));
        csv.setOnAction(e -> exports.csv(list.getItems().stream().map(Queries.Retrieved::segment).toList()));
        export = new MenuButton(i18n.t("retrieval.export"), null, docx, html, csv);
        export.setId("retrievalExport");
        title.setText(i18n.t("retrieval.none"));
        list.setPlaceholder(new Label(i18n.t("retrieval.none")));
        list.setCellFactory(l -> new PassageCell());
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && list.getSelectionModel().getSelectedItem() != null) open.accept(list.getSelectionModel().getSelectedItem().segment());
        });
        list.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER && list.getSelectionModel().getSelectedItem() != null) open.accept(list.getSelectionModel().getSelectedItem().segment());
        });
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox top = new HBox(8, title, spacer, children, export);
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(4, 6, 4, 6));
        root.setTop(top);
        root.setCenter(list);
        model.revision.addListener((o, a, b) -> refresh());
    }

    /** One passage: a line naming where it is and who coded it, the passage between its context (grey), its memo. */
    private final class PassageCell extends ListCell<Queries.Retrieved> {
        private final Rectangle swatch = new Rectangle(10, 10);
        private final Label head = new Label();
        /** The context, the passage and the context again, each run of a script in its face (ADR 33). */
        private final TextFlow text = new TextFlow();
        private final Label memo = new Label();
        private final VBox box;

        PassageCell() {
            head.getStyleClass().add("passage-head");
            head.setGraphic(swatch);
            head.setMinWidth(0);
            memo.getStyleClass().add("passage-memo");
            memo.setWrapText(true);
            memo.managedProperty().bind(memo.visibleProperty());
            box = new VBox(2, head, text, memo);
            box.setPadding(new Insets(2, 0, 4, 0));
            // wrapped at the list's width (less its scroll bar)
            text.prefWidthProperty().bind(list.widthProperty().subtract(40));
            text.maxWidthProperty().bind(list.widthProperty().subtract(40));
            memo.maxWidthProperty().bind(list.widthProperty().subtract(40));
            setPrefWidth(0);
        }

        @Override protected void updateItem(Queries.Retrieved r, boolean empty) {
            super.updateItem(r, empty);
            setText(null);
            if (empty || r == null) { setGraphic(null); return; }
            CodingService.Segment s = r.segment();
            var q = r.quote();
            swatch.setFill(Color.web(s.code().color() == null ? CodingStyles.DEFAULT_COLOUR : s.code().color()));
            head.setText(i18n.t(q.speaker() == null ? "retrieval.head" : "retrieval.headSpeaker", s.document().name(), q.paragraphs(),
                    s.code().name(), s.coder(), q.speaker()));
            java.util.List<javafx.scene.Node> runs = new java.util.ArrayList<>();
            if (q.before() != null && !q.before().isEmpty()) runs.addAll(Fonts.texts("…" + q.before(), 0, "passage-context"));
            runs.addAll(Fonts.texts(s.text(), 0, "passage-text"));
            if (q.after() != null && !q.after().isEmpty()) runs.addAll(Fonts.texts(q.after() + "…", 0, "passage-context"));
            text.getChildren().setAll(runs);
            memo.setText(s.coding().memo() == null ? "" : i18n.t("retrieval.memo", s.coding().memo()));
            memo.setVisible(s.coding().memo() != null && !s.coding().memo().isBlank());
            setGraphic(box);
        }
    }

    /** Shows the passages of one or more codes (select several in the codebook with Ctrl or Shift). */
    void show(List<Code> codes) {
        this.codes = List.copyOf(codes);
        refresh();
    }

    List<Code> current() {
        return codes.stream().map(c -> model.codebook.get().byGuid(c.guid()).orElse(null)).filter(Objects::nonNull).toList();
    }

    void refresh() {
        if (codes.isEmpty() || !model.isOpen()) return;
        List<Code> current = current();
        if (current.isEmpty()) { list.getItems().clear(); title.setText(i18n.t("retrieval.none")); return; }
        String names = String.join(" + ", current.stream().map(Code::name).toList());
        model.queries().retrieve(current, children.isSelected(), segments -> {
            list.getItems().setAll(segments);
            title.setText(i18n.t("retrieval.count", segments.size(), names));
        });
    }
}
