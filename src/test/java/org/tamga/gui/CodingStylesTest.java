package org.tamga.gui;

import org.junit.jupiter.api.Test;
import org.tamga.core.text.Positions;
import org.tamga.model.Code;
import org.tamga.model.Codebook;
import org.tamga.model.Coding;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class CodingStylesTest {
    static final Codebook BOOK = new Codebook(List.of(
            new Code(1, "g1", null, "A", null, "#AABBCC", true, 0, null),
            new Code(2, "g2", null, "B", null, "#112233", true, 1, null),
            new Code(3, "g3", null, "C", null, null, true, 2, null)));

    static Coding coding(long id, long code, int start, int end) {
        return new Coding(id, "c" + id, 1, code, 1, start, end, null, Instant.EPOCH);
    }

    @Test
    void overlapsAreDistinctAndRunsCoverTheRangeExactly() {
        String text = "0123456789abcdefghij";
        List<Coding> codings = List.of(coding(1, 1, 2, 12), coding(2, 2, 5, 8), coding(3, 3, 6, 7));
        List<CodingStyles.Run> runs = CodingStyles.runs(codings, BOOK, new Positions(text), 0, text.length());
        assertEquals(text.length(), runs.stream().mapToInt(CodingStyles.Run::length).sum());
        assertEquals(List.of(2, 3, 1, 1, 1, 4, 8), runs.stream().map(CodingStyles.Run::length).toList());
        assertEquals("", runs.get(0).style());
        assertEquals("-rtfx-background-color: #AABBCC;", runs.get(1).style());
        assertTrue(runs.get(2).style().startsWith("-rtfx-background-color: #112233;"), "innermost coding gives the background");
        assertTrue(runs.get(2).style().contains("-rtfx-underline-color: #66707A"), "the other code underlines: " + runs.get(2).style());
        assertTrue(runs.get(3).style().contains("dash-array"), "three overlapping codes: dashed");
        assertTrue(runs.get(3).style().startsWith("-rtfx-background-color: " + CodingStyles.DEFAULT_COLOUR), "a code without colour gets the default");
    }

    @Test
    void aPartialRangeIsStyledInUtf16UnitsAfterCharactersOutsideTheBmp() {
        String text = "🐑🐑ab草场cd";
        // coding of 草场: code points 4..6, UTF-16 6..8
        List<CodingStyles.Run> runs = CodingStyles.runs(List.of(coding(1, 1, 4, 6)), BOOK, new Positions(text), 4, text.length());
        assertEquals(List.of(2, 2, 2), runs.stream().map(CodingStyles.Run::length).toList());
        assertEquals("", runs.get(0).style());
        assertFalse(runs.get(1).style().isEmpty());
    }
}
