package org.tamga.core;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tamga.model.Code;
import org.tamga.model.Document;
import org.tamga.model.TamgaException;
import org.tamga.report.WordFrequencies;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Word frequencies on a hand-made project whose every number was counted by hand (ADR 38). The four
 * documents, and the words each turn gives (speaker labels are never counted):
 *
 * <pre>
 * 访谈A (turns of 访谈者 and 受访者)
 *   1 访谈者  您家的草场怎么样？                      您 家 的 草场 怎么样
 *   2 受访者  草场退化了，补贴不够。我们家的草场小，羊也少了。
 *                                                草场 退化 了 | 补贴 不够 | 我们 家 的 草场 小 | 羊 也 少 了
 *   3 访谈者  後來草場呢？                           後來 草場 呢   (traditional: segmented as 后来草场呢, counted as written)
 *   4 受访者  後來草場劃了禁牧區。他写了一个𠀀字😀，草场。
 *                                                後來 草場 劃 了 禁 牧區 | 他 写 了 一个 𠀀 字 | 草场   (😀 is no word)
 * interview-B (Interviewer, Respondent)
 *   1 Interviewer  Did the training help the herders?             did the training help the herders
 *   2 Respondent   The training helped. Herders trained together; the herder’s wife trains others.
 *                  the training helped herders trained together the herder's wife trains others
 *   3 Interviewer  Training again?                                training again
 *   4 Respondent   Yes, ＴＲＡＩＮＩＮＧ 😀 again.                   yes training again   (full-width letters fold)
 * ярилцлага-C (Асуулт, Хариулт)
 *   1 Асуулт   Малчин эрх малчин?                                 малчин эрх малчин
 *   2 Хариулт  МАЛЧИН йөс. ᠡᠷᠬᠡ ᠡᠷᠬᠡ␣ᠲᠡᠢ ᠮᠠᠯᠴᠢᠨ␣ᠤ    (␣ = U+202F)
 *                                      малчин йөс ᠡᠷᠬᠡ ᠡᠷᠬᠡ ᠮᠠᠯᠴᠢᠨ   (a suffix after U+202F is not counted)
 * notes-D (no turns)   草场 grassland малчин training helps        草场 grassland малчин training helps
 * </pre>
 *
 * SmartChinese segments 禁牧區 as 禁 牧區 (it does not know 禁牧, "grazing ban"), as ADR 38 says.
 */
class WordServiceTest {
    static final String ZH = "访谈者：您家的草场怎么样？\n受访者：草场退化了，补贴不够。我们家的草场小，羊也少了。\n"
            + "访谈者：後來草場呢？\n受访者：後來草場劃了禁牧區。他写了一个𠀀字😀，草场。\n";
    static final String EN = "Interviewer: Did the training help the herders?\n"
            + "Respondent: The training helped. Herders trained together; the herder\u2019s wife trains others.\n"
            + "Interviewer: Training again?\nRespondent: Yes, ＴＲＡＩＮＩＮＧ 😀 again.\n";
    static final String MN = "Асуулт: Малчин эрх малчин?\nХариулт: МАЛЧИН йөс. ᠡᠷᠬᠡ ᠡᠷᠬᠡ\u202Fᠲᠡᠢ ᠮᠠᠯᠴᠢᠨ\u202Fᠤ\n";
    static final String NOTES = "草场 grassland малчин training helps\n";

    @TempDir Path dir;
    ProjectSession session;
    Document a, b, c, d;

    @BeforeEach
    void project() {
        session = ProjectSession.create(dir.resolve("p.tamga"), dir.resolve("cache"));
        a = SessionFixtures.importText(session, dir.resolve("in"), "访谈A", ZH);
        b = SessionFixtures.importText(session, dir.resolve("in"), "interview-B", EN);
        c = SessionFixtures.importText(session, dir.resolve("in"), "ярилцлага-C", MN);
        d = SessionFixtures.importText(session, dir.resolve("in"), "notes-D", NOTES);
        assertEquals(4, session.speakers().turns(a).size());
        assertEquals(4, session.speakers().turns(b).size());
        assertEquals(2, session.speakers().turns(c).size());
        assertEquals(0, session.speakers().turns(d).size());
    }

    @AfterEach
    void close() { session.close(); }

