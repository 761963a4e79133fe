package org.tamga.report;

import org.tamga.model.Code;
import org.tamga.model.TamgaException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Which codes occur together, for every pair of codes, under one {@link Rule}: how many times
 * ({@code cooccurrences}), in how many documents, and two normalised measures, the Jaccard index
 * and the c-coefficient ATLAS.ti reports. See docs/adr/0042-cooccurrence-and-crosstabs.md.
 *
 * <ul>
 *   <li>Under {@code overlap} and {@code distance:N} a co-occurrence is a pair of codings, one of each
 *       code, that share a character (overlap) or lie at most N characters apart (distance; touching or
 *       overlapping codings are 0 apart). The Jaccard index is over characters: those coded with both
 *       codes among those coded with either. The c-coefficient is n₁₂ / (n₁ + n₂ − n₁₂) with n the
 *       codings of each code; like ATLAS.ti's it can pass 1 when one long coding meets many short ones.</li>
 *   <li>Under {@code turn}, {@code paragraph} and {@code document} a co-occurrence is a unit (speaker
 *       turn, paragraph, document) that holds codings of both codes (a coding is in every unit it
 *       overlaps); the Jaccard index and the c-coefficient are then the same number, units with both among
 *       units with either.</li>
 * </ul>
 * Two codings of one code never pair with each other; a coding never pairs with itself (which
 * matters when codes are counted with their children).
 */
public final class Cooccurrence {

    /** When two codings count as occurring together. */
    public enum Kind { OVERLAP, DISTANCE, TURN, PARAGRAPH, DOCUMENT }

    /** A rule: its kind and, for {@code distance}, the largest gap in characters. */
    public record Rule(Kind kind, int distance) {
        public Rule {
            if (distance < 0) throw new TamgaException("A distance cannot be negative (not " + distance + ").");
            if (kind != Kind.DISTANCE) distance = 0;
        }

        /** Whether co-occurrences are units (turns, paragraphs, documents) rather than pairs of codings. */
        public boolean byUnit() { return kind == Kind.TURN || kind == Kind.PARAGRAPH || kind == Kind.DOCUMENT; }

        /** overlap, distance:N, turn, paragraph, document: as the command line writes it. */
        public String label() { return kind == Kind.DISTANCE ? "distance:" + distance : kind.name().toLowerCase(Locale.ROOT); }

        public static final Rule OVERLAP = new Rule(Kind.OVERLAP, 0);

        /** overlap, distance:N (N ≥ 0), turn, paragraph or document; a clear error otherwise. */
        public static Rule parse(String text) {
            String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
            if (t.startsWith("distance:")) {
                String n = t.substring("distance:".length()).strip();
                try {
                    int d = Integer.parseInt(n);
                    if (d >= 0) return new Rule(Kind.DISTANCE, d);
                } catch (NumberFormatException e) {
                    // said below
                }
                throw new TamgaException("Give the distance as a number of characters, 0 or more, e.g. distance:50 (not \u201C" + text + "\u201D).");
            }
            for (Kind k : Kind.values()) {
                if (k != Kind.DISTANCE && k.name().equalsIgnoreCase(t)) return new Rule(k, 0);
            }
            throw new TamgaException("No co-occurrence rule \u201C" + text + "\u201D (rules: overlap, distance:N, turn, paragraph, document).");
        }
    }

    /** One pair's numbers. */
    public record Cell(int cooccurrences, int documents, double jaccard, double cCoefficient) {
        public static final Cell EMPTY = new Cell(0, 0, 0, 0);
    }

    private final Rule rule;
    private final List<Code> codes;
    private final List<String> paths;
    private final int documents;
    /** Per code: codings (coding rules) or units (unit rules) in the analysis. */
    private final int[] occurrences;
    private final long[] characters;
    private final int[][] pairs;
    private final int[][] pairDocuments;
    private final long[][] sharedCharacters;

