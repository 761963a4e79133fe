package org.tamga.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tamga.model.Code;
import org.tamga.model.Coder;
import org.tamga.model.Coding;
import org.tamga.model.Document;
import org.tamga.model.Project;
import org.tamga.model.TamgaException;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class ProjectStoreTest {
    static final String V1 = Migrations.shipped().steps().get(0);
    static final String TEXT = "牧民访谈 🐎\nТанай өрх хэдэн малтай вэ?\n";

    @TempDir Path tmp;

    static Document insertDocument(ProjectStore store, String name, String text) {
        return store.documents().insert(new DocumentRepository.NewDocument(null, name, "zh", text,
                text.codePointCount(0, text.length()), name + ".txt", "UTF-8",
                org.tamga.core.ImportService.sha256(text), Instant.parse("2024-06-11T08:00:00Z")));
    }

    /** The copy before an upgrade, as the core would make it (here simply beside the file). */
    static ProjectStore.BeforeUpgrade copyBeside(Path file) {
        return v -> {
            Path copy = file.resolveSibling(file.getFileName() + ".before-v" + v + ".bak");
            ProjectFiles.copy(file, copy);
            return copy;
        };
    }

    static void assertNamesFile(Path file, TamgaException e) {
        assertTrue(e.getMessage().contains(file.getFileName().toString()), e.getMessage());
    }

    @Test
    void timesAreReadBackExactlyAsWritten() {
        java.util.Random rnd = new java.util.Random(4);
        for (int i = 0; i < 20_000; i++) {
            Instant t = Instant.ofEpochSecond(rnd.nextLong(-2_000_000_000L, 9_000_000_000L),
                    switch (i % 4) { case 0 -> 0; case 1 -> rnd.nextInt(1000) * 1_000_000; case 2 -> rnd.nextInt(1_000_000) * 1000; default -> rnd.nextInt(1_000_000_000); });
            String written = ProjectStore.timestamp(t);
            assertEquals(t, ProjectStore.instant(written), written);
            assertEquals(Instant.parse(written), ProjectStore.asWritten(written), written);
        }
        // other spellings go to the general parser
        assertEquals(Instant.parse("2024-06-11T08:00:00.5Z"), ProjectStore.instant("2024-06-11T08:00:00.5Z"));
        assertNull(ProjectStore.asWritten("2024-06-11T08:00:00+02:00"));
        assertEquals(Instant.parse("2024-06-11T08:00:00+02:00"), ProjectStore.instant("2024-06-11T08:00:00+02:00"));
        assertNull(ProjectStore.asWritten("2023-02-31T08:00:00Z"));
        assertThrows(java.time.format.DateTimeParseException.class, () -> ProjectStore.instant("2023-02-31T08:00:00Z"));
        assertNull(ProjectStore.instant(null));
    }

    @Test
    void createThenOpenGivesTheSameProject() {
        Path file = tmp.resolve("研究 🐑.tamga");
        Project created;
        try (ProjectStore store = ProjectStore.create(file, "研究 🐑 Судалгаа")) {
            created = store.project();
            assertEquals(Migrations.shipped().latestVersion(), store.schemaVersion());
        }
        try (ProjectStore store = ProjectStore.open(file)) {
            Project opened = store.project();
            assertEquals(created.guid(), opened.guid());
            assertEquals("研究 🐑 Судалгаа", opened.name());
            assertEquals(created.createdAt(), opened.createdAt());
            assertTrue(store.migrationBackup().isEmpty());
        }
    }

    @Test
    void createRefusesAnExistingFileAndLeavesItAlone() throws Exception {
        Path file = tmp.resolve("existing.tamga");
        byte[] content = "my thesis notes 论文笔记".getBytes(StandardCharsets.UTF_8);
        Files.write(file, content);
        TamgaException e = assertThrows(TamgaException.class, () -> ProjectStore.create(file, "x"));
        assertNamesFile(file, e);
        assertTrue(e.getMessage().contains("already exists"), e.getMessage());
        assertArrayEquals(content, Files.readAllBytes(file));
    }

    @Test
    void createRefusesAMissingFolder() {
        Path file = tmp.resolve("no-such-folder/p.tamga");
        TamgaException e = assertThrows(TamgaException.class, () -> ProjectStore.create(file, "x"));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
        assertFalse(Files.exists(file));
    }

    @Test
    void openRefusesAMissingFile() {
        Path file = tmp.resolve("缺失.tamga");
        TamgaException e = assertThrows(TamgaException.class, () -> ProjectStore.open(file));
        assertNamesFile(file, e);
        assertTrue(e.getMessage().contains("no such project file"), e.getMessage());
        assertFalse(Files.exists(file), "opening must not create the file");
    }

    @Test
    void openRefusesATextFile() throws Exception {
        Path file = tmp.resolve("notes.tamga");
        byte[] content = "这不是项目文件\nnot a project\n".repeat(20).getBytes(StandardCharsets.UTF_8);
        Files.write(file, content);
        TamgaException e = assertThrows(TamgaException.class, () -> ProjectStore.open(file));
        assertNamesFile(file, e);
        assertTrue(e.getMessage().contains("not a Tamga project"), e.getMessage());
        assertArrayEquals(content, Files.readAllBytes(file));
    }

    @Test
    void openRefusesAnEmptyFile() throws Exception {
        Path file = tmp.resolve("empty.tamga");
        Files.createFile(file);
        TamgaException e = assertThrows(TamgaException.class, () -> ProjectStore.open(file));
        assertNamesFile(file, e);
        assertTrue(e.getMessage().contains("not a Tamga project"), e.getMessage());
        assertEquals(0, Files.size(file), "the empty file must not become a database");
    }

    @Test
    void openRefusesAnSqliteDatabaseThatIsNotATamgaProject() throws Exception {
        Path file = tmp.resolve("other.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
             Statement st = c.createStatement()) {
            st.executeUpdate("CREATE TABLE t(x TEXT)");
            st.executeUpdate("INSERT INTO t VALUES ('外部数据')");
        }
        byte[] before = Files.readAllBytes(file);
        TamgaException e = assertThrows(TamgaException.class, () -> ProjectStore.open(file));
        assertNamesFile(file, e);
        assertTrue(e.getMessage().contains("not a Tamga project"), e.getMessage());
        // somebody else's database is not touched (e.g. not switched to WAL)
        assertArrayEquals(before, Files.readAllBytes(file));
        assertFalse(Files.exists(tmp.resolve("other.db-wal")));
    }

    @Test
    void openRefusesAFileOfANewerTamga() throws Exception {
        Path file = tmp.resolve("newer.tamga");
        List<String> steps = new java.util.ArrayList<>(Migrations.shipped().steps());
        steps.add("CREATE TABLE future(x INTEGER);");
        Migrations future = new Migrations(steps);
        ProjectStore.create(file, "future", future).close();
        TamgaException e = assertThrows(TamgaException.class, () -> ProjectStore.open(file));
        assertNamesFile(file, e);
        assertTrue(e.getMessage().contains("newer"), e.getMessage());
        try (ProjectStore store = ProjectStore.open(file, future, copyBeside(file))) {
            assertEquals(steps.size(), store.schemaVersion(), "the refused file keeps its version");
        }
    }

    @Test
    void anOlderFileIsMigratedAfterABackup() throws Exception {
        Path file = tmp.resolve("old 旧.tamga");
        String guid;
        Document doc;
        try (ProjectStore store = ProjectStore.create(file, "旧项目", new Migrations(List.of(V1)))) {
            assertEquals(1, store.schemaVersion());
            guid = store.project().guid();
            doc = insertDocument(store, "访谈 🐎", TEXT);
        }
        Migrations v2 = new Migrations(List.of(V1, "CREATE TABLE extra(x INTEGER);"));
        Path backup;
        try (ProjectStore store = ProjectStore.open(file, v2, copyBeside(file))) {
            assertEquals(2, store.schemaVersion());
            assertEquals(guid, store.project().guid());
            assertEquals(doc, store.documents().byGuid(doc.guid()).orElseThrow());
            assertEquals(TEXT, store.documents().text(doc.id()));
            store.update("INSERT INTO extra(x) VALUES (?)", 42); // the new table exists
            backup = store.migrationBackup().orElseThrow();
        }
        assertTrue(Files.isRegularFile(backup), backup.toString());
        assertNotEquals(file, backup);
        try (ProjectStore old = ProjectStore.open(backup, new Migrations(List.of(V1)), ProjectStore.BeforeUpgrade.REFUSE)) {
            assertEquals(1, old.schemaVersion());
            assertEquals(guid, old.project().guid());
            assertEquals(List.of(doc), old.documents().all());
            assertEquals(TEXT, old.documents().text(doc.id()));
        }
        // reopening the migrated file does not migrate (or back up) again
        try (ProjectStore store = ProjectStore.open(file, v2, copyBeside(file))) {
            assertEquals(2, store.schemaVersion());
            assertTrue(store.migrationBackup().isEmpty());
            assertEquals(1, store.documents().count());
        }
    }

    @Test
    void anOlderFileIsNotUpgradedWithoutACopy() {
        Path file = tmp.resolve("旧 old.tamga");
        ProjectStore.create(file, "旧", new Migrations(List.of(V1))).close();
        TamgaException e = assertThrows(TamgaException.class, () -> ProjectStore.open(file));
        assertTrue(e.getMessage().contains("needs a backup first"), e.getMessage());
        try (ProjectStore store = ProjectStore.open(file, new Migrations(List.of(V1)), ProjectStore.BeforeUpgrade.REFUSE)) {
            assertEquals(1, store.schemaVersion(), "still version 1");
        }
        // a copy that cannot be made stops the upgrade, and the file keeps its version
        assertThrows(TamgaException.class, () -> ProjectStore.open(file, v -> { throw new TamgaException("disk full"); }));
        try (ProjectStore store = ProjectStore.open(file, new Migrations(List.of(V1)), ProjectStore.BeforeUpgrade.REFUSE)) {
            assertEquals(1, store.schemaVersion());
        }
    }

    @Test
    void aFailingMigrationLeavesTheFileAsItWas() {
        Path file = tmp.resolve("p.tamga");
        Document doc;
        try (ProjectStore store = ProjectStore.create(file, "p", new Migrations(List.of(V1)))) {
            doc = insertDocument(store, "a", TEXT);
        }
        Migrations broken = new Migrations(List.of(V1, "CREATE TABLE ok(x INTEGER);\nCREATE TABLE broken(;"));
        assertThrows(TamgaException.class, () -> ProjectStore.open(file, broken, copyBeside(file)));
        try (ProjectStore store = ProjectStore.open(file, new Migrations(List.of(V1)), ProjectStore.BeforeUpgrade.REFUSE)) {
            assertEquals(1, store.schemaVersion());
            assertEquals(List.of(doc), store.documents().all());
        }
    }

    record Fixture(Document doc, Code parent, Code child, Code other, Coder coder) {}

    static Fixture fixture(ProjectStore store) {
        Document doc = insertDocument(store, "访谈", TEXT);
        Code parent = store.codes().insert(null, null, "Livelihood · 生计", null, null, false);
        Code child = store.codes().insert(null, parent.id(), "Herding · 放牧", null, null, true);
        Code other = store.codes().insert(null, null, "Health · 健康", null, "#ff0000", true);
        Coder coder = store.coders().insert(null, "Батболд");
        return new Fixture(doc, parent, child, other, coder);
    }

    @Test
    void theFileIsMarkedAsATamgaProject() throws Exception {
        Path file = tmp.resolve("p.tamga");
        ProjectStore.create(file, "p").close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
             PreparedStatement ps = c.prepareStatement("PRAGMA application_id"); ResultSet rs = ps.executeQuery()) {
            assertTrue(rs.next());
            assertEquals(ProjectStore.APPLICATION_ID, rs.getInt(1));
        }
    }

    @Test
    void aVersion1ProjectGainsDocumentSourcesAndTurnsWhenOpened() {
        Path file = tmp.resolve("v1 项目.tamga");
        long id;
        try (ProjectStore store = ProjectStore.create(file, "v1", new Migrations(List.of(V1)))) {
            id = insertDocument(store, "访谈", TEXT).id();
        }
        try (ProjectStore store = ProjectStore.open(file, copyBeside(file))) {
            assertEquals(Migrations.shipped().latestVersion(), store.schemaVersion());
            assertTrue(store.migrationBackup().isPresent());
            assertEquals(org.tamga.model.DocumentSource.NONE, store.documents().source(id), "nothing known yet, nothing invented");
            assertEquals(TEXT, store.documents().text(id));
            store.documents().setSource(id, new org.tamga.model.DocumentSource("标题", "Saran", Instant.parse("2025-07-12T00:00:00Z"), null, "docx", 1234L));
            store.inTransaction(() -> {
                store.turns().insertAll(id, List.of(new TurnRepository.NewTurn("受访者", 0, 4, 1_000L, null)));
                return null;
            });
        }
        try (ProjectStore store = ProjectStore.open(file)) {
            assertEquals("标题", store.documents().source(id).title());
            assertEquals(1234L, store.documents().source(id).size());
            assertEquals(Instant.parse("2025-07-12T00:00:00Z"), store.documents().source(id).created());
            var turns = store.turns().ofDocument(id);
            assertEquals(1, turns.size());
            assertEquals(1_000L, turns.getFirst().timeStartMs());
            assertNull(turns.getFirst().timeEndMs());
            assertThrows(TamgaException.class, () -> store.turns().insertAll(id, List.of(new TurnRepository.NewTurn("x", 5, 5, null, null))),
                    "an empty turn is refused by the schema");
            store.documents().delete(id);
            assertEquals(0, store.turns().count(), "turns go with their document");
        }
    }

    @Test
    void aVersion2ProjectGainsAttributesAndCasesWhenOpened() throws Exception {
        Path file = tmp.resolve("v2 項目.tamga");
        long id;
        try (ProjectStore store = ProjectStore.create(file, "v2", new Migrations(Migrations.shipped().steps().subList(0, 2)))) {
            id = insertDocument(store, "访谈", TEXT).id();
            assertEquals(2, store.schemaVersion());
        }
        try (ProjectStore store = ProjectStore.open(file, copyBeside(file))) {
            assertEquals(Migrations.shipped().latestVersion(), store.schemaVersion());
            Path backup = store.migrationBackup().orElseThrow();
            assertTrue(java.nio.file.Files.size(backup) > 0, "the version 2 file was copied before the migration");
            assertEquals(TEXT, store.documents().text(id), "the documents are as they were");
            var age = store.attributes().insert(null, "Age · 年龄", org.tamga.model.Attribute.Type.INTEGER, null);
            store.attributes().setDocumentValue(id, age.id(), "54");
            var household = store.cases().insert(null, "Household 12", null);
            assertTrue(store.cases().addDocument(household.id(), id));
            store.cases().setValue(household.id(), age.id(), "60");
            assertThrows(TamgaException.class, () -> store.attributes().insert(null, "AGE · 年龄", org.tamga.model.Attribute.Type.TEXT, null),
                    "attribute names are unique in any case");
        }
        try (ProjectStore store = ProjectStore.open(file)) {
            var age = store.attributes().byName("age · 年龄").orElseThrow();
            assertEquals(org.tamga.model.Attribute.Type.INTEGER, age.type());
            assertEquals(java.util.Map.of(age.id(), "54"), store.attributes().documentValues(id));
            store.documents().delete(id);
            assertEquals(java.util.Map.of(), store.attributes().allDocumentValues(), "a document's values go with it");
            assertEquals(java.util.Map.of(), store.cases().documents(), "and so does its place in its cases");
            assertEquals(1, store.cases().values().size(), "the case keeps its own values");
        }
    }

    @Test
    void aCopyOfAnOlderProjectIsReadUpgradedWithoutTouchingTheFileOrItsFolder() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("其他人"));
        Path file = folder.resolve("v2 copy.tamga");
        long id;
        try (ProjectStore store = ProjectStore.create(file, "v2", new Migrations(Migrations.shipped().steps().subList(0, 2)))) {
            id = insertDocument(store, "访谈", TEXT).id();
        }
        byte[] before = Files.readAllBytes(file);
        Path scratch;
        try (ProjectStore copy = ProjectStore.openCopy(file)) {
            assertEquals(Migrations.shipped().latestVersion(), copy.schemaVersion());
            assertEquals(TEXT, copy.documents().text(id));
            assertEquals(List.of(), copy.attributes().all(), "the tables of version 3 are there, empty");
            scratch = copy.file().getParent();
            assertNotEquals(folder, scratch);
            assertTrue(Files.isDirectory(scratch));
        }
        assertFalse(Files.exists(scratch), "the copy is deleted when it is closed");
        assertArrayEquals(before, Files.readAllBytes(file));
        try (var files = Files.list(folder)) {
            assertEquals(List.of(file), files.toList(), "no backup, journal or copy beside it");
        }
    }

    @Test
    void aDamagedCopyIsRefusedNamingTheFile() throws Exception {
        Path file = tmp.resolve("损坏.tamga");
        try (ProjectStore store = ProjectStore.create(file, "p")) {
            Fixture f = fixture(store);
            store.codings().insert(null, f.doc().id(), f.child().id(), f.coder().id(), 0, 3, null, null);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            st.execute("PRAGMA foreign_keys = OFF");
            st.execute("DELETE FROM code"); // what a tool that ignores the foreign keys could leave
        }
        TamgaException e = assertThrows(TamgaException.class, () -> ProjectStore.openCopy(file));
        assertEquals("Cannot open " + file + ": it is damaged (a row of coding refers to a row of code that is not there).", e.getMessage());
        assertThrows(TamgaException.class, () -> ProjectStore.openCopy(tmp.resolve("missing.tamga")));
    }

    @Test
    void aCopyIsWrittenAsCommittedAndATriedOutChangeIsUndone() throws Exception {
        Path file = tmp.resolve("p.tamga");
        Path copy = tmp.resolve("p.tamga.bak");
        try (ProjectStore store = ProjectStore.create(file, "p")) {
            Fixture f = fixture(store);
            int n = store.rolledBack(() -> {
                store.codes().delete(f.parent().id());
                return store.codes().codebook().size();
            });
            assertEquals(1, n, "the work sees its own changes");
            assertEquals(3, store.codes().codebook().size(), "and then they are gone");
            store.copyTo(copy);
            TamgaException e = assertThrows(TamgaException.class, () -> store.copyTo(copy));
            assertTrue(e.getMessage().contains("exists already"), e.getMessage());
            assertThrows(IllegalStateException.class, () -> store.inTransaction(() -> store.rolledBack(() -> 1)));
        }
        try (ProjectStore store = ProjectStore.open(copy)) {
            assertEquals(3, store.codes().codebook().size());
            assertEquals(1, store.documents().count());
        }
    }

    @Test
    void theDocumentsAreListedFromTheirIndexWithoutReadingTheTexts() throws Exception {
        Path file = tmp.resolve("listing.tamga");
        try (ProjectStore store = ProjectStore.create(file, "listing")) {
            insertDocument(store, "访谈", TEXT);
        }
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
             java.sql.ResultSet rs = c.createStatement().executeQuery("EXPLAIN QUERY PLAN " + DocumentRepository.LISTING)) {
            StringBuilder plan = new StringBuilder();
            while (rs.next()) plan.append(rs.getString("detail")).append('\n');
            assertTrue(plan.toString().contains("COVERING INDEX document_listing"), plan.toString());
        }
    }
}
