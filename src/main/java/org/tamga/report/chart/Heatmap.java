package org.tamga.report.chart;

import org.tamga.model.Document;
import org.tamga.report.FrequencyReport;
import org.tamga.report.chart.Drawing.Anchor;
import org.tamga.report.chart.Drawing.Item;
import org.tamga.report.chart.Drawing.Label;
import org.tamga.report.chart.Drawing.Rect;
import org.tamga.report.chart.Drawing.Role;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.Locale;

import static org.tamga.report.chart.BarChart.*;

/**
 * The code × document matrix as a heatmap: a row per code (the rows and order of the bar chart,
 * with a swatch of the code's colour and whole, wrapped labels), a column per document (its whole
 * name turned upright above it), each cell coloured by the code's own codings in that document on a
 * sequential palette, the count written in the cell when it fits, and a legend.
 */
public final class Heatmap {
    private Heatmap() {}

    static final String EMPTY_CELL = "#FFFFFF", CELL_LINE = "#E3E3E3";
    /** Light to dark blue; the lightest is still clearly not the white of an empty cell. */
    static final int[] PALETTE = {0xDCEAF7, 0x9CC3E4, 0x4A8CC8, 0x1F5FA0, 0x0B3C78};

    public record Options(String title, String subtitle, String legendCaption, String empty, double maxLabelWidth) {
        public static Options english(FrequencyReport report) {
            int d = report.documents().size();
            return new Options("Codings per code and document", d + (d == 1 ? " document" : " documents"),
                    "Codings of the code itself in the document", "No codings to show", 300);
        }
    }

    /** A row of a heatmap: its label, the colour of its swatch (or null for none), its depth under its parent, and whether it is set in bold. */
    public record RowHead(String label, String colour, int depth, boolean bold) {}

    /**
     * What a heatmap shows: row heads, column labels and a value per cell (0 is an empty cell);
     * {@code texts} are what each cell says (null to write the value), e.g. "0.42" for a measure.
     */
    public record Grid(List<RowHead> rows, List<String> columns, double[][] values, String[][] texts) {}

    public static Drawing layout(FrequencyReport report, Options o) {
        List<CodeRows.Shown> shown = CodeRows.of(report);
        List<Document> docs = report.documents();
        List<RowHead> rows = new ArrayList<>();
        double[][] values = new double[shown.size()][docs.size()];
        for (int i = 0; i < shown.size(); i++) {
            CodeRows.Shown r = shown.get(i);
            rows.add(new RowHead(r.row().code().name(), CodeRows.colour(r.row()), r.depth(), r.parent()));
            for (int j = 0; j < docs.size(); j++) values[i][j] = report.cell(r.row().code().id(), docs.get(j).id()).codings();
        }
        return layout(new Grid(rows, docs.stream().map(Document::name).toList(), values, null), o);
    }

