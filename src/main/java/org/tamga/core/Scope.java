package org.tamga.core;

import org.tamga.model.Document;

import java.util.List;

/**
 * What an analysis covers, the same limits as the frequency report's: some coders' codings, some
 * documents (already narrowed by attribute values where asked), what one speaker said.
 *
 * @param coders    coder names (empty: all coders)
 * @param documents the documents (empty: all documents of the project)
 * @param speaker   only what this speaker said, or null for everything
 * @param lenient   whether a coder name that is no coder of the project simply has no codings (the
 *                  window showing "only mine" before I coded anything) rather than being refused (a
 *                  command line with a typo)
 */
public record Scope(List<String> coders, List<Document> documents, String speaker, boolean lenient) {
    public Scope(List<String> coders, List<Document> documents, String speaker) { this(coders, documents, speaker, false); }

    public Scope {
        coders = coders == null ? List.of() : List.copyOf(coders);
        documents = documents == null ? List.of() : List.copyOf(documents);
        if (speaker != null && speaker.isBlank()) speaker = null;
    }

    /** Everything: all coders, all documents, all speakers. */
    public static Scope all() { return new Scope(List.of(), List.of(), null); }
}