    /** Rows of a language as "word count documents". */
    static List<String> rows(WordFrequencies words, String language) {
        List<String> out = new ArrayList<>();
        for (WordFrequencies.Row r : words.rows(language)) out.add(r.word() + " " + r.count() + " " + r.documents());
        return out;
    }

    static WordService.Request noStopWords() {
        return WordService.Request.of(Scope.all()).stopWords(Set.of());
    }

    @Test
    void everyWordOfEveryLanguageAsCountedByHand() {
        WordFrequencies words = session.words().frequencies(noStopWords());
        assertEquals(4, words.documents());
        assertEquals(List.of("zh", "en", "mn"), words.languages());
        // 草场: turn 1 once, turn 2 twice, turn 4 once, notes-D once = 5 in 2 documents; 了: turn 2 twice, turn 4 twice;
        // 家, 的: turns 1 and 2; 後來, 草場: turns 3 and 4; then the words seen once, in code point order (𠀀 U+20000 last)
        assertEquals(List.of("草场 5 2", "了 4 1", "家 2 1", "後來 2 1", "的 2 1", "草場 2 1",
                "一个 1 1", "不够 1 1", "也 1 1", "他 1 1", "写 1 1", "劃 1 1", "呢 1 1", "字 1 1", "小 1 1", "少 1 1",
                "怎么样 1 1", "您 1 1", "我们 1 1", "牧區 1 1", "禁 1 1", "羊 1 1", "补贴 1 1", "退化 1 1", "𠀀 1 1"), rows(words, "zh"));
        // training: a turn each in interview-B (Training, ＴＲＡＩＮＩＮＧ folded) + notes-D = 5 in 2; the: 2 + 2; again: turns 3, 4;
        // herders: turns 1 and 2 (Herders); herder's (curly apostrophe made straight) is another word without stemming
        assertEquals(List.of("training 5 2", "the 4 1", "again 2 1", "herders 2 1", "did 1 1", "grassland 1 1", "help 1 1",
                "helped 1 1", "helps 1 1", "herder's 1 1", "others 1 1", "together 1 1", "trained 1 1", "trains 1 1", "wife 1 1",
                "yes 1 1"), rows(words, "en"));
        // малчин: Малчин, малчин, МАЛЧИН in ярилцлага-C + notes-D; ᠡᠷᠬᠡ alone and before its suffix ᠲᠡᠢ; ᠮᠠᠯᠴᠢᠨ before ᠤ;
        // й in йөс stays й (no accent folding); no suffix is a word, and the labels Асуулт, Хариулт are not counted
        assertEquals(List.of("малчин 4 2", "ᠡᠷᠬᠡ 2 1", "йөс 1 1", "эрх 1 1", "ᠮᠠᠯᠴᠢᠨ 1 1"), rows(words, "mn"));
        for (WordFrequencies.Row r : words.rows()) assertEquals(List.of(r.word()), r.forms(), "without stemming a word is its only form");
        // the long order: count, then the word, across languages
        assertEquals(List.of("training", "草场", "the", "малчин", "了"), words.rows().subList(0, 5).stream().map(WordFrequencies.Row::word).toList());
    }

