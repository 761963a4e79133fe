package org.tamga.store;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tamga.model.Attribute;
import org.tamga.model.Case;
import org.tamga.model.Code;
import org.tamga.model.CodeEvent;
import org.tamga.model.Coder;
import org.tamga.model.Coding;
import org.tamga.model.Document;
import org.tamga.model.DocumentSource;
import org.tamga.model.Memo;
import org.tamga.model.TamgaException;
import org.tamga.model.Turn;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;
import static org.tamga.store.ProjectStoreTest.TEXT;
import static org.tamga.store.ProjectStoreTest.fixture;
import static org.tamga.store.ProjectStoreTest.insertDocument;

/**
 * What every store of a project must do, whatever database holds it (ADR 48): run by
 * {@link SqliteStoreTest} on a project file and by {@link PostgresStoreTest} on a real PostgreSQL
 * server. Each test gets a new, empty project from {@link #newStore}; {@link #reopen} opens it again
 * through a new connection, as the next session would.
 */
abstract class StoreContract {
    ProjectStore store;

    /** A new, empty project called {@code name}. */
    abstract ProjectStore newStore(String name) throws Exception;

    /** The same project through a new connection (the old one closed). */
    abstract ProjectStore reopen(ProjectStore old) throws Exception;

    @BeforeEach
    void open() throws Exception { store = newStore("研究 🐑 Судалгаа ᠮᠣᠩᠭᠣᠯ"); }

    @AfterEach
    void close() { if (store != null) store.close(); }

    @Test
    void everyKindOfRowIsReadBackAsWrittenInEveryScript() throws Exception {
        ProjectStoreTest.Fixture f = fixture(store);
        store.setProjectMemo("项目备忘 📝");
        Coding coding = store.codings().insert(null, f.doc().id(), f.child().id(), f.coder().id(), 2, 9, "ᠮᠠᠯ малчин 🐑", null);
        store.turns().insertAll(f.doc().id(), List.of(new TurnRepository.NewTurn("Интервьюер", 0, 7, 0L, 1500L),
                new TurnRepository.NewTurn("受访者", 8, 20, null, null)));
        Memo memo = store.memos().insert("标题 Гарчиг", "备忘 ᠲᠡᠮᠳᠡᠭᠯᠡᠯ 🐎", f.coder().id());
        Attribute village = store.attributes().insert(null, "嘎查 Village", Attribute.Type.TEXT, "ᠭᠠᠴᠠᠭ");
        store.attributes().setDocumentValue(f.doc().id(), village.id(), "巴彦宝力格 🏕");
        Case household = store.cases().insert(null, "Өрх 12", "家庭 memo");
        assertTrue(store.cases().addDocument(household.id(), f.doc().id()));
        assertFalse(store.cases().addDocument(household.id(), f.doc().id()), "a document is in a case once");
        store.cases().setValue(household.id(), village.id(), "Баян");
        CodeEvent event = store.codeHistory().add(new CodeHistoryRepository.NewEvent(null, f.child().guid(), CodeEvent.Kind.RENAMED,
                "Herding", "Herding · 放牧", "Батболд", Instant.parse("2026-12-02T10:15:30.123456Z"), null));

        store = reopen(store);

        assertEquals("研究 🐑 Судалгаа ᠮᠣᠩᠭᠣᠯ", store.project().name());
        assertEquals("项目备忘 📝", store.project().memo());
        assertEquals(TEXT, store.documents().text(f.doc().id()));
        assertEquals(List.of(f.doc()), store.documents().all());
        assertEquals(f.doc(), store.documents().byGuid(f.doc().guid()).orElseThrow());
        assertEquals(3, store.codes().codebook().size());
        assertEquals(f.child(), store.codes().codebook().byGuid(f.child().guid()).orElseThrow());
        assertEquals(List.of(coding), store.codings().all());
        assertEquals(coding, store.codings().byGuid(coding.guid()).orElseThrow());
        assertEquals(List.of(f.coder()), store.coders().all());
        List<Turn> turns = store.turns().ofDocument(f.doc().id());
        assertEquals(List.of("Интервьюер", "受访者"), turns.stream().map(Turn::speaker).toList());
        assertEquals(1500L, turns.getFirst().timeEndMs());
        assertNull(turns.get(1).timeStartMs());
        assertEquals(List.of(memo), store.memos().all());
        assertEquals(village, store.attributes().byName("嘎查 Village").orElseThrow());
        assertEquals(Map.of(village.id(), "巴彦宝力格 🏕"), store.attributes().documentValues(f.doc().id()));
        assertEquals(List.of(household), store.cases().all());
        assertEquals(Map.of(household.id(), List.of(f.doc().id())), store.cases().documents());
        assertEquals(Map.of(household.id(), Map.of(village.id(), "Баян")), store.cases().values());
        assertEquals(List.of(event), store.codeHistory().ofCode(f.child().guid()));
        assertEquals(Instant.parse("2026-12-02T10:15:30.123456Z"), store.codeHistory().ofCode(f.child().guid()).getFirst().at());
    }

