package org.tamga.core;

import org.tamga.model.TamgaException;

import java.util.Arrays;
import java.util.Locale;

/**
 * What inter-coder agreement counts as one unit, each coded with a code or not by each coder. See
 * {@link AgreementService} and docs/adr/0040-inter-coder-agreement.md.
 */
public enum AgreementUnit {
    /** Each character (code point) that one of the coders coded with some code. */
    CHARACTER,
    /** Each speaker turn; each paragraph in a document without turns. */
    TURN,
    /** Each paragraph (line that is not blank), without the speaker's label. */
    PARAGRAPH,
    /** Each document: coded with a code by a coder when the coder coded it anywhere in the document. */
    DOCUMENT;

    /** The unit's name as the command line and the reports write it: {@code character}, {@code turn}, … */
    public String label() { return name().toLowerCase(Locale.ROOT); }

    /** The unit called {@code name} (any case), or a clear error naming the units there are. */
    public static AgreementUnit parse(String name) {
        String wanted = name == null ? "" : name.strip();
        for (AgreementUnit u : values()) if (u.name().equalsIgnoreCase(wanted)) return u;
        throw new TamgaException("No agreement unit \u201C" + name + "\u201D (units: "
                + String.join(", ", Arrays.stream(values()).map(AgreementUnit::label).toList()) + ").");
    }
}
