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

    public static Drawing layout(FrequencyReport report, Options o) {
        List<Item> items = new ArrayList<>();
        List<CodeRows.Shown> rows = CodeRows.of(report);
        List<Document> docs = report.documents();
        double y = header(items, o.title(), o.subtitle(), MARGIN);
        double right = MARGIN + Typesetter.width(o.title(), TITLE, true);
        if (rows.isEmpty() || docs.isEmpty()) {
            double w = Typesetter.width(o.empty(), LABEL, false);
            items.add(label(MARGIN, y + Typesetter.ascent(LABEL), List.of(o.empty()), LABEL, false, GREY, Anchor.START, w, Role.CAPTION));
            return new Drawing(o.title(), Math.ceil(Math.max(right, MARGIN + w) + MARGIN), Math.ceil(y + Typesetter.lineHeight(LABEL) + MARGIN), items);
        }
        double lh = Typesetter.lineHeight(LABEL), swatch = 10;
        List<List<String>> lines = new ArrayList<>();
        double labelColumn = 60;
        long largest = 1;
        int[][] counts = new int[rows.size()][docs.size()];
        double countWidth = 0;
        for (int i = 0; i < rows.size(); i++) {
            CodeRows.Shown r = rows.get(i);
            List<String> l = Typesetter.wrap(r.row().code().name(), LABEL, r.parent(), o.maxLabelWidth());
            lines.add(l);
            double widest = 0;
            for (String s : l) widest = Math.max(widest, Typesetter.width(s.stripTrailing(), LABEL, r.parent()));
            labelColumn = Math.max(labelColumn, INDENT * r.depth() + swatch + 6 + widest);
            for (int j = 0; j < docs.size(); j++) {
                int c = report.cell(r.row().code().id(), docs.get(j).id()).codings();
                counts[i][j] = c;
                largest = Math.max(largest, c);
                if (c > 0) countWidth = Math.max(countWidth, Typesetter.width(Integer.toString(c), SMALL, false));
            }
        }
        double cw = Math.max(28, Math.max(countWidth + 8, Typesetter.lineHeight(SMALL) + 6));
        double header = 0;
        for (Document d : docs) header = Math.max(header, Typesetter.width(d.name(), SMALL, false));
        double x0 = MARGIN + labelColumn + GAP, gridTop = y + header + 8;

        // document names, upright, read from the bottom up, centred on their columns
        for (int j = 0; j < docs.size(); j++) {
            String name = docs.get(j).name();
            double cx = x0 + j * cw + cw / 2;
            items.add(new Label(cx + 0.36 * SMALL, gridTop - 6, List.of(name), Typesetter.lineHeight(SMALL), SMALL, false, INK,
                    Anchor.START, -90, Typesetter.width(name, SMALL, false), Role.DOCUMENT));
        }
        double rowY = gridTop;
        for (int i = 0; i < rows.size(); i++) {
            CodeRows.Shown r = rows.get(i);
            List<String> l = lines.get(i);
            double h = Math.max(l.size() * lh, 20) + 4;
            double lx = MARGIN + INDENT * r.depth();
            items.add(new Rect(lx, rowY + (h - swatch) / 2, swatch, swatch, CodeRows.colour(r.row()), 1,
                    CodeRows.darker(CodeRows.colour(r.row()), 0.7), 0.75));
            double widest = 0;
            for (String s : l) widest = Math.max(widest, Typesetter.width(s.stripTrailing(), LABEL, r.parent()));
            items.add(new Label(lx + swatch + 6, rowY + (h - l.size() * lh) / 2 + baselineIn(lh, LABEL), l, lh, LABEL, r.parent(), INK,
                    Anchor.START, 0, widest, Role.CODE));
            for (int j = 0; j < docs.size(); j++) {
                int c = counts[i][j];
                double cx = x0 + j * cw;
                String fill = c == 0 ? EMPTY_CELL : colour(c, largest);
                items.add(new Rect(cx, rowY, cw, h, fill, 1, CELL_LINE, 0.75));
                if (c > 0) {
                    String s = Integer.toString(c);
                    double w = Typesetter.width(s, SMALL, false);
                    if (w <= cw - 4 && h >= SMALL + 4) {
                        items.add(label(cx + cw / 2, rowY + h / 2 + 0.36 * SMALL, List.of(s), SMALL, false,
                                dark(fill) ? "#FFFFFF" : INK, Anchor.MIDDLE, w, Role.CELL));
                    }
                }
            }
            rowY += h;
        }
        right = Math.max(right, x0 + docs.size() * cw);

        // legend: the palette at a few counts from 1 to the largest
        double ly = rowY + 14;
        double cw2 = Typesetter.width(o.legendCaption(), SMALL, false);
        items.add(label(MARGIN, ly + Typesetter.ascent(SMALL), List.of(o.legendCaption()), SMALL, false, GREY, Anchor.START, cw2, Role.LEGEND));
        double lx = MARGIN + cw2 + 12, box = 26;
        for (long v : legendValues(largest)) {
            items.add(new Rect(lx, ly, box, 12, colour(v, largest), 1, CELL_LINE, 0.75));
            String s = Long.toString(v);
            items.add(label(lx + box / 2, ly + 12 + 3 + Typesetter.ascent(SMALL), List.of(s), SMALL, false, GREY, Anchor.MIDDLE,
                    Typesetter.width(s, SMALL, false), Role.LEGEND));
            lx += box + 4;
        }
        right = Math.max(right, lx);
        double bottom = ly + 12 + 3 + Typesetter.lineHeight(SMALL);
        return new Drawing(o.title(), Math.ceil(right + MARGIN), Math.ceil(bottom + MARGIN), items);
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
        t = Math.max(0, Math.min(1, t)) * (PALETTE.length - 1);
        int i = Math.min(PALETTE.length - 2, (int) Math.floor(t));
        double f = t - i;
        int a = PALETTE[i], b = PALETTE[i + 1];
        int r = mix(a >> 16, b >> 16, f), g = mix(a >> 8, b >> 8, f), bl = mix(a, b, f);
        return String.format(Locale.ROOT, "#%02X%02X%02X", r, g, bl);
    }

    private static int mix(int a, int b, double f) { return (int) Math.round((a & 0xFF) * (1 - f) + (b & 0xFF) * f); }

    /** Whether white text reads better than black on a fill. */
    static boolean dark(String hex) {
        int rgb = Integer.parseInt(hex.substring(1), 16);
        double r = ((rgb >> 16) & 0xFF) / 255.0, g = ((rgb >> 8) & 0xFF) / 255.0, b = (rgb & 0xFF) / 255.0;
        return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5;
    }
}
