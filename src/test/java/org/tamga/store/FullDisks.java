package org.tamga.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A real {@code SQLITE_FULL} on a real file, for tests: SQLite's {@code max_page_count} caps how
 * large the file may grow through this connection, and a write past it fails exactly as on a full
 * disk (SQLite rolls the transaction back and reports {@code SQLITE_FULL}).
 */
public final class FullDisks {
    private FullDisks() {}

    /** From now on the project may grow by at most {@code pages} pages through this store's connection. */
    public static void fillUpAfter(ProjectStore store, int pages) {
        try (PreparedStatement count = store.prepare("PRAGMA page_count"); ResultSet rs = count.executeQuery()) {
            rs.next();
            int now = rs.getInt(1);
            try (PreparedStatement cap = store.prepare("PRAGMA max_page_count = " + (now + pages)); ResultSet r = cap.executeQuery()) {
                r.next();
                if (r.getInt(1) != now + pages) throw new IllegalStateException("SQLite did not take the cap: " + r.getInt(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
