package org.tamga.core;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tamga.cli.Cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The log file keeps every unexpected error with its stack trace; the diagnostics report names what a bug report needs, never document text. */
class DiagnosticsTest {
    @TempDir Path dir;

    @AfterEach
    void restore() {
        System.clearProperty("tamga.log.dir");
        Diagnostics.install(dir.resolve("after")); // leave no handler on this test's folder
    }

    @Test
    void anUnexpectedErrorIsLoggedWithItsStackTraceAndTheReportHasWhatABugReportNeeds() throws Exception {
        Path logs = dir.resolve("logs ᠮᠣᠩᠭᠣᠯ");
        System.setProperty("tamga.log.dir", logs.toString());
        Path log = Diagnostics.install(logs);
        assertEquals(Diagnostics.logFile(logs), log);
        System.getLogger("org.tamga.gui").log(System.Logger.Level.ERROR, "unexpected failure", new IllegalStateException("the index was closed"));
        String written = Files.readString(log, StandardCharsets.UTF_8);
        assertTrue(written.contains("ERROR") || written.contains("SEVERE"), written);
        assertTrue(written.contains("java.lang.IllegalStateException: the index was closed"), written);
        assertTrue(written.contains("\tat org.tamga.core.DiagnosticsTest."), "the stack trace: " + written);

        Path project = dir.resolve("访谈.tamga");
        try (ProjectSession s = ProjectSession.create(project, dir.resolve("cache"))) {
            Path text = Files.writeString(dir.resolve("secret.txt"), "受访者：我家的秘密不要写进日志 TOP-SECRET-LINE\n");
            s.importing().importFiles(List.of(text), null);
            String report = Diagnostics.report(s, null, "9.9");
            assertTrue(report.startsWith("Tamga: 9.9\n"), report);
            for (String line : List.of("System: ", "Java: ", "JavaFX: 21", "Project: " + project.toAbsolutePath(), "Schema version: ",
                    "Contents: 1 documents", "Cache folder: ", "Log file: " + log, "java.lang.IllegalStateException: the index was closed")) {
                assertTrue(report.contains(line), "the report has " + line + ":\n" + report);
            }
            assertFalse(report.contains("TOP-SECRET-LINE") || report.contains("秘密"), "never document text");
        }
    }

    @Test
    void theCommandLinePrintsTheReport() {
        Path logs = dir.resolve("logs");
        System.setProperty("tamga.log.dir", logs.toString());
        Diagnostics.install(logs);
        StringWriter out = new StringWriter(), err = new StringWriter();
        assertEquals(0, Cli.run(new String[]{"new", dir.resolve("p.tamga").toString()}, new PrintWriter(new StringWriter()), new PrintWriter(err)), err.toString());
        assertEquals(0, Cli.run(new String[]{"diagnostics", dir.resolve("p.tamga").toString()}, new PrintWriter(out), new PrintWriter(err)), err.toString());
        assertTrue(out.toString().contains("Schema version: "), out.toString());
        assertTrue(out.toString().contains("Log file: " + Diagnostics.logFile(logs)), out.toString());
        StringWriter none = new StringWriter();
        assertEquals(0, Cli.run(new String[]{"diagnostics"}, new PrintWriter(none), new PrintWriter(err)));
        assertTrue(none.toString().contains("Project: none open"), none.toString());
    }

    @Test
    void aLogFolderThatCannotBeWrittenIsNoReasonToStop() throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-folder"), "x");
        assertNull(Diagnostics.install(file), "a file where the folder should be: no log, no failure");
    }
}