    @Test
    void shippedStopWordsAndListsFromFiles() throws Exception {
        WordFrequencies shipped = session.words().frequencies(WordService.Request.of(Scope.all()));
        // 了 的 您 呢 也 他 一个 我们 怎么样 (zh), the did again (en) are shipped stop words; 家 小 羊 (content) are not
        assertEquals(List.of("草场 5 2", "家 2 1", "後來 2 1", "草場 2 1", "不够 1 1", "写 1 1", "劃 1 1", "字 1 1", "小 1 1",
                "少 1 1", "牧區 1 1", "禁 1 1", "羊 1 1", "补贴 1 1", "退化 1 1", "𠀀 1 1"), rows(shipped, "zh"));
        assertEquals(List.of("training 5 2", "herders 2 1", "grassland 1 1", "help 1 1", "helped 1 1", "helps 1 1", "herder's 1 1",
                "others 1 1", "together 1 1", "trained 1 1", "trains 1 1", "wife 1 1", "yes 1 1"), rows(shipped, "en"));
        assertTrue(shipped.settings().stopWords() > 400, "all three shipped lists: " + shipped.settings().stopWords());

        // a researcher's own list: UTF-8 with a byte-order mark, comments, any case or width, a traditional stem with its suffix
        Path mine = dir.resolve("my stop words.txt");
        Files.writeString(mine, "\uFEFF# my list\nTRAINING   # any case\n草场\n\n  ᠡᠷᠬᠡ\u202Fᠲᠡᠢ\n42\n", StandardCharsets.UTF_8);
        Set<String> both = WordService.stopWords(true, List.of(mine));
        WordFrequencies extended = session.words().frequencies(WordService.Request.of(Scope.all()).stopWords(both));
        assertFalse(rows(extended, "en").stream().anyMatch(r -> r.startsWith("training ")), rows(extended, "en").toString());
        assertEquals("家 2 1", rows(extended, "zh").getFirst());
        assertEquals(List.of("малчин 4 2", "йөс 1 1", "эрх 1 1", "ᠮᠠᠯᠴᠢᠨ 1 1"), rows(extended, "mn"), "ᠡᠷᠬᠡ␣ᠲᠡᠢ reads as its stem");

        Set<String> onlyMine = WordService.stopWords(false, List.of(mine));
        assertEquals(Set.of("training", "草场", "ᠡᠷᠬᠡ"), onlyMine, "the number 42 is not a word");
        WordFrequencies replaced = session.words().frequencies(WordService.Request.of(Scope.all()).stopWords(onlyMine));
        assertEquals("the 4 1", rows(replaced, "en").getFirst(), "without the shipped lists, the is counted");

        Path missing = dir.resolve("nowhere.txt");
        TamgaException e = assertThrows(TamgaException.class, () -> WordService.stopWords(true, List.of(missing)));
        assertEquals("Cannot read the stop-word list " + missing + ": there is no such file.", e.getMessage());
        Path gbk = dir.resolve("gbk.txt");
        Files.write(gbk, "草场\n".getBytes(Charset.forName("GBK")));
        e = assertThrows(TamgaException.class, () -> WordService.stopWords(true, List.of(gbk)));
        assertEquals("Cannot read the stop-word list " + gbk + ": it is not UTF-8 text (save it as UTF-8).", e.getMessage());
    }

    @Test
    void stemmingCountsEnglishFormsUnderTheMostFrequent() {
        WordFrequencies words = session.words().frequencies(noStopWords().stem(true).languages(List.of("en")));
        assertEquals(List.of("en"), words.languages());
        assertTrue(words.rows("zh").isEmpty() && words.rows("mn").isEmpty());
        // train: training 5 + trained 1 + trains 1 = 7, in interview-B and notes-D; herder: herders 2 + herder's 1;
        // help: help, helped (interview-B) and helps (notes-D): 3 in 2 documents, though each form is in one
        assertEquals(List.of("training 7 2", "the 4 1", "help 3 2", "herders 3 1", "again 2 1", "did 1 1", "grassland 1 1",
                "others 1 1", "together 1 1", "wife 1 1", "yes 1 1"), rows(words, "en"));
        assertEquals(List.of("training", "trained", "trains"), words.rows("en").getFirst().forms());
        assertEquals(List.of("help", "helped", "helps"), words.rows("en").get(2).forms(), "equal counts: in code point order");
        assertEquals(List.of("herders", "herder's"), words.rows("en").get(3).forms());
        assertTrue(words.settings().stemmed());
    }

    @Test
    void minimumLengthCountsCharacters() {
        WordFrequencies two = session.words().frequencies(noStopWords().minLength(2));
        // 𠀀 is one character (two UTF-16 units, four bytes): left out with the other one-character words
        assertEquals(List.of("草场 5 2", "後來 2 1", "草場 2 1", "一个 1 1", "不够 1 1", "怎么样 1 1", "我们 1 1", "牧區 1 1",
                "补贴 1 1", "退化 1 1"), rows(two, "zh"));
        WordFrequencies four = session.words().frequencies(noStopWords().minLength(4));
        assertTrue(rows(four, "zh").isEmpty());
        assertEquals(List.of("малчин 4 2", "ᠡᠷᠬᠡ 2 1", "ᠮᠠᠯᠴᠢᠨ 1 1"), rows(four, "mn"), "йөс and эрх have three letters");
        assertEquals(List.of("малчин 4 2", "ᠮᠠᠯᠴᠢᠨ 1 1"), rows(session.words().frequencies(noStopWords().minLength(6).languages(List.of("mn"))), "mn"),
                "малчин and ᠮᠠᠯᠴᠢᠨ have six letters; ᠡᠷᠬᠡ four");
    }