    private Cooccurrence(Rule rule, List<Code> codes, List<String> paths, int documents, int[] occurrences, long[] characters,
                         int[][] pairs, int[][] pairDocuments, long[][] sharedCharacters) {
        this.rule = rule;
        this.codes = codes;
        this.paths = paths;
        this.documents = documents;
        this.occurrences = occurrences;
        this.characters = characters;
        this.pairs = pairs;
        this.pairDocuments = pairDocuments;
        this.sharedCharacters = sharedCharacters;
    }

    public Rule rule() { return rule; }

    /** The codes, in codebook order: the rows and columns of the table. */
    public List<Code> codes() { return codes; }

    /** Each code's path in the codebook ("Capability › Education"), in the order of {@link #codes()}. */
    public List<String> paths() { return paths; }

    /** How many documents the analysis covered. */
    public int documentCount() { return documents; }

    /** Codings (overlap, distance) or units (turn, paragraph, document) of the code at index i. */
    public int occurrences(int i) { return occurrences[i]; }

    /** The numbers of the pair of codes at indices i and j (the same for j, i); empty on the diagonal. */
    public Cell cell(int i, int j) {
        if (i == j) return Cell.EMPTY;
        int a = Math.min(i, j), b = Math.max(i, j);
        int n = pairs[a][b];
        if (n == 0) return Cell.EMPTY;
        double c = (double) n / (occurrences[a] + occurrences[b] - n);
        double jaccard;
        if (rule.byUnit()) {
            jaccard = c;
        } else {
            long shared = sharedCharacters[a][b];
            long either = characters[a] + characters[b] - shared;
            jaccard = either == 0 ? 0 : (double) shared / either;
        }
        return new Cell(n, pairDocuments[a][b], jaccard, c);
    }

    /** The largest number of co-occurrences in any pair (0 when none). */
    public int largest() {
        int max = 0;
        for (int[] row : pairs) for (int v : row) max = Math.max(max, v);
        return max;
    }

    /** The codings to count: per coding, the codes it counts for (its own, and its ancestors when asked), its document and passage. */
    public static final class Input {
        private int size;
        private int[] code = new int[1024], doc = new int[1024], coding = new int[1024];
        private long[] position = new long[1024];

        /** @param coding an ordinal that is the same for the entries of one coding (counted for several codes) */
        public void add(int codeIndex, int documentIndex, int codingOrdinal, int start, int end) {
            if (size == code.length) {
                int c = size + (size >> 1);
                code = Arrays.copyOf(code, c);
                doc = Arrays.copyOf(doc, c);
                coding = Arrays.copyOf(coding, c);
                position = Arrays.copyOf(position, c);
            }
            code[size] = codeIndex;
            doc[size] = documentIndex;
            coding[size] = codingOrdinal;
            position[size] = (long) start << 32 | (end & 0xFFFF_FFFFL);
            size++;
        }

        public int size() { return size; }
    }

    /**
     * Where the units of a document lie, for the unit rules: a passage is in every unit from
     * {@code first} to {@code last} (inclusive), or in none when {@code first} is negative.
     */
    public interface Units {
        /** The first unit index the passage [start, end) of the document overlaps, or -1 for none. */
        int first(int document, int start, int end);

        /** The last unit index it overlaps (only asked when {@link #first} found one). */
        int last(int document, int start, int end);

        Units WHOLE_DOCUMENT = new Units() {
            @Override public int first(int document, int start, int end) { return 0; }
            @Override public int last(int document, int start, int end) { return 0; }
        };
    }

