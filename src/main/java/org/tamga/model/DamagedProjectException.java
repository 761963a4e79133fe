package org.tamga.model;

import java.nio.file.Path;
import java.time.Instant;

/**
 * A project file that SQLite's check found damaged: Tamga refuses to open it (and so never writes
 * to it). The message says what is wrong and, when there is one, names the newest good backup and
 * the command that restores it; the window offers to restore that backup.
 */
public final class DamagedProjectException extends TamgaException {
    private final transient Path file;
    private final transient Path backup;
    private final Instant backupMade;
    private final String problem;
    private final int backupDocuments;
    private final int backupCodings;

    /**
     * @param backup     the newest backup that passes SQLite's check, or null if there is none
     * @param backupMade when it was made (null with it)
     * @param backupDocuments  the documents it holds (0 without it)
     * @param backupCodings    the codings it holds
     */
    public DamagedProjectException(String message, Path file, String problem, Path backup, Instant backupMade,
                                   int backupDocuments, int backupCodings) {
        super(message);
        this.file = file;
        this.problem = problem;
        this.backup = backup;
        this.backupMade = backupMade;
        this.backupDocuments = backupDocuments;
        this.backupCodings = backupCodings;
    }

    public Path file() { return file; }

    /** SQLite's words for what is wrong. */
    public String problem() { return problem; }

    /** The newest good backup, or null. */
    public Path backup() { return backup; }

    public Instant backupMade() { return backupMade; }

    public int backupDocuments() { return backupDocuments; }

    public int backupCodings() { return backupCodings; }
}
