package org.tamga.core;

import org.tamga.core.importing.DocumentReader;
import org.tamga.core.importing.Extracted;
import org.tamga.core.importing.Refusal;
import org.tamga.core.text.LanguageDetector;
import org.tamga.core.text.TurnDetector;
import org.tamga.index.SearchIndex;
import org.tamga.model.Document;
import org.tamga.model.DiskFullException;
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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
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
    /** The languages Tamga detects; any other ISO 639 code (two or three letters, e.g. kk, de, khk) may be given at import. */
    public static final Set<String> LANGUAGES = Set.of("en", "zh", "mn", "ru", "ja", "ko", "und");
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

    /** A two-letter ISO 639-1 code Java knows, a three-letter ISO 639-2/3 code, or "und" (lower case). */
    static boolean isLanguageCode(String code) {
        if (LANGUAGES.contains(code)) return true;
        if (code.matches("[a-z]{2}")) return java.util.Arrays.asList(java.util.Locale.getISOLanguages()).contains(code);
        return code.matches("[a-z]{3}");
    }

    /**
     * @param paths    files and folders (folders are read recursively; hidden files are ignored)
     * @param language a language code for all files, or null to detect each file's language
     */
    public ImportReport importFiles(List<Path> paths, String language, Progress progress) {
        session.refuseIfReadOnly();
        if (language != null && !isLanguageCode(language)) {
            throw new TamgaException("Unknown language \u201C" + language + "\u201D: give an ISO 639 code such as "
                    + String.join(", ", LANGUAGES.stream().sorted().toList()) + " (or kk, de, khk \u2026).");
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
        if (files.isEmpty()) return new ImportReport(imported, duplicates, failures, skipped, false, speakers);
        SearchIndex index = session.index();
        boolean cancelled;
        try (Pipeline pipeline = new Pipeline(files, language, index)) {
            cancelled = pipeline.run(progress, imported, speakers, duplicates, failures);
        }
        return new ImportReport(imported, duplicates, failures, skipped, cancelled, speakers);
    }

    /** Files stored in one transaction, at most (see ADR 30). */
    static final int BATCH_FILES = 100;
    /** How long one transaction may collect files before it is committed. */
    static final long BATCH_NANOS = 2_000_000_000L;
    /**
     * Kilobytes of files read ahead, stored but not yet committed, or waiting for the index, at most.
     * One transaction holds at most half of it, one file counts for at most a quarter (a larger file
     * counts as a quarter): so the file after a full transaction always fits, and nothing waits forever.
     */
    private static final int BUDGET_KB = 64 * 1024;
    /** Files read ahead of the one being stored, at most. */
    private static final int READ_AHEAD = 16;

    /** A file read, with everything the project stores about it, before it is stored. */
    private record Prepared(Path file, Extracted extracted, String text, String sha, String language, int length,
                            List<TurnRepository.NewTurn> turns, Map<String, Integer> speakers) {}

    /** A file read ahead on a worker: its place in the budget, and the reading. */
    private record Pending(int index, Path file, int permits, Future<Prepared> reading) {}

    /** A document stored in the open transaction, to be indexed once it is committed. */
    private record Stored(Document document, String text, Map<String, Integer> speakers, int permits) {}

    /**
     * One import: readers read files ahead (format layer, turns, language, SHA-256), this thread
     * stores them in order, several files per transaction with a savepoint per file (a file is all
     * or nothing, and a failed file leaves the others of its transaction alone), and indexers index
     * each transaction's documents once it is committed, so that the project is written before the
     * index, as ever (ADR 5). The memory held by texts read ahead or waiting for the index is bounded.
     */
    private final class Pipeline implements AutoCloseable {
        private final List<Path> files;
        private final String language;
        private final SearchIndex index;
        /** Read files ahead; apart from the indexers, so that a file read never waits behind a transaction's indexing. */
        private final ExecutorService readers;
        private final ExecutorService indexers;
        private final Semaphore budget = new Semaphore(BUDGET_KB);
        private final ArrayDeque<Pending> ahead = new ArrayDeque<>();
        private final List<Future<?>> indexing = new ArrayList<>();
        private int submitted;
        private final int threads;

        Pipeline(List<Path> files, String language, SearchIndex index) {
            this.files = files;
            this.language = language;
            this.index = index;
            this.threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
            this.readers = pool(threads, "tamga-import-read-");
            this.indexers = pool(threads, "tamga-import-index-");
        }

        private static ExecutorService pool(int threads, String name) {
            AtomicInteger n = new AtomicInteger();
            return Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, name + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
        }

        /** Imports every file (until cancelled); returns whether it was cancelled. */
        boolean run(Progress progress, List<Document> imported, Map<Long, Map<String, Integer>> speakers,
                    List<ImportReport.Duplicate> duplicates, List<ImportReport.Failure> failures) {
            boolean cancelled = false;
            boolean anyImported = false;
            int next = 0;
            try {
                while (next < files.size() && !cancelled) {
                    List<Stored> batch = new ArrayList<>();
                    List<ImportReport.Duplicate> batchDuplicates = new ArrayList<>();
                    List<ImportReport.Failure> batchFailures = new ArrayList<>();
                    int first = next;
                    boolean[] stop = {false};
                    int[] reached = {next};
                    try {
                        session.store().inTransaction(() -> {
                            long began = System.nanoTime();
                            int held = 0;
                            while (reached[0] < files.size() && batch.size() < BATCH_FILES && held < BUDGET_KB / 2
                                    && System.nanoTime() - began < BATCH_NANOS) {
                                if (progress.cancelled()) { stop[0] = true; break; }
                                int i = reached[0];
                                Pending pending = take(i);
                                progress.file(i, files.size(), pending.file());
                                reached[0]++;
                                Stored stored = storeOne(pending, batchDuplicates, batchFailures);
                                if (stored != null) {
                                    batch.add(stored);
                                    held += stored.permits();
                                }
                            }
                            return null;
                        });
                    } catch (TamgaException e) {
                        // the commit failed: nothing of this transaction is in the project
                        for (Stored s : batch) budget.release(s.permits());
                        // a full disk fails every file after it too: they are not tried
                        if (e instanceof DiskFullException) reached[0] = files.size();
                        for (int i = first; i < reached[0]; i++) {
                            Path f = files.get(i);
                            if (batchFailures.stream().noneMatch(x -> x.file().equals(f))) {
                                batchFailures.add(new ImportReport.Failure(f, e.getMessage()));
                            }
                        }
                        batch.clear();
                        batchDuplicates.clear();
                    }
                    next = reached[0];
                    cancelled = stop[0] || Thread.currentThread().isInterrupted();
                    duplicates.addAll(batchDuplicates);
                    failures.addAll(batchFailures);
                    for (Stored s : batch) {
                        imported.add(s.document());
                        speakers.put(s.document().id(), s.speakers());
                        anyImported = true;
                        indexing.add(indexers.submit(() -> {
                            try {
                                index.add(s.document().guid(), s.text()); // a new document: its GUID was just made
                            } finally {
                                budget.release(s.permits());
                            }
                        }));
                    }
                }
            } finally {
                for (Pending p : ahead) p.reading().cancel(true);
                TamgaException indexFailure = awaitIndexing();
                if (anyImported && indexFailure == null) {
                    // the texts indexed but not yet written are written on every core at once, not one
                    // buffer after another by the commit on this thread (ADR 53)
                    indexing.clear();
                    for (int i = 0; i < threads; i++) indexing.add(indexers.submit(() -> { while (index.flushBuffer()) { /* the next one */ } }));
                    indexFailure = awaitIndexing();
                }
                // the project already holds the documents; if this fails the index catches up on the next open
                if (anyImported) index.commit();
                if (indexFailure != null) throw indexFailure;
            }
            return cancelled;
        }

        /** The reading of file {@code i}, read ahead (and the files after it started reading). */
        private Pending take(int i) {
            while (submitted <= i || (submitted < files.size() && ahead.size() < READ_AHEAD && budget.availablePermits() > 0)) {
                Path file = files.get(submitted);
                int permits = permits(file);
                if (submitted <= i) {
                    acquire(permits);
                } else if (!budget.tryAcquire(permits)) {
                    break;
                }
                ahead.add(new Pending(submitted, file, permits, readers.submit(() -> prepare(file, language))));
                submitted++;
            }
            Pending p = ahead.poll();
            if (p == null || p.index() != i) throw new IllegalStateException("import pipeline out of order at file " + i);
            return p;
        }

        private void acquire(int permits) {
            try {
                budget.acquire(permits);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TamgaException("The import was interrupted.", e);
            }
        }

        private static int permits(Path file) {
            try {
                return (int) Math.max(1, Math.min(BUDGET_KB / 4, Files.size(file) / 1024));
            } catch (IOException e) {
                return 1; // the reading will say what is wrong with it
            }
        }

        /** Stores one read file under a savepoint; null if it failed or is a duplicate (which are noted). */
        private Stored storeOne(Pending pending, List<ImportReport.Duplicate> duplicates, List<ImportReport.Failure> failures) {
            Path file = pending.file();
            try {
                Prepared prepared = result(pending);
                Document doc = session.store().inSavepoint(() -> insert(prepared, duplicates));
                if (doc != null) return new Stored(doc, prepared.text(), prepared.speakers(), pending.permits());
            } catch (DiskFullException e) {
                // SQLite has rolled back the whole batch: no failure of this file alone
                budget.release(pending.permits());
                throw e;
            } catch (Refusal | TamgaException e) {
                failures.add(new ImportReport.Failure(file, e.getMessage()));
            }
            budget.release(pending.permits());
            return null;
        }

        private Prepared result(Pending pending) throws Refusal {
            try {
                return pending.reading().get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TamgaException("The import was interrupted.", e);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof Refusal r) throw r;
                if (cause instanceof RuntimeException r) throw r;
                if (cause instanceof Error err) throw err;
                throw new TamgaException("Cannot import " + pending.file() + ": " + cause, cause);
            }
        }

        private TamgaException awaitIndexing() {
            TamgaException failure = null;
            for (Future<?> f : indexing) {
                try {
                    f.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return new TamgaException("The import was interrupted while the search index was being written.", e);
                } catch (ExecutionException e) {
                    if (failure == null) {
                        failure = e.getCause() instanceof TamgaException t ? t
                                : new TamgaException("Cannot add a document to the search index: " + e.getCause(), e.getCause());
                    }
                }
            }
            return failure;
        }

        @Override
        public void close() {
            readers.shutdownNow();
            indexers.shutdownNow();
        }
    }

    /** Reads a file and finds everything stored with it (on a worker: nothing here touches the project). */
    private static Prepared prepare(Path file, String language) throws Refusal {
        Extracted extracted = DocumentReader.read(file);
        String text = extracted.text();
        String lang = language != null ? language : LanguageDetector.detect(text);
        List<TurnRepository.NewTurn> turns = turns(text);
        Map<String, Integer> speakers = new LinkedHashMap<>();
        for (TurnRepository.NewTurn t : turns) speakers.merge(t.speaker(), 1, Integer::sum);
        return new Prepared(file, extracted, text, sha256(text), lang, text.codePointCount(0, text.length()), turns, speakers);
    }

    /** Stores a read file (joins the open transaction); null if the project has its text already. */
    private Document insert(Prepared p, List<ImportReport.Duplicate> duplicates) {
        DocumentRepository docs = session.store().documents();
        var existing = docs.bySha256(p.sha());
        if (existing.isPresent()) {
            duplicates.add(new ImportReport.Duplicate(p.file(), existing.get().name()));
            return null;
        }
        String encoding = p.extracted().encoding() != null ? p.extracted().encoding() : p.extracted().source().format();
        Document d;
        try {
            d = session.store().inSavepoint(() -> docs.insert(newDocument(p, encoding), p.extracted().source()));
        } catch (TamgaException e) {
            // on a shared project another coder may have imported the same text, or taken the name, in the meantime (ADR 48)
            var now = docs.bySha256(p.sha());
            if (now.isPresent()) {
                duplicates.add(new ImportReport.Duplicate(p.file(), now.get().name()));
                return null;
            }
            if (!session.shared()) throw e;
            d = docs.insert(newDocument(p, encoding), p.extracted().source());
        }
        session.store().turns().insertAll(d.id(), p.turns());
        return d;
    }

    private DocumentRepository.NewDocument newDocument(Prepared p, String encoding) {
        return new DocumentRepository.NewDocument(null, uniqueName(baseName(p.file())), p.language(), p.text(),
                p.length(), p.file().getFileName().toString(), encoding, p.sha(), Instant.now());
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
