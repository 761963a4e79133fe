package org.tamga.index;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.*;

/** The texts an import has indexed are written by its own threads before the commit (ADR 53). */
class FlushBufferTest {
    @TempDir Path folder;

    private static Set<String> documents(SearchIndex index, String query) {
        Set<String> out = new TreeSet<>();
        try (SearchIndex.Cursor c = index.open(index.parse(query, SearchQuery.Options.DEFAULT), null, 1000)) {
            for (SearchIndex.DocumentPlaces d = c.next(); d != null; d = c.next()) out.add(d.documentGuid());
        }
        return out;
    }

    @Test
    void buffersAreWrittenByTheThreadsThatAskUntilNoneIsLeftAndTheCommitKeepsThemAll() throws Exception {
        ExecutorService two = Executors.newFixedThreadPool(2);
        try (SearchIndex index = SearchIndex.open(folder.resolve("index"))) {
            assertFalse(index.flushBuffer(), "nothing indexed: nothing to write");
            // indexed on two threads at once, so that the writer holds a buffer for each
            Future<?> a = two.submit(() -> { for (int i = 0; i < 50; i++) index.add("zh-" + i, "受访者：草场退化了，补贴不够。" + i); });
            Future<?> b = two.submit(() -> { for (int i = 0; i < 50; i++) index.add("mn-" + i, "Малчин айл бэлчээр 🐑 ᠮᠠᠯ\u202Fᠤᠨ " + i); });
            a.get();
            b.get();
            Future<Integer> first = two.submit(() -> { int n = 0; while (index.flushBuffer()) n++; return n; });
            Future<Integer> second = two.submit(() -> { int n = 0; while (index.flushBuffer()) n++; return n; });
            assertTrue(first.get() + second.get() >= 1, "the buffered texts were written by the threads that asked");
            assertFalse(index.flushBuffer(), "every buffer is written");
            index.commit();
            assertEquals(50, documents(index, "草场").size());
            assertEquals(50, documents(index, "малчин").size());
        } finally {
            two.shutdownNow();
        }
        try (SearchIndex again = SearchIndex.open(folder.resolve("index"))) {
            assertEquals(100, again.documentGuids().size(), "the commit after the writes holds every document");
        }
    }
}
