package org.tamga.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A connection that only reads a project file, wherever the file is (ADR 45). SQLite reads a
 * project in WAL mode through shared memory kept in a file beside it ({@code -shm}); where that file
 * cannot be made — a folder that cannot be written, read-only media — a read-only connection cannot
 * even open the project. There:
 * <ul>
 * <li>a project whose write-ahead log is empty or absent (every project Tamga closed) is opened
 *     {@code immutable}: SQLite reads the file alone, without locks or shared memory, which is
 *     right because nothing can change a file in a place where SQLite cannot write;</li>
 * <li>a project whose log still holds commits (a Tamga that was killed, then the folder made
 *     read-only or the disk ejected) is copied, log and all, into a temporary folder, and the copy
 *     is read: an immutable connection would not see the commits in the log.</li>
 * </ul>
 * Anywhere else the connection is an ordinary read-only one, which sees other processes' commits.
 */
final class Reading implements AutoCloseable {
    final Connection connection;
    /** The temporary folder of a copy, deleted on close; null when the file itself is read. */
    private Path scratch;

    private Reading(Connection connection, Path scratch) {
        this.connection = connection;
        this.scratch = scratch;
    }

    /** How the file is read: what a message or a test may want to know. */
    enum How { READ_ONLY, IMMUTABLE, COPY }

    private How how = How.READ_ONLY;

    How how() { return how; }

    static Reading of(Path file) throws SQLException {
        SQLException failure;
        try {
            return new Reading(probed(ProjectStore.connect(file, true)), null);
        } catch (SQLException e) {
            failure = e;
        }
        if (!unwritablePlace(file)) throw failure;
        try {
            if (!logHasCommits(file)) {
                Reading r = new Reading(probed(immutable(file)), null);
                r.how = How.IMMUTABLE;
                return r;
            }
            Reading r = copy(file);
            r.how = How.COPY;
            return r;
        } catch (SQLException | IOException e) {
            failure.addSuppressed(e);
            throw failure;
        }
    }

    /** Whether SQLite cannot write beside the file: its folder cannot be written, or the disk is read-only. */
    static boolean unwritablePlace(Path file) {
        Path folder = file.toAbsolutePath().getParent();
        if (folder == null || !Files.isWritable(folder)) return true;
        try {
            return Files.getFileStore(file).isReadOnly();
        } catch (IOException e) {
            return false;
        }
    }

    static boolean logHasCommits(Path file) {
        try {
            Path wal = ProjectFiles.sideFile(file, "-wal");
            return Files.isRegularFile(wal) && Files.size(wal) > 0;
        } catch (IOException e) {
            return true; // cannot tell: read a copy, which is right either way
        }
    }

    /** Opens the connection's first page now, so that a file SQLite cannot read fails here and not at the first query. */
    private static Connection probed(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM sqlite_schema")) {
            rs.next();
            return c;
        } catch (SQLException e) {
            c.close();
            throw e;
        }
    }

    /** SQLite's {@code immutable=1}: the file is read as it is, never locked, never written (its name as a URI, percent-encoded). */
    private static Connection immutable(Path file) throws SQLException {
        String uri = "file:" + file.toAbsolutePath().toUri().getRawPath() + "?immutable=1";
        return DriverManager.getConnection("jdbc:sqlite:" + uri, ProjectStore.settings(true).toProperties());
    }

    private static Reading copy(Path file) throws IOException, SQLException {
        Path scratch = Files.createTempDirectory("tamga-read");
        try {
            Path copy = scratch.resolve("copy" + ProjectStore.EXTENSION);
            Files.copy(file, copy);
            Files.copy(ProjectFiles.sideFile(file, "-wal"), ProjectFiles.sideFile(copy, "-wal"));
            return new Reading(probed(ProjectStore.connect(copy, true)), scratch);
        } catch (IOException | SQLException | RuntimeException e) {
            deleteFolder(scratch);
            throw e;
        }
    }

    /** Hands the temporary folder (if any) to whoever closes the connection instead. */
    Path takeScratch() {
        Path s = scratch;
        scratch = null;
        return s;
    }

    static void deleteFolder(Path folder) {
        if (folder == null) return;
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a temporary folder: the system cleans it up
        }
    }

    @Override
    public void close() throws SQLException {
        try {
            connection.close();
        } finally {
            deleteFolder(scratch);
        }
    }
}
