package org.tamga.report;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The agreement tables as CSV, TSV and XLSX: column order, empty undefined coefficients, rounding, neutralised names. */
class AgreementWriterTest {
    @TempDir Path dir;

    static AgreementReport report() {
        AgreementReport.Values land = new AgreementReport.Values(28, 28, 12.0 / 28, 1.0 / 33, -232.0 / 1560, -0.128205128, -0.23013, List.of(21L, 9L), "");
        AgreementReport.Values formula = new AgreementReport.Values(28, 28, 1.0, null, null, null, null, List.of(0L, 0L),
                "no coder coded any unit: percent agreement is 1, kappa and alpha are undefined");
        AgreementReport.Values all = new AgreementReport.Values(28, 56, 0.00004, 0.5, 0.5, 0.5, null, List.of(21L, 9L), "pooled over 2 codes: a decision per unit and code");
        return new AgreementReport(List.of("Saran", "Дорж"), "character", "whole", false, null, 1,
                List.of(new AgreementReport.Row(null, "Land · 草场", "Land · 草场", "g-1", land),
                        new AgreementReport.Row(null, "=HYPERLINK(\"x\")", "=HYPERLINK(\"x\")", "g-2", formula),
                        new AgreementReport.Row(null, AgreementReport.ALL_CODES, "", null, all)),
                List.of(new AgreementReport.Row("访谈\t01", "Land · 草场", "Land · 草场", "g-1", land),
                        new AgreementReport.Row("访谈\t01", AgreementReport.ALL_CODES, "", null, all)));
    }

    @Test
    void csvHasTheMandatedColumnsFirstAndEmptyCellsForWhatIsUndefined() throws Exception {
        Path csv = dir.resolve("a.csv");
        AgreementWriter.csv(report(), AgreementWriter.Table.BY_CODE, csv);
        byte[] bytes = Files.readAllBytes(csv);
        assertArrayEquals(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, java.util.Arrays.copyOf(bytes, 3));
        List<CSVRecord> rows = CSVFormat.RFC4180.parse(new StringReader(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8))).getRecords();
        assertEquals(List.of("code", "coders", "unit", "units", "percent_agreement", "cohen_kappa", "fleiss_kappa", "krippendorff_alpha",
                "krippendorff_alpha_unitized", "decisions", "coded_by_Saran", "coded_by_Дорж", "code_path", "code_guid", "note"), rows.get(0).toList());
        assertEquals(List.of("Land · 草场", "Saran, Дорж", "character", "28", "0.4286", "0.0303", "-0.1487", "-0.1282", "-0.2301", "28", "21", "9",
                "Land · 草场", "g-1", ""), rows.get(1).toList());
        CSVRecord formula = rows.get(2);
        assertEquals("'=HYPERLINK(\"x\")", formula.get(0), "a name that looks like a formula gets a quote");
        assertEquals(List.of("1.0000", "", "", "", ""), formula.toList().subList(4, 9));
        assertTrue(formula.get(14).contains("undefined"));
        CSVRecord all = rows.getLast();
        assertEquals("(all codes)", all.get(0));
        assertEquals("0.0000", all.get(4), "rounded to four decimals, never in scientific notation");
        assertEquals("", all.get(8));
        assertFalse(new String(bytes, StandardCharsets.UTF_8).contains("NaN"));
    }

    @Test
    void tsvPerDocument() throws Exception {
        StringWriter out = new StringWriter();
        AgreementWriter.tsv(report(), AgreementWriter.Table.BY_DOCUMENT, out);
        List<String> lines = out.toString().lines().toList();
        assertEquals(3, lines.size());
        assertTrue(lines.get(0).startsWith("document\tcode\tcoders\tunit\tunits\tpercent_agreement\t"), lines.get(0));
        assertTrue(lines.get(1).startsWith("访谈 01\tLand · 草场\tSaran, Дорж\tcharacter\t28\t0.4286\t0.0303\t"), lines.get(1));
        assertTrue(lines.get(2).startsWith("访谈 01\t(all codes)\t"), lines.get(2));
        Path file = dir.resolve("a.tsv");
        AgreementWriter.tsv(report(), AgreementWriter.Table.BY_DOCUMENT, file);
        assertEquals(out.toString(), Files.readString(file, StandardCharsets.UTF_8));
    }

    @Test
    void xlsxHoldsBothTablesAndWhatWasCompared() throws Exception {
        Path xlsx = dir.resolve("a.xlsx");
        AgreementWriter.xlsx(report(), AgreementWriter.Table.BY_DOCUMENT, xlsx);
        try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            assertEquals(List.of("By document", "Agreement by code", "About"),
                    List.of(wb.getSheetName(0), wb.getSheetName(1), wb.getSheetName(2)));
            Sheet byCode = wb.getSheet("Agreement by code");
            assertEquals("percent_agreement", byCode.getRow(0).getCell(4).getStringCellValue());
            assertEquals(CellType.NUMERIC, byCode.getRow(1).getCell(4).getCellType());
            assertEquals(0.4286, byCode.getRow(1).getCell(4).getNumericCellValue(), 1e-12);
            assertEquals(CellType.BLANK, byCode.getRow(2).getCell(5).getCellType(), "an undefined coefficient is a blank cell");
            assertEquals("'=HYPERLINK(\"x\")", byCode.getRow(2).getCell(0).getStringCellValue());
            assertEquals("(all codes)", byCode.getRow(3).getCell(0).getStringCellValue());
            Sheet about = wb.getSheet("About");
            assertEquals("Saran, Дорж", about.getRow(1).getCell(1).getStringCellValue());
            assertEquals("(does not apply)", about.getRow(3).getCell(1).getStringCellValue(), "coverage is for turns and paragraphs");
        }
        AgreementReport paragraphs = new AgreementReport(List.of("A", "B"), "paragraph", "part", true, "受访者", 2, report().byCode(), List.of());
        assertEquals(List.of("coverage", "part"), AgreementWriter.about(paragraphs).get(3));
        assertEquals(List.of("speaker", "受访者"), AgreementWriter.about(paragraphs).get(5));
        assertEquals(List.of("codes below a code", "counted as the code"), AgreementWriter.about(paragraphs).get(4));
    }
}
