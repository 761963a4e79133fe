package org.tamga.core;

import org.tamga.exchange.CodeNode;
import org.tamga.exchange.CodebookFile;
import org.tamga.exchange.CodebookMarkdown;
import org.tamga.model.Code;
import org.tamga.model.CodeEvent;
import org.tamga.model.Codebook;
import org.tamga.model.Coding;
import org.tamga.model.TamgaException;
import org.tamga.store.CodeHistoryRepository;
import org.tamga.store.CodeRepository;
import org.tamga.store.ProjectStore;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The codebook: create, rename, move, merge and delete codes; exchange codebooks as {@code .qdc}.
 * Every change of a code is recorded in its history under the session's coder (ADR 46).
 */
public final class CodebookService {
    private final ProjectSession session;

    CodebookService(ProjectSession session) { this.session = session; }

    private CodeRepository codes() { return session.store().codes(); }

    public Codebook codebook() { return codes().codebook(); }

    /** The one code a researcher means by {@code name} (see {@link Codebook#find}), or a clear error. */
    public Code resolve(String name) {
        Codebook book = codebook();
        List<Code> found = book.find(name);
        if (found.isEmpty()) {
            throw new TamgaException("No code \u201C" + name + "\u201D in the codebook"
                    + (book.size() == 0 ? " (the codebook is empty: import one with `codebook import`)." : "."));
        }
        if (found.size() > 1) {
            throw new TamgaException("\u201C" + name + "\u201D names " + found.size() + " codes ("
                    + String.join("; ", found.stream().map(book::path).toList()) + "); give the path, e.g. \u201C"
                    + book.path(found.getFirst()) + "\u201D.");
        }
        return found.getFirst();
    }

    public Code create(Long parentId, String name, String description, String color) {
        String clean = checkName(name);
        return session.store().inTransaction(() -> {
            checkSiblingFree(parentId, clean, null);
            Code made = codes().insert(null, parentId, clean, description, color, true);
            record(made, CodeEvent.Kind.CREATED, null, clean, null);
            return made;
        });
    }

    public Code rename(long codeId, String name) {
        String clean = checkName(name);
        return session.store().inTransaction(() -> {
            Code code = get(codeId);
            checkSiblingFree(code.parentId(), clean, codeId);
            Code renamed = new Code(code.id(), code.guid(), code.parentId(), clean, code.description(), code.color(),
                    code.codable(), code.order(), code.memo());
            codes().update(renamed);
            if (!clean.equals(code.name())) record(code, CodeEvent.Kind.RENAMED, code.name(), clean, null);
            return renamed;
        });
    }

    /** Changes a code's description (its definition, when to use it and when not, an example). */
    public Code describe(long codeId, String description) {
        return session.store().inTransaction(() -> {
            Code c = get(codeId);
            Code changed = new Code(c.id(), c.guid(), c.parentId(), c.name(), description, c.color(), c.codable(), c.order(), c.memo());
            codes().update(changed);
            if (!nz(c.description()).equals(nz(description))) record(c, CodeEvent.Kind.DESCRIBED, c.description(), description, null);
            return changed;
        });
    }

    public Code setMemo(long codeId, String memo) {
        Code c = get(codeId);
        Code changed = new Code(c.id(), c.guid(), c.parentId(), c.name(), c.description(), c.color(), c.codable(), c.order(), memo);
        codes().update(changed);
        return changed;
    }