    @Test
    void aLongTranscriptsTurnsAreStoredAllInTheirOrderWithTheirTimes() {
        ProjectStoreTest.Fixture f = fixture(store);
        // more turns than one statement stores (64), and a partial last statement
        List<TurnRepository.NewTurn> turns = new java.util.ArrayList<>();
        String[] speakers = {"受访者", "Interviewer", "Малчин", "ᠮᠠᠯᠴᠢᠨ", "🐑 A"};
        for (int i = 0; i < 150; i++) {
            turns.add(new TurnRepository.NewTurn(speakers[i % speakers.length], i * 10, i * 10 + 9,
                    i % 3 == 0 ? null : i * 1000L, i % 3 == 0 ? null : i * 1000L + 999));
        }
        store.turns().insertAll(f.doc().id(), turns);
        List<Turn> back = store.turns().ofDocument(f.doc().id());
        assertEquals(150, back.size());
        for (int i = 0; i < 150; i++) {
            TurnRepository.NewTurn t = turns.get(i);
            Turn b = back.get(i);
            assertEquals(List.of(t.speaker(), t.start(), t.end()), List.of(b.speaker(), b.start(), b.end()), "turn " + i);
            assertEquals(t.timeStartMs(), b.timeStartMs(), "turn " + i);
            assertEquals(t.timeEndMs(), b.timeEndMs(), "turn " + i);
        }
    }

    @Test
    void aDocumentIsStoredWithWhereItCameFromInOneStep() {
        DocumentSource source = new DocumentSource("访谈 01 · Ярилцлага", "Баатар 🐎", Instant.parse("2025-07-12T08:00:00Z"),
                Instant.parse("2025-07-13T09:30:00Z"), "docx", 12_345L);
        Document d = store.documents().insert(new DocumentRepository.NewDocument(null, "源 doc", "zh", "受访者：草场。\n",
                8, "源.docx", "docx", "ab12", Instant.parse("2026-12-03T00:00:00Z")), source);
        assertEquals(source, store.documents().source(d.id()));
        Document plain = store.documents().insert(new DocumentRepository.NewDocument(null, "plain", "en", "text\n",
                5, "plain.txt", "UTF-8", "cd34", Instant.parse("2026-12-03T00:00:00Z")));
        assertEquals(DocumentSource.NONE, store.documents().source(plain.id()));
    }

    @Test
    void aStoredDocumentIsTheOneReadBackAfterARefusedOneToo() {
        // the insert statements are kept from one document to the next (ADR 53): each row gets its own id,
        // a refused row leaves the statement usable, and what insert returns is what a reader reads back
        Instant at = Instant.parse("2026-12-03T09:30:15.123456Z");
        DocumentSource source = new DocumentSource("访谈 · Ярилцлага", "Баатар", null, null, "txt", 9L);
        Document first = store.documents().insert(new DocumentRepository.NewDocument(null, "草场 01", "zh", "受访者：草场。\n",
                7, "草场 01.txt", "UTF-8", "sha-1", at), source);
        assertThrows(TamgaException.class, () -> store.inSavepoint(() -> store.documents().insert(
                new DocumentRepository.NewDocument(null, "草场 01", "zh", "again\n", 6, "x.txt", "UTF-8", "sha-2", at), source)));
        Document second = store.documents().insert(new DocumentRepository.NewDocument("5d3e0c52-6a3b-4f0e-9a55-0a6f1f7e2b11",
                "ᠮᠠᠯᠴᠢᠨ 🐑", "mn", "ᠮᠠᠯᠴᠢᠨ\n", 7, null, null, "sha-3", at), source);
        Document third = store.documents().insert(new DocumentRepository.NewDocument(null, "Малчин", "mn", "Малчин\n",
                7, "m.txt", "UTF-8", "sha-4", at));
        assertEquals(3, java.util.Set.of(first.id(), second.id(), third.id()).size());
        for (Document d : List.of(first, second, third)) assertEquals(d, store.documents().byId(d.id()).orElseThrow());
        assertEquals("5d3e0c52-6a3b-4f0e-9a55-0a6f1f7e2b11", second.guid());
        assertEquals(at, third.importedAt());
        assertEquals("Малчин\n", store.documents().text(third.id()));
        assertEquals(List.of("Малчин", "ᠮᠠᠯᠴᠢᠨ 🐑", "草场 01"), store.documents().all().stream().map(Document::name).sorted().toList());
    }

