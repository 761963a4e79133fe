package org.tamga.core;

import org.tamga.core.text.Kwic;
import org.tamga.core.text.Utf8Positions;
import org.tamga.index.ExactText;
import org.tamga.index.SearchQuery;
import org.tamga.index.SearchIndex;
import org.tamga.model.Code;
import org.tamga.model.Coding;
import org.tamga.model.Document;
import org.tamga.model.Turn;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Full-text search across all documents. Every hit has its document, exact positions (code points,
 * 0-based, end exclusive) and a keyword-in-context line. Hits can be limited to passages coded
 * with a code, or to passages not coded with it ("where did I miss this theme?"), and to what one
 * speaker said.
 */
public final class SearchService {
    public static final int DEFAULT_CONTEXT = 40;
    public static final int DEFAULT_LIMIT = 10_000;

    private final ProjectSession session;

    SearchService(ProjectSession session) { this.session = session; }

    /**
     * What to search for.
     *
     * @param query       the query (words, "phrases", AND/OR/NOT, NEAR/n, SAMETURN, wildcards, fuzzy ~, "a b"~5)
     * @param documents   only these documents, or empty for all
     * @param codedWith   only hits that overlap a coding of this code or one below it, or null
     * @param notCodedWith only hits that overlap no coding of this code or one below it, or null
     * @param context     code points of context on either side in the KWIC line
     * @param limit       at most this many hits
     * @param speaker     only hits inside what this speaker said (overlapping one of their turns), or null
     * @param chineseVariants  simplified and traditional Chinese characters find each other (草场 finds 草場)
     * @param excludeDocuments NOT leaves out whole documents with the excluded words (otherwise only their passages)
     */
    public record Request(String query, Collection<Document> documents, Code codedWith, Code notCodedWith,
                          int context, int limit, String speaker, boolean chineseVariants, boolean excludeDocuments) {
        public static Request of(String query) {
            return new Request(query, List.of(), null, null, DEFAULT_CONTEXT, DEFAULT_LIMIT, null, true, false);
        }
        public Request inDocuments(Collection<Document> docs) { return new Request(query, docs, codedWith, notCodedWith, context, limit, speaker, chineseVariants, excludeDocuments); }
        public Request codedWith(Code code) { return new Request(query, documents, code, notCodedWith, context, limit, speaker, chineseVariants, excludeDocuments); }
        public Request notCodedWith(Code code) { return new Request(query, documents, codedWith, code, context, limit, speaker, chineseVariants, excludeDocuments); }
        public Request context(int n) { return new Request(query, documents, codedWith, notCodedWith, n, limit, speaker, chineseVariants, excludeDocuments); }
        public Request limit(int n) { return new Request(query, documents, codedWith, notCodedWith, context, n, speaker, chineseVariants, excludeDocuments); }
        public Request spokenBy(String name) { return new Request(query, documents, codedWith, notCodedWith, context, limit, name, chineseVariants, excludeDocuments); }
        public Request chineseVariants(boolean on) { return new Request(query, documents, codedWith, notCodedWith, context, limit, speaker, on, excludeDocuments); }
        public Request excludeDocuments(boolean on) { return new Request(query, documents, codedWith, notCodedWith, context, limit, speaker, chineseVariants, on); }
    }

    /** One place where the query matched. */
    public record Hit(Document document, int start, int end, String match, Kwic context) {}

    /** The hits, how many documents they are in, and whether the limit cut the list short. */
    public record Result(List<Hit> hits, int documents, boolean truncated) {}

    /** At most this many places of the index for documents whose texts are read together. */
    private static final int TEXT_BATCH = 2000;

