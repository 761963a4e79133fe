package org.tamga.store;

import org.tamga.model.Turn;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Speaker turns: who said which passage of a document. */
public final class TurnRepository {
    private static final String COLUMNS = "id, document_id, speaker, start_pos, end_pos, time_start_ms, time_end_ms";
    private final ProjectStore store;

    TurnRepository(ProjectStore store) { this.store = store; }

    /** A turn found in a document's text before it is stored. */
    public record NewTurn(String speaker, int start, int end, Long timeStartMs, Long timeEndMs) {}

    /** Rows of one INSERT statement, at most: a document's turns are stored a few statements at a time, not one each. */
    private static final int ROWS = 64;
    private static final String[] INSERT_ROWS = new String[ROWS + 1];

    private static String insertRows(int rows) {
        String sql = INSERT_ROWS[rows];
        if (sql == null) {
            sql = "INSERT INTO turn(document_id, speaker, start_pos, end_pos, time_start_ms, time_end_ms) VALUES "
                    + String.join(",", java.util.Collections.nCopies(rows, "(?,?,?,?,?,?)"));
            INSERT_ROWS[rows] = sql;
        }
        return sql;
    }

    /** Stores the turns of one document (joins the caller's transaction, so a document and its turns are stored together). */
    public void insertAll(long documentId, List<NewTurn> turns) {
        store.inTransaction(() -> {
            for (int from = 0; from < turns.size(); from += ROWS) {
                List<NewTurn> rows = turns.subList(from, Math.min(turns.size(), from + ROWS));
                PreparedStatement ps = store.kept(insertRows(rows.size()));
                int i = 1;
                for (NewTurn t : rows) {
                    ps.setLong(i++, documentId);
                    ps.setString(i++, t.speaker());
                    ps.setInt(i++, t.start());
                    ps.setInt(i++, t.end());
                    setLong(ps, i++, t.timeStartMs());
                    setLong(ps, i++, t.timeEndMs());
                }
                ps.executeUpdate();
            }
            return null;
        });
    }

    private static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) ps.setNull(index, java.sql.Types.BIGINT);
        else ps.setLong(index, value);
    }

    public List<Turn> ofDocument(long documentId) {
        return query("SELECT " + COLUMNS + " FROM turn WHERE document_id = ? ORDER BY start_pos, id", documentId);
    }

    /** The turns of several documents, each document's in position order (documents without turns are left out). */
    public java.util.Map<Long, List<Turn>> ofDocuments(java.util.Collection<Long> documentIds) {
        java.util.Map<Long, List<Turn>> out = new java.util.HashMap<>();
        List<Long> ids = List.copyOf(documentIds);
        for (int from = 0; from < ids.size(); from += 500) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
            String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
            for (Turn t : query("SELECT " + COLUMNS + " FROM turn WHERE document_id IN (" + marks + ") ORDER BY document_id, start_pos, id", chunk.toArray())) {
                out.computeIfAbsent(t.documentId(), k -> new ArrayList<>()).add(t);
            }
        }
        return out;
    }

    /** The turns of a speaker (exact name) in all documents, in document and position order. */
    public List<Turn> ofSpeaker(String speaker) {
        return query("SELECT " + COLUMNS + " FROM turn WHERE speaker = ? ORDER BY document_id, start_pos, id", speaker);
    }

    public int count() {
        return store.inTransaction(() -> {
            try (PreparedStatement ps = store.prepare("SELECT count(*) FROM turn"); ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        });
    }

    /** One speaker's name, how many turns they have and in how many documents. */
    public record SpeakerCount(String speaker, int turns, int documents, long characters) {}

    /** Every speaker (of one document, or of all when documentId is null), most turns first. */
    public List<SpeakerCount> speakers(Long documentId) {
        return store.inTransaction(() -> {
            List<SpeakerCount> out = new ArrayList<>();
            try (PreparedStatement ps = store.prepare("SELECT speaker, count(*), count(DISTINCT document_id), "
                    + "sum(end_pos - start_pos) FROM turn WHERE (CAST(? AS BIGINT) IS NULL OR document_id = ?) GROUP BY speaker "
                    + "ORDER BY count(*) DESC, speaker")) {
                ProjectStore.bind(ps, documentId, documentId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(new SpeakerCount(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getLong(4)));
                }
            }
            return out;
        });
    }

    /** Renames a speaker (in one document, or everywhere when documentId is null); returns the turns changed. */
    public int rename(String from, String to, Long documentId) {
        return store.inTransaction(() -> store.update(
                "UPDATE turn SET speaker = ? WHERE speaker = ? AND (CAST(? AS BIGINT) IS NULL OR document_id = ?)", to, from, documentId, documentId));
    }

    private List<Turn> query(String sql, Object... params) {
        return store.inTransaction(() -> {
            List<Turn> out = new ArrayList<>();
            try (PreparedStatement ps = store.prepare(sql)) {
                ProjectStore.bind(ps, params);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(map(rs));
                }
            }
            return out;
        });
    }

    private static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private static Turn map(ResultSet rs) throws SQLException {
        return new Turn(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4), rs.getInt(5),
                nullableLong(rs, 6), nullableLong(rs, 7));
    }
}
