package org.tamga.core.text;

import org.junit.jupiter.api.Test;
import org.tamga.core.text.ForeignPositions.Evidence;
import org.tamga.core.text.ForeignPositions.Rule;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class ForeignPositionsTest {

    @Test
    void aCrlfCountsTwoUnderTheStandardRuleAndOneOtherwise() {
        ForeignPositions p = new ForeignPositions("ab\r\ncd\r\nef");
        assertEquals("ab\ncd\nef", p.text());
        assertEquals(8, p.length());
        assertTrue(p.hasCrlf());
        // 'c' is code point 4 of the file, 3 of Tamga's text; 'e' 8 and 6
        assertEquals(3, p.toTamga(4, Rule.STANDARD));
        assertEquals(6, p.toTamga(8, Rule.STANDARD));
        assertEquals(8, p.toTamga(10, Rule.STANDARD));
        assertEquals(3, p.toTamga(3, Rule.CRLF_AS_ONE));
        assertEquals(8, p.toTamga(8, Rule.CRLF_AS_ONE));
        // between CR and LF: lands on the line break, and says so
        assertEquals(2, p.toTamga(3, Rule.STANDARD));
        assertTrue(p.splits(3, Rule.STANDARD));
        assertFalse(p.splits(4, Rule.STANDARD));
        assertFalse(p.splits(3, Rule.CRLF_AS_ONE));
    }

    @Test
    void utf16UnitsCountAnEmojiAsTwo() {
        ForeignPositions p = new ForeignPositions("a😀b\r\nc");
        assertEquals("a😀b\nc", p.text());
        assertTrue(p.hasSupplementary());
        assertEquals(4, p.toTamga(5, Rule.STANDARD));          // code points of the file
        assertEquals(4, p.toTamga(6, Rule.UTF16));             // UTF-16 units of the file
        assertEquals(4, p.toTamga(4, Rule.CRLF_AS_ONE));       // code points of the LF text
        assertEquals(4, p.toTamga(5, Rule.UTF16_CRLF_AS_ONE)); // UTF-16 units of the LF text
        assertEquals(2, p.toTamga(3, Rule.UTF16), "'b' follows the emoji");
        assertTrue(p.splits(2, Rule.UTF16), "inside the surrogate pair");
        assertFalse(p.splits(2, Rule.STANDARD));
    }

    @Test
    void positionsPastTheEndStayPastTheEndAndNegativeOnesStayNegative() {
        ForeignPositions p = new ForeignPositions("ab\r\ncd");
        assertEquals(5 + 3, p.toTamga(6 + 3, Rule.STANDARD));
        assertEquals(5 + 3, p.toTamga(5 + 3, Rule.CRLF_AS_ONE));
        assertEquals(-1, p.toTamga(-1, Rule.STANDARD));
    }

    static final String ENGLISH = "Interviewer: Did the training help?\r\nRespondent: The training helped, the subsidy too.\r\n"
            + "Interviewer: And the grassland?\r\nRespondent: The grassland recovered slowly after the ban.\r\n";

    /** Positions of {@code passage} as a tool counting by {@code rule} would write them. */
    static long[] written(String raw, String passage, Rule rule) {
        String counted = rule.crlfAsTwo() ? raw : raw.replace("\r\n", "\n");
        int i = counted.indexOf(passage);
        assertTrue(i >= 0, passage);
        if (rule.utf16Units()) return new long[]{i, i + passage.length()};
        return new long[]{counted.codePointCount(0, i), counted.codePointCount(0, i + passage.length())};
    }

    static Evidence evidence(String raw, List<String> passages, Rule rule, boolean named) {
        ForeignPositions p = new ForeignPositions(raw);
        Evidence e = new Evidence();
        for (String passage : passages) {
            long[] w = written(raw, passage, rule);
            e.add(p, w[0], w[1], named ? passage.substring(0, Math.min(20, passage.length())) + "…" : null);
        }
        return e;
    }

    @Test
    void selectionNamedAfterTheirTextTellTheRule() {
        List<String> passages = List.of("The training helped", "And the grassland?", "recovered slowly");
        for (Rule rule : List.of(Rule.STANDARD, Rule.CRLF_AS_ONE)) {
            Evidence e = evidence(ENGLISH, passages, rule, true);
            assertEquals(rule, e.decide(Rule.STANDARD), e.scores().toString());
            assertEquals(rule, e.decide(Rule.CRLF_AS_ONE), "evidence beats the preference: " + e.scores());
            assertEquals(3, e.selections());
            assertTrue(e.telling() >= 2, "selections after the first line break tell the rules apart");
        }
    }

    @Test
    void withoutNamesWordBoundariesTellTheRule() {
        List<String> passages = List.of("training helped", "subsidy", "grassland", "recovered slowly", "ban");
        for (Rule rule : List.of(Rule.STANDARD, Rule.CRLF_AS_ONE)) {
            Evidence e = evidence(ENGLISH, passages, rule, false);
            assertEquals(rule, e.decide(Rule.STANDARD), e.scores().toString());
        }
    }

    @Test
    void chineseWithCrlfAndNamesIsReadRight() {
        String raw = "访谈者：您家是贫困户吗？\r\n受访者：以前是贫困户，现在脱贫了。\r\n访谈者：培训有用吗？\r\n受访者：培训很有用。\r\n";
        List<String> passages = List.of("以前是贫困户，现在脱贫了。", "培训有用吗？", "培训很有用。");
        for (Rule rule : List.of(Rule.STANDARD, Rule.CRLF_AS_ONE)) {
            assertEquals(rule, evidence(raw, passages, rule, true).decide(Rule.STANDARD));
        }
    }

    @Test
    void utf16CountingIsRecognisedByNamesAndSplitPairs() {
        String raw = "𠀀𠀁 Batu said: 🐑🐑 the sheep are fewer.\nDorj said: the grassland 🌾 is thin.\n";
        List<String> passages = List.of("the sheep are fewer", "the grassland", "is thin");
        assertEquals(Rule.UTF16, evidence(raw, passages, Rule.UTF16, true).decide(Rule.STANDARD));
        assertEquals(Rule.STANDARD, evidence(raw, passages, Rule.STANDARD, true).decide(Rule.STANDARD));
    }

    @Test
    void whenNothingTellsThePreferredRuleWins() {
        Evidence none = evidence("no line breaks here", List.of("line breaks"), Rule.STANDARD, true);
        assertEquals(0, none.selections(), "a text without CRLF or surrogates is the same under every rule");
        assertEquals(Rule.CRLF_AS_ONE, none.decide(Rule.CRLF_AS_ONE));
        assertEquals(Rule.STANDARD, none.decide(Rule.STANDARD));
        Evidence beforeFirstBreak = evidence(ENGLISH, List.of("Did the training help?"), Rule.STANDARD, true);
        assertEquals(0, beforeFirstBreak.telling());
        assertEquals(Rule.CRLF_AS_ONE, beforeFirstBreak.decide(Rule.CRLF_AS_ONE));
    }
}
