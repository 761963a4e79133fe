package org.tamga.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tamga.model.TamgaException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.*;

/** Copies, checks and restores of whole project files, as SQLite does them (ADR 41). */
class ProjectFilesTest {
    @TempDir Path tmp;

    @Test
    void aProjectJustMadeIsKnownByItsLogBeforeItsFirstPageIsWrittenBack() throws Exception {
        Path file = tmp.resolve("新 Шинэ.tamga");
        try (ProjectStore store = ProjectStore.create(file, "新")) {
            ProjectStoreTest.insertDocument(store, "访谈", ProjectStoreTest.TEXT);
            // the mark is still in the write-ahead log, not in the file's first page
            assertTrue(Files.size(ProjectFiles.sideFile(file, "-wal")) > 0);
            assertEquals(ProjectFiles.Kind.OK, ProjectFiles.header(file).kind());
            assertTrue(ProjectFiles.quickCheck(file).ok());
            ProjectFiles.Contents c = ProjectFiles.inspect(file, ProjectFiles.Depth.FULL);
            assertEquals(1, c.documents());
            assertEquals(0, c.codings());
            assertEquals(store.project().guid(), c.guid());
            assertEquals("新", c.name());
            assertEquals(Migrations.shipped().latestVersion(), c.version());
        }
    }

    @Test
    void someoneElsesDatabaseIsNotEvenOpened() throws Exception {
        Path file = tmp.resolve("other.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath()); Statement st = c.createStatement()) {
            st.executeUpdate("CREATE TABLE t(x TEXT)");
        }
        byte[] before = Files.readAllBytes(file);
        assertEquals(ProjectFiles.Kind.NOT_TAMGA, ProjectFiles.quickCheck(file).kind());
        assertEquals(ProjectFiles.Kind.NOT_TAMGA, ProjectFiles.inspect(file, ProjectFiles.Depth.COUNTS).check().kind());
        assertArrayEquals(before, Files.readAllBytes(file));
        assertFalse(Files.exists(ProjectFiles.sideFile(file, "-wal")));
        assertEquals(ProjectFiles.Kind.NOT_SQLITE, ProjectFiles.header(Files.writeString(tmp.resolve("short.tamga"), "SQLite")).kind());
    }

    @Test
    void aCopyIsConsistentAndNeedsNoSideFilesAndARestoreIsACommitOthersSee() throws Exception {
        Path file = tmp.resolve("p.tamga");
        Path copy = tmp.resolve("copy.bak");
        try (ProjectStore store = ProjectStore.create(file, "p")) {
            ProjectStoreTest.insertDocument(store, "一", ProjectStoreTest.TEXT);
            ProjectFiles.copy(file, copy);
            TamgaException e = assertThrows(TamgaException.class, () -> ProjectFiles.copy(file, copy));
            assertTrue(e.getMessage().contains("exists already"), e.getMessage());
            ProjectStoreTest.insertDocument(store, "二", "第二个访谈 🐑");
            assertEquals(1, ProjectFiles.inspect(copy, ProjectFiles.Depth.QUICK).documents(), "what was committed then");
            assertFalse(Files.exists(ProjectFiles.sideFile(copy, "-wal")), "a copy stands alone");

            int seen = store.dataVersion();
            assertNull(ProjectFiles.restoreInPlace(file, copy));
            assertNotEquals(seen, store.dataVersion(), "the open connection sees a commit");
            assertEquals(1, store.documents().count());
            assertEquals("一", store.documents().all().getFirst().name());
            assertEquals("wal", journalMode(store), "the project keeps its log");

            String failed = ProjectFiles.restoreInPlace(file, tmp.resolve("missing.bak"));
            assertNotNull(failed, "a backup that cannot be read is said, not thrown");
            assertEquals(1, store.documents().count(), "and changes nothing");
        }
        TamgaException e = assertThrows(TamgaException.class, () -> ProjectFiles.copy(tmp.resolve("missing.tamga"), tmp.resolve("x.bak")));
        assertTrue(e.getMessage().contains("missing.tamga"), e.getMessage());
        assertFalse(Files.exists(tmp.resolve("x.bak")));
        e = assertThrows(TamgaException.class, () -> ProjectFiles.replace(file, tmp.resolve("missing.bak")));
        assertTrue(e.getMessage().contains("missing.bak") && e.getMessage().contains("p.tamga"), e.getMessage());
        try (ProjectStore store = ProjectStore.open(file)) { assertEquals(1, store.documents().count(), "a failed replace changes nothing"); }
    }

    private static String journalMode(ProjectStore store) throws Exception {
        try (var ps = store.prepare("PRAGMA journal_mode"); var rs = ps.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void aRestoreThatABusyProjectKeptOutIsToldApartFromOneThatWasMade() throws Exception {
        Path project = tmp.resolve("项目 🐑.tamga");
        Path backup = tmp.resolve("备份.bak");
        try (ProjectStore store = ProjectStore.create(project, "p")) {
            store.codes().insert(null, null, "草场 Grassland", null, null, true);
        }
        ProjectFiles.copy(project, backup);
        try (ProjectStore store = ProjectStore.open(project)) {
            var code = store.codes().codebook().codes().getFirst();
            store.codes().update(new org.tamga.model.Code(code.id(), code.guid(), code.parentId(), "码 r52 Өвс", code.description(),
                    code.color(), code.codable(), code.order(), code.memo()));
        }
        assertFalse(ProjectFiles.sameContent(project, backup), "a rename is a difference");

        // another connection writing to the project all the while: the backup cannot be copied in
        try (java.sql.Connection other = ProjectStore.connect(project, false); java.sql.Statement st = other.createStatement()) {
            st.execute("BEGIN IMMEDIATE");
            st.executeUpdate("UPDATE project SET memo = 'busy'");
            ProjectFiles.restoreInPlace(project, backup, 2);
            st.execute("ROLLBACK");
        }
        assertFalse(ProjectFiles.sameContent(project, backup), "whatever sqlite-jdbc answered, nothing was copied in");

        assertNull(ProjectFiles.restoreInPlace(project, backup));
        assertTrue(ProjectFiles.sameContent(project, backup));
        try (ProjectStore store = ProjectStore.open(project)) {
            assertEquals("草场 Grassland", store.codes().codebook().codes().getFirst().name());
        }
    }
}
