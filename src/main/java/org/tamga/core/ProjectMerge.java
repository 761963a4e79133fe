package org.tamga.core;

import org.tamga.core.MergeReport.ConflictKind;
import org.tamga.core.MergeReport.Kind;
import org.tamga.exchange.Guids;
import org.tamga.model.Attribute;
import org.tamga.model.Case;
import org.tamga.model.Code;
import org.tamga.model.CodeEvent;
import org.tamga.model.Codebook;
import org.tamga.model.Coder;
import org.tamga.model.Coding;
import org.tamga.model.Document;
import org.tamga.model.Memo;
import org.tamga.model.Turn;
import org.tamga.store.CodeHistoryRepository;
import org.tamga.store.DocumentRepository;
import org.tamga.store.ProjectStore;
import org.tamga.store.TurnRepository;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Brings one copy of a project ({@code source}, opened for reading) into the open project
 * ({@code target}), inside the caller's transaction. Things are matched as docs/adr/0039 says:
 * coders by name; documents by GUID, else by identical text; codes by GUID, else by name at the
 * same place, else added; codings by GUID or by document, code, coder and passage; memos,
 * attributes and cases by GUID, else by name (a memo by its title and text). A merge only adds: the
 * target's version of anything both copies have is kept, and where the copies differ the report
 * says what was kept and what the source had. Memo texts edited in both copies are both kept.
 * The codes' history (ADR 46) comes along: the copy's events (each once, by GUID), and what this
 * merge did to the target's codes — a code added, a blank filled in, a value kept over the
 * copy's — recorded under the coder who merges, once however often the copy is merged.
 */
final class ProjectMerge {
    private final ProjectStore target;
    private final ProjectStore source;
    private final Path sourceFile;
    private final String sourceName;
    /** The codes the target had before any copy was merged into it (not those an earlier copy of this merge added). */
    private final Set<String> originalCodeGuids;
    /** Who merges: the coder the merge's own events of the codes' history are recorded under. */
    private final String coder;
    /** When: every event this merge records has the same time. */
    private final Instant now = Instant.now();

    private final Map<Kind, int[]> tallies = new EnumMap<>(Kind.class);
    private final List<MergeReport.Conflict> conflicts = new ArrayList<>();
    private int changes;

    private final Map<Long, Long> coderMap = new HashMap<>();
    private final Map<Long, Long> attributeMap = new HashMap<>();
    private final Map<Long, Attribute> targetAttributes = new HashMap<>();
    private final Map<Long, Document> documentMap = new HashMap<>();
    /** Source documents added as documents of their own because the target's of the same GUID has another text. */
    private final Set<Long> documentCopies = new HashSet<>();
    private final Map<Long, Long> codeMap = new HashMap<>();

    ProjectMerge(ProjectStore target, ProjectStore source, Path sourceFile, Set<String> originalCodeGuids, String coder) {
        this.target = target;
        this.source = source;
        this.sourceFile = sourceFile;
        this.sourceName = sourceFile.getFileName().toString();
        this.originalCodeGuids = originalCodeGuids;
        this.coder = coder;
    }

    MergeReport.Source run() {
        projectMemo();
        coders();
        attributes();
        documents();
        codes();
        history();
        codings();
        memos();
        cases();
        Map<Kind, MergeReport.Tally> out = new EnumMap<>(Kind.class);
        tallies.forEach((k, v) -> out.put(k, new MergeReport.Tally(v[0], v[1])));
        return new MergeReport.Source(sourceFile, out, conflicts, changes);
    }

    // ---- the project, coders, attributes ------------------------------------------------------

    private void projectMemo() {
        String merged = memo(target.project().memo(), source.project().memo(), "the project's memo");
        if (merged != null) target.setProjectMemo(merged);
    }

