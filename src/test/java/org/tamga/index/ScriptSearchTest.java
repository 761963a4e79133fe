package org.tamga.index;

import com.ibm.icu.text.Transliterator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tamga.core.ProjectSession;
import org.tamga.core.SearchService.Hit;
import org.tamga.core.SearchService.Request;
import org.tamga.model.Document;
import org.tamga.model.TamgaException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tamga.core.SessionFixtures.cpSubstring;
import static org.tamga.core.SessionFixtures.importText;
import static org.tamga.core.SessionFixtures.substringRanges;
import static org.tamga.core.SessionFixtures.wordRanges;

/**
 * Search in every script Tamga promises: traditional Mongolian stems and suffixes (issue 13, 1),
 * queries mixing scripts (2), simplified and traditional Chinese (5), wildcards on Chinese (6).
 */
class ScriptSearchTest {
    private static final String NNBSP = "\u202F";

    @TempDir Path tmp;
    private ProjectSession session;

    @BeforeEach
    void open() { session = ProjectSession.create(tmp.resolve("p.tamga"), tmp.resolve("cache")); }

    @AfterEach
    void close() { session.close(); }

    private Document add(String name, String text) { return importText(session, tmp.resolve("in"), name, text); }

    private List<List<Integer>> hits(Document doc, String query) { return hits(doc, Request.of(query)); }

    private List<List<Integer>> hits(Document doc, Request request) {
        String text = session.documents().text(doc);
        List<List<Integer>> out = new ArrayList<>();
        for (Hit h : session.search().search(request.inDocuments(List.of(doc)).limit(100_000)).hits()) {
            assertEquals(cpSubstring(text, h.start(), h.end()), h.match(), "a hit's text is the text at its positions");
            out.add(List.of(h.start(), h.end()));
        }
        out.sort((a, b) -> a.get(0).equals(b.get(0)) ? a.get(1) - b.get(1) : a.get(0) - b.get(0));
        return out;
    }

