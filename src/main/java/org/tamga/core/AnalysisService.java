package org.tamga.core;

import org.tamga.core.text.TextUnits;
import org.tamga.model.Attribute;
import org.tamga.model.Code;
import org.tamga.model.Codebook;
import org.tamga.model.Document;
import org.tamga.model.TamgaException;
import org.tamga.model.Turn;
import org.tamga.report.Cooccurrence;
import org.tamga.report.Crosstab;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Analyses beyond counts: which codes occur together ({@link #cooccurrence}) and how codes spread
 * over the values of attributes or over cases ({@link #crosstab}), each cell with its passages
 * ({@link #together}, {@link #passages}). The window and the command line show the same numbers.
 * See docs/adr/0042-cooccurrence-and-crosstabs.md.
 */
public final class AnalysisService {
    /** The column of documents without a value of an attribute; and of documents in no case. */
    public static final String NO_VALUE = "(no value)", NO_CASE = "(no case)";

    private final ProjectSession session;

    AnalysisService(ProjectSession session) { this.session = session; }

    // ---------------------------------------------------------------- what is counted

    /** The codings of a scope, each with the table rows it counts for. */
    private final class Counted {
        final Codebook book;
        final List<Code> codes;
        final List<String> paths;
        final List<Document> documents;
        final Map<Long, Integer> documentIndex = new HashMap<>();
        final Map<Long, Integer> codeIndex = new HashMap<>();
        /** Per code index, the rows it counts for: itself, and its ancestors when rows count children. */
        final int[][] rowsOf;

        Counted(Scope scope, boolean withChildren) {
            book = session.store().codes().codebook();
            codes = book.codes();
            paths = codes.stream().map(book::path).toList();
            documents = scope.documents().isEmpty() ? session.store().documents().all() : scope.documents();
            for (int i = 0; i < documents.size(); i++) documentIndex.putIfAbsent(documents.get(i).id(), i);
            for (int i = 0; i < codes.size(); i++) codeIndex.put(codes.get(i).id(), i);
            rowsOf = new int[codes.size()][];
            for (int i = 0; i < codes.size(); i++) {
                List<Code> up = withChildren ? book.ancestry(codes.get(i)) : List.of(codes.get(i));
                rowsOf[i] = up.stream().mapToInt(c -> codeIndex.get(c.id())).toArray();
            }
        }

        interface Visitor { void visit(int code, int document, int ordinal, int start, int end); }

        /** Every coding of the scope's coders, documents and speaker, once per row it counts for. */
        void forEach(Scope scope, Visitor visitor) {
            Set<Long> coderIds = session.reports().coderIds(scope.coders(), scope.lenient());
            Map<Long, List<Turn>> spoken = scope.speaker() == null ? null : session.speakers().turnsByDocument(scope.speaker());
            int[] ordinal = {0};
            session.store().codings().forEachSpan(coderIds, (documentId, codeId, start, end) -> {
                Integer d = documentIndex.get(documentId), c = codeIndex.get(codeId);
                if (d == null || c == null) return;
                if (spoken != null && !SpeakerService.spoken(spoken, documentId, start, end)) return;
                int o = ordinal[0]++;
                for (int row : rowsOf[c]) visitor.visit(row, d, o, start, end);
            });
        }
    }

    // ---------------------------------------------------------------- co-occurrence

    /**
     * Every pair of codes: how often they occur together under the rule, in how many documents, and
     * the Jaccard index and c-coefficient.
     *
     * @param withChildren count a code's codings for the codes above it too
     */
    public Cooccurrence cooccurrence(Scope scope, Cooccurrence.Rule rule, boolean withChildren) {
        Counted counted = new Counted(scope, withChildren);
        Cooccurrence.Input in = new Cooccurrence.Input();
        counted.forEach(scope, in::add);
        return Cooccurrence.build(rule, counted.codes, counted.paths, counted.documents.size(), in, units(rule, counted.documents));
    }

    /** The units of the unit rules over the documents, by document index. */
    private Cooccurrence.Units units(Cooccurrence.Rule rule, List<Document> documents) {
        return switch (rule.kind()) {
            case TURN -> turnUnits(documents);
            case PARAGRAPH -> paragraphUnits(documents);
            default -> Cooccurrence.Units.WHOLE_DOCUMENT;
        };
    }

    private Cooccurrence.Units turnUnits(List<Document> documents) {
        Map<Long, List<Turn>> turns = session.store().turns().ofDocuments(documents.stream().map(Document::id).toList());
        int[][] starts = new int[documents.size()][], ends = new int[documents.size()][];
        for (int d = 0; d < documents.size(); d++) {
            List<Turn> in = turns.getOrDefault(documents.get(d).id(), List.of());
            starts[d] = in.stream().mapToInt(Turn::start).toArray();
            ends[d] = in.stream().mapToInt(Turn::end).toArray();
        }
        return new Cooccurrence.Units() {
            @Override public int first(int document, int start, int end) {
                int[] e = ends[document];
                int lo = 0, hi = e.length; // the first turn ending after the start
                while (lo < hi) {
                    int mid = (lo + hi) >>> 1;
                    if (e[mid] <= start) lo = mid + 1; else hi = mid;
                }
                return lo < e.length && starts[document][lo] < end ? lo : -1;
            }

            @Override public int last(int document, int start, int end) {
                int t = first(document, start, end);
                while (t + 1 < starts[document].length && starts[document][t + 1] < end) t++;
                return t;
            }
        };
    }

    private Cooccurrence.Units paragraphUnits(List<Document> documents) {
        return new Cooccurrence.Units() {
            private int loaded = -1;
            private TextUnits units;

            private TextUnits of(int document) {
                if (loaded != document) { // documents come one after another: one text held at a time
                    units = new TextUnits(session.store().documents().text(documents.get(document).id()), new int[0]);
                    loaded = document;
                }
                return units;
            }

            @Override public int first(int document, int start, int end) { return of(document).paragraphNumber(start); }

            @Override public int last(int document, int start, int end) { return of(document).paragraphNumber(Math.max(start, end - 1)); }
        };
    }

    /** Where two codes occur together: the passage (a pair of codings, or the unit) and the codings of each code in it. */
    public record Together(Document document, int start, int end, List<CodingService.Segment> first, List<CodingService.Segment> second) {}

    /** The co-occurrences of two codes behind one cell of {@link #cooccurrence}, in document and position order. */
    public List<Together> together(Scope scope, Cooccurrence.Rule rule, boolean withChildren, Code a, Code b) {
        Set<Long> inScope = documentIds(scope);
        List<CodingService.Segment> first = segments(scope, a, withChildren, inScope), second = segments(scope, b, withChildren, inScope);
        Map<Long, List<CodingService.Segment>> firstByDoc = byDocument(first), secondByDoc = byDocument(second);
        List<Together> out = new ArrayList<>();
        for (var e : firstByDoc.entrySet()) {
            List<CodingService.Segment> other = secondByDoc.get(e.getKey());
            if (other == null) continue;
            Document document = e.getValue().get(0).document();
            if (rule.byUnit()) out.addAll(unitsTogether(rule, document, e.getValue(), other));
            else {
                for (CodingService.Segment x : e.getValue()) {
                    for (CodingService.Segment y : other) {
                        if (x.coding().id() == y.coding().id()) continue;
                        int gap = Math.max(x.coding().start(), y.coding().start()) - Math.min(x.coding().end(), y.coding().end());
                        boolean pairs = rule.kind() == Cooccurrence.Kind.OVERLAP ? gap < 0 : gap <= rule.distance();
                        if (pairs) {
                            out.add(new Together(document, Math.min(x.coding().start(), y.coding().start()),
                                    Math.max(x.coding().end(), y.coding().end()), List.of(x), List.of(y)));
                        }
                    }
                }
            }
        }
        out.sort(Comparator.comparing((Together t) -> t.document().name(), String.CASE_INSENSITIVE_ORDER)
                .thenComparingInt(Together::start).thenComparingInt(Together::end));
        return out;
    }

    private List<Together> unitsTogether(Cooccurrence.Rule rule, Document document, List<CodingService.Segment> a, List<CodingService.Segment> b) {
        if (rule.kind() == Cooccurrence.Kind.DOCUMENT) return List.of(new Together(document, 0, document.length(), a, b));
        // unit (turn index or paragraph number) → the codings of each code in it
        TreeMap<Integer, List<List<CodingService.Segment>>> units = new TreeMap<>();
        List<Turn> turns = session.store().turns().ofDocument(document.id());
        TextUnits text = new TextUnits(session.store().documents().text(document.id()), new int[0]);
        for (int side = 0; side < 2; side++) {
            for (CodingService.Segment s : side == 0 ? a : b) {
                int start = s.coding().start(), end = s.coding().end();
                List<Integer> in = new ArrayList<>();
                if (rule.kind() == Cooccurrence.Kind.TURN) {
                    for (int t = 0; t < turns.size(); t++) if (turns.get(t).overlaps(start, end)) in.add(t);
                } else {
                    for (int p = text.paragraphNumber(start); p <= text.paragraphNumber(Math.max(start, end - 1)); p++) in.add(p);
                }
                for (int u : in) units.computeIfAbsent(u, k -> List.of(new ArrayList<>(), new ArrayList<>())).get(side).add(s);
            }
        }
        List<Together> out = new ArrayList<>();
        units.forEach((unit, lists) -> {
            List<CodingService.Segment> x = lists.get(0), y = lists.get(1);
            if (x.isEmpty() || y.isEmpty() || sameCodingOnly(x, y)) return;
            int start, end;
            if (rule.kind() == Cooccurrence.Kind.TURN) {
                start = turns.get(unit).start();
                end = turns.get(unit).end();
            } else { // the paragraph, or the paragraphs the codings in it reach
                int s = Integer.MAX_VALUE, e = 0;
                for (var g : x) { s = Math.min(s, g.coding().start()); e = Math.max(e, g.coding().end()); }
                for (var g : y) { s = Math.min(s, g.coding().start()); e = Math.max(e, g.coding().end()); }
                int[] bounds = text.paragraph(s, e);
                start = bounds[0];
                end = bounds[1];
            }
            out.add(new Together(document, start, end, List.copyOf(x), List.copyOf(y)));
        });
        return out;
    }

    /** A unit where the only coding on both sides is one and the same (a code and its parent, with children counted). */
    private static boolean sameCodingOnly(List<CodingService.Segment> a, List<CodingService.Segment> b) {
        return a.size() == 1 && b.size() == 1 && a.get(0).coding().id() == b.get(0).coding().id();
    }

    // ---------------------------------------------------------------- code × attribute, code × case

    /** What the columns of a crosstab are. */
    public sealed interface Columns permits ByAttributes, ByCase {}

    /**
     * The values of one attribute, or the pairs of values of two (nested: the first attribute's value,
     * then the second's); a numeric or date attribute may be banded.
     *
     * @param bands per attribute name, where its bands start (see {@link Bands})
     */
    public record ByAttributes(List<String> attributes, Map<String, Bands> bands) implements Columns {
        public ByAttributes {
            if (attributes.isEmpty() || attributes.size() > 2) throw new TamgaException("Give one attribute, or two to nest (not " + attributes.size() + ").");
            attributes = List.copyOf(attributes);
            bands = bands == null ? Map.of() : Map.copyOf(bands);
        }

        public ByAttributes(String attribute) { this(List.of(attribute), Map.of()); }
    }

    /** A column per case; documents in no case under {@link #NO_CASE}. */
    public record ByCase() implements Columns {}

    /**
     * A code × attribute or code × case table: a row per code (with the codings of the codes below
     * it when {@code withChildren}), a column per value (or case), each cell with codings, documents,
     * cases and coded characters.
     */
    public Crosstab crosstab(Scope scope, Columns columns, boolean withChildren) {
        Counted counted = new Counted(scope, withChildren);
        Layout layout = layout(columns, counted.documents);
        Crosstab.Input in = new Crosstab.Input();
        counted.forEach(scope, in::add);
        return Crosstab.build(layout.dimensions, counted.codes, counted.paths, withChildren, layout.columns, layout.documentColumns, layout.documentCases, layout.columnCase, in);
    }

    /** The codings behind one cell of {@link #crosstab}: of the code (and those below it when asked) in the column's documents. */
    public List<CodingService.Segment> passages(Scope scope, Columns columns, boolean withChildren, Code code, Crosstab.Column column) {
        List<Document> docs = scope.documents().isEmpty() ? session.store().documents().all() : scope.documents();
        Layout layout = layout(columns, docs);
        int c = layout.columns.stream().map(Crosstab.Column::values).toList().indexOf(column.values());
        if (c < 0) throw new TamgaException("No column \u201C" + column.label() + "\u201D in the table.");
        Set<Long> in = new java.util.HashSet<>();
        for (int d = 0; d < docs.size(); d++) {
            for (int x : layout.documentColumns[d]) if (x == c) in.add(docs.get(d).id());
        }
        return segments(scope, code, withChildren, in);
    }

    private record Layout(List<String> dimensions, List<Crosstab.Column> columns, int[][] documentColumns, int[][] documentCases, int[] columnCase) {}

    private Layout layout(Columns columns, List<Document> documents) {
        var store = session.store();
        List<org.tamga.model.Case> cases = store.cases().all(); // by name
        Map<Long, Integer> caseIndex = new HashMap<>();
        for (var c : cases) caseIndex.put(c.id(), caseIndex.size());
        Map<Long, List<Long>> casesOf = new HashMap<>();
        store.cases().documents().forEach((caseId, docs) -> {
            for (long d : docs) casesOf.computeIfAbsent(d, k -> new ArrayList<>()).add(caseId);
        });
        casesOf.values().forEach(l -> l.sort(Comparator.comparingInt(caseIndex::get)));
        int[][] documentCases = new int[documents.size()][];
        for (int d = 0; d < documents.size(); d++) {
            documentCases[d] = casesOf.getOrDefault(documents.get(d).id(), List.of()).stream().mapToInt(caseIndex::get).toArray();
        }
        // each document's column keys
        List<List<List<String>>> keys = new ArrayList<>();
        List<String> dimensions;
        List<Comparator<String>> orders = new ArrayList<>();
        if (columns instanceof ByAttributes by) {
            List<Attribute> attributes = by.attributes().stream().map(session.cases()::attribute).toList();
            dimensions = attributes.stream().map(Attribute::name).toList();
            List<Bands> bands = new ArrayList<>();
            for (Attribute a : attributes) {
                Bands b = by.bands().entrySet().stream().filter(e -> e.getKey().strip().equalsIgnoreCase(a.name()))
                        .map(Map.Entry::getValue).findFirst().orElse(null);
                if (b != null) b.check(a);
                bands.add(b);
                orders.add(b != null ? b.order() : valueOrder(a.type()));
            }
            Map<Long, Map<Long, String>> own = store.attributes().allDocumentValues(), caseValues = store.cases().values();
            for (Document document : documents) {
                // a document's own value holds; else each of its cases gives its values (together, so that
                // two nested attributes pair the values of one case, not one case's with another's)
                Map<Long, String> mine = own.getOrDefault(document.id(), Map.of());
                List<Long> sources = casesOf.getOrDefault(document.id(), List.of());
                List<List<String>> tuples = new ArrayList<>();
                for (Long source : sources.isEmpty() ? java.util.Collections.<Long>singletonList(null) : sources) {
                    Map<Long, String> theirs = source == null ? Map.of() : caseValues.getOrDefault(source, Map.of());
                    List<String> tuple = new ArrayList<>();
                    for (int i = 0; i < attributes.size(); i++) {
                        long id = attributes.get(i).id();
                        String v = mine.containsKey(id) ? mine.get(id) : theirs.get(id);
                        tuple.add(v == null ? NO_VALUE : bands.get(i) == null ? v : bands.get(i).band(v));
                    }
                    if (!tuples.contains(tuple)) tuples.add(List.copyOf(tuple));
                }
                keys.add(tuples);
            }
        } else {
            dimensions = List.of("case");
            orders.add(Comparator.comparingInt((String name) -> {
                for (int i = 0; i < cases.size(); i++) if (cases.get(i).name().equals(name)) return i;
                return cases.size();
            }));
            for (int d = 0; d < documents.size(); d++) {
                int[] in = documentCases[d];
                List<List<String>> k = new ArrayList<>();
                for (int c : in) k.add(List.of(cases.get(c).name()));
                keys.add(k.isEmpty() ? List.of(List.of(NO_CASE)) : k);
            }
        }
        Comparator<List<String>> keyOrder = (x, y) -> {
            for (int i = 0; i < x.size(); i++) {
                int c = compareValues(x.get(i), y.get(i), orders.get(i));
                if (c != 0) return c;
            }
            return 0;
        };
        TreeMap<List<String>, Integer> counts = new TreeMap<>(keyOrder);
        for (List<List<String>> k : keys) for (List<String> key : k) counts.merge(key, 1, Integer::sum);
        List<Crosstab.Column> cols = new ArrayList<>();
        Map<List<String>, Integer> columnIndex = new HashMap<>();
        counts.forEach((key, n) -> {
            columnIndex.put(key, cols.size());
            cols.add(new Crosstab.Column(key, n));
        });
        int[][] documentColumns = new int[documents.size()][];
        for (int d = 0; d < documents.size(); d++) documentColumns[d] = keys.get(d).stream().mapToInt(columnIndex::get).distinct().toArray();
        int[] columnCase = null;
        if (columns instanceof ByCase) {
            columnCase = new int[cols.size()];
            for (int c = 0; c < cols.size(); c++) {
                String name = cols.get(c).values().get(0);
                columnCase[c] = -1;
                for (int i = 0; i < cases.size(); i++) if (cases.get(i).name().equals(name)) columnCase[c] = i;
            }
        }
        return new Layout(dimensions, cols, documentColumns, documentCases, columnCase);
    }

    /** "(no value)" and "(no case)" go last; other values in the attribute's order. */
    private static int compareValues(String a, String b, Comparator<String> order) {
        boolean na = a.equals(NO_VALUE) || a.equals(NO_CASE), nb = b.equals(NO_VALUE) || b.equals(NO_CASE);
        if (na || nb) return na == nb ? 0 : na ? 1 : -1;
        return order.compare(a, b);
    }

    /** Numbers by value, dates as written (ISO dates sort by time), text case-insensitively. */
    private static Comparator<String> valueOrder(Attribute.Type type) {
        return switch (type) {
            case INTEGER, FLOAT -> Comparator.comparing((String s) -> new java.math.BigDecimal(s.strip())).thenComparing(Comparator.naturalOrder());
            default -> Comparator.comparing((String s) -> s, String.CASE_INSENSITIVE_ORDER).thenComparing(Comparator.naturalOrder());
        };
    }

    // ---------------------------------------------------------------- shared

    private Set<Long> documentIds(Scope scope) {
        List<Document> docs = scope.documents().isEmpty() ? session.store().documents().all() : scope.documents();
        Set<Long> out = new java.util.HashSet<>();
        for (Document d : docs) out.add(d.id());
        return out;
    }

    private List<CodingService.Segment> segments(Scope scope, Code code, boolean withChildren, Set<Long> documents) {
        Set<String> coders = scope.coders().isEmpty() ? Set.of() : resolvedCoders(scope);
        return session.coding().retrieve(code, withChildren, coders, scope.speaker()).stream()
                .filter(s -> documents.contains(s.document().id())).toList();
    }

    /** The scope's coder names as the project spells them (a name given in another case still finds its coder). */
    private Set<String> resolvedCoders(Scope scope) {
        Set<Long> ids = session.reports().coderIds(scope.coders(), scope.lenient());
        Set<String> out = new java.util.HashSet<>();
        for (var c : session.store().coders().all()) if (ids.contains(c.id())) out.add(c.name());
        return out;
    }

    private static Map<Long, List<CodingService.Segment>> byDocument(List<CodingService.Segment> segments) {
        Map<Long, List<CodingService.Segment>> out = new LinkedHashMap<>();
        for (CodingService.Segment s : segments) out.computeIfAbsent(s.document().id(), k -> new ArrayList<>()).add(s);
        return out;
    }
}
