package org.tamga.util;

import java.util.regex.Pattern;

/**
 * The one rule for cells of every table Tamga writes for a spreadsheet (CSV, TSV, XLSX): a text
 * that begins with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return would be
 * read by Excel or LibreOffice as a formula (OWASP "CSV injection"), so it is given a leading single
 * quote, which keeps it readable and makes it plain text. Numbers stay numbers: a {@link Number}
 * is returned as it is, and so is a text that is nothing but a decimal number ({@code -5},
 * {@code +3.25}, {@code -1e3}), which a spreadsheet reads as that number and cannot run.
 * ADR 35.
 */
public final class SpreadsheetCells {
    private SpreadsheetCells() {}

    private static final Pattern NUMBER = Pattern.compile("[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?");

    /** A number unchanged; anything else as its text, neutralised; null as the empty text. */
    public static Object neutralise(Object value) {
        if (value instanceof Number) return value;
        return neutralise(value == null ? null : String.valueOf(value));
    }

    /** The text with a leading {@code '} when a spreadsheet would take it for a formula; null as "". */
    public static String neutralise(String text) {
        if (text == null || text.isEmpty()) return text == null ? "" : text;
        return dangerous(text) ? "'" + text : text;
    }

    /** Whether a spreadsheet could take this text for a formula. */
    public static boolean dangerous(String text) {
        if (text == null || text.isEmpty()) return false;
        char first = text.charAt(0);
        return switch (first) {
            case '=', '@', '\t', '\r' -> true;
            case '+', '-' -> !NUMBER.matcher(text).matches();
            default -> false;
        };
    }
}