    /** Any grid as a heatmap: whole wrapped row labels, upright column labels, a legend of the palette. */
    public static Drawing layout(Grid grid, Options o) {
        List<Item> items = new ArrayList<>();
        List<RowHead> rows = grid.rows();
        List<String> columns = grid.columns();
        double y = header(items, o.title(), o.subtitle(), MARGIN);
        double right = MARGIN + Typesetter.width(o.title(), TITLE, true);
        if (rows.isEmpty() || columns.isEmpty()) {
            double w = Typesetter.width(o.empty(), LABEL, false);
            items.add(label(MARGIN, y + Typesetter.ascent(LABEL), List.of(o.empty()), LABEL, false, GREY, Anchor.START, w, Role.CAPTION));
            return new Drawing(o.title(), Math.ceil(Math.max(right, MARGIN + w) + MARGIN), Math.ceil(y + Typesetter.lineHeight(LABEL) + MARGIN), items);
        }
        double lh = Typesetter.lineHeight(LABEL), swatch = 10;
        List<List<String>> lines = new ArrayList<>();
        double labelColumn = 60;
        double largest = 0;
        boolean whole = true;
        double countWidth = 0;
        for (int i = 0; i < rows.size(); i++) {
            RowHead r = rows.get(i);
            List<String> l = Typesetter.wrap(r.label(), LABEL, r.bold(), o.maxLabelWidth());
            lines.add(l);
            double widest = 0;
            for (String s : l) widest = Math.max(widest, Typesetter.width(s.stripTrailing(), LABEL, r.bold()));
            labelColumn = Math.max(labelColumn, INDENT * r.depth() + (r.colour() == null ? 0 : swatch + 6) + widest);
            for (int j = 0; j < columns.size(); j++) {
                double v = grid.values()[i][j];
                largest = Math.max(largest, v);
                if (v != Math.rint(v)) whole = false;
                if (v > 0) countWidth = Math.max(countWidth, Typesetter.width(text(grid, i, j), SMALL, false));
            }
        }
        double top = whole ? Math.max(1, largest) : largest;
        double cw = Math.max(28, Math.max(countWidth + 8, Typesetter.lineHeight(SMALL) + 6));
        double header = 0;
        for (String c : columns) header = Math.max(header, Typesetter.width(c, SMALL, false));
        double x0 = MARGIN + labelColumn + GAP, gridTop = y + header + 8;

        // column labels, upright, read from the bottom up, centred on their columns
        for (int j = 0; j < columns.size(); j++) {
            String name = columns.get(j);
            double cx = x0 + j * cw + cw / 2;
            items.add(new Label(cx + 0.36 * SMALL, gridTop - 6, List.of(name), Typesetter.lineHeight(SMALL), SMALL, false, INK,
                    Anchor.START, -90, Typesetter.width(name, SMALL, false), Role.DOCUMENT));
        }
        double rowY = gridTop;
        for (int i = 0; i < rows.size(); i++) {
            RowHead r = rows.get(i);
            List<String> l = lines.get(i);
            double h = Math.max(l.size() * lh, 20) + 4;
            double lx = MARGIN + INDENT * r.depth();
            if (r.colour() != null) {
                items.add(new Rect(lx, rowY + (h - swatch) / 2, swatch, swatch, r.colour(), 1, CodeRows.darker(r.colour(), 0.7), 0.75));
                lx += swatch + 6;
            }
            double widest = 0;
            for (String s : l) widest = Math.max(widest, Typesetter.width(s.stripTrailing(), LABEL, r.bold()));
            items.add(new Label(lx, rowY + (h - l.size() * lh) / 2 + baselineIn(lh, LABEL), l, lh, LABEL, r.bold(), INK,
                    Anchor.START, 0, widest, Role.CODE));
            for (int j = 0; j < columns.size(); j++) {
                double v = grid.values()[i][j];
                double cx = x0 + j * cw;
                String fill = v <= 0 ? EMPTY_CELL : whole ? colour((long) v, (long) top) : shade(v / top);
                items.add(new Rect(cx, rowY, cw, h, fill, 1, CELL_LINE, 0.75));
                if (v > 0) {
                    String s = text(grid, i, j);
                    double w = Typesetter.width(s, SMALL, false);
                    if (w <= cw - 4 && h >= SMALL + 4) {
                        items.add(label(cx + cw / 2, rowY + h / 2 + 0.36 * SMALL, List.of(s), SMALL, false,
                                dark(fill) ? "#FFFFFF" : INK, Anchor.MIDDLE, w, Role.CELL));
                    }
                }
            }
            rowY += h;
        }
        right = Math.max(right, x0 + columns.size() * cw);

        // legend: the palette at a few values from the smallest to the largest
        double ly = rowY + 14;
        double cw2 = Typesetter.width(o.legendCaption(), SMALL, false);
        items.add(label(MARGIN, ly + Typesetter.ascent(SMALL), List.of(o.legendCaption()), SMALL, false, GREY, Anchor.START, cw2, Role.LEGEND));
        double lx = MARGIN + cw2 + 12, box = 26;
        List<String> legend = new ArrayList<>();
        List<String> fills = new ArrayList<>();
        if (whole) {
            for (long v : legendValues((long) top)) { legend.add(Long.toString(v)); fills.add(colour(v, (long) top)); }
        } else {
            for (int k = 1; k <= 4; k++) {
                double v = top * k / 4;
                legend.add(String.format(Locale.ROOT, "%.2f", v));
                fills.add(shade(v / top));
            }
        }
        for (int k = 0; k < legend.size(); k++) {
            String s = legend.get(k);
            double bw = Math.max(box, Typesetter.width(s, SMALL, false) + 4);
            items.add(new Rect(lx, ly, bw, 12, fills.get(k), 1, CELL_LINE, 0.75));
            items.add(label(lx + bw / 2, ly + 12 + 3 + Typesetter.ascent(SMALL), List.of(s), SMALL, false, GREY, Anchor.MIDDLE,
                    Typesetter.width(s, SMALL, false), Role.LEGEND));
            lx += bw + 4;
        }
        right = Math.max(right, lx);
        double bottom = ly + 12 + 3 + Typesetter.lineHeight(SMALL);
        return new Drawing(o.title(), Math.ceil(right + MARGIN), Math.ceil(bottom + MARGIN), items);
    }

    private static String text(Grid grid, int i, int j) {
        if (grid.texts() != null && grid.texts()[i][j] != null) return grid.texts()[i][j];
        double v = grid.values()[i][j];
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.2f", v);
    }

    /** The palette's colour at a share (0, 1] of the largest value. */
    static String shade(double share) {
        double t = Math.max(0, Math.min(1, share)) * (PALETTE.length - 1);
        int i = Math.min(PALETTE.length - 2, (int) Math.floor(t));
        double f = t - i;
        int a = PALETTE[i], b = PALETTE[i + 1];
        return String.format(Locale.ROOT, "#%02X%02X%02X", mix(a >> 16, b >> 16, f), mix(a >> 8, b >> 8, f), mix(a, b, f));
    }

    /** 1, the axis ticks up to the largest count, and the largest count. */
    static List<Long> legendValues(long largest) {
        TreeSet<Long> values = new TreeSet<>();
        values.add(1L);
        for (long t : Ticks.forMax(largest).values()) if (t > 0 && t <= largest) values.add(t);
        values.add(largest);
        return List.copyOf(values);
    }

    /** The palette's colour for a count from 1 to the largest. */
    static String colour(long count, long largest) {
        double t = largest <= 1 ? 1 : (double) (count - 1) / (largest - 1);
        return shade(t);
    }

    private static int mix(int a, int b, double f) { return (int) Math.round((a & 0xFF) * (1 - f) + (b & 0xFF) * f); }

    /** Whether white text reads better than black on a fill. */
    static boolean dark(String hex) {
        int rgb = Integer.parseInt(hex.substring(1), 16);
        double r = ((rgb >> 16) & 0xFF) / 255.0, g = ((rgb >> 8) & 0xFF) / 255.0, b = (rgb & 0xFF) / 255.0;
        return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5;
    }
}
