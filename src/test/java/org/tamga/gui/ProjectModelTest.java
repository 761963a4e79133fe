package org.tamga.gui;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tamga.core.ProjectSession;
import org.tamga.model.Code;
import org.tamga.model.Coding;
import org.tamga.model.TamgaException;
import org.testfx.api.FxToolkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.*;

/** The window's view model without the window: every edit is undone and redone through the core; the history belongs to one project. */
class ProjectModelTest {
    @TempDir Path dir;
    QueuedTaskExecutor tasks;
    ProjectModel model;
    final List<Throwable> failures = new ArrayList<>();

    @BeforeAll
    static void toolkit() throws Exception { FxToolkit.registerPrimaryStage(); }

    @BeforeEach
    void open() {
        tasks = new QueuedTaskExecutor();
        tasks.onFailure(failures::add);
        model = new ProjectModel(dir.resolve("cache"), tasks);
        AtomicReference<ProjectModel.Opened> opened = new AtomicReference<>();
        model.openSample(dir.resolve("sub/folder/sample.tamga"), opened::set);
        tasks.drain();
        assertNotNull(opened.get(), "the sample is open");
        assertEquals(6, opened.get().documents());
    }

    @AfterEach
    void close() { model.close(); }

    private Code code(String prefix) {
        return model.codebook.get().codes().stream().filter(c -> c.name().startsWith(prefix)).findFirst().orElseThrow();
    }

    private void undo() { model.undo(); tasks.drain(); }

    @Test
    void codeEditsAreUndoneAndRedone() {
        int codes = model.codebook.get().size();
        model.codes().create(code("Capability"), "Livestock insurance · 牲畜保险", null);
        tasks.drain();
        assertEquals(codes + 1, model.codebook.get().size());
        assertEquals("new code \u201CLivestock insurance · 牲畜保险\u201D", model.undoText.get());
        Code made = code("Livestock insurance");

        model.codes().rename(made, "Insurance · 保险");
        tasks.drain();
        assertTrue(model.codebook.get().codes().stream().anyMatch(c -> c.name().equals("Insurance · 保险")));
        undo();
        assertEquals("Livestock insurance · 牲畜保险", model.codebook.get().byGuid(made.guid()).orElseThrow().name());

        model.codes().move(code("Livestock insurance"), code("Interventions"));
        tasks.drain();
        assertTrue(model.codebook.get().path(code("Livestock insurance")).startsWith("Interventions"));
        undo();
        assertTrue(model.codebook.get().path(code("Livestock insurance")).startsWith("Capability"));

        int healthCodings = model.codeCounts.get().get(code("Health").id());
        model.codes().merge(code("Health"), code("Livestock insurance"));
        tasks.drain();
        assertTrue(model.codebook.get().codes().stream().noneMatch(c -> c.name().startsWith("Health")));
        assertEquals(healthCodings, model.codeCounts.get().get(code("Livestock insurance").id()));
        undo();
        assertEquals(healthCodings, model.codeCounts.get().get(code("Health").id()), "undoing the merge gives the codings back");

        int withChildren = model.codebook.get().withDescendants(code("Local knowledge").id()).size();
        model.codes().delete(code("Local knowledge"));
        tasks.drain();
        assertEquals(codes + 1 - withChildren, model.codebook.get().size());
        undo();
        assertEquals(codes + 1, model.codebook.get().size(), "the deleted family comes back");
        model.redo();
        tasks.drain();
        assertEquals(codes + 1 - withChildren, model.codebook.get().size());
        assertTrue(failures.isEmpty(), failures.toString());
    }

    @Test
    void codingEditsAndMemosAreUndoneAndRedone() {
        var doc = model.documentItems.getFirst().document();
        model.openDocument(doc, null);
        tasks.drain();
        int before = model.openDocument.get().codings().size();
        model.coding().apply(code("Customs"), 5, 20, null);
        tasks.drain();
        assertEquals(before + 1, model.openDocument.get().codings().size());
        Coding c = model.openDocument.get().codings().stream().filter(k -> k.start() == 5 && k.end() == 20).findFirst().orElseThrow();
        assertEquals(code("Customs").guid(), model.recentCodes.getFirst().guid(), "recent codes remember it");

        model.coding().changeRange(c, 6, 25);
        tasks.drain();
        assertTrue(model.openDocument.get().codings().stream().anyMatch(k -> k.guid().equals(c.guid()) && k.end() == 25));
        undo();
        assertTrue(model.openDocument.get().codings().stream().anyMatch(k -> k.guid().equals(c.guid()) && k.start() == 5 && k.end() == 20));

        model.coding().setMemo(c, "她说的是春节 (Tsagaan Sar)");
        tasks.drain();
        assertEquals("她说的是春节 (Tsagaan Sar)", coding(c.guid()).memo());
        undo();
        assertNull(coding(c.guid()).memo());

        model.coding().remove(c);
        tasks.drain();
        assertEquals(before, model.openDocument.get().codings().size());
        undo();
        assertNotNull(coding(c.guid()), "undo puts back the same coding");

        model.documents().setMemo(doc, "first visit");
        tasks.drain();
        assertEquals("first visit", model.documentItems.stream().filter(d -> d.document().guid().equals(doc.guid())).findFirst().orElseThrow().document().memo());
        assertTrue(model.canUndo.get());
        assertFalse(model.canRedo.get());
    }

