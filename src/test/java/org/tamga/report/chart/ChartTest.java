package org.tamga.report.chart;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tamga.model.Code;
import org.tamga.model.Codebook;
import org.tamga.model.Coding;
import org.tamga.model.Document;
import org.tamga.report.FrequencyReport;
import org.tamga.report.chart.Drawing.Label;
import org.tamga.report.chart.Drawing.Role;
import org.tamga.util.BundledFonts;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The charts for papers, on a fixture whose order and counts are known:
 *
 * <pre>
 * Capability · 可行能力 (#8DB8EA)      own 1, with children 1 + 3 + 5 = 9
 *   Health · 健康 (#A9C9EF)            3
 *   Education and knowledge · 教育与知识 5
 * Local knowledge · ᠮᠠᠯᠴᠢᠨ ᠤ ᠮᠡᠳᠡᠯᠭᠡ · малчны мэдлэг (no colour)   own 7
 * Intergenerational transmission of the culture of poverty and dependency · 贫困文化的代际传递与等靠要 (#E8968A) 2
 * Never used · 未用 0
 * </pre>
 */
public class ChartTest {
    @TempDir Path dir;

    static final String LONG = "Intergenerational transmission of the culture of poverty and dependency · 贫困文化的代际传递与等靠要";
    static final String MONGOLIAN = "Local knowledge · ᠮᠠᠯᠴᠢᠨ ᠤ ᠮᠡᠳᠡᠯᠭᠡ · малчны мэдлэг";

    static Code code(long id, Long parent, String name, String colour, int order) {
        return new Code(id, "g" + id, parent, name, null, colour, true, order, null);
    }

    static Document doc(long id, String name) {
        return new Document(id, "d" + id, name, "zh", 1000, name + ".txt", "UTF-8", "sha" + id, Instant.EPOCH, null);
    }

    public static FrequencyReport fixture() {
        Codebook book = new Codebook(List.of(
                code(1, null, "Capability · 可行能力", "#8DB8EA", 0),
                code(2, 1L, "Health · 健康", "#A9C9EF", 0),
                code(3, 1L, "Education and knowledge · 教育与知识", "#7FA7D9", 1),
                code(4, null, MONGOLIAN, null, 1),
                code(5, null, LONG, "#E8968A", 2),
                code(6, null, "Never used · 未用", "#CCCCCC", 3)));
        List<Document> docs = List.of(doc(10, "访谈01_牧民_巴特尔"), doc(11, "interview05_herder_family_Dorj"), doc(12, "ᠶᠠᠷᠢᠯᠴᠠᠭ᠎ᠠ 3"));
        List<Coding> codings = new ArrayList<>();
        long[] id = {1};
        Map<Long, int[]> perDoc = Map.of(1L, new int[]{1, 0, 0}, 2L, new int[]{2, 1, 0}, 3L, new int[]{0, 4, 1},
                4L, new int[]{3, 3, 1}, 5L, new int[]{0, 0, 2});
        perDoc.forEach((codeId, counts) -> {
            for (int d = 0; d < counts.length; d++) {
                for (int k = 0; k < counts[d]; k++) {
                    codings.add(new Coding(id[0], "c" + id[0], 10 + d, codeId, 1, k * 10, k * 10 + 5, null, Instant.EPOCH));
                    id[0]++;
                }
            }
        });
        return FrequencyReport.build(book, docs, codings);
    }

    // ---- ticks

    @Test
    void ticksAreWholeNiceNumbersFromZero() {
        assertEquals(new Ticks(1, 1), Ticks.forMax(1));
        assertEquals(List.of(0L, 1L), Ticks.forMax(1).values());
        assertEquals(new Ticks(1, 7), Ticks.forMax(7));
        assertEquals(new Ticks(5, 25), Ticks.forMax(23));
        assertEquals(List.of(0L, 5L, 10L, 15L, 20L, 25L), Ticks.forMax(23).values());
        assertEquals(new Ticks(200, 1000), Ticks.forMax(1000));
        assertEquals(new Ticks(1, 1), Ticks.forMax(0), "nothing counted still has an axis");
        for (long largest = 1; largest <= 20_000; largest++) {
            Ticks t = Ticks.forMax(largest);
            long step = t.step();
            while (step % 10 == 0) step /= 10;
            assertTrue(step == 1 || step == 2 || step == 5, largest + ": step " + t.step());
            assertTrue(t.max() >= largest && t.max() - largest < t.step(), largest + ": " + t);
            assertTrue(t.max() / t.step() <= Ticks.MAX_INTERVALS, largest + ": " + t);
            assertEquals(0, t.max() % t.step());
        }
    }

    // ---- the bar chart

    @Test
    void codesAreSortedByCountWithChildrenRightAfterTheirParentAndUnusedCodesLeftOut() {
        List<String> order = CodeRows.of(fixture()).stream().map(r -> r.row().code().name()).toList();
        assertEquals(List.of("Capability · 可行能力", "Education and knowledge · 教育与知识", "Health · 健康", MONGOLIAN, LONG), order,
                "Capability (9 with its children) before Local knowledge (7); Education (5) before Health (3); Never used left out");
        Drawing d = BarChart.layout(fixture(), BarChart.Options.english(fixture()));
        List<Label> codes = d.labels(Role.CODE);
        assertEquals(order, codes.stream().map(Label::text).toList(), "every label whole, in that order");
        assertTrue(codes.get(1).x() > codes.get(0).x() && codes.get(2).x() == codes.get(1).x(), "children indented under their parent");
        assertEquals(codes.get(0).x(), codes.get(3).x());
        assertTrue(codes.get(0).bold() && !codes.get(1).bold(), "a parent's label is bold");
        for (int i = 1; i < codes.size(); i++) assertTrue(codes.get(i).y() > codes.get(i - 1).y(), "top to bottom");
    }

    @Test
    void longLabelsWrapWholeAndTheLabelColumnHoldsTheWidestLine() {
        BarChart.Options o = BarChart.Options.english(fixture()).withMaxLabelWidth(220);
        Drawing d = BarChart.layout(fixture(), o);
        Label longest = d.labels(Role.CODE).stream().filter(l -> l.text().equals(LONG)).findFirst().orElseThrow();
        assertTrue(longest.lines().size() >= 2, "wrapped, not cut: " + longest.lines());
        assertEquals("贫困文化的代际传递与等靠要", longest.lines().getLast(), "the Chinese half on its own line: " + longest.lines());
        double barsStart = d.items().stream().filter(i -> i instanceof Drawing.Rect r && r.fillOpacity() == 1 && r.h() == BarChart.BAR)
                .mapToDouble(i -> ((Drawing.Rect) i).x()).min().orElseThrow();
        for (Label l : d.labels(Role.CODE)) {
            for (String line : l.lines()) {
                double w = Typesetter.width(line.stripTrailing(), l.size(), l.bold());
                assertTrue(w <= 220 + 0.01 || !line.strip().contains(" "), "\u201C" + line + "\u201D is " + w + " px");
                assertTrue(l.x() + w <= barsStart - 4, "\u201C" + line + "\u201D runs into the bars");
            }
        }
        // a single word wider than the maximum is kept whole on its own line
        List<String> lines = Typesetter.wrap("Supercalifragilisticexpialidocious and more", 12, false, 40);
        assertEquals("Supercalifragilisticexpialidocious and more", String.join("", lines));
        assertEquals("Supercalifragilisticexpialidocious ", lines.getFirst());
    }

    @Test
    void barsAreInTheCodesColoursWithTheirCountsAndAPaleBarToAParentsTotal() {
        Drawing d = BarChart.layout(fixture(), BarChart.Options.english(fixture()));
        List<Drawing.Rect> solid = d.items().stream().filter(i -> i instanceof Drawing.Rect r && r.h() == BarChart.BAR && r.fillOpacity() == 1)
                .map(i -> (Drawing.Rect) i).toList();
        assertEquals(List.of("#8DB8EA", "#7FA7D9", "#A9C9EF", CodeRows.DEFAULT_COLOUR, "#E8968A"), solid.stream().map(Drawing.Rect::fill).toList());
        List<Drawing.Rect> pale = d.items().stream().filter(i -> i instanceof Drawing.Rect r && r.h() == BarChart.BAR && r.fillOpacity() < 1)
                .map(i -> (Drawing.Rect) i).toList();
        assertEquals(1, pale.size(), "only Capability has sub-codes");
        assertEquals(9.0 / 1, pale.getFirst().w() / solid.getFirst().w(), 1e-9, "the pale bar to 9, the solid one to 1");
        assertEquals(5.0 / 3, solid.get(1).w() / solid.get(2).w(), 1e-9, "lengths proportional to counts");
        assertEquals(List.of("1 (Σ 9)", "5", "3", "7", "2"), d.labels(Role.VALUE).stream().map(Label::text).toList());
        assertEquals(List.of("0", "2", "4", "6", "8", "10"), d.labels(Role.TICK).stream().map(Label::text).toList(), "up to 9: steps of 2");
        for (Label t : d.labels(Role.VALUE)) assertTrue(t.text().matches("\\d+( \\(Σ \\d+\\))?"));
        assertEquals("Codings per code", d.labels(Role.TITLE).getFirst().text());
        assertEquals("Codings", d.labels(Role.CAPTION).getFirst().text());
    }

    @Test
    void theSvgIsWellFormedAndHoldsEveryLabelWholeInTheBundledFamilies() throws Exception {
        FrequencyReport report = fixture();
        Drawing d = BarChart.layout(report, BarChart.Options.english(report).withMaxLabelWidth(200));
        Path file = dir.resolve("chart.svg");
        SvgWriter.write(d, file);
        org.w3c.dom.Document svg = parse(Files.readString(file, StandardCharsets.UTF_8));
        assertEquals("svg", svg.getDocumentElement().getTagName());
        assertEquals(SvgWriter.n(d.width()), svg.getDocumentElement().getAttribute("width"));
        List<String> codes = texts(svg, "code");
        assertEquals(CodeRows.of(report).stream().map(r -> r.row().code().name()).toList(), codes, "every label's full text");
        assertTrue(Files.readString(file).contains("font-family=\"'Noto Sans Mongolian'"), "Mongolian runs name the Mongolian face");
        boolean chinese = false, mongolian = false;
        NodeList spans = svg.getElementsByTagName("tspan");
        for (int i = 0; i < spans.getLength(); i++) {
            Element s = (Element) spans.item(i);
            if (!s.hasAttribute("font-family")) continue;
            String family = s.getAttribute("font-family");
            if (s.getTextContent().contains("可行能力")) { chinese = true; assertTrue(family.startsWith("'Droid Sans Fallback'"), family); }
            if (s.getTextContent().contains("ᠮᠠᠯᠴᠢᠨ")) { mongolian = true; assertTrue(family.startsWith("'Noto Sans Mongolian'"), family); }
            if (s.getTextContent().contains("Health")) assertTrue(family.startsWith("'Noto Sans'"), family);
        }
        assertTrue(chinese && mongolian);
        // text that needs escaping stays well-formed
        Drawing tricky = new Drawing("A & <B> \"C\" 'D'", 100, 50, List.of(BarChart.label(0, 20, List.of("R&D <研发> \"x\""), 12, false, "#000000",
                Drawing.Anchor.START, 10, Role.CODE)));
        org.w3c.dom.Document t = parse(SvgWriter.svg(tricky));
        assertEquals(List.of("R&D <研发> \"x\""), texts(t, "code"));
        assertEquals("A & <B> \"C\" 'D'", t.getElementsByTagName("title").item(0).getTextContent());
    }

    @Test
    void thePngHasThePrintSizeAndResolutionAndIsNotBlank() throws Exception {
        FrequencyReport report = fixture();
        Drawing d = BarChart.layout(report, BarChart.Options.english(report));
        Path file = dir.resolve("chart.png");
        PngWriter.write(d, 300, file);
        BufferedImage image = ImageIO.read(file.toFile());
        assertEquals(PngWriter.pixels(d.width(), 300), image.getWidth());
        assertEquals(PngWriter.pixels(d.height(), 300), image.getHeight());
        assertEquals(Math.ceil(d.width() * 300 / 96), image.getWidth(), "300 dpi: 3.125 pixels per CSS pixel");
        assertTrue(image.getWidth() > 2000, "print resolution: " + image.getWidth());
        assertEquals(11811, pixelsPerMetre(file), "300 dpi recorded in pHYs");
        long ink = 0;
        for (int y = 0; y < image.getHeight(); y += 3) for (int x = 0; x < image.getWidth(); x += 3) if ((image.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF) ink++;
        assertTrue(ink > 5000, "not blank: " + ink);
        // a solid bar is there in its code's colour: the middle of Education's (#7FA7D9) bar
        Drawing.Rect bar = d.items().stream().filter(i -> i instanceof Drawing.Rect r && r.fill().equals("#7FA7D9")).map(i -> (Drawing.Rect) i).findFirst().orElseThrow();
        int rgb = image.getRGB((int) ((bar.x() + bar.w() / 2) * 300 / 96), (int) ((bar.y() + bar.h() / 2) * 300 / 96)) & 0xFFFFFF;
        assertEquals(0x7FA7D9, rgb, String.format(Locale.ROOT, "%06X", rgb));

        Path small = dir.resolve("chart-150.png");
        PngWriter.write(d, 150, small);
        assertEquals(PngWriter.pixels(d.width(), 150), ImageIO.read(small.toFile()).getWidth());
        assertEquals(5906, pixelsPerMetre(small));
        assertThrows(org.tamga.model.TamgaException.class, () -> PngWriter.write(d, 5, dir.resolve("x.png")));
    }

    /** The PNG path draws Chinese and traditional Mongolian labels with fonts that have every glyph (ADR 33). */
    @Test
    void chineseAndMongolianLabelsHaveNoMissingGlyphsInThePng() {
        FrequencyReport report = fixture();
        for (Drawing d : List.of(BarChart.layout(report, BarChart.Options.english(report)), Heatmap.layout(report, Heatmap.Options.english(report)))) {
            int mongolian = 0, chinese = 0;
            for (Drawing.Item item : d.items()) {
                if (!(item instanceof Label l)) continue;
                for (String line : l.lines()) {
                    for (BundledFonts.Run r : BundledFonts.runs(line)) {
                        String part = line.substring(r.start(), r.end());
                        java.awt.Font font = Typesetter.font(r.face(), l.bold(), l.size());
                        assertEquals(-1, font.canDisplayUpTo(part), r.face() + (l.bold() ? " bold" : "") + " lacks a glyph of \u201C" + part + "\u201D");
                        if (r.face() == BundledFonts.Face.MONGOLIAN) mongolian++;
                        if (r.face() == BundledFonts.Face.CJK) chinese++;
                    }
                }
            }
            assertTrue(mongolian >= 1 && chinese >= 3, d.title() + ": " + mongolian + " Mongolian and " + chinese + " Chinese runs");
        }
        // and the Mongolian is shaped: its letters take their joined forms, not the isolated ones a plain cmap look-up gives
        String word = "ᠮᠠᠯᠴᠢᠨ";
        java.awt.Font font = Typesetter.font(BundledFonts.Face.MONGOLIAN, false, 40);
        var frc = new java.awt.font.FontRenderContext(null, true, true);
        int[] plain = font.createGlyphVector(frc, word).getGlyphCodes(0, word.length(), null);
        var shaped = font.layoutGlyphVector(frc, word.toCharArray(), 0, word.length(), java.awt.Font.LAYOUT_LEFT_TO_RIGHT);
        assertNotEquals(java.util.Arrays.toString(plain), java.util.Arrays.toString(shaped.getGlyphCodes(0, shaped.getNumGlyphs(), null)),
                "TextLayout (which the renderer uses) shapes traditional Mongolian");
    }

    // ---- the heatmap

    @Test
    void theHeatmapHasACellPerCodeAndDocumentColouredByCountWithWholeDocumentNames() throws Exception {
        FrequencyReport report = fixture();
        Drawing d = Heatmap.layout(report, Heatmap.Options.english(report));
        List<Label> codes = d.labels(Role.CODE);
        assertEquals(CodeRows.of(report).stream().map(r -> r.row().code().name()).toList(), codes.stream().map(Label::text).toList());
        List<Label> docs = d.labels(Role.DOCUMENT);
        assertEquals(List.of("访谈01_牧民_巴特尔", "interview05_herder_family_Dorj", "ᠶᠠᠷᠢᠯᠴᠠᠭ᠎ᠠ 3"), docs.stream().map(Label::text).toList());
        for (Label l : docs) assertEquals(-90, l.rotate());
        List<Drawing.Rect> cells = d.items().stream().filter(i -> i instanceof Drawing.Rect r && Heatmap.CELL_LINE.equals(r.stroke()) && r.w() >= 28)
                .map(i -> (Drawing.Rect) i).toList();
        assertEquals(codes.size() * docs.size(), cells.size(), "a cell per code and document");
        // row order: Capability, Education, Health, Local knowledge, long; columns the documents
        int[][] expected = {{1, 0, 0}, {0, 4, 1}, {2, 1, 0}, {3, 3, 1}, {0, 0, 2}};
        List<String> numbers = d.labels(Role.CELL).stream().map(Label::text).toList();
        List<String> wanted = new ArrayList<>();
        for (int i = 0; i < expected.length; i++) {
            for (int j = 0; j < 3; j++) {
                Drawing.Rect cell = cells.get(i * 3 + j);
                int c = expected[i][j];
                assertEquals(c == 0 ? Heatmap.EMPTY_CELL : Heatmap.colour(c, 4), cell.fill(), "cell " + i + "," + j);
                if (c > 0) wanted.add(Integer.toString(c));
            }
        }
        assertEquals(wanted, numbers, "the counts written in their cells");
        assertEquals("#DCEAF7", Heatmap.colour(1, 4));
        assertEquals("#0B3C78", Heatmap.colour(4, 4), "the largest count is the darkest");
        assertTrue(Heatmap.dark(Heatmap.colour(4, 4)) && !Heatmap.dark(Heatmap.colour(1, 4)), "white text on dark cells");
        assertEquals(List.of(1L, 2L, 3L, 4L), Heatmap.legendValues(4));
        assertEquals(List.of(1L, 200L, 400L, 600L, 800L, 1000L), Heatmap.legendValues(1000));
        org.w3c.dom.Document svg = parse(SvgWriter.svg(d));
        assertEquals(docs.stream().map(Label::text).toList(), texts(svg, "document"));
        BufferedImage png = PngWriter.render(d, 2);
        assertEquals((int) Math.ceil(d.width() * 2), png.getWidth());
    }

    @Test
    void anEmptyReportSaysSo() throws Exception {
        FrequencyReport empty = FrequencyReport.build(new Codebook(List.of(code(1, null, "A", null, 0))), List.of(doc(10, "x")), List.<Coding>of());
        Drawing bar = BarChart.layout(empty, BarChart.Options.english(empty));
        assertEquals("No codings to show", bar.labels(Role.CAPTION).getFirst().text());
        assertTrue(bar.labels(Role.CODE).isEmpty());
        parse(SvgWriter.svg(bar));
        Drawing heat = Heatmap.layout(empty, Heatmap.Options.english(empty));
        assertEquals("No codings to show", heat.labels(Role.CAPTION).getFirst().text());
        assertTrue(PngWriter.render(heat, 1).getWidth() > 0);
    }

    static org.w3c.dom.Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    /** The text of every {@code <text class="…">}, in order. */
    static List<String> texts(org.w3c.dom.Document svg, String role) {
        List<String> out = new ArrayList<>();
        NodeList texts = svg.getElementsByTagName("text");
        for (int i = 0; i < texts.getLength(); i++) {
            Element t = (Element) texts.item(i);
            if (t.getAttribute("class").equals(role)) out.add(t.getTextContent());
        }
        return out;
    }

    static int pixelsPerMetre(Path png) throws Exception {
        try (ImageInputStream in = ImageIO.createImageInputStream(png.toFile())) {
            ImageReader reader = ImageIO.getImageReaders(in).next();
            reader.setInput(in);
            IIOMetadata meta = reader.getImageMetadata(0);
            org.w3c.dom.Node root = meta.getAsTree("javax_imageio_png_1.0");
            for (org.w3c.dom.Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n.getNodeName().equals("pHYs")) {
                    Element e = (Element) n;
                    assertEquals("meter", e.getAttribute("unitSpecifier"));
                    assertEquals(e.getAttribute("pixelsPerUnitXAxis"), e.getAttribute("pixelsPerUnitYAxis"));
                    return Integer.parseInt(e.getAttribute("pixelsPerUnitXAxis"));
                }
            }
            fail("no pHYs chunk");
            return 0;
        }
    }
}
