package org.tamga.model;

import java.time.Instant;

/** A free-standing note on the project (memos on documents, codes and codings live with them). */
public record Memo(long id, String guid, String title, String text, Long coderId,
                   Instant createdAt, Instant modifiedAt) {}
