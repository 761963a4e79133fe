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
import java.util.Locale;

/**
 * The right-hand pane, top to bottom: the codings at the cursor (seen without scrolling), the
 * selected code's colour, definition, memo and history, and the open document's source, speakers,
 * attributes, cases and memo.
 */
final class DetailPane {
    final VBox root = new VBox(6);
    final TextArea documentMemo = new TextArea();
    final Label documentSource = new Label();
    final javafx.scene.control.ComboBox<String> speakers = new javafx.scene.control.ComboBox<>();
    final Label documentAttributes = new Label();
    final Button setAttribute = new Button();
    final Button addToCase = new Button();
    final javafx.scene.control.ColorPicker codeColour = new javafx.scene.control.ColorPicker();
    final TextArea codeDefinition = new TextArea();
    final TextArea codeMemo = new TextArea();
    final ListView<Coding> codings = new ListView<>();
    final TextArea codingMemo = new TextArea();
    final CodeHistoryList codeHistory;
    private final ProjectModel model;
    private Document document;
    private TitledPane codePane;
    private Coding pinned;
    private HBox speakerRow;
    private Label speakerLabel;
    private Code code;
    private final I18n i18n;

    DetailPane(ProjectModel model, I18n i18n, Supplier<int[]> selection) {
        this.model = model;
        this.i18n = i18n;
        root.setPadding(new Insets(6));
        root.setPrefWidth(300);
        documentMemo.setId("documentMemo");
        codeDefinition.setId("codeDefinition");
        codings.setId("codingsAtCaret");
        for (TextArea t : List.of(documentMemo, codeDefinition, codeMemo, codingMemo)) { t.setWrapText(true); t.setPrefRowCount(4); }
        codeDefinition.setPrefRowCount(5);
        codingMemo.setPrefRowCount(2);
        codeMemo.setPrefRowCount(3);

        Button saveDocMemo = new Button(i18n.t("detail.save"));
        saveDocMemo.setOnAction(e -> { if (document != null) model.documents().setMemo(document, documentMemo.getText()); });
        documentSource.setId("documentSource");
        documentSource.setWrapText(true);
        speakers.setId("speakerList");
        speakers.setMaxWidth(Double.MAX_VALUE);
        Button renameSpeaker = new Button(i18n.t("detail.speaker.rename"));
        renameSpeaker.setOnAction(e -> {
            String chosen = speakers.getValue();
            if (chosen == null) return;
            String name = chosen.replaceFirst("\\s+\\(\\d+\\)$", "");
            javafx.scene.control.TextInputDialog d = new javafx.scene.control.TextInputDialog(name);
            d.setHeaderText(i18n.t("detail.speaker.renameHeader", name));
            d.setContentText(i18n.t("detail.speaker.newName"));
            javafx.scene.control.CheckBox everywhere = new javafx.scene.control.CheckBox(i18n.t("detail.speaker.everywhere"));
            d.getDialogPane().setExpandableContent(everywhere);
            d.getDialogPane().setExpanded(true);
            d.initOwner(root.getScene().getWindow());
            d.showAndWait().filter(n -> !n.isBlank() && !n.strip().equals(name))
                    .ifPresent(n -> model.documents().renameSpeaker(name, n.strip(), everywhere.isSelected() ? null : document, null));
        });
        speakerLabel = new Label(i18n.t("detail.speakers"));
        speakerRow = new HBox(4, speakers, renameSpeaker);
        for (javafx.scene.Node n : List.of(speakerLabel, speakerRow)) n.managedProperty().bind(n.visibleProperty());
        documentAttributes.setId("documentAttributes");
        documentAttributes.setWrapText(true);
        // attribute values in traditional Mongolian are shown in its face, wrapped at the pane's width
        Fonts.byScript(documentAttributes, root.widthProperty().subtract(40));
        setAttribute.setId("setAttribute");
        setAttribute.setText(i18n.t("detail.attribute.set"));
        setAttribute.setOnAction(e -> { if (document != null) model.documents().attributes(this::askForAttribute); });
        addToCase.setId("addToCase");
        addToCase.setText(i18n.t("detail.case.add"));
        addToCase.setOnAction(e -> { if (document != null) model.documents().caseNames(this::askForCase); });
        TitledPane docPane = new TitledPane(i18n.t("detail.document"), new VBox(4, documentSource,
                speakerLabel, speakerRow, new Label(i18n.t("detail.attributes")), documentAttributes, new HBox(4, setAttribute, addToCase),
                new Label(i18n.t("detail.memo")), documentMemo, saveDocMemo));

        Button saveCode = new Button(i18n.t("detail.save"));
        saveCode.setOnAction(e -> {
            if (code == null) return;
            if (!codeDefinition.getText().equals(nz(code.description()))) model.codes().describe(code, codeDefinition.getText());
            if (!codeMemo.getText().equals(nz(code.memo()))) model.codes().setMemo(code, codeMemo.getText());
        });
        codeColour.setId("codeColour");
        codeColour.setOnAction(e -> {
            if (code == null) return;
            javafx.scene.paint.Color c = codeColour.getValue();
            String hex = String.format(Locale.ROOT, "#%02X%02X%02X", (int) Math.round(c.getRed() * 255), (int) Math.round(c.getGreen() * 255),
                    (int) Math.round(c.getBlue() * 255));
            if (!hex.equalsIgnoreCase(nz(code.color()))) model.codes().recolour(code, hex);
        });
        codeHistory = new CodeHistoryList(model, i18n);
        codePane = new TitledPane(i18n.t("detail.code"), new VBox(4, codeColour, new Label(i18n.t("detail.definition")), codeDefinition,
                new Label(i18n.t("detail.memo")), codeMemo, saveCode, codeHistory.root));

        codings.setPlaceholder(new Label(i18n.t("detail.codings.none")));
        codings.setPrefHeight(104);
        codings.setMinHeight(60);
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
        remove.setOnAction(e -> { Coding c = codings.getSelectionModel().getSelectedItem(); if (c != null) model.coding().remove(c); });
        Button setRange = new Button(i18n.t("detail.setToSelection"));
        setRange.setOnAction(e -> {
            // the coding chosen last: selecting the new boundaries moves the cursor, and with it the list
            Coding c = pinned;
            int[] sel = selection.get();
            if (c != null && sel[1] > sel[0]) model.coding().changeRange(c, sel[0], sel[1]);
        });
        Button saveCodingMemo = new Button(i18n.t("detail.save"));
        saveCodingMemo.setOnAction(e -> { Coding c = codings.getSelectionModel().getSelectedItem(); if (c != null) model.coding().setMemo(c, codingMemo.getText()); });
        codings.getSelectionModel().selectedItemProperty().addListener((o, a, c) -> {
            codingMemo.setText(c == null ? "" : nz(c.memo()));
            if (c != null) pinned = c;
        });
        codingMemo.setPromptText(i18n.t("detail.codingMemo.prompt"));
        TitledPane codingPane = new TitledPane(i18n.t("detail.codings"), new VBox(4, codings, new HBox(6, remove, setRange, saveCodingMemo),
                codingMemo));

        codingPane.setId("codingsPane");
        docPane.setExpanded(true);
        root.getChildren().addAll(codingPane, codePane, docPane);
        showCode(null);
    }

