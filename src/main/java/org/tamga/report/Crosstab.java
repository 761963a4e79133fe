package org.tamga.report;

import org.tamga.model.Code;
import org.tamga.model.TamgaException;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A code × attribute (or code × case) table, the "matrix coding query" of the commercial tools:
 * a row per code (its own codings, or with those of the codes below it), a column per value of
 * one attribute (or per pair of values of two, nested), or per case; each cell counts codings,
 * documents, cases and coded characters, with row and column totals. See
 * docs/adr/0042-cooccurrence-and-crosstabs.md.
 *
 * <p>A document is in every column it has a value for: one with two values through two cases counts
 * under both, so a row's cells can add up to more than its total, which counts each coding,
 * document and case once. Coded characters are counted once however many codings cover them.
 */
public final class Crosstab {

    /** What a cell shows. */
    public enum Count {
        CODINGS, DOCUMENTS, CASES, CHARACTERS;

        public String label() { return name().toLowerCase(Locale.ROOT); }

        public static Count parse(String text) {
            for (Count c : values()) if (c.name().equalsIgnoreCase(text == null ? "" : text.strip())) return c;
            throw new TamgaException("No count \u201C" + text + "\u201D (counts: codings, documents, cases, characters).");
        }
    }

    /** Percentages of a row's or a column's total, or none. */
    public enum Percent { NONE, ROW, COLUMN }

    /**
     * One column: its values (one per attribute, or the case's name) and how many documents of the
     * analysis are in it, with codings or not.
     */
    public record Column(List<String> values, int documentsInColumn) {
        public Column {
            values = List.copyOf(values);
        }

        /** The values joined for a heading: "女 × 锡林郭勒". */
        public String label() { return String.join(" \u00D7 ", values); }
    }

    /** A cell's numbers. */
    public record Cell(int codings, int documents, int cases, long characters) {
        public static final Cell EMPTY = new Cell(0, 0, 0, 0);

        public long get(Count count) {
            return switch (count) {
                case CODINGS -> codings;
                case DOCUMENTS -> documents;
                case CASES -> cases;
                case CHARACTERS -> characters;
            };
        }
    }

    private final List<String> dimensions;
    private final List<Code> codes;
    private final List<String> paths;
    private final boolean withChildren;
    private final List<Column> columns;
    private final Cell[][] cells;
    private final Cell[] rowTotals;
    private final Cell[] columnTotals;
    private final Cell total;

    private Crosstab(List<String> dimensions, List<Code> codes, List<String> paths, boolean withChildren, List<Column> columns,
                     Cell[][] cells, Cell[] rowTotals, Cell[] columnTotals, Cell total) {
        this.dimensions = dimensions;
        this.codes = codes;
        this.paths = paths;
        this.withChildren = withChildren;
        this.columns = columns;
        this.cells = cells;
        this.rowTotals = rowTotals;
        this.columnTotals = columnTotals;
        this.total = total;
    }

    /** What the columns are: one or two attribute names, or "case". */
    public List<String> dimensions() { return dimensions; }

    public List<Code> codes() { return codes; }

    public List<String> paths() { return paths; }

    /** Whether a row counts the codings of the codes below its code too. */
    public boolean withChildren() { return withChildren; }

    public List<Column> columns() { return columns; }

    public Cell cell(int row, int column) { return cells[row][column]; }

    /** The row's numbers over all its documents, each once. */
    public Cell rowTotal(int row) { return rowTotals[row]; }

    /** The column's numbers over all codes, each coding, document and case once. */
    public Cell columnTotal(int column) { return columnTotals[column]; }

    /** All codings of the analysis, each once. */
    public Cell total() { return total; }

    /** A cell as a share (0 to 1) of its row's or its column's total; 0 when that total is 0. */
    public double percent(int row, int column, Count count, Percent of) {
        long v = cells[row][column].get(count);
        long t = switch (of) {
            case ROW -> rowTotals[row].get(count);
            case COLUMN -> columnTotals[column].get(count);
            case NONE -> 0;
        };
        return t == 0 ? 0 : (double) v / t;
    }

    /** The codings to count: per row and coding, the document and passage (a coding is in each row it counts for). */
    public static final class Input {
        private int size;
        private int[] row = new int[1024], doc = new int[1024], coding = new int[1024];
        private long[] position = new long[1024];

        public void add(int rowIndex, int documentIndex, int codingOrdinal, int start, int end) {
            if (size == row.length) {
                int c = size + (size >> 1);
                row = Arrays.copyOf(row, c);
                doc = Arrays.copyOf(doc, c);
                coding = Arrays.copyOf(coding, c);
                position = Arrays.copyOf(position, c);
            }
            row[size] = rowIndex;
            doc[size] = documentIndex;
            coding[size] = codingOrdinal;
            position[size] = (long) start << 32 | (end & 0xFFFF_FFFFL);
            size++;
        }

        public int size() { return size; }
    }

