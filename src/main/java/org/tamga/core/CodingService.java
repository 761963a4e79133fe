package org.tamga.core;

import org.tamga.core.text.Positions;
import org.tamga.model.Code;
import org.tamga.model.Codebook;
import org.tamga.model.Coder;
import org.tamga.model.Coding;
import org.tamga.model.Document;
import org.tamga.model.TamgaException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Applying codes to passages, changing and removing codings, memos on codings, and retrieval. */
public final class CodingService {
    /** The coder used when none is named: the operating-system user. */
    public static String defaultCoder() {
        String user = System.getProperty("user.name");
        return user == null || user.isBlank() ? "coder" : user;
    }

    private final ProjectSession session;

    CodingService(ProjectSession session) { this.session = session; }

    /** Codes the passage [start, end) of a document (positions in code points) for a coder. */
    public Coding apply(Document document, int start, int end, Code code, String coderName) {
        return apply(document, start, end, code, coderName, null);
    }

    public Coding apply(Document document, int start, int end, Code code, String coderName, String memo) {
        checkRange(document, start, end);
        if (!code.codable()) {
            throw new TamgaException("\u201C" + code.name() + "\u201D is a heading in the codebook, not a code to apply.");
        }
        String coderNameClean = coderName == null || coderName.isBlank() ? session.coder() : coderName.strip();
        return saving(() -> {
            Coder coder = session.store().coders().getOrCreate(coderNameClean);
            for (Coding c : session.store().codings().ofDocument(document.id())) {
                if (c.codeId() == code.id() && c.coderId() == coder.id() && c.start() == start && c.end() == end) {
                    throw new TamgaException("This passage of \u201C" + document.name() + "\u201D is already coded with \u201C"
                            + code.name() + "\u201D by " + coder.name() + ".");
                }
            }
            return session.store().codings().insert(null, document.id(), code.id(), coder.id(), start, end, memo, null);
        }, document, code);
    }

    /**
     * Runs a coding edit; when it fails because another coder of a shared project deleted the code
     * or the document in the meantime (ADR 48), says so in plain words. Nothing was coded.
     */
    private <T> T saving(org.tamga.store.ProjectStore.Work<T> work, Document document, Code code) {
        try {
            return session.store().inTransaction(work);
        } catch (TamgaException e) {
            if (session.store().codes().codebook().byGuid(code.guid()).isEmpty()) {
                throw new TamgaException("The code \u201C" + code.name() + "\u201D was deleted (by another coder, or in another window) "
                        + "before this coding was saved; nothing was coded.", e);
            }
            if (session.store().documents().byGuid(document.guid()).isEmpty()) {
                throw new TamgaException("The document \u201C" + document.name() + "\u201D was deleted (by another coder, or in another window) "
                        + "before this coding was saved; nothing was coded.", e);
            }
            throw e;
        }
    }

    /** A passage to code in bulk: positions in code points, as for {@link #apply}. */
    public record Passage(Document document, int start, int end, Code code, String coder) {}

    /**
     * Codes many passages in one transaction: all of them, or none if one is out of its document or
     * names a heading. A passage already coded with the same code by the same coder is left as it is.
     *
     * @return how many codings were made
     */
    public int applyAll(List<Passage> passages) {
        for (Passage p : passages) {
            checkRange(p.document(), p.start(), p.end());
            if (!p.code().codable()) {
                throw new TamgaException("\u201C" + p.code().name() + "\u201D is a heading in the codebook, not a code to apply.");
            }
        }
        return session.store().inTransaction(() -> {
            Map<String, Long> coders = new HashMap<>();
            List<org.tamga.store.CodingRepository.NewCoding> rows = new ArrayList<>(passages.size());
            for (Passage p : passages) {
                String name = p.coder() == null || p.coder().isBlank() ? session.coder() : p.coder().strip();
                long coder = coders.computeIfAbsent(name, n -> session.store().coders().getOrCreate(n).id());
                rows.add(new org.tamga.store.CodingRepository.NewCoding(p.document().id(), p.code().id(), coder, p.start(), p.end()));
            }
            return session.store().codings().insertAllNew(rows);
        });
    }

