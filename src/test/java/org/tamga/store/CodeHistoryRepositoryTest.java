package org.tamga.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tamga.model.Code;
import org.tamga.model.CodeEvent;
import org.tamga.model.TamgaException;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The codes' history in the project file (ADR 46): schema version 5, and the upgrade from version 4. */
class CodeHistoryRepositoryTest {
    static final String MONGOLIAN = "ᠮᠠᠯ\u202Fᠤᠨ ᠠᠵᠢᠯ";
    @TempDir Path tmp;

    private static CodeHistoryRepository.NewEvent event(String code, CodeEvent.Kind kind, String old, String now, String coder, Instant at) {
        return new CodeHistoryRepository.NewEvent(null, code, kind, old, now, coder, at, null);
    }

    @Test
    void aVersion4ProjectGainsAnEmptyHistoryKeptFromItsUpgradeAndItsCodesStayAsTheyWere() {
        Path file = tmp.resolve("v4 项目.tamga");
        Code fatalism;
        Instant created;
        try (ProjectStore store = ProjectStore.create(file, "v4", new Migrations(Migrations.shipped().steps().subList(0, 4)))) {
            assertEquals(4, store.schemaVersion());
            fatalism = store.codes().insert(null, null, "Fatalism · 宿命论", "认命", "#AA0000", true);
            store.codes().insert(null, fatalism.id(), MONGOLIAN, null, null, true);
            created = store.project().createdAt();
        }
        Instant beforeUpgrade = Instant.now();
        try (ProjectStore store = ProjectStore.open(file, ProjectStoreTest.copyBeside(file))) {
            Instant afterUpgrade = Instant.now();
            assertEquals(5, store.schemaVersion());
            assertTrue(store.migrationBackup().isPresent(), "the version 4 file was copied first");
            assertEquals(List.of(), store.codeHistory().all(), "no history is invented for the codes it had");
            Instant since = store.codeHistory().keptSince();
            assertTrue(since.isAfter(created), "kept since the upgrade, not since the project was made: " + since);
            assertFalse(since.isBefore(beforeUpgrade.minusMillis(1)) || since.isAfter(afterUpgrade.plusMillis(1)),
                    since + " is the moment of the upgrade");
            assertEquals(2, store.codes().codebook().size());
            assertEquals("认命", store.codes().codebook().byGuid(fatalism.guid()).orElseThrow().description());
            store.codeHistory().add(event(fatalism.guid(), CodeEvent.Kind.RENAMED, "Fatalism · 宿命论", "Fatalism (宿命论) 🙏", "Dolgor", afterUpgrade));
        }
        try (ProjectStore store = ProjectStore.open(file)) {
            List<CodeEvent> h = store.codeHistory().ofCode(fatalism.guid());
            assertEquals(1, h.size());
            assertEquals("Fatalism (宿命论) 🙏", h.getFirst().newValue());
            assertEquals("Dolgor", h.getFirst().coder());
        }
        try (ProjectStore old = ProjectStore.open(file.resolveSibling(file.getFileName() + ".before-v4.bak"),
                new Migrations(Migrations.shipped().steps().subList(0, 4)), ProjectStore.BeforeUpgrade.REFUSE)) {
            assertEquals(4, old.schemaVersion(), "the copy keeps the old format");
        }
    }

    @Test
    void aNewProjectKeepsItsHistoryFromItsCreationAndReadsEventsBackInTheOrderTheyHappened() {
        try (ProjectStore store = ProjectStore.create(tmp.resolve("新.tamga"), "新")) {
            assertEquals(store.project().createdAt(), store.codeHistory().keptSince());
            String code = "0d9a3c1e-1111-4a59-9b0a-3f1d2c3b4a50";
            Instant t = Instant.parse("2026-12-02T10:14:00Z");
            // written out of order, with times whose text would sort wrongly ("…05Z" after "…05.5Z")
            store.codeHistory().add(event(code, CodeEvent.Kind.RECOLOURED, "#112233", "#445566", "Батбаяр", t.plusSeconds(5)));
            store.codeHistory().add(event(code, CodeEvent.Kind.CREATED, null, "牧民 🐑", "李伟", t));
            store.codeHistory().add(event(code, CodeEvent.Kind.RENAMED, "牧民 🐑", MONGOLIAN, "Батбаяр", t.plusMillis(5_500)));
            store.codeHistory().add(event("other", CodeEvent.Kind.DELETED, "x", null, "李伟", t.plusSeconds(1)));
            List<CodeEvent> h = store.codeHistory().ofCode(code);
            assertEquals(List.of(CodeEvent.Kind.CREATED, CodeEvent.Kind.RECOLOURED, CodeEvent.Kind.RENAMED), h.stream().map(CodeEvent::kind).toList());
            assertEquals(MONGOLIAN, h.getLast().newValue(), "U+202F kept");
            assertEquals(4, store.codeHistory().all().size());
            assertEquals(4, store.codeHistory().count());
            assertTrue(store.codeHistory().exists(h.getFirst().guid()));
            assertFalse(store.codeHistory().exists("no-such-event"));

            var again = event(code, CodeEvent.Kind.CREATED, null, "牧民 🐑", "李伟", t);
            assertTrue(store.codeHistory().hasLike(again, true));
            assertFalse(store.codeHistory().hasLike(event(code, CodeEvent.Kind.CREATED, null, "牧民 🐑", "李伟", t.plusSeconds(1)), true));
            assertTrue(store.codeHistory().hasLike(event(code, CodeEvent.Kind.CREATED, null, "牧民 🐑", "someone else", t.plusSeconds(9)), false),
                    "without the coder and the time");
            assertFalse(store.codeHistory().hasLike(event(code, CodeEvent.Kind.CREATED, null, "牧民", "李伟", t), false));
        }
    }

    @Test
    void anEventOfAKindThisTamgaDoesNotKnowIsReportedAsDamage() throws Exception {
        Path file = tmp.resolve("p.tamga");
        ProjectStore.create(file, "p").close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            st.execute("INSERT INTO code_history(guid, code_guid, kind, coder, at) VALUES ('e1', 'c1', 'exploded', 'x', '2026-12-02T10:14:00Z')");
        }
        try (ProjectStore store = ProjectStore.open(file)) {
            TamgaException e = assertThrows(TamgaException.class, () -> store.codeHistory().all());
            assertTrue(e.getMessage().contains("p.tamga") && e.getMessage().contains("exploded"), e.getMessage());
        }
    }
}
