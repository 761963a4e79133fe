package org.tamga.model;

import java.time.Instant;

/**
 * One imported text. Its text never changes after import, so positions into it never drift.
 * {@code length} counts Unicode code points (the unit of every position in Tamga).
 * The text itself is loaded separately ({@code DocumentRepository#text}).
 */
public record Document(long id, String guid, String name, String language, int length,
                       String sourceFile, String sourceEncoding, String sha256,
                       Instant importedAt, String memo) {}
