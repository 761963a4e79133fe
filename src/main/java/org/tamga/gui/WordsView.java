package org.tamga.gui;

import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.tamga.core.SearchService;
import org.tamga.core.WordService;
import org.tamga.model.Code;
import org.tamga.report.WordFrequencies;
import org.tamga.report.chart.Drawing;
import org.tamga.report.chart.WordBars;
import org.tamga.report.chart.WordCloud;

import java.util.ArrayList;
import java.util.List;

/**
 * Word frequencies in the Analysis area: the most frequent words of each language (Chinese
 * segmented, English with or without stems, Mongolian in both scripts), in all text or in the
 * passages of one code, as a table, a bar chart and a word cloud; a word's keyword-in-context lines
 * beside them, double-click opening the transcript there. The numbers are {@link WordService}'s,
 * the same `report words` writes.
 */
final class WordsView {
    /** Where a place opens, and where exports go. */
    interface Actions {
        void open(org.tamga.model.Document document, int start, int end);
        void csv(WordFrequencies words, boolean longLayout);
        void xlsx(WordFrequencies words);
        void chart(Drawing drawing, String suggested, boolean png);
    }

    static final String ALL = "";

    final BorderPane root = new BorderPane();
    final ComboBox<String> language = new ComboBox<>();
    final Spinner<Integer> top = new Spinner<>(5, 1000, 50, 5);
    final Spinner<Integer> minLength = new Spinner<>(1, 20, 1, 1);
    final CheckBox stem;
    final ComboBox<Code> code = new ComboBox<>();
    final TableView<WordFrequencies.Row> table = new TableView<>();
    final ChartView bars = new ChartView("wordBars");
    final ChartView cloud = new ChartView("wordCloud");
    final ListView<SearchService.Hit> places = new ListView<>();
    final Label placesTitle = new Label();
    private WordFrequencies words;
    private WordService.Request asked;

    private final ProjectModel model;
    private final I18n i18n;
    private final Actions actions;

