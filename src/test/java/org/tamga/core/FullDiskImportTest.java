package org.tamga.core;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tamga.model.Document;
import org.tamga.store.FullDisks;
import org.tamga.store.ProjectFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** An import onto a full disk (a real SQLITE_FULL, see FullDisks): every file says so, and the project keeps what it had. */
class FullDiskImportTest {
    @TempDir Path tmp;

    private Path transcript(Path folder, String name, int repeat) throws IOException {
        Files.createDirectories(folder);
        return Files.writeString(folder.resolve(name), ("访谈者：草场怎么样？\n受访者：Бэлчээр муудсан 🐑 " + name + "\n").repeat(repeat), StandardCharsets.UTF_8);
    }

    @Test
    void anImportOntoAFullDiskNamesItForEveryFileAndLeavesTheProjectAsItWas() throws IOException {
        Path file = tmp.resolve("study 研究.tamga");
        Path cache = tmp.resolve("cache");
        try (ProjectSession s = ProjectSession.create(file, cache)) {
            ImportReport first = s.importing().importFiles(List.of(transcript(tmp.resolve("a"), "early.txt", 3)), null);
            assertTrue(first.ok(), first.failures().toString());
            FullDisks.fillUpAfter(s.store(), 2);
            List<Path> more = List.of(transcript(tmp.resolve("b"), "one.txt", 2_000), transcript(tmp.resolve("b"), "two.txt", 2_000),
                    transcript(tmp.resolve("b"), "three.txt", 2_000));
            ImportReport report = s.importing().importFiles(more, null);
            assertTrue(report.imported().isEmpty(), report.imported().toString());
            assertEquals(more, report.failures().stream().map(ImportReport.Failure::file).toList(), "every file is reported, in order");
            for (ImportReport.Failure f : report.failures()) {
                assertTrue(f.reason().startsWith("The disk holding " + file + " is full"), f.reason());
            }
            assertEquals(List.of("early"), s.documents().all().stream().map(Document::name).toList());
        }
        assertTrue(ProjectFiles.quickCheck(file).ok());
        try (ProjectSession again = ProjectSession.open(file, cache)) {
            assertEquals(List.of("early"), again.documents().all().stream().map(Document::name).toList());
            assertEquals(3, again.search().search(SearchService.Request.of("草场")).hits().size(), "searchable as before");
        }
    }
}