    @Test
    void topKeepsTheMostFrequentOfEachLanguageTiesByTheWord() {
        WordFrequencies words = session.words().frequencies(WordService.Request.of(Scope.all()).top(2));
        // zh after stop words: 草场 5, then 家 後來 草場 with 2 each: 家 (U+5BB6) comes first
        assertEquals(List.of("草场 5 2", "家 2 1"), rows(words, "zh"));
        assertEquals(List.of("training 5 2", "herders 2 1"), rows(words, "en"));
        assertEquals(List.of("малчин 4 2", "ᠡᠷᠬᠡ 2 1"), rows(words, "mn"));
        assertEquals(6, words.rows().size());
    }

    @Test
    void someDocumentsOnlyTheirWords() {
        WordFrequencies words = session.words().frequencies(WordService.Request.of(new Scope(List.of(), List.of(d), null)));
        assertEquals(1, words.documents());
        assertEquals(List.of("草场 1 1"), rows(words, "zh"));
        assertEquals(List.of("grassland 1 1", "helps 1 1", "training 1 1"), rows(words, "en"));
        assertEquals(List.of("малчин 1 1"), rows(words, "mn"));
        WordFrequencies two = session.words().frequencies(WordService.Request.of(new Scope(List.of(), List.of(a, d), null)).languages(List.of("zh")));
        assertEquals("草场 5 2", rows(two, "zh").getFirst(), "both documents' 草场");
        // coders alone do not limit the words of documents
        assertEquals(rows(session.words().frequencies(WordService.Request.of(Scope.all())), "en"),
                rows(session.words().frequencies(WordService.Request.of(new Scope(List.of("Nobody"), List.of(), null))), "en"));
    }

    @Test
    void aSpeakerOnlyTheirTurns() {
        WordFrequencies respondent = session.words().frequencies(WordService.Request.of(new Scope(List.of(), List.of(), "受访者")));
        // turns 2 and 4 of 访谈A: 草场 twice in turn 2, once in turn 4; 後來 and 草場 once (turn 4); nothing the interviewer said (怎么样)
        assertEquals(List.of("草场 3 1", "不够 1 1", "写 1 1", "劃 1 1", "字 1 1", "家 1 1", "小 1 1", "少 1 1", "後來 1 1",
                "牧區 1 1", "禁 1 1", "羊 1 1", "草場 1 1", "补贴 1 1", "退化 1 1", "𠀀 1 1"), rows(respondent, "zh"));
        assertTrue(respondent.rows("en").isEmpty() && respondent.rows("mn").isEmpty());
        assertEquals("受访者", respondent.settings().speaker());

        WordFrequencies english = session.words().frequencies(WordService.Request.of(new Scope(List.of(), List.of(), "respondent")).stopWords(Set.of()));
        // turn 2: the ×2 training helped herders trained together herder's wife trains others; turn 4: yes training again
        assertEquals(List.of("the 2 1", "training 2 1", "again 1 1", "helped 1 1", "herder's 1 1", "herders 1 1", "others 1 1",
                "together 1 1", "trained 1 1", "trains 1 1", "wife 1 1", "yes 1 1"), rows(english, "en"));

        TamgaException e = assertThrows(TamgaException.class,
                () -> session.words().frequencies(WordService.Request.of(new Scope(List.of(), List.of(), "Nobody"))));
        assertTrue(e.getMessage().startsWith("No speaker \u201CNobody\u201D in the project"), e.getMessage());
    }

