package org.tamga.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The values of attributes held by one kind of owner: documents ({@code document_attribute}) or
 * cases ({@code case_attribute}); both tables have the owner's id, the attribute's id and the value.
 */
final class AttributeValues {
    private final ProjectStore store;
    private final String table;
    private final String owner;

    AttributeValues(ProjectStore store, String table, String ownerColumn) {
        this.store = store;
        this.table = table;
        this.owner = ownerColumn;
    }

    /** Sets (or, with a null value, removes) an owner's value of an attribute. */
    void set(long ownerId, long attributeId, String value) {
        store.inTransaction(() -> {
            if (value == null) {
                store.update("DELETE FROM " + table + " WHERE " + owner + " = ? AND attribute_id = ?", ownerId, attributeId);
            } else {
                store.update("INSERT INTO " + table + "(" + owner + ", attribute_id, value) VALUES (?, ?, ?) "
                        + "ON CONFLICT(" + owner + ", attribute_id) DO UPDATE SET value = excluded.value", ownerId, attributeId, value);
            }
            return null;
        });
    }

    /** One owner's values, or every owner's (ownerId null): owner id → (attribute id → value), attributes in their order. */
    Map<Long, Map<Long, String>> of(Long ownerId) {
        return store.inTransaction(() -> {
            Map<Long, Map<Long, String>> out = new HashMap<>();
            try (PreparedStatement ps = store.prepare("SELECT " + owner + ", attribute_id, value FROM " + table
                    + " WHERE (CAST(? AS BIGINT) IS NULL OR " + owner + " = ?) ORDER BY " + owner + ", attribute_id")) {
                ProjectStore.bind(ps, ownerId, ownerId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.computeIfAbsent(rs.getLong(1), k -> new LinkedHashMap<>()).put(rs.getLong(2), rs.getString(3));
                }
            }
            return out;
        });
    }
}
