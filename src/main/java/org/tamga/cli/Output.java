package org.tamga.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

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

    /** A value safe for one TSV field: tabs and line breaks become spaces. */
    static String field(String s) {
        return s == null ? "" : s.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    }

    /** At most {@code max} code points on one line, with an ellipsis when cut. */
    static String oneLine(String s, int max) {
        String flat = field(s);
        if (flat.codePointCount(0, flat.length()) <= max) return flat;
        return flat.substring(0, flat.offsetByCodePoints(0, max)) + "…";
    }
}
