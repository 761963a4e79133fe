package org.tamga.report;

import org.tamga.model.Code;
import org.tamga.model.Codebook;
import org.tamga.model.Coding;
import org.tamga.model.Document;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The code frequency report: per code, how often it was applied, in how many documents (and what
 * share of the documents in the report), and how many characters it covers; each also rolled up
 * over the code's children. Plus the code × document matrix.
 *
 * <p>Coded characters are counted once however many codings cover them: two coders who code the
 * same sentence with the same code give two codings but the sentence's characters once.
 *
 * <p>It is built from {@link Spans} (document, code and positions of each coding, in primitive
 * arrays), grouped by code and then by document with counting sorts: a million codings take a
 * fraction of a second and a few tens of megabytes. The matrix keeps only the cells that are not
 * empty.
 */
public record FrequencyReport(List<Row> rows, List<Document> documents, Matrix matrix) {

    /** Counts for one code, or one code and its children. */
    public record Counts(int codings, int documents, double documentShare, long codedCharacters) {}

    /** One code's line: its own counts and the counts including all codes below it. */
    public record Row(Code code, String path, int level, Counts own, Counts withChildren) {}

    /** One code in one document (own codings only). */
    public record Cell(int codings, long codedCharacters) {}

    private static final Cell EMPTY = new Cell(0, 0);

    /** The code × document matrix of own codings; only cells with codings are kept. */
    public static final class Matrix {
        private final Map<Long, Integer> codeIndex;
        private final Map<Long, Integer> documentIndex;
        /** Per code: the documents (by index, ascending) where it has codings, their codings and coded characters. */
        private final int[][] documents;
        private final int[][] codings;
        private final long[][] characters;

        private Matrix(Map<Long, Integer> codeIndex, Map<Long, Integer> documentIndex, int codes) {
            this.codeIndex = codeIndex;
            this.documentIndex = documentIndex;
            this.documents = new int[codes][];
            this.codings = new int[codes][];
            this.characters = new long[codes][];
        }

        public Cell get(long codeId, long documentId) {
            Integer c = codeIndex.get(codeId), d = documentIndex.get(documentId);
            if (c == null || d == null || documents[c] == null) return EMPTY;
            int at = Arrays.binarySearch(documents[c], d);
            return at < 0 ? EMPTY : new Cell(codings[c][at], characters[c][at]);
        }
    }

    /**
     * The document, code and positions of codings, in primitive arrays: what the report needs of a
     * coding and no more (no GUIDs, memos or times), so that a million of them are cheap to hold.
     */
    public static final class Spans {
        private long[] documentIds;
        private long[] codeIds;
        private long[] positions; // start << 32 | end
        private int size;

        public Spans() { this(1024); }

        public Spans(int capacity) {
            int c = Math.max(16, capacity);
            documentIds = new long[c];
            codeIds = new long[c];
            positions = new long[c];
        }

        public static Spans of(Collection<Coding> codings) {
            Spans s = new Spans(codings.size());
            for (Coding c : codings) s.add(c.documentId(), c.codeId(), c.start(), c.end());
            return s;
        }

        public void add(long documentId, long codeId, int start, int end) {
            if (size == documentIds.length) {
                int c = size + (size >> 1);
                documentIds = Arrays.copyOf(documentIds, c);
                codeIds = Arrays.copyOf(codeIds, c);
                positions = Arrays.copyOf(positions, c);
            }
            documentIds[size] = documentId;
            codeIds[size] = codeId;
            positions[size] = pack(start, end);
            size++;
        }

        public int size() { return size; }
    }

    /**
     * @param documents the documents the report covers (the share's denominator)
     * @param codings   the codings to count (already limited to the wanted coders); codings of
     *                  documents outside {@code documents} are ignored
     */
    public static FrequencyReport build(Codebook codebook, List<Document> documents, Collection<Coding> codings) {
        return build(codebook, documents, Spans.of(codings));
    }

    /** As {@link #build(Codebook, List, Collection)}, from spans. */
    public static FrequencyReport build(Codebook codebook, List<Document> documents, Spans spans) {
        List<Code> codes = codebook.codes();
        int k = codes.size(), d = documents.size();
        Map<Long, Integer> codeIndex = new HashMap<>(k * 2);
        for (int i = 0; i < k; i++) codeIndex.put(codes.get(i).id(), i);
        Map<Long, Integer> documentIndex = new HashMap<>(d * 2);
        for (int i = 0; i < d; i++) documentIndex.putIfAbsent(documents.get(i).id(), i);

        // the spans of documents in the report and codes in the codebook, as indices
        int n = 0;
        int[] doc = new int[spans.size], code = new int[spans.size];
        long[] position = new long[spans.size];
        Lookup codeLookup = Lookup.of(codeIndex), documentLookup = Lookup.of(documentIndex);
        for (int i = 0; i < spans.size; i++) {
            int c = codeLookup.get(spans.codeIds[i]);
            int dd = documentLookup.get(spans.documentIds[i]);
            if (c < 0 || dd < 0) continue;
            doc[n] = dd;
            code[n] = c;
            position[n] = spans.positions[i];
            n++;
        }

        // grouped by code (a counting sort)
        int[] codeStart = new int[k + 1];
        for (int i = 0; i < n; i++) codeStart[code[i] + 1]++;
        for (int c = 0; c < k; c++) codeStart[c + 1] += codeStart[c];
        int[] byCode = new int[n];
        int[] fill = Arrays.copyOf(codeStart, k);
        for (int i = 0; i < n; i++) byCode[fill[code[i]]++] = i;

        Grouping grouping = new Grouping(doc, position, d, n);
        Matrix matrix = new Matrix(codeIndex, documentIndex, k);
        Counts[] own = new Counts[k];
        for (int c = 0; c < k; c++) own[c] = grouping.counts(byCode, codeStart[c], codeStart[c + 1], matrix, c);
        List<Row> rows = new ArrayList<>(k);
        int[] subtree = new int[n];
        for (int c = 0; c < k; c++) {
            Code cd = codes.get(c);
            List<Code> below = codebook.withDescendants(cd.id());
            Counts withChildren = own[c];
            if (below.size() > 1) {
                int m = 0;
                for (Code b : below) {
                    int bi = codeIndex.get(b.id());
                    int len = codeStart[bi + 1] - codeStart[bi];
                    System.arraycopy(byCode, codeStart[bi], subtree, m, len);
                    m += len;
                }
                withChildren = grouping.counts(subtree, 0, m, null, -1);
            }
            rows.add(new Row(cd, codebook.path(cd), codebook.depth(cd), own[c], withChildren));
        }
        return new FrequencyReport(List.copyOf(rows), List.copyOf(documents), matrix);
    }

