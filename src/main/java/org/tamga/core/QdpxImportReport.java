package org.tamga.core;

import java.nio.file.Path;
import java.util.List;

/**
 * What importing a {@code .qdpx} did: what the new project holds, how positions were read, what
 * was carried over in another form ({@code adjusted}), what could not be carried over and why
 * ({@code skipped}), and what had to be repaired to read the file ({@code warnings}). Every entry
 * is one plain sentence.
 *
 * @param origin    the tool that wrote the file, as it names itself, or null
 * @param positions how the file's positions were read (CRLF as one or two characters, code points or UTF-16 units) and why
 */
public record QdpxImportReport(Path project, String file, String origin, int documents, int codes, int codings, int coders,
                               int memos, int attributes, int cases, String positions, List<String> adjusted, List<String> skipped, List<String> warnings) {

    public QdpxImportReport {
        adjusted = List.copyOf(adjusted);
        skipped = List.copyOf(skipped);
        warnings = List.copyOf(warnings);
    }

    QdpxImportReport at(Path projectFile) {
        return new QdpxImportReport(projectFile, file, origin, documents, codes, codings, coders, memos, attributes, cases, positions, adjusted,
                skipped, warnings);
    }
}
