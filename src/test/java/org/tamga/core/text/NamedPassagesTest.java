package org.tamga.core.text;

import org.junit.jupiter.api.Test;
import org.tamga.core.text.NamedPassages.Reason;
import org.tamga.core.text.NamedPassages.Result;
import org.tamga.core.text.NamedPassages.Wanted;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Selections made on another tool's plain text of a document, placed on the text Tamga read from
 * the document: only where the selected text (the name) is found near the position, else not at all.
 */
class NamedPassagesTest {

    /** A selection named after {@code passage}, at its positions (code points) in the tool's text {@code theirs}. */
    static Wanted in(String theirs, String passage) {
        int i = theirs.indexOf(passage);
        assertTrue(i >= 0, passage);
        return new Wanted(passage, theirs.codePointCount(0, i), theirs.codePointCount(0, i + passage.length()));
    }

    static Result one(String ours, Wanted w) { return NamedPassages.place(ours, List.of(w)).getFirst(); }

    static String at(String ours, Result r) {
        assertTrue(r.placed(), String.valueOf(r.reason()));
        return new Positions(ours).substring(r.start(), r.end());
    }

    @Test
    void theSameTextAtTheSamePositionIsPlacedThere() {
        String text = "Respondent: We lost forty sheep in the snow.";
        Result r = one(text, in(text, "forty sheep"));
        assertEquals(20, r.start());
        assertEquals(31, r.end());
    }

    /** The tool separated paragraphs by one line break, Tamga by a blank line: every paragraph shifts the text by one more. */
    @Test
    void paragraphBreaksThatDifferShiftThePassagesAndTheShiftIsFollowed() {
        List<String> paragraphs = java.util.stream.IntStream.range(0, 40).mapToObj(i -> "Paragraph " + i + " says something about sheep.").toList();
        String theirs = String.join("\n", paragraphs);
        String ours = String.join("\n\n", paragraphs) + "\n";
        List<Wanted> wanted = List.of(in(theirs, "Paragraph 3 says"), in(theirs, "Paragraph 20 says"), in(theirs, "Paragraph 39 says something"));
        List<Result> results = NamedPassages.place(ours, wanted);
        for (int i = 0; i < wanted.size(); i++) {
            assertEquals(wanted.get(i).name(), at(ours, results.get(i)));
            assertEquals(ours.indexOf(wanted.get(i).name()), results.get(i).start());
        }
    }

    /** Names run line breaks together into one space; spaces and line breaks are not compared, so the passage keeps its breaks. */
    @Test
    void aNameOnOneLineFindsAPassageOverTwoParagraphs() {
        String theirs = "Interviewer: And the subsidy?\r\nRespondent: It came late.";
        String ours = "Interviewer: And the subsidy?\n\nRespondent: It came late.\n";
        Wanted w = in(theirs, "And the subsidy?\r\nRespondent: It came");
        Result r = one(ours, new Wanted("And the subsidy? Respondent: It came", w.start(), w.end()));
        assertEquals("And the subsidy?\n\nRespondent: It came", at(ours, r));
    }

    /** A PDF's Chinese lines: the tool kept the line break (its name a space), Tamga joined the lines. */
    @Test
    void chineseJoinedAcrossALineBreak() {
        String theirs = "受访者：草场\n退化了，牛羊少了。";
        String ours = "受访者：草场退化了，牛羊少了。\n";
        Wanted w = in(theirs, "草场\n退化了");
        assertEquals("草场退化了", at(ours, one(ours, new Wanted("草场 退化了", w.start(), w.end()))));
    }

    @Test
    void codePointsAroundCharactersOutsideTheBasicPlane() {
        String text = "𠀀 Sarnai: 🐑 The school bus stopped in 2019.";
        Result r = one(text, in(text, "The school bus"));
        assertEquals(12, r.start(), "𠀀 and 🐑 count one each");
        assertEquals("The school bus", at(text, r));
    }

    @Test
    void aNameThatIsNotInTheTextIsNotPlaced() {
        String theirs = "Respondent: We lost forty sheep in the snow.";
        Wanted w = in(theirs, "forty sheep");
        assertEquals(Reason.NOT_FOUND, one(theirs, new Wanted("fifty sheep", w.start(), w.end())).reason());
    }

    @Test
    void aNameThatIsALabelOrCutIsNotTheTextAndIsNotPlaced() {
        String text = "Respondent: We lost forty sheep in the snow, and the subsidy came after the spring.";
        Wanted w = in(text, "We lost forty sheep in the snow, and the subsidy came after the spring.");
        assertEquals(Reason.NOT_THE_TEXT, one(text, new Wanted("sheep", w.start(), w.end())).reason(),
                "a word of the passage is in the text, but it is not the passage");
        assertEquals(Reason.CUT_NAME, one(text, new Wanted("We lost forty sheep…", w.start(), w.end())).reason());
        assertEquals(Reason.NO_NAME, one(text, new Wanted(" ", w.start(), w.end())).reason());
        assertEquals(Reason.NO_NAME, one(text, new Wanted(null, w.start(), w.end())).reason());
    }

    @Test
    void aPassageFarFromWhereThePositionsPointIsNotPlaced() {
        String filler = "x".repeat(5000);
        String ours = filler + " The subsidy came late.";
        assertEquals(Reason.NOT_FOUND, one(ours, new Wanted("The subsidy came late.", 10, 32)).reason(),
                "5000 characters away, where nothing before it suggests such a shift");
    }

    @Test
    void twoOccurrencesAboutAsNearAreAmbiguousButAClearlyNearerOneIsPlaced() {
        String ours = "Q: Cold?\n\nA: Yes.\n\nQ: Snow?\n\nA: Yes.\n";
        int first = ours.indexOf("Yes."), second = ours.lastIndexOf("Yes.");
        int between = (first + second) / 2;
        assertEquals(Reason.AMBIGUOUS, one(ours, new Wanted("Yes.", between, between + 4)).reason());
        Result r = one(ours, new Wanted("Yes.", second - 1, second + 3));
        assertEquals(second, r.start(), "one character from the second, nineteen from the first");
    }

    @Test
    void resultsComeInTheOrderAsked() {
        String text = "alpha beta gamma delta";
        List<Result> r = NamedPassages.place(text, List.of(in(text, "gamma"), in(text, "alpha"), new Wanted("omega", 6, 11)));
        assertEquals("gamma", at(text, r.get(0)));
        assertEquals("alpha", at(text, r.get(1)));
        assertEquals(Reason.NOT_FOUND, r.get(2).reason());
    }
}
