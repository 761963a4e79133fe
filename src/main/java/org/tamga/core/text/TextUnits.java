package org.tamga.core.text;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/**
 * The sentences and paragraphs of one document's text, and a little context around a passage:
 * what bulk coding widens a search hit to, and what a quote report shows around a passage. All
 * positions in and out are code points (ADR 2). See docs/adr/0032-coding-units-and-quote-reports.md.
 *
 * <ul>
 *   <li>A <b>paragraph</b> is a line: text between line breaks. Blank lines separate nothing more than
 *       a single line break does and are never a paragraph of their own (Tamga's importers write one
 *       blank line between the paragraphs of a Word or PDF file; a plain-text transcript may have one
 *       turn per line). Paragraphs are numbered from 1, blank lines not counted.</li>
 *   <li>A <b>sentence</b> ends after {@code 。！？!?｡}, the Mongolian full stops {@code ᠃} (U+1803) and
 *       {@code ᠉} (U+1809), an ellipsis ({@code …}, {@code ……}, {@code ...}) or a full stop {@code .},
 *       together with the closing quotes and brackets after them ({@code 。”}, {@code ?)}), and at every
 *       line break. A full stop does not end a sentence between digits ({@code 3.5}), before a letter
 *       ({@code e.g}, {@code www.x.org}), after a common abbreviation ({@code Mr.}, {@code Dr.},
 *       {@code e.g.}, {@code т.е.}); a full stop or an ellipsis followed by a small letter does not either
 *       ({@code well... maybe}).</li>
 *   <li>A widened passage is trimmed of white space, and starts after the speaker's label when it starts
 *       on the label's line before the turn ({@code Interviewer: }, {@code 访谈者：},
 *       {@code [00:01:23] Name: }): the label is where the stored turn begins. It always holds the whole
 *       of the passage it was widened from.</li>
 * </ul>
 */
public final class TextUnits {
    private final String text;
    private final Positions positions;
    /** UTF-16 index where each line starts. */
    private final int[] lineStarts;
    /** How many non-blank lines come before each line. */
    private final int[] paragraphsBefore;
    /** UTF-16 indices where the document's speaker turns start, ascending. */
    private final int[] turnStarts;

    /**
     * @param text       the document's text
     * @param turnStarts code point positions where its speaker turns start (after their labels), in any order; may be empty
     */
    public TextUnits(String text, int[] turnStarts) {
        this.text = text;
        this.positions = new Positions(text);
        int lines = 1;
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
        lineStarts = new int[lines];
        paragraphsBefore = new int[lines];
        int k = 0, count = 0;
        int start = 0;
        while (true) {
            int nl = text.indexOf('\n', start);
            int end = nl < 0 ? text.length() : nl;
            lineStarts[k] = start;
            paragraphsBefore[k] = count;
            if (!blank(start, end)) count++;
            k++;
            if (nl < 0) break;
            start = nl + 1;
        }
        this.turnStarts = new int[turnStarts.length];
        for (int i = 0; i < turnStarts.length; i++) this.turnStarts[i] = positions.toUtf16(turnStarts[i]);
        Arrays.sort(this.turnStarts);
    }

    /** The text's length in code points. */
    public int length() { return positions.length(); }

    /** The text between two code point positions. */
    public String substring(int start, int end) { return positions.substring(start, end); }

    /** The sentence (or sentences) holding the passage [start, end), as [start, end) in code points. */
    public int[] sentence(int start, int end) {
        int hs = positions.toUtf16(start), he = positions.toUtf16(end);
        int[] first = sentenceAt(hs);
        int[] last = he - 1 > hs ? sentenceAt(he - 1) : first;
        return widened(first[0], last[1], hs, he);
    }

    /** The paragraph (or paragraphs) holding the passage [start, end), as [start, end) in code points. */
    public int[] paragraph(int start, int end) {
        int hs = positions.toUtf16(start), he = positions.toUtf16(end);
        int first = line(hs), last = line(Math.max(hs, he - 1));
        return widened(lineStarts[first], lineEnd(last), hs, he);
    }

    /**
     * Every paragraph of the text in order, as [start, end) in code points: each line that is not
     * blank, trimmed of white space, and starting after a speaker's label where a turn starts on the
     * line after its first character (as {@link #paragraph} leaves the label out).
     */
    public java.util.List<int[]> paragraphs() {
        java.util.List<int[]> out = new java.util.ArrayList<>();
        for (int k = 0; k < lineStarts.length; k++) {
            int[] t = trim(lineStarts[k], lineEnd(k));
            if (t[0] >= t[1]) continue;
            int s = t[0];
            int i = Arrays.binarySearch(turnStarts, s + 1);
            int next = i >= 0 ? i : -i - 1; // the first turn start after s
            if (next < turnStarts.length && turnStarts[next] < t[1]) s = turnStarts[next];
            out.add(new int[]{positions.toCodePoint(s), positions.toCodePoint(t[1])});
        }
        return out;
    }

