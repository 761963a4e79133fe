package org.tamga.store;

import org.tamga.model.CodeEvent;
import org.tamga.model.TamgaException;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** The history of the codes (ADR 46): appended to, never changed. */
public final class CodeHistoryRepository {
    private static final String COLUMNS = "id, guid, code_guid, kind, old_value, new_value, coder, at, detail";
    /** Oldest first; events of the same moment in the order they were written. */
    private static final Comparator<CodeEvent> ORDER = Comparator.comparing(CodeEvent::at).thenComparingLong(CodeEvent::id);

    private final ProjectStore store;

    CodeHistoryRepository(ProjectStore store) { this.store = store; }

    /** An event to write; a null guid gets a new one. */
    public record NewEvent(String guid, String codeGuid, CodeEvent.Kind kind, String oldValue, String newValue,
                           String coder, Instant at, String detail) {
        public NewEvent {
            Objects.requireNonNull(codeGuid, "codeGuid");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(coder, "coder");
            Objects.requireNonNull(at, "at");
        }
    }

    /** Appends an event and returns it as stored. */
    public CodeEvent add(NewEvent e) {
        return store.inTransaction(() -> {
            String guid = e.guid() == null ? ProjectStore.newGuid() : e.guid();
            try (PreparedStatement ps = store.prepare("INSERT INTO code_history(guid, code_guid, kind, old_value, new_value, coder, at, detail) "
                    + "VALUES (?,?,?,?,?,?,?,?)")) {
                ProjectStore.bind(ps, guid, e.codeGuid(), e.kind().word(), e.oldValue(), e.newValue(), e.coder(),
                        ProjectStore.timestamp(e.at()), e.detail());
                ps.executeUpdate();
            }
            return byGuid(guid);
        });
    }

    /** The history of one code, oldest first. */
    public List<CodeEvent> ofCode(String codeGuid) {
        return query("SELECT " + COLUMNS + " FROM code_history WHERE code_guid = ?", codeGuid);
    }

    /** The history of every code, deleted ones included, oldest first. */
    public List<CodeEvent> all() {
        return query("SELECT " + COLUMNS + " FROM code_history");
    }

    /** Whether an event of this GUID is kept. */
    public boolean exists(String guid) {
        return store.inTransaction(() -> {
            try (PreparedStatement ps = store.prepare("SELECT 1 FROM code_history WHERE guid = ?")) {
                ps.setString(1, guid);
                try (ResultSet rs = ps.executeQuery()) { return rs.next(); }
            }
        });
    }

    /**
     * Whether an event like this one is kept: the same code, kind, values and detail, and, when they
     * are given (not null), the same coder and time.
     */
    public boolean hasLike(NewEvent e, boolean sameCoderAndTime) {
        String sql = "SELECT 1 FROM code_history WHERE code_guid = ? AND kind = ? AND old_value IS NOT DISTINCT FROM ? AND new_value IS NOT DISTINCT FROM ? AND detail IS NOT DISTINCT FROM ?"
                + (sameCoderAndTime ? " AND coder = ? AND at = ?" : "") + " LIMIT 1";
        return store.inTransaction(() -> {
            try (PreparedStatement ps = store.prepare(sql)) {
                ProjectStore.bind(ps, e.codeGuid(), e.kind().word(), e.oldValue(), e.newValue(), e.detail());
                if (sameCoderAndTime) {
                    ps.setString(6, e.coder());
                    ps.setString(7, ProjectStore.timestamp(e.at()));
                }
                try (ResultSet rs = ps.executeQuery()) { return rs.next(); }
            }
        });
    }

    public int count() {
        return store.inTransaction(() -> {
            try (PreparedStatement ps = store.prepare("SELECT count(*) FROM code_history"); ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        });
    }

    /**
     * Since when the history is kept: the time the project's file was upgraded to keep it, or, for a
     * project made by a Tamga that keeps it, the time the project was created.
     */
    public Instant keptSince() {
        return store.inTransaction(() -> {
            try (PreparedStatement ps = store.prepare("SELECT coalesce(history_since, created_at) FROM project WHERE id = 1");
                 ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) throw new TamgaException(store.shownName() + " is damaged: it has no project record.");
                return ProjectStore.instant(rs.getString(1));
            }
        });
    }

    private CodeEvent byGuid(String guid) throws SQLException {
        List<CodeEvent> found = query("SELECT " + COLUMNS + " FROM code_history WHERE guid = ?", guid);
        if (found.isEmpty()) throw new SQLException("the event just written is not there: " + guid);
        return found.getFirst();
    }

    private List<CodeEvent> query(String sql, Object... params) {
        return store.inTransaction(() -> {
            List<CodeEvent> out = new ArrayList<>();
            try (PreparedStatement ps = store.prepare(sql)) {
                ProjectStore.bind(ps, params);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(map(rs));
                }
            }
            out.sort(ORDER);
            return out;
        });
    }

    private CodeEvent map(ResultSet rs) throws SQLException {
        CodeEvent.Kind kind = CodeEvent.Kind.of(rs.getString(4));
        if (kind == null) {
            throw new TamgaException(store.shownName() + " is damaged: a code's history has an event of an unknown kind (\u201C"
                    + rs.getString(4) + "\u201D).");
        }
        return new CodeEvent(rs.getLong(1), rs.getString(2), rs.getString(3), kind, rs.getString(5), rs.getString(6),
                rs.getString(7), ProjectStore.instant(rs.getString(8)), rs.getString(9));
    }
}
