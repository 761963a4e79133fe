package org.tamga.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tamga.store.ReadOnlyFolders;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;
import static org.tamga.cli.CliTest.tamga;

/** The command line in awkward places: a project in a folder that cannot be written (ADR 45). */
class PlacesCliTest {
    @TempDir Path dir;
    private Path locked;

    @AfterEach
    void unlock() throws Exception {
        if (locked != null) ReadOnlyFolders.writable(locked);
    }

    private static List<String> files(Path folder) throws Exception {
        try (Stream<Path> s = Files.list(folder)) { return s.map(p -> p.getFileName().toString()).sorted().toList(); }
    }

    @Test
    void aProjectInAFolderThatCannotBeWrittenIsReadAndEveryEditIsRefusedInOneLine() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("光盘 Диск"));
        Path project = folder.resolve("田野 🐑.tamga");
        assertEquals(0, tamga("sample", project, "--no-window").code());
        assertEquals(0, tamga("info", project).code()); // the day's backup, made while it could be
        List<String> before = files(folder);
        ReadOnlyFolders.readOnly(folder);
        locked = folder;
        String sentence = "田野 🐑.tamga is read-only (the folder " + folder + " cannot be written): edits are refused.";

        CliTest.Run info = tamga("info", project);
        assertEquals(0, info.code(), info.err());
        assertTrue(info.out().contains("documents  6"), info.out());
        assertTrue(info.out().contains("read-only  " + sentence), info.out());
        CliTest.Run codes = tamga("codes", project);
        assertEquals(0, codes.code(), codes.err());
        assertTrue(codes.out().contains("等靠要"), codes.out());
        CliTest.Run search = tamga("search", project, "贫困");
        assertEquals(0, search.code(), search.err());
        assertTrue(search.lines().size() > 1, search.out());
        Path out = Files.createDirectories(dir.resolve("out"));
        assertEquals(0, tamga("report", "frequencies", project, "--format", "csv", "--output", out.resolve("频率.csv")).code());
        assertTrue(Files.size(out.resolve("频率.csv")) > 0);
        CliTest.Run export = tamga("export", "qdpx", project, out.resolve("导出.qdpx"));
        assertEquals(0, export.code(), export.err());

        Path text = Files.writeString(dir.resolve("访谈09.txt"), "骆驼草 camelthorn。\n", StandardCharsets.UTF_8);
        List<CliTest.Run> edits = List.of(
                tamga("import", project, text),
                tamga("code", project, "--document", "interview05_herder_family_Dorj", "--start", 0, "--end", 5, "--code", "等靠要"),
                tamga("memo", project, "Төсөл", "--code", "等靠要"));
        for (CliTest.Run edit : edits) {
            assertEquals(1, edit.code(), edit.out());
            assertEquals("tamga: " + sentence + System.lineSeparator(), edit.err());
        }
        assertEquals(before, files(folder), "nothing was made or changed beside the project");
    }

    @Test
    void aCacheFolderThatIsAFileGivesAWarningAndSearchAndImportStillWork() throws Exception {
        Path project = dir.resolve("田野.tamga");
        assertEquals(0, tamga("sample", project, "--no-window").code());
        Path cache = Files.writeString(dir.resolve("cache"), "a file");
        String before = System.getProperty("tamga.cache.dir");
        System.setProperty("tamga.cache.dir", cache.toString());
        try {
            CliTest.Run search = tamga("search", project, "贫困");
            assertEquals(0, search.code(), search.err());
            assertTrue(search.lines().size() > 1, search.out());
            List<String> err = search.err().lines().toList();
            assertTrue(err.getFirst().startsWith("tamga: warning: The search index cannot be kept in " + cache.resolve("index")), search.err());
            assertTrue(err.getFirst().contains("(Not a directory), so a fresh one is made in "), search.err());
            assertTrue(err.get(1).matches("[\\d,]+ hits? in [\\d,]+ documents?"), search.err());

            Files.writeString(dir.resolve("访谈09.txt"), "骆驼草 camelthorn 很少见。\n", StandardCharsets.UTF_8);
            CliTest.Run imported = tamga("import", project, dir.resolve("访谈09.txt"));
            assertEquals(0, imported.code(), imported.err());
            CliTest.Run found = tamga("search", project, "camelthorn");
            assertEquals(2, found.lines().size(), found.out());
        } finally {
            if (before == null) System.clearProperty("tamga.cache.dir"); else System.setProperty("tamga.cache.dir", before);
        }
    }
}
