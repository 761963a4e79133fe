package org.tamga.core.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Places selections that another tool made on its own plain text of a document onto the text
 * Tamga read from the same document (a DOCX or PDF in a {@code .qdpx} that came without that plain
 * text; docs/adr/0022). The two texts differ in paragraph breaks, running heads, page numbers,
 * footnotes and comments, so a position alone proves nothing. A selection is placed only when:
 *
 * <ol>
 *   <li>its name is its text: tools name a selection after the text it selects, so a name that is
 *       not blank and as long as the passage its positions span (allowing for the spaces and line
 *       breaks a name runs together) is taken as the selected text;</li>
 *   <li>that text occurs in Tamga's text (the same characters in the same order; spaces and line
 *       breaks are not compared) starting within a window around where the positions point: the
 *       tool's start shifted by as much as the selection placed before it was shifted, give or take
 *       {@value #MIN_WINDOW} characters plus a quarter of the distance from that selection (the
 *       differences between the two texts add up along a document);</li>
 *   <li>the occurrence nearest to that point is clearly the nearest: any other in the window is
 *       more than twice as far, plus {@value #MARGIN} characters.</li>
 * </ol>
 * Otherwise the selection is not placed, and {@link Reason} says why. Positions are code points.
 */
public final class NamedPassages {
    private NamedPassages() {}

    /** The window around the expected start is this many characters, plus a quarter of the distance from the last placed selection. */
    public static final int MIN_WINDOW = 100;
    /** Two occurrences are told apart when the farther is more than twice as far as the nearer, plus this. */
    public static final int MARGIN = 8;

    private static final Pattern SPACE = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);

    /** Why a selection was not placed. */
    public enum Reason {
        /** The selection has no name, so nothing tells what it selected. */
        NO_NAME,
        /** The name is shorter than the passage and ends with "…": only the passage's beginning is known. */
        CUT_NAME,
        /** The name's length differs from the passage's: it is a label, not the selected text. */
        NOT_THE_TEXT,
        /** The text does not occur in Tamga's text near where the positions point. */
        NOT_FOUND,
        /** The text occurs more than once near there, and none is clearly the nearest. */
        AMBIGUOUS
    }

    /** A selection as the tool wrote it: its name, and its positions in the tool's own text. */
    public record Wanted(String name, long start, long end) {}

    /** Where a selection lies in Tamga's text (code points, end exclusive), or why it was not placed ({@code reason} not null). */
    public record Result(int start, int end, Reason reason) {
        public boolean placed() { return reason == null; }
        static Result not(Reason r) { return new Result(-1, -1, r); }
    }

    /** Places each selection; the results are in the order of {@code wanted}. */
    public static List<Result> place(String text, List<Wanted> wanted) {
        Positions positions = new Positions(text);
        int length = positions.length();
        List<Result> results = new ArrayList<>(wanted.size());
        for (int i = 0; i < wanted.size(); i++) results.add(null);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < wanted.size(); i++) order.add(i);
        order.sort(Comparator.comparingLong((Integer i) -> Math.min(wanted.get(i).start(), wanted.get(i).end()))
                .thenComparingLong(i -> Math.max(wanted.get(i).start(), wanted.get(i).end())));
        long anchor = 0, shift = 0;
        for (int i : order) {
            Wanted w = wanted.get(i);
            long start = Math.min(w.start(), w.end()), end = Math.max(w.start(), w.end());
            Result r = placeOne(text, positions, length, w.name(), start, end, shift, Math.max(0, start - anchor));
            if (r.placed()) {
                anchor = start;
                shift = r.start() - start;
            }
            results.set(i, r);
        }
        return results;
    }

    private static Result placeOne(String text, Positions positions, int length, String rawName, long start, long end,
                                   long shift, long sinceAnchor) {
        String name = rawName == null ? "" : trim(rawName);
        if (name.isEmpty()) return Result.not(Reason.NO_NAME);
        int nameLength = name.codePointCount(0, name.length());
        List<String> words = java.util.Arrays.stream(SPACE.split(name)).filter(x -> !x.isEmpty()).toList();
        int runs = words.size() - 1;
        long supplementary = name.codePoints().filter(Character::isSupplementaryCodePoint).count();
        long span = end - start;
        // a name runs a line break (up to \r\n\r\n) together into one space, and leaves out what the selection had at its ends
        long allowance = 2 + 3L * runs + supplementary;
        if (Math.abs(span - nameLength) > allowance) {
            boolean cut = (name.endsWith("\u2026") || name.endsWith("...")) && nameLength < span;
            return Result.not(cut ? Reason.CUT_NAME : Reason.NOT_THE_TEXT);
        }
        StringBuilder regex = new StringBuilder();
        for (String word : words) {
            if (!regex.isEmpty()) regex.append("\\s*");
            regex.append(Pattern.quote(word));
        }
        Pattern pattern = Pattern.compile(regex.toString(), Pattern.UNICODE_CHARACTER_CLASS);

        long expected = Math.clamp(start + shift, 0, length);
        long window = MIN_WINDOW + sinceAnchor / 4;
        int from = positions.toUtf16((int) Math.max(0, expected - window));
        int lastStart = positions.toUtf16((int) Math.min(length, expected + window));
        int regionEnd = (int) Math.min(text.length(), (long) lastStart + 4L * name.length() + 256);
        Matcher m = pattern.matcher(text);
        int best = -1, bestEnd = -1;
        long bestDistance = Long.MAX_VALUE, secondDistance = Long.MAX_VALUE;
        for (int at = from; at <= lastStart; ) {
            m.region(at, regionEnd);
            if (!m.find() || m.start() > lastStart) break;
            int cp = positions.toCodePoint(m.start());
            long distance = Math.abs(cp - expected);
            if (distance < bestDistance) {
                secondDistance = bestDistance;
                bestDistance = distance;
                best = cp;
                bestEnd = positions.toCodePoint(m.end());
            } else if (distance < secondDistance) {
                secondDistance = distance;
            }
            at = m.start() + 1;
        }
        if (best < 0) return Result.not(Reason.NOT_FOUND);
        if (secondDistance != Long.MAX_VALUE && secondDistance <= 2 * bestDistance + MARGIN) return Result.not(Reason.AMBIGUOUS);
        return new Result(best, bestEnd, null);
    }

    /** The name without spaces and line breaks at its ends (no-break and ideographic spaces too). */
    private static String trim(String s) {
        int a = 0, b = s.length();
        while (a < b && isSpace(s.codePointAt(a))) a += Character.charCount(s.codePointAt(a));
        while (b > a && isSpace(s.codePointBefore(b))) b -= Character.charCount(s.codePointBefore(b));
        return s.substring(a, b);
    }

    private static boolean isSpace(int cp) {
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp);
    }
}