    private void coders() {
        Map<String, Coder> byName = new HashMap<>();
        Set<String> guids = new HashSet<>();
        for (Coder c : target.coders().all()) { byName.put(c.name(), c); guids.add(c.guid()); }
        for (Coder c : source.coders().all()) {
            Coder t = byName.get(c.name());
            if (t == null) {
                t = target.coders().insert(free(guids, c.guid()), c.name());
                byName.put(t.name(), t);
                added(Kind.CODERS);
            } else {
                already(Kind.CODERS);
            }
            coderMap.put(c.id(), t.id());
        }
    }

    private void attributes() {
        List<Attribute> existing = new ArrayList<>(target.attributes().all());
        Set<String> guids = new HashSet<>();
        for (Attribute a : existing) guids.add(a.guid());
        for (Attribute a : source.attributes().all()) {
            Attribute t = existing.stream().filter(x -> x.guid().equals(a.guid())).findFirst()
                    .orElseGet(() -> existing.stream().filter(x -> x.name().equalsIgnoreCase(a.name())).findFirst().orElse(null));
            if (t == null) {
                t = target.attributes().insert(free(guids, a.guid()), a.name(), a.type(), a.description());
                existing.add(t);
                added(Kind.ATTRIBUTES);
            } else {
                already(Kind.ATTRIBUTES);
                String item = "\u201C" + t.name() + "\u201D";
                if (!t.name().equals(a.name())) conflict(ConflictKind.ATTRIBUTE_RENAMED, item, t.name(), a.name());
                if (t.type() != a.type()) conflict(ConflictKind.ATTRIBUTE_TYPE, item, t.type().word(), a.type().word());
                String description = single(ConflictKind.ATTRIBUTE_DESCRIPTION, item, t.description(), a.description());
                if (description != null) {
                    target.attributes().setDescription(t.id(), description);
                    t = new Attribute(t.id(), t.guid(), t.name(), t.type(), description);
                }
            }
            attributeMap.put(a.id(), t.id());
            targetAttributes.put(t.id(), t);
        }
    }

    // ---- documents ----------------------------------------------------------------------------

    private void documents() {
        DocumentRepository docs = target.documents();
        Map<Long, Map<Long, String>> sourceValues = source.attributes().allDocumentValues();
        for (Document d : source.documents().all()) {
            Document byGuid = docs.byGuid(d.guid()).orElse(null);
            Document t = byGuid != null && byGuid.sha256().equals(d.sha256()) ? byGuid : docs.bySha256(d.sha256()).orElse(null);
            if (t == null) {
                t = addDocument(d, byGuid);
            } else {
                already(Kind.DOCUMENTS);
                String item = "document \u201C" + t.name() + "\u201D";
                if (!t.name().equals(d.name())) conflict(ConflictKind.DOCUMENT_RENAMED, item, t.name(), d.name());
                String merged = memo(t.memo(), d.memo(), "the memo of " + item);
                if (merged != null) docs.setMemo(t.id(), merged);
                turns(t, d, item);
            }
            documentMap.put(d.id(), t);
            Document doc = t;
            Map<Long, String> own = target.attributes().documentValues(doc.id());
            for (var v : sourceValues.getOrDefault(d.id(), Map.of()).entrySet()) {
                long attribute = attributeMap.get(v.getKey());
                value("document \u201C" + doc.name() + "\u201D", targetAttributes.get(attribute), own.get(attribute), v.getValue(),
                        x -> target.attributes().setDocumentValue(doc.id(), attribute, x));
            }
        }
    }