    WordsView(ProjectModel model, I18n i18n, Actions actions) {
        this.model = model;
        this.i18n = i18n;
        this.actions = actions;
        stem = new CheckBox(i18n.t("words.stem"));
        language.setId("wordsLanguage");
        language.getItems().setAll(new ArrayList<>(List.of(ALL)));
        language.getItems().addAll(WordService.LANGUAGES);
        language.setConverter(Controls.converter(l -> l.isEmpty() ? i18n.t("words.language.all") : i18n.t("words.language." + l)));
        language.setValue(ALL);
        top.setId("wordsTop");
        top.setPrefWidth(80);
        top.setEditable(true);
        minLength.setId("wordsMinLength");
        minLength.setPrefWidth(70);
        minLength.setEditable(true);
        stem.setId("wordsStem");
        code.setId("wordsCode");
        code.setPromptText(i18n.t("words.allText"));
        code.setConverter(Controls.converter(Code::name, i18n.t("words.allText")));
        code.setPrefWidth(220);
        language.valueProperty().addListener((o, a, b) -> refresh());
        top.valueProperty().addListener((o, a, b) -> refresh());
        minLength.valueProperty().addListener((o, a, b) -> refresh());
        stem.selectedProperty().addListener((o, a, b) -> refresh());
        code.valueProperty().addListener((o, a, b) -> refresh());
        model.codebook.addListener((o, a, book) -> {
            Code chosen = code.getValue();
            List<Code> items = new ArrayList<>();
            items.add(null);
            items.addAll(book.codes());
            code.getItems().setAll(items);
            code.setValue(chosen == null ? null : book.byGuid(chosen.guid()).orElse(null));
        });

        MenuButton export = new MenuButton(i18n.t("analysis.export"), null,
                Controls.item(i18n, "analysis.exportCsv", () -> actions.csv(words, false)),
                Controls.item(i18n, "analysis.exportLong", () -> actions.csv(words, true)),
                Controls.item(i18n, "analysis.exportXlsx", () -> actions.xlsx(words)),
                Controls.item(i18n, "words.exportBarsPng", () -> actions.chart(barChart(480), "words.png", true)),
                Controls.item(i18n, "words.exportBarsSvg", () -> actions.chart(barChart(480), "words.svg", false)),
                Controls.item(i18n, "words.exportCloudPng", () -> actions.chart(wordCloud(), "word-cloud.png", true)),
                Controls.item(i18n, "words.exportCloudSvg", () -> actions.chart(wordCloud(), "word-cloud.svg", false)));
        export.setId("wordsExport");
        FlowPane bar = new FlowPane(10, 6, new HBox(6, new Label(i18n.t("words.language")), language),
                new HBox(6, new Label(i18n.t("words.top")), top), new HBox(6, new Label(i18n.t("words.minLength")), minLength), stem,
                new HBox(6, new Label(i18n.t("words.in")), code), export);
        for (Node n : bar.getChildren()) {
            if (n instanceof Control c) c.setMinWidth(Control.USE_PREF_SIZE);
            if (n instanceof HBox h) h.setAlignment(Pos.CENTER_LEFT);
        }
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6));

        table.setId("wordsTable");
        table.setPlaceholder(new Label(i18n.t("analysis.empty")));
        table.getColumns().setAll(List.of(
                Controls.<WordFrequencies.Row, Object>column(i18n.t("words.col.language"), r -> WordFrequencies.languageName(r.language()), 90),
                Controls.<WordFrequencies.Row, Object>column(i18n.t("words.col.word"), WordFrequencies.Row::word, 160),
                Controls.<WordFrequencies.Row, Object>column(i18n.t("words.col.count"), WordFrequencies.Row::count, 80),
                Controls.<WordFrequencies.Row, Object>column(i18n.t("words.col.documents"), WordFrequencies.Row::documents, 80),
                Controls.<WordFrequencies.Row, Object>column(i18n.t("words.col.forms"), r -> String.join(", ", r.forms()), 180)));
        table.getSelectionModel().selectedItemProperty().addListener((o, a, row) -> showPlaces(row));

        TabPane shown = new TabPane(new Tab(i18n.t("analysis.table"), table), new Tab(i18n.t("words.bars"), bars.root),
                new Tab(i18n.t("words.cloud"), cloud.root));
        shown.setId("wordsTabs");
        shown.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        shown.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> javafx.application.Platform.runLater(() -> {
            bars.refreshIfShown();
            cloud.refreshIfShown();
        }));

        places.setId("wordPlaces");
        placesTitle.setWrapText(true);
        placesTitle.setPadding(new Insets(4, 6, 2, 6));
        placesTitle.setText(i18n.t("words.places.none"));
        places.setCellFactory(v -> new ListCell<>() {
            @Override protected void updateItem(SearchService.Hit h, boolean empty) {
                super.updateItem(h, empty);
                if (empty || h == null) { setText(null); return; }
                setText(h.document().name() + " · " + h.start() + "\n" + h.context().left() + "【" + h.match() + "】" + h.context().right());
                setWrapText(true);
                setPrefWidth(0);
            }
        });
        places.setOnMouseClicked(e -> {
            SearchService.Hit h = places.getSelectionModel().getSelectedItem();
            if (e.getClickCount() == 2 && h != null) actions.open(h.document(), h.start(), h.end());
        });
        places.setOnKeyPressed(e -> {
            SearchService.Hit h = places.getSelectionModel().getSelectedItem();
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER && h != null) actions.open(h.document(), h.start(), h.end());
        });
        VBox side = new VBox(placesTitle, places);
        VBox.setVgrow(places, javafx.scene.layout.Priority.ALWAYS);
        SplitPane split = new SplitPane(shown, side);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.6);
        root.setTop(bar);
        root.setCenter(split);
    }

    /** The request of the choices made, over a scope (made on the task thread: choosing documents by attribute reads the project). */
    private WordService.Request request(org.tamga.core.Scope scope) {
        String l = language.getValue();
        WordService.Request r = WordService.Request.of(scope)
                .languages(l == null || l.isEmpty() ? List.of() : List.of(l))
                .top(Math.max(1, top.getValue() == null ? 50 : top.getValue()))
                .minLength(Math.max(1, minLength.getValue() == null ? 1 : minLength.getValue()))
                .stem(stem.isSelected());
        return code.getValue() == null ? r : r.code(code.getValue());
    }

    void refresh() {
        if (!model.isOpen()) return;
        List<String> coders = List.copyOf(model.visibleCoders());
        Queries.Limits limits = model.queries().analysisLimits();
        WordService.Request[] made = new WordService.Request[1];
        model.read(i18n.t("task.words"), s -> s.words().frequencies(made[0] = request(Queries.scope(s, coders, limits))), w -> {
            asked = made[0];
            words = w;
            table.getItems().setAll(w.rows());
            bars.show(width -> barChart(Math.max(160, Math.min(900, width - 260))));
            cloud.show(width -> wordCloud());
            showPlaces(null);
        });
    }

    private void showPlaces(WordFrequencies.Row row) {
        if (row == null || asked == null) {
            places.getItems().clear();
            placesTitle.setText(i18n.t("words.places.none"));
            return;
        }
        WordService.Request r = asked.languages(List.of(row.language()));
        model.read(i18n.t("task.retrieve"), s -> s.words().contexts(r, row.word(), 40, 1000), found -> {
            places.getItems().setAll(found.hits());
            placesTitle.setText(i18n.t("words.places", found.hits().size(), row.word(), found.documents()));
        });
    }

    WordFrequencies words() { return words; }

    private Drawing barChart(double plotWidth) {
        if (words == null) return null;
        WordBars.Options o = new WordBars.Options(i18n.t("words.chart.title"), i18n.t("words.col.count"), i18n.t("analysis.empty"), 25, plotWidth);
        return WordBars.layout(words, o);
    }

    private Drawing wordCloud() {
        if (words == null) return null;
        WordCloud.Options d = WordCloud.Options.english();
        return WordCloud.layout(words, new WordCloud.Options(i18n.t("words.cloud"), i18n.t("analysis.empty"), d.words(), d.width(), d.height(),
                d.minSize(), d.maxSize()));
    }

}
