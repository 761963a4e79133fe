package org.tamga.gui;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import org.tamga.model.Document;
import org.tamga.report.FrequencyReport;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The code frequency table (sortable) with a bar chart, the code × document matrix, and exports. */
final class ReportPane {
    final TableView<FrequencyReport.Row> table = new TableView<>();
    final TableView<FrequencyReport.Row> matrix = new TableView<>();
    final BarChart<Number, String> chart = new BarChart<>(new NumberAxis(), new CategoryAxis());
    final BorderPane root = new BorderPane();
    private final ProjectModel model;
    private FrequencyReport report;
    /** Whose codes are counted: all documents, or those with one value of an attribute. */
    final javafx.scene.control.ComboBox<String> attribute = new javafx.scene.control.ComboBox<>();
    final javafx.scene.control.ComboBox<String> value = new javafx.scene.control.ComboBox<>();
    private final I18n i18n;
    private Map<String, List<String>> values = Map.of();
    private boolean choosing;

    /** Where exports go: the window asks the user for a file. */
    interface Exports {
        void csv(FrequencyReport report);
        void xlsx(FrequencyReport report);
        void png(ReportPane pane);
    }

    ReportPane(ProjectModel model, I18n i18n, Exports exports) {
        this.model = model;
        this.i18n = i18n;
        table.setId("reportTable");
        matrix.setId("matrixTable");
        chart.setId("reportChart");
        table.getColumns().setAll(List.of(
                column(i18n.t("report.col.code"), r -> "  ".repeat(r.level()) + r.code().name(), 260),
                column(i18n.t("report.col.codings"), r -> r.own().codings(), 80),
                column(i18n.t("report.col.documents"), r -> r.own().documents(), 80),
                column(i18n.t("report.col.share"), r -> Math.round(r.own().documentShare() * 1000) / 10.0, 110),
                column(i18n.t("report.col.characters"), r -> r.own().codedCharacters(), 110),
                column(i18n.t("report.col.codingsWithChildren"), r -> r.withChildren().codings(), 140)));
        chart.setTitle(i18n.t("report.chart"));
        // an axis draws its labels in its own font ("System" 8 by default), not the window's: without a
        // family that has Chinese, bilingual code names came out as boxes on the chart and in its PNG
        javafx.scene.text.Font labels = javafx.scene.text.Font.font(uiFamily(), 11);
        chart.getXAxis().setTickLabelFont(labels);
        chart.getYAxis().setTickLabelFont(labels);
        chart.setLegendVisible(false);
        chart.setAnimated(false);
        Button refresh = new Button(i18n.t("report.refresh"));
        refresh.setOnAction(e -> refresh());
        Button csv = new Button(i18n.t("report.exportCsv"));
        csv.setOnAction(e -> { if (report != null) exports.csv(report); });
        Button xlsx = new Button(i18n.t("report.exportXlsx"));
        xlsx.setOnAction(e -> { if (report != null) exports.xlsx(report); });
        Button png = new Button(i18n.t("report.exportPng"));
        png.setOnAction(e -> exports.png(this));
        attribute.setId("reportAttribute");
        value.setId("reportAttributeValue");
        attribute.setPromptText(i18n.t("report.allDocuments"));
        value.setDisable(true);
        attribute.valueProperty().addListener((o, a, name) -> {
            boolean all = name == null || name.equals(i18n.t("report.allDocuments"));
            value.getItems().setAll(all ? List.of() : values.getOrDefault(name, List.of()));
            value.setDisable(all);
            choosing = true; // one refresh for the new attribute, not a second one for its first value
            value.setValue(all || value.getItems().isEmpty() ? null : value.getItems().getFirst());
            choosing = false;
            refresh();
        });
        value.valueProperty().addListener((o, a, v) -> { if (v != null && !choosing) refresh(); });
        javafx.scene.layout.FlowPane bar = new javafx.scene.layout.FlowPane(8, 6, refresh,
                new HBox(6, new javafx.scene.control.Label(i18n.t("report.documentsWith")), attribute, value), csv, xlsx, png);
        for (javafx.scene.Node n : bar.getChildren()) if (n instanceof javafx.scene.control.Control c) c.setMinWidth(javafx.scene.control.Control.USE_PREF_SIZE);
        ((HBox) bar.getChildren().get(1)).setAlignment(Pos.CENTER_LEFT);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6));
        SplitPane split = new SplitPane(table, chart);
        TabPane tabs = new TabPane(new Tab(i18n.t("report.title"), split), new Tab(i18n.t("report.matrix"), matrix));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        root.setTop(bar);
        root.setCenter(tabs);
        model.revision.addListener((o, a, b) -> { if (root.getScene() != null && root.isVisible()) refresh(); });
    }

    private static <T> TableColumn<FrequencyReport.Row, T> column(String title, java.util.function.Function<FrequencyReport.Row, T> value, double width) {
        TableColumn<FrequencyReport.Row, T> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    FrequencyReport report() { return report; }

    /** The families tamga.css asks for, in its order: the first one installed that carries Chinese, Latin and Cyrillic. */
    static final List<String> UI_FAMILIES = List.of("Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC");

    static String uiFamily() {
        List<String> installed = javafx.scene.text.Font.getFamilies();
        return UI_FAMILIES.stream().filter(installed::contains).findFirst().orElse("System");
    }

    void refresh() {
        if (!model.isOpen()) return;
        model.queries().attributeValues(this::offer);
        String name = attribute.getValue();
        boolean all = name == null || name.equals(i18n.t("report.allDocuments")) || value.getValue() == null;
        model.queries().frequencies(all ? Map.of() : Map.of(name, java.util.Set.of(value.getValue())), this::show);
    }

    /** The attributes and values to choose from, keeping the choice made. */
    private void offer(Map<String, List<String>> inUse) {
        values = inUse;
        List<String> names = new ArrayList<>();
        names.add(i18n.t("report.allDocuments"));
        inUse.forEach((n, v) -> { if (!v.isEmpty()) names.add(n); });
        if (!names.equals(attribute.getItems())) {
            String chosen = attribute.getValue();
            attribute.getItems().setAll(names);
            if (chosen != null && names.contains(chosen)) attribute.setValue(chosen);
        }
    }

    private void show(FrequencyReport r) {
        report = r;
        table.getItems().setAll(r.rows());
        XYChart.Series<Number, String> series = new XYChart.Series<>();
        List<FrequencyReport.Row> rows = new ArrayList<>(r.rows().stream().filter(x -> x.own().codings() > 0).toList());
        java.util.Collections.reverse(rows); // the category axis draws bottom-up; keep the tree order top-down
        for (FrequencyReport.Row row : rows) series.getData().add(new XYChart.Data<>(row.own().codings(), row.code().name()));
        chart.getData().setAll(List.of(series));
        chart.setPrefHeight(Math.max(300, rows.size() * 22 + 80));

        List<TableColumn<FrequencyReport.Row, ?>> cols = new ArrayList<>();
        cols.add(column("", row -> row.code().name(), 240));
        for (Document d : r.documents()) cols.add(column(d.name(), row -> r.cell(row.code().id(), d.id()).codings(), 110));
        matrix.getColumns().setAll(cols);
        matrix.getItems().setAll(r.rows());
    }

    /** Writes the chart as it is drawn now to a PNG file. */
    void writeChartPng(Path file) {
        WritableImage image = chart.snapshot(null, null);
        int w = (int) image.getWidth(), h = (int) image.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) out.setRGB(x, y, pixels.getArgb(x, y));
        org.tamga.util.AtomicWrite.write(file, stream -> ImageIO.write(out, "png", stream));
    }

}