    /** Moves a code (with its children) under another code, or to the top level when {@code newParentId} is null. */
    public Code move(long codeId, Long newParentId) {
        return session.store().inTransaction(() -> {
            Codebook book = codebook();
            Code c = get(codeId);
            if (newParentId != null) {
                if (book.withDescendants(codeId).stream().anyMatch(d -> d.id() == newParentId)) {
                    throw new TamgaException("Cannot move \u201C" + c.name() + "\u201D under itself or one of its own children.");
                }
                get(newParentId);
            }
            checkSiblingFree(newParentId, c.name(), codeId);
            int order = (newParentId == null ? book.roots() : book.children(newParentId)).stream()
                    .mapToInt(Code::order).max().orElse(-1) + 1;
            Code moved = new Code(c.id(), c.guid(), newParentId, c.name(), c.description(), c.color(), c.codable(), order, c.memo());
            codes().update(moved);
            if (!Objects.equals(c.parentId(), newParentId)) {
                record(c, CodeEvent.Kind.MOVED, parentPath(book, c.parentId()), parentPath(book, newParentId), null);
            }
            return moved;
        });
    }

    /** A code with everything below it and all their codings, as they were: enough to put them back. */
    public record Snapshot(List<Code> codes, List<Coding> codings) {}

    /**
     * Deletes a code, its children and all their codings; returns what was deleted (for undo). When
     * there are codings, the project is backed up first ({@link ProjectSession#beforeDestructive}).
     */
    public Snapshot delete(long codeId) {
        if (hasCodings(codebook().withDescendants(codeId))) session.beforeDestructive("delete-code");
        return deleteNow(codeId);
    }

    /**
     * Deletes a code that was just made, as the undo of making it (a new code, an in-vivo code with
     * its one coding): no backup is made, since nothing that was there before is lost.
     */
    public Snapshot undoCreate(long codeId) { return deleteNow(codeId); }

    private Snapshot deleteNow(long codeId) {
        return session.store().inTransaction(() -> {
            Snapshot snapshot = snapshot(codeId);
            Codebook book = codebook();
            for (Code c : snapshot.codes()) record(c, CodeEvent.Kind.DELETED, book.path(c), null, null);
            codes().delete(codeId);
            return snapshot;
        });
    }

    private boolean hasCodings(List<Code> codes) {
        var counts = session.store().codings().countsByCode();
        return codes.stream().anyMatch(c -> counts.getOrDefault(c.id(), 0) > 0);
    }

    private Snapshot snapshot(long codeId) {
        List<Code> subtree = codebook().withDescendants(codeId);
        if (subtree.isEmpty()) throw new TamgaException("No code with id " + codeId + ".");
        List<Coding> codings = session.store().codings().ofCodes(subtree.stream().map(Code::id).toList());
        return new Snapshot(subtree, codings);
    }

    /** Puts back codes and codings that were deleted, with their GUIDs, places and memos. */
    public void restore(Snapshot snapshot) {
        session.store().inTransaction(() -> {
            java.util.Map<Long, Long> newIds = new java.util.HashMap<>();
            for (Code c : snapshot.codes()) { // parents come before children (tree order)
                Long parent = c.parentId() == null ? null : newIds.getOrDefault(c.parentId(), c.parentId());
                Code inserted = codes().insert(c.guid(), parent, c.name(), c.description(), c.color(), c.codable());
                codes().update(new Code(inserted.id(), c.guid(), parent, c.name(), c.description(), c.color(),
                        c.codable(), c.order(), c.memo()));
                newIds.put(c.id(), inserted.id());
            }
            for (Coding k : snapshot.codings()) {
                session.store().codings().insert(k.guid(), k.documentId(), newIds.getOrDefault(k.codeId(), k.codeId()),
                        k.coderId(), k.start(), k.end(), k.memo(), k.createdAt());
            }
            Codebook book = codebook();
            for (Code c : snapshot.codes()) record(c, CodeEvent.Kind.RESTORED, null, book.byGuid(c.guid()).map(book::path).orElse(c.name()), null);
            return null;
        });
    }

    /** What a merge did: enough to undo it. */
    public record Merge(Code source, Code target, List<String> movedChildGuids, List<String> movedCodingGuids) {
        public int codings() { return movedCodingGuids.size(); }
    }

