package org.tamga.report.chart;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tamga.report.WordFrequencies;
import org.tamga.report.chart.Drawing.Label;
import org.tamga.report.chart.Drawing.Role;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The word-frequency bar chart and the word cloud (ADR 38), on words whose counts are given. */
class WordChartTest {
    @TempDir Path dir;

    static final List<String> ZH = List.of("草场", "补贴", "牧民", "禁牧", "羊", "𠀀");
    static final List<String> EN = List.of("grassland", "training", "herders", "subsidy");
    static final List<String> MN = List.of("малчин", "ᠮᠠᠯᠴᠢᠨ", "ᠡᠷᠬᠡ", "бэлчээр");

    /** Counts 40, 32, 20, 9, 3, 1 in Chinese; 25, 12, 6, 2 in English; 15, 8, 4, 1 in Mongolian. */
    static WordFrequencies fixture() {
        List<WordFrequencies.Row> rows = new ArrayList<>();
        long[] zh = {40, 32, 20, 9, 3, 1}, en = {25, 12, 6, 2}, mn = {15, 8, 4, 1};
        for (int i = 0; i < ZH.size(); i++) rows.add(new WordFrequencies.Row("zh", ZH.get(i), zh[i], 3, List.of(ZH.get(i))));
        for (int i = 0; i < EN.size(); i++) rows.add(new WordFrequencies.Row("en", EN.get(i), en[i], 2, List.of(EN.get(i))));
        for (int i = 0; i < MN.size(); i++) rows.add(new WordFrequencies.Row("mn", MN.get(i), mn[i], 1, List.of(MN.get(i))));
        rows.sort((a, b) -> Long.compare(b.count(), a.count()));
        return new WordFrequencies("田野", 5, List.of("zh", "en", "mn"), new WordFrequencies.Settings(false, 1, 100, 500, "受访者", null), rows);
    }

