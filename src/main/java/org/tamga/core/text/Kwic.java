package org.tamga.core.text;

/**
 * A keyword-in-context line: the match with up to N code points of text on either side, line
 * breaks and tabs shown as spaces so that every hit fits on one line.
 */
public record Kwic(String left, String match, String right) {

    public static Kwic of(Positions positions, int start, int end, int context) {
        int length = positions.length();
        int from = Math.max(0, start - context);
        int to = Math.min(length, end + context);
        return flattened(positions.substring(from, start), positions.substring(start, end), positions.substring(end, to));
    }

    /** The line from the context before, the match and the context after, as cut from the text: line breaks flattened, outer spaces trimmed. */
    public static Kwic flattened(String left, String match, String right) {
        return new Kwic(flat(left).stripLeading(), flat(match), flat(right).stripTrailing());
    }

    /** The whole line: left, match and right. */
    public String line() { return left + match + right; }

    private static String flat(String s) {
        // every character that breaks a line (\n \r, VT and FF from Word, NEL, U+2028/U+2029) or tabs
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r' || c == '\t' || c == '\u000B' || c == '\f' || c == '\u0085'
                    || c == '\u2028' || c == '\u2029') {
                if (out == null) out = new StringBuilder(s);
                out.setCharAt(i, ' ');
            }
        }
        return out == null ? s : out.toString();
    }
}
