package org.tamga.report.chart;

import com.kennycason.kumo.CollisionMode;
import com.kennycason.kumo.Word;
import com.kennycason.kumo.WordFrequency;
import com.kennycason.kumo.palette.ColorPalette;
import com.kennycason.kumo.wordstart.CenterWordStart;
import org.tamga.report.WordFrequencies;
import org.tamga.report.chart.Drawing.Anchor;
import org.tamga.report.chart.Drawing.Item;
import org.tamga.report.chart.Drawing.Label;
import org.tamga.report.chart.Drawing.Rect;
import org.tamga.report.chart.Drawing.Role;
import org.tamga.util.BundledFonts;

import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Point;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A word cloud of word frequencies (ADR 38): Kumo places the words, Tamga draws them. Each word is
 * measured in the bundled face of its script at a size that grows with the square root of its
 * count, and handed to Kumo, which finds it a place on a spiral from the centre (the most frequent
 * first, rectangles never overlapping); the places are then laid out as a {@link Drawing}, so the
 * cloud is written as PNG at print resolution and as SVG with the words as text, like every chart.
 * Traditional Mongolian stands vertical, as it is written; the other scripts are horizontal. The
 * colour says the language. The same words give the same cloud: nothing is random.
 */
public final class WordCloud {
    private WordCloud() {}

    /**
     * What the cloud shows and how large it is.
     *
     * @param words   at most this many words, the most frequent of all languages
     * @param width   the cloud's area in px (the title and legend come on top)
     * @param minSize the font size of the least frequent word shown, px
     * @param maxSize the font size of the most frequent word, px
     */
    public record Options(String title, String empty, int words, int width, int height, double minSize, double maxSize) {
        public Options {
            words = Math.max(1, words);
            width = Math.max(100, width);
            height = Math.max(60, height);
            minSize = Math.max(4, minSize);
            maxSize = Math.max(minSize, maxSize);
        }

        /** English words, the 100 most frequent words, 760 × 480 px, 11 to 60 px. */
        public static Options english() {
            return new Options("Word cloud", "No words to show", 100, 760, 480, 11, 60);
        }

        public Options withWords(int n) { return new Options(title, empty, n, width, height, minSize, maxSize); }
    }

    /**
     * A word as measured and placed: its row, size, rotation (degrees), the centre and size of the box
     * Kumo kept free for it (padding included) in the cloud's area, and where its baseline is from the centre.
     */
    record Placed(WordFrequencies.Row row, double size, double rotate, double centreX, double centreY, double boxWidth, double boxHeight,
                  double baselineBelowCentre) {}

    public static Drawing layout(WordFrequencies words, Options o) {
        List<Item> items = new ArrayList<>();
        String subtitle = words.description();
        double y = BarChart.header(items, o.title(), subtitle, BarChart.MARGIN);
        double right = Math.max(BarChart.MARGIN + Typesetter.width(o.title(), BarChart.TITLE, true),
                BarChart.MARGIN + Typesetter.width(subtitle, BarChart.LABEL, false));
        List<WordFrequencies.Row> rows = words.rows().size() <= o.words() ? words.rows() : words.rows().subList(0, o.words());
        if (rows.isEmpty()) {
            double w = Typesetter.width(o.empty(), BarChart.LABEL, false);
            items.add(BarChart.label(BarChart.MARGIN, y + Typesetter.ascent(BarChart.LABEL), List.of(o.empty()), BarChart.LABEL, false,
                    BarChart.GREY, Anchor.START, w, Role.CAPTION));
            return new Drawing(o.title(), Math.ceil(Math.max(right, BarChart.MARGIN + w) + BarChart.MARGIN),
                    Math.ceil(y + Typesetter.lineHeight(BarChart.LABEL) + BarChart.MARGIN), items);
        }
        Placement placement = place(rows, o);
        double x0 = BarChart.MARGIN, y0 = y;
        items.add(new Rect(x0, y0, o.width(), o.height(), "#FFFFFF", 1, BarChart.GRID, 0.75));
        for (Placed p : placement.placed()) {
            double theta = Math.toRadians(p.rotate());
            double x = x0 + p.centreX() - p.baselineBelowCentre() * Math.sin(theta);
            double baseline = y0 + p.centreY() + p.baselineBelowCentre() * Math.cos(theta);
            String w = p.row().word();
            items.add(new Label(x, baseline, List.of(w), Typesetter.lineHeight(p.size()), p.size(), false,
                    WordBars.colour(p.row().language()), Anchor.MIDDLE, p.rotate(), Typesetter.width(w, p.size(), false), Role.WORD));
        }
        y = y0 + o.height() + 8;
        // legend: a square in each language's colour
        double x = BarChart.MARGIN;
        Set<String> languages = new LinkedHashSet<>();
        for (Placed p : placement.placed()) languages.add(p.row().language());
        for (String l : words.languages()) {
            if (!languages.contains(l)) continue;
            items.add(new Rect(x, y + 2, 10, 10, WordBars.colour(l), 1, null, 0));
            String name = WordFrequencies.languageName(l);
            double w = Typesetter.width(name, BarChart.SMALL, false);
            items.add(BarChart.label(x + 14, y + 11, List.of(name), BarChart.SMALL, false, BarChart.INK, Anchor.START, w, Role.LEGEND));
            x += 14 + w + 16;
        }
        String note = placement.skipped() == 0 ? "Size: occurrences (square root)"
                : "Size: occurrences (square root); " + placement.skipped() + (placement.skipped() == 1 ? " word did" : " words did") + " not fit";
        double nw = Typesetter.width(note, BarChart.SMALL, false);
        items.add(BarChart.label(x, y + 11, List.of(note), BarChart.SMALL, false, BarChart.GREY, Anchor.START, nw, Role.CAPTION));
        right = Math.max(right, Math.max(x0 + o.width(), x + nw));
        y += Typesetter.lineHeight(BarChart.SMALL) + 4;
        return new Drawing(o.title(), Math.ceil(right + BarChart.MARGIN), Math.ceil(y + BarChart.MARGIN), items);
    }

