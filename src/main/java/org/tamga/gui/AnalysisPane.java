package org.tamga.gui;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TablePosition;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.tamga.core.AnalysisService;
import org.tamga.core.Bands;
import org.tamga.model.Attribute;
import org.tamga.model.Code;
import org.tamga.model.Document;
import org.tamga.report.Cooccurrence;
import org.tamga.report.Crosstab;
import org.tamga.report.chart.AnalysisCharts;
import org.tamga.report.chart.Drawing;
import org.tamga.report.chart.Heatmap;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Analysis area: code co-occurrence and code × attribute (or × case) tables, each as a table and
 * a heatmap, and word frequencies ({@link WordsView}), with the passages behind the selected cell beside them (double-click opens the
 * transcript there) and exports. The numbers are the core's ({@link AnalysisService}), the same the
 * command line writes; the heatmaps are the report layer's, as PNG and SVG export them.
 */
final class AnalysisPane {
    /** Where a passage opens, and where exports go. */
    interface Actions {
        void open(Document document, int start, int end);
        void cooccurrenceCsv(Cooccurrence table, boolean longLayout);
        void cooccurrenceXlsx(Cooccurrence table);
        void crosstabCsv(Crosstab table, Crosstab.Count count, Crosstab.Percent percent, boolean longLayout);
        void crosstabXlsx(Crosstab table, Crosstab.Count count);
        void chart(Drawing drawing, String suggested, boolean png);
        void wordsCsv(org.tamga.report.WordFrequencies words, boolean longLayout);
        void wordsXlsx(org.tamga.report.WordFrequencies words);
        void agreement(org.tamga.report.AgreementReport report, org.tamga.report.AgreementWriter.Table table, String format);
    }

    /** A passage behind a cell: where it is, and what to show of it. */
    record Passage(Document document, int start, int end, String text) {}

    final BorderPane root = new BorderPane();
    final TabPane views;

    // co-occurrence
    final ComboBox<Cooccurrence.Kind> rule = new ComboBox<>();
    final Spinner<Integer> distance = new Spinner<>(0, 100_000, 50, 10);
    final CheckBox coChildren;
    final ComboBox<AnalysisCharts.Measure> measure = new ComboBox<>();
    final TableView<int[]> pairs = new TableView<>();
    final ChartView coHeatmap = new ChartView("cooccurrenceHeatmap");
    final ListView<Passage> coPassages = new ListView<>();
    final Label coPassagesTitle = new Label();
    private Cooccurrence cooccurrence;

    // crosstab
    final ComboBox<String> columns = new ComboBox<>();
    final ComboBox<String> nested = new ComboBox<>();
    final TextField bands = new TextField();
    final ComboBox<Crosstab.Count> count = new ComboBox<>();
    final ComboBox<Crosstab.Percent> percent = new ComboBox<>();
    final CheckBox crossChildren;
    final TableView<Integer> crossTable = new TableView<>();
    final ChartView crossHeatmap = new ChartView("crosstabHeatmap");
    final ListView<Passage> crossPassages = new ListView<>();
    final Label crossPassagesTitle = new Label();
    final Label crossHint = new Label();
    private Crosstab crosstab;
    private AnalysisService.Columns crosstabColumns;
    private List<Attribute> attributes = List.of();

    // words
    final WordsView words;

    // teamwork
    final AgreementView agreement;
    final DisagreementsView disagreements;

    private final ProjectModel model;
    private final I18n i18n;
    private final Actions actions;
    private boolean offering;