    /** Adds a source document the target lacks: its text, memo, where it came from and its speaker turns, as the copy has them. */
    private Document addDocument(Document d, Document sameGuid) {
        DocumentRepository docs = target.documents();
        String name = d.name();
        for (int n = 2; docs.nameExists(name); n++) name = d.name() + " (" + n + ")";
        String guid = sameGuid == null ? d.guid() : Guids.fresh();
        if (sameGuid != null) {
            documentCopies.add(d.id());
            conflict(ConflictKind.DOCUMENT_TEXT_DIFFERS, "document \u201C" + sameGuid.name() + "\u201D", "the target's text ("
                    + QdpxImport.count(sameGuid.length(), "character") + ")", "another text (" + QdpxImport.count(d.length(), "character")
                    + "), added as the document \u201C" + name + "\u201D");
        } else if (!name.equals(d.name())) {
            conflict(ConflictKind.DOCUMENT_NAME_TAKEN, "document \u201C" + d.name() + "\u201D", "the target's document of that name (another text)",
                    "the source's document of that name, added as \u201C" + name + "\u201D");
        }
        Document t = docs.insert(new DocumentRepository.NewDocument(guid, name, d.language(), source.documents().text(d.id()), d.length(),
                d.sourceFile(), d.sourceEncoding(), d.sha256(), d.importedAt()));
        docs.setSource(t.id(), source.documents().source(d.id()));
        target.turns().insertAll(t.id(), source.turns().ofDocument(d.id()).stream()
                .map(x -> new TurnRepository.NewTurn(x.speaker(), x.start(), x.end(), x.timeStartMs(), x.timeEndMs())).toList());
        if (!blank(d.memo())) {
            docs.setMemo(t.id(), d.memo());
            added(Kind.MEMOS);
        }
        added(Kind.DOCUMENTS);
        return docs.byId(t.id()).orElseThrow();
    }

    /** Speaker turns are read from the text at import; they differ when a speaker was renamed in one copy. The target's stay. */
    private void turns(Document t, Document d, String item) {
        List<Turn> mine = target.turns().ofDocument(t.id());
        List<Turn> theirs = source.turns().ofDocument(d.id());
        if (turnKeys(mine).equals(turnKeys(theirs))) return;
        conflict(ConflictKind.TURNS_DIFFER, item, describeTurns(mine), describeTurns(theirs));
    }

    private static List<String> turnKeys(List<Turn> turns) {
        return turns.stream().map(x -> x.speaker() + "\u0000" + x.start() + ":" + x.end() + ":" + x.timeStartMs() + ":" + x.timeEndMs()).toList();
    }

    private static String describeTurns(List<Turn> turns) {
        Set<String> speakers = new LinkedHashSet<>();
        for (Turn x : turns) speakers.add(x.speaker());
        return QdpxImport.count(turns.size(), "turn") + (speakers.isEmpty() ? "" : " (" + String.join(", ", speakers) + ")");
    }

    // ---- codes --------------------------------------------------------------------------------

    private void codes() {
        Codebook theirs = source.codes().codebook();
        Codebook book = target.codes().codebook();
        Map<Long, Integer> usedInSource = source.codings().countsByCode();
        Set<Long> matched = new HashSet<>();
        for (Code s : theirs.codes()) { // parents before their children
            Long parent = s.parentId() == null ? null : codeMap.get(s.parentId());
            Code t = book.byGuid(s.guid()).filter(c -> !matched.contains(c.id())).orElse(null);
            if (t == null) {
                List<Code> level = parent == null ? book.roots() : book.children(parent);
                t = level.stream().filter(c -> !matched.contains(c.id()) && c.name().equalsIgnoreCase(s.name())).findFirst().orElse(null);
            }
            if (t == null) {
                t = addCode(s, parent, book, theirs, usedInSource.getOrDefault(s.id(), 0));
                book = target.codes().codebook();
            } else {
                already(Kind.CODES);
                if (matchCode(t, s, parent, book, theirs)) book = target.codes().codebook();
            }
            matched.add(t.id());
            codeMap.put(s.id(), t.id());
        }
        Map<Long, Integer> usedInTarget = target.codings().countsByCode();
        for (Code t : book.codes()) {
            int used = usedInTarget.getOrDefault(t.id(), 0);
            if (matched.contains(t.id()) || used == 0 || !originalCodeGuids.contains(t.guid())) continue;
            conflict(ConflictKind.CODE_NOT_IN_SOURCE, "code \u201C" + book.path(t) + "\u201D", "kept, with its " + QdpxImport.count(used, "coding"),
                    "no such code (deleted in the source, or new in the target)");
            event(t, CodeEvent.Kind.KEPT_CODE, null, book.path(t));
        }
    }

