package org.tamga.report.chart;

import org.tamga.report.WordFrequencies;
import org.tamga.report.chart.Drawing.Anchor;
import org.tamga.report.chart.Drawing.Item;
import org.tamga.report.chart.Drawing.Label;
import org.tamga.report.chart.Drawing.Line;
import org.tamga.report.chart.Drawing.Rect;
import org.tamga.report.chart.Drawing.Role;

import java.util.ArrayList;
import java.util.List;

/**
 * The word-frequency bar chart for a paper (ADR 38): a panel per language, each word a horizontal
 * bar in the language's colour with its count at the end, the most frequent at the top, integer
 * ticks per panel (counts of different languages are not comparable: Chinese is counted in
 * segmented words). Labels in the bundled fonts, like the code chart ({@link BarChart}).
 */
public final class WordBars {
    private WordBars() {}

    /** A colour per language: Chinese red, English blue, Mongolian green. */
    static String colour(String language) {
        return switch (language) {
            case "zh" -> "#D9534F";
            case "en" -> "#4A7EBB";
            case "mn" -> "#3C9D6B";
            default -> "#888888";
        };
    }

    /**
     * What the chart says and how wide it is.
     *
     * @param words     at most this many words of each language (the most frequent)
     * @param plotWidth the bars' area in px
     */
    public record Options(String title, String axisCaption, String empty, int words, double plotWidth) {
        public Options {
            words = Math.max(1, words);
            plotWidth = Math.max(80, plotWidth);
        }

        /** English words, the 25 most frequent words of each language, 420 px of bars. */
        public static Options english() {
            return new Options("Most frequent words", "Occurrences", "No words to show", 25, 420);
        }

        public Options withWords(int n) { return new Options(title, axisCaption, empty, n, plotWidth); }
    }

