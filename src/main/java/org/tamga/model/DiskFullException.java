package org.tamga.model;

import java.nio.file.Path;

/**
 * A write that failed because the disk it went to is full (SQLite's {@code SQLITE_FULL}, or the
 * system's "no space left on device"). The message names the file whose disk is full and says
 * what was not saved; nothing was half-written (an edit's transaction was rolled back, a file
 * written beside its target was removed).
 */
public final class DiskFullException extends TamgaException {
    private final transient Path where;

    /**
     * @param where  the file that was being written (the project, an export, a backup, the index folder)
     * @param what   what did not happen, in plain words ("the change was not saved")
     */
    public DiskFullException(Path where, String what, Throwable cause) {
        super("The disk holding " + where + " is full: " + what + ". Free some space on it and try again.", cause);
        this.where = where;
    }

    /** The file (or folder) whose disk is full. */
    public Path where() { return where; }
}
