package org.tamga.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Under a language setting without UTF-8 (LANG=C, a bare container, cron), Java reads non-ASCII
 * file names on the command line as nothing it can use: Tamga says so and how to fix it, instead
 * of an "unexpected error".
 */
class FileNameEncodingCliTest {
    @TempDir Path dir;

    @Test
    void aFileNameLostToTheLanguageSettingIsExplainedWithTheFix() {
        InvalidPathException lost = new InvalidPathException("\uFFFD\uFFFD.tamga", "Malformed input or input contains unmappable characters");
        String said = Cli.unreadableFileName(new RuntimeException("wrapped", lost), "ANSI_X3.4-1968");
        assertTrue(said.contains("reads file names as ANSI_X3.4-1968"), said);
        assertTrue(said.contains("LANG=C.UTF-8"), said);
        String utf8 = Cli.unreadableFileName(new InvalidPathException("a\u0000b", "Nul character not allowed"), "UTF-8");
        assertEquals("the file name \u201Ca\u0000b\u201D cannot be used on this system (Nul character not allowed).", utf8);
        assertNull(Cli.unreadableFileName(new IllegalStateException("something else"), "ANSI_X3.4-1968"));
    }

    @Test
    void underLangCAChineseProjectNameGetsTheExplanationNotAnUnexpectedError() throws Exception {
        Path err = dir.resolve("err.txt");
        for (String command : new String[]{"new", "info"}) {
            String java = ProcessHandle.current().info().command().orElseThrow();
            ProcessBuilder b = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-Dtamga.log.dir=" + dir.resolve("logs"),
                    "-cp", System.getProperty("java.class.path"), org.tamga.Main.class.getName(), command, "田野 ᠮᠠᠯ.tamga")
                    .directory(dir.toFile()).redirectError(err.toFile()).redirectOutput(dir.resolve("out.txt").toFile());
            Map<String, String> env = b.environment();
            env.keySet().removeIf(k -> k.startsWith("LC_") || k.equals("LANG") || k.equals("LANGUAGE"));
            env.put("LC_ALL", "C");
            Process p = b.start();
            // a bound for a broken build, not a pause
            assertTrue(p.waitFor(5, TimeUnit.MINUTES));
            String said = Files.readString(err, StandardCharsets.UTF_8);
            assertNotEquals(0, p.exitValue(), said);
            assertTrue(said.contains("Set a UTF-8 language setting and run it again, e.g. LANG=C.UTF-8"), command + ": " + said);
            assertFalse(said.contains("unexpected error"), said);
            try (var files = Files.list(dir)) {
                assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".tamga")), "no project was made under a lost name");
            }
        }
    }
}
