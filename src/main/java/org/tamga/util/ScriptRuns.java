package org.tamga.util;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a text into runs of one writing system each, so that every run can be drawn in a typeface
 * made for it: English in a Latin face (with its own apostrophes and quotes, not a CJK font's
 * full-width ones), Chinese in a CJK face, traditional Mongolian in a Mongolian face.
 *
 * <p>Each code point is classified by {@link Character.UnicodeScript}. Characters that belong to no
 * script of their own (spaces, digits, punctuation, curly quotes and apostrophes, the Mongolian
 * narrow no-break space U+202F, combining marks) join the run before them, or the run after them
 * at the start of the text, so that {@code don’t} is one Latin run and {@code 阿Q说，} ends in a
 * Han run. The exception is CJK punctuation and full-width forms ({@code ，。、「」（）}, U+3000–303F,
 * U+FE30–FE4F, U+FF00–FF60, U+FFE0–FFEE), which belong with Chinese wherever they stand.
 *
 * <p>Positions are UTF-16 indices (a Java string's and the text area's unit). A run never splits a
 * surrogate pair. Pure Java: no fonts are consulted here ({@link BundledFonts#runs} does that).
 */
public final class ScriptRuns {
    private ScriptRuns() {}

    /** The writing systems Tamga chooses typefaces for; COMMON only for a text with no letters at all. */
    public enum Script { LATIN, CYRILLIC, HAN, MONGOLIAN, OTHER, COMMON }

    /** UTF-16 range [start, end) in one script. */
    public record Run(int start, int end, Script script) {
        public int length() { return end - start; }
    }

    /** The script of one code point, or COMMON for characters that take their neighbours'. */
    public static Script of(int codePoint) {
        if (isCjkPunctuation(codePoint)) return Script.HAN;
        Character.UnicodeScript s;
        try {
            s = Character.UnicodeScript.of(codePoint);
        } catch (IllegalArgumentException e) {
            return Script.COMMON;
        }
        return switch (s) {
            case LATIN -> Script.LATIN;
            case CYRILLIC -> Script.CYRILLIC;
            // kana, bopomofo and hangul are drawn by the same CJK face as Chinese
            case HAN, HIRAGANA, KATAKANA, BOPOMOFO, HANGUL -> Script.HAN;
            case MONGOLIAN -> Script.MONGOLIAN;
            case COMMON, INHERITED, UNKNOWN -> Script.COMMON;
            default -> Script.OTHER;
        };
    }

    private static boolean isCjkPunctuation(int c) {
        return (c >= 0x3000 && c <= 0x303F) || (c >= 0xFE30 && c <= 0xFE4F)
                || (c >= 0xFF00 && c <= 0xFF60 && Character.UnicodeScript.of(c) == Character.UnicodeScript.COMMON)
                || (c >= 0xFFE0 && c <= 0xFFEE);
    }

    /** The runs covering the whole text, in order; none for an empty text. */
    public static List<Run> of(CharSequence text) {
        return of(text, 0, text.length());
    }

    /** The runs covering [from, to) of the text (positions relative to the whole text). */
    public static List<Run> of(CharSequence text, int from, int to) {
        List<Run> runs = new ArrayList<>();
        if (to <= from) return runs;
        int start = from;
        Script current = Script.COMMON;
        int i = from;
        while (i < to) {
            int cp = Character.codePointAt(text, i);
            int next = Math.min(to, i + Character.charCount(cp));
            Script s = of(cp);
            if (s != Script.COMMON && s != current) {
                if (current == Script.COMMON) {
                    current = s; // leading neutral characters take the first script that follows
                } else {
                    runs.add(new Run(start, i, current));
                    start = i;
                    current = s;
                }
            }
            i = next;
        }
        runs.add(new Run(start, to, current));
        return runs;
    }
}
