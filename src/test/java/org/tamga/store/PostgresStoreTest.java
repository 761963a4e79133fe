package org.tamga.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tamga.SharedServer;
import org.tamga.model.TamgaException;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** The store contract on a real PostgreSQL server (ADR 48): each test publishes an empty project into a new database. */
class PostgresStoreTest extends StoreContract {
    @TempDir Path dir;

    @Override ProjectStore newStore(String name) {
        Path file = dir.resolve("empty.tamga");
        ProjectStore.create(file, name).close();
        String address = SharedServer.newDatabase();
        ProjectStore.publish(file, address);
        return ProjectStore.openShared(address);
    }

    @Override ProjectStore reopen(ProjectStore old) {
        String address = old.server().orElseThrow();
        old.close();
        return ProjectStore.openShared(address);
    }

    @Test
    void aDatabaseWithoutAProjectIsRefusedSayingWhatToDo() {
        String empty = SharedServer.newDatabase();
        TamgaException e = assertThrows(TamgaException.class, () -> ProjectStore.openShared(empty));
        assertTrue(e.getMessage().contains("holds no Tamga project") && e.getMessage().contains("tamga publish"), e.getMessage());
    }

    @Test
    void publishingIntoADatabaseThatHoldsAProjectIsRefusedAndChangesNothing() {
        String address = store.server().orElseThrow();
        Path other = dir.resolve("其他.tamga");
        try (ProjectStore s = ProjectStore.create(other, "other")) {
            ProjectStoreTest.insertDocument(s, "访谈", "文本\n");
        }
        TamgaException e = assertThrows(TamgaException.class, () -> ProjectStore.publish(other, address));
        assertTrue(e.getMessage().contains("holds a Tamga project already"), e.getMessage());
        assertEquals(0, store.documents().count());
    }

    @Test
    void anAddressWithAPasswordIsRefusedSoThatItIsNeverRemembered() {
        for (String address : new String[] {"postgresql://coder:secret@localhost/db", "postgresql://localhost/db?password=secret",
                "postgresql://localhost/db?user=x"}) {
            TamgaException e = assertThrows(TamgaException.class, () -> ProjectStore.openShared(address));
            assertTrue(e.getMessage().contains("PGPASSWORD") && !e.getMessage().contains("secret"), e.getMessage());
        }
        TamgaException e = assertThrows(TamgaException.class, () -> ProjectStore.openShared("postgresql://localhost:5432/"));
        assertTrue(e.getMessage().contains("names no database"), e.getMessage());
    }

    @Test
    void anotherConnectionsChangeIsSeenAndOnesOwnIsNot() {
        int before = store.dataVersion();
        ProjectStoreTest.insertDocument(store, "mine", "mine\n");
        assertEquals(before, store.dataVersion(), "this connection's own change");
        try (ProjectStore other = ProjectStore.openShared(store.server().orElseThrow())) {
            ProjectStoreTest.insertDocument(other, "theirs", "theirs\n");
        }
        assertNotEquals(before, store.dataVersion());
        assertEquals(2, store.documents().count());
    }

    @Test
    void aFailedPublishLeavesTheDatabaseEmpty() throws Exception {
        String address = SharedServer.newDatabase();
        // a table in the way makes the schema fail half-way: nothing of the project may stay
        SharedServer.admin("SELECT 1"); // the server is up
        try (var c = java.sql.DriverManager.getConnection("jdbc:" + address); var st = c.createStatement()) {
            st.execute("CREATE TABLE memo (x int)");
        }
        Path file = dir.resolve("p2.tamga");
        ProjectStore.create(file, "p2").close();
        assertThrows(TamgaException.class, () -> ProjectStore.publish(file, address));
        TamgaException e = assertThrows(TamgaException.class, () -> ProjectStore.openShared(address));
        assertTrue(e.getMessage().contains("holds no Tamga project"), e.getMessage());
    }

    @Test
    void aTransactionThatMeetsAnotherIsTriedAgainAndOneThatAlwaysDoesIsRefusedWholly() {
        String address = store.server().orElseThrow();
        // the server refuses the first two tries as a serialization failure would (a sequence, which no rollback undoes, counts them)
        SharedServer.adminIn(address, "CREATE SEQUENCE tries");
        SharedServer.adminIn(address, "CREATE FUNCTION meet() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                + "IF nextval('tries') <= 2 THEN RAISE EXCEPTION USING ERRCODE = '40001', MESSAGE = 'could not serialize access'; END IF; "
                + "RETURN NEW; END $$");
        SharedServer.adminIn(address, "CREATE TRIGGER meet BEFORE INSERT ON code FOR EACH ROW EXECUTE FUNCTION meet()");
        store.codes().insert(null, null, "生计 Амьжиргаа", null, null, true);
        assertEquals(1, store.codes().codebook().codes().size(), "saved once, on the third try");

        // a deadlock every time: after the last try, refused, and nothing of it saved
        SharedServer.adminIn(address, "CREATE OR REPLACE FUNCTION meet() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                + "PERFORM nextval('tries'); RAISE EXCEPTION USING ERRCODE = '40P01', MESSAGE = 'deadlock detected'; END $$");
        TamgaException e = assertThrows(TamgaException.class, () -> store.inTransaction(() -> {
            ProjectStoreTest.insertDocument(store, "访谈", "文本\n");
            store.codes().insert(null, null, "放牧", null, null, true);
            return null;
        }));
        assertTrue(e.getMessage().contains("met other coders' changes") && e.getMessage().contains("nothing of it was saved"), e.getMessage());
        assertEquals(0, store.documents().count(), "the document of the refused transaction is not there either");
        assertEquals(1, store.codes().codebook().codes().size());
        try (ProjectStore admin = ProjectStore.openShared(address)) {
            long tries = admin.inTransaction(() -> {
                try (var ps = admin.prepare("SELECT last_value FROM tries"); var rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            });
            assertEquals(3 + ProjectStore.TRIES, tries, "three tries for the first, all of them for the second");
        }
    }

    @Test
    void theChangeLogKeepsOnlyWhatIsRecent() {
        String address = store.server().orElseThrow();
        SharedServer.adminIn(address, "INSERT INTO change_log(tx, pid, at) OVERRIDING SYSTEM VALUE "
                + "SELECT (1000000 + g)::text::xid8, 0, now() - interval '2 hours' FROM generate_series(1, 500) g");
        SharedServer.adminIn(address, "SELECT setval(pg_get_serial_sequence('change_log', 'id'), 999)");
        store.codes().insert(null, null, "Health", null, null, true); // change 1000 clears out what is more than an hour old
        try (ProjectStore other = ProjectStore.openShared(address)) {
            long left = other.inTransaction(() -> {
                try (var ps = other.prepare("SELECT count(*) FROM change_log WHERE at < now() - interval '1 hour'"); var rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            });
            assertEquals(0, left);
        }
        try (ProjectStore other = ProjectStore.openShared(address)) {
            int seen = other.dataVersion();
            store.codes().insert(null, null, "Education", null, null, true);
            assertNotEquals(seen, other.dataVersion(), "another connection's change is still seen after the log was trimmed");
        }
    }
}
