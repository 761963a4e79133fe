package org.tamga.report;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The word tables (ADR 38) on words whose counts are given: Chinese 草场 12 (3 documents), 𠀀 2 (1);
 * English, stemmed, train 9 (2; forms training, trained) and =cmd 1 (a name a spreadsheet would run);
 * Mongolian малчин 5 (2).
 */
class WordWriterTest {
    @TempDir Path dir;

    static WordFrequencies fixture() {
        return new WordFrequencies("田野", 4, List.of("zh", "en", "mn"), new WordFrequencies.Settings(true, 1, 100, 10, null, null), List.of(
                new WordFrequencies.Row("zh", "草场", 12, 3, List.of("草场")),
                new WordFrequencies.Row("en", "training", 9, 2, List.of("training", "trained")),
                new WordFrequencies.Row("mn", "малчин", 5, 2, List.of("малчин")),
                new WordFrequencies.Row("zh", "𠀀", 2, 1, List.of("𠀀")),
                new WordFrequencies.Row("en", "=cmd", 1, 1, List.of("=cmd"))));
    }

    static List<CSVRecord> read(Path csv) throws Exception {
        byte[] bytes = Files.readAllBytes(csv);
        assertArrayEquals(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, java.util.Arrays.copyOf(bytes, 3), "UTF-8 with a byte-order mark");
        return CSVFormat.RFC4180.parse(new StringReader(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8))).getRecords();
    }

    @Test
    void theLongTableIsOneRowPerWordMostFrequentFirst() throws Exception {
        Path csv = dir.resolve("long.csv");
        WordWriter.csv(fixture(), true, csv);
        List<CSVRecord> rows = read(csv);
        assertEquals(List.of("language", "word", "count", "documents", "forms"), rows.getFirst().toList());
        assertEquals(List.of("zh", "草场", "12", "3", "草场"), rows.get(1).toList());
        assertEquals(List.of("en", "training", "9", "2", "training trained"), rows.get(2).toList());
        assertEquals(List.of("zh", "𠀀", "2", "1", "𠀀"), rows.get(4).toList());
        assertEquals(List.of("en", "'=cmd", "1", "1", "'=cmd"), rows.get(5).toList(), "a formula is made text (ADR 35)");
        assertEquals(6, rows.size());
    }

    @Test
    void theWideTableHasABlockPerLanguage() throws Exception {
        Path csv = dir.resolve("wide.csv");
        WordWriter.csv(fixture(), false, csv);
        List<CSVRecord> rows = read(csv);
        assertEquals(List.of("rank", "zh_word", "zh_count", "zh_documents", "en_word", "en_count", "en_documents", "en_forms",
                "mn_word", "mn_count", "mn_documents"), rows.getFirst().toList(), "forms only for stemmed English");
        assertEquals(List.of("1", "草场", "12", "3", "training", "9", "2", "training trained", "малчин", "5", "2"), rows.get(1).toList());
        assertEquals(List.of("2", "𠀀", "2", "1", "'=cmd", "1", "1", "'=cmd", "", "", ""), rows.get(2).toList(), "Mongolian has one word");
        assertEquals(3, rows.size());

        WordFrequencies unstemmed = new WordFrequencies("p", 1, List.of("en"), new WordFrequencies.Settings(false, 1, 5, 0, null, null),
                List.of(new WordFrequencies.Row("en", "sheep", 3, 1, List.of("sheep"))));
        assertEquals(List.of(List.of("rank", "en_word", "en_count", "en_documents"), List.of(1, "sheep", 3L, 1)), WordWriter.wideTable(unstemmed));
    }

    @Test
    void theWorkbookHoldsBothTablesAndABarChartPerLanguage() throws Exception {
        Path xlsx = dir.resolve("words.xlsx");
        WordWriter.xlsx(fixture(), false, xlsx);
        try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            assertEquals(List.of("Words", "Chinese (zh)", "English (en)", "Mongolian (mn)", "Long (tidy)"),
                    java.util.stream.IntStream.range(0, wb.getNumberOfSheets()).mapToObj(wb::getSheetName).toList());
            XSSFSheet zh = wb.getSheet("Chinese (zh)");
            assertEquals("𠀀", zh.getRow(2).getCell(1).getStringCellValue());
            assertEquals(2, zh.getRow(2).getCell(2).getNumericCellValue());
            List<XSSFChart> charts = zh.getDrawingPatriarch().getCharts();
            assertEquals(1, charts.size());
            String chartXml = charts.getFirst().getCTChart().toString();
            assertTrue(chartXml.contains("'Chinese (zh)'!$B$2:$B$3"), "the words are the categories: " + chartXml);
            assertTrue(chartXml.contains("'Chinese (zh)'!$C$2:$C$3"), "the counts the values");
            assertTrue(chartXml.contains("barDir val=\"bar\""), "horizontal bars");
            assertEquals("=cmd", wb.getSheet("English (en)").getRow(2).getCell(1).getStringCellValue().substring(1), "neutralised");
            assertEquals("'=cmd", wb.getSheet("English (en)").getRow(2).getCell(1).getStringCellValue());
            assertEquals("language", wb.getSheet("Long (tidy)").getRow(0).getCell(0).getStringCellValue());
            assertEquals(5, wb.getSheet("Long (tidy)").getLastRowNum());
        }
        Path longFirst = dir.resolve("long-first.xlsx");
        WordWriter.xlsx(fixture(), true, longFirst);
        try (InputStream in = Files.newInputStream(longFirst); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            assertEquals("Long (tidy)", wb.getSheetName(0));
            assertEquals(5, wb.getNumberOfSheets());
        }
    }
}
