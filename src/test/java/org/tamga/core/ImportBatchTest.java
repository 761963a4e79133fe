package org.tamga.core;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tamga.model.Document;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The batched import (ADR 30): several files per transaction, a savepoint per file, files read and
 * indexed on worker threads. Each file stays all or nothing, the others of its transaction are not
 * touched by its failure, and everything imported is searchable.
 */
class ImportBatchTest {
    @TempDir Path tmp;

    /** {@code n} transcripts, each with a word of its own ("uniqueNNN") and a Chinese line. */
    List<Path> transcripts(int n) throws IOException {
        Path folder = Files.createDirectories(tmp.resolve("in"));
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Path f = folder.resolve(String.format(Locale.ROOT, "t%03d.txt", i));
            Files.writeString(f, "Interviewer: How is the grassland?\nRespondent: unique" + i + " grassland, sheep " + i
                    + ".\n访谈者：草场怎么样？\n受访者：第" + i + "号草场还行。\n", StandardCharsets.UTF_8);
            files.add(f);
        }
        return files;
    }

    @Test
    void moreFilesThanOneTransactionHoldsAllImportInOrderAndAreSearchable() throws IOException {
        int n = ImportService.BATCH_FILES * 2 + 37;
        List<Path> files = transcripts(n);
        try (ProjectSession session = ProjectSession.create(tmp.resolve("p.tamga"), tmp.resolve("cache"))) {
            List<String> progress = new ArrayList<>();
            ImportReport report = session.importing().importFiles(List.of(tmp.resolve("in")), null,
                    (i, total, f) -> progress.add(i + "/" + total + " " + f.getFileName()));
            assertTrue(report.ok(), report.failures().toString());
            assertEquals(n, report.imported().size());
            assertEquals(n, progress.size());
            for (int i = 0; i < n; i++) assertEquals(i + "/" + n + " " + files.get(i).getFileName(), progress.get(i));
            assertEquals(files.stream().map(f -> ImportService.baseName(f)).toList(),
                    report.imported().stream().map(Document::name).toList(), "reported in the order of the files");
            for (Document d : report.imported()) assertEquals(4, report.turns(d), d.name());
            assertEquals(n, session.summary().documents());
            // every transaction's documents reached the index
            for (int i : new int[]{0, ImportService.BATCH_FILES - 1, ImportService.BATCH_FILES, n - 1}) {
                var hits = session.search().search(SearchService.Request.of("unique" + i)).hits();
                assertEquals(1, hits.size(), "unique" + i);
                assertEquals(String.format(Locale.ROOT, "t%03d", i), hits.getFirst().document().name());
            }
            assertEquals(n, session.search().search(SearchService.Request.of("草场").limit(10 * n)).hits().size() / 2);
        }
        // and the index is up to date when the project is opened again
        try (ProjectSession again = ProjectSession.open(tmp.resolve("p.tamga"), tmp.resolve("cache"))) {
            ProjectSession.IndexSync sync = again.ensureIndex();
            assertEquals(0, sync.added());
            assertEquals(0, sync.removed());
        }
    }

    @Test
    void aFileThatFailsWhileBeingStoredLeavesNoTraceAndTheRestOfItsTransactionImports() throws Exception {
        List<Path> files = transcripts(6);
        Path project = tmp.resolve("p.tamga");
        ProjectSession.create(project, tmp.resolve("cache")).close();
        // the turns of t003 are refused by the database after its document row was written: the
        // savepoint must take the document (and its source) back with them
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + project.toAbsolutePath());
             Statement st = c.createStatement()) {
            st.execute("CREATE TRIGGER refuse_t003 BEFORE INSERT ON turn WHEN (SELECT name FROM document WHERE id = NEW.document_id) = 't003' "
                    + "BEGIN SELECT RAISE(ABORT, 'the disk said no'); END");
        }
        try (ProjectSession session = ProjectSession.open(project, tmp.resolve("cache"))) {
            ImportReport report = session.importing().importFiles(files, null);
            assertEquals(List.of("t000", "t001", "t002", "t004", "t005"), report.imported().stream().map(Document::name).toList());
            assertEquals(1, report.failures().size());
            assertEquals(files.get(3), report.failures().getFirst().file());
            assertTrue(report.failures().getFirst().reason().contains("the disk said no"), report.failures().getFirst().reason());
            assertEquals(Set.of("t000", "t001", "t002", "t004", "t005"),
                    session.documents().all().stream().map(Document::name).collect(Collectors.toSet()));
            assertTrue(session.search().search(SearchService.Request.of("unique3")).hits().isEmpty());
            assertEquals(1, session.search().search(SearchService.Request.of("unique4")).hits().size());
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + project.toAbsolutePath());
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT (SELECT count(*) FROM document), (SELECT count(*) FROM turn), "
                     + "(SELECT count(*) FROM turn WHERE document_id NOT IN (SELECT id FROM document))")) {
            assertTrue(rs.next());
            assertEquals(5, rs.getInt(1));
            assertEquals(5 * 4, rs.getInt(2));
            assertEquals(0, rs.getInt(3));
        }
    }

    @Test
    void duplicatesAndUnreadableFilesInsideOneTransaction() throws IOException {
        List<Path> files = new ArrayList<>(transcripts(4));
        Path copy = tmp.resolve("in/copy-of-t001.txt");
        Files.copy(files.get(1), copy);
        Path empty = Files.writeString(tmp.resolve("in/empty.txt"), "");
        files.add(2, copy);
        files.add(4, empty);
        try (ProjectSession session = ProjectSession.create(tmp.resolve("p.tamga"), tmp.resolve("cache"))) {
            ImportReport report = session.importing().importFiles(files, null);
            assertEquals(List.of("t000", "t001", "t002", "t003"), report.imported().stream().map(Document::name).toList());
            assertEquals(List.of(copy), report.duplicates().stream().map(ImportReport.Duplicate::file).toList());
            assertEquals("t001", report.duplicates().getFirst().existingDocument());
            assertEquals(List.of(empty), report.failures().stream().map(ImportReport.Failure::file).toList());
            assertEquals(4, session.summary().documents());
        }
    }

    @Test
    void cancellingInTheMiddleKeepsWhatWasImportedAndIndexesIt() throws IOException {
        int n = ImportService.BATCH_FILES + 50;
        transcripts(n);
        int stopAt = ImportService.BATCH_FILES + 10;
        try (ProjectSession session = ProjectSession.create(tmp.resolve("p.tamga"), tmp.resolve("cache"))) {
            List<Path> seen = new ArrayList<>();
            ImportService.Progress progress = new ImportService.Progress() {
                @Override public void file(int index, int total, Path file) { seen.add(file); }
                @Override public boolean cancelled() { return seen.size() >= stopAt; }
            };
            ImportReport report = session.importing().importFiles(List.of(tmp.resolve("in")), null, progress);
            assertTrue(report.cancelled());
            assertEquals(stopAt, report.imported().size());
            assertEquals(stopAt, session.summary().documents());
            assertEquals(1, session.search().search(SearchService.Request.of("unique" + (stopAt - 1))).hits().size());
            assertTrue(session.search().search(SearchService.Request.of("unique" + stopAt)).hits().isEmpty());
        }
    }
}
