-- Tamga project file, schema version 3: attributes of documents and cases (REFI-QDA variables),
-- and cases (units of analysis: a person, a household, a village) that documents belong to.
CREATE TABLE attribute (
    id           INTEGER PRIMARY KEY,
    guid         TEXT    NOT NULL UNIQUE,
    name         TEXT    NOT NULL UNIQUE COLLATE NOCASE,
    type         TEXT    NOT NULL CHECK (type IN ('text', 'integer', 'float', 'boolean', 'date', 'datetime')),
    description  TEXT
);
CREATE TABLE document_attribute (
    document_id   INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,
    attribute_id  INTEGER NOT NULL REFERENCES attribute(id) ON DELETE CASCADE,
    value         TEXT    NOT NULL,
    PRIMARY KEY (document_id, attribute_id)
);
CREATE INDEX document_attribute_attribute ON document_attribute(attribute_id);
CREATE TABLE cases (
    id    INTEGER PRIMARY KEY,
    guid  TEXT    NOT NULL UNIQUE,
    name  TEXT    NOT NULL UNIQUE COLLATE NOCASE,
    memo  TEXT
);
CREATE TABLE case_document (
    case_id      INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    document_id  INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,
    PRIMARY KEY (case_id, document_id)
);
CREATE INDEX case_document_document ON case_document(document_id);
CREATE TABLE case_attribute (
    case_id       INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    attribute_id  INTEGER NOT NULL REFERENCES attribute(id) ON DELETE CASCADE,
    value         TEXT    NOT NULL,
    PRIMARY KEY (case_id, attribute_id)
);
CREATE INDEX case_attribute_attribute ON case_attribute(attribute_id);
