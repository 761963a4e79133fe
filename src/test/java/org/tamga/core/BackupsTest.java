package org.tamga.core;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tamga.model.Code;
import org.tamga.model.Document;
import org.tamga.model.TamgaException;
import org.tamga.store.OldProjects;
import org.tamga.store.ProjectFiles;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/** Backups (ADR 41): made on opening and before destructive changes, checked, rotated, listed, restored. */
class BackupsTest {
    @TempDir Path dir;

    private Path sample(String name) {
        Path file = dir.resolve(name);
        SampleProject.create(file, dir.resolve("cache")).close();
        return file;
    }

    private ProjectSession open(Path file) { return ProjectSession.open(file, dir.resolve("cache")); }

    private static List<String> names(Path project) throws Exception {
        Path folder = Backups.folder(project);
        if (!Files.isDirectory(folder)) return List.of();
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".bak")).sorted().toList();
        }
    }

    private static Backups.Backup only(Path project, String reason) {
        List<Backups.Backup> found = Backups.list(project).stream().filter(b -> b.reason().equals(reason)).toList();
        assertEquals(1, found.size(), "one backup " + reason + ": " + found);
        return found.getFirst();
    }

    private static int codings(ProjectSession s) { return s.summary().codings(); }

    @Test
    void openingBacksUpOnceADayIntoAFolderBesideTheProject() throws Exception {
        Path project = sample("田野 Судалгаа ᠮᠣᠩᠭᠣᠯ\u202Fᠤᠨ 🐑.tamga");
        assertEquals(List.of(), names(project), "a new project has no backup yet");
        int codings;
        try (ProjectSession s = open(project)) { codings = codings(s); }
        assertEquals(dir.resolve("田野 Судалгаа ᠮᠣᠩᠭᠣᠯ\u202Fᠤᠨ 🐑.tamga.backups"), Backups.folder(project));
        List<String> first = names(project);
        assertEquals(1, first.size());
        assertTrue(first.getFirst().matches("\\d{4}-\\d{2}-\\d{2}T\\d{6}Z-daily\\.bak"), first.getFirst());
        Backups.Backup daily = Backups.list(project).getFirst();
        assertEquals(Backups.DAILY, daily.reason());
        assertEquals(6, daily.documents());
        assertEquals(codings, daily.codings());
        assertTrue(daily.readable());
        assertEquals(Files.size(daily.file()), daily.bytes());
        assertTrue(Duration.between(daily.made(), Instant.now()).abs().toMinutes() < 5, "made now: " + daily.made());
        // the copy needs no side files and passes SQLite's check
        assertTrue(ProjectFiles.inspect(daily.file(), ProjectFiles.Depth.FULL).check().ok());

        try (ProjectSession s = open(project)) { assertEquals(6, s.summary().documents()); }
        assertEquals(first, names(project), "not again the same day");

        Clock tomorrow = Clock.fixed(Instant.now().plus(Duration.ofHours(25)), ZoneOffset.UTC);
        assertTrue(Backups.dailyIfDue(project, tomorrow).isPresent(), "a day later");
        assertEquals(2, names(project).size());
        assertTrue(Backups.dailyIfDue(project, tomorrow).isEmpty());
    }

    @Test
    void deletingACodeWithCodingsOrDocumentsIsBackedUpFirst() throws Exception {
        Path project = sample("p.tamga");
        try (ProjectSession s = open(project)) {
            int all = codings(s);
            Backups.Backup daily = only(project, Backups.DAILY);
            // nothing changed since the day's backup: it is the backup before the deletion
            Code health = s.codebook().resolve("Health");
            int healthCodings = s.coding().countsByCode().getOrDefault(health.id(), 0);
            assertTrue(healthCodings > 0);
            Path before = s.beforeDestructive("delete-code");
            assertEquals(daily.file(), before);
            s.codebook().delete(health.id());
            assertEquals(1, names(project).size(), "no second copy of the same state");
            assertEquals(all, Backups.list(project).getFirst().codings(), "the backup holds the deleted codings");

            // after a change, the next deletion makes its own backup
            Code other = s.codebook().codebook().codes().stream().filter(c -> s.coding().countsByCode().getOrDefault(c.id(), 0) > 0)
                    .findFirst().orElseThrow();
            s.codebook().delete(other.id());
            Backups.Backup beforeDelete = only(project, "before-delete-code");
            assertEquals(all - healthCodings, beforeDelete.codings());
            assertTrue(beforeDelete.name().endsWith("-before-delete-code.bak"));

            // a code without codings, or one just made (undoing its creation), is deleted without a copy
            Code empty = s.codebook().create(null, "空 · Хоосон", null, null);
            s.codebook().delete(empty.id());
            Code made = s.codebook().create(null, "新 · Шинэ", null, null);
            s.codebook().undoCreate(made.id());
            assertEquals(2, names(project).size());

            // merging a code that has codings into another
            var book = s.codebook().codebook();
            List<Code> coded = book.codes().stream().filter(c -> s.coding().countsByCode().getOrDefault(c.id(), 0) > 0
                    && book.children(c.id()).isEmpty()).limit(2).toList();
            s.codebook().merge(coded.get(0).id(), coded.get(1).id());
            only(project, "before-merge-code");

            // deleting documents: one backup for all of them, with the documents in it
            List<Document> two = s.documents().all().subList(0, 2);
            int left = codings(s);
            SessionFixtures.importText(s, dir.resolve("texts"), "骆驼草", "骆驼草 camelthorn 很少见。");
            assertEquals(1, s.search().search(SearchService.Request.of("camelthorn")).hits().size());
            Document imported = s.documents().resolve("骆驼草");
            s.documents().delete(List.of(two.get(0), two.get(1), imported));
            Backups.Backup beforeDocs = only(project, "before-delete-documents");
            assertEquals(7, beforeDocs.documents());
            assertEquals(left, beforeDocs.codings());
            assertEquals(4, s.summary().documents());
            assertEquals(0, s.search().search(SearchService.Request.of("camelthorn")).hits().size(), "gone from the index too");
            s.documents().delete(List.of());
            assertEquals(4, s.summary().documents());
        }
    }

    @Test
    void aDeletionWithoutItsBackupIsNotMade() throws Exception {
        Path project = sample("p.tamga");
        try (ProjectSession s = ProjectSession.create(dir.resolve("other.tamga"), dir.resolve("cache"))) {
            // the backups folder cannot be made: a file is in its place
            Files.writeString(Backups.folder(s.file()), "not a folder");
            Code c = s.codebook().create(null, "Health", null, null);
            Document d = SessionFixtures.importText(s, dir.resolve("t"), "访谈", "牧民访谈 🐎");
            s.coding().apply(d, 0, 2, c, "Батболд", null);
            TamgaException e = assertThrows(TamgaException.class, () -> s.codebook().delete(c.id()));
            assertTrue(e.getMessage().contains("Could not back up other.tamga"), e.getMessage());
            assertTrue(s.codebook().codebook().byId(c.id()).isPresent(), "the code stays");
            assertEquals(1, codings(s));
            assertThrows(TamgaException.class, () -> s.documents().delete(d));
            assertEquals(1, s.summary().documents());
        }
        // the other helper's call: by path, with a reason in words
        Path merge = Backups.beforeDestructive(project, " Merge 合并 ");
        assertTrue(merge.getFileName().toString().endsWith("-before-merge.bak"), merge.toString());
        assertTrue(Files.isRegularFile(merge));
        TamgaException noReason = assertThrows(TamgaException.class, () -> Backups.beforeDestructive(project, "合并"));
        assertTrue(noReason.getMessage().contains("reason"), noReason.getMessage());
        Path text = Files.writeString(dir.resolve("notes.tamga"), "我的笔记", StandardCharsets.UTF_8);
        TamgaException notProject = assertThrows(TamgaException.class, () -> Backups.backUp(text, Backups.MANUAL));
        assertTrue(notProject.getMessage().contains("notes.tamga") && notProject.getMessage().contains("not an SQLite database"), notProject.getMessage());
        assertFalse(Files.exists(Backups.folder(text)), "nothing written for a file that is not a project");
    }

    @Test
    void anOlderProjectIsBackedUpBeforeItsUpgradeInTheSameFolder() throws Exception {
        Path project = dir.resolve("旧项目 old.tamga");
        OldProjects.version1(project, "旧项目", "访谈 🐎", "牧民访谈 🐎\nТанай өрх хэдэн малтай вэ?\n");
        try (ProjectSession s = open(project)) { assertEquals(1, s.summary().documents()); }
        Backups.Backup upgrade = only(project, "before-upgrade-v1");
        assertEquals(1, upgrade.documents());
        assertEquals(1, ProjectFiles.inspect(upgrade.file(), ProjectFiles.Depth.QUICK).version(), "the copy keeps the old format");
        assertEquals(1, Backups.list(project).stream().filter(b -> b.reason().equals(Backups.DAILY)).count(), "and the day's backup, of the upgraded file");
        try (Stream<Path> beside = Files.list(dir)) {
            assertTrue(beside.noneMatch(f -> f.getFileName().toString().matches(".*\\.v\\d+-.*\\.bak")), "no copy beside the project any more");
        }

        // a window has it open, and the old-format backup is restored from outside: the session reads it afresh, upgraded again
        try (ProjectSession s = open(project)) {
            SessionFixtures.importText(s, dir.resolve("texts"), "second", "第二个访谈");
            Backups.restore(project, upgrade.file());
            assertTrue(s.changedOutside());
            s.catchUpIndex();
            assertEquals(1, s.summary().documents());
            assertEquals(0, s.search().search(SearchService.Request.of("第二个")).hits().size());
            assertFalse(s.changedOutside());
            assertEquals(2, Backups.list(project).stream().filter(b -> b.reason().equals("before-upgrade-v1")).count());
        }
    }

    @Test
    void rotationKeepsTheNewestOfEachDayAndWeekTheLastBeforeOnesAndThoseMadeByHand() throws Exception {
        Path project = sample("p.tamga");
        Path folder = Files.createDirectories(Backups.folder(project));
        List<String> made = new ArrayList<>();
        for (Instant t = Instant.parse("2026-10-01T08:00:00Z"); !t.isAfter(Instant.parse("2026-12-02T08:00:00Z")); t = t.plus(Duration.ofDays(1))) {
            made.add(Backups.name(t, Backups.DAILY));
        }
        for (Instant t = Instant.parse("2026-11-20T15:00:00Z"); !t.isAfter(Instant.parse("2026-11-29T15:00:00Z")); t = t.plus(Duration.ofDays(1))) {
            made.add(Backups.name(t, "before-delete-code"));
        }
        made.add(Backups.name(Instant.parse("2026-09-01T10:00:00Z"), Backups.MANUAL));
        made.add(Backups.name(Instant.parse("2026-09-02T10:00:00Z"), Backups.DAMAGED));
        made.add("ältere Kopie 旧.bak");
        for (String n : made) Files.writeString(folder.resolve(n), "x");
        // a backup whose name says no time is dated by its file: an old one (not today's, or the test would depend on the hour it runs)
        Files.setLastModifiedTime(folder.resolve("ältere Kopie 旧.bak"), java.nio.file.attribute.FileTime.from(Instant.parse("2026-09-03T10:00:00Z")));
        Files.writeString(folder.resolve("readme.txt"), "mine");
        Clock now = Clock.fixed(Instant.parse("2026-12-02T12:00:00Z"), ZoneOffset.UTC);

        List<Path> deleted = Backups.rotate(project, new Backups.Keep(7, 4, 5), now);
        Set<String> kept = new TreeSet<>(names(project));
        assertEquals(new TreeSet<>(List.of(
                // the 7 newest daily ones
                "2026-12-02T080000Z-daily.bak", "2026-12-01T080000Z-daily.bak", "2026-11-30T080000Z-daily.bak",
                "2026-11-29T080000Z-daily.bak", "2026-11-28T080000Z-daily.bak", "2026-11-27T080000Z-daily.bak",
                "2026-11-26T080000Z-daily.bak",
                // the newest daily one of each of the last 4 weeks (49 and 48 are above; 47 ends on Sunday the 22nd, 46 on the 15th)
                "2026-11-22T080000Z-daily.bak", "2026-11-15T080000Z-daily.bak",
                // the last 5 made before a destructive change
                "2026-11-29T150000Z-before-delete-code.bak", "2026-11-28T150000Z-before-delete-code.bak",
                "2026-11-27T150000Z-before-delete-code.bak", "2026-11-26T150000Z-before-delete-code.bak",
                "2026-11-25T150000Z-before-delete-code.bak",
                // never deleted by Tamga
                "2026-09-01T100000Z-manual.bak", "2026-09-02T100000Z-damaged.bak", "ältere Kopie 旧.bak")), kept);
        assertEquals(made.size() - kept.size(), deleted.size());
        assertTrue(Files.exists(folder.resolve("readme.txt")), "other files are left alone");

        // keep nothing: the newest backup stays all the same, and those made by hand
        Backups.rotate(project, new Backups.Keep(0, 0, 0), now);
        assertEquals(Set.of("2026-12-02T080000Z-daily.bak", "2026-09-01T100000Z-manual.bak", "2026-09-02T100000Z-damaged.bak", "ältere Kopie 旧.bak"),
                Set.copyOf(names(project)));
    }

    @Test
    void howManyAreKeptIsSetPerProject() throws Exception {
        Path project = sample("p.tamga");
        assertEquals(Backups.Keep.STANDARD, Backups.keep(project));
        assertEquals(new Backups.Keep(7, 4, 5), Backups.Keep.STANDARD);
        Backups.setKeep(project, new Backups.Keep(14, 8, 2));
        assertEquals(new Backups.Keep(14, 8, 2), Backups.keep(project));
        String text = Files.readString(Backups.folder(project).resolve(Backups.KEEP_FILE));
        assertTrue(text.contains("daily=14") && text.contains("weekly=8") && text.contains("before=2"), text);
        Files.writeString(Backups.folder(project).resolve(Backups.KEEP_FILE), "daily=three\nweekly=-1\nbefore=9\n");
        assertEquals(new Backups.Keep(7, 4, 9), Backups.keep(project), "what cannot be read is kept as usual");
        assertThrows(TamgaException.class, () -> new Backups.Keep(-1, 0, 0));
        for (int i = 0; i < 4; i++) Backups.beforeDestructive(project, "delete-code");
        Backups.setKeep(project, new Backups.Keep(0, 0, 2));
        assertEquals(2, names(project).size(), "setting fewer rotates at once");
    }

    @Test
    void restoringPutsTheContentBackAndAnOpenSessionSeesItSearchIncluded() throws Exception {
        Path project = sample("恢复 Сэргээх.tamga");
        try (ProjectSession window = open(project)) {
            Backups.Backup daily = only(project, Backups.DAILY);
            int codings = codings(window);
            SessionFixtures.importText(window, dir.resolve("texts"), "骆驼草", "骆驼草 camelthorn 很少见。");
            window.codebook().delete(window.codebook().resolve("Health").id());
            assertEquals(1, window.search().search(SearchService.Request.of("camelthorn")).hits().size());
            assertFalse(window.changedOutside());

            // the command line restores the day's backup while the window has the project open
            Backups.Restored r = Backups.restore(project, daily.file());
            assertEquals(daily.file(), r.from().file());
            assertEquals(6, r.from().documents());
            assertEquals("before-restore", r.before().reason());
            assertEquals(7, ProjectFiles.inspect(r.before().file(), ProjectFiles.Depth.COUNTS).documents(), "the state before is kept");

            assertTrue(window.changedOutside(), "the open session notices the restore");
            window.catchUpIndex();
            assertEquals(6, window.summary().documents());
            assertEquals(codings, codings(window));
            assertTrue(window.codebook().codebook().codes().stream().anyMatch(c -> c.name().startsWith("Health")));
            assertEquals(0, window.search().search(SearchService.Request.of("camelthorn")).hits().size(), "the index follows the restored state");
            assertFalse(window.search().search(SearchService.Request.of("草场")).hits().isEmpty());
            assertFalse(window.changedOutside(), "once");

            // and back again, from the session itself
            Backups.Restored back = window.restore(r.before().file());
            assertEquals(7, back.from().documents());
            assertEquals(7, window.summary().documents());
            assertEquals(1, window.search().search(SearchService.Request.of("camelthorn")).hits().size());
            assertFalse(window.changedOutside(), "already read in");
        }
        assertTrue(ProjectFiles.quickCheck(project).ok());
        try (ProjectSession s = open(project)) { assertEquals(7, s.summary().documents()); }
    }

    @Test
    void aBackupThatIsNotGoodOrNotOfThisProjectIsRefusedAndTheProjectStaysAsItWas() throws Exception {
        Path project = sample("p.tamga");
        Path good = Backups.backUp(project, Backups.MANUAL).file();
        byte[] before = Files.readAllBytes(project);
        int backups = names(project).size();

        Path text = Files.writeString(dir.resolve("访谈.bak"), "不是项目", StandardCharsets.UTF_8);
        TamgaException e = assertThrows(TamgaException.class, () -> Backups.restore(project, text));
        assertTrue(e.getMessage().contains("访谈.bak") && e.getMessage().contains("not a Tamga project"), e.getMessage());

        Path damaged = dir.resolve("damaged.bak");
        Files.copy(good, damaged);
        Damage.middle(damaged);
        e = assertThrows(TamgaException.class, () -> Backups.restore(project, damaged));
        assertTrue(e.getMessage().contains("damaged.bak") && e.getMessage().contains("it is damaged"), e.getMessage());

        Path other = sample("other.tamga");
        Path otherBackup = Backups.backUp(other, Backups.MANUAL).file();
        e = assertThrows(TamgaException.class, () -> Backups.restore(project, otherBackup));
        assertTrue(e.getMessage().contains("another project") && e.getMessage().contains("other"), e.getMessage());

        e = assertThrows(TamgaException.class, () -> Backups.restore(project, dir.resolve("missing.bak")));
        assertTrue(e.getMessage().contains("missing.bak"), e.getMessage());

        assertArrayEquals(before, Files.readAllBytes(project));
        assertEquals(backups, names(project).size(), "no backup of the current state for a refused restore");
    }

    @Test
    void aDamagedProjectIsRestoredAndItsDamagedFileKept() throws Exception {
        Path project = sample("p.tamga");
        Backups.Backup good = Backups.backUp(project, Backups.MANUAL);
        Damage.middle(project);
        assertFalse(ProjectFiles.quickCheck(project).ok());
        Backups.Restored r = Backups.restore(project, good.file());
        assertEquals(Backups.DAMAGED, r.before().reason());
        assertTrue(ProjectFiles.quickCheck(project).ok());
        try (ProjectSession s = open(project)) { assertEquals(6, s.summary().documents()); }
        Backups.Backup kept = only(project, Backups.DAMAGED);
        assertFalse(ProjectFiles.quickCheck(kept.file()).ok(), "the damaged bytes, as they were");
        Backups.rotate(project, new Backups.Keep(0, 0, 0), Clock.systemUTC());
        assertTrue(Files.exists(kept.file()), "never deleted by the rotation");

        // a project whose first bytes are gone cannot take the content through SQLite: the file is replaced
        Damage.header(project);
        Files.writeString(ProjectFiles.sideFile(project, "-wal"), "a log of the damaged file");
        Backups.restore(project, good.file());
        assertTrue(ProjectFiles.quickCheck(project).ok());
        assertFalse(Files.exists(ProjectFiles.sideFile(project, "-wal")), "the damaged file's log is not taken for the new one's");
        try (ProjectSession s = open(project)) { assertEquals(6, s.summary().documents()); }

        // and a project file that was deleted comes back
        Files.delete(project);
        assertNull(Backups.restore(project, good.file()).before());
        try (ProjectSession s = open(project)) { assertEquals(6, s.summary().documents()); }
    }

    @Test
    void aBackupIsNamedByItsNumberItsFileNameOrItsPath() throws Exception {
        Path project = sample("p.tamga");
        Path older = Backups.backUp(project, Backups.MANUAL, Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC)).file();
        Path newer = Backups.backUp(project, Backups.MANUAL).file();
        assertEquals(newer, Backups.resolve(project, "1"));
        assertEquals(older, Backups.resolve(project, " 2 "));
        assertEquals(older, Backups.resolve(project, older.getFileName().toString()));
        Path elsewhere = Backups.backUpTo(project, dir.resolve("U盘 copy.bak")).file();
        assertEquals(elsewhere, Backups.resolve(project, elsewhere.toString()));
        TamgaException e = assertThrows(TamgaException.class, () -> Backups.resolve(project, "3"));
        assertTrue(e.getMessage().contains("no backup number 3") && e.getMessage().contains("it has 2"), e.getMessage());
        e = assertThrows(TamgaException.class, () -> Backups.resolve(project, "yesterday.bak"));
        assertTrue(e.getMessage().contains("yesterday.bak"), e.getMessage());
        e = assertThrows(TamgaException.class, () -> Backups.backUpTo(project, elsewhere));
        assertTrue(e.getMessage().contains("exists already"), e.getMessage());
        e = assertThrows(TamgaException.class, () -> Backups.backUpTo(project, dir.resolve("no/such/folder/x.bak")));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
        assertEquals(Set.of(older, newer), Backups.list(project).stream().map(Backups.Backup::file).collect(Collectors.toSet()),
                "the copy elsewhere is not in the project's list");
    }

    @Test
    void theCopiesOfAnOlderTamgaBesideTheProjectAreListedToo() throws Exception {
        Path project = sample("p.tamga");
        Path old = dir.resolve("p.tamga.v3-20250712-081500.bak");
        Files.copy(Backups.backUp(project, Backups.MANUAL).file(), old, StandardCopyOption.REPLACE_EXISTING);
        Backups.Backup listed = Backups.list(project).stream().filter(b -> b.file().equals(old)).findFirst().orElseThrow();
        assertEquals("before-upgrade-v3", listed.reason());
        assertEquals(Instant.parse("2025-07-12T08:15:00Z"), listed.made());
        assertEquals(6, listed.documents());
        assertEquals(old, Backups.list(project).getLast().file(), "the oldest");
    }

    @Test
    void aProjectFileReplacedWhileOpenIsReadAfresh() throws Exception {
        Path project = sample("p.tamga");
        try (ProjectSession s = open(project)) {
            Path backup = s.backUpNow().file();
            assertTrue(s.backups().stream().anyMatch(b -> b.file().equals(backup) && b.reason().equals(Backups.MANUAL)));
            assertEquals(backup, s.beforeDestructive("delete-code"), "nothing changed since the backup made by hand");
            SessionFixtures.importText(s, dir.resolve("texts"), "骆驼草", "骆驼草 camelthorn 很少见。");
            assertNotEquals(backup, s.beforeDestructive("delete-code"), "a change since: a new backup");
            // put back by hand, as the file itself (what Tamga does only when SQLite cannot open the project)
            ProjectFiles.replace(project, backup);
            assertTrue(s.changedOutside(), "a new file in its place");
            s.catchUpIndex();
            assertEquals(6, s.summary().documents());
            assertEquals(0, s.search().search(SearchService.Request.of("camelthorn")).hits().size());
            assertFalse(s.changedOutside());
            Code c = s.codebook().create(null, "After · 之后", null, null);
            assertTrue(s.codebook().codebook().byId(c.id()).isPresent(), "and written to");
        }
        try (ProjectSession s = open(project)) {
            assertEquals(6, s.summary().documents());
            assertTrue(s.codebook().codebook().codes().stream().anyMatch(c -> c.name().equals("After · 之后")));
        }
        assertTrue(ProjectFiles.quickCheck(project).ok());
    }
}
