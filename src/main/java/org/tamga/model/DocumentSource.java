package org.tamga.model;

import java.time.Instant;

/**
 * Where a document came from: the metadata its file carried (title, author, dates; null when the
 * file had none) and the file's format and size in bytes.
 */
public record DocumentSource(String title, String author, Instant created, Instant modified,
                             String format, Long size) {
    public static final DocumentSource NONE = new DocumentSource(null, null, null, null, null, null);
}
