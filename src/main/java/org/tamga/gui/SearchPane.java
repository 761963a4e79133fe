package org.tamga.gui;

import javafx.animation.PauseTransition;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.util.Duration;
import org.controlsfx.control.CheckComboBox;
import org.controlsfx.control.textfield.TextFields;
import org.tamga.core.SearchService;
import org.tamga.model.Code;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The search panel: the core's query syntax in a clearable field, results as a sortable
 * keyword-in-context table. Searching runs in the background (typing never waits for it, and an
 * older search never overwrites a newer one's results); clicking a hit opens its document with
 * the match selected in the middle of the view. Hits can be limited to one speaker and to the
 * documents with some values of an attribute (several at once), and the selected hits coded.
 */
final class SearchPane {
    final TextField query = TextFields.createClearableTextField();
    final TableView<SearchService.Hit> results = new TableView<>();
    final Label count = new Label();
    final Button codeHits = new Button();
    final ComboBox<String> speaker = new ComboBox<>();
    /** Which attribute limits the documents: "All documents", or an attribute's name. */
    final ComboBox<String> attribute = new ComboBox<>();
    /** The values of that attribute whose documents are searched (several may be ticked). */
    final CheckComboBox<String> values = new CheckComboBox<>();
    /** Shows the filters; says how many are set. */
    final javafx.scene.control.ToggleButton filtersButton = new javafx.scene.control.ToggleButton();
    final BorderPane root = new BorderPane();
    private final ProjectModel model;
    private final I18n i18n;
    private Map<String, List<String>> inUse = Map.of();
    private int sequence;
    private String lastAsked;
    private int lastRevision = -1;
    private boolean offering;

    SearchPane(ProjectModel model, I18n i18n, Supplier<Code> selectedCode, Consumer<SearchService.Hit> open,
               BiConsumer<Code, List<SearchService.Hit>> code) {
        this.model = model;
        this.i18n = i18n;
        Fonts.load(); // --- fonts by script (ADR 33): the field is set in the Latin face (tamga.css #searchField); Chinese and Mongolian come from the bundled faces by fallback
        query.setId("searchField");
        query.setPromptText(i18n.t("search.prompt"));
        query.setTooltip(new Tooltip(i18n.t("search.syntax")));
        results.setId("searchResults");
        count.setId("searchCount");
        codeHits.setId("codeHits");
        query.setOnAction(e -> search());
        PauseTransition typing = new PauseTransition(Duration.millis(400));
        typing.setOnFinished(e -> search());
        query.textProperty().addListener((o, a, b) -> {
            if (b == null || b.isBlank()) { results.getItems().clear(); count.setText(""); lastAsked = null; typing.stop(); }
            else typing.playFromStart();
        });

        TableColumn<SearchService.Hit, String> doc = new TableColumn<>(i18n.t("search.col.document"));
        doc.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().document().name()));
        doc.setPrefWidth(170);
        doc.setMinWidth(90);
        TableColumn<SearchService.Hit, Integer> pos = new TableColumn<>(i18n.t("search.col.position"));
        pos.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().start()));
        pos.setPrefWidth(64);
        pos.setMinWidth(56);
        pos.setMaxWidth(90);
        // the classic concordance layout: left context right-aligned, the match, right context
        TableColumn<SearchService.Hit, String> left = new TableColumn<>(i18n.t("search.col.left"));
        left.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().context().left()));
        left.setPrefWidth(300);
        TableColumn<SearchService.Hit, String> match = new TableColumn<>(i18n.t("search.col.match"));
        match.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().match()));
        match.setPrefWidth(100);
        TableColumn<SearchService.Hit, String> right = new TableColumn<>(i18n.t("search.col.right"));
        right.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().context().right()));
        right.setPrefWidth(300);
        // --- fonts by script (ADR 33): the concordance draws each run of its contexts and match in its script's face
        left.setCellFactory(c -> new ScriptCell<>(Pos.CENTER_RIGHT, "kwic-text"));
        match.setCellFactory(c -> new ScriptCell<>(Pos.CENTER, "kwic-text", "kwic-match"));
        right.setCellFactory(c -> new ScriptCell<>(Pos.CENTER_LEFT, "kwic-text"));
        // --- end fonts by script
        results.getColumns().setAll(List.of(doc, pos, left, match, right));
        results.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        results.setPlaceholder(new Label(i18n.t("search.placeholder")));
        results.setFixedCellSize(22);
        results.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        results.getSelectionModel().selectedItemProperty().addListener((o, a, hit) -> {
            if (hit != null && results.getSelectionModel().getSelectedItems().size() == 1) open.accept(hit);
        });
        results.getSelectionModel().getSelectedItems().addListener((javafx.collections.ListChangeListener<SearchService.Hit>) c -> updateCodeButton(selectedCode.get()));

        codeHits.setOnAction(e -> {
            Code c = selectedCode.get();
            List<SearchService.Hit> chosen = List.copyOf(results.getSelectionModel().getSelectedItems());
            if (c != null && !chosen.isEmpty()) code.accept(c, chosen);
        });
        updateCodeButton(null);

        speaker.setId("speakerFilter");
        speaker.setPromptText(i18n.t("search.speaker.all"));
        speaker.setTooltip(new Tooltip(i18n.t("search.speaker.tip")));
        speaker.setOnShowing(e -> model.queries().speakers(names -> {
            String chosen = speaker.getValue();
            List<String> items = new ArrayList<>();
            items.add(i18n.t("search.speaker.all"));
            items.addAll(names);
            speaker.getItems().setAll(items);
            speaker.setValue(chosen);
        }));
        speaker.valueProperty().addListener((o, a, b) -> { lastAsked = null; search(); });

        attribute.setId("searchAttribute");
        attribute.setPromptText(i18n.t("report.allDocuments"));
        attribute.setTooltip(new Tooltip(i18n.t("search.attribute.tip")));
        attribute.setOnShowing(e -> offerAttributes());
        values.setId("searchValues");
        values.setTitle(i18n.t("search.values.title"));
        values.setShowCheckedCount(true);
        values.setDisable(true);
        attribute.valueProperty().addListener((o, a, name) -> {
            boolean all = name == null || name.equals(i18n.t("report.allDocuments"));
            offering = true;
            values.getCheckModel().clearChecks();
            values.getItems().setAll(all ? List.of() : inUse.getOrDefault(name, List.of()));
            if (!values.getItems().isEmpty()) values.getCheckModel().check(0);
            offering = false;
            values.setDisable(all);
            lastAsked = null;
            search();
        });
        values.getCheckModel().getCheckedItems().addListener((javafx.collections.ListChangeListener<String>) c -> {
            if (!offering) { lastAsked = null; search(); }
        });

        // the filters (speaker, attribute values) fold away under a button, so that a laptop screen keeps its rows for hits
        filtersButton.setId("searchFilters");
        filtersButton.setTooltip(new Tooltip(i18n.t("search.filters.tip")));
        FlowPane filters = new FlowPane(8, 4, speaker, new HBox(4, new Label(i18n.t("report.documentsWith")), attribute, values));
        ((HBox) filters.getChildren().get(1)).setAlignment(Pos.CENTER_LEFT);
        filters.setAlignment(Pos.CENTER_LEFT);
        filters.visibleProperty().bind(filtersButton.selectedProperty());
        filters.managedProperty().bind(filters.visibleProperty());
        Runnable label = () -> {
            int n = (speaker.getValue() == null || speaker.getValue().equals(i18n.t("search.speaker.all")) ? 0 : 1) + chosenValues().size();
            filtersButton.setText(n == 0 ? i18n.t("search.filters") : i18n.t("search.filtersOn", n));
        };
        speaker.valueProperty().addListener((o, a, b) -> label.run());
        attribute.valueProperty().addListener((o, a, b) -> label.run());
        values.getCheckModel().getCheckedItems().addListener((javafx.collections.ListChangeListener<String>) c -> label.run());
        label.run();
        HBox line = new HBox(8, query, count, filtersButton, codeHits);
        codeHits.setMinWidth(javafx.scene.control.Control.USE_PREF_SIZE);
        filtersButton.setMinWidth(javafx.scene.control.Control.USE_PREF_SIZE);
        HBox.setHgrow(query, Priority.ALWAYS);
        line.setAlignment(Pos.CENTER_LEFT);
        count.setMinWidth(javafx.scene.control.Control.USE_PREF_SIZE);
        javafx.scene.layout.VBox top = new javafx.scene.layout.VBox(4, line, filters);
        top.setPadding(new Insets(4, 6, 4, 6));
        root.setTop(top);
        root.setCenter(results);

        // documents imported from outside (the command line) are searched too: the query runs again
        model.outsideChanges.addListener((o, a, b) -> { if (lastAsked != null) { lastAsked = null; search(); } });
        // a rebuilt window (another language) shows the last search again
        Queries.Searched last = model.queries().lastSearch.get();
        if (last != null) { query.setText(last.query()); typing.stop(); show(last); lastAsked = last.query(); lastRevision = model.revision.get(); }
    }

    private void offerAttributes() {
        model.queries().attributeValues(found -> {
            inUse = found;
            String chosen = attribute.getValue();
            List<String> items = new ArrayList<>();
            items.add(i18n.t("report.allDocuments"));
            found.forEach((name, v) -> { if (!v.isEmpty()) items.add(name); });
            if (!items.equals(attribute.getItems())) {
                attribute.getItems().setAll(items);
                if (chosen != null && items.contains(chosen)) attribute.setValue(chosen);
            }
        });
    }

    void updateCodeButton(Code code) {
        int n = results.getSelectionModel().getSelectedItems().size();
        codeHits.setText(code == null ? i18n.t("search.codeHitsNone") : i18n.t("search.codeHits", n, code.name()));
        codeHits.setTooltip(new Tooltip(code == null ? i18n.t("search.codeHitsNoneTip") : i18n.t("search.codeHitsTip", n, code.name())));
        codeHits.setDisable(code == null || n == 0);
    }

    /** The chosen attribute values: attribute → ticked values (empty: all documents). */
    Map<String, Set<String>> chosenValues() {
        String name = attribute.getValue();
        if (name == null || name.equals(i18n.t("report.allDocuments"))) return Map.of();
        Set<String> ticked = new LinkedHashSet<>(values.getCheckModel().getCheckedItems());
        return ticked.isEmpty() ? Map.of() : Map.of(name, ticked);
    }

    void search() {
        String q = query.getText();
        if (q == null || q.isBlank() || !model.isOpen()) return;
        String who = speaker.getValue() == null || speaker.getValue().equals(i18n.t("search.speaker.all")) ? null : speaker.getValue();
        Map<String, Set<String>> where = chosenValues();
        String asked = q + "\u0000" + who + "\u0000" + where;
        // Enter and the typing pause both ask; the same search over the same codings runs once
        if (asked.equals(lastAsked) && lastRevision == model.revision.get()) return;
        lastAsked = asked;
        lastRevision = model.revision.get();
        int mine = ++sequence;
        model.queries().search(q, who, where, searched -> {
            if (mine != sequence) return; // a newer search is on its way
            show(searched);
        });
    }

    private void show(Queries.Searched searched) {
        SearchService.Result result = searched.result();
        results.getItems().setAll(result.hits());
        count.setText(i18n.t(result.truncated() ? "search.truncated" : "search.count", result.hits().size(), result.documents()));
    }
}
