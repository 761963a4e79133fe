package org.tamga.core;

import org.tamga.model.TamgaException;

import java.util.Arrays;
import java.util.Locale;

/**
 * What gets coded when search hits are coded at once: the match itself, or the sentence, speaker
 * turn or paragraph around it. See {@link PassageUnits} and docs/adr/0032-coding-units-and-quote-reports.md.
 */
public enum CodingUnit {
    /** The matched words only. */
    MATCH,
    /** The sentence around the match (ends at 。！？!?.…᠃᠉ and at line breaks), without the speaker's label. */
    SENTENCE,
    /** The speaker's turn that holds the match; the paragraph where the document has no turn there. */
    TURN,
    /** The paragraph (line) around the match, without the speaker's label. */
    PARAGRAPH;

    /** The unit's name as the command line and the window write it: {@code match}, {@code sentence}, … */
    public String label() { return name().toLowerCase(Locale.ROOT); }

    /** The unit called {@code name} (any case), or a clear error naming the units there are. */
    public static CodingUnit parse(String name) {
        String wanted = name == null ? "" : name.strip();
        for (CodingUnit u : values()) if (u.name().equalsIgnoreCase(wanted)) return u;
        throw new TamgaException("No coding unit \u201C" + name + "\u201D (units: "
                + String.join(", ", Arrays.stream(values()).map(CodingUnit::label).toList()) + ").");
    }
}
