package org.tamga.report;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.tamga.util.AtomicWrite;
import org.tamga.util.SpreadsheetCells;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes an {@link AgreementReport}: as CSV (UTF-8 with a byte-order mark, like
 * {@link ReportWriter}), as TSV (UTF-8, one line per row), or as an XLSX workbook with both tables
 * and a sheet saying what was compared. Coefficients are rounded to four decimals; one that is
 * undefined or does not apply is an empty cell, never "NaN", and the row's {@code note} says why.
 * Every text cell is neutralised for spreadsheets (ADR 35). Files are written atomically.
 */
public final class AgreementWriter {
    private AgreementWriter() {}

    /** Which table: one row per code (then {@value AgreementReport#ALL_CODES}), or the same per document. */
    public enum Table { BY_CODE, BY_DOCUMENT }

    /** The first columns of the per-code table, in this order; per-coder counts, the code's path and GUID, and the note follow. */
    public static final List<String> HEADER = List.of("code", "coders", "unit", "units", "percent_agreement", "cohen_kappa",
            "fleiss_kappa", "krippendorff_alpha", "krippendorff_alpha_unitized");

    /** The table as rows of cells, the header first. */
    public static List<List<Object>> table(AgreementReport report, Table table) {
        List<List<Object>> rows = new ArrayList<>();
        List<Object> header = new ArrayList<>();
        if (table == Table.BY_DOCUMENT) header.add("document");
        header.addAll(HEADER);
        header.add("decisions");
        for (String coder : report.coders()) header.add("coded_by_" + coder);
        header.addAll(List.of("code_path", "code_guid", "note"));
        rows.add(header);
        String coders = String.join(", ", report.coders());
        for (AgreementReport.Row r : table == Table.BY_CODE ? report.byCode() : report.byDocument()) {
            AgreementReport.Values v = r.values();
            List<Object> row = new ArrayList<>();
            if (table == Table.BY_DOCUMENT) row.add(r.document());
            row.addAll(List.of(r.code(), coders, report.unit(), v.units()));
            row.add(number(v.percentAgreement()));
            row.add(number(v.cohenKappa()));
            row.add(number(v.fleissKappa()));
            row.add(number(v.krippendorffAlpha()));
            row.add(number(v.krippendorffAlphaUnitized()));
            row.add(v.decisions());
            row.addAll(v.codedBy());
            row.add(r.codePath());
            row.add(r.codeGuid() == null ? "" : r.codeGuid());
            row.add(v.note());
            rows.add(row);
        }
        return rows;
    }

    /** A coefficient rounded to four decimals, or "" when it is undefined. */
    private static Object number(Double value) {
        if (value == null || !Double.isFinite(value)) return "";
        return BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP);
    }

    /** The table as CSV: UTF-8 with a byte-order mark, every cell neutralised. */
    public static void csv(AgreementReport report, Table table, Path file) {
        ReportWriter.csvRows(table(report, table), file);
    }

    /** The table as TSV to a writer: tabs and line breaks inside a cell become spaces, every cell neutralised. */
    public static void tsv(AgreementReport report, Table table, Writer out) throws java.io.IOException {
        for (List<Object> row : table(report, table)) {
            List<String> cells = new ArrayList<>();
            for (Object cell : row) {
                Object v = SpreadsheetCells.neutralise(cell);
                cells.add(v instanceof BigDecimal b ? b.toPlainString()
                        : String.valueOf(v).replace('\t', ' ').replace('\n', ' ').replace('\r', ' '));
            }
            out.write(String.join("\t", cells));
            out.write('\n');
        }
        out.flush();
    }

    /** The table as a TSV file (UTF-8), written atomically. */
    public static void tsv(AgreementReport report, Table table, Path file) {
        AtomicWrite.write(file, out -> tsv(report, table, new OutputStreamWriter(out, StandardCharsets.UTF_8)));
    }

    /** Both tables and what was compared, as an XLSX workbook; {@code first} is the first sheet. */
    public static void xlsx(AgreementReport report, Table first, Path file) {
        AtomicWrite.write(file, out -> {
            try (XSSFWorkbook wb = new XSSFWorkbook()) {
                CellStyle bold = ReportWriter.boldStyle(wb);
                Table second = first == Table.BY_CODE ? Table.BY_DOCUMENT : Table.BY_CODE;
                for (Table t : List.of(first, second)) ReportWriter.fill(wb, t == Table.BY_CODE ? "Agreement by code" : "By document", table(report, t), bold);
                ReportWriter.fill(wb, "About", about(report), bold);
                wb.write(out);
            }
        });
    }

    /** What was compared, in words, for the workbook's last sheet. */
    static List<List<Object>> about(AgreementReport report) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("setting", "value"));
        rows.add(List.of("coders", String.join(", ", report.coders())));
        rows.add(List.of("unit", report.unit()));
        rows.add(List.of("coverage", report.unit().equals("turn") || report.unit().equals("paragraph") ? report.coverage() : "(does not apply)"));
        rows.add(List.of("codes below a code", report.withChildren() ? "counted as the code" : "counted as themselves"));
        rows.add(List.of("speaker", report.speaker() == null ? "(everyone)" : report.speaker()));
        rows.add(List.of("documents", report.documents()));
        rows.add(List.of("computed by", "DKPro Agreement 2.2.0 (percent agreement, Cohen's and Fleiss' kappa, Krippendorff's alpha"
                + " nominal on the units, Krippendorff's unitized alpha on the characters); see Tamga's ADR 40"));
        return rows;
    }
}
