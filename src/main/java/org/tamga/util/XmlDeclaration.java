package org.tamga.util;

/**
 * The XML declaration ({@code <?xml version="1.0" encoding="UTF-8"?>}) is a few dozen characters. The JDK's
 * XML parser takes a time that grows with the square of a longer one (8 s for a million characters in its
 * encoding name, 26 s for a million in its version, found by the importers' fuzz test, ADR 44), so whatever
 * Tamga hands to an XML parser — a codebook, a REFI-QDA project, a part of a .docx or .odt — is checked here first.
 */
public final class XmlDeclaration {
    private XmlDeclaration() {}

    /** The longest declaration accepted. */
    public static final int MAX_CHARACTERS = 1024;
    /** How many bytes of the start of a file {@link #isDamaged} wants to see (UTF-32 takes four bytes a character). */
    public static final int LOOK_AHEAD_BYTES = 4 * MAX_CHARACTERS + 8;

    /** Whether {@code head}, the first bytes of an XML file, starts a declaration that does not end within {@link #MAX_CHARACTERS}. */
    public static boolean isDamaged(byte[] head, int length) {
        // in UTF-16 (or UTF-32) zero bytes stand between the ASCII letters of the declaration: they are left out
        StringBuilder ascii = new StringBuilder(length);
        for (int i = 0; i < length; i++) if (head[i] != 0) ascii.append((char) (head[i] & 0xFF));
        int start = ascii.indexOf("<?xml");
        if (start < 0 || start > 8) return false;   // no declaration (a byte-order mark at most before it)
        int end = ascii.indexOf("?>", start);
        return end < 0 || end - start > MAX_CHARACTERS;
    }
}
