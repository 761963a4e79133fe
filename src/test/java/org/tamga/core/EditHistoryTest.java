package org.tamga.core;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class EditHistoryTest {
    static EditHistory.Edit edit(String name, List<String> log) {
        return new EditHistory.Edit() {
            public String description() { return name; }
            public void undo() { log.add("undo " + name); }
            public void redo() { log.add("redo " + name); }
        };
    }

    @Test
    void undoAndRedoWalkTheEditsInOrderAndANewEditClearsRedo() {
        List<String> log = new ArrayList<>();
        List<Boolean> notified = new ArrayList<>();
        EditHistory h = new EditHistory(10);
        h.setListener(x -> notified.add(x.canUndo()));
        assertFalse(h.canUndo());
        assertNull(h.undo());
        h.done(edit("a", log));
        h.done(edit("b", log));
        assertEquals("b", h.nextUndo());
        assertEquals("b", h.undo().description());
        assertEquals("a", h.undo().description());
        assertFalse(h.canUndo());
        assertEquals("a", h.nextRedo());
        h.redo();
        assertEquals(List.of("undo b", "undo a", "redo a"), log);
        h.done(edit("c", log));
        assertFalse(h.canRedo(), "a new edit forgets what could be redone");
        assertEquals(6, notified.size());
    }

    @Test
    void theHistoryKeepsAtMostItsLimit() {
        List<String> log = new ArrayList<>();
        EditHistory h = new EditHistory(3);
        for (int i = 0; i < 5; i++) h.done(edit("e" + i, log));
        int undone = 0;
        while (h.undo() != null) undone++;
        assertEquals(3, undone);
        assertEquals(List.of("undo e4", "undo e3", "undo e2"), log);
    }
}
