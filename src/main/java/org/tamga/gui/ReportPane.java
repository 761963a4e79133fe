package org.tamga.gui;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import org.tamga.model.Document;
import org.tamga.report.FrequencyReport;
import org.tamga.report.chart.BarChart;
import org.tamga.report.chart.Drawing;
import org.tamga.report.chart.Heatmap;
import org.tamga.report.chart.PngWriter;
import org.tamga.report.chart.SvgWriter;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The code frequency table (sortable), the bar chart, the code × document matrix and its heatmap,
 * and exports. The charts are the report layer's ({@link BarChart}, {@link Heatmap}): the window
 * shows the very layout the PNG (300 dpi) and SVG exports write (ADR 33).
 */
final class ReportPane {
    final TableView<FrequencyReport.Row> table = new TableView<>();
    final TableView<FrequencyReport.Row> matrix = new TableView<>();
    /** The codings-per-code chart and the code × document heatmap, as laid out for the width shown. */
    final ChartView chart = new ChartView("reportChart");
    final ChartView heatmap = new ChartView("reportHeatmap");
    final BorderPane root = new BorderPane();
    private final ProjectModel model;
    private FrequencyReport report;
    /** Whose codes are counted: all documents, or those with one value of an attribute. */
    final javafx.scene.control.ComboBox<String> attribute = new javafx.scene.control.ComboBox<>();
    final javafx.scene.control.ComboBox<String> value = new javafx.scene.control.ComboBox<>();
    private final I18n i18n;
    private Map<String, List<String>> values = Map.of();
    private boolean choosing;

    /**
     * Where exports go: the window asks the user for a file. The chart's SVG and the heatmap's PNG
     * and SVG have defaults that ask with a plain save dialog (see {@link #saveWithDialog}); the window
     * may override them to use its own (as it does for png: {@code pane::writeChartPng}).
     */
    interface Exports {
        void csv(FrequencyReport report);
        void xlsx(FrequencyReport report);
        /** The bar chart as a 300-dpi PNG: {@link #writeChartPng}. */
        void png(ReportPane pane);
        /** The bar chart as SVG: {@link #writeChartSvg}. */
        void svg(ReportPane pane);
        /** The heatmap as a 300-dpi PNG: {@link #writeHeatmapPng}. */
        void heatmapPng(ReportPane pane);
        /** The heatmap as SVG: {@link #writeHeatmapSvg}. */
        void heatmapSvg(ReportPane pane);
    }

