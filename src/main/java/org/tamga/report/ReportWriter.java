package org.tamga.report;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.tamga.model.Document;
import org.tamga.util.AtomicWrite;
import org.tamga.util.SpreadsheetCells;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a frequency report as CSV (UTF-8 with a byte-order mark, so that Excel shows Chinese
 * correctly; R's readr and read.csv(fileEncoding = "UTF-8-BOM") read it too) or as an XLSX
 * workbook with three sheets: frequencies, code × document matrix, and the long (tidy) table.
 * Files are written to a temporary file first and then moved into place. Every cell goes through
 * {@link SpreadsheetCells#neutralise(Object)}: numbers stay numeric, and a name that a spreadsheet
 * would take for a formula ({@code =}, {@code +}, {@code -}, {@code @}, tab, carriage return) gets a
 * leading {@code '}; XLSX cells holding text are always string cells (ADR 35).
 */
public final class ReportWriter {
    private ReportWriter() {}

    /** Which table a CSV file holds. */
    public enum Table { FREQUENCIES, MATRIX, LONG }

    public static final List<String> FREQUENCY_HEADER = List.of("code", "codings", "documents", "document_share",
            "coded_characters", "codings_with_children", "documents_with_children", "document_share_with_children",
            "coded_characters_with_children", "level", "code_path", "code_guid");
    public static final List<String> LONG_HEADER = List.of("code", "code_path", "document", "codings", "coded_characters");

    public static List<List<Object>> table(FrequencyReport report, Table table) {
        List<List<Object>> rows = new ArrayList<>();
        switch (table) {
            case FREQUENCIES -> {
                rows.add(new ArrayList<>(FREQUENCY_HEADER));
                for (FrequencyReport.Row r : report.rows()) {
                    rows.add(List.of(r.code().name(), r.own().codings(), r.own().documents(), round(r.own().documentShare()),
                            r.own().codedCharacters(), r.withChildren().codings(), r.withChildren().documents(),
                            round(r.withChildren().documentShare()), r.withChildren().codedCharacters(), r.level(),
                            r.path(), r.code().guid()));
                }
            }
            case MATRIX -> {
                List<Object> header = new ArrayList<>(List.of("code"));
                for (Document d : report.documents()) header.add(d.name());
                header.add("total");
                rows.add(header);
                for (FrequencyReport.Row r : report.rows()) {
                    List<Object> row = new ArrayList<>(List.of(r.code().name()));
                    for (Document d : report.documents()) row.add(report.cell(r.code().id(), d.id()).codings());
                    row.add(r.own().codings());
                    rows.add(row);
                }
            }
            case LONG -> {
                rows.add(new ArrayList<>(LONG_HEADER));
                for (FrequencyReport.Row r : report.rows()) {
                    for (Document d : report.documents()) {
                        FrequencyReport.Cell c = report.cell(r.code().id(), d.id());
                        rows.add(List.of(r.code().name(), r.path(), d.name(), c.codings(), c.codedCharacters()));
                    }
                }
            }
        }
        return rows;
    }

    private static double round(double share) { return Math.round(share * 10000) / 10000.0; }

    public static void csv(FrequencyReport report, Table table, Path file) {
        csvRows(table(report, table), file);
    }

    /** Any table as CSV: UTF-8 with a byte-order mark, RFC 4180, every cell neutralised (ADR 35), written atomically. */
    public static void csvRows(List<List<Object>> rows, Path file) {
        AtomicWrite.write(file, out -> {
            out.write(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            Writer w = new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8);
            try (CSVPrinter printer = new CSVPrinter(w, CSVFormat.RFC4180)) {
                for (List<Object> row : rows) printer.printRecord(row.stream().map(SpreadsheetCells::neutralise).toList());
            }
        });
    }

    public static void xlsx(FrequencyReport report, Table first, Path file) {
        AtomicWrite.write(file, out -> {
            try (XSSFWorkbook wb = new XSSFWorkbook()) {
                CellStyle bold = wb.createCellStyle();
                Font font = wb.createFont();
                font.setBold(true);
                bold.setFont(font);
                List<Table> order = new ArrayList<>(List.of(first));
                for (Table t : Table.values()) if (t != first) order.add(t);
                for (Table t : order) sheet(wb, t, table(report, t), bold);
                wb.write(out);
            }
        });
    }

    private static void sheet(XSSFWorkbook wb, Table table, List<List<Object>> rows, CellStyle bold) {
        String name = switch (table) {
            case FREQUENCIES -> "Code frequencies";
            case MATRIX -> "Code x document";
            case LONG -> "Long (tidy)";
        };
        sheet(wb, name, rows, bold);
    }

    /** A sheet holding a table: the first row bold and frozen with the first column, every cell neutralised (ADR 35). */
    static Sheet sheet(XSSFWorkbook wb, String name, List<List<Object>> rows, CellStyle bold) {
        Sheet sheet = wb.createSheet(name);
        for (int i = 0; i < rows.size(); i++) {
            Row row = sheet.createRow(i);
            List<Object> values = rows.get(i);
            for (int j = 0; j < values.size(); j++) {
                Cell cell = row.createCell(j);
                Object v = SpreadsheetCells.neutralise(values.get(j));
                // text is always a string cell (setCellValue(String) never makes a formula), numbers numeric cells
                if (v instanceof Number n) cell.setCellValue(n.doubleValue()); else cell.setCellValue((String) v);
                if (i == 0) cell.setCellStyle(bold);
            }
        }
        sheet.createFreezePane(1, 1);
        // widths from the text itself (POI's autoSizeColumn needs desktop fonts, which servers lack)
        int columns = rows.stream().mapToInt(List::size).max().orElse(0);
        for (int j = 0; j < columns; j++) {
            int width = 6;
            for (List<Object> values : rows) if (j < values.size()) width = Math.max(width, displayWidth(String.valueOf(values.get(j))));
            sheet.setColumnWidth(j, Math.min(width + 2, 80) * 256);
        }
        return sheet;
    }

    /** Characters as wide as Latin letters count 1, CJK and other wide characters 2. */
    private static int displayWidth(String s) {
        return s.codePoints().map(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN
                || (cp >= 0xFF00 && cp <= 0xFFEF) || (cp >= 0x3000 && cp <= 0x303F) ? 2 : 1).sum();
    }

}
