package org.tamga.core;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tamga.core.SearchService.Hit;
import org.tamga.core.SearchService.Request;
import org.tamga.model.Document;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tamga.core.SessionFixtures.importText;
import static org.tamga.core.SessionFixtures.substringRanges;
import static org.tamga.core.SessionFixtures.wordRanges;

/** The search index is a cache of the project file: it can be lost, damaged or stale, and search still finds everything. */
class IndexCacheTest {
    private static final Map<String, String> TEXTS = new TreeMap<>(Map.of(
            "en-01", "Interviewer: Tell me about the grassland.\nHerder: The grassland subsidy helped us.\n",
            "zh-01", "问：贫困户多吗？\n答：以前贫困户很多，草场也不好。贫困线以下的少了。\n",
            "mn-01", "Малчин айл бэлчээр сэлгэдэг. 🐑 Бэлчээр муудсан, малчин хүмүүс нүүсэн.\n",
            "mix-01", "𠀀𪚥 grassland 草场 малчин 贫困\n"));

    @TempDir Path tmp;

    private Path projectFile() { return tmp.resolve("p.tamga"); }

    /** Creates the project with the fixture documents, using {@code cacheRoot}, and closes it. */
    private void createProject(Path cacheRoot) {
        try (ProjectSession s = ProjectSession.create(projectFile(), cacheRoot)) {
            TEXTS.forEach((name, text) -> importText(s, tmp.resolve("in"), name, text));
            assertEquals(TEXTS.size(), s.documents().all().size());
            // searching once makes sure the index exists on disk
            assertFalse(s.search().search(Request.of("grassland")).hits().isEmpty());
            assertTrue(Files.isDirectory(s.indexFolder()));
            assertTrue(s.indexFolder().startsWith(cacheRoot), "the index lives in the cache root");
        }
    }

    /** Every needle is found exactly where the texts have it (whole words for letters, substrings for Han). */
    private static void assertFindsEverything(ProjectSession s) {
        Map<String, Document> byName = s.documents().all().stream().collect(Collectors.toMap(Document::name, d -> d));
        for (String needle : List.of("grassland", "subsidy", "贫困", "草场", "草", "малчин", "бэлчээр", "𪚥")) {
            List<Hit> hits = s.search().search(Request.of(needle)).hits();
            int expectedTotal = 0;
            for (var entry : TEXTS.entrySet()) {
                Document doc = byName.get(entry.getKey());
                if (doc == null) continue; // deleted by the test
                List<List<Integer>> expected = isHanOrAstral(needle) ? substringRanges(entry.getValue(), needle) : wordRanges(entry.getValue(), needle);
                List<List<Integer>> actual = hits.stream().filter(h -> h.document().id() == doc.id())
                        .map(h -> List.of(h.start(), h.end()))
                        .sorted(Comparator.<List<Integer>>comparingInt(l -> l.get(0))).toList();
                assertEquals(expected, actual, needle + " in " + entry.getKey());
                expectedTotal += expected.size();
            }
            assertEquals(expectedTotal, hits.size(), "hits of " + needle);
            assertTrue(expectedTotal > 0, "fixture has " + needle);
        }
    }

    private static boolean isHanOrAstral(String needle) {
        int cp = needle.codePointAt(0);
        return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN || Character.isSupplementaryCodePoint(cp);
    }

    private static List<Path> filesIn(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }

    @Test
    void aFreshIndexFindsEverything() {
        Path cache = tmp.resolve("cache");
        createProject(cache);
        try (ProjectSession s = ProjectSession.open(projectFile(), cache)) {
            var sync = s.ensureIndex();
            assertEquals(0, sync.added(), "the index was up to date");
            assertEquals(0, sync.removed());
            assertFalse(sync.inMemory());
            assertFindsEverything(s);
        }
    }

