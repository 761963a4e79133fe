package org.tamga.core.text;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Sentences, paragraphs and context in Chinese, Mongolian (traditional script and Cyrillic) and
 * English. Expected passages are written out as text and compared by text and by code point
 * positions computed here (not with {@link Positions}).
 */
class TextUnitsTest {

    /** Code point [start, end) of the n-th (from 0) occurrence of needle. */
    static int[] at(String text, String needle, int n) {
        int i = -1;
        for (int k = 0; k <= n; k++) {
            i = text.indexOf(needle, i + 1);
            assertTrue(i >= 0, "fixture lacks occurrence " + n + " of " + needle);
        }
        int s = text.codePointCount(0, i);
        return new int[]{s, s + needle.codePointCount(0, needle.length())};
    }

    static int[] at(String text, String needle) { return at(text, needle, 0); }

    static String cut(String text, int[] r) {
        return text.substring(text.offsetByCodePoints(0, r[0]), text.offsetByCodePoints(0, r[1]));
    }

    /** The unit around the hit: the expected text, at the occurrence of it that holds the hit. */
    static void assertUnit(String text, String expected, int[] hit, int[] unit) {
        assertEquals(expected, cut(text, unit));
        int[] where = null;
        for (int n = 0, i = text.indexOf(expected); i >= 0; n++, i = text.indexOf(expected, i + 1)) {
            int[] r = at(text, expected, n);
            if (r[0] <= hit[0] && hit[1] <= r[1]) { where = r; break; }
        }
        assertNotNull(where, "\u201C" + expected + "\u201D occurs around the hit");
        assertArrayEquals(where, unit, "positions of \u201C" + expected + "\u201D");
    }

    static int[] turnStarts(String text, String... turnTexts) {
        return java.util.Arrays.stream(turnTexts).mapToInt(t -> at(text, t)[0]).toArray();
    }

    // 🐑 first, so that code points and UTF-16 differ from the start
    static final String ZH = "🐑访谈者：您家是贫困户吗？\n受访者：以前是贫困户，现在脱贫了。培训很有用……他说：“草场退化了。”我们搬走了！草场";

    @Test
    void chineseSentencesEndAtFullStopsEllipsesAndClosingQuotes() {
        TextUnits u = new TextUnits(ZH, turnStarts(ZH, "您家", "以前"));
        int[] hit = at(ZH, "贫困", 1);
        assertUnit(ZH, "以前是贫困户，现在脱贫了。", hit, u.sentence(hit[0], hit[1]));
        hit = at(ZH, "很有用");
        assertUnit(ZH, "培训很有用……", hit, u.sentence(hit[0], hit[1]));
        hit = at(ZH, "退化");
        assertUnit(ZH, "他说：“草场退化了。”", hit, u.sentence(hit[0], hit[1]));
        hit = at(ZH, "搬走");
        assertUnit(ZH, "我们搬走了！", hit, u.sentence(hit[0], hit[1]));
    }

    @Test
    void sentencesAtTheStartAndEndOfTheTextLeaveOutTheLabel() {
        TextUnits u = new TextUnits(ZH, turnStarts(ZH, "您家", "以前"));
        int[] hit = at(ZH, "您家");
        assertUnit(ZH, "您家是贫困户吗？", hit, u.sentence(hit[0], hit[1]));
        int[] last = at(ZH, "草场", 1); // the last two characters, with no full stop after them
        assertUnit(ZH, "草场", last, u.sentence(last[0], last[1]));
        assertEquals(ZH.codePointCount(0, ZH.length()), u.sentence(last[0], last[1])[1]);

        // without turns there is no label to leave out: the sentence runs from the line's start
        TextUnits noTurns = new TextUnits(ZH, new int[0]);
        assertUnit(ZH, "🐑访谈者：您家是贫困户吗？", hit, noTurns.sentence(hit[0], hit[1]));
        // a hit inside the label keeps the label
        int[] label = at(ZH, "受访者");
        assertUnit(ZH, "受访者：以前是贫困户，现在脱贫了。", label, u.sentence(label[0], label[1]));
    }

