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
        return new Kwic(flat(positions.substring(from, start)).stripLeading(), flat(positions.substring(start, end)),
                flat(positions.substring(end, to)).stripTrailing());
    }

    /** The whole line: left, match and right. */
    public String line() { return left + match + right; }

    private static String flat(String s) {
        return s.replace('\n', ' ').replace('\t', ' ').replace('\r', ' ');
    }
}
