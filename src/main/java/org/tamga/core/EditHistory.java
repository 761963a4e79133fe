package org.tamga.core;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Undo and redo for the edits a researcher makes in a session: coding, uncoding, code changes,
 * memo edits. Each edit knows how to undo and redo itself through the core services. A new edit
 * clears the redo list. Not thread-safe: the window calls it from one background thread.
 */
public final class EditHistory {
    /** One undoable change. */
    public interface Edit {
        /** Short words for the menu: "Undo apply code “Health”". */
        String description();
        void undo();
        void redo();
    }

    /** Told after every change of the history. */
    public interface Listener { void changed(EditHistory history); }

    private final Deque<Edit> undo = new ArrayDeque<>();
    private final Deque<Edit> redo = new ArrayDeque<>();
    private final int limit;
    private Listener listener = h -> { };

    public EditHistory(int limit) { this.limit = limit; }

    public void setListener(Listener listener) { this.listener = listener; }

    /** Records an edit that has just been done. */
    public synchronized void done(Edit edit) {
        undo.push(edit);
        while (undo.size() > limit) undo.removeLast();
        redo.clear();
        listener.changed(this);
    }

    public synchronized boolean canUndo() { return !undo.isEmpty(); }
    public synchronized boolean canRedo() { return !redo.isEmpty(); }
    public synchronized String nextUndo() { return undo.isEmpty() ? null : undo.peek().description(); }
    public synchronized String nextRedo() { return redo.isEmpty() ? null : redo.peek().description(); }

    /** Undoes the last edit; returns it, or null when there is nothing to undo. */
    public synchronized Edit undo() {
        if (undo.isEmpty()) return null;
        Edit e = undo.pop();
        e.undo();
        redo.push(e);
        listener.changed(this);
        return e;
    }

    public synchronized Edit redo() {
        if (redo.isEmpty()) return null;
        Edit e = redo.pop();
        e.redo();
        undo.push(e);
        listener.changed(this);
        return e;
    }
}
