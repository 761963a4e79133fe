package org.tamga.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tamga.model.Coding;
import org.tamga.model.Document;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

class CrashSafetyTest {
    @TempDir Path tmp;

    @Test
    void committedWorkSurvivesAKill() throws Exception {
        Path file = tmp.resolve("崩溃 🐑.tamga");
        String java = ProcessHandle.current().info().command().orElseThrow();
        List<String> command = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED",
                "-Dfile.encoding=UTF-8", "-Dstdout.encoding=UTF-8",
                "-Djava.io.tmpdir=" + tmp.toAbsolutePath(),
                "-cp", System.getProperty("java.class.path"), CrashWriter.class.getName(), file.toString()));
        Path out = tmp.resolve("child.out");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        boolean ended = process.waitFor(120, TimeUnit.SECONDS);
        if (!ended) {
            process.destroyForcibly();
            fail("the child JVM did not end: " + output(out));
        }
        String output = output(out);
        assertEquals(9, process.exitValue(), output);
        assertTrue(output.contains("halting"), output);
        String line = output.lines().filter(l -> l.startsWith("committed ")).findFirst().orElseThrow(() -> new AssertionError(output));
        String[] guids = line.substring("committed ".length()).strip().split(" ");
        assertTrue(Files.exists(file));

        try (ProjectStore store = ProjectStore.open(file)) {
            assertEquals("崩溃测试 🐑", store.project().name());
            Document doc = store.documents().byGuid(guids[0]).orElseThrow(() -> new AssertionError("document lost"));
            assertEquals("访谈 🐎", doc.name());
            assertEquals(CrashWriter.TEXT, store.documents().text(doc.id()));
            Coding coding = store.codings().byGuid(guids[1]).orElseThrow(() -> new AssertionError("coding lost"));
            assertEquals(doc.id(), coding.documentId());
            assertEquals(5, coding.start());
            assertEquals(6, coding.end());
            assertEquals("🐎", coding.memo());
            assertEquals("Батболд", store.coders().byId(coding.coderId()).orElseThrow().name());
            // the transaction that was running when the process died left nothing behind
            assertEquals(1, store.documents().count());
            assertTrue(store.documents().byName("uncommitted").isEmpty());
        }
    }

    private static String output(Path out) throws IOException {
        return Files.exists(out) ? Files.readString(out, StandardCharsets.UTF_8) : "";
    }
}
