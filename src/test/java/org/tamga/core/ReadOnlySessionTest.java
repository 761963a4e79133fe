package org.tamga.core;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.tamga.model.Code;
import org.tamga.model.Document;
import org.tamga.model.TamgaException;
import org.tamga.store.ReadOnlyFolders;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A project opened for reading only — asked for, or found in a folder that cannot be written
 * (ADR 45): everything that reads works, every edit is refused with one sentence, and not a byte
 * of the project or its folder changes.
 */
class ReadOnlySessionTest {
    @TempDir Path tmp;
    private Path locked;

    @AfterEach
    void unlock() throws Exception {
        if (locked != null) ReadOnlyFolders.writable(locked);
    }

    private Path sample(Path folder) throws IOException {
        Files.createDirectories(folder);
        Path file = folder.resolve("样本 sample.tamga");
        try (ProjectSession s = SampleProject.create(file, tmp.resolve("cache"))) {
            s.setProjectMemo("Төсөл 🐑");
        }
        return file;
    }

    private static String digest(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    private static List<String> files(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) { return s.map(p -> p.getFileName().toString()).sorted().toList(); }
    }

    /** What the reading commands do: info, codes, search, reports, exports. */
    private void assertReads(ProjectSession s) {
        ProjectSession.Summary sum = s.summary();
        assertEquals(6, sum.documents());
        assertEquals(28, sum.codes());
        assertEquals("Төсөл 🐑", s.project().memo());
        assertFalse(s.search().search(SearchService.Request.of("贫困")).hits().isEmpty(), "search works: the index is in the cache");
        assertFalse(s.reports().frequencies(List.of(), List.of()).rows().isEmpty());
        Code dependency = s.codebook().resolve("等靠要");
        assertFalse(s.coding().retrieve(dependency, true, null).isEmpty());
        Path out = tmp.resolve("exports");
        try { Files.createDirectories(out); } catch (IOException e) { throw new AssertionError(e); }
        ExchangeService.ExportReport qdpx = s.exchange().exportQdpx(out.resolve("导出.qdpx"));
        assertEquals(6, qdpx.documents());
        s.codebook().exportQdc(out.resolve("codes.qdc"));
        assertTrue(Files.isRegularFile(out.resolve("codes.qdc")));
    }

    /** Every kind of edit, each refused with exactly {@code sentence}. */
    private void assertEditsRefused(ProjectSession s, String sentence) throws IOException {
        Document doc = s.documents().all().getFirst();
        Code code = s.codebook().resolve("等靠要");
        Path newText = Files.writeString(tmp.resolve("new 新.txt"), "访谈者：草场？\n受访者：好。\n", StandardCharsets.UTF_8);
        List<Executable> edits = List.of(
                () -> s.importing().importFiles(List.of(newText), null),
                () -> s.codebook().create(null, "新代码 ᠰᠢᠨ᠎ᠡ", null, null),
                () -> s.codebook().rename(code.id(), "Шинэ нэр"),
                () -> s.codebook().delete(code.id()),
                () -> s.coding().apply(doc, 0, 3, code, "Болд"),
                () -> s.documents().delete(doc),
                () -> s.documents().setMemo(doc, "memo"),
                () -> s.setProjectMemo("新的备忘"),
                () -> s.addMemo("title", "text", "Болд"),
                () -> s.cases().createCase("Case 🐎", null),
                () -> s.merging().merge(List.of(tmp.resolve("other.tamga")), true),
                () -> s.restore(tmp.resolve("any.bak")));
        for (Executable edit : edits) {
            TamgaException e = assertThrows(TamgaException.class, edit);
            assertEquals(sentence, e.getMessage());
        }
    }

    @Test
    void aProjectOpenedForReadingOnlyReadsEverythingAndRefusesEveryEdit() throws Exception {
        Path file = sample(tmp.resolve("project"));
        String before = digest(file);
        try (ProjectSession s = ProjectSession.openReadOnly(file, tmp.resolve("cache"))) {
            String sentence = "样本 sample.tamga is read-only (it was opened for reading only): edits are refused.";
            assertEquals(sentence, s.readOnly().orElseThrow());
            assertReads(s);
            assertEditsRefused(s, sentence);
            assertFalse(s.changedOutside());
            assertEquals(6, s.summary().documents(), "still reads after the refusals");
        }
        assertEquals(before, digest(file));
        try (ProjectSession s = ProjectSession.open(file, tmp.resolve("cache"))) {
            assertTrue(s.readOnly().isEmpty(), "opened as usual where it can be written");
            assertEquals(6, s.summary().documents());
        }
    }

    @Test
    void aProjectInAFolderThatCannotBeWrittenOpensForReadingOnlyByItself() throws Exception {
        Path folder = tmp.resolve("USB 光盘");
        Path file = sample(folder);
        List<String> filesBefore = files(folder);
        String before = digest(file);
        ReadOnlyFolders.readOnly(folder);
        locked = folder;
        try (ProjectSession s = ProjectSession.open(file, tmp.resolve("cache"))) {
            String sentence = "样本 sample.tamga is read-only (the folder " + folder + " cannot be written): edits are refused.";
            assertEquals(sentence, s.readOnly().orElseThrow());
            assertReads(s);
            assertEditsRefused(s, sentence);
            TamgaException backup = assertThrows(TamgaException.class, s::backUpNow, "its backups folder cannot be made beside it");
            assertFalse(backup.getMessage().contains("\n"), backup.getMessage());
        }
        assertEquals(filesBefore, files(folder), "no backup, no journal: nothing was made beside it");
        assertEquals(before, digest(file));
    }
}