    /** The number (from 1; blank lines not counted) of the paragraph at a code point position; on a blank line, the next paragraph's. */
    public int paragraphNumber(int position) {
        int at = positions.toUtf16(Math.max(0, Math.min(position, length())));
        return paragraphsBefore[line(at)] + 1;
    }

    /**
     * Up to {@code max} code points of text before {@code start}, on one line (line breaks and runs of
     * white space become one space, white space at either end is left out), not starting inside a word of a script written with spaces
     * (Latin, Cyrillic, Mongolian) nor with the punctuation that ends what was cut off; "…" before it
     * when the text goes on further back.
     */
    public String contextBefore(int start, int max) {
        int to = positions.toUtf16(start);
        int fromCp = Math.max(0, start - Math.max(0, max));
        int from = positions.toUtf16(fromCp);
        if (fromCp > 0 && wordChar(text.codePointBefore(from)) && wordChar(text.codePointAt(from))) {
            int p = from;
            while (p < to && wordChar(text.codePointAt(p))) p += Character.charCount(text.codePointAt(p));
            if (p < to) from = p; // else one long word: cut it at a character
        }
        while (from < to && isMark(text.codePointAt(from))) from += Character.charCount(text.codePointAt(from));
        // what ends the sentence before the cut ("…. The") is no context
        if (from > 0) while (from < to && (trailing(text.codePointAt(from)) || isSpace(text.charAt(from)))) from += Character.charCount(text.codePointAt(from));
        String s = oneLine(text.substring(from, to)).strip();
        return from > 0 && !s.isEmpty() ? "…" + s : s;
    }

    /** Like {@link #contextBefore}, after {@code end}: never ending inside a word; "…" after it when the text goes on. */
    public String contextAfter(int end, int max) {
        int from = positions.toUtf16(end);
        int toCp = Math.min(length(), end + Math.max(0, max));
        int to = positions.toUtf16(toCp);
        if (toCp < length() && wordChar(text.codePointBefore(to)) && wordChar(text.codePointAt(to))) {
            int p = to;
            while (p > from && wordChar(text.codePointBefore(p))) p -= Character.charCount(text.codePointBefore(p));
            if (p > from) to = p;
        }
        while (to < text.length() && isMark(text.codePointAt(to))) to += Character.charCount(text.codePointAt(to));
        String s = oneLine(text.substring(from, to)).strip();
        return to < text.length() && !s.isEmpty() ? s + "…" : s;
    }

    // ---- sentences ---------------------------------------------------------------------------

    /** Ends a sentence wherever it stands. */
    private static final String STRONG = "。！？!?｡᠃᠉";
    /** Ends a sentence unless the rules for full stops and ellipses say otherwise. */
    private static final String WEAK = ".．…";
    /** Closing quotes and brackets that belong to the sentence they follow. */
    private static final String CLOSERS = "”’\"'）)」』】》〉］]｝}»›";
    /** Words after which a full stop does not end the sentence (lower case, without the last full stop). */
    static final Set<String> ABBREVIATIONS = Set.of("mr", "mrs", "ms", "dr", "prof", "st", "sr", "jr", "mt", "vs", "e.g",
            "i.e", "cf", "approx", "ca", "al", "fig", "dept", "u.s", "u.k", "т.е", "т.к", "г", "гг", "ул");

    /** [start, end) in UTF-16 of the sentence holding the character at {@code at}, trimmed. */
    private int[] sentenceAt(int at) {
        int k = line(at);
        int ls = lineStarts[k], le = lineEnd(k);
        int begin = ls;
        for (int j = ls; j < le; ) {
            char c = text.charAt(j);
            if (STRONG.indexOf(c) < 0 && WEAK.indexOf(c) < 0) { j++; continue; }
            int marks = j;
            while (marks < le && (STRONG.indexOf(text.charAt(marks)) >= 0 || WEAK.indexOf(text.charAt(marks)) >= 0)) marks++;
            int run = marks;
            while (run < le && (CLOSERS.indexOf(text.charAt(run)) >= 0 || STRONG.indexOf(text.charAt(run)) >= 0
                    || WEAK.indexOf(text.charAt(run)) >= 0)) run++;
            if (ends(j, marks, run, ls, le)) {
                if (at < run) return trim(begin, run);
                begin = run;
            }
            j = run;
        }
        return trim(begin, le);
    }

