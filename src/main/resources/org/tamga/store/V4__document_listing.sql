-- Tamga project file, schema version 4: the documents can be listed without reading their texts.
-- Each text sits in the middle of its row, so listing the documents from the table reads past every
-- text (110 ms for 10,000 transcripts, 311 MB); this index holds what a listing shows, in its order.
CREATE INDEX document_listing ON document(name COLLATE NOCASE, id, guid, language, length, source_file,
    source_encoding, sha256, imported_at, memo);