    private Code addCode(Code s, Long parent, Codebook book, Codebook theirs, int used) {
        List<Code> level = parent == null ? book.roots() : book.children(parent);
        String name = s.name();
        for (int n = 2; taken(level, name); n++) name = s.name() + " (" + n + ")";
        String guid = book.byGuid(s.guid()).isPresent() ? Guids.fresh() : s.guid();
        Code t = target.codes().insert(guid, parent, name, s.description(), s.color(), s.codable());
        if (!blank(s.memo())) {
            target.codes().update(new Code(t.id(), t.guid(), t.parentId(), t.name(), t.description(), t.color(), t.codable(), t.order(), s.memo()));
            added(Kind.MEMOS);
        }
        added(Kind.CODES);
        Codebook now = target.codes().codebook();
        String path = now.path(now.byId(t.id()).orElseThrow());
        event(t, CodeEvent.Kind.ADDED_BY_MERGE, null, path);
        if (!name.equals(s.name())) event(t, CodeEvent.Kind.KEPT_NAME, s.name(), name);
        if (!name.equals(s.name())) {
            conflict(ConflictKind.CODE_NAME_TAKEN, "code \u201C" + theirs.path(s) + "\u201D", "the target's other code \u201C" + s.name()
                    + "\u201D at this place", "the source's code, added as \u201C" + path + "\u201D");
        }
        if (used > 0) {
            conflict(ConflictKind.CODE_NOT_IN_TARGET, "code \u201C" + path + "\u201D", "added, with its " + QdpxImport.count(used, "coding"),
                    "used in the source (" + QdpxImport.count(used, "coding") + "); the target has no such code (deleted there, or new in the source)");
        }
        return t;
    }

    private static boolean taken(List<Code> level, String name) {
        return level.stream().anyMatch(c -> c.name().equalsIgnoreCase(name));
    }

    /** Compares a code both copies have; the target's name, colour, place, description and kind stay. Returns whether the target's code was written. */
    private boolean matchCode(Code t, Code s, Long parent, Codebook book, Codebook theirs) {
        String item = "code \u201C" + book.path(t) + "\u201D";
        if (!t.name().equals(s.name())) {
            conflict(ConflictKind.CODE_RENAMED, item, t.name(), s.name());
            event(t, CodeEvent.Kind.KEPT_NAME, s.name(), t.name());
        }
        String color = t.color();
        if (blank(t.color()) && !blank(s.color())) {
            color = s.color();
            event(t, CodeEvent.Kind.RECOLOURED, t.color(), color);
        } else if (!blank(s.color()) && !t.color().equalsIgnoreCase(s.color())) {
            conflict(ConflictKind.CODE_RECOLOURED, item, t.color(), s.color());
            event(t, CodeEvent.Kind.KEPT_COLOUR, s.color(), t.color());
        }
        if (!Objects.equals(t.parentId(), parent)) {
            Code theirParent = s.parentId() == null ? null : theirs.byId(s.parentId()).orElse(null);
            Code myParent = t.parentId() == null ? null : book.byId(t.parentId()).orElse(null);
            conflict(ConflictKind.CODE_MOVED, item, place(book, myParent), place(theirs, theirParent));
            event(t, CodeEvent.Kind.KEPT_PLACE, theirParent == null ? null : theirs.path(theirParent), myParent == null ? null : book.path(myParent));
        }
        if (t.codable() != s.codable()) {
            conflict(ConflictKind.CODE_HEADING, item, kind(t), kind(s));
            event(t, CodeEvent.Kind.KEPT_KIND, kind(s), kind(t));
        }
        String description = single(ConflictKind.CODE_DESCRIPTION, item, t.description(), s.description());
        if (description != null) event(t, CodeEvent.Kind.DESCRIBED, t.description(), description);
        else if (!blank(t.description()) && !blank(s.description()) && !t.description().strip().equals(s.description().strip())) {
            event(t, CodeEvent.Kind.KEPT_DEFINITION, s.description(), t.description());
        }
        String memo = memo(t.memo(), s.memo(), "the memo of " + item);
        if (description == null && memo == null && Objects.equals(color, t.color())) return false;
        target.codes().update(new Code(t.id(), t.guid(), t.parentId(), t.name(), description == null ? t.description() : description, color,
                t.codable(), t.order(), memo == null ? t.memo() : memo));
        if (!Objects.equals(color, t.color())) changes++;
        return true;
    }

