package org.tamga.store;

import org.sqlite.SQLiteConnection;
import org.tamga.model.DiskFullException;
import org.tamga.model.TamgaException;
import org.tamga.util.DiskSpace;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Whole project files, as SQLite sees them: a consistent copy ({@code VACUUM INTO}), SQLite's own
 * checks of a file ({@code PRAGMA quick_check} / {@code integrity_check}) and what a copy holds, and
 * putting a copy back. Every check and copy reads through a read-only connection, so a damaged
 * file is never written to (a read-only connection does not even checkpoint its journal). When,
 * how often and where copies are made is decided in the core ({@code core.Backups}, ADR 41).
 */
public final class ProjectFiles {
    private ProjectFiles() {}

    /** What a file is, as far as its check could tell. */
    public enum Kind {
        /** A Tamga project that SQLite's check found nothing wrong with. */
        OK,
        /** Not an SQLite database at all (another kind of file, or its first bytes are gone). */
        NOT_SQLITE,
        /** An SQLite database of another program. */
        NOT_TAMGA,
        /** A Tamga project that SQLite cannot read whole: {@link Check#problem} says what is wrong. */
        DAMAGED
    }

    /** The outcome of a check: {@code problem} is SQLite's words (null when the file is fine). */
    public record Check(Kind kind, String problem) {
        public boolean ok() { return kind == Kind.OK; }
        static final Check FINE = new Check(Kind.OK, null);
    }

    /** How thoroughly {@link #inspect} looks. */
    public enum Depth {
        /** Only what the file holds (counts read from it): listing many large backups stays quick. */
        COUNTS,
        /** {@code PRAGMA quick_check}: every page of every table, not whether each index matches its table. */
        QUICK,
        /** {@code PRAGMA integrity_check}: everything SQLite can check. */
        FULL
    }

    /** What a project file (or a copy) holds; the counts are -1 when they could not be read. */
    public record Contents(Check check, int version, String guid, String name, int documents, int codings) {}

    private static final byte[] MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    /** The largest number of SQLite's findings quoted in a message. */
    private static final int FINDINGS = 3;

    /**
     * Reads the file's 100-byte header without SQLite: whether it is an SQLite database, a Tamga
     * one, and whether the header itself is intact. Someone else's database is not even opened.
     */
    public static Check header(Path file) {
        byte[] h = new byte[100];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(h, 0, h.length);
        } catch (IOException e) {
            throw new TamgaException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        if (read < h.length || !Arrays.equals(Arrays.copyOf(h, MAGIC.length), MAGIC)) {
            return new Check(Kind.NOT_SQLITE, "it is not an SQLite database");
        }
        int pageSize = ((h[16] & 0xff) << 8) | (h[17] & 0xff);
        if (pageSize == 1) pageSize = 65_536;
        boolean sizeOk = pageSize >= 512 && pageSize <= 65_536 && Integer.bitCount(pageSize) == 1;
        boolean versionsOk = (h[18] == 1 || h[18] == 2) && (h[19] == 1 || h[19] == 2);
        if (!sizeOk || !versionsOk) return new Check(Kind.DAMAGED, "its first page (the header SQLite reads first) is damaged");
        int applicationId = ((h[68] & 0xff) << 24) | ((h[69] & 0xff) << 16) | ((h[70] & 0xff) << 8) | (h[71] & 0xff);
        if (applicationId == ProjectStore.APPLICATION_ID) return Check.FINE;
        // a newer first page may wait in the write-ahead log (a project just made): then SQLite must say
        if (!hasLog(file)) return new Check(Kind.NOT_TAMGA, "it is an SQLite database but not a Tamga project");
        try (Reading r = Reading.of(file)) {
            return intOf(r.connection, "PRAGMA application_id") == ProjectStore.APPLICATION_ID ? Check.FINE
                    : new Check(Kind.NOT_TAMGA, "it is an SQLite database but not a Tamga project");
        } catch (SQLException e) {
            return new Check(Kind.DAMAGED, "SQLite cannot read it (" + e.getMessage() + ")");
        }
    }