    @Test
    void aHitAcrossTwoSentencesGetsBoth() {
        TextUnits u = new TextUnits(ZH, turnStarts(ZH, "您家", "以前"));
        int[] hit = at(ZH, "了。培训");
        assertUnit(ZH, "以前是贫困户，现在脱贫了。培训很有用……", hit, u.sentence(hit[0], hit[1]));
        // and across a line break: the sentence before it and the one after it
        int[] across = at(ZH, "吗？\n受访者：以前");
        assertUnit(ZH, "您家是贫困户吗？\n受访者：以前是贫困户，现在脱贫了。", across, u.sentence(across[0], across[1]));
    }

    @Test
    void englishFullStopsInNumbersAbbreviationsAndEllipses() {
        String en = "Interviewer: Did the training help?\nRespondent: Prices rose 3.5 percent. Dr. Smith agreed, e.g. on feed. "
                + "It was... well, hard. Ask www.example.org now! Yes";
        TextUnits u = new TextUnits(en, turnStarts(en, "Did", "Prices"));
        int[] hit = at(en, "percent");
        assertUnit(en, "Prices rose 3.5 percent.", hit, u.sentence(hit[0], hit[1]));
        hit = at(en, "feed");
        assertUnit(en, "Dr. Smith agreed, e.g. on feed.", hit, u.sentence(hit[0], hit[1]));
        hit = at(en, "hard");
        assertUnit(en, "It was... well, hard.", hit, u.sentence(hit[0], hit[1]));
        hit = at(en, "example");
        assertUnit(en, "Ask www.example.org now!", hit, u.sentence(hit[0], hit[1]));
        hit = at(en, "training");
        assertUnit(en, "Did the training help?", hit, u.sentence(hit[0], hit[1]));
        hit = at(en, "Yes");
        assertUnit(en, "Yes", hit, u.sentence(hit[0], hit[1]));
    }

    @Test
    void mongolianFullStopsInBothScripts() {
        // traditional script: ᠃ (U+1803) and ᠉ (U+1809) end sentences; U+202F joins a suffix to its word
        String mong = "ᠮᠠᠯᠴᠢᠨ\u202Fᠤ ᠠᠮᠢᠳᠤᠷᠠᠯ ᠰᠠᠢᠨ᠃ ᠪᠡᠯᠴᠢᠭᠡᠷ ᠮᠠᠭᠤ᠉ ᠣᠳᠣ ᠨᠡᠭᠦᠨ᠎ᠡ";
        TextUnits u = new TextUnits(mong, new int[0]);
        int[] hit = at(mong, "ᠪᠡᠯᠴᠢᠭᠡᠷ");
        assertUnit(mong, "ᠪᠡᠯᠴᠢᠭᠡᠷ ᠮᠠᠭᠤ᠉", hit, u.sentence(hit[0], hit[1]));
        hit = at(mong, "ᠠᠮᠢᠳᠤᠷᠠᠯ");
        assertUnit(mong, "ᠮᠠᠯᠴᠢᠨ\u202Fᠤ ᠠᠮᠢᠳᠤᠷᠠᠯ ᠰᠠᠢᠨ᠃", hit, u.sentence(hit[0], hit[1]));
        hit = at(mong, "ᠨᠡᠭᠦᠨ");
        assertUnit(mong, "ᠣᠳᠣ ᠨᠡᠭᠦᠨ᠎ᠡ", hit, u.sentence(hit[0], hit[1]));

        String cyr = "Судлаач: Бэлчээр ямар байна?\nМалчин: Бэлчээр муу болсон. Өвс ургахгүй, т.е. ган болсон. Б.Батбаяр хэлсэн.";
        TextUnits c = new TextUnits(cyr, turnStarts(cyr, "Бэлчээр ямар", "Бэлчээр муу"));
        hit = at(cyr, "ган");
        assertUnit(cyr, "Өвс ургахгүй, т.е. ган болсон.", hit, c.sentence(hit[0], hit[1]));
        hit = at(cyr, "Батбаяр");
        assertUnit(cyr, "Б.Батбаяр хэлсэн.", hit, c.sentence(hit[0], hit[1]));
        hit = at(cyr, "муу");
        assertUnit(cyr, "Бэлчээр муу болсон.", hit, c.sentence(hit[0], hit[1]));
    }

