package org.tamga.core.importing;

import org.tamga.core.text.TextDecoder;

/** The last touches every extracted text gets, whatever its format. */
final class Cleaning {
    private Cleaning() {}

    /**
     * Line endings {@code \n}; no control characters (Word's vertical tab becomes a line break,
     * form feeds and other controls go); no white space at line ends; at most one blank line
     * between paragraphs; no blank lines at the start or end; a final newline.
     */
    static String finish(String text) {
        String s = TextDecoder.normaliseLineEndings(text);
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\u000B' || c == '\u2028' || c == '\u2029') b.append('\n');
            else if (c == '\uFEFF' || c == '\u0000') continue;
            else if (c < 0x20 && c != '\n' && c != '\t') b.append(c == '\f' ? '\n' : ' ');
            else b.append(c);
        }
        String trimmed = trimLines(b.toString());
        StringBuilder out = new StringBuilder(trimmed.length() + 1);
        int newlines = 0;
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if (c == '\n') {
                if (++newlines <= 2) out.append(c);
            } else {
                newlines = 0;
                out.append(c);
            }
        }
        String result = out.toString().strip();
        return result.isEmpty() ? "" : result + "\n";
    }

    /** Removes white space at the end of every line and blank lines at the start and end. */
    static String trimLines(String s) {
        StringBuilder b = new StringBuilder(s.length());
        int lineStart = 0;
        for (int i = 0; i <= s.length(); i++) {
            if (i == s.length() || s.charAt(i) == '\n') {
                int end = i;
                while (end > lineStart && isBlank(s.charAt(end - 1))) end--;
                b.append(s, lineStart, end);
                if (i < s.length()) b.append('\n');
                lineStart = i + 1;
            }
        }
        int from = 0, to = b.length();
        while (from < to && b.charAt(from) == '\n') from++;
        while (to > from && b.charAt(to - 1) == '\n') to--;
        return b.substring(from, to);
    }

    static boolean isBlank(char c) { return c == ' ' || c == '\t' || c == '\u00A0' || c == '\u3000' || c == '\r'; }

    /** Han, kana, Hangul and full-width punctuation: scripts written without spaces between words. */
    static boolean isCjk(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA
                || (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF00 && cp <= 0xFFEF);
    }
}
