package org.tamga.core;

import org.tamga.model.Document;

import java.nio.file.Path;
import java.util.List;

/** What an import did with each file: imported, already there, failed (with the reason), or skipped. */
public record ImportReport(List<Document> imported, List<Duplicate> duplicates, List<Failure> failures,
                           List<Skipped> skipped, boolean cancelled) {

    /** A file whose text the project already has. */
    public record Duplicate(Path file, String existingDocument) {}

    /** A file that could not be imported; nothing of it was written. */
    public record Failure(Path file, String reason) {
        public String message() { return "Cannot import " + file + ": " + reason + "."; }
    }

    /** A file in an imported folder that is not a format Tamga imports. */
    public record Skipped(Path file, String reason) {}

    public boolean ok() { return failures.isEmpty(); }
}
