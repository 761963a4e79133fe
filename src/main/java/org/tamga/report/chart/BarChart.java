package org.tamga.report.chart;

import org.tamga.report.FrequencyReport;
import org.tamga.report.chart.Drawing.Anchor;
import org.tamga.report.chart.Drawing.Item;
import org.tamga.report.chart.Drawing.Label;
import org.tamga.report.chart.Drawing.Line;
import org.tamga.report.chart.Drawing.Rect;
import org.tamga.report.chart.Drawing.Role;

import java.util.ArrayList;
import java.util.List;

/**
 * The codings-per-code chart for a paper: one horizontal bar per code in the code's colour, whole
 * labels (wrapped onto more lines rather than cut, the label column as wide as the widest line),
 * children indented under their parent and siblings sorted by count, integer ticks, the count at
 * each bar's end, a title and an axis caption. A code with sub-codes also gets a pale bar to its
 * total with them, and its count reads "own (Σ total)".
 */
public final class BarChart {
    private BarChart() {}

    static final double MARGIN = 16, LABEL = 12, SMALL = 11, TITLE = 16, INDENT = 16, BAR = 16, ROW_GAP = 8, GAP = 12;
    static final String INK = "#222222", GREY = "#666666", GRID = "#E2E2E2", AXIS = "#888888", BAND = "#F6F6F4";

    /**
     * What the chart says and how wide it is.
     *
     * @param plotWidth     the bars' area in px (the label column and the counts come on top)
     * @param maxLabelWidth a label wider than this wraps onto another line
     */
    public record Options(String title, String subtitle, String axisCaption, String totalsNote, String empty,
                          double plotWidth, double maxLabelWidth) {
        public Options {
            plotWidth = Math.max(80, plotWidth);
            maxLabelWidth = Math.max(60, maxLabelWidth);
        }

        /** English words, 480 px of bars, labels up to 300 px wide. */
        public static Options english(FrequencyReport report) {
            int d = report.documents().size();
            return new Options("Codings per code", d + (d == 1 ? " document" : " documents"), "Codings",
                    "Pale bar and Σ: with the codings of its sub-codes", "No codings to show", 480, 300);
        }

        public Options withPlotWidth(double w) { return new Options(title, subtitle, axisCaption, totalsNote, empty, w, maxLabelWidth); }

        public Options withMaxLabelWidth(double w) { return new Options(title, subtitle, axisCaption, totalsNote, empty, plotWidth, w); }
    }

