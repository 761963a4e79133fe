package org.tamga.core.importing;

import org.tamga.model.OneLine;

/**
 * Why a file cannot be imported, in words for the researcher ("it is password-protected; …"): always one
 * line, and never longer than {@link #MAX_LENGTH} characters, whatever a damaged file or a parser put into it.
 */
public final class Refusal extends Exception {
    /** The longest reason; the details quoted from a file or a parser are cut much shorter where they are quoted. */
    static final int MAX_LENGTH = 1000;

    public Refusal(String reason) { super(OneLine.of(reason, MAX_LENGTH)); }
    public Refusal(String reason, Throwable cause) { super(OneLine.of(reason, MAX_LENGTH), cause); }

    /** A detail from a file or a library (a parser's message, a content type, a part's name), as a reason quotes it. */
    static String quote(String detail) { return OneLine.of(detail, 200); }
}
