package org.tamga.cli;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tamga.core.ProjectSession;
import org.tamga.core.SessionFixtures;
import org.tamga.model.Attribute;
import org.tamga.model.Code;
import org.tamga.model.Document;
import org.tamga.util.SpreadsheetCells;

import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;
import static org.tamga.cli.CliTest.tamga;

/**
 * Item 8 of issue 14 (ADR 35): a project whose code, document, attribute and case names are each a
 * formula is exported in every spreadsheet format; no cell can run, every name is still readable
 * (a leading quote), and counts stay numbers.
 */
class FormulaExportTest {
    /** Each a formula for Excel or LibreOffice (OWASP "CSV injection"). */
    static final List<String> FORMULAS = List.of("=HYPERLINK(\"http://x\",\"y\")", "+SUM(1,2)", "@SUM(1,2)", "=cmd|' /C calc'!A0",
            "-2+3", "\tTAB", "\rCR");
    /** Document names come from file names, which cannot hold a slash. */
    static final List<String> DOCUMENT_NAMES = List.of("=HYPERLINK(\"x\",\"y\")", "+SUM(1,2)", "@SUM(1,2)", "-2+3", "\tTAB", "\rCR");
    static final String TEXT = "-5 goats were sold. =1+1 at the market, the training helped.";

    @TempDir Path dir;
    Path project;
    final List<String> documentNames = new ArrayList<>();
    /** The names as stored (the codebook, attributes and cases strip a leading tab or return, which leaves those safe). */
    final List<String> codeNames = new ArrayList<>(), attributeNames = new ArrayList<>(), caseNames = new ArrayList<>();

    @BeforeEach
    void formulaProject() {
        project = dir.resolve("formulas.tamga");
        try (ProjectSession s = ProjectSession.create(project)) {
            List<Document> docs = new ArrayList<>();
            for (String name : DOCUMENT_NAMES) {
                Document d = SessionFixtures.importText(s, dir.resolve("texts"), name, TEXT + " " + "Visit " + (docs.size() + 1) + ".");
                docs.add(d);
                documentNames.add(d.name());
            }
            int i = 0;
            for (String name : FORMULAS) {
                Code c = s.codebook().create(null, name, null, null);
                codeNames.add(c.name());
                for (Document d : docs) s.coding().apply(d, i, i + 5, c, "-coder");
                i++;
            }
            for (String name : FORMULAS) {
                attributeNames.add(s.cases().define(name, Attribute.Type.TEXT).name());
                for (Document d : docs) s.cases().setValue(d, name, "=1+" + name, Attribute.Type.TEXT);
            }
            s.cases().setValue(docs.getFirst(), "age", "-5", Attribute.Type.INTEGER);
            for (String name : FORMULAS) {
                s.cases().addToCase(name, docs);
                caseNames.add(s.cases().resolveCase(name.strip()).name());
            }
        }
        for (List<String> names : List.of(codeNames, attributeNames, caseNames))
            assertEquals(FORMULAS.stream().map(String::strip).toList(), names);
        // every document name is as dangerous as its file name (tab- and CR-led names kept)
        for (String name : documentNames) assertTrue(SpreadsheetCells.dangerous(name), name);
    }

    /** Every text cell is safe; every given name appears, with a leading quote if it could run, else as it is. */
    private static void allSafe(List<List<String>> rows, List<String> names, String what) {
        List<String> cells = rows.stream().flatMap(List::stream).toList();
        for (String cell : cells) assertFalse(SpreadsheetCells.dangerous(cell), what + ": a cell could run: " + cell);
        for (String name : names) {
            String expected = SpreadsheetCells.dangerous(name) ? "'" + name : name;
            assertTrue(cells.contains(expected), what + " lacks " + expected + " in " + cells);
        }
    }

    private static List<List<String>> csv(Path file) throws Exception {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertEquals('\uFEFF', text.charAt(0));
        return CSVFormat.RFC4180.parse(new StringReader(text.substring(1))).getRecords().stream().map(CSVRecord::toList).toList();
    }

    private static List<List<String>> tsv(String out) {
        return out.lines().map(l -> List.of(l.split("\t", -1))).toList();
    }

    /** A TSV field holds no tab or line break: they become spaces after the quote is added. */
    private static List<String> flat(List<String> names) {
        return names.stream().map(n -> (SpreadsheetCells.dangerous(n) ? "'" + n : n).replace('\t', ' ').replace('\r', ' ')).toList();
    }