    /** The words placed, in order of placing, and how many found no place. */
    record Placement(List<Placed> placed, int skipped) {}

    /** A word's size for its count: the square root of its share of the largest count, between the smallest and largest size. */
    static double size(long count, long largest, Options o) {
        double share = largest <= 0 ? 1 : Math.sqrt((double) Math.max(0, count) / largest);
        return Math.round((o.minSize() + (o.maxSize() - o.minSize()) * share) * 2) / 2.0;
    }

    static Placement place(List<WordFrequencies.Row> rows, Options o) {
        long largest = rows.stream().mapToLong(WordFrequencies.Row::count).max().orElse(1);
        Map<String, WordFrequencies.Row> byWord = new HashMap<>();
        List<WordFrequency> frequencies = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            WordFrequencies.Row r = rows.get(i);
            if (byWord.putIfAbsent(r.word(), r) != null) continue;
            // Kumo sorts by this number, most first; a stable sort, so the rows' order decides ties
            frequencies.add(new WordFrequency(r.word(), (int) Math.min(Integer.MAX_VALUE / 2, r.count())));
        }
        Placer placer = new Placer(new Dimension(o.width(), o.height()), byWord, largest, o);
        placer.setPadding(2);
        placer.setWordStartStrategy(new CenterWordStart());
        placer.setBackgroundColor(Color.WHITE);
        placer.build(frequencies);
        return new Placement(placer.placed, placer.getSkipped().size());
    }

    /** Kumo's cloud, told each word's font and angle, keeping where each word went. */
    private static final class Placer extends com.kennycason.kumo.WordCloud {
        private final Map<String, WordFrequencies.Row> rows;
        private final long largest;
        private final Options options;
        private final Map<Word, Placed> measured = new HashMap<>();
        final List<Placed> placed = new ArrayList<>();

        Placer(Dimension size, Map<String, WordFrequencies.Row> rows, long largest, Options options) {
            super(size, CollisionMode.RECTANGLE);
            this.rows = rows;
            this.largest = largest;
            this.options = options;
        }

        @Override
        protected List<Word> buildWords(List<WordFrequency> frequencies, ColorPalette palette) {
            List<Word> out = new ArrayList<>();
            Graphics2D g = bufferedImage.createGraphics();
            try {
                g.setRenderingHints(Word.getRenderingHints());
                for (WordFrequency f : frequencies) {
                    WordFrequencies.Row row = rows.get(f.getWord());
                    double size = size(row.count(), largest, options);
                    BundledFonts.Face face = BundledFonts.runs(row.word()).getFirst().face();
                    Font font = Typesetter.font(face, false, size);
                    FontMetrics metrics = g.getFontMetrics(font);
                    boolean vertical = face == BundledFonts.Face.MONGOLIAN;
                    double theta = vertical ? Math.PI / 2 : 0;
                    Word word = new Word(row.word(), Color.BLACK, metrics, collisionChecker, theta);
                    if (padding > 0) padder.pad(word, padding);
                    // Kumo draws the text with its baseline this far below the top of the word's box
                    double baseline = metrics.getHeight() - metrics.getMaxDescent() - metrics.getLeading();
                    measured.put(word, new Placed(row, size, vertical ? 90 : 0, 0, 0, 0, 0, baseline - metrics.getHeight() / 2.0));
                    out.add(word);
                }
            } finally {
                g.dispose();
            }
            return out;
        }

        @Override
        protected boolean place(Word word, Point start) {
            boolean ok = super.place(word, start);
            if (ok) {
                Placed m = measured.get(word);
                Point at = word.getPosition();
                Dimension d = word.getDimension();
                placed.add(new Placed(m.row(), m.size(), m.rotate(), at.x + d.width / 2.0, at.y + d.height / 2.0, d.width, d.height,
                        m.baselineBelowCentre()));
            }
            return ok;
        }
    }
}
