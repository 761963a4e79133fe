package org.tamga.core.text;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.*;

class TurnDetectorTest {

    static String said(String text, TurnDetector.Found t) { return new Positions(text).substring(t.start(), t.end()); }

    static Map<String, Integer> speakers(List<TurnDetector.Found> turns) {
        Map<String, Integer> out = new TreeMap<>();
        for (TurnDetector.Found t : turns) out.merge(t.speaker(), 1, Integer::sum);
        return out;
    }

    @Test
    void chineseRolesWithFullWidthColonsAndAHeaderLineThatIsNoSpeaker() {
        String text = "访谈编号：01  日期：2025-07-12  地点：某旗某嘎查\n\n访谈者：您家几口人？\n\n受访者：五口人。\n牲畜嘛，现在羊一百四十来只。\n\n访谈者：草场够吗？\n";
        List<TurnDetector.Found> turns = TurnDetector.detect(text);
        assertEquals(List.of("访谈者", "受访者", "访谈者"), turns.stream().map(TurnDetector.Found::speaker).toList());
        assertEquals("您家几口人？", said(text, turns.get(0)));
        assertEquals("五口人。\n牲畜嘛，现在羊一百四十来只。", said(text, turns.get(1)), "a turn runs on to the next label, label excluded");
        assertEquals("草场够吗？", said(text, turns.get(2)));
        assertNull(turns.get(0).timeStartMs());
    }

    @Test
    void questionAndAnswerConventionsInChineseAndEnglish() {
        String text = "问：你们村有多少户？\n答：一百二十户。\n问：贫困户呢？\n答：现在没有了。\n\nQ: Where does your income come from?\nA: Mostly from sheep.\nR: And from the subsidy.\n";
        assertEquals(Map.of("问", 2, "答", 2, "Q", 1, "A", 1, "R", 1), speakers(TurnDetector.detect(text)));
    }

    @Test
    void numberedResearchersNamesAndCaseVariantsAreOneSpeakerPerSpelling() {
        String text = "Researcher 1: Thank you for coming.\nResearcher 2: Shall we start?\nBatbayar: Yes.\nRESEARCHER 1: Good.\nBatbayar: We moved in 2010.\n";
        List<TurnDetector.Found> turns = TurnDetector.detect(text);
        assertEquals(Map.of("Researcher 1", 2, "Researcher 2", 1, "Batbayar", 2), speakers(turns),
                "a name counts once it recurs; case variants take the first spelling");
    }

    @Test
    void aLabelThatOccursOnceAndIsNoRoleIsNoSpeaker() {
        String text = "Note: recorded in the ger.\nSummary: long interview.\nHe said: the winter was hard.\nThe time was 10:30 when we left.\nhttp://example.org: a link\n";
        assertEquals(List.of(), TurnDetector.detect(text));
    }

    @Test
    void timestampsBeforeTheLabelGiveTheTurnItsTimes() {
        String text = "[00:01:23] Interviewer: How many sheep?\n[00:01:30] Dorj: About two hundred.\n[00:02:05] more about the winter\n[00:02:40] Interviewer: Thank you.\n";
        List<TurnDetector.Found> turns = TurnDetector.detect(text);
        assertEquals(3, turns.size());
        assertEquals("Dorj", turns.get(1).speaker(), "a label after a timestamp counts even once");
        assertEquals(90_000L, turns.get(1).timeStartMs());
        assertEquals(125_000L, turns.get(1).timeEndMs(), "the latest time inside the turn");
        assertEquals("About two hundred.\n[00:02:05] more about the winter", said(text, turns.get(1)));
    }

    @Test
    void subtitleCuesKeepStartAndEndTimes() {
        String text = "[00:00:01.000 --> 00:00:04.500] Interviewer: 您好。\n\n[00:00:05.000 --> 00:00:09.250] 巴特尔: 你好，你好。\n\n[00:00:09.300 --> 00:00:12.000] 我们家五口人。\n\n[00:00:12.100 --> 00:00:13.000] Interviewer: 好的。\n";
        List<TurnDetector.Found> turns = TurnDetector.detect(text);
        assertEquals(List.of("Interviewer", "巴特尔", "Interviewer"), turns.stream().map(TurnDetector.Found::speaker).toList());
        assertEquals(1_000L, turns.get(0).timeStartMs());
        assertEquals(4_500L, turns.get(0).timeEndMs());
        assertEquals(5_000L, turns.get(1).timeStartMs());
        assertEquals(12_000L, turns.get(1).timeEndMs(), "the unlabelled cue belongs to the turn before it");
        assertEquals("你好，你好。\n\n[00:00:09.300 --> 00:00:12.000] 我们家五口人。", said(text, turns.get(1)));
    }