    @Test
    void aDeletedIndexFolderIsRebuiltOnOpen() throws IOException {
        Path cache = tmp.resolve("cache");
        createProject(cache);
        Path folder;
        try (ProjectSession s = ProjectSession.open(projectFile(), cache)) { folder = s.indexFolder(); }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
        assertFalse(Files.exists(folder));

        try (ProjectSession s = ProjectSession.open(projectFile(), cache)) {
            var sync = s.ensureIndex();
            assertEquals(TEXTS.size(), sync.added(), "every document is indexed again");
            assertEquals(0, sync.removed());
            assertEquals(folder, sync.folder());
            assertFindsEverything(s);
        }
        // and the rebuilt index is kept: the next open has nothing to add
        try (ProjectSession s = ProjectSession.open(projectFile(), cache)) {
            assertEquals(0, s.ensureIndex().added());
            assertFindsEverything(s);
        }
    }

    @Test
    void aCorruptIndexIsThrownAwayAndRebuilt() throws IOException {
        Path cache = tmp.resolve("cache");
        createProject(cache);
        Path folder;
        try (ProjectSession s = ProjectSession.open(projectFile(), cache)) { folder = s.indexFolder(); }
        List<Path> files = filesIn(folder);
        assertFalse(files.isEmpty());
        Random random = new Random(42);
        for (Path f : files) {
            byte[] garbage = new byte[(int) Math.max(64, Files.size(f))];
            random.nextBytes(garbage);
            Files.write(f, garbage);
        }

        try (ProjectSession s = ProjectSession.open(projectFile(), cache)) {
            var sync = s.ensureIndex();
            assertEquals(TEXTS.size(), sync.added(), "the damaged index is rebuilt from the project");
            assertFalse(sync.inMemory(), "rebuilt on disk, not given up");
            assertFindsEverything(s);
        }
        try (ProjectSession s = ProjectSession.open(projectFile(), cache)) {
            assertEquals(0, s.ensureIndex().added(), "the rebuilt index was saved");
        }
    }

    @Test
    void aTruncatedIndexIsRebuilt() throws IOException {
        Path cache = tmp.resolve("cache");
        createProject(cache);
        Path folder;
        try (ProjectSession s = ProjectSession.open(projectFile(), cache)) { folder = s.indexFolder(); }
        for (Path f : filesIn(folder)) Files.write(f, new byte[0]);
        try (ProjectSession s = ProjectSession.open(projectFile(), cache)) {
            assertEquals(TEXTS.size(), s.ensureIndex().added());
            assertFindsEverything(s);
        }
    }

    @Test
    void deletedDocumentsProduceNoHits() {
        Path cache = tmp.resolve("cache");
        createProject(cache);
        try (ProjectSession s = ProjectSession.open(projectFile(), cache)) {
            Document en = s.documents().resolve("en-01");
            Document mix = s.documents().resolve("mix-01");
            assertTrue(hitDocuments(s, "grassland").contains("en-01"));
            s.documents().delete(en);
            assertEquals(Set.of("mix-01"), hitDocuments(s, "grassland"), "no hits in the deleted document, same session");
            s.documents().delete(mix);
            assertEquals(Set.of(), hitDocuments(s, "grassland"));
            assertEquals(Set.of("zh-01"), hitDocuments(s, "贫困"));
        }
        try (ProjectSession s = ProjectSession.open(projectFile(), cache)) {
            assertEquals(0, s.ensureIndex().removed(), "the deletion reached the index already");
            assertEquals(Set.of(), hitDocuments(s, "grassland"), "still gone after reopening");
            assertEquals(Set.of("mn-01"), hitDocuments(s, "малчин"));
        }
    }

    private static Set<String> hitDocuments(ProjectSession s, String query) {
        return s.search().search(Request.of(query)).hits().stream().map(h -> h.document().name()).collect(Collectors.toSet());
    }

    @Test
    void anEmptyCacheRootIsFilledOnOpen() {
        Path cacheA = tmp.resolve("cache-a");
        Path cacheB = tmp.resolve("cache-b");
        createProject(cacheA);
        try (ProjectSession s = ProjectSession.open(projectFile(), cacheB)) {
            assertTrue(s.indexFolder().startsWith(cacheB));
            var sync = s.ensureIndex();
            assertEquals(TEXTS.size(), sync.added());
            assertFindsEverything(s);
        }
    }

