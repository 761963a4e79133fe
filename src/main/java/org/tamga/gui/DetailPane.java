package org.tamga.gui;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import javafx.scene.paint.Color;
import org.tamga.model.Code;
import org.tamga.model.Coding;
import org.tamga.model.Document;

import java.util.List;
import java.util.function.Supplier;

/** The right-hand pane: the open document's memo, the selected code's definition and memo, the codings at the cursor. */
final class DetailPane {
    final VBox root = new VBox(6);
    final TextArea documentMemo = new TextArea();
    final TextArea codeDefinition = new TextArea();
    final TextArea codeMemo = new TextArea();
    final ListView<Coding> codings = new ListView<>();
    final TextArea codingMemo = new TextArea();
    private final ProjectModel model;
    private Document document;
    private Code code;

    DetailPane(ProjectModel model, I18n i18n, Supplier<int[]> selection) {
        this.model = model;
        root.setPadding(new Insets(6));
        root.setPrefWidth(300);
        documentMemo.setId("documentMemo");
        codeDefinition.setId("codeDefinition");
        codings.setId("codingsAtCaret");
        for (TextArea t : List.of(documentMemo, codeDefinition, codeMemo, codingMemo)) { t.setWrapText(true); t.setPrefRowCount(4); }
        codeDefinition.setPrefRowCount(8);

        Button saveDocMemo = new Button(i18n.t("detail.save"));
        saveDocMemo.setOnAction(e -> { if (document != null) model.setDocumentMemo(document, documentMemo.getText()); });
        TitledPane docPane = new TitledPane(i18n.t("detail.document") + " · " + i18n.t("detail.memo"), new VBox(4, documentMemo, saveDocMemo));

        Button saveCode = new Button(i18n.t("detail.save"));
        saveCode.setOnAction(e -> {
            if (code == null) return;
            if (!codeDefinition.getText().equals(nz(code.description()))) model.describeCode(code, codeDefinition.getText());
            if (!codeMemo.getText().equals(nz(code.memo()))) model.setCodeMemo(code, codeMemo.getText());
        });
        TitledPane codePane = new TitledPane(i18n.t("detail.code"), new VBox(4, new Label(i18n.t("detail.definition")), codeDefinition,
                new Label(i18n.t("detail.memo")), codeMemo, saveCode));

        codings.setPlaceholder(new Label(i18n.t("detail.codings.none")));
        codings.setPrefHeight(120);
        codings.setCellFactory(l -> new ListCell<>() {
            @Override protected void updateItem(Coding c, boolean empty) {
                super.updateItem(c, empty);
                if (empty || c == null) { setText(null); setGraphic(null); return; }
                Code k = model.codebook.get().byId(c.codeId()).orElse(null);
                String coder = model.coderNames.get().getOrDefault(c.coderId(), "");
                Rectangle swatch = new Rectangle(10, 10, Color.web(k == null || k.color() == null ? CodingStyles.DEFAULT_COLOUR : k.color()));
                setGraphic(swatch);
                setText((k == null ? "?" : k.name()) + "\n" + coder + " · " + c.start() + "–" + c.end());
            }
        });
        Button remove = new Button(i18n.t("detail.remove"));
        remove.setId("removeCoding");
        remove.setOnAction(e -> { Coding c = codings.getSelectionModel().getSelectedItem(); if (c != null) model.removeCoding(c); });
        Button setRange = new Button(i18n.t("detail.setToSelection"));
        setRange.setOnAction(e -> {
            Coding c = codings.getSelectionModel().getSelectedItem();
            int[] sel = selection.get();
            if (c != null && sel[1] > sel[0]) model.changeRange(c, sel[0], sel[1]);
        });
        Button saveCodingMemo = new Button(i18n.t("detail.save"));
        saveCodingMemo.setOnAction(e -> { Coding c = codings.getSelectionModel().getSelectedItem(); if (c != null) model.setCodingMemo(c, codingMemo.getText()); });
        codings.getSelectionModel().selectedItemProperty().addListener((o, a, c) -> codingMemo.setText(c == null ? "" : nz(c.memo())));
        TitledPane codingPane = new TitledPane(i18n.t("detail.codings"), new VBox(4, codings, new HBox(6, remove, setRange),
                new Label(i18n.t("detail.memo")), codingMemo, saveCodingMemo));

        root.getChildren().addAll(docPane, codePane, codingPane);
    }

    private static String nz(String s) { return s == null ? "" : s; }

    void showDocument(Document d) {
        document = d;
        documentMemo.setText(d == null ? "" : nz(d.memo()));
    }

    void showCode(Code c) {
        code = c;
        codeDefinition.setText(c == null ? "" : nz(c.description()));
        codeMemo.setText(c == null ? "" : nz(c.memo()));
    }

    void showCodings(List<Coding> atCaret) {
        codings.getItems().setAll(atCaret);
        if (!atCaret.isEmpty()) codings.getSelectionModel().selectFirst();
    }
}
