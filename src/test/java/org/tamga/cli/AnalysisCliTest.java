package org.tamga.cli;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;
import static org.tamga.cli.CliTest.tamga;

/** `report cooccurrence` and `report crosstab` on the sample project, as a researcher runs them. */
class AnalysisCliTest {
    @TempDir Path dir;
    Path project;

    @BeforeEach
    void sample() {
        project = dir.resolve("样本.tamga");
        CliTest.Run made = tamga("sample", project, "--no-window");
        assertEquals(0, made.code(), made.err());
    }

    private static List<String> csv(Path file) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, java.util.Arrays.copyOf(bytes, 3), "UTF-8 with a BOM, like the frequency report");
        return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void cooccurrenceLongTableHasItsFixedColumnsAndEveryPairOnce() throws Exception {
        Path out = dir.resolve("共现.csv");
        CliTest.Run r = tamga("report", "cooccurrence", project, "--rule", "paragraph", "--long", "--format", "csv", "--output", out);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("wrote " + out + ": 28 codes, "), r.out());
        List<String> lines = csv(out);
        assertTrue(lines.get(0).startsWith("code_a,code_b,cooccurrences,documents,"), lines.get(0));
        assertEquals(1 + 28 * 27 / 2, lines.size(), "each unordered pair of the 28 codes once");
        // the sample's one paragraph coded with both (访谈03: publicity and spiritual civilisation)
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("Interventions · 扶贫措施,Spiritual civilisation · 精神文明建设,1,1,")), String.join("\n", lines));
        assertTrue(lines.stream().noneMatch(l -> l.startsWith("Spiritual civilisation · 精神文明建设,Interventions · 扶贫措施,")), "code_a comes first in codebook order");
    }

    @Test
    void cooccurrenceWorkbookAndHeatmap() throws Exception {
        Path xlsx = dir.resolve("co.xlsx"), png = dir.resolve("共现.png"), svg = dir.resolve("co.svg");
        CliTest.Run r = tamga("report", "cooccurrence", project, "--rule", "document", "--format", "xlsx", "--output", xlsx, "--chart", png, "--dpi", "72");
        assertEquals(0, r.code(), r.err());
        try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            assertEquals(List.of("Co-occurrences", "Documents", "Jaccard", "c-coefficient", "Long (tidy)"),
                    java.util.stream.IntStream.range(0, wb.getNumberOfSheets()).mapToObj(wb::getSheetName).toList());
            Sheet counts = wb.getSheet("Co-occurrences");
            assertEquals(1, counts.getSheetConditionalFormatting().getNumConditionalFormattings(), "the matrix is shaded");
            assertEquals("", counts.getRow(1).getCell(1) == null ? "" : counts.getRow(1).getCell(1).toString(), "the diagonal is empty");
        }
        BufferedImage image = javax.imageio.ImageIO.read(png.toFile());
        assertNotNull(image, "a PNG that decodes");
        assertEquals(0, tamga("report", "cooccurrence", project, "--rule", "distance:200", "--format", "csv", "--output", dir.resolve("m.csv"),
                "--chart", svg, "--measure", "jaccard").code());
        String drawn = Files.readString(svg);
        assertTrue(drawn.startsWith("<?xml") && drawn.contains("Jaccard index") && drawn.contains("精神文明建设"), "an SVG with the codes' names");
    }

    @Test
    void crosstabByAttributeCaseAndBands() throws Exception {
        Path wide = dir.resolve("职业.csv");
        CliTest.Run r = tamga("report", "crosstab", project, "--by", "职业", "--format", "csv", "--output", wide);
        assertEquals(0, r.code(), r.err());
        assertEquals("wrote " + wide + ": 28 codes × 5 values (职业), 45 codings in 6 documents", r.out().strip());
        List<String> lines = csv(wide);
        assertEquals("code,农户,教师,村干部,牧民,返乡青年,total", lines.get(0));
        assertTrue(lines.get(lines.size() - 1).startsWith("total,"), "the columns' totals last");
        assertTrue(lines.get(lines.size() - 1).endsWith(",45"), "all 45 codings");

        Path longForm = dir.resolve("long.csv");
        assertEquals(0, tamga("report", "crosstab", project, "--by", "区域,年龄", "--bands", "年龄=40,60", "--long",
                "--format", "csv", "--output", longForm).code());
        List<String> tidy = csv(longForm);
        assertTrue(tidy.get(0).startsWith("code,attribute,value,codings,documents,"), tidy.get(0));
        assertTrue(tidy.get(0).endsWith(",attribute_2,value_2"));
        // 区域 comes from the cases; 年龄 of the six interviewees: 29, 38 | 47, 52, 55 | 61
        assertTrue(tidy.stream().anyMatch(l -> l.contains(",区域,牧区,") && l.endsWith(",年龄,60+")), "Dorj, 61, pastoral");
        assertTrue(tidy.stream().anyMatch(l -> l.contains(",区域,农区,") && l.endsWith(",年龄,40–59")), "王秀兰, 47, farming");

        Path byCase = dir.resolve("cases.xlsx");
        assertEquals(0, tamga("report", "crosstab", project, "--by-case", "--count", "documents", "--format", "xlsx", "--output", byCase).code());
        try (InputStream in = Files.newInputStream(byCase); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            assertEquals(List.of("Documents", "Row %", "Column %", "Long (tidy)", "Chart"),
                    java.util.stream.IntStream.range(0, wb.getNumberOfSheets()).mapToObj(wb::getSheetName).toList());
            assertEquals("东部嘎查 Eastern gacha", wb.getSheet("Documents").getRow(0).getCell(1).getStringCellValue());
            assertEquals(1, wb.getSheet("Chart").getDrawingPatriarch() instanceof org.apache.poi.xssf.usermodel.XSSFDrawing d ? d.getCharts().size() : 0,
                    "a native Excel chart");
        }
        Path percent = dir.resolve("row.csv");
        assertEquals(0, tamga("report", "crosstab", project, "--by", "性别", "--percent", "row", "--format", "csv", "--output", percent).code());
        for (String line : csv(percent).subList(1, 29)) {
            String[] cells = line.split(",");
            String total = cells[cells.length - 1];
            assertTrue(total.equals("100.0") || total.equals("0.0"), line);
        }
    }

    @Test
    void wrongAnalysisOptionsAreRefusedInOneLine() {
        Path out = dir.resolve("x.csv");
        List<List<Object>> refused = List.of(
                List.of("report", "cooccurrence", project, "--rule", "near", "--format", "csv", "--output", out),
                List.of("report", "cooccurrence", project, "--rule", "distance:-3", "--format", "csv", "--output", out),
                List.of("report", "crosstab", project, "--format", "csv", "--output", out),
                List.of("report", "crosstab", project, "--by", "职业", "--by-case", "--format", "csv", "--output", out),
                List.of("report", "crosstab", project, "--by", "职业", "--bands", "职业=1,2", "--format", "csv", "--output", out),
                List.of("report", "crosstab", project, "--by", "年龄", "--bands", "性别=1,2", "--format", "csv", "--output", out),
                List.of("report", "crosstab", project, "--by", "收入", "--format", "csv", "--output", out),
                List.of("report", "crosstab", project, "--by", "职业", "--count", "words", "--format", "csv", "--output", out),
                List.of("report", "cooccurrence", project, "--format", "csv", "--output", out, "--chart", dir.resolve("c.gif")));
        for (List<Object> args : refused) {
            CliTest.Run r = tamga(args.toArray());
            assertEquals(1, r.code(), args + " → " + r.out());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.err().startsWith("tamga: "), r.err());
        }
        assertFalse(Files.exists(out), "nothing written on a refusal");
    }
}
