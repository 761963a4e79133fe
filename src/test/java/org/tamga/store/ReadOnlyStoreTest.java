package org.tamga.store;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tamga.model.Document;
import org.tamga.model.TamgaException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;
import static org.tamga.store.ProjectStoreTest.insertDocument;

/** Projects opened for reading only (ADR 45): read through SQLite's read-only, immutable or copied file, never written. */
class ReadOnlyStoreTest {
    @TempDir Path tmp;
    private Path locked;

    private static final String MONGOLIAN = "ᠮᠣᠩᠭᠣᠯ\u202Fᠤᠨ ᠬᠡᠯᠡ, Монгол хэл 🐎";

    @AfterEach
    void unlock() throws Exception {
        if (locked != null) ReadOnlyFolders.writable(locked);
    }

    private static String digest(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    private static List<String> files(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) { return s.map(p -> p.getFileName().toString()).sorted().toList(); }
    }

    private static List<String> names(ProjectStore store) { return store.documents().all().stream().map(Document::name).toList(); }

    /** Every kind of write is refused with the one sentence, and the store still reads afterwards. */
    private static void assertEditsRefused(ProjectStore store, String sentence) {
        List<org.junit.jupiter.api.function.Executable> edits = List.of(
                () -> insertDocument(store, "new 新", "文本"),
                () -> store.setProjectMemo("备忘"),
                () -> store.codes().insert(null, null, "草场 code", null, null, true),
                () -> store.inTransaction(() -> store.coders().getOrCreate("Болд")));
        for (var edit : edits) {
            TamgaException e = assertThrows(TamgaException.class, edit);
            assertEquals(sentence, e.getMessage());
        }
    }

    private Path projectWith(Path folder, String... documents) throws IOException {
        Files.createDirectories(folder);
        Path file = folder.resolve("草原 study.tamga");
        try (ProjectStore store = ProjectStore.create(file, "草原")) {
            for (String d : documents) insertDocument(store, d, MONGOLIAN + " " + d);
        }
        return file;
    }

    @Test
    void aProjectOpenedReadOnlyIsReadAndNeverWritten() throws Exception {
        Path file = projectWith(tmp.resolve("here"), "访谈 1", "Ярилцлага 2");
        String before = digest(file);
        try (ProjectStore store = ProjectStore.openReadOnly(file, "it was opened for reading only")) {
            String sentence = "草原 study.tamga is read-only (it was opened for reading only): edits are refused.";
            assertEquals(sentence, store.readOnly().orElseThrow());
            assertEquals(Reading.How.READ_ONLY, store.reading());
            assertEquals(List.of("Ярилцлага 2", "访谈 1"), names(store));
            assertEquals(MONGOLIAN + " 访谈 1", store.documents().text(store.documents().byName("访谈 1").orElseThrow().id()));
            assertEditsRefused(store, sentence);
            assertEquals(2, store.documents().count());
        }
        assertEquals(before, digest(file), "not a byte of the project changed");
        try (ProjectStore store = ProjectStore.open(file)) {
            assertTrue(store.readOnly().isEmpty());
            assertEquals(2, store.documents().count());
        }
    }

    @Test
    void inAFolderThatCannotBeWrittenTheFileAloneIsReadImmutable() throws Exception {
        Path folder = tmp.resolve("光盘 disc");
        Path file = projectWith(folder, "访谈 1");
        List<String> filesBefore = files(folder);
        String before = digest(file);
        ReadOnlyFolders.readOnly(folder);
        locked = folder;
        assertEquals("the folder " + folder + " cannot be written", ProjectStore.readOnlyReason(file));
        assertTrue(ProjectFiles.quickCheck(file).ok(), "SQLite's check reads it where it is");
        ProjectFiles.Contents c = ProjectFiles.inspect(file, ProjectFiles.Depth.FULL);
        assertEquals(1, c.documents());
        try (ProjectStore store = ProjectStore.openReadOnly(file, ProjectStore.readOnlyReason(file))) {
            assertEquals(Reading.How.IMMUTABLE, store.reading());
            assertEquals(List.of("访谈 1"), names(store));
            assertEditsRefused(store, "草原 study.tamga is read-only (the folder " + folder + " cannot be written): edits are refused.");
        }
        // a backup of it can be written elsewhere
        Path copy = tmp.resolve("copy.tamga");
        ProjectFiles.copy(file, copy);
        assertEquals(1, ProjectFiles.inspect(copy, ProjectFiles.Depth.QUICK).documents());
        assertEquals(filesBefore, files(folder), "nothing was made beside it");
        assertEquals(before, digest(file));
    }

