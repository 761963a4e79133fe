package org.tamga.gui;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tamga.model.Code;
import org.tamga.model.Coding;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.*;

/** The window's view model without the window: every edit is undone and redone through the core. */
class ProjectModelTest {
    @TempDir Path dir;
    ProjectModel model;

    @BeforeAll
    static void toolkit() throws Exception { FxToolkit.registerPrimaryStage(); }

    static void waitFor(String what, Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
        } catch (java.util.concurrent.TimeoutException e) {
            fail("timed out waiting for " + what);
        }
        // the condition is read off the JavaFX thread: let the update that made it true finish
        WaitForAsyncUtils.waitForFxEvents();
    }

    @BeforeEach
    void open() {
        model = new ProjectModel(dir.resolve("cache"));
        AtomicBoolean opened = new AtomicBoolean();
        model.openSample(dir.resolve("sub/folder/sample.tamga"), () -> opened.set(true));
        waitFor("the sample", opened::get);
    }

    @AfterEach
    void close() { model.close(); }

    private Code code(String prefix) {
        return model.codebook.get().codes().stream().filter(c -> c.name().startsWith(prefix)).findFirst().orElseThrow();
    }

    private void undoAndWait() {
        WaitForAsyncUtils.waitForFxEvents();
        int before = model.revision.get();
        model.undo();
        waitFor("undo", () -> model.revision.get() > before);
    }

    @Test
    void codeEditsAreUndoneAndRedone() {
        int codes = model.codebook.get().size();
        model.createCode(code("Capability").id(), "Livestock insurance · 牲畜保险", null);
        waitFor("create", () -> model.codebook.get().size() == codes + 1);
        assertEquals("new code \u201CLivestock insurance · 牲畜保险\u201D", model.undoText.get());
        Code made = code("Livestock insurance");

        model.renameCode(made, "Insurance · 保险");
        waitFor("rename", () -> model.codebook.get().codes().stream().anyMatch(c -> c.name().equals("Insurance · 保险")));
        undoAndWait();
        assertEquals("Livestock insurance · 牲畜保险", model.codebook.get().byGuid(made.guid()).orElseThrow().name());

        model.moveCode(code("Livestock insurance"), code("Interventions"));
        waitFor("move", () -> model.codebook.get().path(code("Livestock insurance")).startsWith("Interventions"));
        undoAndWait();
        assertTrue(model.codebook.get().path(code("Livestock insurance")).startsWith("Capability"));

        int healthCodings = model.codeCounts.get().get(code("Health").id());
        model.mergeCodes(code("Health"), code("Livestock insurance"));
        waitFor("merge", () -> model.codebook.get().codes().stream().noneMatch(c -> c.name().startsWith("Health")));
        assertEquals(healthCodings, model.codeCounts.get().get(code("Livestock insurance").id()));
        undoAndWait();
        assertEquals(healthCodings, model.codeCounts.get().get(code("Health").id()), "undoing the merge gives the codings back");

        int withChildren = model.codebook.get().withDescendants(code("Local knowledge").id()).size();
        model.deleteCode(code("Local knowledge"));
        waitFor("delete", () -> model.codebook.get().size() == codes + 1 - withChildren);
        undoAndWait();
        assertEquals(codes + 1, model.codebook.get().size(), "the deleted family comes back");
        model.redo();
        waitFor("redo delete", () -> model.codebook.get().size() == codes + 1 - withChildren);
    }

    @Test
    void codingEditsAndMemosAreUndoneAndRedone() {
        var doc = model.documents.getFirst().document();
        AtomicBoolean open = new AtomicBoolean();
        model.openDocument(doc, () -> open.set(true));
        waitFor("open", open::get);
        int before = model.openDocument.get().codings().size();
        model.applyCode(code("Customs"), 5, 20, null);
        waitFor("apply", () -> model.openDocument.get().codings().size() == before + 1);
        Coding c = model.openDocument.get().codings().stream().filter(k -> k.start() == 5 && k.end() == 20).findFirst().orElseThrow();
        assertEquals(code("Customs").guid(), model.recentCodes.getFirst().guid(), "recent codes remember it");

        model.changeRange(c, 6, 25);
        waitFor("range", () -> model.openDocument.get().codings().stream().anyMatch(k -> k.guid().equals(c.guid()) && k.end() == 25));
        undoAndWait();
        assertTrue(model.openDocument.get().codings().stream().anyMatch(k -> k.guid().equals(c.guid()) && k.start() == 5 && k.end() == 20));

        model.setCodingMemo(c, "她说的是春节 (Tsagaan Sar)");
        waitFor("memo", () -> "她说的是春节 (Tsagaan Sar)".equals(coding(c.guid()).memo()));
        undoAndWait();
        assertNull(coding(c.guid()).memo());

        model.removeCoding(c);
        waitFor("remove", () -> model.openDocument.get().codings().size() == before);
        undoAndWait();
        assertNotNull(coding(c.guid()), "undo puts back the same coding");

        model.setDocumentMemo(doc, "first visit");
        waitFor("doc memo", () -> "first visit".equals(model.documents.stream().filter(d -> d.document().guid().equals(doc.guid()))
                .findFirst().orElseThrow().document().memo()));
        assertTrue(model.canUndo.get());
        assertFalse(model.canRedo.get());
    }

    @Test
    void speakersAreShownWithTheDocumentAndCanBeCorrected() {
        var doc = model.documents.stream().filter(d -> d.document().name().startsWith("访谈01")).findFirst().orElseThrow().document();
        AtomicBoolean open = new AtomicBoolean();
        model.openDocument(doc, () -> open.set(true));
        waitFor("open", open::get);
        var names = model.openDocument.get().speakers().stream().map(org.tamga.core.SpeakerService.Speaker::name).toList();
        assertTrue(names.contains("受访者") && names.contains("访谈者"), names.toString());
        int respondentTurns = model.openDocument.get().speakers().stream().filter(x -> x.name().equals("受访者")).findFirst().orElseThrow().turns();
        model.renameSpeaker("受访者", "巴特尔", false);
        waitFor("rename", () -> model.openDocument.get().speakers().stream().anyMatch(x -> x.name().equals("巴特尔") && x.turns() == respondentTurns));

        Code health = code("Health");
        model.recolourCode(health, "#123456");
        waitFor("colour", () -> "#123456".equals(code("Health").color()));
        undoAndWait();
        assertEquals(health.color(), code("Health").color());
    }

    @Test
    void aFailureReachesTheErrorProperty() {
        model.applyCode(code("Health"), 0, 5, null);
        waitFor("the error", () -> model.error.get() != null);
        assertTrue(model.error.get().contains("Open a document"), model.error.get());
    }

    private Coding coding(String guid) {
        return model.openDocument.get().codings().stream().filter(k -> k.guid().equals(guid)).findFirst().orElse(null);
    }
}