    /** Whether the punctuation [j, marks), with closers up to {@code run}, ends a sentence on the line [ls, le). */
    private boolean ends(int j, int marks, int run, int ls, int le) {
        for (int i = j; i < marks; i++) if (STRONG.indexOf(text.charAt(i)) >= 0) return true;
        boolean fullStop = marks - j == 1 && text.charAt(j) != '…';
        if (fullStop) {
            if (marks < le) {
                int next = text.codePointAt(marks);
                // 3.5, e.g, www.example.org, Б.Батбаяр: a full stop inside a word or number
                if (Character.isLetterOrDigit(next) && !ideographic(next)) return false;
            }
            int w = j;
            while (w > ls && (Character.isLetter(text.charAt(w - 1)) || text.charAt(w - 1) == '.')) w--;
            if (w < j && ABBREVIATIONS.contains(text.substring(w, j).toLowerCase(Locale.ROOT))) return false;
        }
        // "well... maybe", "т.е. одоо": what follows in small letters goes on with the sentence
        int n = run;
        while (n < le && isSpace(text.charAt(n))) n++;
        return !(n < le && Character.isLowerCase(text.codePointAt(n)));
    }

    // ---- shared ------------------------------------------------------------------------------

    /** Trims [s, e) (UTF-16), starts it after a speaker's label, makes it hold the hit [hs, he), and gives it in code points. */
    private int[] widened(int s, int e, int hs, int he) {
        int[] t = trim(s, e);
        s = afterLabel(t[0], hs);
        e = t[1];
        s = Math.min(s, hs);
        e = Math.max(e, he);
        return new int[]{positions.toCodePoint(s), positions.toCodePoint(e)};
    }

    /**
     * Where a passage starting at {@code s} starts once the speaker's label is left out: at the start of
     * a turn on the same line after {@code s}, when the hit (at {@code hs}) is not inside the label.
     */
    private int afterLabel(int s, int hs) {
        int i = Arrays.binarySearch(turnStarts, hs);
        int at = i >= 0 ? i : -i - 2; // the last turn start at or before the hit
        if (at < 0) return s;
        int t = turnStarts[at];
        if (t <= s) return s;
        for (int p = s; p < t; p++) if (text.charAt(p) == '\n') return s;
        return t;
    }

    private int[] trim(int s, int e) {
        while (s < e && isSpace(text.charAt(s))) s++;
        while (e > s && isSpace(text.charAt(e - 1))) e--;
        return new int[]{s, e};
    }

    /** The line holding the UTF-16 index {@code at} (a line break belongs to the line it ends). */
    private int line(int at) {
        int i = Arrays.binarySearch(lineStarts, at);
        return i >= 0 ? i : -i - 2;
    }

    /** Where line k ends (before its line break). */
    private int lineEnd(int k) { return k + 1 < lineStarts.length ? lineStarts[k + 1] - 1 : text.length(); }

    private boolean blank(int s, int e) {
        for (int i = s; i < e; i++) if (!isSpace(text.charAt(i))) return false;
        return true;
    }

    static boolean isSpace(char c) { return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\uFEFF'; }

    /** Punctuation that closes what comes before it: full stops, commas, colons, closing brackets and quotes. */
    private static boolean trailing(int cp) {
        int type = Character.getType(cp);
        return type == Character.OTHER_PUNCTUATION || type == Character.END_PUNCTUATION || type == Character.FINAL_QUOTE_PUNCTUATION
                || type == Character.CONNECTOR_PUNCTUATION || type == Character.DASH_PUNCTUATION;
    }

    private static boolean isMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK || type == Character.ENCLOSING_MARK
                || (cp >= 0x180B && cp <= 0x180F);
    }

    /** A character inside a word of a script that separates words with spaces (not Han, kana, Thai …). */
    private static boolean wordChar(int cp) {
        if (cp == 0x202F || (cp >= 0x180B && cp <= 0x180F) || isMark(cp)) return true; // Mongolian suffix space and variation selectors
        return Character.isLetterOrDigit(cp) && !ideographic(cp);
    }

    private static boolean ideographic(int cp) {
        Character.UnicodeScript s = Character.UnicodeScript.of(cp);
        return Character.isIdeographic(cp) || s == Character.UnicodeScript.HAN || s == Character.UnicodeScript.HIRAGANA
                || s == Character.UnicodeScript.KATAKANA || s == Character.UnicodeScript.THAI || s == Character.UnicodeScript.LAO
                || s == Character.UnicodeScript.KHMER || s == Character.UnicodeScript.MYANMAR || s == Character.UnicodeScript.TIBETAN;
    }

    private static String oneLine(String s) {
        StringBuilder b = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isSpace(c) && c != '\u202F') {
                space = true;
            } else {
                if (space) b.append(' ');
                space = false;
                b.append(c);
            }
        }
        if (space) b.append(' ');
        return b.toString();
    }
}
