package org.tamga.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * A set of positions in one document held as sorted stretches [start, end) that neither overlap nor
 * touch (code points): what a coder's codings of a code cover, merged. Immutable.
 */
final class Stretches {
    static final Stretches NONE = new Stretches(new int[0]);

    /** start0, end0, start1, end1, … ascending; each end before the next start. */
    private final int[] bounds;

    private Stretches(int[] bounds) { this.bounds = bounds; }

    /** The union of the given [start, end) pairs (empty ones are left out). */
    static Stretches union(Collection<int[]> ranges) {
        List<int[]> sorted = new ArrayList<>();
        for (int[] r : ranges) if (r[0] < r[1]) sorted.add(r);
        sorted.sort((a, b) -> a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(a[1], b[1]));
        int[] out = new int[sorted.size() * 2];
        int n = 0;
        for (int[] r : sorted) {
            if (n > 0 && r[0] <= out[n - 1]) {
                out[n - 1] = Math.max(out[n - 1], r[1]);
            } else {
                out[n++] = r[0];
                out[n++] = r[1];
            }
        }
        return new Stretches(Arrays.copyOf(out, n));
    }

    static Stretches of(int start, int end) { return start < end ? new Stretches(new int[]{start, end}) : NONE; }

    int count() { return bounds.length / 2; }

    int start(int i) { return bounds[2 * i]; }

    int end(int i) { return bounds[2 * i + 1]; }

    boolean isEmpty() { return bounds.length == 0; }

    /** How many positions the set holds. */
    long size() {
        long n = 0;
        for (int i = 0; i < bounds.length; i += 2) n += bounds[i + 1] - bounds[i];
        return n;
    }

    /** The positions in both sets. */
    Stretches intersect(Stretches other) {
        int[] out = new int[bounds.length + other.bounds.length];
        int n = 0, i = 0, j = 0;
        while (i < bounds.length && j < other.bounds.length) {
            int s = Math.max(bounds[i], other.bounds[j]);
            int e = Math.min(bounds[i + 1], other.bounds[j + 1]);
            if (s < e) {
                out[n++] = s;
                out[n++] = e;
            }
            if (bounds[i + 1] < other.bounds[j + 1]) i += 2; else j += 2;
        }
        return new Stretches(Arrays.copyOf(out, n));
    }

    /** Whether the position is in the set. */
    boolean contains(int position) { return overlaps(position, position + 1); }

    /** The positions of this set that are not in {@code other}. */
    Stretches minus(Stretches other) {
        List<int[]> out = new ArrayList<>();
        for (int i = 0; i < count(); i++) out.addAll(other.gapsIn(start(i), end(i)));
        return union(out);
    }

    /** The longest stretch's length (0 when empty). */
    int longest() {
        int n = 0;
        for (int i = 0; i < count(); i++) n = Math.max(n, end(i) - start(i));
        return n;
    }

    /** Whether some position of [start, end) is in the set. */
    boolean overlaps(int start, int end) {
        int i = firstEndingAfter(start);
        return i < count() && start(i) < end && start < end;
    }

    /**
     * The stretches of [start, end) that are not in the set, as start, end pairs in order (the parts of
     * a unit a coder's codings leave uncovered).
     */
    List<int[]> gapsIn(int start, int end) {
        List<int[]> out = new ArrayList<>();
        int at = start;
        for (int i = firstEndingAfter(start); i < count() && start(i) < end; i++) {
            if (start(i) > at) out.add(new int[]{at, start(i)});
            at = Math.max(at, end(i));
        }
        if (at < end) out.add(new int[]{at, end});
        return out;
    }

    /** The index of the first stretch whose end is after {@code position} (count() when none). */
    private int firstEndingAfter(int position) {
        int lo = 0, hi = count();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (end(mid) <= position) lo = mid + 1; else hi = mid;
        }
        return lo;
    }
}
