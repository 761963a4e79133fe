package org.tamga.core;

import org.tamga.core.text.Kwic;
import org.tamga.core.text.Utf8Positions;
import org.tamga.index.IndexHit;
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
     * @param query       the query (words, "phrases", AND/OR/NOT, wildcards, fuzzy ~, "a b"~5)
     * @param documents   only these documents, or empty for all
     * @param codedWith   only hits that overlap a coding of this code or one below it, or null
     * @param notCodedWith only hits that overlap no coding of this code or one below it, or null
     * @param context     code points of context on either side in the KWIC line
     * @param limit       at most this many hits
     * @param speaker     only hits inside what this speaker said (overlapping one of their turns), or null
     */
    public record Request(String query, Collection<Document> documents, Code codedWith, Code notCodedWith,
                          int context, int limit, String speaker) {
        public static Request of(String query) {
            return new Request(query, List.of(), null, null, DEFAULT_CONTEXT, DEFAULT_LIMIT, null);
        }
        public Request inDocuments(Collection<Document> docs) { return new Request(query, docs, codedWith, notCodedWith, context, limit, speaker); }
        public Request codedWith(Code code) { return new Request(query, documents, code, notCodedWith, context, limit, speaker); }
        public Request notCodedWith(Code code) { return new Request(query, documents, codedWith, code, context, limit, speaker); }
        public Request context(int n) { return new Request(query, documents, codedWith, notCodedWith, n, limit, speaker); }
        public Request limit(int n) { return new Request(query, documents, codedWith, notCodedWith, context, n, speaker); }
        public Request spokenBy(String name) { return new Request(query, documents, codedWith, notCodedWith, context, limit, name); }
    }

    /** One place where the query matched. */
    public record Hit(Document document, int start, int end, String match, Kwic context) {}

    /** The hits, how many documents they are in, and whether the limit cut the list short. */
    public record Result(List<Hit> hits, int documents, boolean truncated) {}

    public Result search(Request request) {
        SearchIndex index = session.index();
        Set<String> only = null;
        if (request.documents() != null && !request.documents().isEmpty()) {
            only = new HashSet<>();
            for (Document d : request.documents()) only.add(d.guid());
        }
        Map<Long, List<Turn>> spoken = request.speaker() == null ? null : session.speakers().turnsByDocument(request.speaker());
        boolean filtered = request.codedWith() != null || request.notCodedWith() != null || spoken != null;
        // a coding or speaker filter drops hits after the index found them, so ask the index for all of them
        int indexLimit = filtered ? Integer.MAX_VALUE : request.limit();
        SearchIndex.Result found = index.search(request.query(), only, indexLimit);
        Map<Long, List<Coding>> codedWith = codingsByDocument(request.codedWith());
        Map<Long, List<Coding>> notCodedWith = codingsByDocument(request.notCodedWith());
        List<Hit> hits = new ArrayList<>();
        Set<Long> documents = new HashSet<>();
        boolean truncated = found.truncated();
        List<IndexHit> all = found.hits();
        // the hits of a document come together, so documents and texts are read a batch of hits at a
        // time (a few statements rather than one per document) and let go once their hits are done
        Map<String, Opened> opened = Map.of();
        hits:
        for (int from = 0; from < all.size(); from += TEXT_BATCH) {
            List<IndexHit> batch = all.subList(from, Math.min(all.size(), from + TEXT_BATCH));
            opened = open(batch, opened);
            for (IndexHit h : batch) {
                Opened o = opened.get(h.documentGuid());
                if (o == null) continue; // deleted since the index was read
                Document doc = o.document();
                if (spoken != null && !spoken.containsKey(doc.id())) continue; // the speaker says nothing here
                Utf8Positions p = o.positions();
                Utf8Positions.Place first = p.at(h.startUtf16());
                Utf8Positions.Place last = p.after(first, h.endUtf16());
                int start = first.codePoint(), end = last.codePoint();
                if (codedWith != null && !overlapsAny(codedWith.get(doc.id()), start, end)) continue;
                if (notCodedWith != null && overlapsAny(notCodedWith.get(doc.id()), start, end)) continue;
                if (spoken != null && !SpeakerService.spoken(spoken, doc.id(), start, end)) continue;
                if (hits.size() >= request.limit()) { truncated = true; break hits; }
                hits.add(new Hit(doc, start, end, p.text(first.byteOffset(), last.byteOffset()), p.kwic(first, last, request.context())));
                documents.add(doc.id());
            }
        }
        return new Result(hits, documents.size(), truncated);
    }

    /** Hits whose documents and texts are read together. */
    private static final int TEXT_BATCH = 1000;

    private record Opened(Document document, Utf8Positions positions) {}

    /** The documents of a batch of hits with their texts; a document already open from the batch before is kept. */
    private Map<String, Opened> open(List<IndexHit> batch, Map<String, Opened> before) {
        Map<String, Opened> out = new HashMap<>();
        Set<String> wanted = new HashSet<>();
        for (IndexHit h : batch) {
            Opened o = before.get(h.documentGuid());
            if (o != null) out.put(h.documentGuid(), o); else wanted.add(h.documentGuid());
        }
        if (!wanted.isEmpty()) {
            session.store().documents().withTexts(wanted).forEach((guid, d) -> out.put(guid, new Opened(d.document(), new Utf8Positions(d.utf8()))));
        }
        return out;
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
