package org.tamga.store;

import org.tamga.model.Coding;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Codings: a code applied by a coder to a passage of a document. */
public final class CodingRepository {
    private static final String COLUMNS =
            "id, guid, document_id, code_id, coder_id, start_pos, end_pos, memo, created_at";
    private final ProjectStore store;

    CodingRepository(ProjectStore store) { this.store = store; }

    public Coding insert(String guid, long documentId, long codeId, long coderId, int start, int end,
                         String memo, Instant createdAt) {
        return store.inTransaction(() -> {
            String g = guid == null ? ProjectStore.newGuid() : guid;
            store.update("INSERT INTO coding(guid, document_id, code_id, coder_id, start_pos, end_pos, memo, created_at) "
                            + "VALUES (?,?,?,?,?,?,?,?)", g, documentId, codeId, coderId, start, end, memo,
                    ProjectStore.timestamp(createdAt == null ? Instant.now() : createdAt));
            return byGuid(g).orElseThrow();
        });
    }

    /** A coding to insert in bulk (a new GUID and the current time are given to it). */
    public record NewCoding(long documentId, long codeId, long coderId, int start, int end) {}

    /**
     * Inserts many codings with one prepared statement (joins the caller's transaction); a coding
     * identical to one the document already has (same code, coder and positions) is left out.
     *
     * @return how many were inserted
     */
    public int insertAllNew(Collection<NewCoding> codings) {
        return store.inTransaction(() -> {
            int inserted = 0;
            String now = ProjectStore.timestamp(Instant.now());
            try (PreparedStatement ps = store.prepare("INSERT INTO coding(guid, document_id, code_id, coder_id, start_pos, end_pos, created_at) "
                    + "SELECT ?,?,?,?,?,?,? WHERE NOT EXISTS (SELECT 1 FROM coding WHERE document_id = ? AND start_pos = ? "
                    + "AND end_pos = ? AND code_id = ? AND coder_id = ?)")) {
                for (NewCoding c : codings) {
                    ProjectStore.bind(ps, ProjectStore.newGuid(), c.documentId(), c.codeId(), c.coderId(), c.start(), c.end(), now,
                            c.documentId(), c.start(), c.end(), c.codeId(), c.coderId());
                    inserted += ps.executeUpdate();
                }
            }
            return inserted;
        });
    }

