package org.tamga.core.text;

import org.tamga.model.Turn;

import java.util.Arrays;
import java.util.List;

/**
 * Where the speaker labels of a transcript are written: for each turn, the stretch from the start
 * of the line its label is on to the turn's start ({@code Interviewer: }, {@code [00:01:23] 受访者：},
 * or a label alone on the line before the turn). The turn detector leaves labels out of turns; word
 * frequencies leave them out of the words counted, or every transcript would have its speakers'
 * labels among its most frequent words (ADR 38).
 */
public final class TurnLabels {
    private TurnLabels() {}

    /** The labels as sorted code point ranges, start and end of each in turn; empty without turns. */
    public static int[] ranges(String text, List<Turn> turns) {
        if (turns.isEmpty()) return new int[0];
        int[] lineStarts = lineStarts(text);
        int[] out = new int[turns.size() * 2];
        int n = 0, previousEnd = 0;
        List<Turn> sorted = turns.stream().sorted(java.util.Comparator.comparingInt(Turn::start)).toList();
        for (Turn t : sorted) {
            int line = Arrays.binarySearch(lineStarts, t.start());
            if (line < 0) line = -line - 2;
            int from = lineStarts[line];
            // a turn that starts a line has its label alone on the line before
            if (from == t.start() && line > 0) from = lineStarts[line - 1];
            from = Math.max(from, previousEnd); // never into the turn before
            previousEnd = Math.max(previousEnd, t.end());
            if (from >= t.start()) continue;
            out[n++] = from;
            out[n++] = t.start();
        }
        return Arrays.copyOf(out, n);
    }

    /** Code point positions where lines begin: 0 and after each \n. */
    private static int[] lineStarts(String text) {
        int[] out = new int[16];
        int n = 0, cp = 0;
        out[n++] = 0;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            cp++;
            if (c == '\n') {
                if (n == out.length) out = Arrays.copyOf(out, n * 2);
                out[n++] = cp;
            }
        }
        return Arrays.copyOf(out, n);
    }
}