    public static Drawing layout(WordFrequencies words, Options o) {
        List<Item> items = new ArrayList<>();
        double y = BarChart.MARGIN;
        double right = BarChart.MARGIN + Typesetter.width(o.title(), BarChart.TITLE, true);
        String subtitle = words.description();
        right = Math.max(right, BarChart.MARGIN + Typesetter.width(subtitle, BarChart.LABEL, false));
        y = BarChart.header(items, o.title(), subtitle, y);
        List<String> languages = new ArrayList<>();
        for (String l : words.languages()) if (!words.rows(l).isEmpty()) languages.add(l);
        if (languages.isEmpty()) {
            double w = Typesetter.width(o.empty(), BarChart.LABEL, false);
            items.add(BarChart.label(BarChart.MARGIN, y + Typesetter.ascent(BarChart.LABEL), List.of(o.empty()), BarChart.LABEL, false,
                    BarChart.GREY, Anchor.START, w, Role.CAPTION));
            return new Drawing(o.title(), Math.ceil(Math.max(right, BarChart.MARGIN + w) + BarChart.MARGIN),
                    Math.ceil(y + Typesetter.lineHeight(BarChart.LABEL) + BarChart.MARGIN), items);
        }
        // one label column for every panel, so that the bars line up
        double labelColumn = 40;
        double valueColumn = 0;
        for (String l : languages) {
            for (WordFrequencies.Row r : shown(words, l, o)) {
                labelColumn = Math.max(labelColumn, Typesetter.width(r.word(), BarChart.LABEL, false));
                valueColumn = Math.max(valueColumn, Typesetter.width(Long.toString(r.count()), BarChart.SMALL, false));
            }
        }
        double x0 = BarChart.MARGIN + labelColumn + BarChart.GAP;
        double lh = Typesetter.lineHeight(BarChart.LABEL);
        double rowHeight = Math.max(lh, BarChart.BAR) + BarChart.ROW_GAP;
        for (String l : languages) {
            List<WordFrequencies.Row> rows = shown(words, l, o);
            String heading = WordFrequencies.languageName(l) + (rows.size() < words.rows(l).size()
                    ? ": the " + rows.size() + " most frequent of " + words.rows(l).size() : "");
            double hw = Typesetter.width(heading, BarChart.LABEL, true);
            items.add(BarChart.label(BarChart.MARGIN, y + Typesetter.ascent(BarChart.LABEL), List.of(heading), BarChart.LABEL, true,
                    BarChart.INK, Anchor.START, hw, Role.LEGEND));
            right = Math.max(right, BarChart.MARGIN + hw);
            y += lh + 4;
            long largest = rows.stream().mapToLong(WordFrequencies.Row::count).max().orElse(1);
            Ticks ticks = Ticks.forMax(largest);
            double scale = o.plotWidth() / ticks.max();
            double top = y;
            List<Item> bands = new ArrayList<>(), bars = new ArrayList<>(), texts = new ArrayList<>();
            String fill = colour(l), outline = CodeRows.darker(fill, 0.7);
            for (int i = 0; i < rows.size(); i++) {
                WordFrequencies.Row r = rows.get(i);
                if (i % 2 == 1) bands.add(new Rect(BarChart.MARGIN - 4, y, x0 + o.plotWidth() - BarChart.MARGIN + 8, rowHeight, BarChart.BAND, 1, null, 0));
                double w = Typesetter.width(r.word(), BarChart.LABEL, false);
                texts.add(new Label(x0 - BarChart.GAP, y + BarChart.baselineIn(rowHeight, BarChart.LABEL), List.of(r.word()), lh, BarChart.LABEL,
                        false, BarChart.INK, Anchor.END, 0, w, Role.WORD));
                double barTop = y + (rowHeight - BarChart.BAR) / 2;
                bars.add(new Rect(x0, barTop, r.count() * scale, BarChart.BAR, fill, 1, outline, 0.75));
                String v = Long.toString(r.count());
                texts.add(BarChart.label(x0 + r.count() * scale + 4, barTop + BarChart.BAR / 2 + 0.36 * BarChart.SMALL, List.of(v),
                        BarChart.SMALL, false, BarChart.INK, Anchor.START, Typesetter.width(v, BarChart.SMALL, false), Role.VALUE));
                y += rowHeight;
            }
            items.addAll(bands);
            double tickBaseline = y + 4 + Typesetter.ascent(BarChart.SMALL);
            for (long t : ticks.values()) {
                double x = x0 + t * scale;
                items.add(new Line(x, top, x, y, t == 0 ? BarChart.AXIS : BarChart.GRID, t == 0 ? 1 : 0.75, false));
                String s = Long.toString(t);
                texts.add(BarChart.label(x, tickBaseline, List.of(s), BarChart.SMALL, false, BarChart.GREY, Anchor.MIDDLE,
                        Typesetter.width(s, BarChart.SMALL, false), Role.TICK));
            }
            items.add(new Line(x0, y, x0 + o.plotWidth(), y, BarChart.AXIS, 1, false));
            items.addAll(bars);
            items.addAll(texts);
            y = tickBaseline + Typesetter.lineHeight(BarChart.SMALL);
            double cw = Typesetter.width(o.axisCaption(), BarChart.SMALL, false);
            items.add(BarChart.label(x0 + o.plotWidth() / 2, y, List.of(o.axisCaption()), BarChart.SMALL, false, BarChart.GREY, Anchor.MIDDLE, cw, Role.CAPTION));
            y += Typesetter.lineHeight(BarChart.SMALL) + 12;
        }
        right = Math.max(right, x0 + o.plotWidth() + 4 + valueColumn);
        return new Drawing(o.title(), Math.ceil(right + BarChart.MARGIN), Math.ceil(y - 12 + BarChart.MARGIN), items);
    }

    private static List<WordFrequencies.Row> shown(WordFrequencies words, String language, Options o) {
        List<WordFrequencies.Row> rows = words.rows(language);
        return rows.size() <= o.words() ? rows : rows.subList(0, o.words());
    }
}
