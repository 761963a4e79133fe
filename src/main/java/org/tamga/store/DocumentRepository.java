package org.tamga.store;

import org.tamga.model.Document;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Documents and their (immutable) texts. */
public final class DocumentRepository {
    private static final String COLUMNS =
            "id, guid, name, language, length, source_file, source_encoding, sha256, imported_at, memo";
    private final ProjectStore store;

    DocumentRepository(ProjectStore store) { this.store = store; }

    /** What an import knows about a new document before it is stored. */
    public record NewDocument(String guid, String name, String language, String text, int length,
                              String sourceFile, String sourceEncoding, String sha256,
                              java.time.Instant importedAt) {}

    /** Stores a new document, without where it came from (an old project's schema has no place for it). */
    public Document insert(NewDocument d) {
        return store.inTransaction(() -> {
            String guid = d.guid() == null ? ProjectStore.newGuid() : d.guid();
            PreparedStatement ps = store.kept("INSERT INTO document(guid, name, language, text, length, "
                    + "source_file, source_encoding, sha256, imported_at) VALUES (?,?,?,?,?,?,?,?,?) RETURNING id");
            ProjectStore.bind(ps, guid, d.name(), d.language(), d.text(), d.length(), d.sourceFile(),
                    d.sourceEncoding(), d.sha256(), ProjectStore.timestamp(d.importedAt()));
            return inserted(ps, guid, d);
        });
    }

    /** The document a kept {@code INSERT … RETURNING id} has just stored, as {@link #byId} would read it back. */
    private static Document inserted(PreparedStatement insert, String guid, NewDocument d) throws SQLException {
        try (ResultSet rs = insert.executeQuery()) {
            if (!rs.next()) throw new SQLException("the new document " + d.name() + " was given no id");
            return new Document(rs.getLong(1), guid, d.name(), d.language(), d.length(), d.sourceFile(),
                    d.sourceEncoding(), d.sha256(), ProjectStore.instant(ProjectStore.timestamp(d.importedAt())), null);
        }
    }

    /**
     * Stores a new document with where it came from: what {@link #insert(NewDocument)} and then
     * {@link #setSource} store, in one statement, so that the row and its text are written once.
     */
    public Document insert(NewDocument d, org.tamga.model.DocumentSource source) {
        return store.inTransaction(() -> {
            String guid = d.guid() == null ? ProjectStore.newGuid() : d.guid();
            PreparedStatement ps = store.kept("INSERT INTO document(guid, name, language, text, length, "
                    + "source_file, source_encoding, sha256, imported_at, title, author, created, modified, source_format, source_size)"
                    + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) RETURNING id");
            ProjectStore.bind(ps, guid, d.name(), d.language(), d.text(), d.length(), d.sourceFile(), d.sourceEncoding(),
                    d.sha256(), ProjectStore.timestamp(d.importedAt()), source.title(), source.author(),
                    source.created() == null ? null : ProjectStore.timestamp(source.created()),
                    source.modified() == null ? null : ProjectStore.timestamp(source.modified()),
                    source.format(), source.size());
            return inserted(ps, guid, d);
        });
    }

    /** Every document without its text, by name: read from the index {@code document_listing} alone (schema 4). */
    static final String LISTING = "SELECT " + COLUMNS + " FROM document ORDER BY name COLLATE NOCASE, id";

    public List<Document> all() { return query(LISTING); }

    public int count() {
        return store.inTransaction(() -> {
            try (PreparedStatement ps = store.prepare("SELECT count(*) FROM document"); ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        });
    }

    public Optional<Document> byId(long id) { return first("SELECT " + COLUMNS + " FROM document WHERE id = ?", id); }

    public Optional<Document> byGuid(String guid) { return first("SELECT " + COLUMNS + " FROM document WHERE guid = ?", guid); }

    public Optional<Document> byName(String name) { return first("SELECT " + COLUMNS + " FROM document WHERE name = ?", name); }

    public Optional<Document> bySha256(String sha256) {
        return first("SELECT " + COLUMNS + " FROM document WHERE sha256 = ?", sha256);
    }

    public boolean nameExists(String name) { return byName(name).isPresent(); }

    /** The full text of a document, exactly as stored at import. */
    public String text(long documentId) {
        return store.inTransaction(() -> {
            try (PreparedStatement ps = store.prepare("SELECT text FROM document WHERE id = ?")) {
                ps.setLong(1, documentId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) throw new org.tamga.model.TamgaException("No document with id " + documentId + ".");
                    return rs.getString(1);
                }
            }
        });
    }

