package org.tamga.model;

/**
 * One speaker's turn in a document: the passage [start, end) that {@code speaker} said (code points,
 * 0-based, end exclusive; the speaker's label itself is not part of it). {@code timeStartMs} and
 * {@code timeEndMs} are the recording times of the turn when the transcript gives them (subtitle cues,
 * "[00:01:23] Name:"), or null.
 */
public record Turn(long id, long documentId, String speaker, int start, int end, Long timeStartMs, Long timeEndMs) {

    public boolean overlaps(int otherStart, int otherEnd) {
        return start < otherEnd && otherStart < end;
    }
}
