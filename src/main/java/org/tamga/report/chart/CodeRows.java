package org.tamga.report.chart;

import org.tamga.report.FrequencyReport;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/**
 * The codes a chart shows, in the order it shows them: every code that has codings, itself or
 * below it; each code's children right after it (depth-first), siblings by count, the largest first
 * (codings including sub-codes, then own codings, then codebook order).
 */
public final class CodeRows {
    private CodeRows() {}

    /** A code's row: its report row, its depth among the rows shown, and whether rows of its children follow. */
    public record Shown(FrequencyReport.Row row, int depth, boolean parent) {
        public int own() { return row.own().codings(); }
        public int total() { return row.withChildren().codings(); }
    }

    public static List<Shown> of(FrequencyReport report) {
        List<FrequencyReport.Row> rows = report.rows().stream().filter(r -> r.withChildren().codings() > 0).toList();
        Map<Long, Integer> treeOrder = new HashMap<>();
        Map<Long, FrequencyReport.Row> byId = new LinkedHashMap<>();
        for (FrequencyReport.Row r : rows) {
            treeOrder.put(r.code().id(), treeOrder.size());
            byId.put(r.code().id(), r);
        }
        Map<Long, List<FrequencyReport.Row>> children = new HashMap<>();
        List<FrequencyReport.Row> roots = new ArrayList<>();
        for (FrequencyReport.Row r : rows) {
            Long parent = r.code().parentId();
            if (parent != null && byId.containsKey(parent)) children.computeIfAbsent(parent, k -> new ArrayList<>()).add(r);
            else roots.add(r);
        }
        Comparator<FrequencyReport.Row> bySize = Comparator
                .comparingInt((FrequencyReport.Row r) -> r.withChildren().codings()).reversed()
                .thenComparing(Comparator.comparingInt((FrequencyReport.Row r) -> r.own().codings()).reversed())
                .thenComparingInt(r -> treeOrder.get(r.code().id()));
        List<Shown> out = new ArrayList<>();
        roots.sort(bySize);
        for (FrequencyReport.Row r : roots) walk(r, 0, children, bySize, out);
        return out;
    }

    private static void walk(FrequencyReport.Row row, int depth, Map<Long, List<FrequencyReport.Row>> children,
                             Comparator<FrequencyReport.Row> bySize, List<Shown> out) {
        List<FrequencyReport.Row> below = children.getOrDefault(row.code().id(), List.of());
        out.add(new Shown(row, depth, !below.isEmpty()));
        List<FrequencyReport.Row> sorted = new ArrayList<>(below);
        sorted.sort(bySize);
        for (FrequencyReport.Row c : sorted) walk(c, depth + 1, children, bySize, out);
    }

    /** A code's colour for a chart: its own, or a neutral grey when it has none (or not a "#RRGGBB"). */
    public static String colour(FrequencyReport.Row row) {
        String c = row.code().color();
        return c != null && c.matches("#[0-9A-Fa-f]{6}") ? c.toUpperCase(java.util.Locale.ROOT) : DEFAULT_COLOUR;
    }

    /** The colour of a code without one (as in the window). */
    public static final String DEFAULT_COLOUR = "#D9D9D9";

    /** A darker shade of a colour, for outlines that stay visible around pale fills. */
    public static String darker(String hex, double factor) {
        int rgb = Integer.parseInt(hex.substring(1), 16);
        int r = (int) (((rgb >> 16) & 0xFF) * factor), g = (int) (((rgb >> 8) & 0xFF) * factor), b = (int) ((rgb & 0xFF) * factor);
        return String.format(Locale.ROOT, "#%02X%02X%02X", r, g, b);
    }
}