    @Test
    void aCodingIsPutBackByItsCodesGuidAfterTheCodeWasDeletedAndRestored() {
        var doc = model.documentItems.getFirst().document();
        model.openDocument(doc, null);
        tasks.drain();
        Code customs = code("Customs");
        model.coding().apply(customs, 40, 60, null);
        tasks.drain();
        Coding made = model.openDocument.get().codings().stream().filter(k -> k.start() == 40 && k.end() == 60).findFirst().orElseThrow();
        model.codes().delete(code("Customs"));
        tasks.drain();
        undo(); // the code comes back, with a new row id
        assertNotEquals(customs.id(), code("Customs").id(), "the restored code has a new row id");
        undo(); // the coding goes
        assertNull(coding(made.guid()));
        model.redo();
        tasks.drain();
        Coding back = coding(made.guid());
        assertNotNull(back, "redo puts the coding back");
        assertEquals(code("Customs").id(), back.codeId(), "on the code as it is now, found by its GUID");
        assertTrue(failures.isEmpty(), failures.toString());
    }

    @Test
    void undoNeverCrossesProjects() {
        // project A: remove a coding, so that Undo would insert it
        var doc = model.documentItems.getFirst().document();
        model.openDocument(doc, null);
        tasks.drain();
        Coding removed = model.openDocument.get().codings().getFirst();
        model.coding().remove(removed);
        tasks.drain();
        assertTrue(model.canUndo.get());
        Path a = model.projectFile.get();

        // project B: another copy of the sample, with the same documents and codebook
        Path b = dir.resolve("b.tamga");
        model.openSample(b, null);
        tasks.drain();
        assertEquals(b.toAbsolutePath().normalize(), model.projectFile.get().toAbsolutePath().normalize());
        int codingsInB = codings(b);
        assertFalse(model.canUndo.get(), "a freshly opened project has nothing to undo");
        model.undo();
        tasks.drain();
        model.redo();
        tasks.drain();
        model.closeProject(null);
        tasks.drain();
        assertEquals(codingsInB, codings(b), "project B is unchanged");
        assertTrue(failures.isEmpty(), failures.toString());
        assertEquals(codings(b) - 1, codings(a), "A keeps its removal");
    }

    @Test
    void speakersAreShownWithTheDocumentAndCanBeCorrected() {
        var doc = model.documentItems.stream().filter(d -> d.document().name().startsWith("访谈01")).findFirst().orElseThrow().document();
        model.openDocument(doc, null);
        tasks.drain();
        var names = model.openDocument.get().speakers().stream().map(org.tamga.core.SpeakerService.Speaker::name).toList();
        assertTrue(names.contains("受访者") && names.contains("访谈者"), names.toString());
        int respondentTurns = model.openDocument.get().speakers().stream().filter(x -> x.name().equals("受访者")).findFirst().orElseThrow().turns();
        AtomicReference<DocumentActions.Renamed> renamed = new AtomicReference<>();
        model.documents().renameSpeaker("受访者", "巴特尔", doc, renamed::set);
        tasks.drain();
        assertEquals(respondentTurns, renamed.get().turns());
        assertTrue(model.openDocument.get().speakers().stream().anyMatch(x -> x.name().equals("巴特尔") && x.turns() == respondentTurns));

        Code health = code("Health");
        model.codes().recolour(health, "#123456");
        tasks.drain();
        assertEquals("#123456", code("Health").color());
        undo();
        assertEquals(health.color(), code("Health").color());
    }

    @Test
    void aRefusalReachesTheFailureHandlerAsPlainWords() {
        model.coding().apply(code("Health"), 0, 5, null);
        tasks.drain();
        assertEquals(1, failures.size());
        assertInstanceOf(TamgaException.class, failures.getFirst());
        assertTrue(failures.getFirst().getMessage().contains("Open a document"), failures.getFirst().getMessage());
    }

    @Test
    void anErrorInBackgroundWorkIsReportedAndTheStatusDoesNotHang() {
        model.tasks().run("boom", p -> { throw new OutOfMemoryError("test"); }, x -> fail("no result"));
        tasks.drain();
        assertInstanceOf(OutOfMemoryError.class, failures.getFirst());
        assertEquals(0, tasks.pending.get(), "nothing is left 'running'");
        assertEquals("", tasks.message.get());
    }

