package org.tamga.util;

import org.junit.jupiter.api.Test;
import org.tamga.util.ScriptRuns.Run;
import org.tamga.util.ScriptRuns.Script;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class ScriptRunsTest {

    /** The runs as "text=SCRIPT" pairs, easy to read in a failure. */
    static List<String> shown(String text) {
        return ScriptRuns.of(text).stream().map(r -> text.substring(r.start(), r.end()) + "=" + r.script()).toList();
    }

    @Test
    void aMixedLineSplitsByScriptWithSpacesAndPunctuationJoiningTheRunBefore() {
        String text = "阿Q说 ᠮᠣᠩᠭᠣᠯ малчин don’t";
        assertEquals(List.of("阿=HAN", "Q=LATIN", "说 =HAN", "ᠮᠣᠩᠭᠣᠯ =MONGOLIAN", "малчин =CYRILLIC", "don’t=LATIN"), shown(text));
    }

    @Test
    void curlyQuotesAndApostrophesInsideEnglishStayInTheLatinRun() {
        String text = "He said “we don’t move — the grass is gone” and left.";
        List<Run> runs = ScriptRuns.of(text);
        assertEquals(1, runs.size(), shown(text).toString());
        assertEquals(Script.LATIN, runs.getFirst().script());
        assertEquals(new Run(0, text.length(), Script.LATIN), runs.getFirst());
    }

    @Test
    void chinesePunctuationBelongsToChineseEvenAfterEnglish() {
        assertEquals(List.of("OK=LATIN", "，我们走了。=HAN"), shown("OK，我们走了。"));
        assertEquals(List.of("“grassland”=LATIN", "是「草场」=HAN"), shown("“grassland”是「草场」"),
                "a leading quote takes the script after it, the closing one the script before it");
    }

    @Test
    void leadingDigitsAndSpacesTakeTheFirstScriptAfterThem() {
        assertEquals(List.of("2019 年，=HAN", "Ulaanbaatar=LATIN"), shown("2019 年，Ulaanbaatar"));
        assertEquals(List.of("12 34=COMMON"), shown("12 34"), "no letters at all: one COMMON run");
        assertTrue(ScriptRuns.of("").isEmpty());
    }

    @Test
    void traditionalMongolianKeepsItsNarrowNoBreakSpaceAndVowelSeparatorAndVariationSelectors() {
        String text = "ᠮᠣᠩᠭᠣᠯ\u202Fᠤᠨ ᠪᠢᠴᠢᠭ\u180C ᠬᠠᠭᠠ\u180Eᠠ";
        assertEquals(List.of(text + "=MONGOLIAN"), shown(text));
    }

    @Test
    void mongolianCyrillicLettersAreCyrillic() {
        assertEquals(List.of("Өвөрмонгол үүл=CYRILLIC"), shown("Өвөрмонгол үүл"));
    }

    @Test
    void supplementaryHanIsOneRunAndNoSurrogatePairIsSplit() {
        String text = "abc𠀀𠀁def"; // CJK Extension B
        List<Run> runs = ScriptRuns.of(text);
        assertEquals(List.of(new Run(0, 3, Script.LATIN), new Run(3, 7, Script.HAN), new Run(7, 10, Script.LATIN)), runs);
    }

    @Test
    void aRangeIsSplitWithPositionsInTheWholeText() {
        String text = "don’t 阿Q说";
        assertEquals(List.of(new Run(3, 6, Script.LATIN), new Run(6, 7, Script.HAN)), ScriptRuns.of(text, 3, 7));
    }

    @Test
    void greekAndArabicAreOther() {
        assertEquals(List.of("αβγ =OTHER", "abc=LATIN"), shown("αβγ abc"));
    }
}