    private static String nz(String s) { return s == null ? "" : s; }

    /** A dialog for one attribute of the open document: its name (one the project has, or a new one) and its value. */
    private void askForAttribute(List<org.tamga.model.Attribute> known) {
        Document doc = document;
        if (doc == null) return;
        javafx.scene.control.Dialog<String[]> d = new javafx.scene.control.Dialog<>();
        d.setTitle(i18n.t("detail.attribute.set"));
        d.setHeaderText(i18n.t("detail.attribute.header", doc.name()));
        javafx.scene.control.ComboBox<String> name = new javafx.scene.control.ComboBox<>();
        name.setId("attributeName");
        name.setEditable(true);
        name.getItems().setAll(known.stream().map(org.tamga.model.Attribute::name).toList());
        javafx.scene.control.TextField value = new javafx.scene.control.TextField();
        value.setId("attributeValue");
        var own = currentAttributes == null ? java.util.Map.<String, String>of() : currentAttributes.own();
        name.valueProperty().addListener((o, a, n) -> value.setText(n == null ? "" : own.getOrDefault(n, "")));
        javafx.scene.layout.GridPane grid = new javafx.scene.layout.GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        grid.addRow(0, new Label(i18n.t("detail.attribute.name")), name);
        grid.addRow(1, new Label(i18n.t("detail.attribute.value")), value);
        d.getDialogPane().setContent(grid);
        d.getDialogPane().getButtonTypes().addAll(javafx.scene.control.ButtonType.OK, javafx.scene.control.ButtonType.CANCEL);
        d.setResultConverter(b -> b == javafx.scene.control.ButtonType.OK ? new String[]{name.getEditor().getText(), value.getText()} : null);
        d.initOwner(root.getScene().getWindow());
        d.showAndWait().filter(r -> r[0] != null && !r[0].isBlank()).ifPresent(r -> model.documents().setAttribute(doc, r[0], r[1]));
    }

