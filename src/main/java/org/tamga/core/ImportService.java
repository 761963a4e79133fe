package org.tamga.core;

import org.tamga.core.text.LanguageDetector;
import org.tamga.core.text.TextDecoder;
import org.tamga.index.SearchIndex;
import org.tamga.model.Document;
import org.tamga.model.TamgaException;
import org.tamga.store.DocumentRepository;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Imports transcripts. Each file is all or nothing: it is read and decoded completely before one
 * transaction stores it, so a file that fails leaves no trace, and the other files still import.
 * Text identical to a document already in the project (same SHA-256 of the normalised text, so the
 * same interview saved as GBK and as UTF-8 counts as the same) is reported, not imported again.
 */
public final class ImportService {
    /** Extensions imported as plain text. */
    public static final Set<String> TEXT_EXTENSIONS = Set.of("txt", "text", "md", "markdown");
    /** Larger files are refused with a message: no transcript is this long, and the text is held in memory. */
    public static final long MAX_FILE_BYTES = 100L * 1024 * 1024;
    public static final Set<String> LANGUAGES = Set.of("en", "zh", "mn", "ru", "und");

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
        List<ImportReport.Duplicate> duplicates = new ArrayList<>();
        List<ImportReport.Failure> failures = new ArrayList<>();
        List<ImportReport.Skipped> skipped = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    walk.filter(Files::isRegularFile).filter(f -> !isHidden(p.relativize(f))).sorted().forEach(f -> {
                        if (TEXT_EXTENSIONS.contains(extension(f))) files.add(f);
                        else skipped.add(new ImportReport.Skipped(f, "not a format Tamga imports (." + extension(f) + ")"));
                    });
                } catch (IOException e) {
                    failures.add(new ImportReport.Failure(p, "the folder could not be read (" + e.getMessage() + ")"));
                }
            } else if (!Files.exists(p)) {
                failures.add(new ImportReport.Failure(p, "no such file or folder"));
            } else if (!TEXT_EXTENSIONS.contains(extension(p))) {
                failures.add(new ImportReport.Failure(p, "not a format Tamga imports (." + extension(p)
                        + "); plain text (.txt, .md) can be imported"));
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
                        index.put(outcome.document().guid(), outcome.text());
                    } else {
                        duplicates.add(new ImportReport.Duplicate(file, outcome.duplicateOf()));
                    }
                } catch (Refused e) {
                    failures.add(new ImportReport.Failure(file, e.getMessage()));
                } catch (TamgaException e) {
                    failures.add(new ImportReport.Failure(file, e.getMessage()));
                }
            }
        } finally {
            // the project already holds the documents; if this fails the index catches up on the next open
            if (index != null && !imported.isEmpty()) index.commit();
        }
        return new ImportReport(imported, duplicates, failures, skipped, cancelled);
    }

    private record Outcome(Document document, String text, String duplicateOf) {}

    private static final class Refused extends Exception {
        Refused(String reason) { super(reason); }
    }

    private Outcome importOne(Path file, String language) throws Refused {
        byte[] bytes = readBounded(file);
        TextDecoder.Decoded decoded;
        try {
            decoded = TextDecoder.decode(bytes);
        } catch (TextDecoder.UndecodableException e) {
            throw new Refused(e.getMessage());
        }
        String text = decoded.text();
        String sha = sha256(text);
        DocumentRepository docs = session.store().documents();
        var existing = docs.bySha256(sha);
        if (existing.isPresent()) return new Outcome(null, null, existing.get().name());
        String lang = language != null ? language : LanguageDetector.detect(text);
        int length = text.codePointCount(0, text.length());
        Document doc = session.store().inTransaction(() -> docs.insert(new DocumentRepository.NewDocument(
                null, uniqueName(baseName(file)), lang, text, length, file.getFileName().toString(),
                decoded.encoding(), sha, Instant.now())));
        return new Outcome(doc, text, null);
    }

    private static byte[] readBounded(Path file) throws Refused {
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw new Refused("it is " + size / (1024 * 1024) + " MB, larger than the " + MAX_FILE_BYTES / (1024 * 1024)
                        + " MB Tamga imports as one document; split it into parts");
            }
            try (InputStream in = Files.newInputStream(file)) {
                byte[] bytes = in.readNBytes((int) MAX_FILE_BYTES + 1);
                if (bytes.length > MAX_FILE_BYTES) throw new Refused("it is larger than " + MAX_FILE_BYTES / (1024 * 1024) + " MB");
                return bytes;
            }
        } catch (IOException e) {
            throw new Refused("it could not be read (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        }
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

    static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

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
