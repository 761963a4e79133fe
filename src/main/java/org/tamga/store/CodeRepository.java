package org.tamga.store;

import org.tamga.model.Code;
import org.tamga.model.Codebook;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The codes of the codebook. */
public final class CodeRepository {
    private final ProjectStore store;

    CodeRepository(ProjectStore store) { this.store = store; }

    public Codebook codebook() {
        return store.inTransaction(() -> {
            List<Code> codes = new ArrayList<>();
            try (PreparedStatement ps = store.prepare("SELECT id, guid, parent_id, name, description, color, "
                    + "codable, sort_order, memo FROM code"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) codes.add(map(rs));
            }
            return new Codebook(codes);
        });
    }

    /** Inserts a code; a null guid gets a new one; the order puts it after its siblings. */
    public Code insert(String guid, Long parentId, String name, String description, String color, boolean codable) {
        return store.inTransaction(() -> {
            int order;
            try (PreparedStatement ps = store.prepare(
                    "SELECT coalesce(max(sort_order), -1) + 1 FROM code WHERE parent_id IS NOT DISTINCT FROM ?")) {
                ps.setObject(1, parentId);
                try (ResultSet rs = ps.executeQuery()) { order = rs.next() ? rs.getInt(1) : 0; }
            }
            String g = guid == null ? ProjectStore.newGuid() : guid;
            try (PreparedStatement ps = store.prepare("INSERT INTO code(guid, parent_id, name, description, color, "
                    + "codable, sort_order) VALUES (?,?,?,?,?,?,?)")) {
                ProjectStore.bind(ps, g, parentId, name, description, color, codable ? 1 : 0, order);
                ps.executeUpdate();
            }
            // the one row, not the whole codebook: a codebook of thousands of codes is imported one insert at a time
            try (PreparedStatement ps = store.prepare("SELECT id, guid, parent_id, name, description, color, "
                    + "codable, sort_order, memo FROM code WHERE guid = ?")) {
                ps.setString(1, g);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) throw new SQLException("the code just inserted is not there: " + g);
                    return map(rs);
                }
            }
        });
    }

    public void update(Code code) {
        store.update("UPDATE code SET parent_id = ?, name = ?, description = ?, color = ?, codable = ?, "
                        + "sort_order = ?, memo = ? WHERE id = ?",
                code.parentId(), code.name(), code.description(), code.color(), code.codable() ? 1 : 0,
                code.order(), code.memo(), code.id());
    }

    /** Deletes a code, its child codes and (through the foreign keys) all their codings. */
    public void delete(long codeId) {
        store.update("DELETE FROM code WHERE id = ?", codeId);
    }

    private static Code map(ResultSet rs) throws SQLException {
        long parent = rs.getLong(3);
        Long parentId = rs.wasNull() ? null : parent;
        return new Code(rs.getLong(1), rs.getString(2), parentId, rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getInt(7) != 0, rs.getInt(8), rs.getString(9));
    }
}
