package org.tamga.core;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tamga.model.Code;
import org.tamga.model.Coding;
import org.tamga.model.Document;
import org.tamga.model.TamgaException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

class CodingServiceTest {
    // 🐑 is outside the BMP: positions after it differ between code points and UTF-16
    static final String TEXT = "访谈者：🐑 您家有多少羊？\n受访者：两百只左右，草场不够，要租别人的草场。";
    @TempDir Path dir;
    ProjectSession session;
    Document doc;
    Code capability, health, pastoral;

    @BeforeEach
    void open() throws Exception {
        session = ProjectSession.create(dir.resolve("p.tamga"), dir.resolve("cache"));
        Path f = dir.resolve("访谈01_牧民.txt");
        Files.writeString(f, TEXT);
        doc = session.importing().importFiles(List.of(f), null).imported().getFirst();
        capability = session.codebook().create(null, "Capability · 可行能力", null, null);
        health = session.codebook().create(capability.id(), "Health · 健康", null, null);
        pastoral = session.codebook().create(null, "Pastoral knowledge · 牧业知识", null, null);
    }

    @AfterEach
    void close() { session.close(); }

    static int cp(String needle) {
        int utf16 = TEXT.indexOf(needle);
        return TEXT.codePointCount(0, utf16);
    }

    @Test
    void manyPassagesAreCodedAtOnceAndIdenticalOnesOnlyOnce() {
        int s = cp("草场不够"), e = s + 4;
        session.coding().apply(doc, s, e, pastoral, "Saran");
        int made = session.coding().applyAll(List.of(
                new CodingService.Passage(doc, s, e, pastoral, "Saran"),          // already there
                new CodingService.Passage(doc, s, e, pastoral, "Li Wei"),
                new CodingService.Passage(doc, s - 6, e + 2, health, "Saran"),
                new CodingService.Passage(doc, s - 6, e + 2, health, "Saran"),    // twice in the same call
                new CodingService.Passage(doc, 0, 3, health, " Бат ")));
        assertEquals(3, made);
        assertEquals(4, session.coding().ofDocument(doc).size());
        assertEquals("两百只左右，草场不够，要", session.coding().retrieve(health, false, Set.of("Saran")).getFirst().text());
        assertEquals("访谈者", session.coding().retrieve(health, false, Set.of("Бат")).getFirst().text());
        assertEquals(Set.of("Saran", "Li Wei", "Бат"), Set.copyOf(session.coding().coders().stream().map(c -> c.name()).toList()));
    }

    @Test
    void aBulkCodingWithOnePassageOutOfItsDocumentCodesNothing() {
        int before = session.summary().codings();
        TamgaException out = assertThrows(TamgaException.class, () -> session.coding().applyAll(List.of(
                new CodingService.Passage(doc, 0, 3, health, "Saran"),
                new CodingService.Passage(doc, 10, doc.length() + 1, health, "Saran"))));
        assertTrue(out.getMessage().contains(doc.name()), out.getMessage());
        assertThrows(TamgaException.class, () -> session.coding().applyAll(List.of(
                new CodingService.Passage(doc, 0, 3, health, "Saran"),
                new CodingService.Passage(doc, 0, 3, new Code(capability.id(), capability.guid(), null, capability.name(), null, null,
                        false, 0, null), "Saran"))), "a heading is not applied");
        assertEquals(before, session.summary().codings());
    }

    @Test
    void everyTextIsHandedOverOnce() throws Exception {
        Path f = dir.resolve("interview-02.txt");
        Files.writeString(f, "Interviewer: How many sheep?\nRespondent: About two hundred.\n");
        session.importing().importFiles(List.of(f), null);
        java.util.Map<String, String> texts = new java.util.HashMap<>();
        session.documents().forEachText((guid, name, text) -> assertNull(texts.put(name, text)));
        assertEquals(java.util.Map.of("访谈01_牧民", TEXT, "interview-02", "Interviewer: How many sheep?\nRespondent: About two hundred.\n"), texts);
    }