    @Test
    void aTimestampAloneOnTheLineBeforeTheLabelHeadsTheTurn() {
        String text = "[00:00:00:02]\nCDR: The clock is running.\n\n[00:00:00:03]\nCMP: Okay.\n\n[00:00:00:05]\nCDR: Yaw program.\n";
        List<TurnDetector.Found> turns = TurnDetector.detect(text);
        assertEquals(List.of("CDR", "CMP", "CDR"), turns.stream().map(TurnDetector.Found::speaker).toList());
        assertEquals("The clock is running.", said(text, turns.get(0)), "the next turn's timestamp line is not part of this one");
        assertEquals(3_000L, turns.get(1).timeStartMs());
    }

    @Test
    void labelsAloneOnTheirLineAsTranscriptionServicesWriteThem() {
        String text = "INTERVIEW 1\n\nInterviewee 1 00:00\n\nA sewer project called the pipeline.\n\nInterviewer 1 02:56\n\nSo like with the new subdivisions?\n\nInterviewee 1 02:59\n\nThat's what I'm worried about.\n\nInterviewer 1 03:10\n\nOkay.\n";
        List<TurnDetector.Found> turns = TurnDetector.detect(text);
        assertEquals(List.of("Interviewee 1", "Interviewer 1", "Interviewee 1", "Interviewer 1"), turns.stream().map(TurnDetector.Found::speaker).toList());
        assertEquals("A sewer project called the pipeline.", said(text, turns.get(0)));
        assertEquals(176_000L, turns.get(1).timeStartMs());

        String plain = "Interviewer\nAnd we're good to go.\n\nInterviewee\nSo we use the water.\n\nInterviewer\nHow do you get it?\n\nInterviewee\nWe pack it.\n";
        assertEquals(Map.of("Interviewer", 2, "Interviewee", 2), speakers(TurnDetector.detect(plain)));

        String list = "A nested list:\na\naa\nb\nc\nInterviewer\nthe only one\n";
        assertEquals(List.of(), TurnDetector.detect(list), "single letters and one-off headings alone on a line are no speakers");
    }

    @Test
    void positionsAreCodePointsAndTheLabelIsNotPartOfTheTurn() {
        String text = "🐑🐑 头\n受访者：𠀀我们家🐎三匹。\n访谈者：好。\n";
        List<TurnDetector.Found> turns = TurnDetector.detect(text);
        assertEquals(2, turns.size());
        TurnDetector.Found t = turns.getFirst();
        assertEquals(9, t.start(), "🐑🐑 count one each");
        assertEquals("𠀀我们家🐎三匹。", said(text, t));
        assertEquals(t.start() + "𠀀我们家🐎三匹。".codePointCount(0, "𠀀我们家🐎三匹。".length()), t.end());
    }

    @Test
    void mongolianRolesAreRecognised() {
        String text = "Асуулт: Танай өрх хэдэн малтай вэ?\nХариулт: Бид хорин үхэртэй.\n";
        assertEquals(Map.of("Асуулт", 1, "Хариулт", 1), speakers(TurnDetector.detect(text)));
    }

    @Test
    void labelsForSeveralPeopleStartWithARoleAndLowerCaseWordsAreNoNames() {
        String text = "Interviewer:\nHow do you get water?\n\nInterviewee 1 and/or Interviewee 2:\nFrom the lake.\n\n"
                + "Interviewee 1 or Interviewee 2 or Interviewee 3:\nWe haul it.\n\nis: close the valve\nis: open it\n";
        List<TurnDetector.Found> turns = TurnDetector.detect(text);
        assertEquals(List.of("Interviewer", "Interviewee 1 and/or Interviewee 2", "Interviewee 1 or Interviewee 2 or Interviewee 3"),
                turns.stream().map(TurnDetector.Found::speaker).toList());
        assertEquals("We haul it.\n\nis: close the valve\nis: open it", said(text, turns.get(2)));
    }
}
