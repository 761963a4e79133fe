package org.tamga.store;

import org.tamga.model.Attribute;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Attributes (REFI-QDA variables) and their values on documents; values on cases are kept by
 * {@link CaseRepository}. A value is stored as text, in the form its attribute's type gives it.
 */
public final class AttributeRepository {
    private static final String COLUMNS = "id, guid, name, type, description";
    private final ProjectStore store;

    AttributeRepository(ProjectStore store) { this.store = store; }

    /** Every attribute, in the order they were made. */
    public List<Attribute> all() {
        return store.inTransaction(() -> {
            List<Attribute> out = new ArrayList<>();
            try (PreparedStatement ps = store.prepare("SELECT " + COLUMNS + " FROM attribute ORDER BY id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(map(rs));
            }
            return out;
        });
    }

    /** The attribute with this name, in any case. */
    public Optional<Attribute> byName(String name) {
        return all().stream().filter(a -> a.name().equalsIgnoreCase(name.strip())).findFirst();
    }

    public Attribute insert(String guid, String name, Attribute.Type type, String description) {
        return store.inTransaction(() -> {
            store.update("INSERT INTO attribute(guid, name, type, description) VALUES (?, ?, ?, ?)",
                    guid == null ? ProjectStore.newGuid() : guid, name, type.word(), description);
            return byName(name).orElseThrow();
        });
    }

    /** Sets (or, with a null value, removes) a document's value of an attribute. */
    public void setDocumentValue(long documentId, long attributeId, String value) {
        store.inTransaction(() -> {
            if (value == null) {
                store.update("DELETE FROM document_attribute WHERE document_id = ? AND attribute_id = ?", documentId, attributeId);
            } else {
                store.update("INSERT INTO document_attribute(document_id, attribute_id, value) VALUES (?, ?, ?) "
                        + "ON CONFLICT(document_id, attribute_id) DO UPDATE SET value = excluded.value", documentId, attributeId, value);
            }
            return null;
        });
    }

    /** A document's own values: attribute id → value, in the attributes' order. */
    public Map<Long, String> documentValues(long documentId) {
        return store.inTransaction(() -> {
            Map<Long, String> out = new LinkedHashMap<>();
            try (PreparedStatement ps = store.prepare("SELECT attribute_id, value FROM document_attribute WHERE document_id = ? "
                    + "ORDER BY attribute_id")) {
                ProjectStore.bind(ps, documentId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.put(rs.getLong(1), rs.getString(2));
                }
            }
            return out;
        });
    }

    /** Every document's own values: document id → (attribute id → value). */
    public Map<Long, Map<Long, String>> allDocumentValues() {
        return store.inTransaction(() -> {
            Map<Long, Map<Long, String>> out = new HashMap<>();
            try (PreparedStatement ps = store.prepare("SELECT document_id, attribute_id, value FROM document_attribute "
                    + "ORDER BY document_id, attribute_id"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.computeIfAbsent(rs.getLong(1), k -> new LinkedHashMap<>()).put(rs.getLong(2), rs.getString(3));
            }
            return out;
        });
    }

    private static Attribute map(ResultSet rs) throws SQLException {
        return new Attribute(rs.getLong(1), rs.getString(2), rs.getString(3), Attribute.Type.of(rs.getString(4)), rs.getString(5));
    }
}