    @Test
    void aCodeOnlyThePassagesCodedWithItOrBelowIt() {
        Code support = session.codebook().create(null, "Support · 扶持", null, null);
        Code training = session.codebook().create(support.id(), "Training", null, null);
        // 访谈A: 草场退 (18–21) cuts 退化 in two: a word counts when it shares a character with the passage
        int zh = ZH.indexOf("草场退化");
        assertEquals(18, ZH.codePointCount(0, zh));
        session.coding().apply(a, 18, 21, training, "Saran");
        int en = EN.indexOf("The training helped. Herders");
        session.coding().apply(b, en, en + "The training helped. Herders".length(), training, "Saran");
        session.coding().apply(d, 0, NOTES.length() - 1, support, "Li Wei");

        WordFrequencies coded = session.words().frequencies(WordService.Request.of(Scope.all()).code(support));
        assertEquals(List.of("草场 2 2", "退化 1 1"), rows(coded, "zh"));
        // the is a stop word; training in interview-B and notes-D
        assertEquals(List.of("training 2 2", "grassland 1 1", "helped 1 1", "helps 1 1", "herders 1 1"), rows(coded, "en"));
        assertEquals(List.of("малчин 1 1"), rows(coded, "mn"));
        assertEquals("Support · 扶持", coded.settings().code());

        WordFrequencies saran = session.words().frequencies(WordService.Request.of(new Scope(List.of("saran"), List.of(), null)).code(support));
        assertEquals(List.of("草场 1 1", "退化 1 1"), rows(saran, "zh"), "Li Wei's coding of notes-D is left out");
        assertEquals(List.of("helped 1 1", "herders 1 1", "training 1 1"), rows(saran, "en"));
        assertTrue(saran.rows("mn").isEmpty());

        // a speaker and a code: words in the coded passages of what the speaker said
        WordFrequencies both = session.words().frequencies(WordService.Request.of(new Scope(List.of(), List.of(), "Interviewer")).code(support));
        assertTrue(both.rows().isEmpty(), "the coded passage of interview-B is the respondent's: " + both.rows());
        assertEquals(List.of("helped 1 1", "herders 1 1", "training 1 1"),
                rows(session.words().frequencies(WordService.Request.of(new Scope(List.of(), List.of(), "Respondent")).code(support)), "en"));

        TamgaException e = assertThrows(TamgaException.class,
                () -> session.words().frequencies(WordService.Request.of(new Scope(List.of("Nobody"), List.of(), null)).code(support)));
        assertTrue(e.getMessage().startsWith("No coder \u201CNobody\u201D in the project (coders: "), e.getMessage());
    }

    @Test
    void contextsAreThePlacesOfAWordInCodePoints() {
        SearchService.Result hits = session.words().contexts(WordService.Request.of(Scope.all()), "草场", 6, 100);
        // by document in the order of the document list (notes-D before 访谈A), then by position
        List<List<Integer>> inA = SessionFixtures.substringRanges(ZH, "草场");
        assertEquals(4, inA.size());
        assertEquals(List.of(7, 9), inA.getFirst());
        assertEquals(List.of(77, 79), inA.getLast());
        assertEquals(79, ZH.indexOf("草场", ZH.indexOf("😀")), "after 𠀀 and 😀 the UTF-16 index is two more: positions are code points");
        List<List<Object>> expected = new ArrayList<>();
        expected.add(List.of("notes-D", 0, 2));
        for (List<Integer> r : inA) expected.add(List.of("访谈A", r.get(0), r.get(1)));
        assertEquals(expected, hits.hits().stream().map(h -> List.<Object>of(h.document().name(), h.start(), h.end())).toList());
        for (SearchService.Hit h : hits.hits()) assertEquals("草场", h.match());
        assertEquals("一个𠀀字😀，草场。", hits.hits().getLast().context().line(), "six characters either side, the line break trimmed");
        assertEquals(2, hits.documents());
        assertFalse(hits.truncated());

        SearchService.Result cut = session.words().contexts(WordService.Request.of(Scope.all()), "草场", 6, 2);
        assertEquals(2, cut.hits().size());
        assertTrue(cut.truncated());

        // with stemming, every form of the stem; ＴＲＡＩＮＩＮＧ is shown as written
        SearchService.Result train = session.words().contexts(WordService.Request.of(Scope.all()).stem(true), "Trains", 10, 100);
        assertEquals(7, train.hits().size(), "training ×4, trained, trains in interview-B; training in notes-D");
        assertEquals(List.of("training", "training", "trained", "trains", "Training", "ＴＲＡＩＮＩＮＧ"),
                train.hits().stream().filter(h -> h.document().equals(b)).map(SearchService.Hit::match).toList());
        int wide = EN.indexOf("ＴＲＡＩＮＩＮＧ");
        SearchService.Hit last = train.hits().stream().filter(h -> h.match().equals("ＴＲＡＩＮＩＮＧ")).findFirst().orElseThrow();
        assertEquals(EN.codePointCount(0, wide), last.start());
        assertEquals(last.start() + 8, last.end());

        // the scope holds: a speaker's places only; a stop word has none; an unknown word has none
        SearchService.Result spoken = session.words().contexts(WordService.Request.of(new Scope(List.of(), List.of(), "访谈者")), "草场", 3, 100);
        assertEquals(List.of(7), spoken.hits().stream().map(SearchService.Hit::start).toList());
        assertTrue(session.words().contexts(WordService.Request.of(Scope.all()), "the", 5, 10).hits().isEmpty());
        assertTrue(session.words().contexts(noStopWords().languages(List.of("zh")), "the", 5, 10).hits().isEmpty(), "English not asked for");
        assertEquals(4, session.words().contexts(noStopWords(), "THE", 5, 10).hits().size(), "without stop words, the is found in any case");
        assertTrue(session.words().contexts(WordService.Request.of(Scope.all()), "nowhere", 5, 10).hits().isEmpty());
        assertThrows(TamgaException.class, () -> session.words().contexts(WordService.Request.of(Scope.all()), "草场", 5, 0));
    }

