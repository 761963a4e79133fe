package org.tamga.core;

import org.tamga.model.Document;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/**
 * What an import did with each file: imported (with the speakers whose turns were found, by document
 * id, speaker → number of turns), already there, failed (with the reason), or skipped.
 */
public record ImportReport(List<Document> imported, List<Duplicate> duplicates, List<Failure> failures,
                           List<Skipped> skipped, boolean cancelled, Map<Long, Map<String, Integer>> speakers) {

    /** Speaker → turns found in an imported document (empty when it has none). */
    public Map<String, Integer> speakers(Document document) { return speakers.getOrDefault(document.id(), Map.of()); }

    /** How many turns were found in an imported document. */
    public int turns(Document document) { return speakers(document).values().stream().mapToInt(Integer::intValue).sum(); }

    /** How many turns were found in all imported documents. */
    public int turns() { return imported.stream().mapToInt(this::turns).sum(); }

    /**
     * What the import made of a document, in the words every face shows (the command line after
     * "imported", the window in its summary): "zh, 46 characters, docx, 4 turns: 访谈者 2, 受访者 2".
     */
    public String describe(Document document) {
        int count = turns(document);
        String turns;
        if (count == 0) {
            turns = "no speaker turns";
        } else {
            List<String> parts = new java.util.ArrayList<>();
            speakers(document).entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue())
                    .forEach(e -> parts.add(e.getKey() + " " + e.getValue()));
            turns = count + (count == 1 ? " turn: " : " turns: ") + String.join(", ", parts);
        }
        return String.format(Locale.ROOT, "%s, %,d characters, %s, %s", document.language(), document.length(), document.sourceEncoding(), turns);
    }

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
