package org.tamga.model;

/**
 * Text from a file or from a library (a parser's complaint, a content type, a part's name) put into a
 * message a researcher reads: on one line, and short. Every line break, tab and other control character
 * becomes a space; past {@code max} code points the text is cut with an ellipsis.
 */
public final class OneLine {
    private OneLine() {}

    public static String of(String s, int max) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder(Math.min(s.length(), max + 1));
        int count = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (count == max) return b + "\u2026";
            boolean control = Character.isISOControl(cp) || cp == 0x2028 || cp == 0x2029;
            b.appendCodePoint(control ? ' ' : cp);
            count++;
        }
        return b.toString();
    }
}