    @Test
    void theWordIndexFollowsTheProject() {
        ProjectSession.IndexSync first = session.words().prepare(null);
        assertEquals(4, first.added(), "built on first use");
        assertEquals(0, session.words().prepare(null).added(), "then only caught up");
        session.documents().delete(d);
        WordFrequencies words = session.words().frequencies(WordService.Request.of(Scope.all()));
        assertEquals(3, words.documents());
        assertEquals("草场 4 1", rows(words, "zh").getFirst());
        assertEquals("training 4 1", rows(words, "en").getFirst());
        assertEquals("малчин 3 1", rows(words, "mn").getFirst());
        assertEquals(1, session.lastWordSync().removed());

        Document e = SessionFixtures.importText(session, dir.resolve("in"), "extra", "grassland grassland\n");
        List<Integer> progress = new ArrayList<>();
        ProjectSession.IndexSync sync = session.words().prepare((done, of) -> progress.add(done * 100 + of));
        assertEquals(1, sync.added());
        assertEquals(List.of(101), progress, "one document of one");
        assertEquals("grassland 2 1", rows(session.words().frequencies(WordService.Request.of(new Scope(List.of(), List.of(e), null))), "en").getFirst());

        // a second session finds the index in the cache folder
        Path file = session.file();
        session.close();
        session = ProjectSession.open(file, dir.resolve("cache"));
        assertTrue(Files.isDirectory(session.wordIndexFolder()));
        assertEquals(0, session.words().prepare(null).added());
        assertEquals("training 4 1", rows(session.words().frequencies(WordService.Request.of(Scope.all())), "en").getFirst());
    }

    @Test
    void requestsThatMakeNoSenseAreRefused() {
        TamgaException e = assertThrows(TamgaException.class, () -> WordService.Request.of(Scope.all()).languages(List.of("fr")));
        assertEquals("Tamga counts the words of zh (Chinese), en (English) and mn (Mongolian), not \u201Cfr\u201D.", e.getMessage());
        assertEquals(List.of("zh", "mn"), WordService.Request.of(Scope.all()).languages(List.of("MN", "zh", "mn")).languages(), "in the usual order, once");
        assertThrows(TamgaException.class, () -> WordService.Request.of(Scope.all()).top(0));
        assertThrows(TamgaException.class, () -> WordService.Request.of(Scope.all()).minLength(0));
        e = assertThrows(TamgaException.class, () -> WordService.shippedStopWordFile("de"));
        assertEquals("Tamga ships stop words for zh, en and mn, not \u201Cde\u201D.", e.getMessage());
        assertTrue(WordService.shippedStopWordFile("mn").contains("ᠪᠠᠢᠨ᠎ᠠ"));
    }
}
