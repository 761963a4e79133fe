-- Tamga project file, schema version 2: where each document came from, and who speaks where.
-- Positions are Unicode code points, 0-based, end exclusive.
ALTER TABLE document ADD COLUMN title TEXT;
ALTER TABLE document ADD COLUMN author TEXT;
ALTER TABLE document ADD COLUMN created TEXT;
ALTER TABLE document ADD COLUMN modified TEXT;
ALTER TABLE document ADD COLUMN source_format TEXT;
ALTER TABLE document ADD COLUMN source_size INTEGER;
CREATE TABLE turn (
    id             INTEGER PRIMARY KEY,
    document_id    INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,
    speaker        TEXT    NOT NULL,
    start_pos      INTEGER NOT NULL CHECK (start_pos >= 0),
    end_pos        INTEGER NOT NULL CHECK (end_pos > start_pos),
    time_start_ms  INTEGER,
    time_end_ms    INTEGER
);
CREATE INDEX turn_document ON turn(document_id, start_pos);
CREATE INDEX turn_speaker ON turn(speaker);
