package org.tamga.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tamga.core.text.TurnDetector;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.*;

class CorpusGeneratorTest {
    @TempDir Path tmp;

    @Test
    void theSameSeedGivesTheSameTranscriptsAndTheSmallCorpusIsThePrefixOfTheLarge() {
        CorpusGenerator a = new CorpusGenerator(7), b = new CorpusGenerator(7), other = new CorpusGenerator(8);
        for (int i : new int[]{0, 1, 17, 999}) {
            assertEquals(a.transcript(i), b.transcript(i));
            assertEquals(a.fileName(i), a.transcript(i).fileName());
            assertEquals(a.language(i), a.transcript(i).language());
        }
        assertNotEquals(a.transcript(3).text(), other.transcript(3).text());
    }

    @Test
    void transcriptsLookLikeInterviews() {
        CorpusGenerator g = new CorpusGenerator();
        int n = 200, chinese = 0, outsideBmp = 0;
        long bytes = 0;
        for (int i = 0; i < n; i++) {
            CorpusGenerator.Transcript t = g.transcript(i);
            assertTrue(t.bytes() >= CorpusGenerator.MIN_BYTES && t.bytes() < CorpusGenerator.MAX_BYTES + 2048, t.fileName() + ": " + t.bytes());
            assertEquals(t.text().getBytes(StandardCharsets.UTF_8).length, t.bytes());
            Set<String> speakers = TurnDetector.detect(t.text()).stream().map(TurnDetector.Found::speaker).collect(Collectors.toSet());
            if (t.language().equals("zh")) {
                chinese++;
                assertEquals(Set.of("访谈者", "受访者"), speakers, t.fileName());
                if (t.text().codePoints().anyMatch(Character::isSupplementaryCodePoint)) outsideBmp++;
            } else {
                assertEquals(Set.of("Interviewer", "Respondent"), speakers, t.fileName());
            }
            bytes += t.bytes();
        }
        assertTrue(chinese > n / 3 && chinese < 2 * n / 3, "about half Chinese: " + chinese);
        assertTrue(outsideBmp > 0, "some Chinese names outside the BMP");
        double meanKb = bytes / 1024.0 / n;
        assertTrue(meanKb > 22 && meanKb < 38, "about 30 KB on average: " + meanKb);
    }

    @Test
    void theVocabularyGrowsWithTheCorpusAsARealOneDoes() {
        CorpusGenerator g = new CorpusGenerator();
        Set<String> words = new java.util.HashSet<>();
        int after10 = 0;
        for (int i = 0; i < 80; i++) {
            if (i == 20) after10 = words.size();
            if (!g.language(i).equals("en")) continue;
            for (String w : g.transcript(i).text().toLowerCase(java.util.Locale.ROOT).split("[^a-z]+")) words.add(w);
        }
        assertTrue(after10 > 1500, "distinct English words in the first 20 transcripts: " + after10);
        assertTrue(words.size() > after10 * 1.3, "a long tail: " + after10 + " → " + words.size());
        assertNotEquals(CorpusGenerator.tailWord(0), CorpusGenerator.tailWord(1));
    }

    @Test
    void aCachedCorpusIsReusedAndAnotherSeedReplacesIt() throws Exception {
        Path folder = tmp.resolve("corpus");
        List<Path> files = new CorpusGenerator(1).ensure(folder, 3);
        assertEquals(3, files.size());
        var modified = Files.getLastModifiedTime(files.getFirst());
        List<Path> more = new CorpusGenerator(1).ensure(folder, 5);
        assertEquals(files, more.subList(0, 3));
        assertEquals(modified, Files.getLastModifiedTime(more.getFirst()), "reused, not written again");
        assertEquals(new CorpusGenerator(1).transcript(4).text(), Files.readString(more.get(4)));
        List<Path> other = new CorpusGenerator(2).ensure(folder, 2);
        assertEquals(new CorpusGenerator(2).transcript(0).text(), Files.readString(other.getFirst()));
        try (var list = Files.list(folder)) {
            assertEquals(2, list.filter(p -> p.toString().endsWith(".txt")).count(), "the other seed's files are gone");
        }
    }
}