    /**
     * @param codes     the codes of the table (codebook order), indexed as in the input
     * @param paths     their codebook paths
     * @param documents how many documents the input may hold (indices below it)
     * @param units     for the unit rules (ignored by overlap and distance)
     */
    public static Cooccurrence build(Rule rule, List<Code> codes, List<String> paths, int documents, Input in, Units units) {
        int k = codes.size(), n = in.size;
        if (k > 0xFFFF) throw new TamgaException("Co-occurrence counts up to 65,535 codes (this codebook has " + k + ").");
        int[][] pairs = new int[k][k], pairDocuments = new int[k][k], seenIn = new int[k][k];
        long[][] shared = new long[k][k];
        for (int[] row : seenIn) Arrays.fill(row, -1);
        int[] occurrences = new int[k];
        long[] characters = new long[k];

        // entries grouped by document (a counting sort), each document's by start
        int[] docStart = new int[documents + 1];
        for (int i = 0; i < n; i++) docStart[in.doc[i] + 1]++;
        for (int d = 0; d < documents; d++) docStart[d + 1] += docStart[d];
        int[] order = new int[n];
        int[] fill = Arrays.copyOf(docStart, documents);
        for (int i = 0; i < n; i++) order[fill[in.doc[i]]++] = i;
        long[] key = new long[n];
        for (int d = 0; d < documents; d++) {
            int from = docStart[d], to = docStart[d + 1];
            if (to - from < 1) continue;
            // sort this document's entries by start: the position's high half is the start; the entry in the low bits
            for (int j = from; j < to; j++) key[j] = (long) (int) (in.position[order[j]] >>> 32) << 32 | order[j];
            Arrays.sort(key, from, to);
            for (int j = from; j < to; j++) order[j] = (int) key[j];
        }

        Sweep sweep = new Sweep(k);
        for (int d = 0; d < documents; d++) {
            int from = docStart[d], to = docStart[d + 1];
            if (from == to) continue;
            if (rule.byUnit()) unitPairs(in, order, from, to, d, units, pairs, pairDocuments, seenIn, occurrences);
            else {
                codingPairs(in, order, from, to, d, rule.distance(), rule.kind() == Kind.OVERLAP, pairs, pairDocuments, seenIn, occurrences);
                sweep.characters(in, order, from, to, characters, shared);
            }
        }
        return new Cooccurrence(rule, List.copyOf(codes), List.copyOf(paths), documents, occurrences, characters, pairs, pairDocuments, shared);
    }

    private static void count(int a, int b, int d, int[][] pairs, int[][] pairDocuments, int[][] seenIn) {
        int x = Math.min(a, b), y = Math.max(a, b);
        pairs[x][y]++;
        if (seenIn[x][y] != d) {
            seenIn[x][y] = d;
            pairDocuments[x][y]++;
        }
    }

    private static void codingPairs(Input in, int[] order, int from, int to, int d, int distance, boolean overlapOnly,
                                    int[][] pairs, int[][] pairDocuments, int[][] seenIn, int[] occurrences) {
        for (int i = from; i < to; i++) {
            int e = order[i];
            occurrences[in.code[e]]++;
            int end = (int) in.position[e];
            long reach = overlapOnly ? end : (long) end + distance; // a later start within reach pairs (strictly before the end for overlap)
            for (int j = i + 1; j < to; j++) {
                int f = order[j];
                int start = (int) (in.position[f] >>> 32);
                if (overlapOnly ? start >= reach : start > reach) break;
                if (in.code[f] == in.code[e] || in.coding[f] == in.coding[e]) continue;
                count(in.code[e], in.code[f], d, pairs, pairDocuments, seenIn);
            }
        }
    }

