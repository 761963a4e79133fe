package org.tamga.store;

import org.tamga.model.Memo;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Free-standing project memos. */
public final class MemoRepository {
    private final ProjectStore store;

    MemoRepository(ProjectStore store) { this.store = store; }

    public Memo insert(String title, String text, Long coderId) {
        return store.inTransaction(() -> {
            String guid = ProjectStore.newGuid();
            String now = ProjectStore.timestamp(Instant.now());
            store.update("INSERT INTO memo(guid, title, text, coder_id, created_at, modified_at) VALUES (?,?,?,?,?,?)",
                    guid, title, text, coderId, now, now);
            return all().stream().filter(m -> m.guid().equals(guid)).findFirst().orElseThrow();
        });
    }

    /** Inserts a memo as another tool or file has it: its GUID and times kept. */
    public Memo insert(String guid, String title, String text, Long coderId, Instant createdAt, Instant modifiedAt) {
        return store.inTransaction(() -> {
            String g = guid == null ? ProjectStore.newGuid() : guid;
            Instant created = createdAt == null ? Instant.now() : createdAt;
            store.update("INSERT INTO memo(guid, title, text, coder_id, created_at, modified_at) VALUES (?,?,?,?,?,?)",
                    g, title, text, coderId, ProjectStore.timestamp(created),
                    ProjectStore.timestamp(modifiedAt == null ? created : modifiedAt));
            return all().stream().filter(m -> m.guid().equals(g)).findFirst().orElseThrow();
        });
    }

    public void update(long memoId, String title, String text) {
        store.update("UPDATE memo SET title = ?, text = ?, modified_at = ? WHERE id = ?",
                title, text, ProjectStore.timestamp(Instant.now()), memoId);
    }

    public void delete(long memoId) { store.update("DELETE FROM memo WHERE id = ?", memoId); }

    public List<Memo> all() {
        return store.inTransaction(() -> {
            List<Memo> out = new ArrayList<>();
            try (PreparedStatement ps = store.prepare("SELECT id, guid, title, text, coder_id, created_at, modified_at "
                    + "FROM memo ORDER BY created_at, id"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long coder = rs.getLong(5);
                    Long coderId = rs.wasNull() ? null : coder;
                    out.add(new Memo(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), coderId,
                            ProjectStore.instant(rs.getString(6)), ProjectStore.instant(rs.getString(7))));
                }
            }
            return out;
        });
    }
}
