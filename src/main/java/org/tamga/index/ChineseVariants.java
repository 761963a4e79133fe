package org.tamga.index;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Simplified and traditional forms of Han characters, so that a search for 草场 also finds 草場 and
 * the other way round. The table {@code hant-hans.txt} holds every character that ICU4J's
 * {@code Traditional-Simplified} transliteration changes into one other character (3,074 of the
 * 28,160 in the CJK Unified Ideographs, Extension A and compatibility blocks), as pairs of code
 * points: traditional, simplified. It is generated from ICU (computing it takes ICU 0.4 s, reading
 * it a few milliseconds); {@code ChineseVariantsTest} checks that it still equals ICU's output.
 * Only queries use it: the index holds the text as written, so positions point at the text as written.
 */
public final class ChineseVariants {
    private ChineseVariants() {}

    private static final class Table {
        static final Map<Integer, Integer> SIMPLIFIED = new HashMap<>();
        static final Map<Integer, int[]> FORMS = new HashMap<>();
        static {
            try (InputStream in = ChineseVariants.class.getResourceAsStream("hant-hans.txt")) {
                if (in == null) throw new IllegalStateException("hant-hans.txt is missing from the classpath");
                int[] cps = new String(in.readAllBytes(), StandardCharsets.UTF_8).codePoints().filter(c -> c != '\n').toArray();
                for (int i = 0; i + 1 < cps.length; i += 2) SIMPLIFIED.put(cps[i], cps[i + 1]);
                // grouped by their final simplified form (a simplified form that ICU simplifies again is followed)
                Map<Integer, java.util.Set<Integer>> groups = new HashMap<>();
                for (int c : SIMPLIFIED.keySet()) {
                    int s = canonical(c);
                    java.util.Set<Integer> g = groups.computeIfAbsent(s, k -> new java.util.TreeSet<>(java.util.List.of(k)));
                    g.add(c);
                }
                groups.forEach((s, g) -> {
                    int[] a = g.stream().mapToInt(Integer::intValue).toArray();
                    for (int c : a) FORMS.put(c, a);
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static int canonical(int c) {
        for (int i = 0; i < 4; i++) {
            Integer s = Table.SIMPLIFIED.get(c);
            if (s == null || s == c) return c;
            c = s;
        }
        return c;
    }

    /** The simplified form of a character (the character itself if ICU leaves it as it is). */
    public static int simplified(int codePoint) {
        return Table.SIMPLIFIED.isEmpty() ? codePoint : canonical(codePoint);
    }

    /** Every form of a character that has the same simplified form, itself included: 发 → 发 發 髮. */
    public static int[] forms(int codePoint) {
        int[] all = Table.FORMS.get(codePoint);
        return all == null ? new int[]{codePoint} : all;
    }

    /** The pairs (traditional, simplified) of the table, for the test that compares it with ICU. */
    static Map<Integer, Integer> table() { return Map.copyOf(Table.SIMPLIFIED); }
}
