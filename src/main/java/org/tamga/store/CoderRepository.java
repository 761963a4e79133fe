package org.tamga.store;

import org.tamga.model.Coder;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The people who code. */
public final class CoderRepository {
    private final ProjectStore store;

    CoderRepository(ProjectStore store) { this.store = store; }

    public List<Coder> all() {
        return store.inTransaction(() -> {
            List<Coder> out = new ArrayList<>();
            try (PreparedStatement ps = store.prepare("SELECT id, guid, name FROM coder ORDER BY name COLLATE NOCASE");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(new Coder(rs.getLong(1), rs.getString(2), rs.getString(3)));
            }
            return out;
        });
    }

    public Optional<Coder> byName(String name) {
        return all().stream().filter(c -> c.name().equals(name)).findFirst();
    }

    public Optional<Coder> byId(long id) {
        return all().stream().filter(c -> c.id() == id).findFirst();
    }

    /** The coder with this name, created if the project does not know them yet. */
    public Coder getOrCreate(String name) {
        return store.inTransaction(() -> {
            Optional<Coder> known = byName(name);
            if (known.isPresent()) return known.get();
            // on a shared project two coders' first codings may come at once: the second insert meets
            // the unique name (waiting for the first to commit) and the row the first made is used
            store.update("INSERT OR IGNORE INTO coder(guid, name) VALUES (?, ?)", ProjectStore.newGuid(), name);
            return byName(name).orElseThrow();
        });
    }

    public Coder insert(String guid, String name) {
        return store.inTransaction(() -> {
            store.update("INSERT INTO coder(guid, name) VALUES (?, ?)", guid == null ? ProjectStore.newGuid() : guid, name);
            return byName(name).orElseThrow();
        });
    }
}
