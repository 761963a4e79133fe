package org.tamga.report;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tamga.model.Code;
import org.tamga.model.Codebook;
import org.tamga.model.Coding;
import org.tamga.model.Document;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The report against a fixture counted by hand:
 *
 * <pre>
 * codes: Capability (1) › Health (2), Education (3); Culture of poverty · 贫困文化 (4)
 * docs:  访谈一 (10, 100 chars), interview-2 (11, 50 chars), empty-3 (12, 80 chars, no codings)
 * codings (doc, code, coder, start-end):
 *   10 Health    Saran  0-10
 *   10 Health    Li     5-15      overlaps the first: Health covers 0-15 = 15 chars in doc 10
 *   10 Education Saran  20-30
 *   11 Health    Saran  0-4
 *   11 Culture   Li     10-20
 *   11 Culture   Saran  10-20     same passage, second coder: 10 chars, counted once
 * </pre>
 */
class FrequencyReportTest {
    @TempDir Path dir;
    Codebook book;
    List<Document> docs;
    List<Coding> codings;

    static Code code(long id, Long parent, String name, int order) {
        return new Code(id, "00000000-0000-0000-0000-00000000000" + id, parent, name, null, null, true, order, null);
    }

    static Document doc(long id, String name, int length) {
        return new Document(id, "d" + id, name, "zh", length, name + ".txt", "UTF-8", "sha" + id, Instant.EPOCH, null);
    }

    static Coding coding(long id, long doc, long code, long coder, int start, int end) {
        return new Coding(id, "c" + id, doc, code, coder, start, end, null, Instant.EPOCH);
    }

    @BeforeEach
    void fixture() {
        book = new Codebook(List.of(code(1, null, "Capability", 0), code(2, 1L, "Health", 0),
                code(3, 1L, "Education", 1), code(4, null, "Culture of poverty · 贫困文化", 1)));
        docs = List.of(doc(10, "访谈一", 100), doc(11, "interview-2", 50), doc(12, "empty-3", 80));
        codings = List.of(coding(1, 10, 2, 1, 0, 10), coding(2, 10, 2, 2, 5, 15), coding(3, 10, 3, 1, 20, 30),
                coding(4, 11, 2, 1, 0, 4), coding(5, 11, 4, 2, 10, 20), coding(6, 11, 4, 1, 10, 20));
    }

