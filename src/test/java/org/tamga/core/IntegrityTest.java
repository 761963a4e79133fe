package org.tamga.core;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tamga.model.DamagedProjectException;
import org.tamga.model.TamgaException;
import org.tamga.store.ProjectFiles;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/** The check when a project opens (ADR 41): a damaged file is refused, never written to, and its newest good backup named. */
class IntegrityTest {
    @TempDir Path dir;

    private Path sample(String name) {
        Path file = dir.resolve(name);
        SampleProject.create(file, dir.resolve("cache")).close();
        return file;
    }

    private List<String> files() throws Exception {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(f -> !f.startsWith(dir.resolve("cache"))).map(f -> dir.relativize(f).toString()).sorted().toList();
        }
    }

    @Test
    void aDamagedProjectIsRefusedNeverWrittenToAndItsNewestGoodBackupNamed() throws Exception {
        Path project = sample("田野 Судалгаа 🐑.tamga");
        Backups.backUp(project, Backups.MANUAL, Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));
        Backups.Backup newest = Backups.backUp(project, Backups.DAILY);
        Damage.middle(project);
        byte[] damaged = Files.readAllBytes(project);
        List<String> before = files();

        DamagedProjectException e = assertThrows(DamagedProjectException.class, () -> ProjectSession.open(project, dir.resolve("cache")));
        String m = e.getMessage();
        assertTrue(m.startsWith("田野 Судалгаа 🐑.tamga is damaged: SQLite's check of the file found errors ("), m);
        assertTrue(m.contains("Tamga has not written to it."), m);
        assertTrue(m.contains("The newest good backup is from") && m.contains("(6 documents, "), m);
        assertTrue(m.endsWith("restore it with: tamga restore \"" + project + "\" " + newest.name()), m);
        assertFalse(m.contains("\n"), "one line");
        assertEquals(newest.file(), e.backup());
        assertEquals(newest.made(), e.backupMade());
        assertEquals(6, e.backupDocuments());
        assertEquals(project, e.file());
        assertTrue(e.problem().startsWith("SQLite's check"), e.problem());

        assertArrayEquals(damaged, Files.readAllBytes(project), "not a byte written");
        assertEquals(before, files(), "no side files, no backups");
    }

    @Test
    void withoutABackupTheMessageSaysSo() throws Exception {
        Path project = sample("p.tamga");
        Damage.middle(project);
        DamagedProjectException e = assertThrows(DamagedProjectException.class, () -> ProjectSession.open(project, dir.resolve("cache")));
        assertTrue(e.getMessage().contains("It has no backup that passes SQLite's check"), e.getMessage());
        assertNull(e.backup());
        // a backup that is damaged too is not offered
        Path copy = Files.createDirectories(Backups.folder(project)).resolve(Backups.name(Instant.now(), Backups.DAILY));
        Files.copy(project, copy);
        assertNull(assertThrows(DamagedProjectException.class, () -> ProjectSession.open(project, dir.resolve("cache"))).backup());
    }

    @Test
    void aProjectWhoseFirstBytesAreGoneIsDamagedWhenItHasBackups() throws Exception {
        Path project = sample("p.tamga");
        Damage.header(project);
        TamgaException plain = assertThrows(TamgaException.class, () -> ProjectSession.open(project, dir.resolve("cache")));
        assertFalse(plain instanceof DamagedProjectException, "without backups it is just not a project: " + plain.getMessage());
        assertTrue(plain.getMessage().contains("not a Tamga project"), plain.getMessage());

        Path other = sample("q.tamga");
        Backups.Backup good = Backups.backUp(other, Backups.MANUAL);
        Damage.header(other);
        DamagedProjectException e = assertThrows(DamagedProjectException.class, () -> ProjectSession.open(other, dir.resolve("cache")));
        assertTrue(e.getMessage().contains("q.tamga is damaged: it is not an SQLite database"), e.getMessage());
        assertEquals(good.file(), e.backup());

        // the header is there but its page size is not: SQLite could not read a page
        Path third = sample("r.tamga");
        try (RandomAccessFile f = new RandomAccessFile(third.toFile(), "rw")) {
            f.seek(16);
            f.write(new byte[]{0x55, 0x55, 0x55, 0x55});
        }
        e = assertThrows(DamagedProjectException.class, () -> ProjectSession.open(third, dir.resolve("cache")));
        assertTrue(e.getMessage().contains("its first page"), e.getMessage());
    }

    @Test
    void largeFilesAreCheckedWhenChangedOutsideTamgaOrOnceADay() throws Exception {
        Path project = sample("p.tamga");
        Path cache = dir.resolve("cache");
        Instant t0 = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).plusSeconds(60);
        // the session that made the file left a note that it is good
        assertTrue(Integrity.note(project, cache).orElseThrow().checked().isBefore(t0));
        try (Stream<Path> notes = Files.list(cache.resolve("checks"))) {
            for (Path f : notes.toList()) Files.delete(f);
        }
        // every file counts as large here
        Integrity integrity = new Integrity(0, Duration.ofDays(1), Clock.fixed(t0, ZoneOffset.UTC));
        assertTrue(Integrity.note(project, cache).isEmpty());
        assertEquals(t0, integrity.beforeOpen(project, cache), "checked: no note yet");
        assertEquals(t0, Integrity.note(project, cache).orElseThrow().checked());

        // a session's own writes leave a note that the file is as good as it was
        try (ProjectSession s = ProjectSession.open(project, cache, integrity)) {
            s.codebook().create(null, "新代码 · Шинэ", null, null);
        }
        Integrity.Note note = Integrity.note(project, cache).orElseThrow();
        assertEquals(Integrity.FileState.of(project), note.state(), "the note is of the file as the session left it");
        assertEquals(t0, note.checked());

        // damage that changes neither size nor time goes unseen until the day is over (the price of not reading 400 MB on every open)
        FileTime modified = Files.getLastModifiedTime(project);
        Damage.middle(project);
        Files.setLastModifiedTime(project, modified);
        Integrity later = new Integrity(0, Duration.ofDays(1), Clock.fixed(t0.plus(Duration.ofHours(2)), ZoneOffset.UTC));
        assertEquals(t0, later.beforeOpen(project, cache), "not checked again");
        Integrity nextDay = new Integrity(0, Duration.ofDays(1), Clock.fixed(t0.plus(Duration.ofHours(25)), ZoneOffset.UTC));
        assertThrows(DamagedProjectException.class, () -> nextDay.beforeOpen(project, cache));
        // and any change of size or time is checked at once
        Files.setLastModifiedTime(project, FileTime.from(t0));
        assertThrows(DamagedProjectException.class, () -> later.beforeOpen(project, cache));

        // small files are checked on every open
        Path small = sample("small.tamga");
        Integrity standard = new Integrity(Integrity.ALWAYS_BELOW, Duration.ofDays(1), Clock.fixed(t0, ZoneOffset.UTC));
        assertEquals(t0, standard.beforeOpen(small, cache));
        FileTime smallModified = Files.getLastModifiedTime(small);
        Damage.middle(small);
        Files.setLastModifiedTime(small, smallModified);
        assertThrows(DamagedProjectException.class, () -> standard.beforeOpen(small, cache));

        // an unreadable note is no note
        try (Stream<Path> notes = Files.list(cache.resolve("checks"))) {
            for (Path f : notes.toList()) Files.writeString(f, "size=x");
        }
        assertTrue(Integrity.note(project, cache).isEmpty());
    }

    @Test
    void aFileThatIsNotAProjectIsLeftToTheStoresMessage() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.tamga"), "我的笔记 my notes\n".repeat(20));
        byte[] before = Files.readAllBytes(text);
        TamgaException e = assertThrows(TamgaException.class, () -> ProjectSession.open(text, dir.resolve("cache")));
        assertTrue(e.getMessage().contains("not a Tamga project"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(text));
        assertEquals(ProjectFiles.Kind.NOT_SQLITE, ProjectFiles.quickCheck(text).kind());
        assertFalse(Files.exists(Backups.folder(text)));
    }
}
