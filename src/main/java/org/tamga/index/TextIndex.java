package org.tamga.index;

import java.util.Set;

/**
 * An index of the project's texts kept in the cache folder (ADR 5): the search index and the word
 * index (ADR 38). Both hold one entry per document, by GUID, and are caught up with the project the
 * same way: documents missing are added, extra ones removed.
 */
public interface TextIndex {
    /** GUIDs of the documents in the index. */
    Set<String> documentGuids();

    /** Adds a document's text (or replaces it, if the GUID is indexed already); safe to call from several threads. */
    void put(String documentGuid, String text);

    /**
     * Adds the text of a document the index cannot have yet (its GUID was just made, as in an import):
     * cheaper than {@link #put}, which first removes an earlier text of the GUID.
     */
    default void add(String documentGuid, String text) { put(documentGuid, text); }

    void remove(String documentGuid);

    /** Makes the changes durable and visible. */
    void commit();

    /** Whether the index lives in memory only (its folder was held by another process that had nothing to read yet). */
    boolean isInMemory();

    /** Whether the index reads the last commit of another process that holds its folder, with changes of its own in memory. */
    default boolean isShared() { return false; }
}