    @Test
    void commitsStillInTheWriteAheadLogAreReadFromACopy() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("ejected"));
        Path file = folder.resolve("p.tamga");
        // the project as a killed Tamga leaves it: the last commits in the write-ahead log only
        Path live = projectWith(tmp.resolve("live"), "早");
        try (ProjectStore writer = ProjectStore.open(live)) {
            insertDocument(writer, "晚 late", "ᠬᠣᠢᠨ᠎ᠠ");
            Files.copy(live, file);
            Files.copy(ProjectFiles.sideFile(live, "-wal"), ProjectFiles.sideFile(file, "-wal"), StandardCopyOption.REPLACE_EXISTING);
        }
        assertTrue(Files.size(ProjectFiles.sideFile(file, "-wal")) > 0);
        ReadOnlyFolders.readOnly(folder);
        locked = folder;
        assertTrue(ProjectFiles.quickCheck(file).ok());
        assertEquals(2, ProjectFiles.inspect(file, ProjectFiles.Depth.COUNTS).documents(), "the log's commit is counted");
        try (ProjectStore store = ProjectStore.openReadOnly(file, ProjectStore.readOnlyReason(file))) {
            assertEquals(Reading.How.COPY, store.reading());
            assertEquals(List.of("早", "晚 late"), names(store));
            assertEquals(file, store.file(), "it is named as itself, not as the copy");
            assertEditsRefused(store, "p.tamga is read-only (the folder " + folder + " cannot be written): edits are refused.");
        }
        assertEquals(List.of("p.tamga", "p.tamga-wal"), files(folder));
    }

    @Test
    void anOlderProjectIsUpgradedInACopyAndTheFileStaysAsItWas() throws Exception {
        Path file = tmp.resolve("old.tamga");
        OldProjects.version1(file, "旧", "Хуучин 1", "旧的文本");
        String before = digest(file);
        try (ProjectStore store = ProjectStore.openReadOnly(file, "it was opened for reading only")) {
            assertEquals(Migrations.shipped().latestVersion(), store.schemaVersion());
            assertEquals(Reading.How.COPY, store.reading());
            assertEquals(List.of("Хуучин 1"), names(store));
            assertEditsRefused(store, "old.tamga is read-only (it was opened for reading only): edits are refused.");
        }
        assertEquals(before, digest(file));
        // SQLite's read-only connection leaves its (empty) side files, as it does anywhere it can write them
        assertEquals(List.of("old.tamga"), files(tmp).stream().filter(f -> !f.endsWith("-shm") && !f.endsWith("-wal")).toList(),
                "no backup of an upgrade that did not happen");
        assertEquals(0, Files.size(ProjectFiles.sideFile(file, "-wal")));
    }

    @Test
    void whatIsNotAProjectIsRefusedAsAlways() throws Exception {
        Path text = Files.writeString(tmp.resolve("notes.tamga"), "не проект");
        TamgaException e = assertThrows(TamgaException.class, () -> ProjectStore.openReadOnly(text, "x"));
        assertTrue(e.getMessage().contains("not a Tamga project"), e.getMessage());
        TamgaException missing = assertThrows(TamgaException.class, () -> ProjectStore.openReadOnly(tmp.resolve("none.tamga"), "x"));
        assertTrue(missing.getMessage().contains("no such project file"), missing.getMessage());
        assertNull(ProjectStore.readOnlyReason(Files.writeString(tmp.resolve("w.tamga"), "")), "a file in a writable folder");
    }
}