    private static String place(Codebook book, Code parent) {
        return parent == null ? "at the top level" : "under \u201C" + book.path(parent) + "\u201D";
    }

    private static String kind(Code c) { return c.codable() ? "a code to apply" : "a heading (not applied)"; }

    // ---- the codes' history (ADR 46) -----------------------------------------------------------

    /**
     * Brings the copy's history of its codes: each event once (by GUID, or the same event under
     * another GUID), on the target's code the copy's code was matched with; events of codes the copy
     * no longer has keep their code's GUID.
     */
    private void history() {
        Map<String, String> codeGuids = new HashMap<>();
        Map<Long, String> targetGuids = new HashMap<>();
        for (Code c : target.codes().codebook().codes()) targetGuids.put(c.id(), c.guid());
        for (Code c : source.codes().codebook().codes()) {
            Long mapped = codeMap.get(c.id());
            if (mapped != null && targetGuids.containsKey(mapped)) codeGuids.put(c.guid(), targetGuids.get(mapped));
        }
        CodeHistoryRepository h = target.codeHistory();
        for (CodeEvent e : source.codeHistory().all()) {
            var copy = new CodeHistoryRepository.NewEvent(e.guid(), codeGuids.getOrDefault(e.codeGuid(), e.codeGuid()), e.kind(),
                    e.oldValue(), e.newValue(), e.coder(), e.at(), e.detail());
            if (h.exists(e.guid()) || h.hasLike(copy, true)) {
                already(Kind.HISTORY);
            } else {
                h.add(copy);
                added(Kind.HISTORY);
            }
        }
    }

    /**
     * Records what this merge did to one of the target's codes, with the copy's name as the detail;
     * an event the target has already (this copy merged before) is not recorded again.
     */
    private void event(Code code, CodeEvent.Kind kind, String oldValue, String newValue) {
        var e = new CodeHistoryRepository.NewEvent(null, code.guid(), kind, oldValue, newValue, coder, now, sourceName);
        if (kind.isMergeConflict() && target.codeHistory().hasLike(e, false)) return;
        target.codeHistory().add(e);
        added(Kind.HISTORY);
    }

    // ---- codings ------------------------------------------------------------------------------

    private record Key(long document, long code, long coder, int start, int end) {
        static Key of(Coding c) { return new Key(c.documentId(), c.codeId(), c.coderId(), c.start(), c.end()); }
    }

    private void codings() {
        Codebook book = target.codes().codebook();
        Map<Long, String> coderNames = new HashMap<>();
        for (Coder c : target.coders().all()) coderNames.put(c.id(), c.name());
        for (Document d : source.documents().all()) {
            Document t = documentMap.get(d.id());
            Map<String, Coding> byGuid = new HashMap<>();
            Map<Key, Coding> byKey = new HashMap<>();
            for (Coding c : target.codings().ofDocument(t.id())) { byGuid.put(c.guid(), c); byKey.putIfAbsent(Key.of(c), c); }
            List<Coding> adding = new ArrayList<>();
            Set<String> guids = new HashSet<>();
            for (Coding c : source.codings().ofDocument(d.id())) {
                Coding mine = new Coding(0, c.guid(), t.id(), codeMap.get(c.codeId()), coderMap.get(c.coderId()), c.start(), c.end(), c.memo(), c.createdAt());
                Key key = Key.of(mine);
                Coding sameGuid = byGuid.get(c.guid());
                Coding same = sameGuid != null && Key.of(sameGuid).equals(key) ? sameGuid : byKey.get(key);
                if (same != null) {
                    already(Kind.CODINGS);
                    String merged = memo(same.memo(), c.memo(), "the memo of the coding " + describe(book, coderNames, t, same));
                    if (merged != null) target.codings().setMemo(same.id(), merged);
                    continue;
                }
                boolean free = sameGuid == null && !guids.contains(c.guid()) && target.codings().byGuid(c.guid()).isEmpty();
                if (!free) {
                    mine = new Coding(0, Guids.fresh(), mine.documentId(), mine.codeId(), mine.coderId(), mine.start(), mine.end(), mine.memo(), mine.createdAt());
                }
                if (sameGuid != null && !documentCopies.contains(d.id())) {
                    conflict(ConflictKind.CODING_CHANGED, "coding " + c.guid() + " of \u201C" + t.name() + "\u201D",
                            describe(book, coderNames, t, sameGuid) + ", and the source's version beside it", describe(book, coderNames, t, mine));
                }
                guids.add(mine.guid());
                adding.add(mine);
                byKey.put(key, mine);
                if (!blank(mine.memo())) added(Kind.MEMOS);
                added(Kind.CODINGS);
            }
            if (!adding.isEmpty()) target.codings().insertAll(adding);
        }
    }