    public Result search(Request request) {
        SearchIndex index = session.index();
        SearchQuery query = index.parse(request.query(), new SearchQuery.Options(request.chineseVariants(), request.excludeDocuments()));
        Set<String> only = null;
        if (request.documents() != null && !request.documents().isEmpty()) {
            only = new HashSet<>();
            for (Document d : request.documents()) only.add(d.guid());
        }
        Map<Long, List<Turn>> spoken = request.speaker() == null ? null : session.speakers().turnsByDocument(request.speaker());
        Map<Long, List<Coding>> codedWith = codingsByDocument(request.codedWith());
        Map<Long, List<Coding>> notCodedWith = codingsByDocument(request.notCodedWith());
        boolean passages = query.needsPassages();
        List<Hit> hits = new ArrayList<>();
        Set<Long> documents = new HashSet<>();
        boolean truncated = false;
        try (SearchIndex.Cursor cursor = index.open(query, only, request.limit())) {
            boolean more = true;
            batches:
            while (more) {
                // documents best first, their texts read a batch at a time (a few statements rather than one per document)
                // one place more than the hits still wanted, so that a list cut at the limit is known
                // to be cut without reading another batch of texts
                int wanted = (int) Math.min(TEXT_BATCH, request.limit() - (long) hits.size() + 1);
                List<SearchIndex.DocumentPlaces> batch = new ArrayList<>();
                int places = 0;
                while (places < wanted) {
                    SearchIndex.DocumentPlaces d = cursor.next();
                    if (d == null) { more = false; break; }
                    batch.add(d);
                    for (int[] p : d.places()) places += p.length / 2;
                }
                if (batch.isEmpty()) break;
                Map<String, Opened> opened = open(batch);
                Map<Long, List<Turn>> turns = passages
                        ? session.store().turns().ofDocuments(opened.values().stream().map(o -> o.document().id()).toList()) : Map.of();
                for (SearchIndex.DocumentPlaces d : batch) {
                    Opened o = opened.get(d.documentGuid());
                    if (o == null) continue; // deleted since the index was read
                    Document doc = o.document();
                    if (spoken != null && !spoken.containsKey(doc.id())) continue; // the speaker says nothing here
                    Utf8Positions p = o.positions();
                    Passages ps = passages ? new Passages(turns.getOrDefault(doc.id(), List.of()), p) : null;
                    for (Span s : new DocumentHits(query, d, p, ps).hits()) {
                        int start = s.first().codePoint(), end = s.last().codePoint();
                        if (codedWith != null && !overlapsAny(codedWith.get(doc.id()), start, end)) continue;
                        if (notCodedWith != null && overlapsAny(notCodedWith.get(doc.id()), start, end)) continue;
                        if (spoken != null && !SpeakerService.spoken(spoken, doc.id(), start, end)) continue;
                        if (hits.size() >= request.limit()) { truncated = true; break batches; }
                        hits.add(new Hit(doc, start, end, p.text(s.first().byteOffset(), s.last().byteOffset()), p.kwic(s.first(), s.last(), request.context())));
                        documents.add(doc.id());
                    }
                }
            }
        }
        return new Result(hits, documents.size(), truncated);
    }

    private record Opened(Document document, Utf8Positions positions) {}

    /** The documents of a batch with their texts. */
    private Map<String, Opened> open(List<SearchIndex.DocumentPlaces> batch) {
        Set<String> wanted = new HashSet<>();
        for (SearchIndex.DocumentPlaces d : batch) wanted.add(d.documentGuid());
        Map<String, Opened> out = new HashMap<>();
        session.store().documents().withTexts(wanted).forEach((guid, d) -> out.put(guid, new Opened(d.document(), new Utf8Positions(d.utf8()))));
        return out;
    }

    /** A hit: where it starts and ends. */
    record Span(Utf8Positions.Place first, Utf8Positions.Place last) {}

    /**
     * The passages of a document: its speaker turns, and lines outside them (a document without
     * turns is all lines). A position's passage is the turn it is in, else its line.
     */
    static final class Passages {
        private final List<Turn> turns;
        private final Utf8Positions text;
        private int[] lines;

        Passages(List<Turn> turns, Utf8Positions text) {
            this.turns = turns;
            this.text = text;
        }

