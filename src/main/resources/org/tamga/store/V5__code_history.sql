-- Tamga project file, schema version 5: the history of each code (ADR 46). One row per change of a
-- code (made, renamed, defined, recoloured, moved, merged, deleted, restored, and what a merge of
-- projects kept), appended and never changed. Rows name the code by its GUID, so that a code's
-- history stays when the code is deleted and travels with it when projects are merged.
-- Nothing is invented for the codes a project had before this version: history_since says from
-- when the history is kept (null: since the project was created).
CREATE TABLE code_history (
    id         INTEGER PRIMARY KEY,
    guid       TEXT NOT NULL UNIQUE,
    code_guid  TEXT NOT NULL,
    kind       TEXT NOT NULL,
    old_value  TEXT,
    new_value  TEXT,
    coder      TEXT NOT NULL,
    at         TEXT NOT NULL,
    detail     TEXT
);
CREATE INDEX code_history_code ON code_history(code_guid);
ALTER TABLE project ADD COLUMN history_since TEXT;
UPDATE project SET history_since = strftime('%Y-%m-%dT%H:%M:%fZ', 'now');