    @Test
    void overlappingCodingsByTwoCodersAreKeptAndRetrievedWithTheirText() {
        int s = cp("草场不够"), e = s + 4;
        Coding a = session.coding().apply(doc, s, e, pastoral, "Saran");
        Coding b = session.coding().apply(doc, s, e, pastoral, "Li Wei");
        Coding c = session.coding().apply(doc, s - 6, e + 2, health, "Saran");
        assertNotEquals(a.coderId(), b.coderId());
        List<CodingService.Segment> segs = session.coding().retrieve(pastoral, false, null);
        assertEquals(2, segs.size());
        assertEquals("草场不够", segs.getFirst().text());
        assertEquals(Set.of("Saran", "Li Wei"), Set.of(segs.get(0).coder(), segs.get(1).coder()));
        assertEquals(3, session.coding().ofDocument(doc).size());
        assertEquals("两百只左右，草场不够，要", session.coding().retrieve(health, false, null).getFirst().text());
        assertEquals(c.guid(), session.coding().retrieve(capability, true, null).getFirst().coding().guid(), "with child codes");
        assertEquals(List.of(), session.coding().retrieve(capability, false, null), "without child codes");
        assertEquals(1, session.coding().retrieve(pastoral, false, Set.of("Li Wei")).size(), "one coder only");
    }

    @Test
    void positionsAreCodePoints() {
        int s = cp("您家");
        assertEquals(TEXT.indexOf("您家") - 1, s, "the sheep before it is one position, two UTF-16 units");
        session.coding().apply(doc, s, s + 2, health, "Saran");
        assertEquals("您家", session.coding().retrieve(health, false, null).getFirst().text());
    }

    @Test
    void badRangesDuplicatesAndHeadingsAreRefused() {
        int len = doc.length();
        assertEquals(TEXT.codePointCount(0, TEXT.length()), len);
        assertThrows(TamgaException.class, () -> session.coding().apply(doc, -1, 3, health, "Saran"));
        assertThrows(TamgaException.class, () -> session.coding().apply(doc, 5, 5, health, "Saran"));
        assertThrows(TamgaException.class, () -> session.coding().apply(doc, 0, len + 1, health, "Saran"));
        session.coding().apply(doc, 0, len, health, "Saran");
        TamgaException dup = assertThrows(TamgaException.class, () -> session.coding().apply(doc, 0, len, health, "Saran"));
        assertTrue(dup.getMessage().contains("already coded"), dup.getMessage());

        Code heading = session.codebook().create(null, "Heading", null, null);
        session.store().codes().update(new Code(heading.id(), heading.guid(), null, heading.name(), null, null, false, heading.order(), null));
        Code notCodable = session.codebook().codebook().byId(heading.id()).orElseThrow();
        assertThrows(TamgaException.class, () -> session.coding().apply(doc, 0, 2, notCodable, "Saran"));
        assertEquals(1, session.coding().all(null).size());
    }

    @Test
    void changeRangeMemoAndRemove() {
        Coding c = session.coding().apply(doc, 0, 3, health, "Saran");
        Coding moved = session.coding().changeRange(c, cp("两百只"), cp("两百只") + 3);
        assertEquals("两百只", session.coding().retrieve(health, false, null).getFirst().text());
        assertThrows(TamgaException.class, () -> session.coding().changeRange(moved, 10, 5));
        session.coding().setMemo(moved, "规模中等 — medium herd");
        assertEquals("规模中等 — medium herd", session.coding().byGuid(c.guid()).memo());
        session.coding().remove(moved);
        assertEquals(List.of(), session.coding().all(null));
    }

    @Test
    void memosOnDocumentsCodesAndProjectPersist() {
        session.documents().setMemo(doc, "第一次访谈，天气很冷");
        session.codebook().setMemo(health.id(), "看病贵 is frequent");
        session.setProjectMemo("Fieldwork 2025 — ᠮᠣᠩᠭᠣᠯ");
        session.addMemo("等靠要", "Dependency talk clusters in the 2016 cohort 🐑", "Li Wei");
        assertThrows(TamgaException.class, () -> session.addMemo(null, " ", "Li Wei"));
        Path file = session.file();
        session.close();
        session = ProjectSession.open(file, dir.resolve("cache"));
        assertEquals("第一次访谈，天气很冷", session.documents().resolve(doc.name()).memo());
        assertEquals("看病贵 is frequent", session.codebook().resolve("Health").memo());
        assertEquals("Fieldwork 2025 — ᠮᠣᠩᠭᠣᠯ", session.project().memo());
        var memo = session.memos().getFirst();
        assertEquals("等靠要", memo.title());
        assertEquals("Dependency talk clusters in the 2016 cohort 🐑", memo.text());
        assertEquals("Li Wei", session.coding().coders().stream().filter(c -> c.id() == memo.coderId()).findFirst().orElseThrow().name());
    }
}