    @Test
    void anImportAndACodingFromAnotherProcessAreSeenWithSearchIncluded() throws Exception {
        Path file = model.projectFile.get();
        model.checkOutsideChanges();
        tasks.drain();
        assertEquals(0, model.outsideChanges.get(), "nothing changed yet");
        Path text = Files.writeString(dir.resolve("访谈09_牧民.txt"), "访谈者：您好。\n受访者：骆驼草 camelthorn 在我们这里很少见。\n");
        int documents = model.documentItems.size();
        int codings = model.codeCounts.get().values().stream().mapToInt(Integer::intValue).sum();
        // the command line, in a process of its own, imports and codes while the window has the project open
        run("import", file.toString(), text.toString());
        run("code", file.toString(), "--document", "访谈09_牧民", "--start", "7", "--end", "10", "--code", "Health", "--coder", "命令行");
        model.checkOutsideChanges();
        tasks.drain();
        assertEquals(1, model.outsideChanges.get());
        assertEquals(documents + 1, model.documentItems.size(), "the imported document is listed");
        assertEquals(codings + 1, model.codeCounts.get().values().stream().mapToInt(Integer::intValue).sum(), "the coding is counted");
        AtomicReference<Queries.Searched> found = new AtomicReference<>();
        model.queries().search("camelthorn", null, java.util.Map.of(), found::set);
        tasks.drain();
        assertEquals(1, found.get().result().hits().size(), "the index caught up: search finds the new document");
        model.checkOutsideChanges();
        tasks.drain();
        assertEquals(1, model.outsideChanges.get(), "read once, not again");
    }

    @Test
    void aRestoreByTheCommandLineInAnotherProcessIsSeenAndEverythingReadAgain() throws Exception {
        Path file = model.projectFile.get();
        // the window's own backup, then changes: an import, a code deleted, a coding removed
        AtomicReference<org.tamga.core.Backups.Backup> made = new AtomicReference<>();
        model.backUpNow(made::set);
        tasks.drain();
        Path text = Files.writeString(dir.resolve("访谈11_戈壁.txt"), "受访者：戈壁 gobi 上的沙葱 sand onion。\n");
        model.documents().importFiles(List.of(text), r -> { });
        tasks.drain();
        int healthCodings = model.codeCounts.get().getOrDefault(code("Health").id(), 0);
        model.codes().delete(code("Health"));
        tasks.drain();
        model.openDocument(model.documentItems.stream().filter(i -> i.document().name().startsWith("访谈11")).findFirst().orElseThrow().document(), null);
        tasks.drain();
        assertNotNull(model.openDocument.get());

        run("restore", file.toString(), made.get().file().getFileName().toString());
        model.checkOutsideChanges();
        tasks.drain();
        assertEquals(1, model.outsideChanges.get(), "the restore is noticed");
        assertEquals(6, model.documentItems.size());
        assertEquals(healthCodings, model.codeCounts.get().getOrDefault(code("Health").id(), 0), "the code is back with its codings");
        assertNull(model.openDocument.get(), "the document that the restore took away is no longer shown");
        AtomicReference<Queries.Searched> found = new AtomicReference<>();
        model.queries().search("onion", null, java.util.Map.of(), found::set);
        tasks.drain();
        assertEquals(0, found.get().result().hits().size(), "search reflects the restored state");
        assertTrue(failures.isEmpty(), failures.toString());
    }

    private void run(String... args) throws Exception {
        String javaBin = ProcessHandle.current().info().command().orElseThrow();
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of(javaBin, "--enable-native-access=ALL-UNNAMED", "-Dfile.encoding=UTF-8",
                "-Djava.awt.headless=true", "-Dtamga.cache.dir=" + dir.resolve("other-cache"), "-Dtamga.log.dir=" + dir.resolve("other-logs"),
                "-cp", System.getProperty("java.class.path"), "org.tamga.Main"));
        command.addAll(java.util.List.of(args));
        Path out = dir.resolve("child-" + System.nanoTime() + ".out");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        // a bound for a broken build, not a pause: the child is waited for however slow the machine
        if (!p.waitFor(5, java.util.concurrent.TimeUnit.MINUTES)) { p.destroyForcibly(); fail("the command line did not end"); }
        assertEquals(0, p.exitValue(), Files.readString(out));
    }

    @Test
    void helpCopyDiagnosticsReadsTheOpenProjectsReport() {
        AtomicReference<String> report = new AtomicReference<>();
        model.diagnostics("21.0.11+4", "test", report::set);
        tasks.drain();
        assertTrue(report.get().contains("Project: " + model.projectFile.get().toAbsolutePath()), report.get());
        assertTrue(report.get().contains("JavaFX: 21.0.11+4"));
        assertTrue(report.get().contains("Contents: 6 documents"), report.get());
    }

    private int codings(Path project) {
        try (ProjectSession s = ProjectSession.open(project, dir.resolve("cache-check"))) {
            return s.summary().codings();
        }
    }

    private Coding coding(String guid) {
        return model.openDocument.get().codings().stream().filter(k -> k.guid().equals(guid)).findFirst().orElse(null);
    }
}
