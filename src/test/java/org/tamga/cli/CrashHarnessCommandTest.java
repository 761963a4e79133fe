package org.tamga.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** {@code tamga crash-harness}: one kill, the table, and a folder used before refused. */
class CrashHarnessCommandTest {
    @TempDir Path dir;

    @Test
    void oneKillPrintsTheTableAndAFolderUsedBeforeIsRefused() {
        Path work = dir.resolve("崩溃 ᠮᠣᠩᠭᠣᠯ");
        CliTest.Run run = CliTest.tamga("crash-harness", work, "--kills", 1, "--seed", 2);
        // the exit code says whether anything was lost (0) or not (1); the loss itself is CrashHarnessTest's subject
        assertTrue(run.code() == 0 || run.code() == 1, run.out() + run.err());
        assertTrue(run.out().startsWith("kills  acknowledged writes  lost"), run.out());
        assertTrue(run.out().lines().toList().get(1).matches(" +1 +\\d+( +\\d+){6} +\\d+ s"), run.out());
        assertTrue(run.err().contains("kill 1/1 in "), run.err());

        CliTest.Run again = CliTest.tamga("crash-harness", work, "--kills", 1);
        assertEquals(1, again.code(), again.out() + again.err());
        assertTrue(again.err().contains("needs a folder of its own"), again.err());
        CliTest.Run none = CliTest.tamga("crash-harness", dir.resolve("x"), "--kills", 0);
        assertNotEquals(0, none.code());
        assertTrue(none.err().contains("--kills must be at least 1"), none.err());
    }
}