    static final String PARAGRAPHS = "第一段：草场很好。\n\n  Respondent: Second paragraph, 草场 here. Two sentences.  \nThird line\n\n\nLast";

    @Test
    void paragraphsAreLinesTrimmedAndNumberedWithoutBlankLines() {
        TextUnits u = new TextUnits(PARAGRAPHS, turnStarts(PARAGRAPHS, "Second"));
        int[] hit = at(PARAGRAPHS, "草场", 1);
        assertUnit(PARAGRAPHS, "Second paragraph, 草场 here. Two sentences.", hit, u.paragraph(hit[0], hit[1]));
        hit = at(PARAGRAPHS, "草场", 0);
        assertUnit(PARAGRAPHS, "第一段：草场很好。", hit, u.paragraph(hit[0], hit[1]));
        hit = at(PARAGRAPHS, "Last");
        assertUnit(PARAGRAPHS, "Last", hit, u.paragraph(hit[0], hit[1]));
        // a hit across two paragraphs gets both, and what lies between
        hit = at(PARAGRAPHS, "sentences.  \nThird");
        assertUnit(PARAGRAPHS, "Second paragraph, 草场 here. Two sentences.  \nThird line", hit, u.paragraph(hit[0], hit[1]));

        assertEquals(1, u.paragraphNumber(at(PARAGRAPHS, "草场")[0]));
        assertEquals(2, u.paragraphNumber(at(PARAGRAPHS, "Second")[0]));
        assertEquals(3, u.paragraphNumber(at(PARAGRAPHS, "Third")[0]));
        assertEquals(4, u.paragraphNumber(at(PARAGRAPHS, "Last")[0]));
        assertEquals(4, u.paragraphNumber(at(PARAGRAPHS, "\n\n\nLast")[0] + 1), "a blank line counts with the paragraph after it");
    }

    @Test
    void contextIsCutBetweenWordsOrCharactersAndFlattened() {
        String en = "The herders moved their\nsheep to the winter pasture. Grassland was poor that year and feed cost more.";
        TextUnits u = new TextUnits(en, new int[0]);
        int[] p = at(en, "Grassland was poor");
        assertEquals("…to the winter pasture.", u.contextBefore(p[0], 23), "23 code points back is the start of \"to\"");
        assertEquals("…the winter pasture.", u.contextBefore(p[0], 22), "22 would start inside \"to\", so it is left out");
        assertEquals("that year…", u.contextAfter(p[1], 12), "\"and\" would be cut after 12 code points, so it is left out");
        assertEquals("The herders moved their sheep to the winter pasture.", u.contextBefore(p[0], 1000),
                "the line break becomes a space; nothing cut, so no ellipsis");
        assertEquals("", u.contextAfter(en.codePointCount(0, en.length()), 50));
        assertEquals("", u.contextBefore(p[0], 4), "\"ure. \": a cut word and the full stop after it are no context");

        String zh = "🐑🐑他说：草场退化了，我们搬走了。";
        TextUnits z = new TextUnits(zh, new int[0]);
        int[] q = at(zh, "退化");
        assertEquals("…说：草场", z.contextBefore(q[0], 4), "Chinese is cut at any character");
        assertEquals("了，我…", z.contextAfter(q[1], 3));
        assertEquals("🐑🐑他说：草场", z.contextBefore(q[0], 100));
    }

    @Test
    void oneLongWordIsCutAtACharacterRatherThanLeftOut() {
        String t = "Supercalifragilistic word";
        TextUnits u = new TextUnits(t, new int[0]);
        int[] w = at(t, " word");
        assertEquals("…istic", u.contextBefore(w[0], 5));
    }

    @Test
    void abbreviationsAreKnownInLowerCase() {
        assertTrue(TextUnits.ABBREVIATIONS.containsAll(List.of("mr", "dr", "e.g", "т.е")));
    }
}