    public Cell cell(long codeId, long documentId) { return matrix.get(codeId, documentId); }

    private static long pack(int start, int end) { return (long) start << 32 | (end & 0xFFFF_FFFFL); }

    /**
     * Counts a set of spans (given as indices) by document: codings, documents, and the characters
     * they cover, each document's spans sorted by position and merged. Scratch arrays are reused.
     */
    private static final class Grouping {
        private final int[] doc;
        private final long[] position;
        private final int documents;
        private final int[] count;       // per document index; back to 0 after each use
        private final int[] offset;
        private final int[] touched;
        private final long[] sorted;

        Grouping(int[] doc, long[] position, int documents, int spans) {
            this.doc = doc;
            this.position = position;
            this.documents = documents;
            this.count = new int[documents];
            this.offset = new int[documents];
            this.touched = new int[Math.min(documents, Math.max(1, spans))];
            this.sorted = new long[spans];
        }

        Counts counts(int[] items, int from, int to, Matrix matrix, int codeIndex) {
            int t = 0;
            for (int i = from; i < to; i++) {
                int d = doc[items[i]];
                if (count[d]++ == 0) touched[t++] = d;
            }
            Arrays.sort(touched, 0, t);
            int at = 0;
            for (int j = 0; j < t; j++) {
                int d = touched[j];
                offset[d] = at;
                at += count[d];
            }
            for (int i = from; i < to; i++) {
                int s = items[i];
                sorted[offset[doc[s]]++] = position[s];
            }
            if (matrix != null) {
                matrix.documents[codeIndex] = Arrays.copyOf(touched, t);
                matrix.codings[codeIndex] = new int[t];
                matrix.characters[codeIndex] = new long[t];
            }
            long characters = 0;
            at = 0;
            for (int j = 0; j < t; j++) {
                int d = touched[j];
                int g = count[d];
                Arrays.sort(sorted, at, at + g);
                long covered = covered(sorted, at, at + g);
                characters += covered;
                if (matrix != null) {
                    matrix.codings[codeIndex][j] = g;
                    matrix.characters[codeIndex][j] = covered;
                }
                count[d] = 0;
                at += g;
            }
            double share = documents == 0 ? 0 : (double) t / documents;
            return new Counts(to - from, t, share, characters);
        }
    }

    /** Characters covered by at least one of the packed spans in [from, to), sorted by start. */
    private static long covered(long[] spans, int from, int to) {
        if (from >= to) return 0;
        long total = 0;
        int curStart = (int) (spans[from] >>> 32), curEnd = (int) spans[from];
        for (int i = from + 1; i < to; i++) {
            int s = (int) (spans[i] >>> 32), e = (int) spans[i];
            if (s <= curEnd) {
                curEnd = Math.max(curEnd, e);
            } else {
                total += curEnd - curStart;
                curStart = s;
                curEnd = e;
            }
        }
        return total + (curEnd - curStart);
    }

    /** Characters covered by at least one of the codings (all of one document). */
    static long coveredCharacters(List<Coding> codings) {
        long[] spans = new long[codings.size()];
        for (int i = 0; i < spans.length; i++) spans[i] = pack(codings.get(i).start(), codings.get(i).end());
        Arrays.sort(spans);
        return covered(spans, 0, spans.length);
    }

    /** Id → index, by an array when the ids are small and dense (as SQLite's are), else by a map. */
    private interface Lookup {
        int get(long id);

        static Lookup of(Map<Long, Integer> index) {
            long max = 0;
            boolean small = true;
            for (long id : index.keySet()) {
                if (id < 0) { small = false; break; }
                max = Math.max(max, id);
            }
            if (small && max <= Math.max(1024, 4L * index.size())) {
                int[] byId = new int[(int) max + 1];
                Arrays.fill(byId, -1);
                index.forEach((id, i) -> byId[id.intValue()] = i);
                return id -> id >= 0 && id < byId.length ? byId[(int) id] : -1;
            }
            return id -> index.getOrDefault(id, -1);
        }
    }
}
