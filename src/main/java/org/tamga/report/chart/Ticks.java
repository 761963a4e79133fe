package org.tamga.report.chart;

import java.util.ArrayList;
import java.util.List;

/**
 * Axis ticks for counts: whole numbers only, in steps of 1, 2 or 5 × 10ⁿ, from 0 to the first tick
 * at or above the largest value, at most {@link #MAX_INTERVALS} intervals.
 */
public record Ticks(long step, long max) {
    public static final int MAX_INTERVALS = 8;

    /** Ticks for values from 0 to {@code largest} (0 or less gives 0–1). */
    public static Ticks forMax(long largest) {
        if (largest <= 0) return new Ticks(1, 1);
        long magnitude = 1;
        while (true) {
            for (long m : new long[]{1, 2, 5}) {
                long step = m * magnitude;
                long intervals = (largest + step - 1) / step;
                if (intervals <= MAX_INTERVALS) return new Ticks(step, intervals * step);
            }
            magnitude *= 10;
        }
    }

    /** The tick values, 0 first. */
    public List<Long> values() {
        List<Long> out = new ArrayList<>();
        for (long v = 0; v <= max; v += step) out.add(v);
        return out;
    }
}