    FrequencyReport.Row row(FrequencyReport r, String name) {
        return r.rows().stream().filter(x -> x.code().name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void countsMatchTheHandCountedFixture() {
        FrequencyReport r = FrequencyReport.build(book, docs, codings);
        assertEquals(List.of("Capability", "Health", "Education", "Culture of poverty · 贫困文化"),
                r.rows().stream().map(x -> x.code().name()).toList(), "tree order");
        FrequencyReport.Row health = row(r, "Health");
        assertEquals(new FrequencyReport.Counts(3, 2, 2.0 / 3, 15 + 4), health.own());
        assertEquals(health.own(), health.withChildren());
        assertEquals(1, health.level());
        assertEquals("Capability › Health", health.path());

        FrequencyReport.Row capability = row(r, "Capability");
        assertEquals(new FrequencyReport.Counts(0, 0, 0, 0), capability.own());
        // Health 0-15 and Education 20-30 in doc 10 (25 chars), Health 0-4 in doc 11
        assertEquals(new FrequencyReport.Counts(4, 2, 2.0 / 3, 25 + 4), capability.withChildren());

        FrequencyReport.Row culture = row(r, "Culture of poverty · 贫困文化");
        assertEquals(new FrequencyReport.Counts(2, 1, 1.0 / 3, 10), culture.own());

        assertEquals(new FrequencyReport.Cell(2, 15), r.cell(2, 10));
        assertEquals(new FrequencyReport.Cell(1, 4), r.cell(2, 11));
        assertEquals(new FrequencyReport.Cell(0, 0), r.cell(2, 12));
        assertEquals(new FrequencyReport.Cell(2, 10), r.cell(4, 11));
    }

    @Test
    void filteringByCoderAndDocumentsChangesTheDenominatorAndCounts() {
        List<Coding> saran = codings.stream().filter(c -> c.coderId() == 1).toList();
        FrequencyReport r = FrequencyReport.build(book, docs.subList(0, 2), saran);
        assertEquals(new FrequencyReport.Counts(2, 2, 1.0, 10 + 4), row(r, "Health").own());
        assertEquals(new FrequencyReport.Counts(1, 1, 0.5, 10), row(r, "Culture of poverty · 贫困文化").own());
        assertEquals(2, r.documents().size());
    }

    @Test
    void coveredCharactersMergeOverlapsAndAdjacency() {
        assertEquals(0, FrequencyReport.coveredCharacters(List.of()));
        assertEquals(20, FrequencyReport.coveredCharacters(List.of(coding(1, 1, 1, 1, 0, 10), coding(2, 1, 1, 1, 10, 20))));
        assertEquals(12, FrequencyReport.coveredCharacters(List.of(coding(1, 1, 1, 1, 5, 15), coding(2, 1, 1, 1, 0, 2),
                coding(3, 1, 1, 1, 6, 8))));
    }

    @Test
    void csvIsUtf8WithBomAndTheDocumentedHeader() throws Exception {
        Path csv = dir.resolve("频率.csv");
        ReportWriter.csv(FrequencyReport.build(book, docs, codings), ReportWriter.Table.FREQUENCIES, csv);
        byte[] bytes = Files.readAllBytes(csv);
        assertArrayEquals(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, java.util.Arrays.copyOf(bytes, 3));
        List<String> lines = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8).lines().toList();
        assertTrue(lines.getFirst().startsWith("code,codings,documents,document_share,coded_characters"), lines.getFirst());
        assertEquals(5, lines.size());
        assertTrue(lines.get(2).startsWith("Health,3,2,0.6667,19,3,2,0.6667,19,1,Capability › Health,"), lines.get(2));
        assertTrue(lines.get(4).startsWith("Culture of poverty · 贫困文化,2,1,0.3333,10,"), lines.get(4));
    }

    @Test
    void matrixAndLongTables() throws Exception {
        FrequencyReport r = FrequencyReport.build(book, docs, codings);
        Path matrix = dir.resolve("matrix.csv");
        ReportWriter.csv(r, ReportWriter.Table.MATRIX, matrix);
        List<String> m = Files.readString(matrix, StandardCharsets.UTF_8).substring(1).lines().toList();
        assertEquals("code,访谈一,interview-2,empty-3,total", m.getFirst());
        assertEquals("Health,2,1,0,3", m.get(2));

        List<List<Object>> tidy = ReportWriter.table(r, ReportWriter.Table.LONG);
        assertEquals(ReportWriter.LONG_HEADER, tidy.getFirst());
        assertEquals(1 + 4 * 3, tidy.size(), "one row per code and document");
        assertTrue(tidy.contains(List.of("Health", "Capability › Health", "访谈一", 2, 15L)));
    }

    @Test
    void xlsxHoldsAllThreeTablesWithChineseIntact() throws Exception {
        Path xlsx = dir.resolve("report.xlsx");
        ReportWriter.xlsx(FrequencyReport.build(book, docs, codings), ReportWriter.Table.FREQUENCIES, xlsx);
        try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            assertEquals(3, wb.getNumberOfSheets());
            Sheet freq = wb.getSheetAt(0);
            assertEquals("code", freq.getRow(0).getCell(0).getStringCellValue());
            assertEquals("codings", freq.getRow(0).getCell(1).getStringCellValue());
            assertEquals("Culture of poverty · 贫困文化", freq.getRow(4).getCell(0).getStringCellValue());
            assertEquals(2.0, freq.getRow(4).getCell(1).getNumericCellValue());
            Sheet matrix = wb.getSheet("Code x document");
            assertEquals("访谈一", matrix.getRow(0).getCell(1).getStringCellValue());
            assertEquals(2.0, matrix.getRow(2).getCell(1).getNumericCellValue());
            assertNotNull(wb.getSheet("Long (tidy)"));
        }
        List<Path> leftovers = new ArrayList<>();
        try (var files = Files.list(dir)) { files.filter(p -> p.getFileName().toString().endsWith(".tmp")).forEach(leftovers::add); }
        assertEquals(List.of(), leftovers, "no temporary files left behind");
    }
}
