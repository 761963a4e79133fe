package org.tamga.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/** Timings of repeated runs, in milliseconds, with nearest-rank percentiles. */
final class Latencies {
    private final List<Double> samples = new ArrayList<>();

    void add(double ms) { samples.add(ms); }

    void addAll(Latencies other) { samples.addAll(other.samples); }

    int count() { return samples.size(); }

    /** The p-th percentile (0 < p ≤ 100) by the nearest-rank method: a time that was really measured. */
    double percentile(double p) {
        if (samples.isEmpty()) return Double.NaN;
        double[] sorted = samples.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    double median() { return percentile(50); }

    static Latencies merged(Collection<Latencies> parts) {
        Latencies all = new Latencies();
        for (Latencies l : parts) all.addAll(l);
        return all;
    }

    /** Runs {@code work} and returns how long it took in milliseconds. */
    static double time(Runnable work) {
        long t0 = System.nanoTime();
        work.run();
        return (System.nanoTime() - t0) / 1e6;
    }
}