    @Test
    void frequencyCsvMatrixAndLongCsvNeutraliseEveryName() throws Exception {
        Path freq = dir.resolve("f.csv"), matrix = dir.resolve("m.csv"), longCsv = dir.resolve("l.csv");
        assertEquals(0, tamga("report", "frequencies", project, "--format", "csv", "--output", freq).code());
        assertEquals(0, tamga("report", "frequencies", project, "--by", "document", "--format", "csv", "--output", matrix).code());
        assertEquals(0, tamga("report", "frequencies", project, "--long", "--format", "csv", "--output", longCsv).code());
        List<List<String>> f = csv(freq);
        allSafe(f, codeNames, "frequencies");
        // counts are written as numbers, untouched: each code has one coding in each of the documents
        List<String> first = f.stream().filter(r -> r.getFirst().equals("'" + codeNames.getFirst())).findFirst().orElseThrow();
        assertEquals(String.valueOf(DOCUMENT_NAMES.size()), first.get(1));
        assertEquals("1.0", first.get(3), "a share stays a number");
        allSafe(csv(matrix), concat(codeNames, documentNames), "matrix");
        allSafe(csv(longCsv), concat(codeNames, documentNames), "long");
    }

    @Test
    void xlsxHoldsNamesAsQuotedStringsAndCountsAsNumbers() throws Exception {
        Path xlsx = dir.resolve("f.xlsx");
        assertEquals(0, tamga("report", "frequencies", project, "--format", "xlsx", "--output", xlsx).code());
        List<List<String>> strings = new ArrayList<>();
        int numeric = 0;
        try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            assertEquals(3, wb.getNumberOfSheets());
            for (Sheet sheet : wb) {
                for (Row row : sheet) {
                    List<String> texts = new ArrayList<>();
                    for (Cell cell : row) {
                        assertNotEquals(CellType.FORMULA, cell.getCellType(), "no formula cells");
                        if (cell.getCellType() == CellType.NUMERIC) numeric++;
                        else {
                            assertEquals(CellType.STRING, cell.getCellType());
                            texts.add(cell.getStringCellValue());
                        }
                    }
                    strings.add(texts);
                }
            }
            Row codeRow = wb.getSheet("Code frequencies").getRow(1);
            assertEquals(CellType.STRING, codeRow.getCell(0).getCellType());
            assertTrue(codeRow.getCell(0).getStringCellValue().startsWith("'"), codeRow.getCell(0).getStringCellValue());
            assertEquals(CellType.NUMERIC, codeRow.getCell(1).getCellType());
            assertEquals(DOCUMENT_NAMES.size(), codeRow.getCell(1).getNumericCellValue());
            assertEquals(CellType.NUMERIC, codeRow.getCell(3).getCellType(), "the share is a number");
        }
        assertTrue(numeric > FORMULAS.size() * DOCUMENT_NAMES.size(), "counts are numeric cells: " + numeric);
        allSafe(strings, concat(codeNames, documentNames), "xlsx");
    }

    @Test
    void everyTsvOfTheCommandLineNeutralisesNames() {
        CliTest.Run attributes = tamga("attributes", project);
        assertEquals(0, attributes.code(), attributes.err());
        List<List<String>> rows = tsv(attributes.out());
        allSafe(rows, flat(concat(concat(attributeNames, documentNames), FORMULAS.stream().map(n -> "=1+" + n).toList())), "attributes");
        int age = rows.getFirst().indexOf("age");
        List<String> firstDocument = rows.stream().filter(r -> r.getFirst().equals(flat(documentNames).getFirst())).findFirst().orElseThrow();
        assertEquals("-5", firstDocument.get(age), "a number stays as it is");

        CliTest.Run cases = tamga("cases", project);
        assertEquals(0, cases.code(), cases.err());
        allSafe(tsv(cases.out()), flat(caseNames), "cases");

        CliTest.Run search = tamga("search", project, "goats");
        assertEquals(0, search.code(), search.err());
        List<List<String>> hits = tsv(search.out());
        assertEquals(DOCUMENT_NAMES.size() + 1, hits.size(), search.out());
        allSafe(hits, flat(documentNames), "search");
        assertTrue(hits.get(1).get(4).startsWith("'-5 goats"), "a context line led by a minus: " + hits.get(1));

        CliTest.Run codings = tamga("codings", project);
        assertEquals(0, codings.code(), codings.err());
        allSafe(tsv(codings.out()), flat(concat(concat(codeNames, documentNames), List.of("-coder", "-5 go"))), "codings");

        CliTest.Run documents = tamga("documents", project);
        assertEquals(0, documents.code(), documents.err());
        allSafe(tsv(documents.out()), flat(documentNames), "documents");

        CliTest.Run dryRun = tamga("autocode", project, "goats", "--code", FORMULAS.get(1), "--dry-run");
        assertEquals(0, dryRun.code(), dryRun.err());
        List<List<String>> planned = tsv(dryRun.out()).stream().filter(r -> r.size() > 1).toList();
        allSafe(planned, flat(documentNames), "autocode --dry-run");
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