    private static void unitPairs(Input in, int[] order, int from, int to, int d, Units units,
                                  int[][] pairs, int[][] pairDocuments, int[][] seenIn, int[] occurrences) {
        // (unit, code, coding) of every entry, packed in 25 + 16 + 22 bits, the coding numbered within the document
        java.util.Map<Integer, Integer> local = new java.util.HashMap<>();
        long[] packed = new long[Math.max(4, (to - from) * 2)];
        int m = 0;
        for (int i = from; i < to; i++) {
            int e = order[i];
            int start = (int) (in.position[e] >>> 32), end = (int) in.position[e];
            int first = units.first(d, start, end);
            if (first < 0) continue;
            int last = units.last(d, start, end);
            long coding = local.computeIfAbsent(in.coding[e], x -> local.size());
            for (int u = first; u <= last; u++) {
                if (m == packed.length) packed = Arrays.copyOf(packed, m * 2);
                packed[m++] = (long) u << 38 | (long) in.code[e] << 22 | coding;
            }
        }
        Arrays.sort(packed, 0, m);
        int[] codesIn = new int[16], codingOf = new int[16];
        boolean[] several = new boolean[16];
        int i = 0;
        while (i < m) {
            long unit = packed[i] >>> 38;
            int distinct = 0;
            for (; i < m && packed[i] >>> 38 == unit; i++) {
                int code = (int) (packed[i] >>> 22 & 0xFFFF), coding = (int) (packed[i] & 0x3F_FFFF);
                if (distinct > 0 && codesIn[distinct - 1] == code) {
                    if (codingOf[distinct - 1] != coding) several[distinct - 1] = true;
                    continue;
                }
                if (distinct == codesIn.length) {
                    codesIn = Arrays.copyOf(codesIn, distinct * 2);
                    codingOf = Arrays.copyOf(codingOf, distinct * 2);
                    several = Arrays.copyOf(several, distinct * 2);
                }
                codesIn[distinct] = code;
                codingOf[distinct] = coding;
                several[distinct] = false;
                distinct++;
            }
            for (int x = 0; x < distinct; x++) {
                occurrences[codesIn[x]]++;
                for (int y = x + 1; y < distinct; y++) {
                    // one coding counted for a code and the code above it is not a pair
                    if (!several[x] && !several[y] && codingOf[x] == codingOf[y]) continue;
                    count(codesIn[x], codesIn[y], d, pairs, pairDocuments, seenIn);
                }
            }
        }
    }

    /** Characters covered by each code, and by each pair of codes, in one document: a sweep over the codings' ends. */
    private static final class Sweep {
        private final int[] active;      // per code: how many of its codings cover the current stretch
        private final int[] activeList;  // codes covering it
        private int activeCount;
        private long[] events = new long[64];

        Sweep(int codes) {
            active = new int[codes];
            activeList = new int[codes];
        }

        void characters(Input in, int[] order, int from, int to, long[] characters, long[][] shared) {
            int n = to - from;
            if (events.length < 2 * n) events = new long[2 * n];
            int m = 0;
            for (int i = from; i < to; i++) {
                int e = order[i];
                int start = (int) (in.position[e] >>> 32), end = (int) in.position[e];
                if (end <= start) continue;
                // position, then ends before starts at the same position; the code in the low bits
                events[m++] = (long) start << 33 | 1L << 32 | in.code[e];
                events[m++] = (long) end << 33 | in.code[e];
            }
            Arrays.sort(events, 0, m);
            int previous = 0;
            for (int x = 0; x < m; x++) {
                long ev = events[x];
                int at = (int) (ev >>> 33);
                int length = at - previous;
                if (length > 0 && activeCount > 0) {
                    for (int p = 0; p < activeCount; p++) {
                        int a = activeList[p];
                        characters[a] += length;
                        for (int q = p + 1; q < activeCount; q++) {
                            int b = activeList[q];
                            shared[Math.min(a, b)][Math.max(a, b)] += length;
                        }
                    }
                }
                previous = at;
                int code = (int) (ev & 0xFFFF_FFFFL);
                if ((ev & 1L << 32) != 0) {
                    if (active[code]++ == 0) activeList[activeCount++] = code;
                } else if (--active[code] == 0) {
                    for (int p = 0; p < activeCount; p++) {
                        if (activeList[p] == code) { activeList[p] = activeList[--activeCount]; break; }
                    }
                }
            }
        }
    }

    /** The pairs with co-occurrences, each unordered pair once (i &lt; j in codebook order). */
    public List<int[]> nonEmptyPairs() {
        List<int[]> out = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            for (int j = i + 1; j < codes.size(); j++) if (pairs[i][j] > 0) out.add(new int[] {i, j});
        }
        return out;
    }
}