    /** A document with its full text as the project file holds it: UTF-8 bytes, not decoded. */
    public record WithText(Document document, byte[] utf8) {}

    /**
     * The documents with these GUIDs, with their texts as UTF-8 bytes, by GUID (GUIDs of documents
     * the project no longer has are left out): a few statements for many documents, where
     * {@link #text} is one each, and no decoding of texts of which only a few passages are wanted.
     */
    public java.util.Map<String, WithText> withTexts(java.util.Collection<String> guids) {
        return store.inTransaction(() -> {
            java.util.Map<String, WithText> out = new java.util.HashMap<>();
            List<String> all = List.copyOf(guids);
            for (int from = 0; from < all.size(); from += IN_CHUNK) {
                List<String> chunk = all.subList(from, Math.min(all.size(), from + IN_CHUNK));
                String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
                try (PreparedStatement ps = store.prepare("SELECT " + COLUMNS + ", text FROM document WHERE guid IN (" + marks + ")")) {
                    ProjectStore.bind(ps, chunk.toArray());
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            Document d = map(rs);
                            out.put(d.guid(), new WithText(d, rs.getBytes(11)));
                        }
                    }
                }
            }
            return out;
        });
    }

    /** GUIDs per {@code IN (…)} list, well below SQLite's limit on parameters. */
    private static final int IN_CHUNK = 500;

    /** Reads (guid, name, text) of every document, one at a time, without holding all texts in memory. */
    public void forEachText(TextConsumer consumer) {
        store.inTransaction(() -> {
            try (PreparedStatement ps = store.prepare("SELECT guid, name, text FROM document ORDER BY id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) consumer.accept(rs.getString(1), rs.getString(2), rs.getString(3));
            }
            return null;
        });
    }

    @FunctionalInterface
    public interface TextConsumer { void accept(String guid, String name, String text); }

    public List<String> guids() {
        return store.inTransaction(() -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement ps = store.prepare("SELECT guid FROM document"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(rs.getString(1));
            }
            return out;
        });
    }

    public void setMemo(long documentId, String memo) {
        store.update("UPDATE document SET memo = ? WHERE id = ?", memo, documentId);
    }

    public void rename(long documentId, String name) {
        store.update("UPDATE document SET name = ? WHERE id = ?", name, documentId);
    }

    /** Records where the document came from (title, author, dates, format, size). */
    public void setSource(long documentId, org.tamga.model.DocumentSource source) {
        store.update("UPDATE document SET title = ?, author = ?, created = ?, modified = ?, source_format = ?, "
                        + "source_size = ? WHERE id = ?", source.title(), source.author(),
                source.created() == null ? null : ProjectStore.timestamp(source.created()),
                source.modified() == null ? null : ProjectStore.timestamp(source.modified()),
                source.format(), source.size(), documentId);
    }

    /** Where the document came from; {@link org.tamga.model.DocumentSource#NONE} parts for documents imported before Tamga kept it. */
    public org.tamga.model.DocumentSource source(long documentId) {
        return store.inTransaction(() -> {
            try (PreparedStatement ps = store.prepare("SELECT title, author, created, modified, source_format, source_size "
                    + "FROM document WHERE id = ?")) {
                ps.setLong(1, documentId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) throw new org.tamga.model.TamgaException("No document with id " + documentId + ".");
                    long size = rs.getLong(6);
                    Long sizeOrNull = rs.wasNull() ? null : size;
                    return new org.tamga.model.DocumentSource(rs.getString(1), rs.getString(2),
                            ProjectStore.instant(rs.getString(3)), ProjectStore.instant(rs.getString(4)), rs.getString(5), sizeOrNull);
                }
            }
        });
    }

    /** Deletes a document and, through the foreign keys, its codings and turns. */
    public void delete(long documentId) {
        store.update("DELETE FROM document WHERE id = ?", documentId);
    }

    /** The one document a query by a unique column finds; its statement is kept, for an import asks it of every file. */
    private Optional<Document> first(String sql, Object param) {
        return store.inTransaction(() -> {
            PreparedStatement ps = store.kept(sql);
            ProjectStore.bind(ps, param);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        });
    }

    private List<Document> query(String sql, Object... params) {
        return store.inTransaction(() -> {
            List<Document> out = new ArrayList<>();
            try (PreparedStatement ps = store.prepare(sql)) {
                ProjectStore.bind(ps, params);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(map(rs));
                }
            }
            return out;
        });
    }

    private static Document map(ResultSet rs) throws SQLException {
        return new Document(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                rs.getString(6), rs.getString(7), rs.getString(8), ProjectStore.instant(rs.getString(9)),
                rs.getString(10));
    }
}
