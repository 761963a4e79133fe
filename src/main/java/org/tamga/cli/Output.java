package org.tamga.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.tamga.util.SpreadsheetCells;

import java.io.PrintWriter;

/** Small helpers for printing results. */
final class Output {
    private Output() {}

    enum Format { tsv, json }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    static void json(PrintWriter out, Object value) {
        try {
            out.println(JSON.writeValueAsString(value));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A value safe for one TSV field: neutralised for spreadsheets first (a leading {@code =},
     * {@code +}, {@code -}, {@code @}, tab or carriage return gets a {@code '}, ADR 35), then tabs
     * and line breaks become spaces. Every text cell of every TSV table goes through here.
     */
    static String field(String s) {
        return flat(SpreadsheetCells.neutralise(s));
    }

    /** A TSV field of at most {@code max} code points, with an ellipsis when cut; neutralised like {@link #field}. */
    static String fieldCut(String s, int max) {
        return oneLine(SpreadsheetCells.neutralise(s), max);
    }

    /** At most {@code max} code points on one line, with an ellipsis when cut (for messages, not for tables). */
    static String oneLine(String s, int max) {
        return org.tamga.model.OneLine.of(s, max);
    }

    private static String flat(String s) {
        return s == null ? "" : s.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    }

    /** {@code 1 document}, {@code 2 documents}: a count with its noun, in English number. */
    static String count(long n, String noun) {
        return String.format(java.util.Locale.ROOT, "%,d %s%s", n, noun, n == 1 ? "" : "s");
    }

    /**
     * A number given on the command line that must be at least {@code min}: a nonsensical one
     * ({@code --limit 0}, a negative context) is refused with a message, never quietly changed.
     */
    static int atLeast(String option, int value, int min) {
        if (value < min) {
            throw new org.tamga.model.TamgaException(option + " must be " + (min == 0 ? "0 or more" : "at least " + min) + " (not " + value + ").");
        }
        return value;
    }
}