    private static boolean hasLog(Path file) {
        try {
            Path wal = sideFile(file, "-wal");
            return Files.isRegularFile(wal) && Files.size(wal) > 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** {@code PRAGMA quick_check} of a project file, through a read-only connection. */
    public static Check quickCheck(Path file) {
        Check header = header(file);
        if (!header.ok()) return header;
        Path wal = sideFile(file, "-wal"), shm = sideFile(file, "-shm");
        boolean hadSideFiles = Files.exists(wal) || Files.exists(shm);
        Check result;
        try (Reading r = Reading.of(file)) {
            result = check(r.connection, "quick_check");
        } catch (SQLException e) {
            result = new Check(Kind.DAMAGED, "SQLite cannot read it (" + e.getMessage() + ")");
        }
        if (!result.ok() && !hadSideFiles) {
            // a read-only connection cannot remove the empty side files it made; nobody else uses a file refused as damaged
            try {
                if (Files.isRegularFile(wal) && Files.size(wal) == 0) { Files.delete(wal); Files.deleteIfExists(shm); }
            } catch (IOException ignored) { /* harmless leftovers */ }
        }
        return result;
    }

    /** What a project file or a backup holds, checked to {@code depth}; never writes to it. */
    public static Contents inspect(Path file, Depth depth) {
        Check header = header(file);
        if (!header.ok()) return new Contents(header, -1, null, null, -1, -1);
        try (Reading r = Reading.of(file)) {
            Connection c = r.connection;
            Check check = switch (depth) {
                case COUNTS -> Check.FINE;
                case QUICK -> check(c, "quick_check");
                case FULL -> check(c, "integrity_check");
            };
            int version = intOf(c, "PRAGMA user_version");
            String guid = null, name = null;
            int documents = -1, codings = -1;
            try {
                try (PreparedStatement ps = c.prepareStatement("SELECT guid, name FROM project WHERE id = 1"); ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) { guid = rs.getString(1); name = rs.getString(2); }
                }
                documents = intOf(c, "SELECT count(*) FROM document");
                codings = intOf(c, "SELECT count(*) FROM coding");
            } catch (SQLException e) {
                if (check.ok()) check = new Check(Kind.DAMAGED, "SQLite cannot read it (" + e.getMessage() + ")");
            }
            if (check.ok() && guid == null) check = new Check(Kind.DAMAGED, "it has no project record");
            return new Contents(check, version, guid, name, documents, codings);
        } catch (SQLException e) {
            return new Contents(new Check(Kind.DAMAGED, "SQLite cannot read it (" + e.getMessage() + ")"), -1, null, null, -1, -1);
        }
    }

    private static int intOf(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    /** Runs {@code PRAGMA quick_check} or {@code integrity_check}; a failure to read counts as a finding. */
    private static Check check(Connection c, String pragma) {
        List<String> findings = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA " + pragma)) {
            while (rs.next()) {
                String line = rs.getString(1);
                if ("ok".equals(line)) continue;
                for (String part : line.split("\n")) if (!part.isBlank() && !part.startsWith("*** in database")) findings.add(part.strip());
            }
        } catch (SQLException e) {
            findings.add(e.getMessage());
        }
        if (findings.isEmpty()) return Check.FINE;
        String said = String.join("; ", findings.subList(0, Math.min(FINDINGS, findings.size())))
                + (findings.size() > FINDINGS ? "; and " + (findings.size() - FINDINGS) + " more" : "");
        return new Check(Kind.DAMAGED, "SQLite's check of the file found errors (" + said + ")");
    }

    /**
     * Writes a consistent copy of the project to {@code target} (which must not exist) with
     * {@code VACUUM INTO}: what is committed, the write-ahead log's content included, compacted,
     * in a file of its own that needs no side files. Other connections may go on working meanwhile.
     */
    public static void copy(Path project, Path target) {
        if (Files.exists(target)) throw new TamgaException("Cannot write the copy to " + target + ": the file exists already.");
        try (Reading r = Reading.of(project); PreparedStatement ps = r.connection.prepareStatement("VACUUM INTO ?")) {
            ps.setString(1, target.toAbsolutePath().toString());
            ps.executeUpdate();
        } catch (SQLException e) {
            try { Files.deleteIfExists(target); } catch (IOException ignored) { /* best effort: nothing half-written stays */ }
            if (ProjectStore.full(e)) throw new DiskFullException(target, "the copy of " + project.getFileName() + " was not written", e);
            throw new TamgaException("Could not copy " + project.getFileName() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes the pages of {@code backup} into {@code project} with SQLite's backup API, in one
     * transaction of the project: every connection that has the project open (another window, the
     * command line) sees it as a commit, its write-ahead log stays the project's own, and a crash
     * half-way leaves the project as it was. Needs a project whose first page SQLite can read.
     *
     * @return null when done, or SQLite's reason why not (then nothing was committed)
     */
    public static String restoreInPlace(Path project, Path backup) { return restoreInPlace(project, backup, 100); }

    /** … giving up after {@code busyTries} tries 100 ms apart while the project is busy (and then, as sqlite-jdbc does, possibly saying it is done: see {@link #sameContent}). */
    static String restoreInPlace(Path project, Path backup, int busyTries) {
        try (Reading r = Reading.of(backup)) {
            int rc = ((SQLiteConnection) r.connection).getDatabase().backup("main", project.toAbsolutePath().toString(), null, 100, busyTries, 1000);
            return rc == 0 ? null : "SQLite's backup interface ended with code " + rc;
        } catch (SQLException e) {
            return e.getMessage();
        }
    }

    /**
     * Whether two project files hold the same: the same schema version and, table by table, the
     * same rows in the same order (read through read-only connections, one row at a time). What
     * {@link #restoreInPlace} is checked with: sqlite-jdbc's backup gives up quietly when the project
     * stays busy (SQLite does not count a busy step as an error) and then reports success with
     * nothing copied — the crash harness found a restore acknowledged and not there (ADR 43).
     */
    public static boolean sameContent(Path a, Path b) {
        try (Reading ra = Reading.of(a); Reading rb = Reading.of(b)) {
            if (intOf(ra.connection, "PRAGMA user_version") != intOf(rb.connection, "PRAGMA user_version")) return false;
            List<String> tables = tables(ra.connection);
            if (!tables.equals(tables(rb.connection))) return false;
            for (String t : tables) {
                String sql = "SELECT * FROM \"" + t.replace("\"", "\"\"") + "\" ORDER BY rowid";
                try (Statement sa = ra.connection.createStatement(); Statement sb = rb.connection.createStatement();
                     ResultSet x = sa.executeQuery(sql); ResultSet y = sb.executeQuery(sql)) {
                    int columns = x.getMetaData().getColumnCount();
                    if (columns != y.getMetaData().getColumnCount()) return false;
                    while (true) {
                        boolean more = x.next();
                        if (more != y.next()) return false;
                        if (!more) break;
                        for (int i = 1; i <= columns; i++) {
                            if (!java.util.Objects.equals(x.getObject(i), y.getObject(i))
                                    && !Arrays.equals(x.getBytes(i), y.getBytes(i))) return false;
                        }
                    }
                }
            }
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private static List<String> tables(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")) {
            while (rs.next()) out.add(rs.getString(1));
        }
        return out;
    }

    /**
     * Replaces the project file by a copy of {@code backup}, for a project SQLite cannot open at all:
     * the copy is written beside it and synced, the project's own side files (its write-ahead log
     * and shared memory, which belong to the damaged file) are removed, and the copy is moved into
     * place in one step. Any program that still has the old file open keeps reading the old one.
     */
    public static void replace(Path project, Path backup) {
        Path target = project.toAbsolutePath();
        Path tmp = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            try (FileChannel in = FileChannel.open(backup, StandardOpenOption.READ);
                 FileChannel out = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW)) {
                long size = in.size();
                for (long done = 0; done < size; ) done += in.transferTo(done, size - done, out);
                out.force(true);
            }
            Files.deleteIfExists(sideFile(target, "-wal"));
            Files.deleteIfExists(sideFile(target, "-shm"));
            Files.deleteIfExists(sideFile(target, "-journal"));
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            if (DiskSpace.full(e)) throw new DiskFullException(project, backup.getFileName() + " was not put in place of it (the project is as it was)", e);
            throw new TamgaException("Could not put " + backup.getFileName() + " in place of " + project.getFileName() + ": " + e.getMessage(), e);
        } finally {
            try { Files.deleteIfExists(tmp); } catch (IOException ignored) { /* best effort */ }
        }
    }

    /** {@code study.tamga-wal}, {@code study.tamga-shm}: the files SQLite keeps beside a project while it is open. */
    public static Path sideFile(Path project, String suffix) {
        return project.resolveSibling(project.getFileName() + suffix);
    }
}
