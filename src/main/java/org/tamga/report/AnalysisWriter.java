package org.tamga.report;

import org.apache.poi.ss.usermodel.ConditionalFormattingRule;
import org.apache.poi.ss.usermodel.ExtendedColor;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetConditionalFormatting;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.tamga.util.AtomicWrite;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes co-occurrence tables and crosstabs as CSV (UTF-8 with a byte-order mark, like the
 * frequency report) and as XLSX workbooks: one sheet per table, the matrices shaded by value
 * (a colour scale Excel and LibreOffice draw), and for a crosstab a native bar chart. Cells go
 * through {@code SpreadsheetCells} like every table Tamga writes (ADR 35).
 */
public final class AnalysisWriter {
    private AnalysisWriter() {}

    /** The first columns of the long co-occurrence table, fixed so that scripts can rely on them. */
    public static final List<String> COOCCURRENCE_LONG_HEADER = List.of("code_a", "code_b", "cooccurrences", "documents",
            "jaccard", "c_coefficient", "rule", "code_a_path", "code_b_path");

    /** What a co-occurrence matrix shows. */
    public enum Measure { COOCCURRENCES, DOCUMENTS, JACCARD, C_COEFFICIENT }

    /** A code × code matrix of one measure; the diagonal is left empty. */
    public static List<List<Object>> matrix(Cooccurrence t, Measure measure) {
        List<List<Object>> rows = new ArrayList<>();
        List<Object> header = new ArrayList<>(List.of("code"));
        header.addAll(t.codes().stream().map(c -> (Object) c.name()).toList());
        rows.add(header);
        for (int i = 0; i < t.codes().size(); i++) {
            List<Object> row = new ArrayList<>(List.of(t.codes().get(i).name()));
            for (int j = 0; j < t.codes().size(); j++) {
                if (i == j) { row.add(""); continue; }
                Cooccurrence.Cell c = t.cell(i, j);
                row.add(switch (measure) {
                    case COOCCURRENCES -> c.cooccurrences();
                    case DOCUMENTS -> c.documents();
                    case JACCARD -> round(c.jaccard());
                    case C_COEFFICIENT -> round(c.cCoefficient());
                });
            }
            rows.add(row);
        }
        return rows;
    }