    /**
     * Whole-word occurrences of a Mongolian word or part (plain scan): not next to a letter, mark or
     * Mongolian format character; a narrow no-break space before a suffix is a boundary.
     */
    private static List<List<Integer>> mongolianWords(String text, String needle) {
        List<List<Integer>> out = new ArrayList<>();
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            int after = i + needle.length();
            if (i > 0 && inWord(text.codePointBefore(i))) continue;
            if (after < text.length() && inWord(text.codePointAt(after))) continue;
            int s = text.codePointCount(0, i);
            out.add(List.of(s, s + needle.codePointCount(0, needle.length())));
        }
        return out;
    }

    private static boolean inWord(int cp) {
        return Character.isLetterOrDigit(cp) || Character.getType(cp) == Character.NON_SPACING_MARK || cp >= 0x180B && cp <= 0x180F;
    }

    @Test
    void traditionalMongolianStemsAndSuffixesAreEachFoundAsAPlainScanFindsThem() throws IOException {
        String text = ExactSearchPropertyTest.fixture("udhr-khk-mongolian-script.txt");
        Document doc = add("mn-mong", text);
        // the counts: ᠡᠷᠬᠡ twice (once with a suffix), the suffix ᠲᠡᠢ three times, the suffixed form once
        assertEquals(2, hits(doc, "ᠡᠷᠬᠡ").size());
        assertEquals(3, hits(doc, "ᠲᠡᠢ").size());
        assertEquals(1, hits(doc, "ᠡᠷᠬᠡ" + NNBSP + "ᠲᠡᠢ").size(), "with the suffix: that exact form");
        assertEquals(mongolianWords(text, "ᠲᠥᠷᠥ"), hits(doc, "ᠲᠥᠷᠥ"));
        assertEquals(1, hits(doc, "ᠲᠥᠷᠥ").size(), "ᠲᠥᠷᠥ before its suffix ᠲᠡᠢ (ᠲᠥᠷᠥᠵᠦ is another word)");
        // every word of the text, every part of it between narrow spaces, and every word with its suffix
        int checked = 0;
        for (String word : text.split("[\\s\u1802\u1803]+")) {
            if (word.isEmpty()) continue;
            List<String> needles = new ArrayList<>(List.of(word.split(NNBSP)));
            if (word.contains(NNBSP)) needles.add(word);
            for (String needle : needles) {
                List<List<Integer>> expected = mongolianWords(text, needle);
                assertFalse(expected.isEmpty(), needle);
                assertEquals(expected, hits(doc, needle), "\u201C" + needle + "\u201D");
                checked++;
            }
        }
        assertEquals(27 + 6 + 6, checked, "27 words, 6 of them with a suffix: each word or stem, each suffix, each suffixed form");
        // U+180E, the vowel separator, is inside the word: the word is found whole, its first part alone is not a word
        assertEquals(mongolianWords(text, "ᠨᠡᠷ\u180Eᠡ"), hits(doc, "ᠨᠡᠷ\u180Eᠡ"));
        assertEquals(1, hits(doc, "ᠨᠡᠷ\u180Eᠡ").size());
        assertEquals(List.of(), hits(doc, "ᠨᠡᠷ"));
        // a phrase across a suffixed word, and a wildcard on a stem
        assertEquals(substringRanges(text, "ᠴᠢᠯᠥᠭᠡ" + NNBSP + "ᠲᠡᠢ᠂ ᠠᠳᠠᠯᠢᠬᠠᠨ"), hits(doc, "\"ᠴᠢᠯᠥᠭᠡ" + NNBSP + "ᠲᠡᠢ᠂ ᠠᠳᠠᠯᠢᠬᠠᠨ\""));
        assertEquals(substringRanges(text, "ᠲᠡᠢ ᠪᠠᠢᠠᠭ"), hits(doc, "\"ᠲᠡᠢ ᠪᠠᠢᠠᠭ\""), "a phrase may begin at a suffix");
        assertEquals(List.of(), hits(doc, "\"ᠡᠷᠬᠡ ᠪᠠᠢᠠᠭ\""), "ᠡᠷᠬᠡ is followed by its suffix there, not by ᠪᠠᠢᠠᠭ");
        assertEquals(hits(doc, "ᠡᠷᠬᠡ"), hits(doc, "ᠡᠷᠬ*").stream().filter(h -> hits(doc, "ᠡᠷᠬᠡ").contains(h)).toList());
    }

    @Test
    void aStemFindsItsWordWithAndWithoutSuffix() throws IOException {
        String text = ExactSearchPropertyTest.fixture("mixed-scripts-interview.txt");
        Document doc = add("mixed", text);
        List<List<Integer>> stem = hits(doc, "ᠮᠠᠯ");
        assertEquals(mongolianWords(text, "ᠮᠠᠯ"), stem);
        assertEquals(3, stem.size(), "twice alone, once before the suffix ᠤᠨ (ᠮᠠᠯᠴᠢᠨ is another word)");
        assertEquals(mongolianWords(text, "ᠮᠠᠯ" + NNBSP + "ᠤᠨ"), hits(doc, "ᠮᠠᠯ" + NNBSP + "ᠤᠨ"));
        assertEquals(1, hits(doc, "ᠤᠨ").size());
    }

    @Test
    void mongolianCyrillicKeepsCaseInsensitiveWordsPhrasesAndWildcards() throws IOException {
        String text = ExactSearchPropertyTest.fixture("udhr-khk-cyrillic.txt");
        Document doc = add("mn-cyrl", text);
        assertEquals(wordRanges(text, "эрх"), hits(doc, "эрх"));
        assertEquals(18, hits(doc, "ЭРХ").size());
        assertEquals(hits(doc, "эрх"), hits(doc, "Эрх"));
        String lower = text.toLowerCase(Locale.ROOT);
        assertEquals(wordRanges(text, "эрх чөлөө"), hits(doc, "\"Эрх чөлөө\""));
        assertEquals(1, hits(doc, "\"эрх чөлөө\"").size(), "whole words: not эрх чөлөөг, эрх чөлөөний …");
        assertEquals(8, hits(doc, "эрх NEAR/0 чөлөө*").size(), "эрх чөлөө and its inflected forms");
        List<List<Integer>> wildcard = hits(doc, "эрх*");
        assertEquals(30, wildcard.size(), "every word that begins with эрх");
        for (List<Integer> h : wildcard) assertTrue(cpSubstring(lower, h.get(0), h.get(1)).startsWith("эрх"));
    }

    @Test
    void queriesMixingScriptsFindExactlyWhereTheirTextIs() throws IOException {
        String text = ExactSearchPropertyTest.fixture("mixed-scripts-interview.txt");
        Document doc = add("mixed", text);
        String lower = text.toLowerCase(Locale.ROOT);
        // 阿Q: inside 阿Quei too, never across the punctuation of 阿……Q哥
        List<List<Integer>> aq = hits(doc, "阿Q");
        assertEquals(substringRanges(lower, "阿q"), aq);
        assertEquals(7, aq.size());
        int across = text.codePointCount(0, text.indexOf("阿……Q"));
        assertTrue(aq.stream().noneMatch(h -> h.get(0) == across), "阿……Q哥 is not 阿Q");
        int quei = text.codePointCount(0, text.indexOf("阿Quei"));
        assertTrue(aq.contains(List.of(quei, quei + 2)), "the 阿Q of 阿Quei, cut to 阿Q");
        // 5G网络: inside 15G网络 too, not 5G 网络 with a space
        assertEquals(substringRanges(lower, "5g网络"), hits(doc, "5G网络"));
        assertEquals(4, hits(doc, "5G网络").size());
        // COVID-19疫苗: any case, full-width letters too (width is folded), not COVID 19疫苗
        List<List<Integer>> covid = hits(doc, "COVID-19疫苗");
        List<List<Integer>> expected = new ArrayList<>(substringRanges(lower, "covid-19疫苗"));
        expected.addAll(substringRanges(text, "ＣＯＶＩＤ-19疫苗"));
        expected.sort((a, b) -> a.get(0) - b.get(0));
        assertEquals(expected, covid);
        assertEquals(4, covid.size());
        // traditional Mongolian beside Cyrillic
        assertEquals(substringRanges(lower, "ᠮᠠᠯ малчин"), hits(doc, "\"ᠮᠠᠯ малчин\""));
        assertEquals(1, hits(doc, "\"ᠮᠠᠯ малчин\"").size());
        // a quoted phrase is its text, punctuation included
        assertEquals(substringRanges(text, "grassland subsidy").size(), hits(doc, "\"grassland subsidy\"").size());
        assertEquals(1, hits(doc, "\"grassland, subsidy\"").size());
        assertEquals(List.of(), hits(doc, "\"grassland. subsidy\""));
    }

    @Test
    void simplifiedAndTraditionalFindEachOtherUnlessTurnedOff() {
        Document hans = add("hans", "牧民说：草场补贴发放了，发展很快。头发白了。");
        Document hant = add("hant", "牧民說：草場補貼發放了，發展很快。頭髮白了。");
        for (String q : List.of("草场", "草場", "\"草场补贴\"", "草場补贴")) {
            assertEquals(1, hits(hans, q).size(), q + " in the simplified text");
            assertEquals(1, hits(hant, q).size(), q + " in the traditional text");
        }
        // positions point at the text as written
        Hit h = session.search().search(Request.of("草场").inDocuments(List.of(hant))).hits().getFirst();
        assertEquals("草場", h.match());
        // 发 stands for both 發 and 髮
        assertEquals(3, hits(hant, "发").size(), "發放, 發展, 頭髮");
        // off: as written only
        Request off = Request.of("草场").chineseVariants(false);
        assertEquals(1, hits(hans, off).size());
        assertEquals(List.of(), hits(hant, off));
        assertEquals(1, hits(hant, Request.of("草場").chineseVariants(false)).size());
    }

    /** With variants on, a needle from either text is found where the ICU transliteration of both reads alike. */
    @Test
    void variantsPropertyAgainstIcuTransliteration() throws IOException {
        Transliterator t2s = Transliterator.getInstance("Traditional-Simplified");
        Map<Document, String> texts = new HashMap<>();
        for (String f : List.of("udhr-cmn-hans.txt", "udhr-cmn-hant.txt", "moztw-g0v-chat-lines.txt")) {
            String text = ExactSearchPropertyTest.fixture(f);
            texts.put(add(f, text), text);
        }
        Random random = new Random(7);
        List<Document> docs = new ArrayList<>(texts.keySet());
        int checked = 0;
        while (checked < 150) {
            Document d = docs.get(random.nextInt(docs.size()));
            int[] cps = texts.get(d).codePoints().toArray();
            int from = random.nextInt(cps.length), to = Math.min(cps.length, from + 1 + random.nextInt(4));
            String needle = new String(cps, from, to - from);
            if (!needle.codePoints().allMatch(ExactSearchPropertyTest::han)) continue;
            String simple = perCharacter(t2s, needle);
            List<List<Integer>> expected = new ArrayList<>(), found = new ArrayList<>();
            for (var e : texts.entrySet()) {
                for (List<Integer> r : substringRanges(perCharacter(t2s, e.getValue()), simple)) expected.add(List.of((int) e.getKey().id(), r.get(0), r.get(1)));
            }
            for (Hit h : session.search().search(Request.of(needle).limit(100_000)).hits()) found.add(List.of((int) h.document().id(), h.start(), h.end()));
            expected.sort(ScriptSearchTest::compare);
            found.sort(ScriptSearchTest::compare);
            assertEquals(expected, found, "\u201C" + needle + "\u201D");
            checked++;
        }
    }

    private static int compare(List<Integer> a, List<Integer> b) {
        for (int i = 0; i < a.size(); i++) { int c = Integer.compare(a.get(i), b.get(i)); if (c != 0) return c; }
        return 0;
    }

    /** Each code point transliterated on its own (so positions stay), kept when ICU makes it more than one. */
    private static String perCharacter(Transliterator t, String s) {
        StringBuilder sb = new StringBuilder();
        s.codePoints().forEach(c -> {
            String one = new String(Character.toChars(c));
            String out = t.transliterate(one);
            sb.append(out.codePointCount(0, out.length()) == 1 ? out : one);
        });
        return sb.toString();
    }

    @Test
    void theShippedVariantTableIsIcusTransliteration() {
        Transliterator t2s = Transliterator.getInstance("Traditional-Simplified");
        Map<Integer, Integer> expected = new HashMap<>();
        for (int[] range : new int[][]{{0x3400, 0x9FFF}, {0xF900, 0xFAFF}}) {
            for (int c = range[0]; c <= range[1]; c++) {
                String out = t2s.transliterate(new String(Character.toChars(c)));
                if (out.codePointCount(0, out.length()) == 1 && out.codePointAt(0) != c) expected.put(c, out.codePointAt(0));
            }
        }
        assertEquals(expected, ChineseVariants.table());
    }

    @Test
    void wildcardsOnChineseStandForCharactersOrAreRefusedWithAMessage() {
        String text = "草场退化，草原也是。草。牧草少了，草 原。𠀀草𪚥草";
        Document doc = add("zh-wild", text);
        assertEquals(regex(text, "草\\p{L}"), hits(doc, "草?"), "草 and one character after it");
        assertEquals(regex(text, "草\\p{L}{2}"), hits(doc, "草??"));
        assertEquals(regex(text, "\\p{L}草"), hits(doc, "?草"));
        assertEquals(regex(text, "草\\p{L}化"), hits(doc, "草?化"));
        assertEquals(List.of(), hits(doc, "草?化退"));
        TamgaException refused = assertThrows(TamgaException.class, () -> hits(doc, "草*"));
        assertTrue(refused.getMessage().contains("草?") && refused.getMessage().contains("character by character"), refused.getMessage());
        assertThrows(TamgaException.class, () -> hits(doc, "*草"));
    }

    /** Code point ranges of every match of a regular expression (no overlaps between them). */
    private static List<List<Integer>> regex(String text, String pattern) {
        List<List<Integer>> out = new ArrayList<>();
        Matcher m = Pattern.compile(pattern).matcher(text);
        int from = 0;
        while (from <= text.length() && m.find(from)) {
            int s = text.codePointCount(0, m.start());
            out.add(List.of(s, s + text.codePointCount(m.start(), m.end())));
            from = m.start() + Character.charCount(text.codePointAt(m.start()));
        }
        return out;
    }
}
