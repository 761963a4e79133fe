package org.tamga.gui;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.tamga.core.CodingService;
import org.tamga.model.Code;

import java.util.List;
import java.util.function.Consumer;

/** Retrieval: every segment coded with the selected code (optionally its children), with jump-to-source and export. */
final class RetrievalPane {
    final TableView<CodingService.Segment> table = new TableView<>();
    final CheckBox children;
    final Label title = new Label();
    final Button export;
    final BorderPane root = new BorderPane();
    private final ProjectModel model;
    private final I18n i18n;
    private List<Code> codes = List.of();

    RetrievalPane(ProjectModel model, I18n i18n, Consumer<CodingService.Segment> open, Consumer<List<CodingService.Segment>> exporter) {
        this.model = model;
        this.i18n = i18n;
        table.setId("retrievalTable");
        title.setId("retrievalTitle");
        children = new CheckBox(i18n.t("retrieval.children"));
        children.setSelected(true);
        children.selectedProperty().addListener((o, a, b) -> refresh());
        export = new Button(i18n.t("retrieval.export"));
        export.setOnAction(e -> exporter.accept(List.copyOf(table.getItems())));
        title.setText(i18n.t("retrieval.none"));

        TableColumn<CodingService.Segment, String> doc = new TableColumn<>(i18n.t("search.col.document"));
        doc.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().document().name()));
        doc.setPrefWidth(200);
        TableColumn<CodingService.Segment, String> codeCol = new TableColumn<>(i18n.t("retrieval.col.code"));
        codeCol.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().code().name()));
        codeCol.setPrefWidth(200);
        TableColumn<CodingService.Segment, String> coder = new TableColumn<>(i18n.t("retrieval.col.coder"));
        coder.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().coder()));
        TableColumn<CodingService.Segment, Integer> pos = new TableColumn<>(i18n.t("search.col.position"));
        pos.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().coding().start()));
        TableColumn<CodingService.Segment, String> text = new TableColumn<>(i18n.t("retrieval.col.text"));
        text.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().text().replace('\n', ' ')));
        text.setPrefWidth(600);
        table.getColumns().setAll(List.of(doc, codeCol, coder, pos, text));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setRowFactory(t -> {
            TableRow<CodingService.Segment> row = new TableRow<>();
            row.setOnMouseClicked(e -> { if (e.getClickCount() == 2 && !row.isEmpty()) open.accept(row.getItem()); });
            return row;
        });
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox top = new HBox(8, title, spacer, children, export);
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(6));
        root.setTop(top);
        root.setCenter(table);
        model.revision.addListener((o, a, b) -> refresh());
    }

    /** Shows the segments of one or more codes (select several in the codebook with Ctrl or Shift). */
    void show(List<Code> codes) {
        this.codes = List.copyOf(codes);
        refresh();
    }

    void refresh() {
        if (codes.isEmpty() || !model.isOpen()) return;
        List<Code> current = codes.stream().map(c -> model.codebook.get().byGuid(c.guid()).orElse(null))
                .filter(java.util.Objects::nonNull).toList();
        if (current.isEmpty()) { table.getItems().clear(); title.setText(i18n.t("retrieval.none")); return; }
        String names = String.join(" + ", current.stream().map(Code::name).toList());
        model.retrieve(current, children.isSelected(), segments -> {
            table.getItems().setAll(segments);
            title.setText(i18n.t("retrieval.count", segments.size(), names));
        });
    }
}
