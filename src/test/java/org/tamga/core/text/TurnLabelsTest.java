package org.tamga.core.text;

import org.junit.jupiter.api.Test;
import org.tamga.model.Turn;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Where speaker labels are written, found from the turns the detector gives. */
class TurnLabelsTest {
    static List<Turn> turns(String text) {
        List<Turn> out = new ArrayList<>();
        long id = 1;
        for (TurnDetector.Found f : TurnDetector.detect(text)) out.add(new Turn(id++, 1, f.speaker(), f.start(), f.end(), f.timeStartMs(), f.timeEndMs()));
        return out;
    }

    static List<String> labels(String text) {
        int[] r = TurnLabels.ranges(text, turns(text));
        List<String> out = new ArrayList<>();
        for (int i = 0; i < r.length; i += 2) out.add(text.substring(text.offsetByCodePoints(0, r[i]), text.offsetByCodePoints(0, r[i + 1])));
        return out;
    }

    @Test
    void aLabelBeforeAColonWithItsTimestamp() {
        assertEquals(List.of("访谈者：", "受访者："), labels("🐑 访谈记录\n访谈者：您好。\n受访者：你好。\n"));
        assertEquals(List.of("[00:01:23] Interviewer: ", "[00:01:30] Respondent: "),
                labels("[00:01:23] Interviewer: Hello.\n[00:01:30] Respondent: Hi.\n"));
    }

    @Test
    void aLabelAloneOnTheLineBeforeItsTurn() {
        String text = "Interviewer\nHow are you?\n\nInterviewer\nAnd the sheep?\n";
        assertEquals(List.of("Interviewer\n", "Interviewer\n"), labels(text));
    }

    @Test
    void noTurnsNoLabels() {
        assertArrayEquals(new int[0], TurnLabels.ranges("just notes\n", List.of()));
        // a turn that starts the text has no line before it
        assertArrayEquals(new int[0], TurnLabels.ranges("abc\n", List.of(new Turn(1, 1, "x", 0, 3, null, null))));
    }
}
