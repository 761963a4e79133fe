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
}