    public void remove(Coding coding) { session.store().codings().delete(coding.id()); }

    /**
     * A coding named by GUIDs and the coder's name rather than by this session's row ids: what undo
     * keeps, so that putting a coding back finds its document and code even after the code was
     * deleted and restored (and so new row ids), and finds nothing in another project.
     */
    public record Trace(String guid, String documentGuid, String codeGuid, String coder, int start, int end,
                        String memo, java.time.Instant createdAt) {}

    public Trace trace(Coding coding) {
        Document doc = session.store().documents().byId(coding.documentId())
                .orElseThrow(() -> new TamgaException("The coding's document is no longer in the project."));
        Code code = session.codebook().codebook().byId(coding.codeId())
                .orElseThrow(() -> new TamgaException("The coding's code is no longer in the codebook."));
        String coder = session.store().coders().byId(coding.coderId()).map(Coder::name).orElse(defaultCoder());
        return new Trace(coding.guid(), doc.guid(), code.guid(), coder, coding.start(), coding.end(), coding.memo(), coding.createdAt());
    }

    /** Puts back a coding that was removed, by the GUIDs of its document and code (for undo and redo). */
    public Coding restore(Trace trace) {
        Document doc = session.store().documents().byGuid(trace.documentGuid())
                .orElseThrow(() -> new TamgaException("The coding's document is no longer in the project."));
        Code code = session.codebook().codebook().byGuid(trace.codeGuid())
                .orElseThrow(() -> new TamgaException("The coding's code is no longer in the codebook."));
        long coder = session.store().coders().getOrCreate(trace.coder()).id();
        return session.store().codings().insert(trace.guid(), doc.id(), code.id(), coder, trace.start(), trace.end(),
                trace.memo(), trace.createdAt());
    }

    /** Removes the coding with this GUID, if the project has it. */
    public void remove(String guid) {
        session.store().codings().byGuid(guid).ifPresent(c -> session.store().codings().delete(c.id()));
    }

    /** Puts back a coding that was removed (same GUID, positions, coder, memo and time): for undo. */
    public Coding restore(Coding coding) {
        return session.store().codings().insert(coding.guid(), coding.documentId(), coding.codeId(), coding.coderId(),
                coding.start(), coding.end(), coding.memo(), coding.createdAt());
    }

    /** Moves a coding's boundaries. */
    public Coding changeRange(Coding coding, int start, int end) {
        Document doc = session.store().documents().byId(coding.documentId()).orElseThrow();
        checkRange(doc, start, end);
        session.store().codings().setRange(coding.id(), start, end);
        return byGuid(coding.guid());
    }

    public Coding setMemo(Coding coding, String memo) {
        session.store().codings().setMemo(coding.id(), memo);
        return byGuid(coding.guid());
    }

    public Coding byGuid(String guid) {
        return session.store().codings().byGuid(guid)
                .orElseThrow(() -> new TamgaException("No coding " + guid + " in the project."));
    }

    public List<Coding> ofDocument(Document document) { return session.store().codings().ofDocument(document.id()); }

    /**
     * The codings whose id is above {@code id}, by id. On a shared project ids are handed out when a
     * coding is written and become visible when its transaction commits, which may be in another
     * order: a caller catching up keeps a margin below the highest id it has seen (ADR 48).
     */
    public List<Coding> since(long id) { return session.store().codings().since(id); }

    /** How many codings each code has (code id → count). */
    public Map<Long, Integer> countsByCode() { return session.store().codings().countsByCode(); }

    /** How many codings each document has (document id → count). */
    public Map<Long, Integer> countsByDocument() { return session.store().codings().countsByDocument(); }

    public List<Coder> coders() { return session.store().coders().all(); }

    /** The ids of the coders named, leniently: one not (yet) in the project has no codings; empty for everyone. */
    private java.util.Set<Long> shown(Set<String> coderNames) { return session.reports().coderIds(coderNames, true); }