    /** Every unordered pair once, code_a before code_b in codebook order, pairs that never co-occur included. */
    public static List<List<Object>> longTable(Cooccurrence t) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(new ArrayList<>(COOCCURRENCE_LONG_HEADER));
        for (int i = 0; i < t.codes().size(); i++) {
            for (int j = i + 1; j < t.codes().size(); j++) {
                Cooccurrence.Cell c = t.cell(i, j);
                rows.add(List.of(t.codes().get(i).name(), t.codes().get(j).name(), c.cooccurrences(), c.documents(),
                        round(c.jaccard()), round(c.cCoefficient()), t.rule().label(), t.paths().get(i), t.paths().get(j)));
            }
        }
        return rows;
    }

    public static void csv(Cooccurrence t, boolean longLayout, java.nio.file.Path file) {
        ReportWriter.csvRows(longLayout ? longTable(t) : matrix(t, Measure.COOCCURRENCES), file);
    }

    public static void xlsx(Cooccurrence t, java.nio.file.Path file) {
        AtomicWrite.write(file, out -> {
            try (XSSFWorkbook wb = new XSSFWorkbook()) {
                var bold = ReportWriter.boldStyle(wb);
                shade(ReportWriter.fill(wb, "Co-occurrences", matrix(t, Measure.COOCCURRENCES), bold), t.codes().size(), t.codes().size());
                shade(ReportWriter.fill(wb, "Documents", matrix(t, Measure.DOCUMENTS), bold), t.codes().size(), t.codes().size());
                shade(ReportWriter.fill(wb, "Jaccard", matrix(t, Measure.JACCARD), bold), t.codes().size(), t.codes().size());
                shade(ReportWriter.fill(wb, "c-coefficient", matrix(t, Measure.C_COEFFICIENT), bold), t.codes().size(), t.codes().size());
                ReportWriter.fill(wb, "Long (tidy)", longTable(t), bold);
                wb.write(out);
            }
        });
    }

    // ---------------------------------------------------------------- crosstabs

    /** The first columns of the long crosstab table (by attribute). */
    public static final List<String> CROSSTAB_LONG_HEADER = List.of("code", "attribute", "value", "codings", "documents",
            "cases", "coded_characters", "documents_in_column", "code_path");
    /** The first columns of the long crosstab table by case. */
    public static final List<String> CROSSTAB_CASE_LONG_HEADER = List.of("code", "case", "codings", "documents",
            "cases", "coded_characters", "documents_in_column", "code_path");

    /** A row per code, a column per value and a total; the last row the columns' totals. Cells as counts or percentages. */
    public static List<List<Object>> wide(Crosstab t, Crosstab.Count count, Crosstab.Percent percent) {
        List<List<Object>> rows = new ArrayList<>();
        List<Object> header = new ArrayList<>(List.of("code"));
        for (Crosstab.Column c : t.columns()) header.add(c.label());
        header.add("total");
        rows.add(header);
        for (int r = 0; r < t.codes().size(); r++) {
            List<Object> row = new ArrayList<>(List.of(t.codes().get(r).name()));
            for (int c = 0; c < t.columns().size(); c++) {
                row.add(percent == Crosstab.Percent.NONE ? (Object) t.cell(r, c).get(count) : round1(100 * t.percent(r, c, count, percent)));
            }
            long total = t.rowTotal(r).get(count);
            row.add(percent == Crosstab.Percent.ROW ? (Object) (total == 0 ? 0.0 : 100.0)
                    : percent == Crosstab.Percent.COLUMN ? (Object) round1(t.total().get(count) == 0 ? 0 : 100.0 * total / t.total().get(count)) : total);
            rows.add(row);
        }
        List<Object> totals = new ArrayList<>(List.of("total"));
        for (int c = 0; c < t.columns().size(); c++) {
            long v = t.columnTotal(c).get(count);
            totals.add(percent == Crosstab.Percent.COLUMN ? (Object) (v == 0 ? 0.0 : 100.0)
                    : percent == Crosstab.Percent.ROW ? (Object) round1(t.total().get(count) == 0 ? 0 : 100.0 * v / t.total().get(count)) : v);
        }
        totals.add(percent == Crosstab.Percent.NONE ? (Object) t.total().get(count) : (Object) (t.total().get(count) == 0 ? 0.0 : 100.0));
        rows.add(totals);
        return rows;
    }

    /** One row per code and column with every count; "(no value)" is a value like any other. */
    public static List<List<Object>> longTable(Crosstab t) {
        boolean byCase = t.dimensions().equals(List.of("case"));
        boolean nested = t.dimensions().size() == 2;
        List<List<Object>> rows = new ArrayList<>();
        List<Object> header = new ArrayList<>(byCase ? CROSSTAB_CASE_LONG_HEADER : CROSSTAB_LONG_HEADER);
        if (nested) { header.add("attribute_2"); header.add("value_2"); }
        rows.add(header);
        for (int r = 0; r < t.codes().size(); r++) {
            for (int c = 0; c < t.columns().size(); c++) {
                Crosstab.Column col = t.columns().get(c);
                Crosstab.Cell cell = t.cell(r, c);
                List<Object> row = new ArrayList<>();
                row.add(t.codes().get(r).name());
                if (!byCase) row.add(t.dimensions().get(0));
                row.add(col.values().get(0));
                row.addAll(List.of(cell.codings(), cell.documents(), cell.cases(), cell.characters(), col.documentsInColumn(), t.paths().get(r)));
                if (nested) { row.add(t.dimensions().get(1)); row.add(col.values().get(1)); }
                rows.add(row);
            }
        }
        return rows;
    }

    public static void csv(Crosstab t, Crosstab.Count count, Crosstab.Percent percent, boolean longLayout, java.nio.file.Path file) {
        ReportWriter.csvRows(longLayout ? longTable(t) : wide(t, count, percent), file);
    }

    /** Sheets: the chosen count, row %, column %, the long table, and a bar chart of the chosen count. */
    public static void xlsx(Crosstab t, Crosstab.Count count, java.nio.file.Path file) {
        AtomicWrite.write(file, out -> {
            try (XSSFWorkbook wb = new XSSFWorkbook()) {
                var bold = ReportWriter.boldStyle(wb);
                int rows = t.codes().size(), cols = t.columns().size();
                Sheet counts = ReportWriter.fill(wb, capital(count.label()), wide(t, count, Crosstab.Percent.NONE), bold);
                shade(counts, rows, cols);
                shade(ReportWriter.fill(wb, "Row %", wide(t, count, Crosstab.Percent.ROW), bold), rows, cols);
                shade(ReportWriter.fill(wb, "Column %", wide(t, count, Crosstab.Percent.COLUMN), bold), rows, cols);
                ReportWriter.fill(wb, "Long (tidy)", longTable(t), bold);
                if (rows > 0 && cols > 0) chart(wb, counts, t, count);
                wb.write(out);
            }
        });
    }

    /** A clustered bar chart on a sheet of its own: a bar group per code, a bar per column. */
    private static void chart(XSSFWorkbook wb, Sheet data, Crosstab t, Crosstab.Count count) {
        var sheet = wb.createSheet("Chart");
        XSSFDrawing drawing = (XSSFDrawing) sheet.createDrawingPatriarch();
        int rows = t.codes().size(), cols = t.columns().size();
        XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, 0, 0, Math.min(30, 8 + cols * 2), Math.max(20, 4 + rows * 2));
        XSSFChart chart = drawing.createChart(anchor);
        chart.setTitleText(capital(count.label()) + " by " + String.join(" \u00D7 ", t.dimensions()));
        chart.setTitleOverlay(false);
        chart.getOrAddLegend().setPosition(LegendPosition.RIGHT);
        XDDFCategoryAxis codes = chart.createCategoryAxis(AxisPosition.LEFT);
        XDDFValueAxis values = chart.createValueAxis(AxisPosition.BOTTOM);
        values.setTitle(count.label());
        var bars = (XDDFBarChartData) chart.createData(ChartTypes.BAR, codes, values);
        bars.setBarDirection(BarDirection.BAR);
        var categories = XDDFDataSourcesFactory.fromStringCellRange((org.apache.poi.xssf.usermodel.XSSFSheet) data, new CellRangeAddress(1, rows, 0, 0));
        for (int c = 0; c < cols; c++) {
            var numbers = XDDFDataSourcesFactory.fromNumericCellRange((org.apache.poi.xssf.usermodel.XSSFSheet) data, new CellRangeAddress(1, rows, c + 1, c + 1));
            var series = bars.addSeries(categories, numbers);
            series.setTitle(t.columns().get(c).label(), new org.apache.poi.ss.util.CellReference(data.getSheetName(), 0, c + 1, true, true));
        }
        chart.plot(bars);
    }

    /** A white-to-blue colour scale over the data cells of a matrix (rows 1..rows, columns 1..cols). */
    private static void shade(Sheet sheet, int rows, int cols) {
        if (rows == 0 || cols == 0) return;
        SheetConditionalFormatting cf = sheet.getSheetConditionalFormatting();
        ConditionalFormattingRule rule = cf.createConditionalFormattingColorScaleRule();
        var scale = rule.getColorScaleFormatting();
        scale.getThresholds()[0].setRangeType(org.apache.poi.ss.usermodel.ConditionalFormattingThreshold.RangeType.MIN);
        scale.getThresholds()[1].setRangeType(org.apache.poi.ss.usermodel.ConditionalFormattingThreshold.RangeType.PERCENTILE);
        scale.getThresholds()[1].setValue(50d);
        scale.getThresholds()[2].setRangeType(org.apache.poi.ss.usermodel.ConditionalFormattingThreshold.RangeType.MAX);
        ExtendedColor[] colours = {color(0xFFFFFF), color(0x9CC3E4), color(0x1F5FA0)};
        scale.setColors(colours);
        cf.addConditionalFormatting(new CellRangeAddress[] {new CellRangeAddress(1, rows, 1, cols)}, rule);
    }

    private static XSSFColor color(int rgb) {
        return new XSSFColor(new byte[] {(byte) (rgb >> 16), (byte) (rgb >> 8), (byte) rgb}, null);
    }

    private static String capital(String s) { return s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1); }

    private static double round(double v) { return Math.round(v * 10000) / 10000.0; }

    private static double round1(double v) { return Math.round(v * 10) / 10.0; }
}
