package org.tamga.core;

import org.tamga.model.Code;
import org.tamga.model.Coder;
import org.tamga.model.Coding;
import org.tamga.model.Document;
import org.tamga.model.TamgaException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Bulk coding of search hits, in two steps: {@link #plan} says which passages would be coded —
 * every hit widened to the chosen {@link CodingUnit}, hits that fall in one passage merged into one,
 * passages this coder already coded with this code (same start and end) set aside — and
 * {@link #apply} codes them in one transaction. {@link #undo} and {@link #redo} take the codings
 * made away and put them back, again in one transaction each, so the window can undo a bulk coding
 * as one step. See docs/adr/0032-coding-units-and-quote-reports.md.
 */
public final class AutocodeService {
    private final ProjectSession session;

    AutocodeService(ProjectSession session) { this.session = session; }

    /**
     * One passage of a plan: [start, end) in code points, the unit it was widened to (PARAGRAPH where
     * TURN found no turn), how many hits it holds, and its text.
     */
    public record Passage(Document document, int start, int end, CodingUnit unit, int hits, String text) {}

    /** One document of a plan: its hits, the passages to code and those already coded. */
    public record DocumentCount(Document document, int hits, int passages, int alreadyCoded) {}

    /**
     * What {@link #apply} would do.
     *
     * @param code          the code to apply
     * @param coder         who codes (the name as it will be stored)
     * @param unit          the unit asked for
     * @param toCode        the passages to code, in document (by name) and position order
     * @param alreadyCoded  passages this coder has already coded with this code, with the same start and end: left as they are
     * @param documents     per document with hits, in the order of {@code toCode}
     * @param hits          how many hits the passages came from
     * @param truncated     the search stopped at its limit, so there may be more hits than these
     */
    public record Plan(Code code, String coder, CodingUnit unit, List<Passage> toCode, List<Passage> alreadyCoded,
                       List<DocumentCount> documents, int hits, boolean truncated) {
        /** How many passages would be coded. */
        public int passages() { return toCode.size(); }

        /** In how many documents passages would be coded. */
        public int documentsToCode() { return (int) documents.stream().filter(d -> d.passages() > 0).count(); }

        /** Passages (to code or already coded) that were asked for as turns and are paragraphs, there being no turn there. */
        public int paragraphsForTurns() {
            if (unit != CodingUnit.TURN) return 0;
            return (int) java.util.stream.Stream.concat(toCode.stream(), alreadyCoded.stream())
                    .filter(p -> p.unit() != CodingUnit.TURN).count();
        }

        public boolean isEmpty() { return toCode.isEmpty(); }
    }

    /**
     * What a plan did: the codings made (in the plan's order), and how many of its passages were found
     * already coded when it was applied (coded since the plan was made) and left alone.
     */
    public record Applied(Plan plan, List<Coding> codings, int skipped) {
        public int documents() { return (int) codings.stream().map(Coding::documentId).distinct().count(); }
    }

    /** The plan for coding every hit of a search (the request's limit applies; {@link Plan#truncated()} says when it cut). */
    public Plan plan(SearchService.Request request, CodingUnit unit, Code code, String coderName) {
        checkCodable(code);
        SearchService.Result result = session.search().search(request.context(0));
        return plan(result.hits(), result.truncated(), unit, code, coderName);
    }

    /** The plan for coding some hits (those a researcher selected in the window, say). */
    public Plan plan(List<SearchService.Hit> hits, CodingUnit unit, Code code, String coderName) {
        return plan(hits, false, unit, code, coderName);
    }

    private Plan plan(List<SearchService.Hit> hits, boolean truncated, CodingUnit unit, Code code, String coderName) {
        checkCodable(code);
        if (unit == null) throw new TamgaException("Say which unit to code: match, sentence, turn or paragraph.");
        String coder = coderName(coderName);
        Map<Long, List<SearchService.Hit>> byDocument = new LinkedHashMap<>();
        for (SearchService.Hit h : hits) byDocument.computeIfAbsent(h.document().id(), k -> new ArrayList<>()).add(h);
        Set<Key> existing = existing(code, coder, byDocument.keySet());
        List<Passage> toCode = new ArrayList<>(), already = new ArrayList<>();
        List<DocumentCount> counts = new ArrayList<>();
        List<List<SearchService.Hit>> groups = new ArrayList<>(byDocument.values());
        groups.sort(Comparator.comparing((List<SearchService.Hit> g) -> g.getFirst().document().name(), String.CASE_INSENSITIVE_ORDER)
                .thenComparingLong(g -> g.getFirst().document().id()));
        for (List<SearchService.Hit> group : groups) {
            Document doc = group.getFirst().document();
            PassageUnits.InDocument units = session.units().of(doc);
            List<int[]> ranges = new ArrayList<>(); // start, end, unit ordinal, hits
            for (SearchService.Hit h : group) {
                PassageUnits.Widened w = units.widen(h.start(), h.end(), unit);
                ranges.add(new int[]{w.start(), w.end(), w.unit().ordinal(), 1});
            }
            int before = toCode.size(), alreadyBefore = already.size();
            for (int[] r : merge(ranges)) {
                Passage p = new Passage(doc, r[0], r[1], CodingUnit.values()[r[2]], r[3], units.text(r[0], r[1]));
                (existing.contains(key(doc.id(), r[0], r[1])) ? already : toCode).add(p);
            }
            counts.add(new DocumentCount(doc, group.size(), toCode.size() - before, already.size() - alreadyBefore));
        }
        return new Plan(code, coder, unit, List.copyOf(toCode), List.copyOf(already), List.copyOf(counts), hits.size(), truncated);
    }

    /**
     * Merges passages that share a character into one (the unit of the first is kept, unless one of them
     * is a TURN: a merged passage that holds a turn is a turn); sorts by start.
     */
    static List<int[]> merge(List<int[]> ranges) {
        List<int[]> sorted = new ArrayList<>(ranges);
        sorted.sort(Comparator.<int[]>comparingInt(r -> r[0]).thenComparingInt(r -> r[1]));
        List<int[]> out = new ArrayList<>();
        for (int[] r : sorted) {
            int[] last = out.isEmpty() ? null : out.getLast();
            if (last != null && r[0] < last[1]) {
                last[1] = Math.max(last[1], r[1]);
                if (r[2] == CodingUnit.TURN.ordinal()) last[2] = r[2];
                last[3] += r[3];
            } else {
                out.add(r.clone());
            }
        }
        return out;
    }

    /** Codes the plan's passages in one transaction; a passage coded since the plan was made is left alone (counted as skipped). */
    public Applied apply(Plan plan) {
        checkCodable(plan.code());
        var store = session.store();
        return store.inTransaction(() -> {
            Coder coder = store.coders().getOrCreate(plan.coder());
            Set<Long> docs = new HashSet<>();
            for (Passage p : plan.toCode()) docs.add(p.document().id());
            Set<Key> existing = existing(plan.code(), plan.coder(), docs);
            List<Coding> made = new ArrayList<>();
            int skipped = 0;
            for (Passage p : plan.toCode()) {
                if (p.start() < 0 || p.end() > p.document().length() || p.start() >= p.end()) {
                    throw new TamgaException("The passage " + p.start() + "–" + p.end() + " is not inside \u201C" + p.document().name() + "\u201D.");
                }
                if (!existing.add(key(p.document().id(), p.start(), p.end()))) { skipped++; continue; }
                made.add(store.codings().insert(null, p.document().id(), plan.code().id(), coder.id(), p.start(), p.end(), null, null));
            }
            return new Applied(plan, List.copyOf(made), skipped);
        });
    }

    /** Takes away the codings a plan made (those still there), in one transaction: undo. */
    public void undo(Applied applied) {
        var store = session.store();
        store.inTransaction(() -> {
            for (Coding c : applied.codings()) {
                Optional<Coding> now = store.codings().byGuid(c.guid());
                now.ifPresent(n -> store.codings().delete(n.id()));
            }
            return null;
        });
    }

    /** Puts the codings of a plan back as they were made (same GUIDs and times), in one transaction: redo after {@link #undo}. */
    public void redo(Applied applied) {
        var store = session.store();
        store.inTransaction(() -> {
            for (Coding c : applied.codings()) {
                if (store.codings().byGuid(c.guid()).isPresent()) continue;
                store.codings().insert(c.guid(), c.documentId(), c.codeId(), c.coderId(), c.start(), c.end(), c.memo(), c.createdAt());
            }
            return null;
        });
    }

    /** Keys of the passages the coder has coded with the code in these documents (none when the coder is new). */
    private Set<Key> existing(Code code, String coderName, Set<Long> documentIds) {
        Set<Key> out = new HashSet<>();
        Optional<Coder> coder = session.store().coders().byName(coderName);
        if (coder.isEmpty()) return out;
        for (Coding c : session.store().codings().ofCodes(List.of(code.id()))) {
            if (c.coderId() == coder.get().id() && documentIds.contains(c.documentId())) out.add(key(c.documentId(), c.start(), c.end()));
        }
        return out;
    }

    /** One passage of one document. */
    private record Key(long documentId, int start, int end) {}

    private static Key key(long documentId, int start, int end) { return new Key(documentId, start, end); }

    private static String coderName(String name) {
        return name == null || name.isBlank() ? CodingService.defaultCoder() : name.strip();
    }

    private static void checkCodable(Code code) {
        if (code == null) throw new TamgaException("Say which code to apply.");
        if (!code.codable()) {
            throw new TamgaException("\u201C" + code.name() + "\u201D is a heading in the codebook, not a code to apply.");
        }
    }
}