    ReportPane(ProjectModel model, I18n i18n, Exports exports) {
        Fonts.load();
        this.model = model;
        this.i18n = i18n;
        table.setId("reportTable");
        matrix.setId("matrixTable");
        table.getColumns().setAll(List.of(
                Controls.<FrequencyReport.Row, Object>column(i18n.t("report.col.code"), r -> "  ".repeat(r.level()) + r.code().name(), 260),
                Controls.<FrequencyReport.Row, Object>column(i18n.t("report.col.codings"), r -> r.own().codings(), 80),
                Controls.<FrequencyReport.Row, Object>column(i18n.t("report.col.documents"), r -> r.own().documents(), 80),
                Controls.<FrequencyReport.Row, Object>column(i18n.t("report.col.share"), r -> Math.round(r.own().documentShare() * 1000) / 10.0, 110),
                Controls.<FrequencyReport.Row, Object>column(i18n.t("report.col.characters"), r -> r.own().codedCharacters(), 110),
                Controls.<FrequencyReport.Row, Object>column(i18n.t("report.col.codingsWithChildren"), r -> r.withChildren().codings(), 140)));
        Button refresh = new Button(i18n.t("report.refresh"));
        refresh.setOnAction(e -> refresh());
        // the exports in one menu, so that the bar stays one line at 1366 pixels
        javafx.scene.control.MenuItem csv = new javafx.scene.control.MenuItem(i18n.t("report.exportCsv"));
        csv.setOnAction(e -> { if (report != null) exports.csv(report); });
        javafx.scene.control.MenuItem xlsx = new javafx.scene.control.MenuItem(i18n.t("report.exportXlsx"));
        xlsx.setOnAction(e -> { if (report != null) exports.xlsx(report); });
        javafx.scene.control.MenuItem png = new javafx.scene.control.MenuItem(i18n.t("report.exportPng"));
        png.setId("exportChartPng");
        png.setOnAction(e -> { if (report != null) exports.png(this); });
        javafx.scene.control.MenuItem svg = new javafx.scene.control.MenuItem(i18n.t("report.exportSvg"));
        svg.setId("exportChartSvg");
        svg.setOnAction(e -> { if (report != null) exports.svg(this); });
        javafx.scene.control.MenuItem heatPng = new javafx.scene.control.MenuItem(i18n.t("report.exportHeatmapPng"));
        heatPng.setId("exportHeatmapPng");
        heatPng.setOnAction(e -> { if (report != null) exports.heatmapPng(this); });
        javafx.scene.control.MenuItem heatSvg = new javafx.scene.control.MenuItem(i18n.t("report.exportHeatmapSvg"));
        heatSvg.setId("exportHeatmapSvg");
        heatSvg.setOnAction(e -> { if (report != null) exports.heatmapSvg(this); });
        javafx.scene.control.MenuButton export = new javafx.scene.control.MenuButton(i18n.t("report.export"), null,
                csv, xlsx, new javafx.scene.control.SeparatorMenuItem(), png, svg, new javafx.scene.control.SeparatorMenuItem(), heatPng, heatSvg);
        export.setId("reportExport");
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
                new HBox(6, new javafx.scene.control.Label(i18n.t("report.documentsWith")), attribute, value), export);
        for (javafx.scene.Node n : bar.getChildren()) if (n instanceof javafx.scene.control.Control c) c.setMinWidth(javafx.scene.control.Control.USE_PREF_SIZE);
        ((HBox) bar.getChildren().get(1)).setAlignment(Pos.CENTER_LEFT);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6));
        // the chart has a tab of its own: the whole width of the panel for whole labels and long bars
        TabPane tabs = new TabPane(new Tab(i18n.t("report.title"), table), new Tab(i18n.t("report.chartTab"), chart.root),
                new Tab(i18n.t("report.matrix"), matrix), new Tab(i18n.t("report.heatmap"), heatmap.root));
        tabs.setId("reportTabs");
        // a chart is laid out when its tab comes to the front, not for every coding made behind it
        tabs.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> javafx.application.Platform.runLater(() -> {
            chart.refreshIfShown();
            heatmap.refreshIfShown();
        }));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        root.setTop(bar);
        root.setCenter(tabs);
        model.revision.addListener((o, a, b) -> { if (root.getScene() != null && root.isVisible()) refresh(); });
    }

    FrequencyReport report() { return report; }

    /** The window's family (tamga.css): the bundled Latin face, Chinese and Mongolian by fallback to the bundled faces. */
    static String uiFamily() { return Fonts.uiFamily(); }

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
        chart.show(width -> barChart(r, width));
        heatmap.show(width -> Heatmap.layout(r, heatmapOptions(r, labelWidth(width))));

        List<TableColumn<FrequencyReport.Row, ?>> cols = new ArrayList<>();
        cols.add(Controls.<FrequencyReport.Row, Object>column("", row -> row.code().name(), 240));
        for (Document d : r.documents()) cols.add(Controls.<FrequencyReport.Row, Object>column(d.name(), row -> r.cell(row.code().id(), d.id()).codings(), 110));
        matrix.getColumns().setAll(cols);
        matrix.getItems().setAll(r.rows());
    }

    // ---- charts (ADR 33) ------------------------------------------------------------------------

    /** The words on the charts, in the window's language, and what the report covers. */
    private String subtitle(FrequencyReport r) {
        String name = attribute.getValue();
        boolean all = name == null || name.equals(i18n.t("report.allDocuments")) || value.getValue() == null;
        return all ? i18n.t("report.chart.documents", r.documents().size())
                : i18n.t("report.chart.documentsWhere", r.documents().size(), name, value.getValue());
    }

    private BarChart.Options barOptions(FrequencyReport r) {
        return new BarChart.Options(i18n.t("report.chart"), subtitle(r), i18n.t("report.col.codings"), i18n.t("report.chart.totals"),
                i18n.t("report.chart.empty"), 480, 300);
    }

    private Heatmap.Options heatmapOptions(FrequencyReport r, double maxLabelWidth) {
        return new Heatmap.Options(i18n.t("report.heatmap.title"), subtitle(r), i18n.t("report.heatmap.legend"),
                i18n.t("report.chart.empty"), maxLabelWidth);
    }

    private static double labelWidth(double available) { return Math.max(140, Math.min(300, available * 0.35)); }

    /** The bar chart laid out to fill {@code width}: labels up to a third of it, the bars the rest. */
    private Drawing barChart(FrequencyReport r, double width) {
        BarChart.Options o = barOptions(r).withMaxLabelWidth(labelWidth(width)).withPlotWidth(100);
        Drawing probe = BarChart.layout(r, o);
        double plot = Math.max(160, Math.min(1200, width - (probe.width() - 100) - 2));
        return BarChart.layout(r, o.withPlotWidth(plot));
    }

    /** The bar chart for print: 480 px (5 inches) of bars, labels up to 300 px before they wrap. */
    Drawing chartForPrint() { return report == null ? null : BarChart.layout(report, barOptions(report)); }

    /** The heatmap for print. */
    Drawing heatmapForPrint() { return report == null ? null : Heatmap.layout(report, heatmapOptions(report, 300)); }

    /** Writes the bar chart as a PNG at 300 dpi (the resolution recorded in the file). */
    void writeChartPng(Path file) { PngWriter.write(require(chartForPrint()), PngWriter.PRINT_DPI, file); }

    /** Writes the bar chart as SVG. */
    void writeChartSvg(Path file) { SvgWriter.write(require(chartForPrint()), file); }

    /** Writes the heatmap as a PNG at 300 dpi. */
    void writeHeatmapPng(Path file) { PngWriter.write(require(heatmapForPrint()), PngWriter.PRINT_DPI, file); }

    /** Writes the heatmap as SVG. */
    void writeHeatmapSvg(Path file) { SvgWriter.write(require(heatmapForPrint()), file); }

    private Drawing require(Drawing d) {
        if (d == null) throw new org.tamga.model.TamgaException(i18n.t("report.chart.none"));
        return d;
    }
}