    /**
     * Inserts codings as another copy of the project has them: their GUIDs, positions, memos and
     * times kept (their ids are not used; each gets a new one). Joins the caller's transaction.
     */
    public void insertAll(Collection<Coding> codings) {
        store.inTransaction(() -> {
            try (PreparedStatement ps = store.prepare("INSERT INTO coding(guid, document_id, code_id, coder_id, start_pos, end_pos, memo, created_at) "
                    + "VALUES (?,?,?,?,?,?,?,?)")) {
                for (Coding c : codings) {
                    ProjectStore.bind(ps, c.guid(), c.documentId(), c.codeId(), c.coderId(), c.start(), c.end(), c.memo(),
                            ProjectStore.timestamp(c.createdAt() == null ? Instant.now() : c.createdAt()));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    public Optional<Coding> byGuid(String guid) {
        List<Coding> rows = query("SELECT " + COLUMNS + " FROM coding WHERE guid = ?", guid);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.getFirst());
    }

    public List<Coding> all() {
        return query("SELECT " + COLUMNS + " FROM coding ORDER BY document_id, start_pos, end_pos, id");
    }

    /** Codings whose id is above {@code id}, by id: how a client of a shared project catches up with the others (ADR 48). */
    public List<Coding> since(long id) {
        return query("SELECT " + COLUMNS + " FROM coding WHERE id > ? ORDER BY id", id);
    }

    public List<Coding> ofDocument(long documentId) {
        return query("SELECT " + COLUMNS + " FROM coding WHERE document_id = ? ORDER BY start_pos, end_pos, id", documentId);
    }

    /** Codings of any of the given codes, in document and position order. */
    public List<Coding> ofCodes(Collection<Long> codeIds) {
        if (codeIds.isEmpty()) return List.of();
        String in = codeIds.stream().map(String::valueOf).collect(Collectors.joining(","));
        return query("SELECT " + COLUMNS + " FROM coding WHERE code_id IN (" + in + ") ORDER BY document_id, start_pos, end_pos, id");
    }

    /** Told about each coding's document, code and passage. */
    @FunctionalInterface
    public interface SpanVisitor { void visit(long documentId, long codeId, int start, int end); }

    /**
     * The document, code and positions of every coding (of these coders; of all when
     * {@code coderIds} is empty), in no particular order: what a report over many codings needs,
     * without reading GUIDs, memos or times.
     */
    public void forEachSpan(Collection<Long> coderIds, SpanVisitor visitor) {
        String where = coderIds.isEmpty() ? ""
                : " WHERE coder_id IN (" + coderIds.stream().map(String::valueOf).collect(Collectors.joining(",")) + ")";
        store.inTransaction(() -> {
            try (PreparedStatement ps = store.prepare("SELECT document_id, code_id, start_pos, end_pos FROM coding" + where);
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) visitor.visit(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getInt(4));
            }
            return null;
        });
    }

    public int count() {
        return store.inTransaction(() -> {
            try (PreparedStatement ps = store.prepare("SELECT count(*) FROM coding"); ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        });
    }

    /** Number of codings per code id. */
    public java.util.Map<Long, Integer> countsByCode() { return counts("code_id"); }

    /** Number of codings per document id. */
    public java.util.Map<Long, Integer> countsByDocument() { return counts("document_id"); }

    /** Number of codings per code id, of these coders only (of all when empty). */
    public java.util.Map<Long, Integer> countsByCode(Collection<Long> coderIds) { return counts("code_id", coderIds); }

    /** Number of codings per document id, of these coders only (of all when empty). */
    public java.util.Map<Long, Integer> countsByDocument(Collection<Long> coderIds) { return counts("document_id", coderIds); }

    private java.util.Map<Long, Integer> counts(String column) { return counts(column, List.of()); }

    private java.util.Map<Long, Integer> counts(String column, Collection<Long> coderIds) {
        String where = coderIds.isEmpty() ? ""
                : " WHERE coder_id IN (" + coderIds.stream().map(String::valueOf).collect(Collectors.joining(",")) + ")";
        return store.inTransaction(() -> {
            java.util.Map<Long, Integer> out = new java.util.HashMap<>();
            try (PreparedStatement ps = store.prepare("SELECT " + column + ", count(*) FROM coding" + where + " GROUP BY " + column);
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.put(rs.getLong(1), rs.getInt(2));
            }
            return out;
        });
    }

    public void setRange(long codingId, int start, int end) {
        store.update("UPDATE coding SET start_pos = ?, end_pos = ? WHERE id = ?", start, end, codingId);
    }

    public void setMemo(long codingId, String memo) {
        store.update("UPDATE coding SET memo = ? WHERE id = ?", memo, codingId);
    }

    public void setCode(long codingId, long codeId) {
        store.update("UPDATE coding SET code_id = ? WHERE id = ?", codeId, codingId);
    }

    public void delete(long codingId) {
        store.update("DELETE FROM coding WHERE id = ?", codingId);
    }

    private List<Coding> query(String sql, Object... params) {
        return store.inTransaction(() -> {
            List<Coding> out = new ArrayList<>();
            try (PreparedStatement ps = store.prepare(sql)) {
                ProjectStore.bind(ps, params);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(map(rs));
                }
            }
            return out;
        });
    }

    private static Coding map(ResultSet rs) throws SQLException {
        return new Coding(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                rs.getInt(6), rs.getInt(7), rs.getString(8), ProjectStore.instant(rs.getString(9)));
    }
}
