-- Who may do what on a shared project (ADR 49). A member is a PostgreSQL login with a role:
-- an owner changes anything, a coder changes the project but deletes no document and changes or
-- deletes only the codings made under their own coder name (the name in "coder", or the login),
-- a reader changes nothing. A login that is not a member is an owner if it owns the project's
-- tables (whoever published it) or is a superuser, and a reader otherwise. The server enforces
-- the rules itself, in triggers, whatever program connects; the grants Tamga gives each member
-- (GRANT SELECT, or SELECT, INSERT, UPDATE, DELETE) are the second fence.
CREATE TABLE tamga_member (
    login  TEXT COLLATE "C" PRIMARY KEY,
    role   TEXT COLLATE "C" NOT NULL CHECK (role IN ('owner', 'coder', 'reader')),
    coder  TEXT COLLATE "C"
);
CREATE FUNCTION tamga_role() RETURNS text LANGUAGE sql STABLE AS $fn$
    SELECT coalesce(
        (SELECT role FROM tamga_member WHERE login = session_user),
        CASE WHEN (SELECT rolsuper FROM pg_roles WHERE rolname = session_user)
                  OR pg_has_role(session_user, (SELECT relowner FROM pg_class WHERE oid = 'tamga_meta'::regclass), 'MEMBER')
             THEN 'owner' ELSE 'reader' END)
$fn$;
CREATE FUNCTION tamga_coder() RETURNS text LANGUAGE sql STABLE AS $fn$
    SELECT coalesce((SELECT coalesce(coder, login) FROM tamga_member WHERE login = session_user), session_user::text)
$fn$;
CREATE FUNCTION tamga_rights() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
    r text := tamga_role();
BEGIN
    IF r = 'reader' THEN
        RAISE EXCEPTION USING ERRCODE = '42501',
            MESSAGE = format('%s is a reader of this shared project: a reader changes nothing.', session_user);
    END IF;
    IF r = 'coder' AND TG_TABLE_NAME = 'document' AND TG_OP = 'DELETE' THEN
        RAISE EXCEPTION USING ERRCODE = '42501',
            MESSAGE = format('%s is a coder of this shared project: only an owner deletes documents.', session_user);
    END IF;
    IF r = 'coder' AND TG_TABLE_NAME IN ('tamga_member', 'tamga_meta') THEN
        RAISE EXCEPTION USING ERRCODE = '42501',
            MESSAGE = format('%s is a coder of this shared project: only an owner changes who its members are.', session_user);
    END IF;
    RETURN NULL;
END
$fn$;
CREATE FUNCTION tamga_coding_rights() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
    mine text;
    whose text;
BEGIN
    IF tamga_role() <> 'coder' THEN
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
    END IF;
    mine := tamga_coder();
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        SELECT name INTO whose FROM coder WHERE id = OLD.coder_id;
        IF whose IS DISTINCT FROM mine THEN
            RAISE EXCEPTION USING ERRCODE = '42501',
                MESSAGE = format('%s is a coder of this shared project: %s changes or deletes only the codings by %s, and this one is by %s.',
                                 session_user, session_user, mine, whose);
        END IF;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        SELECT name INTO whose FROM coder WHERE id = NEW.coder_id;
        IF whose IS DISTINCT FROM mine THEN
            RAISE EXCEPTION USING ERRCODE = '42501',
                MESSAGE = format('%s codes as %s on this shared project, not as %s.', session_user, mine, whose);
        END IF;
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END
$fn$;
CREATE TRIGGER project_rights BEFORE INSERT OR UPDATE OR DELETE ON project FOR EACH STATEMENT EXECUTE FUNCTION tamga_rights();
CREATE TRIGGER coder_rights BEFORE INSERT OR UPDATE OR DELETE ON coder FOR EACH STATEMENT EXECUTE FUNCTION tamga_rights();
CREATE TRIGGER document_rights BEFORE INSERT OR UPDATE OR DELETE ON document FOR EACH STATEMENT EXECUTE FUNCTION tamga_rights();
CREATE TRIGGER code_rights BEFORE INSERT OR UPDATE OR DELETE ON code FOR EACH STATEMENT EXECUTE FUNCTION tamga_rights();
CREATE TRIGGER coding_rights BEFORE INSERT OR UPDATE OR DELETE ON coding FOR EACH STATEMENT EXECUTE FUNCTION tamga_rights();
CREATE TRIGGER coding_row_rights BEFORE INSERT OR UPDATE OR DELETE ON coding FOR EACH ROW EXECUTE FUNCTION tamga_coding_rights();
CREATE TRIGGER memo_rights BEFORE INSERT OR UPDATE OR DELETE ON memo FOR EACH STATEMENT EXECUTE FUNCTION tamga_rights();
CREATE TRIGGER turn_rights BEFORE INSERT OR UPDATE OR DELETE ON turn FOR EACH STATEMENT EXECUTE FUNCTION tamga_rights();
CREATE TRIGGER attribute_rights BEFORE INSERT OR UPDATE OR DELETE ON attribute FOR EACH STATEMENT EXECUTE FUNCTION tamga_rights();
CREATE TRIGGER document_attribute_rights BEFORE INSERT OR UPDATE OR DELETE ON document_attribute FOR EACH STATEMENT EXECUTE FUNCTION tamga_rights();
CREATE TRIGGER cases_rights BEFORE INSERT OR UPDATE OR DELETE ON cases FOR EACH STATEMENT EXECUTE FUNCTION tamga_rights();
CREATE TRIGGER case_document_rights BEFORE INSERT OR UPDATE OR DELETE ON case_document FOR EACH STATEMENT EXECUTE FUNCTION tamga_rights();
CREATE TRIGGER case_attribute_rights BEFORE INSERT OR UPDATE OR DELETE ON case_attribute FOR EACH STATEMENT EXECUTE FUNCTION tamga_rights();
CREATE TRIGGER code_history_rights BEFORE INSERT OR UPDATE OR DELETE ON code_history FOR EACH STATEMENT EXECUTE FUNCTION tamga_rights();
CREATE TRIGGER tamga_meta_rights BEFORE INSERT OR UPDATE OR DELETE ON tamga_meta FOR EACH STATEMENT EXECUTE FUNCTION tamga_rights();
CREATE TRIGGER tamga_member_rights BEFORE INSERT OR UPDATE OR DELETE ON tamga_member FOR EACH STATEMENT EXECUTE FUNCTION tamga_rights();
CREATE TRIGGER tamga_member_changed AFTER INSERT OR UPDATE OR DELETE ON tamga_member FOR EACH STATEMENT EXECUTE FUNCTION tamga_changed();
