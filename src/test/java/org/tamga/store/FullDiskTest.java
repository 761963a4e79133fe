package org.tamga.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tamga.model.DiskFullException;
import org.tamga.model.Document;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;
import static org.tamga.store.ProjectStoreTest.insertDocument;

/** A full disk, made real with SQLite's max_page_count: named as such, and nothing of the change is in the file. */
class FullDiskTest {
    @TempDir Path tmp;

    /** A text of about 600 KB in UTF-8: far more than a few pages. */
    private static final String LONG = "问：草场承包以后怎么样？\nМалчин: Бэлчээр муудсан. ᠮᠣᠩᠭᠣᠯ\u202Fᠤᠨ 🐑\n".repeat(6_000);

    private static void assertFullDisk(Path file, DiskFullException e) {
        assertTrue(e.getMessage().startsWith("The disk holding " + file + " is full: "), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        assertFalse(e.getMessage().contains("no transaction is active"), "the cause is not hidden: " + e.getMessage());
        assertEquals(file, e.where());
    }

    private static List<String> names(ProjectStore store) { return store.documents().all().stream().map(Document::name).toList(); }

    @Test
    void anEditThatDoesNotFitIsRefusedAsAFullDiskAndNothingOfItIsWritten() {
        Path file = tmp.resolve("草场 study.tamga");
        try (ProjectStore store = ProjectStore.create(file, "草场")) {
            insertDocument(store, "before 🐎", "已经保存的文本");
            FullDisks.fillUpAfter(store, 3);
            DiskFullException e = assertThrows(DiskFullException.class, () -> insertDocument(store, "too long", LONG));
            assertFullDisk(file, e);
            // one transaction of two documents, the second of which does not fit: neither is in the file
            DiskFullException two = assertThrows(DiskFullException.class, () -> store.inTransaction(() -> {
                insertDocument(store, "small", "小");
                return insertDocument(store, "too long again", LONG);
            }));
            assertFullDisk(file, two);
            assertEquals(List.of("before 🐎"), names(store), "the connection goes on, without the refused changes");
            // what fits still goes in
            insertDocument(store, "fits", "Танай өрх");
        }
        assertTrue(ProjectFiles.quickCheck(file).ok());
        try (ProjectStore again = ProjectStore.open(file)) {
            assertEquals(List.of("before 🐎", "fits"), names(again));
            assertEquals("已经保存的文本", again.documents().text(again.documents().byName("before 🐎").orElseThrow().id()));
        }
    }

    @Test
    void aFullDiskInOneItemEndsTheWholeTransactionRatherThanThatItemOnly() {
        Path file = tmp.resolve("savepoints.tamga");
        try (ProjectStore store = ProjectStore.create(file, "savepoints")) {
            insertDocument(store, "kept", "留下");
            FullDisks.fillUpAfter(store, 3);
            DiskFullException e = assertThrows(DiskFullException.class, () -> store.inTransaction(() -> {
                store.inSavepoint(() -> insertDocument(store, "first item", "一"));
                // SQLite rolls the whole transaction back: the item's savepoint is gone with it, and so is the first item
                return store.inSavepoint(() -> insertDocument(store, "second item", LONG));
            }));
            assertFullDisk(file, e);
            assertEquals(List.of("kept"), names(store));
        }
        try (ProjectStore again = ProjectStore.open(file)) {
            assertEquals(List.of("kept"), names(again));
        }
    }
}
