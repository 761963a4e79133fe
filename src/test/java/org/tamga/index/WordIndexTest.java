package org.tamga.index;

import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/** What the word index counts as a word (ADR 38), and the index as a cache. */
class WordIndexTest {
    @TempDir Path dir;

    static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        for (WordSplitter.Word w : new WordSplitter().split(text)) out.add(w.text() + "@" + w.start() + "-" + w.end());
        return out;
    }

    @Test
    void chineseIsSegmentedIntoWordsBySmartChinese() {
        // what SmartChinese gives (checked by hand): 草场 "grassland", 补贴 "subsidy", 贫困户 "poor household" are words;
        // it does not know 禁牧 "grazing ban" and gives 禁 牧; punctuation and line breaks are no words
        assertEquals(List.of("后来@0-2", "草场@2-4", "划@4-5", "了@5-6", "禁@6-7", "牧区@7-9", "就@10-11", "减@11-12", "下来@12-14", "了@14-15"),
                split("后来草场划了禁牧区，就减下来了。"));
        assertEquals(List.of("贫困户@0-3", "的@3-4", "生活@4-6", "条件@6-8", "改善@8-10", "了@10-11"), split("贫困户的生活条件改善了\n"));
        // traditional characters are segmented by their simplified forms, and counted as written
        assertEquals(List.of("後來@0-2", "草場@2-4", "劃@4-5", "了@5-6", "禁@6-7", "牧區@7-9", "補貼@10-12", "不夠@12-14"),
                split("後來草場劃了禁牧區，補貼不夠。"));
        // a character outside the BMP is one character; an emoji is no word; Latin inside Chinese is English
        assertEquals(List.of("他@0-1", "写@1-2", "了@2-3", "𠀀@3-4", "字@4-5", "草场@6-8", "covid@8-13"), split("他写了𠀀字😀草场COVID-19"));
    }

    @Test
    void englishAndMongolianCyrillicAreFoldedToLowerCase() {
        // full-width letters and ligatures as the letters they are, curly apostrophes straight, accents kept, numbers no words
        assertEquals(List.of("herder's@0-8", "don't@9-14", "covid@15-20", "fish@24-27", "4g@28-30", "café@31-35"),
                split("Herder’s DON'T ＣＯＶＩＤ-19 ﬁsh 4G Café 2025"));
        // й stays й and ё stays ё (NFKC keeps them whole): an accent-folding index would make байна "баина"
        assertEquals(List.of("байна@0-5", "ёс@6-8", "малчин@9-15", "өвөл@16-20"), split("Байна ЁС МАЛЧИН Өвөл"));
        assertEquals("en", WordSplitter.language("4g"));
        assertEquals("mn", WordSplitter.language("малчин"));
        assertEquals("mn", WordSplitter.language("ᠮᠠᠯᠴᠢᠨ"));
        assertEquals("zh", WordSplitter.language("草场"));
        assertNull(WordSplitter.language("2025"));
        assertNull(WordSplitter.language("καλημέρα"), "Greek is not counted");
    }

    @Test
    void traditionalMongolianCountsTheStemBeforeTheNarrowSpace() {
        // ᠡᠷᠬᠡ + U+202F + ᠲᠡᠢ: the stem ᠡᠷᠬᠡ (code points 5–9), the suffix not at all; a word that begins with U+202F
        // (a suffix written after a space) is no word; U+180E (vowel separator) stays inside the word as written
        String text = "ᠡᠷᠬᠡ ᠡᠷᠬᠡ\u202Fᠲᠡᠢ ᠮᠠᠯᠴᠢᠨ\u202Fᠤ\u202Fᠨᠢ \u202Fᠤᠨ ᠪᠠᠢᠨ\u180Eᠠ";
        assertEquals(List.of("ᠡᠷᠬᠡ@0-4", "ᠡᠷᠬᠡ@5-9", "ᠮᠠᠯᠴᠢᠨ@14-20", "ᠪᠠᠢᠨ\u180Eᠠ@30-36"), split(text));
        assertEquals("ᠡᠷᠬᠡ", WordIndex.normalise(" ᠡᠷᠬᠡ\u202Fᠲᠡᠢ "), "a stop-word list reads a suffixed form as its stem");
        assertNull(WordIndex.normalise("\u202Fᠲᠡᠢ"));
    }

    @Test
    void otherScriptsAndSymbolsAreNoWords() {
        assertEquals(List.of("grass@19-24"), split("カタカナ 한국어 καλη 42 😀 grass"));
        assertEquals(List.of(), split(""));
    }

    @Test
    void countsFromStatisticsAndFromPostingsAgree() {
        try (WordIndex index = WordIndex.inMemory()) {
            index.put("a", "grass grass 草场 малчин");
            index.put("b", "Grass sheep 草场草场");
            index.put("c", "sheep");
            index.commit();
            WordIndex.Request all = new WordIndex.Request(WordIndex.LANGUAGES, 1, Set.of(), false, 10, null);
            // grass: 2 in a, 1 in b; 草场: 1 in a, 2 in b; sheep: b and c
            assertEquals(List.of("grass 3 2", "草场 3 2", "sheep 2 2", "малчин 1 1"), rows(index.count(all)));
            // the same documents named: postings walked instead of the statistics
            Map<String, WordIndex.Passages> named = new java.util.HashMap<>();
            for (String g : List.of("a", "b", "c")) named.put(g, null);
            assertEquals(rows(index.count(all)), rows(index.count(new WordIndex.Request(WordIndex.LANGUAGES, 1, Set.of(), false, 10, named))));
            // a replaced document leaves a deleted one behind: the counts skip it
            index.put("a", "sheep");
            index.commit();
            assertEquals(List.of("sheep 3 3", "草场 2 1", "grass 1 1"), rows(index.count(all)));
            index.remove("c");
            index.commit();
            assertEquals(Set.of("a", "b"), index.documentGuids());
            assertEquals(List.of("sheep 2 2", "草场 2 1", "grass 1 1"), rows(index.count(all)));
            // one document of many: leaping from document to document
            for (int i = 0; i < 40; i++) index.put("x" + i, "fence");
            index.commit();
            Map<String, WordIndex.Passages> onlyA = new java.util.HashMap<>();
            onlyA.put("a", null);
            assertEquals(List.of("sheep 1 1"), rows(index.count(new WordIndex.Request(List.of("en"), 1, Set.of(), false, 10, onlyA))));
            assertEquals(List.of("fence 40 40"), rows(index.count(new WordIndex.Request(List.of("en"), 1, Set.of(), false, 1, null))));
        }
    }

    /**
     * Counting only the most frequent words (walking postings from the most frequent word down and
     * stopping when no word left can reach the top N) gives what counting every word gives: checked
     * against a plain count of seeded random texts, for some documents, for passages, and for stems.
     */
    @Test
    void theTopOfSomeDocumentsAndPassagesEqualsAPlainCount() {
        String[] vocabulary = {"train", "training", "trained", "trains", "herd", "herds", "herder", "herders", "sheep", "grass",
                "grassland", "fence", "fences", "camp", "winter", "малчин", "бэлчээр", "айл", "хот", "өвөл"};
        java.util.SplittableRandom random = new java.util.SplittableRandom(20250712);
        try (WordIndex index = WordIndex.inMemory()) {
            List<String> texts = new ArrayList<>();
            for (int d = 0; d < 60; d++) {
                StringBuilder text = new StringBuilder();
                int n = 20 + random.nextInt(60);
                for (int k = 0; k < n; k++) {
                    // roughly Zipf: low indexes far more often
                    int w = (int) Math.floor(vocabulary.length * Math.pow(random.nextDouble(), 2.5));
                    text.append(vocabulary[w]).append(k % 9 == 8 ? "\n" : " ");
                }
                texts.add(text.toString());
                index.put("d" + d, text.toString());
            }
            index.commit();
            for (int round = 0; round < 20; round++) {
                Map<String, WordIndex.Passages> some = new java.util.HashMap<>();
                for (int d = 0; d < texts.size(); d++) {
                    if (random.nextInt(3) == 0) continue;
                    WordIndex.Passages p = null;
                    if (round % 2 == 1) {
                        int length = texts.get(d).length();
                        List<int[]> spans = new ArrayList<>();
                        for (int k = 0; k < 3; k++) {
                            int a = random.nextInt(length), b = Math.min(length, a + 1 + random.nextInt(80));
                            spans.add(new int[]{a, b});
                        }
                        p = new WordIndex.Passages(List.of(WordIndex.Passages.merged(spans)));
                    }
                    some.put("d" + d, p);
                }
                int top = 1 + random.nextInt(6);
                boolean stem = round % 4 >= 2;
                WordIndex.Request request = new WordIndex.Request(WordIndex.LANGUAGES, 1, Set.of("camp"), stem, top, some);
                assertEquals(plainCount(texts, some, top, stem), rows(index.count(request)), "round " + round + ", top " + top + (stem ? ", stemmed" : ""));
            }
        }
    }

    /** Counts by splitting the texts at spaces and line breaks: what the index must agree with. */
    private static List<String> plainCount(List<String> texts, Map<String, WordIndex.Passages> some, int top, boolean stem) {
        Map<String, Map<String, Long>> counts = new java.util.TreeMap<>(); // key → form → count
        Map<String, Set<Integer>> documents = new java.util.HashMap<>();
        for (int d = 0; d < texts.size(); d++) {
            if (!some.containsKey("d" + d)) continue;
            WordIndex.Passages p = some.get("d" + d);
            String text = texts.get(d);
            int at = 0;
            for (String w : text.split("[ \n]")) {
                int start = at, end = at + w.length();
                at = end + 1;
                if (w.isEmpty() || w.equals("camp") || (p != null && !p.overlapsEach(start, end))) continue;
                String key = stem && w.chars().allMatch(c -> c < 128) ? "en:" + WordIndex.stem(w) : w;
                counts.computeIfAbsent(key, k -> new java.util.HashMap<>()).merge(w, 1L, Long::sum);
                documents.computeIfAbsent(key, k -> new java.util.HashSet<>()).add(d);
            }
        }
        Map<String, List<WordIndex.Word>> byLanguage = new java.util.HashMap<>();
        for (var e : counts.entrySet()) {
            long total = e.getValue().values().stream().mapToLong(Long::longValue).sum();
            String shown = e.getValue().entrySet().stream().min(java.util.Map.Entry.<String, Long>comparingByValue().reversed()
                    .thenComparing(java.util.Map.Entry.comparingByKey())).orElseThrow().getKey();
            String language = WordIndex.language(shown);
            byLanguage.computeIfAbsent(language, k -> new ArrayList<>()).add(new WordIndex.Word(language, shown, total, documents.get(e.getKey()).size(), List.of(shown)));
        }
        List<WordIndex.Word> out = new ArrayList<>();
        for (List<WordIndex.Word> words : byLanguage.values()) {
            words.sort(WordIndex.ORDER);
            out.addAll(words.subList(0, Math.min(top, words.size())));
        }
        out.sort(WordIndex.ORDER);
        return rows(out);
    }

    @Test
    void passagesCountWordsThatShareACharacterWithEverySet() {
        // passages are merged when they overlap or touch, and dropped when empty
        assertArrayEquals(new int[]{0, 10, 12, 15}, WordIndex.Passages.merged(List.of(new int[]{5, 10}, new int[]{0, 6}, new int[]{12, 15}, new int[]{3, 3}, new int[]{10, 10})));
        assertArrayEquals(new int[]{0, 8}, WordIndex.Passages.merged(List.of(new int[]{0, 4}, new int[]{4, 8})));
        WordIndex.Passages p = new WordIndex.Passages(List.of(new int[]{10, 20, 30, 40}));
        assertTrue(p.overlapsEach(8, 11));
        assertTrue(p.overlapsEach(19, 25));
        assertFalse(p.overlapsEach(20, 30), "touching is not sharing a character");
        assertFalse(p.overlapsEach(0, 10));
        assertTrue(p.overlapsEach(39, 45));
        assertFalse(p.overlapsEach(40, 41));
        WordIndex.Passages two = new WordIndex.Passages(List.of(new int[]{10, 20}, new int[]{15, 30}));
        assertTrue(two.overlapsEach(14, 16));
        assertFalse(two.overlapsEach(10, 12), "in the first set only");
        // the places of a word in a document, in order, counted in one pass: the same answers as one by one
        int[] places = {0, 10, 8, 11, 19, 25, 20, 30, 39, 45, 40, 41, 50, 55};
        assertEquals(3, p.countOverlapping(places, 7), "8–11, 19–25, 39–45");
        assertEquals(1, p.countOverlapping(new int[]{35, 36, 41, 42}, 2));
        assertEquals(0, new WordIndex.Passages(List.of(new int[0])).countOverlapping(places, 7), "no passages");
        assertEquals(1, two.countOverlapping(new int[]{10, 12, 14, 16, 25, 28}, 3), "14–16 only is in both sets");
    }

    @Test
    void anIndexOfAnotherFormatOrDamagedIsRebuiltAndALockedOneKeptInMemory() throws Exception {
        Path folder = dir.resolve("words");
        try (WordIndex index = WordIndex.open(folder)) {
            index.put("a", "grass");
            index.commit();
        }
        try (WordIndex index = WordIndex.open(folder)) {
            assertEquals(Set.of("a"), index.documentGuids(), "kept");
            assertFalse(index.isInMemory());
            try (WordIndex second = WordIndex.open(folder)) {
                assertTrue(second.isInMemory(), "the folder is held by the first");
            }
        }
        // an index written with another format number
        try (FSDirectory d = FSDirectory.open(folder); IndexWriter w = new IndexWriter(d, new IndexWriterConfig(new StandardAnalyzer()))) {
            w.setLiveCommitData(Map.of("tamga.words.format", "0").entrySet());
            w.commit();
        }
        try (WordIndex index = WordIndex.open(folder)) {
            assertEquals(Set.of(), index.documentGuids(), "started afresh");
        }
        // a damaged one
        try (var files = Files.list(folder)) {
            for (Path f : files.toList()) if (f.getFileName().toString().startsWith("segments")) Files.write(f, new byte[]{1, 2, 3});
        }
        try (WordIndex index = WordIndex.open(folder)) {
            assertEquals(Set.of(), index.documentGuids());
            index.put("b", "sheep");
            index.commit();
            assertEquals(Set.of("b"), index.documentGuids());
        }
    }

    @Test
    void stemsAreSnowballEnglish() {
        assertEquals("train", WordIndex.stem("training"));
        assertEquals("train", WordIndex.stem("trains"));
        assertEquals("herder", WordIndex.stem("herder's"));
        assertEquals("famili", WordIndex.stem("families"));
        assertEquals("famili", WordIndex.stem("family"));
        assertTrue(WordIndex.compareCodePoints("ｚ", "𠀀") < 0, "U+FF5A before U+20000, though UTF-16 puts the surrogate first");
        assertTrue("ｚ".compareTo("𠀀") > 0);
    }

    static List<String> rows(List<WordIndex.Word> words) {
        return words.stream().map(w -> w.word() + " " + w.count() + " " + w.documents()).toList();
    }
}
