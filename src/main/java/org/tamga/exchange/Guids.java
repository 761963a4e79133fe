package org.tamga.exchange;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * GUIDs as REFI-QDA files carry them. Tools write them upper-case (ATLAS.ti, MAXQDA), lower-case
 * (NVivo, QualCoder) or in braces ({@code {…}}); Tamga keeps one form: lower-case, no braces.
 */
public final class Guids {
    private static final Pattern GUID = Pattern.compile(
            "\\{?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}}?");

    private Guids() {}

    /** Whether {@code raw} is a GUID in any of the forms tools write. */
    public static boolean isValid(String raw) {
        return raw != null && GUID.matcher(raw.strip()).matches();
    }

    /** {@code {6F1C…}} → {@code 6f1c…}; null when {@code raw} is not a GUID. */
    public static String normalise(String raw) {
        if (!isValid(raw)) return null;
        return raw.strip().replace("{", "").replace("}", "").toLowerCase(Locale.ROOT);
    }

    /**
     * A reference to another element ({@code targetGUID}, {@code creatingUser}): normalised when
     * it is a GUID, otherwise kept (stripped, lower-case) so that it still matches an element whose
     * GUID was just as broken; null when absent.
     */
    public static String reference(String raw) {
        if (raw == null || raw.isBlank()) return null;
        String n = normalise(raw);
        return n != null ? n : raw.strip().toLowerCase(Locale.ROOT);
    }

    /** A GUID that is always the same for the same {@code kind} and {@code of}: for elements Tamga derives. */
    public static String derived(String kind, String of) {
        return UUID.nameUUIDFromBytes(("tamga:" + kind + ":" + of).getBytes(StandardCharsets.UTF_8)).toString();
    }

    public static String fresh() { return UUID.randomUUID().toString(); }
}