    /**
     * @param dimensions     the attribute names (or "case") the columns stand for
     * @param codes          the rows' codes and {@code paths} their codebook paths
     * @param columns        the columns
     * @param documentColumns per document index, the columns it is in (may be none)
     * @param documentCases   per document index, the cases it belongs to
     * @param columnCase      per column, the case it stands for (columns by case: a cell counts that case only), or null
     */
    public static Crosstab build(List<String> dimensions, List<Code> codes, List<String> paths, boolean withChildren, List<Column> columns,
                                 int[][] documentColumns, int[][] documentCases, int[] columnCase, Input in) {
        int rows = codes.size(), cols = columns.size(), docs = documentColumns.length, n = in.size;
        // by row, then by document (two stable counting sorts)
        int[] byDoc = countingSort(in.doc, n, docs, identity(n));
        int[] order = countingSort(in.row, n, rows, byDoc);

        int[][] codings = new int[rows][cols], documents = new int[rows][cols], cases = new int[rows][cols];
        long[][] characters = new long[rows][cols];
        Cell[] rowTotals = new Cell[rows];
        long[] scratch = new long[16];
        Set<Long> caseSeen = new HashSet<>();
        Set<Integer> rowCases = new HashSet<>();
        int i = 0;
        for (int r = 0; r < rows; r++) {
            caseSeen.clear();
            rowCases.clear();
            int rowCodings = 0, rowDocuments = 0;
            long rowCharacters = 0;
            while (i < n && in.row[order[i]] == r) {
                int d = in.doc[order[i]], j = i;
                while (j < n && in.row[order[j]] == r && in.doc[order[j]] == d) j++;
                if (scratch.length < j - i) scratch = new long[j - i];
                for (int x = i; x < j; x++) scratch[x - i] = in.position[order[x]];
                long covered = covered(scratch, j - i);
                int g = j - i;
                rowCodings += g;
                rowDocuments++;
                rowCharacters += covered;
                for (int cs : documentCases[d]) rowCases.add(cs);
                for (int c : documentColumns[d]) {
                    codings[r][c] += g;
                    documents[r][c]++;
                    characters[r][c] += covered;
                    for (int cs : documentCases[d]) if (counts(columnCase, c, cs) && caseSeen.add((long) c << 32 | cs)) cases[r][c]++;
                }
                i = j;
            }
            rowTotals[r] = new Cell(rowCodings, rowDocuments, rowCases.size(), rowCharacters);
        }
        Cell[][] cells = new Cell[rows][cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                cells[r][c] = codings[r][c] == 0 ? Cell.EMPTY : new Cell(codings[r][c], documents[r][c], cases[r][c], characters[r][c]);
            }
        }

        // column totals and the grand total: every coding once (a coding is in several rows when rows count children)
        int[] colCodings = new int[cols], colDocuments = new int[cols];
        long[] colCharacters = new long[cols];
        int[] colCases = new int[cols];
        caseSeen.clear();
        Set<Integer> allCases = new HashSet<>();
        int allCodings = 0, allDocuments = 0;
        long allCharacters = 0;
        int at = 0;
        while (at < n) {
            int d = in.doc[byDoc[at]], j = at;
            while (j < n && in.doc[byDoc[j]] == d) j++;
            // distinct codings of the document, and the characters any of them covers
            Set<Integer> distinct = new HashSet<>();
            if (scratch.length < j - at) scratch = new long[j - at];
            int m = 0;
            for (int x = at; x < j; x++) {
                int e = byDoc[x];
                if (distinct.add(in.coding[e])) scratch[m++] = in.position[e];
            }
            long covered = covered(scratch, m);
            allCodings += m;
            allDocuments++;
            allCharacters += covered;
            for (int cs : documentCases[d]) allCases.add(cs);
            for (int c : documentColumns[d]) {
                colCodings[c] += m;
                colDocuments[c]++;
                colCharacters[c] += covered;
                for (int cs : documentCases[d]) if (counts(columnCase, c, cs) && caseSeen.add((long) c << 32 | cs)) colCases[c]++;
            }
            at = j;
        }
        Cell[] columnTotals = new Cell[cols];
        for (int c = 0; c < cols; c++) columnTotals[c] = new Cell(colCodings[c], colDocuments[c], colCases[c], colCharacters[c]);
        return new Crosstab(List.copyOf(dimensions), List.copyOf(codes), List.copyOf(paths), withChildren, List.copyOf(columns),
                cells, rowTotals, columnTotals, new Cell(allCodings, allDocuments, allCases.size(), allCharacters));
    }

    private static boolean counts(int[] columnCase, int column, int c) { return columnCase == null || columnCase[column] == c; }

    private static int[] identity(int n) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) out[i] = i;
        return out;
    }

    /** The items reordered by key, stably. */
    private static int[] countingSort(int[] key, int n, int keys, int[] items) {
        int[] start = new int[keys + 1];
        for (int i = 0; i < n; i++) start[key[i] + 1]++;
        for (int k = 0; k < keys; k++) start[k + 1] += start[k];
        int[] out = new int[n];
        for (int item : items) out[start[key[item]]++] = item;
        return out;
    }

    /** Characters covered by the first m packed spans (start &lt;&lt; 32 | end), which it sorts. */
    private static long covered(long[] spans, int m) {
        if (m == 0) return 0;
        Arrays.sort(spans, 0, m);
        long total = 0;
        int curStart = (int) (spans[0] >>> 32), curEnd = (int) spans[0];
        for (int i = 1; i < m; i++) {
            int s = (int) (spans[i] >>> 32), e = (int) spans[i];
            if (s <= curEnd) curEnd = Math.max(curEnd, e);
            else {
                total += curEnd - curStart;
                curStart = s;
                curEnd = e;
            }
        }
        return total + (curEnd - curStart);
    }
}
