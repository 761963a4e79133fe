package org.tamga.index;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A search index whose folder another Tamga holds (ADR 45): the holder's last commit is read without
 * its lock, and what the project has since is added or hidden in memory here; the answers are the
 * holder's for what both know, and this session's own beside them.
 */
class SharedIndexTest {
    @TempDir Path dir;

    /** Every document's places of {@code query}, by GUID, as text (for comparing whole answers). */
    private static TreeMap<String, String> found(SearchIndex index, String query) {
        TreeMap<String, String> out = new TreeMap<>();
        SearchQuery q = index.parse(query, new SearchQuery.Options(true, false));
        try (SearchIndex.Cursor c = index.open(q, null, 1000)) {
            for (SearchIndex.DocumentPlaces d = c.next(); d != null; d = c.next()) {
                assertNull(out.put(d.documentGuid(), Arrays.deepToString(d.places())), "one entry per document: " + d.documentGuid());
            }
        }
        return out;
    }

    private static final String[] QUERIES = {"草场", "贫困", "бэлчээр", "grassland", "ᠮᠣᠩᠭᠣᠯ", "草场 OR 🐑", "grass*"};

    @Test
    void aSecondIndexReadsTheHoldersCommitAndKeepsItsOwnChangesBesideIt() {
        Path folder = dir.resolve("index");
        try (SearchIndex holder = SearchIndex.open(folder)) {
            holder.put("a", "问：草场怎么样？答：贫困户多。grassland");
            holder.put("b", "Малчин айл бэлчээр сэлгэдэг 🐑 ᠮᠣᠩᠭᠣᠯ\u202Fᠤᠨ");
            holder.put("c", "草场 grassland again, 贫困");
            holder.commit();
            holder.put("uncommitted", "草场 not yet committed by the holder");

            try (SearchIndex second = SearchIndex.open(folder)) {
                assertTrue(second.isShared(), "the folder is held: its commit is read");
                assertFalse(second.isInMemory());
                assertEquals(Set.of("a", "b", "c"), second.documentGuids(), "the holder's last commit, nothing it has not committed");
                for (String q : QUERIES) {
                    assertEquals(found(holder, q), found(second, q), q);
                }

                // what this session changes: a document added, one removed, one put again
                second.put("d", "新的 草场 бэлчээр");
                second.remove("b");
                second.add("c", "草场 replaced text"); // the holder has c: added, it replaces the holder's copy as put does
                second.commit();
                assertEquals(Set.of("a", "c", "d"), second.documentGuids());
                try (SearchIndex truth = SearchIndex.inMemory()) {
                    truth.put("a", "问：草场怎么样？答：贫困户多。grassland");
                    truth.put("c", "草场 replaced text");
                    truth.put("d", "新的 草场 бэлчээр");
                    truth.commit();
                    for (String q : QUERIES) assertEquals(found(truth, q), found(second, q), q);
                }
                // a removed document may come back (a restored backup)
                second.put("b", "бэлчээр again");
                second.commit();
                assertEquals(Set.of("a", "b", "c", "d"), second.documentGuids());
                assertEquals(Set.of("b", "d"), found(second, "бэлчээр").keySet());
            }
            // the holder is untouched by the second
            assertEquals(Set.of("a", "b", "c"), holder.documentGuids(), "its searches show its commits only, and none of the second's changes");
            holder.commit();
            assertEquals(Set.of("a", "b", "c", "uncommitted"), holder.documentGuids());
            assertEquals(Set.of("b"), found(holder, "бэлчээр").keySet());
        }
    }

    @Test
    void aHeldFolderWithoutACommitToReadIsBuiltInMemory() {
        Path folder = dir.resolve("index");
        try (SearchIndex holder = SearchIndex.open(folder)) {
            holder.put("a", "草场");
            try (SearchIndex second = SearchIndex.open(folder)) {
                assertTrue(second.isInMemory(), "nothing committed yet: nothing to read");
                assertFalse(second.isShared());
                assertEquals(Set.of(), second.documentGuids());
            }
        }
    }
}
