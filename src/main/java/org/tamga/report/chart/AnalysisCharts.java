package org.tamga.report.chart;

import org.tamga.model.Code;
import org.tamga.model.Codebook;
import org.tamga.report.Cooccurrence;
import org.tamga.report.Crosstab;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Heatmaps of the analyses: the code × code co-occurrence matrix (counts, or a measure with two
 * decimals) and the code × value crosstab, each showing only the codes that have something to show,
 * in codebook order, with their colours and indented under their parents.
 */
public final class AnalysisCharts {
    private AnalysisCharts() {}

    /** What a co-occurrence heatmap colours its cells by. */
    public enum Measure { COOCCURRENCES, JACCARD, C_COEFFICIENT }

    public static Heatmap.Grid grid(Cooccurrence t, Measure measure) {
        List<Integer> shown = new ArrayList<>();
        for (int i = 0; i < t.codes().size(); i++) {
            for (int j = 0; j < t.codes().size(); j++) {
                if (t.cell(i, j).cooccurrences() > 0) { shown.add(i); break; }
            }
        }
        double[][] values = new double[shown.size()][shown.size()];
        String[][] texts = new String[shown.size()][shown.size()];
        for (int a = 0; a < shown.size(); a++) {
            for (int b = 0; b < shown.size(); b++) {
                Cooccurrence.Cell c = t.cell(shown.get(a), shown.get(b));
                if (c.cooccurrences() == 0) continue;
                switch (measure) {
                    case COOCCURRENCES -> values[a][b] = c.cooccurrences();
                    case JACCARD -> { values[a][b] = c.jaccard(); texts[a][b] = twoDecimals(c.jaccard()); }
                    case C_COEFFICIENT -> { values[a][b] = c.cCoefficient(); texts[a][b] = twoDecimals(c.cCoefficient()); }
                }
            }
        }
        List<Heatmap.RowHead> rows = new ArrayList<>();
        for (int i : shown) rows.add(head(t.codes().get(i), t.paths().get(i)));
        return new Heatmap.Grid(rows, shown.stream().map(i -> t.codes().get(i).name()).toList(), values, texts);
    }

    public static Heatmap.Grid grid(Crosstab t, Crosstab.Count count, Crosstab.Percent percent) {
        List<Integer> shown = new ArrayList<>();
        for (int r = 0; r < t.codes().size(); r++) if (t.rowTotal(r).codings() > 0) shown.add(r);
        int cols = t.columns().size();
        double[][] values = new double[shown.size()][cols];
        String[][] texts = new String[shown.size()][cols];
        for (int a = 0; a < shown.size(); a++) {
            for (int c = 0; c < cols; c++) {
                int r = shown.get(a);
                if (percent == Crosstab.Percent.NONE) values[a][c] = t.cell(r, c).get(count);
                else {
                    double p = 100 * t.percent(r, c, count, percent);
                    values[a][c] = p;
                    if (p > 0) texts[a][c] = String.format(Locale.ROOT, "%.0f%%", p);
                }
            }
        }
        List<Heatmap.RowHead> rows = new ArrayList<>();
        for (int r : shown) rows.add(head(t.codes().get(r), t.paths().get(r)));
        return new Heatmap.Grid(rows, t.columns().stream().map(Crosstab.Column::label).toList(), values, texts);
    }

    private static Heatmap.RowHead head(Code code, String path) {
        String c = code.color();
        String colour = c != null && c.matches("#[0-9A-Fa-f]{6}") ? c.toUpperCase(Locale.ROOT) : CodeRows.DEFAULT_COLOUR;
        int depth = path.split(java.util.regex.Pattern.quote(Codebook.PATH_SEPARATOR), -1).length - 1;
        return new Heatmap.RowHead(code.name(), colour, depth, false);
    }

    private static String twoDecimals(double v) { return String.format(Locale.ROOT, "%.2f", v); }

    /** English titles for the command line. */
    public static Heatmap.Options options(String title, String subtitle, String legend) {
        return new Heatmap.Options(title, subtitle, legend, "Nothing to show", 300);
    }
}