    /** A dialog that puts the open document in a case: one the project has, or a new one. */
    private void askForCase(List<String> known) {
        Document doc = document;
        if (doc == null) return;
        javafx.scene.control.Dialog<String> d = new javafx.scene.control.Dialog<>();
        d.setTitle(i18n.t("detail.case.add"));
        d.setHeaderText(i18n.t("detail.case.header", doc.name()));
        javafx.scene.control.ComboBox<String> name = new javafx.scene.control.ComboBox<>();
        name.setId("caseName");
        name.setEditable(true);
        name.getItems().setAll(known);
        javafx.scene.layout.GridPane grid = new javafx.scene.layout.GridPane();
        grid.setHgap(8);
        grid.addRow(0, new Label(i18n.t("detail.case.name")), name);
        d.getDialogPane().setContent(grid);
        d.getDialogPane().getButtonTypes().addAll(javafx.scene.control.ButtonType.OK, javafx.scene.control.ButtonType.CANCEL);
        d.setResultConverter(b -> b == javafx.scene.control.ButtonType.OK ? name.getEditor().getText() : null);
        d.initOwner(root.getScene().getWindow());
        d.showAndWait().filter(n -> !n.isBlank()).ifPresent(n -> model.documents().addToCase(doc, n));
    }

    private org.tamga.core.CaseService.DocumentAttributes currentAttributes;

    /** "Age: 54 · Banner: Xilinhot (from its case)", and the cases, or a word that there are none. */
    String attributesText(org.tamga.core.CaseService.DocumentAttributes a) {
        if (a == null || (a.values().isEmpty() && a.cases().isEmpty())) return i18n.t("detail.attributes.none");
        List<String> lines = new java.util.ArrayList<>();
        a.values().forEach((k, v) -> lines.add(k + ": " + v + (a.own().containsKey(k) ? "" : " " + i18n.t("detail.attributes.fromCase"))));
        if (!a.cases().isEmpty()) lines.add(i18n.t("detail.cases", String.join(", ", a.cases())));
        return String.join("\n", lines);
    }

    void showDocument(ProjectModel.OpenDocument od) {
        document = od == null ? null : od.document();
        // the chosen coding, as it is now; forgotten when it is gone or another document is open
        String pinnedGuid = pinned == null ? null : pinned.guid();
        pinned = od == null || pinnedGuid == null ? null
                : od.codings().stream().filter(c -> c.guid().equals(pinnedGuid)).findFirst().orElse(null);
        documentMemo.setText(document == null ? "" : nz(document.memo()));
        currentAttributes = od == null ? null : od.attributes();
        documentAttributes.setText(od == null ? "" : attributesText(od.attributes()));
        setAttribute.setDisable(od == null);
        addToCase.setDisable(od == null);
        if (od == null) { documentSource.setText(""); speakers.getItems().clear(); speakerLabel.setVisible(false); speakerRow.setVisible(false); return; }
        var src = od.source();
        List<String> parts = new java.util.ArrayList<>();
        if (document.sourceFile() != null) parts.add(document.sourceFile());
        if (src != null && src.format() != null) parts.add(src.format() + (src.size() == null ? "" : ", " + (src.size() + 1023) / 1024 + " KB"));
        if (src != null && src.title() != null) parts.add("\u201C" + src.title() + "\u201D");
        if (src != null && src.author() != null) parts.add(src.author());
        if (src != null && src.created() != null) parts.add(src.created().toString().substring(0, 10));
        if (src != null && src.modified() != null) parts.add("\u2192 " + src.modified().toString().substring(0, 10));
        if (document.sourceEncoding() != null) parts.add(document.sourceEncoding());
        documentSource.setText(String.join(" · ", parts));
        speakers.getItems().setAll(od.speakers().stream().map(sp -> sp.name() + " (" + sp.turns() + ")").toList());
        if (!speakers.getItems().isEmpty()) speakers.getSelectionModel().selectFirst();
        speakerLabel.setVisible(!speakers.getItems().isEmpty());
        speakerRow.setVisible(!speakers.getItems().isEmpty());
    }

    void showCode(Code c) {
        code = c;
        codePane.setDisable(c == null);
        codeColour.setValue(javafx.scene.paint.Color.web(c == null || c.color() == null ? CodingStyles.DEFAULT_COLOUR : c.color()));
        codeDefinition.setText(c == null ? "" : nz(c.description()));
        codeMemo.setText(c == null ? "" : nz(c.memo()));
        codeHistory.show(c);
    }

    void showCodings(List<Coding> atCaret) {
        if (pinned != null && atCaret.isEmpty()) {
            // keep the chosen coding in view while the researcher selects its new boundaries
            codings.getItems().setAll(List.of(pinned));
            return;
        }
        codings.getItems().setAll(atCaret);
        if (!atCaret.isEmpty()) codings.getSelectionModel().selectFirst();
    }
}