    /**
     * Merges {@code sourceId} into {@code targetId}: the source's codings and child codes move to
     * the target, then the source is deleted.
     */
    public Merge merge(long sourceId, long targetId) {
        if (sourceId == targetId) throw new TamgaException("A code cannot be merged into itself.");
        if (codebook().byId(sourceId).map(c -> hasCodings(List.of(c))).orElse(false)) session.beforeDestructive("merge-code");
        return session.store().inTransaction(() -> {
            Codebook book = codebook();
            Code source = get(sourceId);
            Code target = get(targetId);
            if (book.withDescendants(sourceId).stream().anyMatch(d -> d.id() == targetId)) {
                throw new TamgaException("Cannot merge \u201C" + source.name() + "\u201D into its own child \u201C" + target.name() + "\u201D.");
            }
            var codings = session.store().codings().ofCodes(List.of(sourceId));
            for (var coding : codings) session.store().codings().setCode(coding.id(), targetId);
            List<String> children = new ArrayList<>();
            for (Code child : book.children(sourceId)) { move(child.id(), targetId); children.add(child.guid()); }
            String from = book.path(source), into = book.path(target);
            record(source, CodeEvent.Kind.MERGED_INTO, from, into, null);
            record(target, CodeEvent.Kind.MERGED_IN, from, into, null);
            codes().delete(sourceId);
            return new Merge(source, target, children, codings.stream().map(Coding::guid).toList());
        });
    }

    /** Undoes a merge: the source code comes back with its children and codings. */
    public void unmerge(Merge merge) {
        session.store().inTransaction(() -> {
            Code s = merge.source();
            Code back = codes().insert(s.guid(), s.parentId(), s.name(), s.description(), s.color(), s.codable());
            codes().update(new Code(back.id(), s.guid(), s.parentId(), s.name(), s.description(), s.color(), s.codable(), s.order(), s.memo()));
            Codebook book = codebook();
            for (String guid : merge.movedChildGuids()) book.byGuid(guid).ifPresent(c -> move(c.id(), back.id()));
            for (String guid : merge.movedCodingGuids()) {
                session.store().codings().byGuid(guid).ifPresent(c -> session.store().codings().setCode(c.id(), back.id()));
            }
            Codebook now = codebook();
            String source = now.byGuid(s.guid()).map(now::path).orElse(s.name());
            String target = now.byGuid(merge.target().guid()).map(now::path).orElse(merge.target().name());
            record(s, CodeEvent.Kind.MERGE_UNDONE, source, target, null);
            record(merge.target(), CodeEvent.Kind.MERGE_UNDONE, source, target, null);
            return null;
        });
    }

    /** Changes a code's colour ({@code #RRGGBB}). */
    public Code recolour(long codeId, String color) {
        return session.store().inTransaction(() -> {
            Code c = get(codeId);
            Code changed = new Code(c.id(), c.guid(), c.parentId(), c.name(), c.description(), color, c.codable(), c.order(), c.memo());
            codes().update(changed);
            if (!nz(c.color()).equalsIgnoreCase(nz(color))) record(c, CodeEvent.Kind.RECOLOURED, c.color(), color, null);
            return changed;
        });
    }

    // ---- history (ADR 46) -----------------------------------------------------------------

    /** A code's history (or the whole codebook's), oldest first, and since when this project keeps it. */
    public record History(Instant keptSince, List<CodeEvent> events) {
        public History { events = List.copyOf(events); }
    }

    /** The history of one code, oldest first. */
    public History history(Code code) {
        CodeHistoryRepository h = session.store().codeHistory();
        return new History(h.keptSince(), h.ofCode(code.guid()));
    }

    /** The history of every code, deleted ones included, oldest first. */
    public History history() {
        CodeHistoryRepository h = session.store().codeHistory();
        return new History(h.keptSince(), h.all());
    }

    private void record(Code code, CodeEvent.Kind kind, String oldValue, String newValue, String detail) {
        record(session.store(), session.coder(), code.guid(), kind, oldValue, newValue, detail);
    }

