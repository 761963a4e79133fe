package org.tamga.core;

import org.tamga.core.importing.DocumentReader;
import org.tamga.core.importing.Extracted;
import org.tamga.core.importing.Refusal;
import org.tamga.core.text.LanguageDetector;
import org.tamga.core.text.TurnDetector;
import org.tamga.index.SearchIndex;
import org.tamga.model.Document;
import org.tamga.model.TamgaException;
import org.tamga.store.DocumentRepository;
import org.tamga.store.TurnRepository;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Imports transcripts: the one importer behind the command line and the window. Each file is read
 * by the format layer ({@link DocumentReader}: plain text, Word, LibreOffice, RTF, PDF, HTML,
 * subtitles) into text and metadata, its speaker turns are found in the final text
 * ({@link TurnDetector}), and one transaction stores the document, its metadata and its turns. Each
 * file is all or nothing: a file that fails leaves no trace, and the other files still import. Text
 * identical to a document already in the project (same SHA-256 of the normalised text, so the same
 * interview saved as GBK and as UTF-8, or as .docx and as .txt, counts as the same) is reported, not
 * imported again.
 */
public final class ImportService {
    /** Extensions imported as plain text. */
    public static final Set<String> TEXT_EXTENSIONS = DocumentReader.TEXT_EXTENSIONS;
    /** Larger plain-text files are refused with a message: no transcript is this long, and the text is held in memory. */
    public static final long MAX_FILE_BYTES = DocumentReader.MAX_TEXT_FILE_BYTES;
    public static final Set<String> LANGUAGES = Set.of("en", "zh", "mn", "ru", "und");
    /** Every file extension the importer reads (for file choosers): Word, LibreOffice, RTF, PDF, HTML, subtitles, plain text. */
    public static final List<String> EXTENSIONS = java.util.stream.Stream.of(DocumentReader.DOCUMENT_EXTENSIONS,
            DocumentReader.SUBTITLE_EXTENSIONS, DocumentReader.TEXT_EXTENSIONS).flatMap(Set::stream).sorted().toList();

    private final ProjectSession session;

    ImportService(ProjectSession session) { this.session = session; }

    /** Told about each file as the import reaches it; may ask the import to stop between files. */
    public interface Progress {
        void file(int index, int total, Path file);
        default boolean cancelled() { return false; }
        Progress NONE = (i, n, f) -> { };
    }

    public ImportReport importFiles(List<Path> paths, String language) {
        return importFiles(paths, language, Progress.NONE);
    }

    /**
     * @param paths    files and folders (folders are read recursively; hidden files are ignored)
     * @param language a language code for all files, or null to detect each file's language
     */
    public ImportReport importFiles(List<Path> paths, String language, Progress progress) {
        if (language != null && !LANGUAGES.contains(language)) {
            throw new TamgaException("Unknown language \u201C" + language + "\u201D: use one of " + String.join(", ", LANGUAGES.stream().sorted().toList()) + ".");
        }
        List<Document> imported = new ArrayList<>();
        Map<Long, Map<String, Integer>> speakers = new LinkedHashMap<>();
        List<ImportReport.Duplicate> duplicates = new ArrayList<>();
        List<ImportReport.Failure> failures = new ArrayList<>();
        List<ImportReport.Skipped> skipped = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    walk.filter(Files::isRegularFile).filter(f -> !isHidden(p.relativize(f))).sorted().forEach(f -> {
                        if (DocumentReader.imports(extension(f))) files.add(f);
                        else skipped.add(new ImportReport.Skipped(f, "not a format Tamga imports (." + extension(f) + ")"));
                    });
                } catch (IOException e) {
                    failures.add(new ImportReport.Failure(p, "the folder could not be read (" + e.getMessage() + ")"));
                }
            } else if (!Files.exists(p)) {
                failures.add(new ImportReport.Failure(p, "no such file or folder"));
            } else if (!DocumentReader.imports(extension(p))) {
                failures.add(new ImportReport.Failure(p, "not a format Tamga imports (." + extension(p)
                        + "); Tamga imports " + DocumentReader.FORMATS_IN_WORDS));
            } else {
                files.add(p);
            }
        }
        boolean cancelled = false;
        SearchIndex index = files.isEmpty() ? null : session.index();
        try {
            for (int i = 0; i < files.size(); i++) {
                if (progress.cancelled()) { cancelled = true; break; }
                Path file = files.get(i);
                progress.file(i, files.size(), file);
                try {
                    Outcome outcome = importOne(file, language);
                    if (outcome.document() != null) {
                        imported.add(outcome.document());
                        speakers.put(outcome.document().id(), outcome.speakers());
                        index.put(outcome.document().guid(), outcome.text());
                    } else {
                        duplicates.add(new ImportReport.Duplicate(file, outcome.duplicateOf()));
                    }
                } catch (Refusal e) {
                    failures.add(new ImportReport.Failure(file, e.getMessage()));
                } catch (TamgaException e) {
                    failures.add(new ImportReport.Failure(file, e.getMessage()));
                }
            }
        } finally {
            // the project already holds the documents; if this fails the index catches up on the next open
            if (index != null && !imported.isEmpty()) index.commit();
        }
        return new ImportReport(imported, duplicates, failures, skipped, cancelled, speakers);
    }

    private record Outcome(Document document, String text, Map<String, Integer> speakers, String duplicateOf) {}

    private Outcome importOne(Path file, String language) throws Refusal {
        Extracted extracted = DocumentReader.read(file);
        String text = extracted.text();
        String sha = sha256(text);
        DocumentRepository docs = session.store().documents();
        var existing = docs.bySha256(sha);
        if (existing.isPresent()) return new Outcome(null, null, null, existing.get().name());
        String lang = language != null ? language : LanguageDetector.detect(text);
        int length = text.codePointCount(0, text.length());
        List<TurnRepository.NewTurn> turns = turns(text);
        Map<String, Integer> speakers = new LinkedHashMap<>();
        for (TurnRepository.NewTurn t : turns) speakers.merge(t.speaker(), 1, Integer::sum);
        String encoding = extracted.encoding() != null ? extracted.encoding() : extracted.source().format();
        Document doc = session.store().inTransaction(() -> {
            Document d = docs.insert(new DocumentRepository.NewDocument(null, uniqueName(baseName(file)), lang, text, length,
                    file.getFileName().toString(), encoding, sha, Instant.now()));
            docs.setSource(d.id(), extracted.source());
            session.store().turns().insertAll(d.id(), turns);
            return d;
        });
        return new Outcome(doc, text, speakers, null);
    }

    /** The speaker turns of a document's final text, as every import stores them. */
    static List<TurnRepository.NewTurn> turns(String text) {
        return TurnDetector.detect(text).stream()
                .map(t -> new TurnRepository.NewTurn(t.speaker(), t.start(), t.end(), t.timeStartMs(), t.timeEndMs())).toList();
    }

    private String uniqueName(String base) {
        DocumentRepository docs = session.store().documents();
        String name = base;
        for (int n = 2; docs.nameExists(name); n++) name = base + " (" + n + ")";
        return name;
    }

    static String baseName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    static String extension(Path file) { return DocumentReader.extension(file); }

    private static boolean isHidden(Path file) {
        for (Path part : file) if (part.toString().startsWith(".") && part.toString().length() > 1 && !part.toString().equals("..")) return true;
        return false;
    }

    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
