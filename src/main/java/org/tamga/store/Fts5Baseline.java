package org.tamga.store;

import org.sqlite.SQLiteConfig;
import org.tamga.model.TamgaException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * SQLite FTS5 over a set of texts, in a database file of its own: the obvious alternative to
 * Lucene, kept only so that the benchmark ({@code tamga bench}) can measure Tamga against it on the
 * same texts. It is never part of a project and never opened by anything else.
 *
 * <p>The table uses FTS5's {@code unicode61} tokenizer with diacritics removed (case and accents
 * folded, as Tamga's index does). Hits come back ranked by FTS5's BM25 with the text marked by
 * {@code highlight()}: {@link #OPEN} before and {@link #CLOSE} after every matched phrase, which is
 * how positions are had from FTS5 in SQL.
 */
public final class Fts5Baseline implements AutoCloseable {
    public static final char OPEN = '\u0002';
    public static final char CLOSE = '\u0003';
    private static final int BATCH = 500;

    private final Connection connection;
    private PreparedStatement insert;
    private int pending;

    private Fts5Baseline(Connection connection) { this.connection = connection; }

    /** Creates a new, empty FTS5 database in {@code file} (an existing file is replaced). */
    public static Fts5Baseline create(Path file) {
        try {
            Files.deleteIfExists(file);
            Files.deleteIfExists(file.resolveSibling(file.getFileName() + "-journal"));
        } catch (IOException e) {
            throw new TamgaException("Cannot replace " + file + ": " + e.getMessage(), e);
        }
        Fts5Baseline fts = open(file);
        try (Statement st = fts.connection.createStatement()) {
            st.execute("CREATE VIRTUAL TABLE fts USING fts5(text, tokenize = 'unicode61 remove_diacritics 2')");
            fts.connection.setAutoCommit(false);
        } catch (SQLException e) {
            fts.close();
            throw new TamgaException("Cannot create the FTS5 table in " + file + ": " + e.getMessage(), e);
        }
        return fts;
    }

    /** Opens an FTS5 database made by {@link #create}. */
    public static Fts5Baseline open(Path file) {
        SQLiteConfig config = new SQLiteConfig();
        // a throw-away database: no journal, no syncs (generous to the baseline when it is built)
        config.setJournalMode(SQLiteConfig.JournalMode.OFF);
        config.setSynchronous(SQLiteConfig.SynchronousMode.OFF);
        try {
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), config.toProperties());
            try (Statement st = c.createStatement()) {
                st.execute("PRAGMA mmap_size = 1073741824");
                st.execute("PRAGMA cache_size = -65536");
            }
            return new Fts5Baseline(c);
        } catch (SQLException e) {
            throw new TamgaException("Cannot open " + file + ": " + e.getMessage(), e);
        }
    }

    /** Adds one text under {@code id}; committed in batches and by {@link #finish}. */
    public void add(long id, String text) {
        try {
            if (insert == null) insert = connection.prepareStatement("INSERT INTO fts(rowid, text) VALUES (?, ?)");
            insert.setLong(1, id);
            insert.setString(2, text);
            insert.executeUpdate();
            if (++pending >= BATCH) { connection.commit(); pending = 0; }
        } catch (SQLException e) {
            throw new TamgaException("Cannot add a text to the FTS5 table: " + e.getMessage(), e);
        }
    }

    /** Commits what was added and merges the index's segments (as Lucene merges its own). */
    public void finish() {
        try (Statement st = connection.createStatement()) {
            if (insert != null) { insert.close(); insert = null; }
            st.execute("INSERT INTO fts(fts) VALUES ('optimize')");
            connection.commit();
            connection.setAutoCommit(true);
            pending = 0;
        } catch (SQLException e) {
            throw new TamgaException("Cannot finish the FTS5 table: " + e.getMessage(), e);
        }
    }

    /** Told about each matching text, best first; returns false to stop. */
    @FunctionalInterface
    public interface Visitor {
        boolean visit(long id, String highlighted);
    }

    /**
     * Runs an FTS5 query ({@code MATCH} syntax) and hands each matching text, ranked by BM25, with
     * {@link #OPEN} and {@link #CLOSE} around every match, to {@code visitor} until it says stop.
     */
    public void search(String match, Visitor visitor) {
        try (PreparedStatement ps = connection.prepareStatement("SELECT rowid, highlight(fts, 0, char(2), char(3)) "
                + "FROM fts WHERE fts MATCH ? ORDER BY rank")) {
            ps.setString(1, match);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) if (!visitor.visit(rs.getLong(1), rs.getString(2))) break;
            }
        } catch (SQLException e) {
            throw new TamgaException("The FTS5 query \u201C" + match + "\u201D failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            if (insert != null) insert.close();
            connection.close();
        } catch (SQLException e) {
            throw new TamgaException("Cannot close the FTS5 database: " + e.getMessage(), e);
        }
    }
}