    @Test
    void barsPerLanguageMostFrequentFirst() throws Exception {
        Drawing d = WordBars.layout(fixture(), WordBars.Options.english());
        List<String> words = d.labels(Role.WORD).stream().map(Label::text).toList();
        List<String> expected = new ArrayList<>(ZH);
        expected.addAll(EN);
        expected.addAll(MN);
        assertEquals(expected, words, "a panel per language, most frequent at the top");
        assertEquals(List.of("Chinese (zh)", "English (en)", "Mongolian (mn)"), d.labels(Role.LEGEND).stream().map(Label::text).toList());
        assertEquals("5 documents · said by 受访者 · stop words left out", d.labels(Role.SUBTITLE).getFirst().text());
        // bars: as long as their counts, each panel on its own scale (草场 40 and grassland 25 reach the same tick: 40 and 25 of 40 and 25)
        List<Drawing.Rect> bars = d.items().stream().filter(i -> i instanceof Drawing.Rect r && r.h() == BarChart.BAR).map(i -> (Drawing.Rect) i).toList();
        assertEquals(14, bars.size());
        assertEquals(bars.get(0).w() * 32 / 40, bars.get(1).w(), 0.01);
        assertEquals(bars.get(0).w(), bars.get(6).w(), 0.01, "40 of ticks to 40, 25 of ticks to 25");
        assertEquals(WordBars.colour("zh"), bars.get(0).fill());
        assertEquals(WordBars.colour("mn"), bars.get(13).fill());
        // the labels end before the bars start
        for (Label l : d.labels(Role.WORD)) assertTrue(l.x() <= bars.get(0).x() - 4, l.text());

        Drawing few = WordBars.layout(fixture(), WordBars.Options.english().withWords(2));
        assertEquals(List.of("草场", "补贴", "grassland", "training", "малчин", "ᠮᠠᠯᠴᠢᠨ"), few.labels(Role.WORD).stream().map(Label::text).toList());
        assertEquals("Chinese (zh): the 2 most frequent of 6", few.labels(Role.LEGEND).getFirst().text());

        Path svg = dir.resolve("bars.svg");
        SvgWriter.write(d, svg);
        DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile());
        String text = Files.readString(svg, StandardCharsets.UTF_8);
        for (String w : expected) assertTrue(text.contains(">" + w + "<"), w + " in the SVG");
        assertTrue(text.contains("class=\"word\""));
        Path png = dir.resolve("bars.png");
        PngWriter.write(d, 96, png);
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(PngWriter.pixels(d.width(), 96), image.getWidth());
        assertTrue(hasColour(image, WordBars.colour("en")), "English bars drawn in their colour");
    }

    @Test
    void noWordsSaysSo() {
        WordFrequencies none = new WordFrequencies("p", 0, List.of("en"), new WordFrequencies.Settings(true, 3, 10, 0, null, "Support"), List.of());
        Drawing bars = WordBars.layout(none, WordBars.Options.english());
        assertEquals("No words to show", bars.labels(Role.CAPTION).getFirst().text());
        assertEquals("0 documents · in passages coded Support · English stemmed · stop words kept · words of 3 or more characters",
                bars.labels(Role.SUBTITLE).getFirst().text());
        Drawing cloud = WordCloud.layout(none, WordCloud.Options.english());
        assertEquals("No words to show", cloud.labels(Role.CAPTION).getFirst().text());
        assertTrue(cloud.labels(Role.WORD).isEmpty());
    }

    @Test
    void theCloudPlacesEveryWordWithoutOverlapTheSameWayEveryTime() throws Exception {
        WordFrequencies words = fixture();
        WordCloud.Options o = WordCloud.Options.english();
        WordCloud.Placement placement = WordCloud.place(words.rows(), o);
        assertEquals(0, placement.skipped());
        assertEquals(14, placement.placed().size());
        assertEquals("草场", placement.placed().getFirst().row().word(), "the most frequent first, at the centre");
        WordCloud.Placed first = placement.placed().getFirst();
        assertEquals(o.width() / 2.0, first.centreX(), 1.5);
        assertEquals(o.height() / 2.0, first.centreY(), 1.5);
        for (WordCloud.Placed p : placement.placed()) {
            // the text fits the box Kumo kept free for it; vertical for traditional Mongolian
            double w = Typesetter.width(p.row().word(), p.size(), false);
            boolean vertical = p.row().word().codePointAt(0) >= 0x1800 && p.row().word().codePointAt(0) <= 0x18AF;
            assertEquals(vertical ? 90 : 0, p.rotate(), p.row().word());
            assertTrue(w <= (vertical ? p.boxHeight() : p.boxWidth()) + 1, p.row().word() + ": " + w + " in " + p);
            assertTrue(p.centreX() - p.boxWidth() / 2 >= -0.5 && p.centreX() + p.boxWidth() / 2 <= o.width() + 0.5, p.row().word() + " inside");
            assertTrue(p.centreY() - p.boxHeight() / 2 >= -0.5 && p.centreY() + p.boxHeight() / 2 <= o.height() + 0.5, p.row().word() + " inside");
        }
        for (int i = 0; i < placement.placed().size(); i++) {
            for (int j = i + 1; j < placement.placed().size(); j++) {
                WordCloud.Placed a = placement.placed().get(i), b = placement.placed().get(j);
                boolean apart = Math.abs(a.centreX() - b.centreX()) >= (a.boxWidth() + b.boxWidth()) / 2 - 0.01
                        || Math.abs(a.centreY() - b.centreY()) >= (a.boxHeight() + b.boxHeight()) / 2 - 0.01;
                assertTrue(apart, a.row().word() + " and " + b.row().word() + " overlap");
            }
        }
        // sizes grow with the square root of the count: 40 → 60 px, 10 → 35.5 px (11 + 49 × ½), 1 → 18.7 → 19 px
        assertEquals(60, WordCloud.size(40, 40, o));
        assertEquals(35.5, WordCloud.size(10, 40, o));
        assertEquals(19, WordCloud.size(1, 40, o), 0.5);

        Drawing d = WordCloud.layout(words, o);
        assertEquals(SvgWriter.svg(d), SvgWriter.svg(WordCloud.layout(words, o)), "nothing random");
        List<Label> labels = d.labels(Role.WORD);
        assertEquals(14, labels.size());
        for (Label l : labels) assertEquals(l.text().codePointAt(0) >= 0x1800 && l.text().codePointAt(0) <= 0x18AF ? 90 : 0, l.rotate(), l.text());
        assertEquals(List.of("Chinese (zh)", "English (en)", "Mongolian (mn)"), d.labels(Role.LEGEND).stream().map(Label::text).toList());
        assertEquals("Size: occurrences (square root)", d.labels(Role.CAPTION).getFirst().text());

        Path svg = dir.resolve("cloud.svg");
        SvgWriter.write(d, svg);
        DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile());
        String text = Files.readString(svg, StandardCharsets.UTF_8);
        for (WordFrequencies.Row r : words.rows()) assertTrue(text.contains(">" + r.word() + "<"), r.word() + " in the SVG");
        assertTrue(text.contains("rotate(90 "), "traditional Mongolian stands vertical");
        Path png = dir.resolve("cloud.png");
        PngWriter.write(d, 150, png);
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(PngWriter.pixels(d.height(), 150), image.getHeight());
        for (String l : List.of("zh", "en", "mn")) assertTrue(hasColour(image, WordBars.colour(l)), l + " words drawn");
    }

    @Test
    void wordsThatDoNotFitAreCounted() {
        WordCloud.Options tiny = new WordCloud.Options("Word cloud", "none", 100, 100, 60, 20, 40);
        WordCloud.Placement placement = WordCloud.place(fixture().rows(), tiny);
        assertTrue(placement.skipped() > 0, "a 100 × 60 px cloud cannot hold 14 words of 20 px and more");
        assertEquals(14, placement.skipped() + placement.placed().size());
        Drawing d = WordCloud.layout(fixture(), tiny);
        assertTrue(d.labels(Role.CAPTION).getFirst().text().endsWith(placement.skipped() + " words did not fit"), d.labels(Role.CAPTION).getFirst().text());
        assertEquals(2, WordCloud.layout(fixture(), WordCloud.Options.english().withWords(2)).labels(Role.WORD).size());
    }

    static boolean hasColour(BufferedImage image, String hex) {
        int want = Integer.parseInt(hex.substring(1), 16);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) if ((image.getRGB(x, y) & 0xFFFFFF) == want) return true;
        }
        return false;
    }
}
