package org.tamga.model;

import java.time.Instant;
import java.util.Locale;

/**
 * One change in a code's history (ADR 46): what happened to the code {@code codeGuid}, the value
 * before and after, who made the change and when. A code's history is appended to, never changed:
 * an undo is another change. {@code detail} says where a change came from when it came from
 * elsewhere (the copy a merge brought it from, the codebook file an import read).
 */
public record CodeEvent(long id, String guid, String codeGuid, Kind kind, String oldValue, String newValue,
                        String coder, Instant at, String detail) {

    /** What happened to the code. The word is what the project file keeps; {@link #label()} what a researcher reads. */
    public enum Kind {
        CREATED("created", "created"),
        RENAMED("renamed", "renamed"),
        DESCRIBED("described", "definition changed"),
        RECOLOURED("recoloured", "recoloured"),
        /** Old and new value: the path of the parent code, null at the top level. */
        MOVED("moved", "moved"),
        /** On the code merged away: old value its name, new value the name of the code it went into. */
        MERGED_INTO("merged-into", "merged into"),
        /** On the code that took another in: old value the other's name, new value its own. */
        MERGED_IN("merged-in", "took in"),
        /** A merge of codes undone, on both codes: old value the name of the code that came back, new value the other's. */
        MERGE_UNDONE("merge-undone", "merge undone"),
        DELETED("deleted", "deleted"),
        RESTORED("restored", "restored"),
        /** Added to the project by merging another copy of it (detail: that copy); new value its path. */
        ADDED_BY_MERGE("added-by-merge", "added by merge"),
        /** A merge of projects kept the target's value (new value) over the other copy's (old value; detail: the copy). */
        KEPT_NAME("kept-name", "name kept in merge"),
        KEPT_COLOUR("kept-colour", "colour kept in merge"),
        KEPT_PLACE("kept-place", "place kept in merge"),
        KEPT_DEFINITION("kept-definition", "definition kept in merge"),
        KEPT_KIND("kept-kind", "kind kept in merge"),
        /** The code was kept, with its codings, though the copy merged (detail) does not have it. */
        KEPT_CODE("kept-code", "kept in merge");

        private final String word;
        private final String label;

        Kind(String word, String label) {
            this.word = word;
            this.label = label;
        }

        /** The word the project file keeps (and the CSV export writes). */
        public String word() { return word; }

        /** What a researcher reads: "renamed", "definition changed", "merged into". */
        public String label() { return label; }

        /** A merge of projects kept the target's value over another copy's. */
        public boolean isMergeConflict() { return name().startsWith("KEPT_"); }

        /** The kind a stored word names, or null. */
        public static Kind of(String word) {
            if (word == null) return null;
            for (Kind k : values()) if (k.word.equals(word.strip().toLowerCase(Locale.ROOT))) return k;
            return null;
        }
    }
}