    private static String describe(Codebook book, Map<Long, String> coderNames, Document d, Coding c) {
        return "\u201C" + book.byId(c.codeId()).map(book::path).orElse("?") + "\u201D by " + coderNames.getOrDefault(c.coderId(), "?")
                + " at " + c.start() + "\u2013" + c.end() + " of \u201C" + d.name() + "\u201D";
    }

    // ---- memos and cases ----------------------------------------------------------------------

    private void memos() {
        List<Memo> existing = target.memos().all();
        Map<String, Memo> byGuid = new HashMap<>();
        Set<String> guids = new HashSet<>();
        for (Memo m : existing) { byGuid.put(m.guid(), m); guids.add(m.guid()); }
        for (Memo m : source.memos().all()) {
            Memo t = byGuid.get(m.guid());
            if (t == null) {
                t = existing.stream().filter(x -> Objects.equals(x.title(), m.title()) && x.text().equals(m.text())).findFirst().orElse(null);
                if (t != null) { already(Kind.MEMOS); continue; }
                target.memos().insert(free(guids, m.guid()), m.title(), m.text(), m.coderId() == null ? null : coderMap.get(m.coderId()),
                        m.createdAt(), m.modifiedAt());
                added(Kind.MEMOS);
                continue;
            }
            String item = "the memo \u201C" + (blank(t.title()) ? QdpxImport.count(t.text().codePointCount(0, t.text().length()), "character") : t.title()) + "\u201D";
            if (!Objects.equals(t.title(), m.title())) conflict(ConflictKind.MEMO_TITLE, item, nz(t.title()), nz(m.title()));
            String merged = memo(t.text(), m.text(), item);
            if (merged != null) target.memos().update(t.id(), t.title(), merged);
        }
    }

    private void cases() {
        List<Case> existing = new ArrayList<>(target.cases().all());
        Set<String> guids = new HashSet<>();
        for (Case c : existing) guids.add(c.guid());
        Map<Long, List<Long>> members = source.cases().documents();
        Map<Long, Map<Long, String>> sourceValues = source.cases().values();
        Map<Long, Map<Long, String>> targetValues = target.cases().values();
        for (Case c : source.cases().all()) {
            Case t = existing.stream().filter(x -> x.guid().equals(c.guid())).findFirst()
                    .orElseGet(() -> existing.stream().filter(x -> x.name().equalsIgnoreCase(c.name())).findFirst().orElse(null));
            if (t == null) {
                t = target.cases().insert(free(guids, c.guid()), c.name(), c.memo());
                existing.add(t);
                added(Kind.CASES);
                if (!blank(c.memo())) added(Kind.MEMOS);
            } else {
                already(Kind.CASES);
                String item = "case \u201C" + t.name() + "\u201D";
                if (!t.name().equals(c.name())) conflict(ConflictKind.CASE_RENAMED, item, t.name(), c.name());
                String merged = memo(t.memo(), c.memo(), "the memo of " + item);
                if (merged != null) target.cases().setMemo(t.id(), merged);
            }
            long caseId = t.id();
            for (long d : members.getOrDefault(c.id(), List.of())) {
                if (target.cases().addDocument(caseId, documentMap.get(d).id())) added(Kind.CASE_DOCUMENTS); else already(Kind.CASE_DOCUMENTS);
            }
            Map<Long, String> own = targetValues.getOrDefault(caseId, Map.of());
            for (var v : sourceValues.getOrDefault(c.id(), Map.of()).entrySet()) {
                long attribute = attributeMap.get(v.getKey());
                value("case \u201C" + t.name() + "\u201D", targetAttributes.get(attribute), own.get(attribute), v.getValue(),
                        x -> target.cases().setValue(caseId, attribute, x));
            }
        }
    }

