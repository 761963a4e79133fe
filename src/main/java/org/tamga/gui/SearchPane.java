package org.tamga.gui;

import javafx.animation.PauseTransition;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.util.Duration;
import org.tamga.core.SearchService;
import org.tamga.model.Code;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * The search panel: the core's query syntax, results as a sortable keyword-in-context table.
 * Searching runs in the background (typing never waits for it, and a slower older search never
 * overwrites a newer one's results); clicking a hit opens its document with the match selected.
 */
final class SearchPane {
    final TextField query = new TextField();
    final TableView<SearchService.Hit> results = new TableView<>();
    final Label count = new Label();
    final Button codeHits = new Button();
    final javafx.scene.control.ComboBox<String> speaker = new javafx.scene.control.ComboBox<>();
    /** Only the documents with one value of an attribute: "All documents", or "NAME = VALUE" items. */
    final javafx.scene.control.ComboBox<String> attribute = new javafx.scene.control.ComboBox<>();
    private final java.util.Map<String, java.util.Map<String, String>> attributeChoices = new java.util.HashMap<>();
    final BorderPane root = new BorderPane();
    private final ProjectModel model;
    private final I18n i18n;
    private int sequence;
    private String lastQuery;
    private int lastRevision = -1;

    SearchPane(ProjectModel model, I18n i18n, Supplier<Code> selectedCode, BiConsumer<SearchService.Hit, Boolean> open) {
        this.model = model;
        this.i18n = i18n;
        Fonts.load(); // --- fonts by script (ADR 33): the field is set in the Latin face (tamga.css #searchField); Chinese and Mongolian come from the bundled faces by fallback
        query.setId("searchField");
        query.setPromptText(i18n.t("search.prompt"));
        results.setId("searchResults");
        count.setId("searchCount");
        codeHits.setId("codeHits");
        Button run = new Button(i18n.t("search.run"));
        run.setOnAction(e -> search());
        query.setOnAction(e -> search());
        PauseTransition typing = new PauseTransition(Duration.millis(400));
        typing.setOnFinished(e -> search());
        query.textProperty().addListener((o, a, b) -> typing.playFromStart());

        TableColumn<SearchService.Hit, String> doc = new TableColumn<>(i18n.t("search.col.document"));
        doc.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().document().name()));
        doc.setPrefWidth(200);
        doc.setMaxWidth(320);
        TableColumn<SearchService.Hit, Integer> pos = new TableColumn<>(i18n.t("search.col.position"));
        pos.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().start()));
        pos.setPrefWidth(70);
        pos.setMinWidth(60);
        pos.setMaxWidth(90);
        // the classic concordance layout: left context right-aligned, the match, right context
        TableColumn<SearchService.Hit, String> left = new TableColumn<>(i18n.t("search.col.left"));
        left.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().context().left()));
        left.setPrefWidth(330);
        TableColumn<SearchService.Hit, String> match = new TableColumn<>(i18n.t("search.col.match"));
        match.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().match()));
        match.setPrefWidth(110);
        TableColumn<SearchService.Hit, String> right = new TableColumn<>(i18n.t("search.col.right"));
        right.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().context().right()));
        right.setPrefWidth(330);
        // --- fonts by script (ADR 33): the concordance draws each run of its contexts and match in its script's face
        left.setCellFactory(c -> new ScriptCell<>(Pos.CENTER_RIGHT, "kwic-text"));
        match.setCellFactory(c -> new ScriptCell<>(Pos.CENTER, "kwic-text", "kwic-match"));
        right.setCellFactory(c -> new ScriptCell<>(Pos.CENTER_LEFT, "kwic-text"));
        // --- end fonts by script
        results.getColumns().setAll(List.of(doc, pos, left, match, right));
        results.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        results.setPlaceholder(new Label(""));
        results.setFixedCellSize(26);
        results.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        results.getSelectionModel().selectedItemProperty().addListener((o, a, hit) -> {
            if (hit != null && results.getSelectionModel().getSelectedItems().size() == 1) open.accept(hit, false);
        });

        codeHits.setOnAction(e -> {
            Code code = selectedCode.get();
            List<SearchService.Hit> hits = List.copyOf(results.getSelectionModel().getSelectedItems());
            if (code == null || hits.isEmpty()) return;
            model.applyCodeToHits(code, hits, null);
        });
        updateCodeButton(null);

        speaker.setId("speakerFilter");
        speaker.setPromptText(i18n.t("search.speaker.all"));
        speaker.setTooltip(new javafx.scene.control.Tooltip(i18n.t("search.speaker.tip")));
        speaker.setOnShowing(e -> model.speakers(names -> {
            String chosen = speaker.getValue();
            java.util.List<String> items = new java.util.ArrayList<>();
            items.add(i18n.t("search.speaker.all"));
            items.addAll(names);
            speaker.getItems().setAll(items);
            speaker.setValue(chosen);
        }));
        speaker.valueProperty().addListener((o, a, b) -> { lastQuery = null; search(); });
        attribute.setId("searchAttribute");
        attribute.setPromptText(i18n.t("report.allDocuments"));
        attribute.setOnShowing(e -> model.attributeValues(inUse -> {
            String chosen = attribute.getValue();
            java.util.List<String> items = new java.util.ArrayList<>();
            items.add(i18n.t("report.allDocuments"));
            attributeChoices.clear();
            inUse.forEach((name, values) -> {
                for (String v : values) {
                    String item = name + " = " + v;
                    items.add(item);
                    attributeChoices.put(item, java.util.Map.of(name, v));
                }
            });
            attribute.getItems().setAll(items);
            attribute.setValue(chosen);
        }));
        attribute.valueProperty().addListener((o, a, b) -> { lastQuery = null; search(); });
        HBox top = new HBox(8, query, speaker, attribute, run, count);
        HBox.setHgrow(query, Priority.ALWAYS);
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(6));
        HBox bottom = new HBox(8, codeHits);
        bottom.setPadding(new Insets(6));
        root.setTop(top);
        root.setCenter(results);
        root.setBottom(bottom);
    }

    void updateCodeButton(Code code) {
        codeHits.setText(code == null ? i18n.t("search.codeHitsNone") : i18n.t("search.codeHits", code.name()));
        codeHits.setDisable(code == null);
    }

    void search() {
        String q = query.getText();
        if (q == null || q.isBlank() || !model.isOpen()) return;
        // Enter and the typing pause both ask; the same query over the same codings runs once
        if (q.equals(lastQuery) && lastRevision == model.revision.get()) return;
        lastQuery = q;
        lastRevision = model.revision.get();
        int mine = ++sequence;
        String who = speaker.getValue() == null || speaker.getValue().equals(i18n.t("search.speaker.all")) ? null : speaker.getValue();
        java.util.Map<String, String> where = attribute.getValue() == null ? java.util.Map.of()
                : attributeChoices.getOrDefault(attribute.getValue(), java.util.Map.of());
        model.search(SearchService.Request.of(q).context(50).limit(5000).spokenBy(who), where, result -> {
            if (mine != sequence) return; // a newer search is on its way
            results.getItems().setAll(result.hits());
            count.setText(i18n.t(result.truncated() ? "search.truncated" : "search.count", result.hits().size(), result.documents()));
        });
    }
}