    public static Drawing layout(FrequencyReport report, Options o) {
        List<Item> items = new ArrayList<>();
        List<CodeRows.Shown> rows = CodeRows.of(report);
        double y = MARGIN;
        double contentRight = MARGIN + Typesetter.width(o.title(), TITLE, true);
        y = header(items, o.title(), o.subtitle(), y);
        if (rows.isEmpty()) {
            double w = Typesetter.width(o.empty(), LABEL, false);
            items.add(label(MARGIN, y + Typesetter.ascent(LABEL), List.of(o.empty()), LABEL, false, GREY, Anchor.START, w, Role.CAPTION));
            contentRight = Math.max(contentRight, MARGIN + w);
            return new Drawing(o.title(), Math.ceil(contentRight + MARGIN), Math.ceil(y + Typesetter.lineHeight(LABEL) + MARGIN), items);
        }

        // labels first: they decide where the bars start
        List<List<String>> lines = new ArrayList<>();
        double labelColumn = 60;
        for (CodeRows.Shown r : rows) {
            List<String> l = Typesetter.wrap(r.row().code().name(), LABEL, r.parent(), o.maxLabelWidth());
            lines.add(l);
            double widest = 0;
            for (String s : l) widest = Math.max(widest, Typesetter.width(s.stripTrailing(), LABEL, r.parent()));
            labelColumn = Math.max(labelColumn, INDENT * r.depth() + widest);
        }
        long largest = 0;
        boolean anyTotals = false;
        List<String> values = new ArrayList<>();
        double valueColumn = 0;
        for (CodeRows.Shown r : rows) {
            largest = Math.max(largest, Math.max(r.own(), r.total()));
            String v = r.total() > r.own() ? r.own() + " (Σ " + r.total() + ")" : Integer.toString(r.own());
            anyTotals |= r.total() > r.own();
            values.add(v);
            valueColumn = Math.max(valueColumn, Typesetter.width(v, SMALL, false));
        }
        Ticks ticks = Ticks.forMax(largest);
        double x0 = MARGIN + labelColumn + GAP;
        double scale = o.plotWidth() / ticks.max();
        double lh = Typesetter.lineHeight(LABEL);

        double plotTop = y;
        List<Item> bands = new ArrayList<>(), bars = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            CodeRows.Shown r = rows.get(i);
            List<String> l = lines.get(i);
            double h = Math.max(l.size() * lh, BAR) + ROW_GAP;
            if (i % 2 == 1) bands.add(new Rect(MARGIN - 4, y, x0 + o.plotWidth() - MARGIN + 8, h, BAND, 1, null, 0));
            double blockTop = y + (h - l.size() * lh) / 2;
            double widest = 0;
            for (String s : l) widest = Math.max(widest, Typesetter.width(s.stripTrailing(), LABEL, r.parent()));
            items.add(new Label(MARGIN + INDENT * r.depth(), blockTop + baselineIn(lh, LABEL), l, lh, LABEL, r.parent(), INK,
                    Anchor.START, 0, widest, Role.CODE));
            String colour = CodeRows.colour(r.row()), outline = CodeRows.darker(colour, 0.7);
            double barTop = y + (h - BAR) / 2;
            if (r.total() > r.own()) bars.add(new Rect(x0, barTop, r.total() * scale, BAR, colour, 0.35, outline, 0.75));
            if (r.own() > 0) bars.add(new Rect(x0, barTop, r.own() * scale, BAR, colour, 1, outline, 0.75));
            double end = x0 + Math.max(r.own(), r.total()) * scale;
            String v = values.get(i);
            items.add(label(end + 4, barTop + BAR / 2 + 0.36 * SMALL, List.of(v), SMALL, false, INK, Anchor.START,
                    Typesetter.width(v, SMALL, false), Role.VALUE));
            y += h;
        }
        double plotBottom = y;
        items.addAll(0, bands);
        // grid and axis under the bars
        List<Item> grid = new ArrayList<>();
        double tickBaseline = plotBottom + 4 + Typesetter.ascent(SMALL);
        for (long t : ticks.values()) {
            double x = x0 + t * scale;
            grid.add(new Line(x, plotTop, x, plotBottom, t == 0 ? AXIS : GRID, t == 0 ? 1 : 0.75, false));
            String s = Long.toString(t);
            items.add(label(x, tickBaseline, List.of(s), SMALL, false, GREY, Anchor.MIDDLE, Typesetter.width(s, SMALL, false), Role.TICK));
        }
        grid.add(new Line(x0, plotBottom, x0 + o.plotWidth(), plotBottom, AXIS, 1, false));
        items.addAll(bands.size(), grid);
        items.addAll(bands.size() + grid.size(), bars);
        y = tickBaseline + Typesetter.lineHeight(SMALL);
        double captionWidth = Typesetter.width(o.axisCaption(), LABEL, false);
        items.add(label(x0 + o.plotWidth() / 2, y + 0.2 * LABEL, List.of(o.axisCaption()), LABEL, false, INK, Anchor.MIDDLE, captionWidth, Role.CAPTION));
        y += lh;
        contentRight = Math.max(contentRight, x0 + o.plotWidth() + 4 + valueColumn);
        if (anyTotals && !o.totalsNote().isEmpty()) {
            double w = Typesetter.width(o.totalsNote(), SMALL, false);
            items.add(label(MARGIN, y + Typesetter.ascent(SMALL), List.of(o.totalsNote()), SMALL, false, GREY, Anchor.START, w, Role.LEGEND));
            contentRight = Math.max(contentRight, MARGIN + w);
            y += Typesetter.lineHeight(SMALL);
        }
        return new Drawing(o.title(), Math.ceil(contentRight + MARGIN), Math.ceil(y + MARGIN), items);
    }

    /** Title and subtitle; returns the y below them. */
    static double header(List<Item> items, String title, String subtitle, double y) {
        double w = Typesetter.width(title, TITLE, true);
        items.add(label(MARGIN, y + Typesetter.ascent(TITLE), List.of(title), TITLE, true, INK, Anchor.START, w, Role.TITLE));
        y += Typesetter.lineHeight(TITLE);
        if (subtitle != null && !subtitle.isEmpty()) {
            items.add(label(MARGIN, y + Typesetter.ascent(LABEL), List.of(subtitle), LABEL, false, GREY, Anchor.START,
                    Typesetter.width(subtitle, LABEL, false), Role.SUBTITLE));
            y += Typesetter.lineHeight(LABEL);
        }
        return y + 10;
    }

    /** The baseline's offset below the top of a line of height lh at a size: the text centred in the line. */
    static double baselineIn(double lh, double size) { return lh / 2 + 0.36 * size; }

    static Label label(double x, double y, List<String> lines, double size, boolean bold, String fill, Anchor anchor, double width, Role role) {
        return new Label(x, y, lines, Typesetter.lineHeight(size), size, bold, fill, anchor, 0, width, role);
    }
}
