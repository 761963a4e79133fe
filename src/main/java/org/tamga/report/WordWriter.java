package org.tamga.report;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisOrientation;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.tamga.util.AtomicWrite;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes word frequencies as CSV (UTF-8 with a byte-order mark, like the frequency report) or XLSX
 * (ADR 38). Two tables:
 * <ul>
 * <li><b>wide</b>, for reading and for papers: one row per rank, a block of columns per language
 *     ({@code zh_word, zh_count, zh_documents, en_word, …}; with stemming also {@code en_forms});</li>
 * <li><b>long</b> (tidy, for R): one row per language and word, {@code language, word, count,
 *     documents, forms}, most frequent first, then by the word.</li>
 * </ul>
 * The workbook holds the wide table, a sheet per language with its words and a native Excel bar
 * chart of its most frequent ones, and the long table. Every cell goes through
 * {@code util.SpreadsheetCells} (ADR 35); files are written atomically.
 */
public final class WordWriter {
    private WordWriter() {}

    /** The long table's columns; the first four are fixed (issue 10). */
    public static final List<String> LONG_HEADER = List.of("language", "word", "count", "documents", "forms");
    /** Words in each language sheet's bar chart, at most. */
    static final int CHART_WORDS = 20;

    public static List<List<Object>> longTable(WordFrequencies words) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(new ArrayList<>(LONG_HEADER));
        for (WordFrequencies.Row r : words.rows()) {
            rows.add(List.of(r.language(), r.word(), r.count(), r.documents(), String.join(" ", r.forms())));
        }
        return rows;
    }

    public static List<List<Object>> wideTable(WordFrequencies words) {
        List<List<Object>> rows = new ArrayList<>();
        List<Object> header = new ArrayList<>(List.of("rank"));
        List<List<WordFrequencies.Row>> columns = new ArrayList<>();
        int longest = 0;
        for (String l : words.languages()) {
            header.addAll(List.of(l + "_word", l + "_count", l + "_documents"));
            if (forms(words, l)) header.add(l + "_forms");
            List<WordFrequencies.Row> own = words.rows(l);
            columns.add(own);
            longest = Math.max(longest, own.size());
        }
        rows.add(header);
        for (int i = 0; i < longest; i++) {
            List<Object> row = new ArrayList<>();
            row.add(i + 1);
            for (int k = 0; k < columns.size(); k++) {
                List<WordFrequencies.Row> own = columns.get(k);
                WordFrequencies.Row r = i < own.size() ? own.get(i) : null;
                row.add(r == null ? "" : r.word());
                row.add(r == null ? "" : r.count());
                row.add(r == null ? "" : r.documents());
                if (forms(words, words.languages().get(k))) row.add(r == null ? "" : String.join(" ", r.forms()));
            }
            rows.add(row);
        }
        return rows;
    }

    /** Whether a language's block shows the forms counted under each word: English when stemmed. */
    private static boolean forms(WordFrequencies words, String language) {
        return words.settings().stemmed() && language.equals("en");
    }

    /** The long table ({@code longLayout}) or the wide one as CSV. */
    public static void csv(WordFrequencies words, boolean longLayout, Path file) {
        ReportWriter.csvRows(longLayout ? longTable(words) : wideTable(words), file);
    }

    /** The workbook: the wide table (or the long one first, with {@code longFirst}), a sheet and a bar chart per language, the long table. */
    public static void xlsx(WordFrequencies words, boolean longFirst, Path file) {
        AtomicWrite.write(file, out -> {
            try (XSSFWorkbook wb = new XSSFWorkbook()) {
                CellStyle bold = ReportWriter.boldStyle(wb);
                if (longFirst) ReportWriter.fill(wb, "Long (tidy)", longTable(words), bold);
                ReportWriter.fill(wb, "Words", wideTable(words), bold);
                for (String l : words.languages()) language(wb, words, l, bold);
                if (!longFirst) ReportWriter.fill(wb, "Long (tidy)", longTable(words), bold);
                wb.write(out);
            }
        });
    }

    private static void language(XSSFWorkbook wb, WordFrequencies words, String language, CellStyle bold) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(new ArrayList<>(List.of("rank", "word", "count", "documents", "forms")));
        List<WordFrequencies.Row> own = words.rows(language);
        for (int i = 0; i < own.size(); i++) {
            WordFrequencies.Row r = own.get(i);
            rows.add(List.of(i + 1, r.word(), r.count(), r.documents(), String.join(" ", r.forms())));
        }
        XSSFSheet sheet = (XSSFSheet) ReportWriter.fill(wb, WordFrequencies.languageName(language), rows, bold);
        if (own.isEmpty()) return;
        int n = Math.min(CHART_WORDS, own.size());
        XSSFDrawing drawing = sheet.createDrawingPatriarch();
        XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, 6, 1, 16, 2 + Math.max(16, n + 2));
        XSSFChart chart = drawing.createChart(anchor);
        chart.setTitleText("Most frequent words, " + WordFrequencies.languageName(language));
        chart.setTitleOverlay(false);
        XDDFCategoryAxis wordsAxis = chart.createCategoryAxis(AxisPosition.LEFT);
        wordsAxis.setOrientation(AxisOrientation.MAX_MIN); // the most frequent at the top
        XDDFValueAxis countAxis = chart.createValueAxis(AxisPosition.BOTTOM);
        countAxis.setCrosses(AxisCrosses.AUTO_ZERO);
        XDDFDataSource<String> labels = XDDFDataSourcesFactory.fromStringCellRange(sheet, new CellRangeAddress(1, n, 1, 1));
        XDDFNumericalDataSource<Double> counts = XDDFDataSourcesFactory.fromNumericCellRange(sheet, new CellRangeAddress(1, n, 2, 2));
        XDDFBarChartData data = (XDDFBarChartData) chart.createData(ChartTypes.BAR, wordsAxis, countAxis);
        data.setBarDirection(BarDirection.BAR);
        data.setVaryColors(false);
        XDDFChartData.Series series = data.addSeries(labels, counts);
        series.setTitle("count", null);
        chart.plot(data);
    }
}