        /** The passage of a code point position: a turn's index (0, 1, …), or -1 - the line's index. */
        long of(int position) {
            int lo = 0, hi = turns.size() - 1, found = -1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                if (turns.get(mid).start() <= position) { found = mid; lo = mid + 1; } else hi = mid - 1;
            }
            if (found >= 0 && position < turns.get(found).end()) return found;
            if (lines == null) lines = text.lineStarts();
            int line = java.util.Arrays.binarySearch(lines, position);
            if (line < 0) line = -line - 2;
            return -1L - line;
        }
    }

    /** The hits of one document: each leaf's places from the index, checked where they must be, combined as the query says. */
    private static final class DocumentHits {
        private final SearchQuery query;
        private final Utf8Positions text;
        private final Passages passages;
        private final List<Span>[] leaves;

        @SuppressWarnings("unchecked")
        DocumentHits(SearchQuery query, SearchIndex.DocumentPlaces d, Utf8Positions text, Passages passages) {
            this.query = query;
            this.text = text;
            this.passages = passages;
            int[][] places = d.places();
            leaves = new List[places.length];
            for (int i = 0; i < places.length; i++) leaves[i] = new ArrayList<>(places[i].length / 2);
            if (places.length == 1) {
                int[] p = places[0];
                for (int k = 0; k < p.length; k += 2) leaves[0].add(span(p[k], p[k + 1]));
            } else {
                // all leaves' places in order of their starts, so the walk through the text goes forward only
                int total = 0;
                for (int[] p : places) total += p.length / 2;
                long[] order = new long[total];
                int[] leafOf = new int[total], indexOf = new int[total];
                int n = 0;
                for (int i = 0; i < places.length; i++) {
                    for (int k = 0; k < places[i].length; k += 2) {
                        leafOf[n] = i;
                        indexOf[n] = k;
                        order[n] = ((long) places[i][k] << 32) | n;
                        n++;
                    }
                }
                java.util.Arrays.sort(order);
                for (long key : order) {
                    int m = (int) key;
                    int[] p = places[leafOf[m]];
                    leaves[leafOf[m]].add(span(p[indexOf[m]], p[indexOf[m] + 1]));
                }
            }
            collectLeaves(query.root());
        }

        private Span span(int startUtf16, int endUtf16) {
            Utf8Positions.Place first = text.at(startUtf16);
            return new Span(first, text.after(first, endUtf16));
        }

        /** Checks the leaves whose hits must read as the query's text, keeping those that do (cut to it). */
        private void collectLeaves(SearchQuery.Node n) {
            switch (n) {
                case SearchQuery.Leaf l -> {
                    ExactText exact = l.exact();
                    if (exact == null) return;
                    List<Span> kept = new ArrayList<>(leaves[l.id()].size());
                    for (Span s : leaves[l.id()]) {
                        Utf8Positions.Place first = s.first(), last = s.last();
                        if (exact.extendBefore() > 0) {
                            first = text.back(first, exact.extendBefore());
                            if (s.first().codePoint() - first.codePoint() != exact.extendBefore()) continue;
                        }
                        if (exact.extendAfter() > 0) {
                            last = text.forward(last, exact.extendAfter());
                            if (last.codePoint() - s.last().codePoint() != exact.extendAfter()) continue;
                        }
                        int[] at = exact.find(text.text(first.byteOffset(), last.byteOffset()));
                        if (at == null) continue;
                        kept.add(new Span(text.forward(first, at[0]), text.forward(first, at[1])));
                    }
                    leaves[l.id()] = kept;
                }
                case SearchQuery.All a -> a.parts().forEach(this::collectLeaves);
                case SearchQuery.Any a -> a.parts().forEach(this::collectLeaves);
                case SearchQuery.Without w -> { collectLeaves(w.include()); collectLeaves(w.exclude()); }
                case SearchQuery.SameTurn s -> { collectLeaves(s.left()); collectLeaves(s.right()); }
            }
        }

        List<Span> hits() {
            if (query.root() instanceof SearchQuery.Leaf l && l.exact() == null) return leaves[l.id()];
            List<Span> all = new ArrayList<>(eval(query.root()));
            all.sort(java.util.Comparator.<Span>comparingInt(s -> s.first().codePoint()).thenComparingInt(s -> s.last().codePoint()));
            List<Span> out = new ArrayList<>(all.size());
            for (Span s : all) {
                Span prev = out.isEmpty() ? null : out.getLast();
                if (prev != null && prev.first().codePoint() == s.first().codePoint() && prev.last().codePoint() == s.last().codePoint()) continue;
                out.add(s);
            }
            return out;
        }

        private List<Span> eval(SearchQuery.Node n) {
            return switch (n) {
                case SearchQuery.Leaf l -> leaves[l.id()];
                case SearchQuery.All a -> {
                    List<Span> out = new ArrayList<>();
                    for (SearchQuery.Node p : a.parts()) {
                        List<Span> part = eval(p);
                        if (part.isEmpty()) yield List.of();
                        out.addAll(part);
                    }
                    yield out;
                }
                case SearchQuery.Any a -> {
                    List<Span> out = new ArrayList<>();
                    for (SearchQuery.Node p : a.parts()) out.addAll(eval(p));
                    yield out;
                }
                case SearchQuery.Without w -> {
                    List<Span> include = eval(w.include());
                    if (include.isEmpty()) yield include;
                    List<Span> exclude = eval(w.exclude());
                    if (exclude.isEmpty()) yield include;
                    if (w.wholeDocuments()) yield List.of();
                    Set<Long> excluded = passagesOf(exclude);
                    yield include.stream().filter(s -> !excluded.contains(passages.of(s.first().codePoint()))).toList();
                }
                case SearchQuery.SameTurn st -> {
                    List<Span> left = eval(st.left()), right = eval(st.right());
                    if (left.isEmpty() || right.isEmpty()) yield List.of();
                    Set<Long> inLeft = passagesOf(left), inRight = passagesOf(right);
                    List<Span> out = new ArrayList<>();
                    for (Span s : left) if (inRight.contains(passages.of(s.first().codePoint()))) out.add(s);
                    for (Span s : right) if (inLeft.contains(passages.of(s.first().codePoint()))) out.add(s);
                    yield out;
                }
            };
        }

        private Set<Long> passagesOf(List<Span> spans) {
            Set<Long> out = new HashSet<>();
            for (Span s : spans) out.add(passages.of(s.first().codePoint()));
            return out;
        }
    }

    private Map<Long, List<Coding>> codingsByDocument(Code code) {
        if (code == null) return null;
        var book = session.store().codes().codebook();
        List<Long> ids = book.withDescendants(code.id()).stream().map(Code::id).toList();
        Map<Long, List<Coding>> out = new HashMap<>();
        for (Coding c : session.store().codings().ofCodes(ids)) out.computeIfAbsent(c.documentId(), k -> new ArrayList<>()).add(c);
        return out;
    }

    private static boolean overlapsAny(List<Coding> codings, int start, int end) {
        if (codings == null) return false;
        for (Coding c : codings) if (c.overlaps(start, end)) return true;
        return false;
    }
}