    @Test
    void valuesAreSetAgainRatherThanAddedTwice() {
        ProjectStoreTest.Fixture f = fixture(store);
        Attribute age = store.attributes().insert(null, "Age", Attribute.Type.INTEGER, null);
        store.attributes().setDocumentValue(f.doc().id(), age.id(), "45");
        store.attributes().setDocumentValue(f.doc().id(), age.id(), "46");
        assertEquals(Map.of(age.id(), "46"), store.attributes().documentValues(f.doc().id()));
        assertThrows(TamgaException.class, () -> store.attributes().insert(null, "AGE", Attribute.Type.TEXT, null),
                "attribute names differ by more than case");
    }

    @Test
    void listsAreInTheSameOrderInEveryStore() {
        for (String name : List.of("b-访谈", "A-interview", "a-Ярилцлага", "B-2")) insertDocument(store, name, name + " text\n");
        assertEquals(List.of("A-interview", "a-Ярилцлага", "B-2", "b-访谈"), store.documents().all().stream().map(Document::name).toList());
        for (String name : List.of("Zaya", "bat", "Алтан")) store.coders().insert(null, name);
        assertEquals(List.of("bat", "Zaya", "Алтан"), store.coders().all().stream().map(Coder::name).toList());
    }

    @Test
    void newCodesGoAfterTheirSiblingsAtTopLevelAndBelowAParent() {
        Code a = store.codes().insert(null, null, "A", null, null, true);
        Code b = store.codes().insert(null, null, "B", null, null, true);
        Code child = store.codes().insert(null, a.id(), "A1", null, null, true);
        Code child2 = store.codes().insert(null, a.id(), "A2", null, null, true);
        assertEquals(0, a.order());
        assertEquals(1, b.order());
        assertEquals(0, child.order());
        assertEquals(1, child2.order());
    }

    @Test
    void aCodingIsAddedOnceByABatchThatHasItAlready() {
        ProjectStoreTest.Fixture f = fixture(store);
        var c = new CodingRepository.NewCoding(f.doc().id(), f.child().id(), f.coder().id(), 1, 5);
        assertEquals(1, store.codings().insertAllNew(List.of(c)));
        assertEquals(0, store.codings().insertAllNew(List.of(c)));
        assertEquals(1, store.codings().count());
    }

    @Test
    void deletingADocumentDeletesItsCodingsTurnsAndValues() {
        ProjectStoreTest.Fixture f = fixture(store);
        Document second = insertDocument(store, "second", "another text\n");
        store.codings().insert(null, f.doc().id(), f.child().id(), f.coder().id(), 0, 4, null, null);
        store.turns().insertAll(f.doc().id(), List.of(new TurnRepository.NewTurn("A", 0, 4, null, null)));
        Coding kept = store.codings().insert(null, second.id(), f.other().id(), f.coder().id(), 0, 7, null, null);

        store.documents().delete(f.doc().id());

        assertEquals(List.of(kept), store.codings().all());
        assertEquals(0, store.turns().count());
        assertTrue(store.documents().byId(f.doc().id()).isEmpty());
        assertEquals(3, store.codes().codebook().size(), "codes stay");
    }

    @Test
    void deletingACodeDeletesItsChildCodesAndTheirCodings() {
        ProjectStoreTest.Fixture f = fixture(store);
        Code grandchild = store.codes().insert(null, f.child().id(), "Winter camp · 冬营地", null, null, true);
        store.codings().insert(null, f.doc().id(), f.child().id(), f.coder().id(), 0, 4, null, null);
        store.codings().insert(null, f.doc().id(), grandchild.id(), f.coder().id(), 2, 3, null, null);
        Coding kept = store.codings().insert(null, f.doc().id(), f.other().id(), f.coder().id(), 5, 6, null, null);

        store.codes().delete(f.parent().id());

        assertEquals(List.of(f.other()), store.codes().codebook().codes());
        assertEquals(List.of(kept), store.codings().all());
    }

