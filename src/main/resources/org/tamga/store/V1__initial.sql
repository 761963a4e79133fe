-- Tamga project file, schema version 1. Positions are Unicode code points, 0-based, end exclusive.
CREATE TABLE project (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    guid        TEXT    NOT NULL UNIQUE,
    name        TEXT    NOT NULL,
    created_at  TEXT    NOT NULL,
    memo        TEXT
);
CREATE TABLE coder (
    id    INTEGER PRIMARY KEY,
    guid  TEXT NOT NULL UNIQUE,
    name  TEXT NOT NULL UNIQUE
);
CREATE TABLE document (
    id               INTEGER PRIMARY KEY,
    guid             TEXT    NOT NULL UNIQUE,
    name             TEXT    NOT NULL UNIQUE,
    language         TEXT,
    text             TEXT    NOT NULL,
    length           INTEGER NOT NULL CHECK (length >= 0),
    source_file      TEXT,
    source_encoding  TEXT,
    sha256           TEXT    NOT NULL UNIQUE,
    imported_at      TEXT    NOT NULL,
    memo             TEXT
);
CREATE TABLE code (
    id           INTEGER PRIMARY KEY,
    guid         TEXT    NOT NULL UNIQUE,
    parent_id    INTEGER REFERENCES code(id) ON DELETE CASCADE,
    name         TEXT    NOT NULL,
    description  TEXT,
    color        TEXT,
    codable      INTEGER NOT NULL DEFAULT 1,
    sort_order   INTEGER NOT NULL DEFAULT 0,
    memo         TEXT
);
CREATE INDEX code_parent ON code(parent_id, sort_order);
CREATE TABLE coding (
    id           INTEGER PRIMARY KEY,
    guid         TEXT    NOT NULL UNIQUE,
    document_id  INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,
    code_id      INTEGER NOT NULL REFERENCES code(id) ON DELETE CASCADE,
    coder_id     INTEGER NOT NULL REFERENCES coder(id),
    start_pos    INTEGER NOT NULL CHECK (start_pos >= 0),
    end_pos      INTEGER NOT NULL CHECK (end_pos > start_pos),
    memo         TEXT,
    created_at   TEXT    NOT NULL
);
CREATE INDEX coding_document ON coding(document_id, start_pos);
CREATE INDEX coding_code ON coding(code_id);
CREATE INDEX coding_coder ON coding(coder_id);
CREATE TABLE memo (
    id           INTEGER PRIMARY KEY,
    guid         TEXT NOT NULL UNIQUE,
    title        TEXT,
    text         TEXT NOT NULL,
    coder_id     INTEGER REFERENCES coder(id),
    created_at   TEXT NOT NULL,
    modified_at  TEXT NOT NULL
);
