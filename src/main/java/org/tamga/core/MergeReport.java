package org.tamga.core;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What merging other copies of a project into the open one did (or, in a dry run, would do): per
 * copy, how many of each kind of thing were added and how many were there already, and every
 * conflict with what was kept and what the other copy had (see docs/adr/0039).
 *
 * @param target the project merged into, as messages name it (its file name or, for a shared project, its address)
 * @param dryRun whether nothing was written
 * @param backup the copy of the target made before it was written to; null in a dry run and when nothing changed
 */
public record MergeReport(String target, boolean dryRun, Path backup, List<Source> sources) {

    public MergeReport {
        sources = List.copyOf(sources);
    }

    /** What a merge counts, in the order it prints them. */
    public enum Kind {
        DOCUMENTS("documents"), CODES("codes"), CODINGS("codings"), CODERS("coders"), MEMOS("memos"),
        ATTRIBUTES("attributes"), VALUES("attribute values"), CASES("cases"), CASE_DOCUMENTS("documents in cases"),
        /** Events of the codes' history (ADR 46): the copy's, and what the merge itself kept. */
        HISTORY("code history events");

        private final String word;

        Kind(String word) { this.word = word; }

        public String word() { return word; }
    }

    /** How many of one kind the copy brought that the target lacked, and how many the target had already. */
    public record Tally(int added, int already) {}

    /** One kind of conflict: the same thing is different in the two copies. */
    public enum ConflictKind {
        CODE_RENAMED("code renamed"), CODE_RECOLOURED("code recoloured"), CODE_MOVED("code moved"),
        CODE_DESCRIPTION("code description differs"), CODE_HEADING("code or heading"), CODE_NAME_TAKEN("code name taken"),
        CODE_NOT_IN_TARGET("code used in the source, not in the target"), CODE_NOT_IN_SOURCE("code used in the target, not in the source"),
        DOCUMENT_RENAMED("document renamed"), DOCUMENT_TEXT_DIFFERS("same document, different text"),
        DOCUMENT_NAME_TAKEN("document name taken"), TURNS_DIFFER("speaker turns differ"), CODING_CHANGED("coding changed"),
        MEMO_EDITED("memo edited on both sides"), MEMO_TITLE("memo title differs"), ATTRIBUTE_RENAMED("attribute renamed"),
        ATTRIBUTE_TYPE("attribute type differs"), ATTRIBUTE_DESCRIPTION("attribute description differs"),
        VALUE_DIFFERS("attribute value differs"), VALUE_UNFIT("attribute value does not fit"), CASE_RENAMED("case renamed");

        private final String word;

        ConflictKind(String word) { this.word = word; }

        public String word() { return word; }
    }

    /**
     * One conflict: {@code item} names what it is about (in the target's words), {@code kept} what
     * the target has after the merge, {@code other} what the copy {@code source} had.
     */
    public record Conflict(String source, ConflictKind kind, String item, String kept, String other) {}

    /**
     * What one copy brought.
     *
     * @param changes how many writes merging it made (0: the target had everything it holds)
     */
    public record Source(Path file, Map<Kind, Tally> tallies, List<Conflict> conflicts, int changes) {
        public Source {
            Map<Kind, Tally> all = new EnumMap<>(Kind.class);
            for (Kind k : Kind.values()) all.put(k, tallies.getOrDefault(k, new Tally(0, 0)));
            tallies = java.util.Collections.unmodifiableMap(all);
            conflicts = List.copyOf(conflicts);
        }

        public Tally tally(Kind kind) { return tallies.get(kind); }
    }

    /** Every conflict of every copy, in order. */
    public List<Conflict> conflicts() {
        return sources.stream().flatMap(s -> s.conflicts().stream()).toList();
    }

    /** Whether the merge changed (or, in a dry run, would change) the target at all. */
    public boolean changed() {
        return sources.stream().anyMatch(s -> s.changes() > 0);
    }

    /** The conflicts as a table (a header row, then one row each), for a CSV file. */
    public List<List<Object>> conflictTable() {
        List<List<Object>> rows = new java.util.ArrayList<>();
        rows.add(List.of("source", "kind", "item", "kept", "other"));
        for (Conflict c : conflicts()) rows.add(List.of(c.source(), c.kind().word(), c.item(), c.kept(), c.other()));
        return rows;
    }
}
