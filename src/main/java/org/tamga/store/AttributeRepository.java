package org.tamga.store;

import org.tamga.model.Attribute;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
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

    private final AttributeValues values;

    AttributeRepository(ProjectStore store) {
        this.store = store;
        this.values = new AttributeValues(store, "document_attribute", "document_id");
    }

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

    public void setDescription(long attributeId, String description) {
        store.inTransaction(() -> store.update("UPDATE attribute SET description = ? WHERE id = ?", description, attributeId));
    }

    /** Sets (or, with a null value, removes) a document's value of an attribute. */
    public void setDocumentValue(long documentId, long attributeId, String value) { values.set(documentId, attributeId, value); }

    /** A document's own values: attribute id → value, in the attributes' order. */
    public Map<Long, String> documentValues(long documentId) { return values.of(documentId).getOrDefault(documentId, Map.of()); }

    /** Every document's own values: document id → (attribute id → value). */
    public Map<Long, Map<Long, String>> allDocumentValues() { return values.of(null); }

    private static Attribute map(ResultSet rs) throws SQLException {
        return new Attribute(rs.getLong(1), rs.getString(2), rs.getString(3), Attribute.Type.of(rs.getString(4)), rs.getString(5));
    }
}