    // ---- the rules for single values and for memos -------------------------------------------

    /**
     * One value of an attribute, on a document or a case: set when the target has none; when the
     * target has another, the target's stays and the conflict is reported; a value that does not
     * fit the target's type of the attribute is reported and not set.
     */
    private void value(String owner, Attribute a, String mine, String theirs, Consumer<String> set) {
        String item = owner + ", attribute \u201C" + a.name() + "\u201D";
        String v = a.type().normalise(a.type() == Attribute.Type.TEXT ? theirs : theirs.strip());
        if (v == null) {
            conflict(ConflictKind.VALUE_UNFIT, item, mine == null ? "no value" : mine, theirs + " (not " + a.type().example() + ")");
        } else if (mine == null) {
            set.accept(v);
            added(Kind.VALUES);
        } else if (mine.equals(v)) {
            already(Kind.VALUES);
        } else {
            conflict(ConflictKind.VALUE_DIFFERS, item, mine, theirs);
        }
    }

    /**
     * A description both copies give: the source's fills in a blank one (returned, to be written);
     * when both have one and they differ, the target's stays and the conflict is reported (null).
     */
    private String single(ConflictKind kind, String item, String mine, String theirs) {
        if (blank(theirs)) return null;
        if (blank(mine)) { changes++; return theirs; }
        if (!mine.strip().equals(theirs.strip())) conflict(kind, item, mine, theirs);
        return null;
    }

    /**
     * The text a memo has after the merge, or null when the target's stays as it is: the source's
     * fills in a blank memo; a text that holds the other's whole (one copy went on writing) is the
     * one kept; when each copy has written something the other lacks, both are kept, the target's
     * first, then a line naming the source and the source's text, and the conflict is reported.
     */
    private String memo(String mine, String theirs, String item) {
        if (blank(theirs)) return null;
        String other = theirs.strip();
        if (!blank(mine) && mine.contains(other)) { already(Kind.MEMOS); return null; }
        added(Kind.MEMOS);
        if (blank(mine) || other.contains(mine.strip())) return theirs;
        conflict(ConflictKind.MEMO_EDITED, item, "both texts: the target's, then the source's below \u201C" + separator() + "\u201D", theirs);
        return mine.stripTrailing() + "\n\n" + separator() + "\n" + other;
    }

    private String separator() { return "\u2014\u2014\u2014 from " + sourceName + " \u2014\u2014\u2014"; }

    // ---- helpers ------------------------------------------------------------------------------

    private void conflict(ConflictKind kind, String item, String kept, String other) {
        conflicts.add(new MergeReport.Conflict(sourceName, kind, item, kept, other));
    }

    private void added(Kind kind) {
        tallies.computeIfAbsent(kind, k -> new int[2])[0]++;
        changes++;
    }

    private void already(Kind kind) { tallies.computeIfAbsent(kind, k -> new int[2])[1]++; }

    /** The source's GUID when the target has no such GUID yet, else a new one; either way it is taken from now on. */
    private static String free(Set<String> taken, String guid) {
        String g = guid != null && taken.contains(guid) ? Guids.fresh() : guid;
        taken.add(g);
        return g;
    }

    private static boolean blank(String s) { return s == null || s.isBlank(); }

    private static String nz(String s) { return s == null ? "(none)" : s; }
}