    AnalysisPane(ProjectModel model, I18n i18n, Actions actions) {
        this.model = model;
        this.i18n = i18n;
        this.actions = actions;
        coChildren = new CheckBox(i18n.t("analysis.withChildren"));
        crossChildren = new CheckBox(i18n.t("analysis.withChildren"));
        words = new WordsView(model, i18n, new WordsView.Actions() {
            @Override public void open(org.tamga.model.Document d, int start, int end) { actions.open(d, start, end); }
            @Override public void csv(org.tamga.report.WordFrequencies w, boolean longLayout) { actions.wordsCsv(w, longLayout); }
            @Override public void xlsx(org.tamga.report.WordFrequencies w) { actions.wordsXlsx(w); }
            @Override public void chart(Drawing d, String suggested, boolean png) { actions.chart(d, suggested, png); }
        });
        disagreements = new DisagreementsView(model, i18n, actions::open);
        agreement = new AgreementView(model, i18n, new AgreementView.Actions() {
            @Override public void export(org.tamga.report.AgreementReport r, org.tamga.report.AgreementWriter.Table t, String format) { actions.agreement(r, t, format); }
            @Override public void disagreements(List<String> coders, Code code) { showDisagreements(coders, code); }
        });
        views = new TabPane(new Tab(i18n.t("analysis.cooccurrence"), cooccurrenceView()), new Tab(i18n.t("analysis.crosstab"), crosstabView()),
                new Tab(i18n.t("analysis.words"), words.root), new Tab(i18n.t("agreement.title"), agreement.root),
                new Tab(i18n.t("disagreements.title"), disagreements.root));
        views.setId("analysisViews");
        views.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        views.getSelectionModel().selectedIndexProperty().addListener((o, a, b) -> refresh());
        root.setTop(limitsBar());
        root.setCenter(views);
        root.setId("analysisPane");
        model.revision.addListener((o, a, b) -> { if (root.getScene() != null && root.isVisible()) refresh(); });
    }

    // ---- co-occurrence ----------------------------------------------------------------------------

