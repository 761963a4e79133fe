package org.tamga.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;
import static org.tamga.cli.CliTest.tamga;

/** {@code tamga merge} as the README shows it: two coders' copies of the sample project. */
class MergeCliTest {
    @TempDir Path dir;

    @Test
    void twoCodersCopiesOfTheSampleMergeAndMergingAgainChangesNothing() throws Exception {
        Path a = dir.resolve("田野.tamga");
        Path b = dir.resolve("copy-Bilguun.tamga");
        assertEquals(0, tamga("sample", a, "--no-window").code());
        Files.copy(a, b);
        String doc = "访谈01_牧民_巴特尔";
        assertEquals(0, tamga("code", a, "--document", doc, "--start", 10, "--end", 30, "--code", "Health", "--coder", "Saran").code());
        assertEquals(0, tamga("code", b, "--document", doc, "--start", 10, "--end", 30, "--code", "Health", "--coder", "Saran").code());
        assertEquals(0, tamga("code", b, "--document", doc, "--start", 40, "--end", 60, "--code", "Dependency on outside help",
                "--coder", "Bilguun", "--memo", "等靠要的典型说法").code());
        assertEquals(0, tamga("memo", a, "Saran's reading", "--code", "Health").code());
        assertEquals(0, tamga("memo", b, "=1+1 Bilguun's reading", "--code", "Health").code());
        assertEquals(0, tamga("attribute", a, "--document", doc, "旗县", "东乌珠穆沁旗").code());
        assertEquals(0, tamga("attribute", b, "--document", doc, "旗县", "西乌珠穆沁旗").code());
        byte[] before = Files.readAllBytes(a);
        byte[] source = Files.readAllBytes(b);

        CliTest.Run dry = tamga("merge", a, b, "--dry-run");
        assertEquals(0, dry.code(), dry.err());
        assertEquals("would merge copy-Bilguun.tamga into 田野.tamga", dry.lines().getFirst());
        assertTrue(dry.lines().contains("  codings                   1 to add      46 already there"), dry.out());
        assertTrue(dry.lines().contains("  coders                    1 to add       2 already there"), dry.out());
        List<String> conflicts = dry.lines().stream().filter(l -> l.startsWith("conflict  ")).toList();
        assertEquals(List.of(
                "conflict  attribute value differs | document \u201C访谈01_牧民_巴特尔\u201D, attribute \u201C旗县\u201D | kept: 东乌珠穆沁旗 | other: 西乌珠穆沁旗 | copy-Bilguun.tamga",
                "conflict  memo edited on both sides | the memo of code \u201CCapability · 可行能力 › Health · 健康\u201D | kept: both texts: the target's,"
                        + " then the source's below \u201C——— from copy-Bilguun.tamga ———\u201D | other: =1+1 Bilguun's reading | copy-Bilguun.tamga"), conflicts);
        assertEquals("Dry run: nothing was written. Merging would add 4, with 2 conflicts.", dry.lines().getLast());
        assertArrayEquals(before, Files.readAllBytes(a));

        Path csv = dir.resolve("冲突.csv");
        CliTest.Run merged = tamga("merge", a, b, "--report", csv);
        assertEquals(0, merged.code(), merged.err());
        assertEquals("merged copy-Bilguun.tamga into 田野.tamga", merged.lines().getFirst());
        assertTrue(merged.lines().contains("  codings                   1 added       46 already there"), merged.out());
        assertEquals(conflicts, merged.lines().stream().filter(l -> l.startsWith("conflict  ")).toList());
        assertTrue(merged.out().contains("wrote " + csv + " (2 conflicts)"), merged.out());
        String backup = merged.lines().stream().filter(l -> l.startsWith("backup    ")).findFirst().orElseThrow().substring(10);
        assertTrue(Files.isRegularFile(Path.of(backup)), backup);
        assertTrue(backup.matches(".*田野\\.tamga\\.before-merge-\\d{8}-\\d{6}\\.bak"), backup);
        assertEquals("Merged 1 project: 4 added, 2 conflicts (where the copies differ, 田野.tamga's version is kept and the other is named above).",
                merged.lines().getLast());
        assertArrayEquals(source, Files.readAllBytes(b), "the source is only read");
        byte[] written = Files.readAllBytes(csv);
        assertArrayEquals(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, java.util.Arrays.copyOf(written, 3));
        List<String> rows = new String(written, 3, written.length - 3, StandardCharsets.UTF_8).lines().toList();
        assertEquals("source,kind,item,kept,other", rows.getFirst());
        assertEquals(3, rows.size(), rows.toString());
        assertTrue(rows.get(2).endsWith(",'=1+1 Bilguun's reading"), "a cell a spreadsheet would run is neutralised: " + rows.get(2));

        CliTest.Run info = tamga("info", a);
        assertTrue(info.out().contains("codings    47"), info.out());
        assertTrue(info.out().contains("coders     3  (Bilguun, Li Wei, Saran)"), info.out());
        CliTest.Run codings = tamga("codings", a, "--code", "Dependency on outside help");
        assertTrue(codings.out().contains("Bilguun"), codings.out());

        byte[] after = Files.readAllBytes(a);
        CliTest.Run again = tamga("merge", a, b);
        assertEquals(0, again.code(), again.err());
        assertTrue(again.lines().contains("  codings                   0 added       47 already there"), again.out());
        assertEquals("Nothing to merge: 田野.tamga already has everything these copies hold (1 conflict); it was not changed.", again.lines().getLast());
        assertArrayEquals(after, Files.readAllBytes(a));
    }

    @Test
    void aSourceThatIsNotAProjectIsRefusedWithOneLineAndExitCode1() throws Exception {
        Path a = dir.resolve("p.tamga");
        assertEquals(0, tamga("new", a).code());
        Path notes = Files.writeString(dir.resolve("笔记.tamga"), "不是项目");
        CliTest.Run r = tamga("merge", a, notes);
        assertEquals(1, r.code());
        assertEquals("tamga: Cannot open " + notes + ": it is not a Tamga project (not an SQLite database).\n", r.err());
        assertEquals("", r.out());
        CliTest.Run itself = tamga("merge", a, a);
        assertEquals(1, itself.code());
        assertTrue(itself.err().startsWith("tamga: Cannot merge " + a + " into itself"), itself.err());
        CliTest.Run none = tamga("merge", a);
        assertEquals(2, none.code());
        assertTrue(none.err().contains("SOURCE.tamga"), none.err());
    }
}