    @Test
    void aStaleIndexIsCaughtUpBothWays() {
        Path cacheA = tmp.resolve("cache-a");
        Path cacheB = tmp.resolve("cache-b");
        createProject(cacheA);
        // changes made while another cache was in use: index A does not see them
        try (ProjectSession s = ProjectSession.open(projectFile(), cacheB)) {
            importText(s, tmp.resolve("in2"), "late", "A late interview about the grassland and 贫困 in 2024.\n");
            s.documents().delete(s.documents().resolve("en-01"));
        }
        try (ProjectSession s = ProjectSession.open(projectFile(), cacheA)) {
            var sync = s.ensureIndex();
            assertEquals(1, sync.added(), "the document imported elsewhere is added");
            assertEquals(1, sync.removed(), "the document deleted elsewhere is removed");
            assertEquals(Set.of("late", "mix-01"), hitDocuments(s, "grassland"));
            assertEquals(Set.of("late", "zh-01", "mix-01"), hitDocuments(s, "贫困"));
            Document late = s.documents().resolve("late");
            List<Hit> hits = s.search().search(Request.of("2024").inDocuments(List.of(late))).hits();
            assertEquals(1, hits.size());
            assertEquals("2024", hits.getFirst().match());
        }
    }

    // ---- an index cache that cannot be used (ADR 45) -----------------------------------------

    /** The one warning: it names the folder that cannot be used, why, and the temporary folder used instead. */
    private static Path assertOneWarning(ProjectSession s, Path unusable, String why) {
        List<String> warnings = s.warnings();
        assertEquals(1, warnings.size(), warnings.toString());
        String w = warnings.getFirst();
        assertTrue(w.startsWith("The search index cannot be kept in " + unusable + " (" + why + "), so a fresh one is made in "), w);
        assertFalse(w.contains("\n"), w);
        Path temporary = s.ensureIndex().folder();
        assertTrue(w.contains(temporary.toString()), w);
        assertFalse(temporary.startsWith(unusable), "a folder of its own: " + temporary);
        return temporary;
    }

    @Test
    void aFileWhereTheIndexFolderShouldBeLeadsToAFreshIndexInATemporaryFolder() throws IOException {
        Path cache = tmp.resolve("cache");
        createProject(cache);
        Path folder;
        try (ProjectSession s = ProjectSession.open(projectFile(), cache)) { folder = s.indexFolder(); }
        SearchIndexFolders.delete(folder);
        Files.writeString(folder, "not an index 不是索引");

        Path temporary;
        try (ProjectSession s = ProjectSession.open(projectFile(), cache)) {
            assertEquals(TEXTS.size(), s.ensureIndex().added(), "rebuilt from the project");
            temporary = assertOneWarning(s, folder, "a file is in the way of the folder");
            assertFindsEverything(s);
            // import goes on working, and what it imports is found
            importText(s, tmp.resolve("in2"), "late 晚", "Шинэ ярилцлага: бэлчээр 🐑 草场\n");
            assertEquals(Set.of("late 晚", "mn-01"), hitDocuments(s, "бэлчээр"));
            assertTrue(Files.isDirectory(temporary));
        }
        assertFalse(Files.exists(temporary), "the temporary index goes when the project is closed");
        assertEquals("not an index 不是索引", Files.readString(folder), "the file in the way is left alone");
    }

    @Test
    void aCacheFolderThatIsAFileLeadsToFreshIndexesInTemporaryFolders() throws IOException {
        Path cache = Files.writeString(tmp.resolve("cache"), "a file, not a folder");
        try (ProjectSession s = ProjectSession.create(projectFile(), cache)) {
            TEXTS.forEach((name, text) -> importText(s, tmp.resolve("in"), name, text));
            assertOneWarning(s, s.indexFolder(), "Not a directory");
            assertFindsEverything(s);
            // the word index falls back the same way
            assertFalse(s.words().prepare(null).folder().startsWith(cache));
            assertEquals(2, s.warnings().size(), s.warnings().toString());
            assertTrue(s.warnings().get(1).startsWith("The word index cannot be kept in " + s.wordIndexFolder()), s.warnings().get(1));
        }
        assertEquals("a file, not a folder", Files.readString(cache));
        try (ProjectSession s = ProjectSession.open(projectFile(), cache)) {
            assertFindsEverything(s);
        }
    }
}
