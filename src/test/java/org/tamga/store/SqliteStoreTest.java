package org.tamga.store;

import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The store contract on a project file (SQLite). */
class SqliteStoreTest extends StoreContract {
    @TempDir Path dir;

    @Override ProjectStore newStore(String name) { return ProjectStore.create(dir.resolve("p.tamga"), name); }

    @Override ProjectStore reopen(ProjectStore old) {
        Path file = old.file();
        old.close();
        return ProjectStore.open(file);
    }
}
