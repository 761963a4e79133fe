package org.tamga.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.tamga.core.ProjectSession;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.*;

/** The crash harness (ADR 43): a short seeded run loses nothing, and the harness can tell when something is lost. */
class CrashHarnessTest {
    @TempDir Path tmp;

    /**
     * Six kills at seeded random moments (seed 7): nothing acknowledged is lost. This run found a
     * restore acknowledged and not there — sqlite-jdbc's backup had given up on a busy project and said
     * it was done; a restore is now checked against the backup's content (ADR 43).
     */
    @Test
    void sixKillsAtRandomMomentsLoseNothing() {
        List<String> progress = new ArrayList<>();
        CrashHarness.Summary s = new CrashHarness(tmp.resolve("崩溃 🐑"), 7, progress::add).run(6);
        String said = String.join("\n", progress);
        assertEquals(6, s.kills(), said);
        assertTrue(s.acknowledged() > 0, said);
        assertEquals(0, s.workloadErrors(), said);
        assertEquals(0, s.lost(), said);
        assertEquals(0, s.unopenable(), said);
        assertEquals(0, s.integrityFailures(), said);
        assertEquals(0, s.staleSearches(), said);
        assertEquals(0, s.torn(), said);
        assertTrue(s.clean(), said);
        assertEquals(6, s.killedIn().values().stream().mapToInt(Integer::intValue).sum());
        StringWriter table = new StringWriter();
        CrashHarness.print(s, new PrintWriter(table));
        assertTrue(table.toString().lines().skip(1).findFirst().orElseThrow().startsWith("    6  "), table.toString());
        assertTrue(table.toString().contains("killed in: "), table.toString());
    }

    @Test
    void everyOperationRunToTheEndLeavesWhatItAcknowledged() {
        CrashHarness h = new CrashHarness(tmp.resolve("工作"), 3, line -> { });
        h.prepare();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        long next = CrashWorkload.run(h.project(), tmp.resolve("工作").resolve("cache"), tmp.resolve("工作"), 3, 0, 60,
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertEquals(60, next);
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        Set<String> kinds = new TreeSet<>();
        for (String l : lines) {
            h.accept(l);
            if (l.startsWith("ack\t")) kinds.add(l.split("\t")[2]);
        }
        assertEquals(60, lines.stream().filter(l -> l.startsWith("ack\t")).count());
        assertEquals(Set.of("backup", "burst", "coding", "import", "memo", "merge", "new-code", "rename", "restore"), kinds);
        CrashHarness.Verdict v = h.verify();
        assertTrue(v.clean(), v.toString());
    }

    @Test
    void aWriteThatWasNeverMadeIsReportedLost() {
        CrashHarness h = new CrashHarness(tmp.resolve("丢失"), 5, line -> { });
        h.prepare();
        h.expected().add(CrashWorkload.memo("never written ᠮᠣᠩᠭᠣᠯ 🐑"));
        CrashHarness.Verdict v = h.verify();
        assertEquals(Set.of(CrashWorkload.memo("never written ᠮᠣᠩᠭᠣᠯ 🐑")), v.lost());
        assertFalse(v.clean());
        assertTrue(h.verify().clean(), "the loss is counted once");
    }

    @Test
    void anOperationHalfDoneIsReportedTorn() {
        CrashHarness h = new CrashHarness(tmp.resolve("撕裂"), 6, line -> { });
        h.prepare();
        // the operation killed began to write two memos: neither, or both, would be right; one is torn
        h.accept("begin\t0\tmemo\t+" + CrashWorkload.memo("一 ᠨᠢᠭᠡ") + "\t+" + CrashWorkload.memo("二 ᠬᠣᠶᠠᠷ"));
        assertTrue(h.verify().clean(), "not done at all is right");
        h.accept("begin\t1\tmemo\t+" + CrashWorkload.memo("一 ᠨᠢᠭᠡ") + "\t+" + CrashWorkload.memo("二 ᠬᠣᠶᠠᠷ"));
        try (ProjectSession s = ProjectSession.open(h.project(), tmp.resolve("撕裂").resolve("cache"))) {
            s.addMemo("一", "一 ᠨᠢᠭᠡ", "Дорж");
        }
        CrashHarness.Verdict v = h.verify();
        assertTrue(v.torn(), v.toString());
        assertEquals(Set.of(), v.lost());
        // an import is committed a batch of files at a time: some of its files and not others is right
        h.accept("begin\t2\timport\t+" + CrashWorkload.memo("三") + "\t+" + CrashWorkload.memo("四"));
        try (ProjectSession s = ProjectSession.open(h.project(), tmp.resolve("撕裂").resolve("cache"))) {
            s.addMemo("三", "三", "Дорж");
        }
        assertTrue(h.verify().clean());
    }

    @Test
    void aDamagedFileIsReported() throws IOException {
        CrashHarness h = new CrashHarness(tmp.resolve("损坏"), 9, line -> { });
        h.prepare();
        long size = Files.size(h.project());
        try (RandomAccessFile f = new RandomAccessFile(h.project().toFile(), "rw")) {
            byte[] junk = new byte[4096];
            java.util.Arrays.fill(junk, (byte) 0x5a);
            f.seek(Math.min(8192, size - 4096));
            f.write(junk);
        }
        CrashHarness.Verdict v = h.verify();
        assertNotNull(v.integrity(), v.toString());
        assertNotNull(v.unopenable(), v.toString());
        assertFalse(v.clean());
    }
}