    /** Appends an event to a code's history, made now by {@code coder}. */
    static void record(ProjectStore store, String coder, String codeGuid, CodeEvent.Kind kind, String oldValue, String newValue, String detail) {
        store.codeHistory().add(new CodeHistoryRepository.NewEvent(null, codeGuid, kind, oldValue, newValue, coder, Instant.now(), detail));
    }

    /** Where a code with this parent sits: the parent's path, or null at the top level. */
    private static String parentPath(Codebook book, Long parentId) {
        return parentId == null ? null : book.byId(parentId).map(book::path).orElse(null);
    }

    private static String nz(String s) { return s == null ? "" : s; }

    private Code get(long codeId) {
        return codebook().byId(codeId).orElseThrow(() -> new TamgaException("No code with id " + codeId + "."));
    }

    private static String checkName(String name) {
        if (name == null || name.isBlank()) throw new TamgaException("A code needs a name.");
        return name.strip();
    }

    private void checkSiblingFree(Long parentId, String name, Long except) {
        Codebook book = codebook();
        List<Code> siblings = parentId == null ? book.roots() : book.children(parentId);
        for (Code s : siblings) {
            if (!Objects.equals(s.id(), except) && s.name().equalsIgnoreCase(name)) {
                throw new TamgaException("There is already a code \u201C" + s.name() + "\u201D at this level.");
            }
        }
    }

    // ---- exchange -------------------------------------------------------------------------

    /** The codebook as exchange nodes (the tree a {@code .qdc} file holds). */
    public List<CodeNode> toNodes() {
        Codebook book = codebook();
        List<CodeNode> out = new ArrayList<>();
        for (Code root : book.roots()) out.add(node(book, root));
        return out;
    }

    private static CodeNode node(Codebook book, Code code) {
        List<CodeNode> kids = new ArrayList<>();
        for (Code child : book.children(code.id())) kids.add(node(book, child));
        return new CodeNode(code.guid(), code.name(), code.description(), code.color(), code.codable(), kids);
    }

    public void exportQdc(Path file) { CodebookFile.write(toNodes(), file); }

    public void exportMarkdown(Path file) {
        String title = session.project().name() + " — codebook";
        org.tamga.util.AtomicWrite.write(file, CodebookMarkdown.render(title, toNodes()).getBytes(StandardCharsets.UTF_8));
    }

    /** What merging a codebook file into the project did. */
    public record MergeReport(int added, int unchanged, int filledIn, List<String> conflicts, List<String> warnings) {}

    /**
     * Merges a {@code .qdc} file into the project's codebook, all or nothing. Codes are matched
     * by GUID, then by name under the same parent. New codes are added; a matched code keeps the
     * project's name, description, colour and place, takes from the file only what the project
     * lacks, and every difference is reported as a conflict.
     */
    public MergeReport importQdc(Path file) {
        CodebookFile.Contents contents = CodebookFile.read(file);
        return session.store().inTransaction(() -> {
            Counter counter = new Counter(file.getFileName().toString(), codebook());
            for (CodeNode node : contents.codes()) merge(node, null, counter);
            return new MergeReport(counter.added, counter.unchanged, counter.filled, counter.conflicts, contents.warnings());
        });
    }

    /**
     * One merge of a codebook file: what it did, and the project's codes as they are while it runs (loaded
     * once, kept up to date as codes are added or filled in), so that a file of thousands of codes takes a
     * time in proportion to its size, not to its square (ADR 44).
     */
    private static final class Counter {
        int added, unchanged, filled;
        final List<String> conflicts = new ArrayList<>();
        /** Where the changes came from, for the codes' history. */
        final String from;
        final Map<Long, Code> byId = new HashMap<>();
        final Map<String, Code> byGuid = new HashMap<>();
        final Map<Long, List<Code>> children = new HashMap<>();

        Counter(String from, Codebook book) {
            this.from = from;
            for (Code c : book.codes()) put(c);
        }

