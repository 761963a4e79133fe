package org.tamga.util;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The one rule for spreadsheet cells (ADR 35). */
class SpreadsheetCellsTest {

    @Test
    void textThatASpreadsheetWouldRunGetsAQuote() {
        for (String s : List.of("=HYPERLINK(\"http://x\",\"y\")", "+SUM(1,2)", "@SUM(1,2)", "=cmd|' /C calc'!A0", "-2+3",
                "\tled by a tab", "\rled by a return", "-5 goats", "+", "-", "=", "@", "- I said so")) {
            assertTrue(SpreadsheetCells.dangerous(s), s);
            assertEquals("'" + s, SpreadsheetCells.neutralise(s));
            assertEquals("'" + s, SpreadsheetCells.neutralise((Object) s));
        }
    }

    @Test
    void numbersAndPlainTextStayAsTheyAre() {
        assertEquals(-5, SpreadsheetCells.neutralise((Object) (-5)));
        assertEquals(0.25, SpreadsheetCells.neutralise((Object) 0.25));
        for (String s : List.of("-5", "+3", "-2.5", "+3.25", "-1e3", "-.5", "12", "code", "贫困", "a=b", "'quoted", " =1", ""))
            assertEquals(s, SpreadsheetCells.neutralise(s), s);
        assertEquals("", SpreadsheetCells.neutralise((String) null));
        assertEquals("", SpreadsheetCells.neutralise((Object) null));
    }
}