    @Test
    void aCoderWithCodingsCannotBeDeletedBehindTheirBack() {
        ProjectStoreTest.Fixture f = fixture(store);
        store.codings().insert(null, f.doc().id(), f.child().id(), f.coder().id(), 0, 4, null, null);
        assertThrows(TamgaException.class, () -> store.update("DELETE FROM coder WHERE id = ?", f.coder().id()));
        assertEquals(1, store.codings().count());
    }

    @Test
    void aTransactionIsAllOrNothingAndTheStoreWorksAfterAFailure() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> store.inTransaction(() -> {
            ProjectStoreTest.Fixture f = fixture(store);
            store.codings().insert(null, f.doc().id(), f.child().id(), f.coder().id(), 0, 4, null, null);
            store.setProjectMemo("备忘");
            throw new IllegalStateException("boom 💥");
        }));
        assertEquals("boom 💥", e.getMessage());
        assertEquals(0, store.documents().count());
        assertEquals(0, store.codes().codebook().size());
        assertTrue(store.coders().all().isEmpty());
        assertNull(store.project().memo());

        TamgaException t = assertThrows(TamgaException.class, () -> store.inTransaction(() -> {
            insertDocument(store, "a", TEXT);
            throw new SQLException("disk on fire");
        }));
        assertTrue(t.getMessage().contains("disk on fire"), t.getMessage());
        assertEquals(0, store.documents().count());

        // a statement the database refuses, inside a transaction, rolls it all back too
        assertThrows(TamgaException.class, () -> store.inTransaction(() -> {
            insertDocument(store, "a", TEXT);
            insertDocument(store, "a", TEXT); // the same name and text again
            return null;
        }));
        assertEquals(0, store.documents().count());

        insertDocument(store, "b", TEXT);
        assertEquals(1, store.documents().count());
    }

    @Test
    void aSavepointUndoesOneItemAndTheTransactionGoesOn() {
        store.inTransaction(() -> {
            insertDocument(store, "first", "one\n");
            assertThrows(TamgaException.class, () -> store.inSavepoint(() -> insertDocument(store, "first", "one\n")));
            store.inSavepoint(() -> insertDocument(store, "second", "two\n"));
            return null;
        });
        assertEquals(List.of("first", "second"), store.documents().all().stream().map(Document::name).toList());
    }

    @Test
    void aDryRunSeesItsOwnChangesAndLeavesNothing() {
        int seen = store.rolledBack(() -> {
            insertDocument(store, "trial", "try\n");
            return store.documents().count();
        });
        assertEquals(1, seen);
        assertEquals(0, store.documents().count());
    }

    @Test
    void codingsMustEndAfterTheyStartAndReferToRowsThatExist() {
        ProjectStoreTest.Fixture f = fixture(store);
        assertThrows(TamgaException.class, () -> store.codings().insert(null, f.doc().id(), f.child().id(), f.coder().id(), 5, 5, null, null));
        assertThrows(TamgaException.class, () -> store.codings().insert(null, f.doc().id(), f.child().id(), f.coder().id(), -1, 2, null, null));
        assertThrows(TamgaException.class, () -> store.codings().insert(null, 999, f.child().id(), f.coder().id(), 0, 1, null, null));
        Coding ok = store.codings().insert(null, f.doc().id(), f.child().id(), f.coder().id(), 5, 6, null, null);
        assertThrows(TamgaException.class, () -> store.codings().setRange(ok.id(), 6, 6));
        assertEquals(List.of(ok), store.codings().all());
    }

    @Test
    void aCopyInAProjectFileHoldsEverything() throws Exception {
        ProjectStoreTest.Fixture f = fixture(store);
        Coding coding = store.codings().insert(null, f.doc().id(), f.child().id(), f.coder().id(), 2, 9, "🐑", null);
        java.nio.file.Path copy = java.nio.file.Files.createTempDirectory("tamga-copy").resolve("副本 copy.tamga");
        store.copyTo(copy);
        try (ProjectStore file = ProjectStore.open(copy)) {
            assertEquals(store.project(), file.project());
            assertEquals(store.documents().all(), file.documents().all());
            assertEquals(TEXT, file.documents().text(f.doc().id()));
            assertEquals(List.of(coding), file.codings().all());
            assertEquals(store.codes().codebook().codes(), file.codes().codebook().codes());
            // and ids go on after the copied ones
            assertTrue(insertDocument(file, "next", "next\n").id() > f.doc().id());
        }
        assertThrows(TamgaException.class, () -> store.copyTo(copy), "an existing file is never overwritten");
    }
}
