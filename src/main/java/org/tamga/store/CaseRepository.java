package org.tamga.store;

import org.tamga.model.Case;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Cases, the documents that belong to each, and the cases' attribute values. */
public final class CaseRepository {
    private final ProjectStore store;

    private final AttributeValues values;

    CaseRepository(ProjectStore store) {
        this.store = store;
        this.values = new AttributeValues(store, "case_attribute", "case_id");
    }

    /** Every case, by name. */
    public List<Case> all() {
        return store.inTransaction(() -> {
            List<Case> out = new ArrayList<>();
            try (PreparedStatement ps = store.prepare("SELECT id, guid, name, memo FROM cases ORDER BY name COLLATE NOCASE");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(new Case(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)));
            }
            return out;
        });
    }

    /** The case with this name, in any case. */
    public Optional<Case> byName(String name) {
        return all().stream().filter(c -> c.name().equalsIgnoreCase(name.strip())).findFirst();
    }

    public Case insert(String guid, String name, String memo) {
        return store.inTransaction(() -> {
            store.update("INSERT INTO cases(guid, name, memo) VALUES (?, ?, ?)", guid == null ? ProjectStore.newGuid() : guid, name, memo);
            return byName(name).orElseThrow();
        });
    }

    public void setMemo(long caseId, String memo) {
        store.inTransaction(() -> store.update("UPDATE cases SET memo = ? WHERE id = ?", memo, caseId));
    }

    /** Deletes a case with its values and its list of documents (the documents stay). */
    public void delete(long caseId) {
        store.inTransaction(() -> store.update("DELETE FROM cases WHERE id = ?", caseId));
    }

    /** Puts a document in a case; returns false when it was in it already. */
    public boolean addDocument(long caseId, long documentId) {
        return store.inTransaction(() -> store.update("INSERT OR IGNORE INTO case_document(case_id, document_id) VALUES (?, ?)",
                caseId, documentId) > 0);
    }

    /** Takes a document out of a case; returns false when it was not in it. */
    public boolean removeDocument(long caseId, long documentId) {
        return store.inTransaction(() -> store.update("DELETE FROM case_document WHERE case_id = ? AND document_id = ?",
                caseId, documentId) > 0);
    }

    /** Case id → ids of its documents (in the order they were imported), for every case that has documents. */
    public Map<Long, List<Long>> documents() {
        return store.inTransaction(() -> {
            Map<Long, List<Long>> out = new HashMap<>();
            try (PreparedStatement ps = store.prepare("SELECT case_id, document_id FROM case_document ORDER BY case_id, document_id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2));
            }
            return out;
        });
    }

    /** The cases a document belongs to, by name. */
    public List<Case> ofDocument(long documentId) {
        return store.inTransaction(() -> {
            List<Case> out = new ArrayList<>();
            try (PreparedStatement ps = store.prepare("SELECT c.id, c.guid, c.name, c.memo FROM cases c JOIN case_document cd ON cd.case_id = c.id "
                    + "WHERE cd.document_id = ? ORDER BY c.name COLLATE NOCASE")) {
                ProjectStore.bind(ps, documentId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(new Case(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                }
            }
            return out;
        });
    }

    /** Sets (or, with a null value, removes) a case's value of an attribute. */
    public void setValue(long caseId, long attributeId, String value) { values.set(caseId, attributeId, value); }

    /** Every case's values: case id → (attribute id → value). */
    public Map<Long, Map<Long, String>> values() { return values.of(null); }
}
