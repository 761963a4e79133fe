package org.tamga.core;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tamga.exchange.CodebookFile;
import org.tamga.model.Code;
import org.tamga.model.Codebook;
import org.tamga.model.Document;
import org.tamga.model.TamgaException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class CodebookServiceTest {
    static final Path SHIPPED = Path.of("codebooks", "poverty-capability-local-knowledge.qdc");
    @TempDir Path dir;
    ProjectSession session;

    @BeforeEach
    void open() { session = ProjectSession.create(dir.resolve("p.tamga"), dir.resolve("cache")); }

    @AfterEach
    void close() { session.close(); }

    @Test
    void importingTheShippedCodebookThenExportingItGivesTheSameFile() throws Exception {
        CodebookService.MergeReport r = session.codebook().importQdc(SHIPPED);
        int total = (int) CodebookFile.read(SHIPPED).codes().stream().flatMap(n -> n.flatten()).count();
        assertEquals(total, r.added());
        assertEquals(List.of(), r.conflicts());
        Path out = dir.resolve("导出.qdc");
        session.codebook().exportQdc(out);
        CodebookFile.validate(Files.readAllBytes(out), "导出.qdc");
        assertEquals(CodebookFile.read(SHIPPED).codes(), CodebookFile.read(out).codes());

        CodebookService.MergeReport again = session.codebook().importQdc(SHIPPED);
        assertEquals(0, again.added());
        assertEquals(total, again.unchanged());
        assertEquals(total, session.codebook().codebook().size(), "nothing duplicated");
    }

    @Test
    void mergeKeepsTheProjectsVersionAndReportsEachConflict() throws Exception {
        Code health = session.codebook().create(null, "Health · 健康", "our own definition", "#FF0000");
        Path file = dir.resolve("theirs.qdc");
        Files.writeString(file, """
                <?xml version="1.0" encoding="UTF-8"?>
                <CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>
                  <Code guid="%s" name="Health · 健康" isCodable="true" color="#00FF00"><Description>their definition</Description>
                    <Code guid="0d9a3c1e-1111-4a59-9b0a-3f1d2c3b4a50" name="Medical costs" isCodable="true"/>
                  </Code>
                  <Code guid="0d9a3c1e-2222-4a59-9b0a-3f1d2c3b4a50" name="Fatalism" isCodable="true"/>
                </Codes></CodeBook>""".replace("%s", health.guid()));
        CodebookService.MergeReport r = session.codebook().importQdc(file);
        assertEquals(2, r.added());
        assertEquals(1, r.conflicts().size());
        assertTrue(r.conflicts().getFirst().contains("description differs") && r.conflicts().getFirst().contains("colour"), r.conflicts().toString());
        Codebook book = session.codebook().codebook();
        Code kept = book.byGuid(health.guid()).orElseThrow();
        assertEquals("our own definition", kept.description());
        assertEquals("#FF0000", kept.color());
        assertEquals("Health · 健康", book.path(book.children(kept.id()).getFirst()).split(" › ")[0]);
    }

    @Test
    void aFailedImportChangesNothing() throws Exception {
        session.codebook().create(null, "Existing", null, null);
        Path broken = dir.resolve("broken.qdc");
        Files.writeString(broken, "<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\"><Codes><Code name=\"x\"");
        assertThrows(TamgaException.class, () -> session.codebook().importQdc(broken));
        assertEquals(1, session.codebook().codebook().size());
    }

    @Test
    void createRenameMoveMergeDelete() {
        CodebookService cb = session.codebook();
        Code cap = cb.create(null, "Capability · 可行能力", null, null);
        Code edu = cb.create(cap.id(), "Education", null, null);
        Code school = cb.create(null, "Schooling", null, null);
        assertThrows(TamgaException.class, () -> cb.create(cap.id(), "education", null, null), "siblings have distinct names");
        assertThrows(TamgaException.class, () -> cb.move(cap.id(), edu.id()), "no cycles");

        cb.rename(edu.id(), "Education and knowledge · 教育与知识");
        cb.move(school.id(), cap.id());
        Codebook book = cb.codebook();
        assertEquals(List.of("Education and knowledge · 教育与知识", "Schooling"), book.children(cap.id()).stream().map(Code::name).toList());

        Document doc = importOne("访谈.txt", "孩子上学的事情我们很着急。");
        session.coding().apply(doc, 0, 4, cb.codebook().byId(school.id()).orElseThrow(), "Saran");
        CodebookService.Merge merge = cb.merge(school.id(), edu.id());
        assertEquals(1, merge.codings());
        assertTrue(cb.codebook().byId(school.id()).isEmpty());
        assertEquals(1, session.coding().retrieve(cb.codebook().byId(edu.id()).orElseThrow(), false, null).size());

        cb.unmerge(merge);
        Code schoolBack = cb.codebook().byGuid(school.guid()).orElseThrow();
        assertEquals(1, session.coding().retrieve(schoolBack, false, null).size(), "undoing a merge gives the codings back");
        assertEquals(0, session.coding().retrieve(cb.codebook().byId(edu.id()).orElseThrow(), false, null).size());
        cb.merge(schoolBack.id(), edu.id());

        CodebookService.Snapshot deleted = cb.delete(cap.id());
        assertEquals(0, cb.codebook().size(), "children go with their parent");
        assertEquals(0, session.coding().all(null).size(), "and so do their codings");
        cb.restore(deleted);
        assertEquals(2, cb.codebook().size());
        assertEquals("Capability · 可行能力 › Education and knowledge · 教育与知识",
                cb.codebook().path(cb.codebook().byGuid(edu.guid()).orElseThrow()), "restored in place");
        assertEquals(1, session.coding().all(null).size(), "with its codings");
    }

    @Test
    void aCodeIsFoundByEitherHalfOfItsNameOrByItsPath() {
        session.codebook().importQdc(SHIPPED);
        CodebookService cb = session.codebook();
        assertEquals(cb.resolve("等靠要"), cb.resolve("Dependency on outside help"));
        assertEquals(cb.resolve("Health"), cb.resolve("Capability/Health"));
        assertEquals(cb.resolve("Health"), cb.resolve("可行能力 › 健康"));
        cb.create(null, "Health · 医疗", null, null);
        TamgaException e = assertThrows(TamgaException.class, () -> cb.resolve("health"));
        assertTrue(e.getMessage().contains("2 codes"), e.getMessage());
        assertThrows(TamgaException.class, () -> cb.resolve("no such code"));
    }

    private Document importOne(String name, String text) {
        try {
            Path f = dir.resolve(name);
            Files.writeString(f, text);
            return session.importing().importFiles(List.of(f), null).imported().getFirst();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