        void put(Code c) {
            Code old = byId.put(c.id(), c);
            byGuid.putIfAbsent(c.guid().toLowerCase(Locale.ROOT), c);
            if (old != null) byGuid.replace(c.guid().toLowerCase(Locale.ROOT), old, c);
            List<Code> siblings = children.computeIfAbsent(c.parentId() == null ? 0L : c.parentId(), k -> new ArrayList<>());
            if (old == null) siblings.add(c);
            else siblings.replaceAll(s -> s.id() == c.id() ? c : s);
        }

        List<Code> siblings(Long parentId) { return children.getOrDefault(parentId == null ? 0L : parentId, List.of()); }

        String path(Code code) {
            List<String> names = new ArrayList<>();
            java.util.Set<Long> seen = new java.util.HashSet<>();
            for (Code c = code; c != null && seen.add(c.id()); c = c.parentId() == null ? null : byId.get(c.parentId())) names.addFirst(c.name());
            return String.join(Codebook.PATH_SEPARATOR, names);
        }
    }

    private void merge(CodeNode node, Long parentId, Counter counter) {
        Optional<Code> match = Optional.ofNullable(counter.byGuid.get(node.guid().toLowerCase(Locale.ROOT)));
        if (match.isEmpty()) {
            match = counter.siblings(parentId).stream().filter(s -> s.name().equalsIgnoreCase(node.name().strip())).findFirst();
        }
        Code target;
        if (match.isEmpty()) {
            target = codes().insert(node.guid(), parentId, uniqueSiblingName(counter.siblings(parentId), node.name().strip()),
                    node.description(), node.color(), node.codable());
            counter.put(target);
            record(target, CodeEvent.Kind.CREATED, null, target.name(), counter.from);
            counter.added++;
        } else {
            Code c = match.get();
            String label = "\u201C" + counter.path(c) + "\u201D";
            List<String> differences = new ArrayList<>();
            String description = c.description();
            String color = c.color();
            boolean filled = false;
            if (!c.name().equals(node.name().strip())) differences.add("the file names it \u201C" + node.name() + "\u201D");
            if (blank(description) && !blank(node.description())) { description = node.description(); filled = true; }
            else if (!blank(node.description()) && !Objects.equals(description.strip(), node.description().strip())) differences.add("its description differs");
            if (blank(color) && !blank(node.color())) { color = node.color(); filled = true; }
            else if (!blank(node.color()) && !color.equalsIgnoreCase(node.color())) differences.add("its colour differs (" + node.color() + " in the file)");
            if (!Objects.equals(c.parentId(), parentId)) differences.add("the file puts it elsewhere in the tree");
            if (filled) {
                Code filledIn = new Code(c.id(), c.guid(), c.parentId(), c.name(), description, color, c.codable(), c.order(), c.memo());
                codes().update(filledIn);
                counter.put(filledIn);
                if (!Objects.equals(description, c.description())) record(c, CodeEvent.Kind.DESCRIBED, c.description(), description, counter.from);
                if (!Objects.equals(color, c.color())) record(c, CodeEvent.Kind.RECOLOURED, c.color(), color, counter.from);
                counter.filled++;
            }
            if (!differences.isEmpty()) {
                counter.conflicts.add(label + ": " + String.join(", ", differences) + "; kept the project's version");
            } else if (!filled) {
                counter.unchanged++;
            }
            target = c;
        }
        for (CodeNode child : node.children()) merge(child, target.id(), counter);
    }

    private static String uniqueSiblingName(List<Code> siblings, String name) {
        String candidate = name;
        for (int n = 2; ; n++) {
            String c = candidate;
            if (siblings.stream().noneMatch(s -> s.name().equalsIgnoreCase(c))) return candidate;
            candidate = name + " (" + n + ")";
        }
    }

    private static boolean blank(String s) { return s == null || s.isBlank(); }
}
