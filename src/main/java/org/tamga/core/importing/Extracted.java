package org.tamga.core.importing;

import org.tamga.model.DocumentSource;

/**
 * What a file holds, ready to become a document: its text (line endings {@code \n}, paragraphs
 * separated by a blank line), the encoding it was read in (for text formats, else null), and where
 * it came from.
 */
public record Extracted(String text, String encoding, DocumentSource source) {}
