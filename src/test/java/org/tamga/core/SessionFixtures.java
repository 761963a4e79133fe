package org.tamga.core;

import org.tamga.model.Document;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Helpers shared by the search tests: importing texts written on the fly, and code point arithmetic done independently of {@code Positions}. */
public final class SessionFixtures {
    private SessionFixtures() {}

    /** Writes {@code text} to {@code <folder>/<name>.txt} (UTF-8) and imports that one file. */
    public static Document importText(ProjectSession session, Path folder, String name, String text) {
        try {
            Files.createDirectories(folder);
            Path file = folder.resolve(name + ".txt");
            Files.writeString(file, text, StandardCharsets.UTF_8);
            ImportReport report = session.importing().importFiles(List.of(file), null);
            assertTrue(report.ok(), () -> "import failed: " + report.failures());
            assertEquals(1, report.imported().size(), () -> "not imported: " + report);
            Document doc = report.imported().getFirst();
            assertEquals(text, session.documents().text(doc), "the imported text is stored as written");
            return doc;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text between two code point positions (not using Positions, which is under test). */
    public static String cpSubstring(String text, int start, int end) {
        return text.substring(text.offsetByCodePoints(0, start), text.offsetByCodePoints(0, end));
    }

    /** Code point ranges [start, end) of every occurrence of {@code needle} as a plain substring. */
    public static List<List<Integer>> substringRanges(String text, String needle) {
        List<List<Integer>> out = new ArrayList<>();
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            int s = text.codePointCount(0, i);
            out.add(List.of(s, s + needle.codePointCount(0, needle.length())));
        }
        return out;
    }

    /**
     * Like {@link #substringRanges} but case-insensitive (for scripts whose lower case keeps the
     * length) and only where the occurrence is a whole word: not preceded or followed by a letter,
     * digit, combining mark, or a Mongolian word-internal format character (U+180B–U+180E, U+202F).
     */
    public static List<List<Integer>> wordRanges(String text, String needle) {
        String lower = text.toLowerCase(Locale.ROOT);
        assertEquals(text.length(), lower.length(), "fixture must keep its length in lower case");
        String n = needle.toLowerCase(Locale.ROOT);
        List<List<Integer>> out = new ArrayList<>();
        for (int i = lower.indexOf(n); i >= 0; i = lower.indexOf(n, i + 1)) {
            int after = i + n.length();
            boolean startOk = i == 0 || !wordChar(lower.codePointBefore(i));
            boolean endOk = after >= lower.length() || !wordChar(lower.codePointAt(after));
            if (startOk && endOk) {
                int s = text.codePointCount(0, i);
                out.add(List.of(s, s + n.codePointCount(0, n.length())));
            }
        }
        return out;
    }

    private static boolean wordChar(int cp) {
        if (Character.isLetterOrDigit(cp)) return true;
        int type = Character.getType(cp);
        if (type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK) return true;
        return cp == 0x202F || (cp >= 0x180B && cp <= 0x180F);
    }
}