    private Node cooccurrenceView() {
        rule.setId("cooccurrenceRule");
        rule.getItems().setAll(Cooccurrence.Kind.values());
        rule.setConverter(Controls.converter(k -> i18n.t("analysis.rule." + k.name().toLowerCase(Locale.ROOT))));
        rule.setValue(Cooccurrence.Kind.OVERLAP);
        distance.setId("cooccurrenceDistance");
        distance.setEditable(true);
        distance.setPrefWidth(90);
        distance.visibleProperty().bind(rule.valueProperty().isEqualTo(Cooccurrence.Kind.DISTANCE));
        distance.managedProperty().bind(distance.visibleProperty());
        coChildren.setId("cooccurrenceChildren");
        measure.setId("cooccurrenceMeasure");
        measure.getItems().setAll(AnalysisCharts.Measure.values());
        measure.setConverter(Controls.converter(m -> i18n.t(switch (m) {
            case COOCCURRENCES -> "analysis.measure.count";
            case JACCARD -> "analysis.measure.jaccard";
            case C_COEFFICIENT -> "analysis.measure.c";
        })));
        measure.setValue(AnalysisCharts.Measure.COOCCURRENCES);
        rule.valueProperty().addListener((o, a, b) -> refreshCooccurrence());
        distance.valueProperty().addListener((o, a, b) -> refreshCooccurrence());
        coChildren.selectedProperty().addListener((o, a, b) -> refreshCooccurrence());
        measure.valueProperty().addListener((o, a, b) -> showCooccurrenceHeatmap());

        MenuButton export = Controls.exportMenu(i18n, "cooccurrenceExport",
                Controls.item(i18n, "analysis.exportCsv", () -> actions.cooccurrenceCsv(cooccurrence, false)),
                Controls.item(i18n, "analysis.exportLong", () -> actions.cooccurrenceCsv(cooccurrence, true)),
                Controls.item(i18n, "analysis.exportXlsx", () -> actions.cooccurrenceXlsx(cooccurrence)),
                Controls.item(i18n, "analysis.exportHeatmapPng", () -> actions.chart(cooccurrenceHeatmap(300), "cooccurrence.png", true)),
                Controls.item(i18n, "analysis.exportHeatmapSvg", () -> actions.chart(cooccurrenceHeatmap(300), "cooccurrence.svg", false)));
        FlowPane bar = Controls.bar(new HBox(6, new Label(i18n.t("analysis.rule")), rule, distance), coChildren,
                new HBox(6, new Label(i18n.t("analysis.measure")), measure), export);

        pairs.setId("cooccurrencePairs");
        pairs.setPlaceholder(new Label(i18n.t("analysis.empty")));
        pairs.getColumns().setAll(List.of(
                Controls.<int[], String>column(i18n.t("analysis.col.codeA"), p -> cooccurrence.codes().get(p[0]).name(), 220),
                Controls.<int[], String>column(i18n.t("analysis.col.codeB"), p -> cooccurrence.codes().get(p[1]).name(), 220),
                Controls.<int[], Integer>column(i18n.t("analysis.col.cooccurrences"), p -> cooccurrence.cell(p[0], p[1]).cooccurrences(), 80),
                Controls.<int[], Integer>column(i18n.t("analysis.col.documents"), p -> cooccurrence.cell(p[0], p[1]).documents(), 80),
                Controls.<int[], Double>column(i18n.t("analysis.col.jaccard"), p -> round(cooccurrence.cell(p[0], p[1]).jaccard()), 80),
                Controls.<int[], Double>column(i18n.t("analysis.col.c"), p -> round(cooccurrence.cell(p[0], p[1]).cCoefficient()), 70)));
        pairs.getSelectionModel().selectedItemProperty().addListener((o, a, p) -> drillCooccurrence(p));

        TabPane shown = new TabPane(new Tab(i18n.t("analysis.table"), pairs), new Tab(i18n.t("analysis.heatmap"), coHeatmap.root));
        shown.setId("cooccurrenceTabs");
        shown.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        shown.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> javafx.application.Platform.runLater(coHeatmap::refreshIfShown));
        return view(bar, shown, passages(coPassages, coPassagesTitle, "cooccurrencePassages"));
    }

    private Cooccurrence.Rule currentRule() {
        Cooccurrence.Kind k = rule.getValue() == null ? Cooccurrence.Kind.OVERLAP : rule.getValue();
        return new Cooccurrence.Rule(k, k == Cooccurrence.Kind.DISTANCE && distance.getValue() != null ? Math.max(0, distance.getValue()) : 0);
    }

    void refreshCooccurrence() {
        if (!model.isOpen()) return;
        model.queries().cooccurrence(currentRule(), coChildren.isSelected(), this::showCooccurrence);
    }

    private void showCooccurrence(Cooccurrence t) {
        cooccurrence = t;
        List<int[]> rows = new ArrayList<>(t.nonEmptyPairs());
        rows.sort((x, y) -> Integer.compare(t.cell(y[0], y[1]).cooccurrences(), t.cell(x[0], x[1]).cooccurrences()));
        pairs.getItems().setAll(rows);
        showCooccurrenceHeatmap();
        drillCooccurrence(null);
    }

    private void showCooccurrenceHeatmap() {
        if (cooccurrence != null) coHeatmap.show(width -> cooccurrenceHeatmap(Math.max(140, Math.min(300, width * 0.3))));
    }

    private Drawing cooccurrenceHeatmap(double labelWidth) {
        if (cooccurrence == null) return null;
        String legend = measure.getConverter().toString(measure.getValue());
        return Heatmap.layout(AnalysisCharts.grid(cooccurrence, measure.getValue()),
                new Heatmap.Options(i18n.t("analysis.heatmap.cooccurrence"),
                        i18n.t("analysis.heatmap.subtitle", rule.getConverter().toString(rule.getValue())
                                + (rule.getValue() == Cooccurrence.Kind.DISTANCE ? " (" + distance.getValue() + ")" : ""), cooccurrence.documentCount()),
                        legend, i18n.t("analysis.empty"), labelWidth));
    }

    private void drillCooccurrence(int[] pair) {
        if (pair == null || cooccurrence == null) {
            coPassages.getItems().clear();
            coPassagesTitle.setText(i18n.t("analysis.passages.none"));
            return;
        }
        Code a = cooccurrence.codes().get(pair[0]), b = cooccurrence.codes().get(pair[1]);
        model.queries().together(cooccurrence.rule(), coChildren.isSelected(), a, b, found -> {
            List<Passage> out = new ArrayList<>();
            for (AnalysisService.Together t : found) {
                StringBuilder text = new StringBuilder();
                for (var s : t.first()) text.append("[").append(a.name()).append("] ").append(s.text().strip()).append("  ");
                for (var s : t.second()) text.append("[").append(b.name()).append("] ").append(s.text().strip()).append("  ");
                out.add(new Passage(t.document(), t.start(), t.end(), text.toString().strip()));
            }
            coPassages.getItems().setAll(out);
            coPassagesTitle.setText(i18n.t("analysis.passages.together", out.size(), a.name(), b.name()));
        });
    }

    // ---- crosstab -----------------------------------------------------------------------------------

    private Node crosstabView() {
        columns.setId("crosstabColumns");
        nested.setId("crosstabNested");
        bands.setId("crosstabBands");
        bands.setPromptText(i18n.t("analysis.bands.prompt"));
        bands.setPrefColumnCount(7);
        count.setId("crosstabCount");
        count.getItems().setAll(Crosstab.Count.values());
        count.setConverter(Controls.converter(c -> i18n.t("analysis.count." + c.label())));
        count.setValue(Crosstab.Count.CODINGS);
        percent.setId("crosstabPercent");
        percent.getItems().setAll(Crosstab.Percent.values());
        percent.setConverter(Controls.converter(p -> i18n.t("analysis.percent." + p.name().toLowerCase(Locale.ROOT))));
        percent.setValue(Crosstab.Percent.NONE);
        crossChildren.setId("crosstabChildren");
        columns.valueProperty().addListener((o, a, b) -> { if (!offering) { updateBands(); refreshCrosstab(); } });
        nested.valueProperty().addListener((o, a, b) -> { if (!offering) { updateBands(); refreshCrosstab(); } });
        bands.setOnAction(e -> refreshCrosstab());
        bands.focusedProperty().addListener((o, was, now) -> { if (!now) refreshCrosstab(); });
        crossChildren.selectedProperty().addListener((o, a, b) -> refreshCrosstab());
        count.valueProperty().addListener((o, a, b) -> showCrosstab(crosstab));
        percent.valueProperty().addListener((o, a, b) -> showCrosstab(crosstab));

        MenuButton export = Controls.exportMenu(i18n, "crosstabExport",
                Controls.item(i18n, "analysis.exportCsv", () -> actions.crosstabCsv(crosstab, count.getValue(), percent.getValue(), false)),
                Controls.item(i18n, "analysis.exportLong", () -> actions.crosstabCsv(crosstab, count.getValue(), percent.getValue(), true)),
                Controls.item(i18n, "analysis.exportXlsx", () -> actions.crosstabXlsx(crosstab, count.getValue())),
                Controls.item(i18n, "analysis.exportHeatmapPng", () -> actions.chart(crosstabHeatmap(300), "crosstab.png", true)),
                Controls.item(i18n, "analysis.exportHeatmapSvg", () -> actions.chart(crosstabHeatmap(300), "crosstab.svg", false)));
        FlowPane bar = Controls.bar(new HBox(6, new Label(i18n.t("analysis.columns")), columns, new Label(i18n.t("analysis.nested")), nested),
                new HBox(6, new Label(i18n.t("analysis.bands")), bands),
                new HBox(6, new Label(i18n.t("analysis.count")), count, new Label(i18n.t("analysis.percent")), percent),
                crossChildren, export);

        crossTable.setId("crosstabTable");
        crossTable.setPlaceholder(new Label(i18n.t("analysis.empty")));
        crossTable.getSelectionModel().setCellSelectionEnabled(true);
        crossTable.getSelectionModel().setSelectionMode(SelectionMode.SINGLE);
        crossTable.getSelectionModel().getSelectedCells().addListener((javafx.collections.ListChangeListener<TablePosition>) c -> drillCrosstab());
        crossHint.setWrapText(true);
        crossHint.setId("crosstabHint");
        crossHint.setPadding(new Insets(8));
        crossHint.setVisible(false);
        crossHint.setManaged(false);

        TabPane shown = new TabPane(new Tab(i18n.t("analysis.table"), new VBox(crossHint, crossTable)), new Tab(i18n.t("analysis.heatmap"), crossHeatmap.root));
        VBox.setVgrow(crossTable, javafx.scene.layout.Priority.ALWAYS);
        shown.setId("crosstabTabs");
        shown.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        shown.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> javafx.application.Platform.runLater(crossHeatmap::refreshIfShown));
        return view(bar, shown, passages(crossPassages, crossPassagesTitle, "crosstabPassages"));
    }

    /** Bands apply to a number or date attribute among those chosen. */
    private void updateBands() {
        bands.setDisable(banded() == null);
    }

    /** The first chosen attribute that can be banded, or null. */
    private Attribute banded() {
        for (String name : chosenAttributes()) {
            for (Attribute a : attributes) {
                if (a.name().equals(name) && a.type() != Attribute.Type.TEXT && a.type() != Attribute.Type.BOOLEAN) return a;
            }
        }
        return null;
    }

    private List<String> chosenAttributes() {
        List<String> out = new ArrayList<>();
        String first = columns.getValue();
        if (first == null || first.equals(i18n.t("analysis.columns.cases"))) return out;
        out.add(first);
        String second = nested.getValue();
        if (second != null && !second.equals(i18n.t("analysis.nested.none")) && !second.equals(first)) out.add(second);
        return out;
    }

    void refreshCrosstab() {
        if (!model.isOpen()) return;
        model.queries().dimensions(d -> {
            offer(d);
            String first = columns.getValue();
            if (first == null) { showCrosstab(null); return; }
            AnalysisService.Columns cols;
            if (first.equals(i18n.t("analysis.columns.cases"))) cols = new AnalysisService.ByCase();
            else {
                Attribute b = banded();
                Map<String, Bands> bandMap = b == null || bands.getText() == null || bands.getText().isBlank()
                        ? Map.of() : Map.of(b.name(), Bands.parse(bands.getText()));
                cols = new AnalysisService.ByAttributes(chosenAttributes(), bandMap);
            }
            AnalysisService.Columns asked = cols;
            model.queries().crosstab(cols, crossChildren.isSelected(), t -> {
                crosstabColumns = asked;
                showCrosstab(t);
            });
        });
    }

    /** The attributes and cases to choose columns from, keeping the choice made. */
    private void offer(Queries.Dimensions d) {
        attributes = d.attributes();
        List<String> names = new ArrayList<>(attributes.stream().map(Attribute::name).toList());
        if (d.cases()) names.add(i18n.t("analysis.columns.cases"));
        List<String> second = new ArrayList<>();
        second.add(i18n.t("analysis.nested.none"));
        second.addAll(attributes.stream().map(Attribute::name).toList());
        offering = true;
        try {
            if (!names.equals(columns.getItems())) {
                String chosen = columns.getValue();
                columns.getItems().setAll(names);
                columns.setValue(chosen != null && names.contains(chosen) ? chosen : names.isEmpty() ? null : names.getFirst());
            }
            if (!second.equals(nested.getItems())) {
                String chosen = nested.getValue();
                nested.getItems().setAll(second);
                nested.setValue(chosen != null && second.contains(chosen) ? chosen : second.getFirst());
            }
        } finally {
            offering = false;
        }
        updateBands();
        boolean none = names.isEmpty();
        crossHint.setText(none ? i18n.t("analysis.noAttributes") : "");
        crossHint.setVisible(none);
        crossHint.setManaged(none);
    }

    private void showCrosstab(Crosstab t) {
        crosstab = t;
        crossTable.getColumns().clear();
        crossTable.getItems().clear();
        drillCrosstab();
        if (t == null) { crossHeatmap.show(w -> crosstabHeatmap(300)); return; }
        Crosstab.Count c = count.getValue();
        Crosstab.Percent p = percent.getValue();
        TableColumn<Integer, Object> code = new TableColumn<>(i18n.t("analysis.col.codeA"));
        code.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>("  ".repeat(depth(t.paths().get(cell.getValue()))) + t.codes().get(cell.getValue()).name()));
        code.setPrefWidth(260);
        crossTable.getColumns().add(code);
        for (int j = 0; j < t.columns().size(); j++) {
            int col = j;
            TableColumn<Integer, Object> tc = new TableColumn<>(t.columns().get(j).label());
            tc.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(p == Crosstab.Percent.NONE ? (Object) t.cell(cell.getValue(), col).get(c)
                    : (Object) (Math.round(1000 * t.percent(cell.getValue(), col, c, p)) / 10.0)));
            tc.setPrefWidth(Math.max(70, Math.min(160, 12 + 8 * t.columns().get(j).label().length())));
            tc.setUserData(col);
            crossTable.getColumns().add(tc);
        }
        TableColumn<Integer, Object> total = new TableColumn<>(i18n.t("analysis.col.total"));
        total.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(t.rowTotal(cell.getValue()).get(c)));
        crossTable.getColumns().add(total);
        List<Integer> rows = new ArrayList<>();
        for (int r = 0; r < t.codes().size(); r++) rows.add(r);
        crossTable.getItems().setAll(rows);
        crossHeatmap.show(width -> crosstabHeatmap(Math.max(140, Math.min(300, width * 0.35))));
    }

    private static int depth(String path) {
        return path.split(java.util.regex.Pattern.quote(org.tamga.model.Codebook.PATH_SEPARATOR), -1).length - 1;
    }

    private Drawing crosstabHeatmap(double labelWidth) {
        if (crosstab == null) return null;
        String what = crosstab.dimensions().equals(List.of("case")) ? i18n.t("analysis.columns.cases") : String.join(" × ", crosstab.dimensions());
        String legend = percent.getValue() == Crosstab.Percent.NONE ? count.getConverter().toString(count.getValue())
                : percent.getConverter().toString(percent.getValue());
        return Heatmap.layout(AnalysisCharts.grid(crosstab, count.getValue(), percent.getValue()),
                new Heatmap.Options(i18n.t("analysis.heatmap.crosstab", what), count.getConverter().toString(count.getValue()),
                        legend, i18n.t("analysis.empty"), labelWidth));
    }

    private void drillCrosstab() {
        var cells = crossTable.getSelectionModel().getSelectedCells();
        if (crosstab == null || cells.isEmpty() || cells.get(0).getTableColumn() == null || !(cells.get(0).getTableColumn().getUserData() instanceof Integer col)) {
            crossPassages.getItems().clear();
            crossPassagesTitle.setText(i18n.t("analysis.passages.none"));
            return;
        }
        int row = crossTable.getItems().get(cells.get(0).getRow());
        Code code = crosstab.codes().get(row);
        Crosstab.Column column = crosstab.columns().get(col);
        model.queries().passages(crosstabColumns, crosstab.withChildren(), code, column, found -> {
            crossPassages.getItems().setAll(found.stream()
                    .map(s -> new Passage(s.document(), s.coding().start(), s.coding().end(), s.text().strip())).toList());
            crossPassagesTitle.setText(i18n.t("analysis.passages.cell", found.size(), code.name(), column.label()));
        });
    }

    /** Selects the cell of a code and a column (tests, and keyboard users through the table). */
    void selectCell(int row, int column) {
        crossTable.getSelectionModel().clearAndSelect(row, crossTable.getColumns().get(column + 1));
    }

    // ---- limits ---------------------------------------------------------------------------------------

    /** Documents with one value of an attribute, and one speaker: what every analysis here counts. */
    final ComboBox<String> limitAttribute = new ComboBox<>();
    final ComboBox<String> limitValue = new ComboBox<>();
    final ComboBox<String> limitSpeaker = new ComboBox<>();
    private Map<String, List<String>> limitValues = Map.of();
    private boolean offeringLimits;

    private Node limitsBar() {
        limitAttribute.setId("analysisAttribute");
        limitValue.setId("analysisAttributeValue");
        limitSpeaker.setId("analysisSpeaker");
        limitAttribute.setPromptText(i18n.t("report.allDocuments"));
        limitSpeaker.setPromptText(i18n.t("analysis.allSpeakers"));
        limitValue.setDisable(true);
        limitAttribute.valueProperty().addListener((o, a, name) -> {
            if (offeringLimits) return;
            boolean all = name == null || name.equals(i18n.t("report.allDocuments"));
            offeringLimits = true;
            limitValue.getItems().setAll(all ? List.of() : limitValues.getOrDefault(name, List.of()));
            limitValue.setDisable(all);
            limitValue.setValue(all || limitValue.getItems().isEmpty() ? null : limitValue.getItems().getFirst());
            offeringLimits = false;
            applyLimits();
        });
        limitValue.valueProperty().addListener((o, a, v) -> { if (!offeringLimits) applyLimits(); });
        limitSpeaker.valueProperty().addListener((o, a, v) -> { if (!offeringLimits) applyLimits(); });
        FlowPane bar = Controls.bar(new HBox(6, new Label(i18n.t("report.documentsWith")), limitAttribute, limitValue),
                new HBox(6, new Label(i18n.t("analysis.speaker")), limitSpeaker));
        bar.setId("analysisLimits");
        return bar;
    }

    private void applyLimits() {
        String name = limitAttribute.getValue(), value = limitValue.getValue(), speaker = limitSpeaker.getValue();
        boolean all = name == null || name.equals(i18n.t("report.allDocuments")) || value == null;
        model.queries().limitAnalyses(new Queries.Limits(all ? Map.of() : Map.of(name, java.util.Set.of(value)),
                speaker == null || speaker.equals(i18n.t("analysis.allSpeakers")) ? null : speaker));
        refresh();
    }

    /** The attributes, their values and the speakers to limit by, keeping the choices made. */
    private void offerLimits() {
        model.queries().attributeValues(inUse -> {
            limitValues = inUse;
            List<String> names = new ArrayList<>();
            names.add(i18n.t("report.allDocuments"));
            inUse.forEach((n, v) -> { if (!v.isEmpty()) names.add(n); });
            if (!names.equals(limitAttribute.getItems())) {
                offeringLimits = true;
                String chosen = limitAttribute.getValue();
                limitAttribute.getItems().setAll(names);
                if (chosen != null && names.contains(chosen)) limitAttribute.setValue(chosen);
                offeringLimits = false;
            }
        });
        model.queries().speakers(speakers -> {
            List<String> names = new ArrayList<>();
            names.add(i18n.t("analysis.allSpeakers"));
            names.addAll(speakers);
            if (!names.equals(limitSpeaker.getItems())) {
                offeringLimits = true;
                String chosen = limitSpeaker.getValue();
                limitSpeaker.getItems().setAll(names);
                if (chosen != null && names.contains(chosen)) limitSpeaker.setValue(chosen);
                offeringLimits = false;
            }
        });
    }

    // ---- shared -------------------------------------------------------------------------------------

    /** Recomputes the view in front. */
    void refresh() {
        if (!model.isOpen()) return;
        offerLimits();
        switch (views.getSelectionModel().getSelectedIndex()) {
            case 0 -> refreshCooccurrence();
            case 1 -> refreshCrosstab();
            case 2 -> words.refresh();
            case 3 -> agreement.refresh();
            default -> disagreements.refresh();
        }
    }

    /** Index of the Disagreements view among the analysis views. */
    static final int DISAGREEMENTS = 4;

    /** Lists where the first two of {@code coders} differ with {@code code} (null: any code). */
    private void showDisagreements(List<String> coders, Code code) {
        disagreements.compare(coders.get(0), coders.get(1), code);
        if (views.getSelectionModel().getSelectedIndex() != DISAGREEMENTS) views.getSelectionModel().select(DISAGREEMENTS);
    }

    Cooccurrence cooccurrence() { return cooccurrence; }

    Crosstab crosstab() { return crosstab; }

    private Node view(FlowPane bar, TabPane shown, Node passages) {
        SplitPane split = new SplitPane(shown, passages);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.62);
        BorderPane view = new BorderPane(split);
        view.setTop(bar);
        return view;
    }

    private Node passages(ListView<Passage> list, Label title, String id) {
        list.setId(id);
        title.setWrapText(true);
        title.setText(i18n.t("analysis.passages.none"));
        title.setPadding(new Insets(4, 6, 2, 6));
        list.setCellFactory(v -> new ListCell<>() {
            @Override protected void updateItem(Passage p, boolean empty) {
                super.updateItem(p, empty);
                if (empty || p == null) { setText(null); return; }
                setText(p.document().name() + " · " + p.start() + "–" + p.end() + "\n" + (p.text().length() > 400 ? p.text().substring(0, 400) + "…" : p.text()));
                setWrapText(true);
                setPrefWidth(0);
            }
        });
        list.setOnMouseClicked(e -> {
            Passage p = list.getSelectionModel().getSelectedItem();
            if (e.getClickCount() == 2 && p != null) actions.open(p.document(), p.start(), p.end());
        });
        list.setOnKeyPressed(e -> {
            Passage p = list.getSelectionModel().getSelectedItem();
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER && p != null) actions.open(p.document(), p.start(), p.end());
        });
        VBox box = new VBox(title, list);
        VBox.setVgrow(list, javafx.scene.layout.Priority.ALWAYS);
        return box;
    }

    private static double round(double v) { return Math.round(v * 1000) / 1000.0; }
}