    /** Codings per code of these coders only (all when empty); a coder not (yet) in the project has none. */
    public Map<Long, Integer> countsByCode(Set<String> coderNames) { return session.store().codings().countsByCode(shown(coderNames)); }

    /** Codings per document of these coders only (all when empty). */
    public Map<Long, Integer> countsByDocument(Set<String> coderNames) { return session.store().codings().countsByDocument(shown(coderNames)); }

    /** A document's codings by these coders only (all when empty). */
    public List<Coding> ofDocument(Document document, Set<String> coderNames) {
        java.util.Set<Long> ids = shown(coderNames);
        List<Coding> all = ofDocument(document);
        return ids.isEmpty() ? all : all.stream().filter(c -> ids.contains(c.coderId())).toList();
    }

    private static void checkRange(Document document, int start, int end) {
        if (start < 0 || end > document.length() || start >= end) {
            throw new TamgaException("The passage " + start + "–" + end + " is not inside \u201C" + document.name()
                    + "\u201D (positions run from 0 to " + document.length() + ", and the end must come after the start).");
        }
    }

    /** One retrieved segment: the coding, where it is, who made it, and its text. */
    public record Segment(Coding coding, Document document, Code code, String codePath, String coder, String text) {}

    /**
     * Retrieval: every passage coded with {@code code} (and, if asked, with any code below it), in
     * document and position order, optionally only those of some coders.
     */
    public List<Segment> retrieve(Code code, boolean withChildren, Set<String> coderNames) {
        return retrieve(code, withChildren, coderNames, null);
    }

    /**
     * Retrieval, optionally only in what one speaker said: a coding is kept when it overlaps one of
     * the speaker's turns (see {@link SpeakerService}).
     */
    public List<Segment> retrieve(Code code, boolean withChildren, Set<String> coderNames, String speaker) {
        Codebook book = session.store().codes().codebook();
        List<Long> ids = withChildren ? book.withDescendants(code.id()).stream().map(Code::id).toList() : List.of(code.id());
        return segments(book, spokenBy(session.store().codings().ofCodes(ids), speaker), coderNames);
    }

    /** Every coding of the project as segments. */
    public List<Segment> all(Set<String> coderNames) { return all(coderNames, null); }

    /** Every coding of the project as segments, optionally only those overlapping a speaker's turns. */
    public List<Segment> all(Set<String> coderNames, String speaker) {
        Codebook book = session.store().codes().codebook();
        return segments(book, spokenBy(session.store().codings().all(), speaker), coderNames);
    }

    /** The codings that overlap a turn of the speaker (all of them when speaker is null). */
    List<Coding> spokenBy(List<Coding> codings, String speaker) {
        if (speaker == null) return codings;
        Map<Long, List<org.tamga.model.Turn>> turns = session.speakers().turnsByDocument(speaker);
        return codings.stream().filter(c -> SpeakerService.spoken(turns, c.documentId(), c.start(), c.end())).toList();
    }

    private List<Segment> segments(Codebook book, List<Coding> codings, Set<String> coderNames) {
        Map<Long, String> coders = new HashMap<>();
        for (Coder c : session.store().coders().all()) coders.put(c.id(), c.name());
        Map<Long, Document> docs = new HashMap<>();
        for (Document d : session.store().documents().all()) docs.put(d.id(), d);
        Map<Long, Positions> texts = new HashMap<>();
        List<Segment> out = new ArrayList<>();
        for (Coding c : codings) {
            String coder = coders.get(c.coderId());
            if (coderNames != null && !coderNames.isEmpty() && !coderNames.contains(coder)) continue;
            Document d = docs.get(c.documentId());
            Positions p = texts.computeIfAbsent(d.id(), id -> new Positions(session.store().documents().text(id)));
            Code code = book.byId(c.codeId()).orElseThrow();
            out.add(new Segment(c, d, code, book.path(code), coder, p.substring(c.start(), c.end())));
        }
        out.sort((a, b) -> {
            int byDoc = a.document().name().compareToIgnoreCase(b.document().name());
            return byDoc != 0 ? byDoc : Integer.compare(a.coding().start(), b.coding().start());
        });
        return out;
    }
}
