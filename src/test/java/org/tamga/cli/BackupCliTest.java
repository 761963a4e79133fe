package org.tamga.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tamga.core.Damage;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;
import static org.tamga.cli.CliTest.tamga;

/** {@code tamga backup}, {@code backups}, {@code restore}, and what every command does with a damaged project. */
class BackupCliTest {
    @TempDir Path dir;
    Path project;

    @BeforeEach
    void sample() {
        project = dir.resolve("田野 Судалгаа 🐑.tamga");
        CliTest.Run r = tamga("sample", project, "--no-window");
        assertEquals(0, r.code(), r.err());
    }

    private List<String> rows(CliTest.Run listing) {
        return listing.lines().subList(1, listing.lines().size());
    }

    private List<Path> tree() throws Exception {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.sorted().toList();
        }
    }

    @Test
    void backUpListAndRestoreByNumber() throws Exception {
        String info = tamga("info", project).out(); // the day's backup, on opening
        String codings = info.lines().filter(l -> l.startsWith("codings")).findFirst().orElseThrow().replaceAll("\\D", "");
        CliTest.Run made = tamga("backup", project);
        assertEquals(0, made.code(), made.err());
        assertTrue(made.out().startsWith("Backed up 田野 Судалгаа 🐑.tamga to " + dir.resolve("田野 Судалгаа 🐑.tamga.backups")), made.out());
        assertTrue(made.out().contains("(6 documents, " + codings + " codings, ") && made.out().contains("SQLite's check of the copy passed."), made.out());

        Files.writeString(dir.resolve("访谈09.txt"), "骆驼草 camelthorn 很少见。\n", StandardCharsets.UTF_8);
        assertEquals(0, tamga("import", project, dir.resolve("访谈09.txt")).code());

        CliTest.Run listing = tamga("backups", project);
        assertEquals(0, listing.code(), listing.err());
        assertEquals("#\tmade\treason\tsize\tdocuments\tcodings\tfile\tproblem", listing.lines().getFirst());
        List<String> rows = rows(listing);
        assertEquals(2, rows.size(), listing.out());
        String[] newest = rows.get(0).split("\t", -1);
        assertEquals("1", newest[0]);
        assertTrue(newest[1].matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}"), newest[1]);
        assertEquals("manual", newest[2]);
        assertTrue(newest[3].endsWith(" KB") || newest[3].endsWith(" MB"), newest[3]);
        assertEquals("6", newest[4]);
        assertEquals(codings, newest[5]);
        assertTrue(newest[6].endsWith("-manual.bak"));
        assertEquals("", newest[7]);
        assertEquals("daily", rows.get(1).split("\t")[2]);
        assertTrue(listing.err().contains("2 backups in " + dir.resolve("田野 Судалгаа 🐑.tamga.backups")), listing.err());
        assertTrue(listing.err().contains("Restore one with: tamga restore"), listing.err());

        CliTest.Run restored = tamga("restore", project, "1");
        assertEquals(0, restored.code(), restored.err());
        assertTrue(restored.out().startsWith("Restored 田野 Судалгаа 🐑.tamga from " + newest[6] + " (made " + newest[1] + ", 6 documents, " + codings + " codings)."),
                restored.out());
        assertTrue(restored.out().contains("The state before is kept in " + dir.resolve("田野 Судалгаа 🐑.tamga.backups")), restored.out());
        assertTrue(tamga("info", project).out().contains("documents  6 "), "the imported document is gone");
        assertEquals(List.of(), rows(tamga("search", project, "camelthorn")), "and the search knows it");

        // the state before the restore is in the list, and comes back by its file name
        CliTest.Run after = tamga("backups", project);
        String before = rows(after).stream().filter(r -> r.contains("\tbefore-restore\t")).findFirst().orElseThrow();
        assertEquals("7", before.split("\t")[4]);
        assertEquals(0, tamga("restore", project, before.split("\t")[6]).code());
        assertEquals(1, rows(tamga("search", project, "camelthorn")).size());
    }

    @Test
    void aBackupInAFileOfOnesChoosingAndTheNumbersKept() throws Exception {
        Path usb = Files.createDirectories(dir.resolve("U盘"));
        CliTest.Run made = tamga("backup", project, usb.resolve("田野.bak"));
        assertEquals(0, made.code(), made.err());
        assertTrue(Files.isRegularFile(usb.resolve("田野.bak")));
        CliTest.Run again = tamga("backup", project, usb.resolve("田野.bak"));
        assertEquals(1, again.code());
        assertTrue(again.err().startsWith("tamga: Cannot back up to ") && again.err().contains("exists already"), again.err());
        assertEquals(0, tamga("restore", project, usb.resolve("田野.bak")).code(), "restored from a path");

        for (int i = 0; i < 3; i++) assertEquals(0, tamga("backup", project).code());
        CliTest.Run keep = tamga("backups", project, "--keep-daily", "3", "--keep-weekly", "2", "--keep-before", "0");
        assertEquals(0, keep.code(), keep.err());
        assertTrue(keep.err().contains("kept: the 3 newest daily ones, the newest daily one of each of the last 2 weeks, the 0 newest made before a change"), keep.err());
        assertEquals(3, rows(keep).size(), "the backup before the restore is rotated away: " + keep.out());
        assertEquals(3, rows(keep).stream().filter(r -> r.contains("\tmanual\t")).count(), "backups made by hand stay");
        String file = Files.readString(dir.resolve("田野 Судалгаа 🐑.tamga.backups/keep.properties"));
        assertTrue(file.contains("daily=3"), file);
        CliTest.Run negative = tamga("backups", project, "--keep-daily", "-1");
        assertEquals(1, negative.code());
        assertTrue(negative.err().contains("--keep-daily must be 0 or more (not -1)"), negative.err());
    }

    @Test
    void whatIsNotABackupOfThisProjectIsRefusedInOneLine() throws Exception {
        Path text = Files.writeString(dir.resolve("笔记.bak"), "不是项目 not a project", StandardCharsets.UTF_8);
        byte[] before = Files.readAllBytes(project);
        CliTest.Run r = tamga("restore", project, text);
        assertEquals(1, r.code());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("tamga: Cannot restore from " + text + ": it is not a Tamga project"), r.err());
        r = tamga("restore", project, "7");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("There is no backup number 7 of 田野 Судалгаа 🐑.tamga (it has 0"), r.err());
        assertArrayEquals(before, Files.readAllBytes(project));
        r = tamga("backups", dir.resolve("missing.tamga"));
        assertEquals(1, r.code());
        assertTrue(r.err().contains("missing.tamga: no such project file"), r.err());
        r = tamga("backup", text);
        assertEquals(1, r.code());
        assertTrue(r.err().contains("笔记.bak: it is not an SQLite database"), r.err());
    }

    @Test
    void aDamagedProjectIsNeverWrittenToAndTheNewestGoodBackupIsNamedThenRestored() throws Exception {
        assertEquals(0, tamga("info", project).code()); // the day's backup
        Damage.middle(project);
        byte[] damaged = Files.readAllBytes(project);
        List<Path> files = tree();
        Files.writeString(dir.resolve("访谈09.txt"), "骆驼草 camelthorn 很少见。\n", StandardCharsets.UTF_8);
        List<Path> withText = tree();

        for (String[] command : List.of(new String[]{"info", project.toString()}, new String[]{"open", project.toString()},
                new String[]{"code", project.toString(), "--document", "访谈01", "--start", "0", "--end", "2", "--code", "Health"},
                new String[]{"import", project.toString(), dir.resolve("访谈09.txt").toString()})) {
            CliTest.Run r = tamga((Object[]) command);
            assertEquals(1, r.code(), command[0]);
            assertEquals(1, r.err().lines().count(), r.err());
            assertTrue(r.err().startsWith("tamga: 田野 Судалгаа 🐑.tamga is damaged: SQLite's check of the file found errors"), r.err());
            assertTrue(r.err().contains("Tamga has not written to it."), r.err());
            assertTrue(r.err().contains("restore it with: tamga restore \"" + project + "\" ") && r.err().strip().endsWith("-daily.bak"), r.err());
            assertEquals("", r.out());
            assertArrayEquals(damaged, Files.readAllBytes(project), command[0] + " wrote nothing");
            assertEquals(withText, tree(), command[0] + ": no side files, no backups");
        }
        assertNotEquals(files, withText);

        // the backups of a damaged project can be listed, and the newest good one restored
        CliTest.Run listing = tamga("backups", project);
        assertEquals(0, listing.code(), listing.err());
        assertEquals(1, rows(listing).size());
        String name = rows(listing).getFirst().split("\t")[6];
        CliTest.Run restored = tamga("restore", project, name);
        assertEquals(0, restored.code(), restored.err());
        assertTrue(restored.out().contains("The damaged file is kept in "), restored.out());
        CliTest.Run info = tamga("info", project);
        assertEquals(0, info.code(), info.err());
        assertTrue(info.out().contains("documents  6 "), info.out());
        assertTrue(rows(tamga("backups", project)).stream().anyMatch(r -> r.contains("\tdamaged\t")), "the damaged file is kept");
    }
}
