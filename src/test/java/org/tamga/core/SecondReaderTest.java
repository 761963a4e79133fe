package org.tamga.core;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A second Tamga on a project whose index another process holds (ADR 45): it reads the holder's
 * index instead of rebuilding it, adds what the index lacks in memory, and finds exactly what a
 * fresh index of the project finds.
 */
class SecondReaderTest {
    @TempDir Path dir;

    private static final List<String> QUERIES = List.of("贫困", "草场", "培训", "\"poverty line\"", "grassland OR 牧民", "herd*",
            "Бэлчээр", "ᠮᠣᠩᠭᠣᠯ", "🐑", "贫困 NOT 补贴");

    /** The hits of a query as "document start end match", sorted (the order of equally good documents is not the point). */
    private static List<String> hits(ProjectSession s, String query) {
        List<String> out = new ArrayList<>();
        for (SearchService.Hit h : s.search().search(SearchService.Request.of(query)).hits()) {
            out.add(h.document().name() + " " + h.start() + " " + h.end() + " " + h.match());
        }
        out.sort(Comparator.naturalOrder());
        return out;
    }

    private static void assertSameAnswers(ProjectSession truth, ProjectSession s) {
        int total = 0;
        for (String q : QUERIES) {
            List<String> expected = hits(truth, q);
            assertEquals(expected, hits(s, q), q);
            total += expected.size();
        }
        assertTrue(total > 20, "the queries find something: " + total);
    }

    private Process holder(Path project, Path cache) throws Exception {
        String java = ProcessHandle.current().info().command().orElseThrow();
        return new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-Dfile.encoding=UTF-8", "-Dtamga.log.dir=" + dir.resolve("logs"),
                "-cp", System.getProperty("java.class.path"), IndexHolder.class.getName(), project.toString(), cache.toString())
                .redirectError(dir.resolve("holder.err").toFile()).start();
    }

    @Test
    void aSecondProcessReadsTheHoldersIndexAndFindsWhatAFreshIndexFinds() throws Exception {
        Path project = dir.resolve("田野 study.tamga");
        Path cache = dir.resolve("cache");
        try (ProjectSession s = SampleProject.create(project, cache)) {
            SessionFixtures.importText(s, dir.resolve("in"), "Бэлчээр 🐑", "Малчин: Бэлчээр муудсан 🐑. ᠮᠣᠩᠭᠣᠯ\u202Fᠤᠨ ᠬᠡᠯᠡ 草场\n");
        }
        Process holder = holder(project, cache);
        BufferedReader said = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
        try {
            // a bound for a broken build, not a pause: the holder says when it holds the index
            String first = CompletableFuture.supplyAsync(() -> {
                try { return said.readLine(); } catch (java.io.IOException e) { throw new java.io.UncheckedIOException(e); }
            }).get(5, TimeUnit.MINUTES);
            assertEquals("holding 7", first, () -> readQuietly(dir.resolve("holder.err")));

            try (ProjectSession truth = ProjectSession.open(project, dir.resolve("fresh-cache"));
                 ProjectSession s = ProjectSession.open(project, cache)) {
                ProjectSession.IndexSync sync = s.ensureIndex();
                assertTrue(sync.shared(), "reads the holder's index: " + sync);
                assertFalse(sync.inMemory());
                assertEquals(0, sync.added(), "nothing rebuilt: the holder's index has every document");
                assertEquals(0, sync.removed());
                assertEquals(7, truth.ensureIndex().added(), "the fresh index is built from the project");
                assertSameAnswers(truth, s);

                // this session's own changes, and another's, found as a fresh index finds them
                SessionFixtures.importText(s, dir.resolve("in2"), "晚 late", "访谈者：草场？\n受访者：贫困户少了，Бэлчээр сайн 🐑。\n");
                s.documents().delete(s.documents().resolve("Бэлчээр 🐑"));
                assertTrue(truth.changedOutside());
                truth.catchUpIndex();
                assertSameAnswers(truth, s);
                SessionFixtures.importText(truth, dir.resolve("in3"), "third 第三", "培训 grassland herders 草场 ᠮᠣᠩᠭᠣᠯ\n");
                assertTrue(s.changedOutside());
                assertEquals(1, s.catchUpIndex().added());
                assertSameAnswers(truth, s);
            }
        } finally {
            holder.getOutputStream().close();
            if (!holder.waitFor(5, TimeUnit.MINUTES)) holder.destroyForcibly();
        }
        assertEquals(0, holder.exitValue(), readQuietly(dir.resolve("holder.err")));
        assertEquals("closed", said.readLine());
    }

    private static String readQuietly(Path file) {
        try { return Files.readString(file); } catch (java.io.IOException e) { return e.toString(); }
    }
}
