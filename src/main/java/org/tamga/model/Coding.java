package org.tamga.model;

import java.time.Instant;

/** One application of a code to a passage: positions are code points, 0-based, end exclusive. */
public record Coding(long id, String guid, long documentId, long codeId, long coderId,
                     int start, int end, String memo, Instant createdAt) {

    public int length() { return end - start; }

    public boolean overlaps(int otherStart, int otherEnd) {
        return start < otherEnd && otherStart < end;
    }
}
