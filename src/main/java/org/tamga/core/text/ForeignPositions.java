package org.tamga.core.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Positions written by another tool, read into Tamga's text (see docs/adr/0020).
 *
 * <p>REFI-QDA counts Unicode code points of the text file as it is. Tools do not all do so: some
 * count a Windows line break (CRLF) as one character because they work on the text with its line
 * breaks normalised, and some count UTF-16 units (an emoji or a rare CJK character as two). Tamga's
 * text has its line breaks normalised to LF, so each {@link Rule} maps positions differently as
 * soon as a text has a CRLF or a character outside the Basic Multilingual Plane.
 *
 * <p>One instance holds one text as the other tool stored it ({@code raw}); {@link #text()} is the
 * text Tamga keeps. {@link Evidence} weighs, over all selections of a file, which rule puts them on
 * their passages.
 */
public final class ForeignPositions {

    /** How a tool counts positions. */
    public enum Rule {
        /** Code points of the file as it is, a CRLF two characters: what REFI-QDA says. */
        STANDARD(true, false),
        /** Code points of the text with its line breaks normalised: a CRLF is one character. */
        CRLF_AS_ONE(false, false),
        /** UTF-16 units of the file as it is. */
        UTF16(true, true),
        /** UTF-16 units of the text with its line breaks normalised. */
        UTF16_CRLF_AS_ONE(false, true);

        final boolean crlfTwo;
        final boolean utf16;

        Rule(boolean crlfTwo, boolean utf16) {
            this.crlfTwo = crlfTwo;
            this.utf16 = utf16;
        }

        /** Whether this rule counts a CRLF as two characters. */
        public boolean crlfAsTwo() { return crlfTwo; }

        /** Whether this rule counts UTF-16 units rather than code points. */
        public boolean utf16Units() { return utf16; }
    }

    private final String raw;
    private final String text;
    /** UTF-16 indices (in {@code raw}) of the CR of every CRLF, ascending. */
    private final int[] crlf;
    private final Positions rawPositions;
    private final Positions textPositions;
    private final boolean supplementary;

    public ForeignPositions(String raw) {
        this.raw = raw;
        this.text = TextDecoder.normaliseLineEndings(raw);
        int n = 0;
        for (int i = raw.indexOf("\r\n"); i >= 0; i = raw.indexOf("\r\n", i + 2)) n++;
        crlf = new int[n];
        int k = 0;
        for (int i = raw.indexOf("\r\n"); i >= 0; i = raw.indexOf("\r\n", i + 2)) crlf[k++] = i;
        rawPositions = new Positions(raw);
        textPositions = new Positions(text);
        supplementary = textPositions.length() != text.length();
    }

    /** The text as Tamga keeps it (line breaks normalised to LF). */
    public String text() { return text; }

    /** Length of {@link #text()} in code points. */
    public int length() { return textPositions.length(); }

    public boolean hasCrlf() { return crlf.length > 0; }

    /** Whether the text has characters outside the Basic Multilingual Plane (emoji, CJK Extension B …). */
    public boolean hasSupplementary() { return supplementary; }

    /** Whether positions in this text depend on the rule at all. */
    public boolean ruleMatters() { return hasCrlf() || hasSupplementary(); }

    /**
     * The Tamga position (code point of {@link #text()}) of a position the tool wrote under
     * {@code rule}. A position past the end of the text maps past the end by as much, so the
     * caller sees how far it overshoots; a negative position stays negative.
     */
    public long toTamga(long position, Rule rule) {
        if (position < 0) return position;
        String v = rule.crlfTwo ? raw : text;
        long units = rule.utf16 ? v.length() : (rule.crlfTwo ? rawPositions : textPositions).length();
        if (position > units) return length() + (position - units);
        int u = utf16Index((int) position, rule);
        if (rule.crlfTwo) u -= countBelow(crlf, u);
        return textPositions.toCodePoint(u);
    }

    /** Whether a position, read by {@code rule}, falls between the CR and LF of a line break or inside a surrogate pair. */
    public boolean splits(long position, Rule rule) {
        if (position <= 0) return false;
        String v = rule.crlfTwo ? raw : text;
        long units = rule.utf16 ? v.length() : (rule.crlfTwo ? rawPositions : textPositions).length();
        if (position >= units) return false;
        int u = utf16Index((int) position, rule);
        if (rule.crlfTwo && v.charAt(u - 1) == '\r' && v.charAt(u) == '\n') return true;
        return rule.utf16 && Character.isHighSurrogate(v.charAt(u - 1)) && Character.isLowSurrogate(v.charAt(u));
    }

    private int utf16Index(int position, Rule rule) {
        if (rule.utf16) return position;
        return (rule.crlfTwo ? rawPositions : textPositions).toUtf16(position);
    }

    private static int countBelow(int[] sorted, int value) {
        int i = Arrays.binarySearch(sorted, value);
        return i >= 0 ? i : -i - 1;
    }

    /** Whether a code point position of {@link #text()} lies between words (or at an end), not inside one. */
    boolean isBoundary(long position) {
        if (position <= 0 || position >= length()) return true;
        int i = textPositions.toUtf16((int) position);
        int before = text.codePointBefore(i);
        int after = text.codePointAt(i);
        return !(Character.isLetterOrDigit(before) && Character.isLetterOrDigit(after));
    }

    /** The passage between two Tamga positions, cut to the text. */
    String passage(long start, long end) {
        int s = (int) Math.max(0, Math.min(start, length()));
        int e = (int) Math.max(s, Math.min(end, length()));
        return textPositions.substring(s, e);
    }

    /**
     * What the selections of one file say about the rule its tool used. Each selection scores
     * every rule: a lot when the passage a rule gives starts with the selection's name (ATLAS.ti,
     * MAXQDA and others name a selection after its text), a little for each end that falls
     * between words, minus when an end falls inside a CRLF or a surrogate pair, or past the end.
     */
    public static final class Evidence {
        static final int NAME = 10, BOUNDARY = 1, SPLIT = -5, PAST_END = -2;
        private final long[] score = new long[Rule.values().length];
        private int selections;
        private int telling;
        private boolean crlf;
        private boolean supplementary;

        /** Weighs one selection of a text (its positions as the file states them, and its name if any). */
        public void add(ForeignPositions text, long start, long end, String name) {
            if (!text.ruleMatters()) return;
            crlf |= text.hasCrlf();
            supplementary |= text.hasSupplementary();
            selections++;
            long[] s = new long[score.length];
            for (Rule r : Rule.values()) s[r.ordinal()] = score(text, start, end, name, r);
            if (Arrays.stream(s).distinct().count() > 1) telling++;
            for (int i = 0; i < s.length; i++) score[i] += s[i];
        }

        private static long score(ForeignPositions text, long start, long end, String name, Rule r) {
            long points = 0;
            long s = text.toTamga(start, r), e = text.toTamga(end, r);
            if (text.splits(start, r)) points += SPLIT;
            if (text.splits(end, r)) points += SPLIT;
            if (e > text.length()) points += PAST_END;
            if (text.isBoundary(s)) points += BOUNDARY;
            if (text.isBoundary(e)) points += BOUNDARY;
            String label = label(name);
            if (label != null && s >= 0 && s < e && collapse(text.passage(s, e)).startsWith(label)) points += NAME;
            return points;
        }

        /** A selection's name as a prefix of its passage: without a trailing ellipsis, blanks collapsed; null if too short to tell. */
        private static String label(String name) {
            if (name == null) return null;
            String n = name.strip();
            while (n.endsWith("…") || n.endsWith("...")) n = n.substring(0, n.length() - (n.endsWith("…") ? 1 : 3)).strip();
            n = collapse(n);
            return n.codePointCount(0, n.length()) >= 3 ? n : null;
        }

        private static String collapse(String s) { return s.strip().replaceAll("\\s+", " "); }

        /** Selections in texts where the rule matters. */
        public int selections() { return selections; }

        /** Selections that scored the rules differently. */
        public int telling() { return telling; }

        public boolean sawCrlf() { return crlf; }

        public boolean sawSupplementary() { return supplementary; }

        /** The best-scoring rule; on a tie, {@code preferred}, then the REFI-QDA rule, then the others in order. */
        public Rule decide(Rule preferred) {
            Set<Rule> order = new LinkedHashSet<>();
            order.add(preferred);
            order.addAll(List.of(Rule.values()));
            Rule best = null;
            for (Rule r : order) if (best == null || score[r.ordinal()] > score[best.ordinal()]) best = r;
            return best;
        }

        /** Every rule's score, for tests and reports. */
        public List<Long> scores() {
            List<Long> out = new ArrayList<>();
            for (long s : score) out.add(s);
            return out;
        }
    }
}
