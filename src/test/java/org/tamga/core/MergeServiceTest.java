package org.tamga.core;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tamga.core.MergeReport.ConflictKind;
import org.tamga.core.MergeReport.Kind;
import org.tamga.model.Attribute;
import org.tamga.model.Case;
import org.tamga.model.Code;
import org.tamga.model.Codebook;
import org.tamga.model.Coder;
import org.tamga.model.Coding;
import org.tamga.model.Document;
import org.tamga.model.Memo;
import org.tamga.model.TamgaException;
import org.tamga.store.ProjectStore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Merging coders' copies of a project (docs/adr/0039): one test per rule, on real project files.
 * The copies are made as researchers make them: by copying the file, or through export qdpx and
 * import qdpx.
 */
class MergeServiceTest {
    @TempDir static Path shared;
    @TempDir Path dir;
    private static Path sample;

    @BeforeAll
    static void sample() {
        sample = shared.resolve("sample.tamga");
        try (ProjectSession s = SampleProject.create(sample, shared.resolve("cache"))) {
            assertEquals(45, s.summary().codings());
        }
    }

    // ---- the "done when": two coders, two copies of the sample project ------------------

    @Test
    void twoCodersCopiesOfTheSampleMergeWithNothingLostAndEveryConflictReported() throws Exception {
        Path a = copy(sample, "田野-Saran.tamga");
        Path b = copy(sample, "田野-Bilguun.tamga");
        String doc1 = "访谈01_牧民_巴特尔", doc2 = "访谈02_农户_王秀兰";
        try (ProjectSession s = open(a)) { // Saran goes on in her copy
            Document d1 = s.documents().resolve(doc1);
            s.coding().apply(d1, 100, 130, s.codebook().resolve("Health"), "Saran");
            s.coding().apply(d1, 200, 240, s.codebook().resolve("Pastoral knowledge"), "Saran", "她自己的读法");
            s.coding().apply(d1, 300, 320, s.codebook().resolve("Health"), "Li Wei"); // the same as in the other copy
            s.codebook().recolour(s.codebook().resolve("Health").id(), "#ff0000");
            s.codebook().setMemo(s.codebook().resolve("Health").id(), "Saran: bodily health and care");
            s.codebook().delete(s.codebook().resolve("Intergenerational transmission").id());
            s.cases().setValue(d1, "旗县", "东乌珠穆沁旗", null);
            s.setProjectMemo("Fieldwork 2025, Xilingol");
        }
        try (ProjectSession s = open(b)) { // Bilguun codes his copy
            Document d1 = s.documents().resolve(doc1);
            Document d2 = s.documents().resolve(doc2);
            s.coding().apply(d1, 300, 320, s.codebook().resolve("Health"), "Li Wei");
            s.coding().apply(d1, 400, 450, s.codebook().resolve("Dependency on outside help"), "Bilguun 巴特", "等靠要的典型说法 🐑");
            s.coding().apply(d2, 50, 90, s.codebook().resolve("Intergenerational transmission"), "Bilguun 巴特");
            s.codebook().recolour(s.codebook().resolve("Health").id(), "#00aa00");
            s.codebook().setMemo(s.codebook().resolve("Health").id(), "Bilguun: health as herders speak of it");
            s.codebook().rename(s.codebook().resolve("Fatalism and present orientation").id(), "Fatalism · 宿命论");
            s.codebook().move(s.codebook().resolve("Dependency on outside help").id(), null);
            Code psychology = s.codebook().resolve("Poor psychology and object status");
            s.codebook().delete(psychology.id());
            s.cases().setValue(d1, "旗县", "西乌珠穆沁旗", null);
            s.cases().setValue(d2, "Age", "52", Attribute.Type.INTEGER);
            s.setProjectMemo("Fieldwork 2025, 锡林郭勒");
            s.addMemo("ᠮᠣᠩᠭᠣᠯ\u202Fᠬᠡᠯᠡ", "Notes on terms, 术语笔记", "Bilguun 巴特");
            SessionFixtures.importText(s, dir.resolve("b-texts"), "访谈07_牧民_Ганбаатар", "受访者：我们的草场叫 ᠬᠠᠳᠠᠭᠠᠯᠠᠮᠵᠢ，冬营盘在北边。\n");
            Document d7 = s.documents().resolve("访谈07_牧民_Ганбаатар");
            s.coding().apply(d7, 4, 10, s.codebook().resolve("Pastoral knowledge"), "Bilguun 巴特");
        }
        Set<String> before = codingKeys(a), theirs = codingKeys(b);
        List<String> targetBefore = dump(a);
        byte[] sourceBytes = Files.readAllBytes(b);

        MergeReport report;
        try (ProjectSession s = open(a)) {
            report = s.merging().merge(List.of(b), false);
        }
        assertArrayEquals(sourceBytes, Files.readAllBytes(b), "the source is never changed");
        Set<String> after = codingKeys(a);
        assertTrue(after.containsAll(before), "every coding the target had is still there");
        assertTrue(after.containsAll(theirs), "every coding the source had is now in the target");
        Set<String> union = new HashSet<>(before);
        union.addAll(theirs);
        assertEquals(union, after, "nothing else: identical codings once");
        try (ProjectSession s = open(a)) {
            assertEquals(union.size(), s.summary().codings());
            assertEquals(List.of("Bilguun 巴特", "Li Wei", "Saran"), s.coding().coders().stream().map(Coder::name).sorted().toList());
            assertEquals(7, s.documents().all().size());
            Code back = s.codebook().resolve("Intergenerational transmission");
            assertEquals(4, s.coding().countsByCode().get(back.id()), "the code deleted in the target is back, with the sample's 3 codings and Bilguun's");
            assertEquals("#ff0000", s.codebook().resolve("Health").color(), "the target's colour is kept");
            assertEquals("Saran: bodily health and care\n\n——— from 田野-Bilguun.tamga ———\nBilguun: health as herders speak of it",
                    s.codebook().resolve("Health").memo(), "both memos are kept");
            Document d1 = s.documents().resolve(doc1);
            assertEquals("东乌珠穆沁旗", s.cases().of(d1).own().get("旗县"));
            assertEquals("52", s.cases().of(s.documents().resolve(doc2)).own().get("Age"));
            assertTrue(s.memos().stream().anyMatch(m -> m.title().equals("ᠮᠣᠩᠭᠣᠯ\u202Fᠬᠡᠯᠡ")));
            assertTrue(s.project().memo().startsWith("Fieldwork 2025, Xilingol"), s.project().memo());
        }
        Map<ConflictKind, List<MergeReport.Conflict>> byKind = new HashMap<>();
        for (MergeReport.Conflict c : report.conflicts()) byKind.computeIfAbsent(c.kind(), k -> new ArrayList<>()).add(c);
        assertEquals(Set.of(ConflictKind.CODE_RECOLOURED, ConflictKind.CODE_RENAMED, ConflictKind.CODE_MOVED, ConflictKind.CODE_NOT_IN_TARGET,
                ConflictKind.CODE_NOT_IN_SOURCE, ConflictKind.MEMO_EDITED, ConflictKind.VALUE_DIFFERS), byKind.keySet(), report.conflicts().toString());
        assertConflict(byKind, ConflictKind.CODE_RECOLOURED, "Health", "#ff0000", "#00aa00");
        assertConflict(byKind, ConflictKind.CODE_RENAMED, "Fatalism and present orientation", "Fatalism and present orientation · 宿命论与当下取向", "Fatalism · 宿命论");
        assertConflict(byKind, ConflictKind.CODE_MOVED, "Dependency on outside help", "under \u201CCulture of poverty · 贫困文化\u201D", "at the top level");
        assertConflict(byKind, ConflictKind.CODE_NOT_IN_TARGET, "Intergenerational transmission", "added, with its 4 codings", "used in the source (4 codings)");
        assertConflict(byKind, ConflictKind.CODE_NOT_IN_SOURCE, "Poor psychology", "kept, with its 1 coding", "deleted in the source");
        assertConflict(byKind, ConflictKind.VALUE_DIFFERS, "旗县", "东乌珠穆沁旗", "西乌珠穆沁旗");
        assertEquals(2, byKind.get(ConflictKind.MEMO_EDITED).size(), "the code's memo and the project's: " + byKind.get(ConflictKind.MEMO_EDITED));
        assertConflict(byKind, ConflictKind.MEMO_EDITED, "Health", "both texts", "Bilguun: health as herders speak of it");
        for (MergeReport.Conflict c : report.conflicts()) assertEquals("田野-Bilguun.tamga", c.source());

        MergeReport.Source counts = report.sources().getFirst();
        assertEquals(new MergeReport.Tally(1, 6), counts.tally(Kind.DOCUMENTS));
        assertEquals(new MergeReport.Tally(1, 2), counts.tally(Kind.CODERS));
        assertEquals((int) theirs.stream().filter(before::contains).count(), counts.tally(Kind.CODINGS).already(),
                "the codings both copies have are counted as there already");
        assertEquals(after.size() - before.size(), counts.tally(Kind.CODINGS).added());

        // the backup is the target as it was
        assertNotNull(report.backup());
        assertTrue(report.backup().getFileName().toString().matches("\\d{4}-\\d\\d-\\d\\dT\\d{6}Z-before-merge\\.bak"), report.backup().toString());
        assertEquals(targetBefore, dump(report.backup()));

        // merging the same copy again changes nothing
        List<String> merged = dump(a);
        byte[] mergedBytes = Files.readAllBytes(a);
        MergeReport again;
        try (ProjectSession s = open(a)) {
            again = s.merging().merge(List.of(b), false);
        }
        assertFalse(again.changed());
        assertNull(again.backup(), "nothing changed, so no backup is left");
        for (Kind k : Kind.values()) assertEquals(0, again.sources().getFirst().tally(k).added(), k.word());
        assertEquals(merged, dump(a));
        assertArrayEquals(mergedBytes, Files.readAllBytes(a));
        assertEquals(1, backups(a).size());
    }

    // ---- documents ----------------------------------------------------------------------------

    @Test
    void theSameTextUnderAnotherGuidIsOneDocumentWithTheCodingsOfBoth() {
        Path a = project("a.tamga", "访谈", "受访者：草场退化了。\n");
        Path b = project("b.tamga", "访谈 (B)", "受访者：草场退化了。\n");
        String guidA, guidB;
        try (ProjectSession s = open(a)) {
            guidA = s.documents().all().getFirst().guid();
            s.coding().apply(s.documents().all().getFirst(), 4, 6, s.codebook().create(null, "Grassland · 草场", null, null), "Saran");
        }
        try (ProjectSession s = open(b)) {
            guidB = s.documents().all().getFirst().guid();
            s.coding().apply(s.documents().all().getFirst(), 6, 9, s.codebook().create(null, "Grassland · 草场", null, null), "Bilguun");
        }
        assertNotEquals(guidA, guidB, "two projects made on their own");
        MergeReport r = merge(a, b);
        try (ProjectSession s = open(a)) {
            assertEquals(1, s.documents().all().size());
            assertEquals(guidA, s.documents().all().getFirst().guid());
            assertEquals(2, s.coding().ofDocument(s.documents().all().getFirst()).size());
            assertEquals(1, s.codebook().codebook().size(), "the code of the same name at the same place is one code");
        }
        assertEquals(new MergeReport.Tally(0, 1), r.sources().getFirst().tally(Kind.DOCUMENTS));
        assertEquals(new MergeReport.Tally(0, 1), r.sources().getFirst().tally(Kind.CODES));
        assertEquals(List.of(ConflictKind.DOCUMENT_RENAMED), kinds(r));
        assertEquals("访谈", r.conflicts().getFirst().kept());
        assertEquals("访谈 (B)", r.conflicts().getFirst().other());
    }

    @Test
    void aDocumentOfTheSameGuidWithAnotherTextIsKeptApartAndReported() throws Exception {
        Path a = project("a.tamga", "访谈01", "受访者：第一种文本。\n");
        Path b = project("b.tamga", "访谈01", "受访者：另一种文本，长一点。\n");
        String guid;
        try (ProjectSession s = open(a)) { guid = s.documents().all().getFirst().guid(); }
        sql(b, "UPDATE document SET guid = '" + guid + "'");
        try (ProjectSession s = open(b)) {
            s.coding().apply(s.documents().all().getFirst(), 4, 7, s.codebook().create(null, "Text", null, null), "Bilguun");
        }
        MergeReport r = merge(a, b);
        assertEquals(List.of(ConflictKind.DOCUMENT_TEXT_DIFFERS, ConflictKind.CODE_NOT_IN_TARGET), kinds(r), "B's own code is used in B only");
        MergeReport.Conflict c = r.conflicts().getFirst();
        assertEquals("document \u201C访谈01\u201D", c.item());
        assertTrue(c.other().contains("added as the document \u201C访谈01 (2)\u201D"), c.other());
        try (ProjectSession s = open(a)) {
            assertEquals(List.of("访谈01", "访谈01 (2)"), s.documents().all().stream().map(Document::name).toList());
            Document copy = s.documents().resolve("访谈01 (2)");
            assertNotEquals(guid, copy.guid());
            assertEquals("受访者：另一种文本，长一点。\n", s.documents().text(copy));
            assertEquals(1, s.coding().ofDocument(copy).size(), "its codings came with it");
            assertEquals("另一种", SessionFixtures.cpSubstring(s.documents().text(copy), 4, 7));
        }
        MergeReport again = merge(a, b);
        assertFalse(again.changed(), "the second time the text is found, under its new GUID");
    }

    @Test
    void aDifferentDocumentOfATakenNameIsAddedUnderAnotherName() {
        Path a = project("a.tamga", "Interview 1", "Respondent: the first text.\n");
        Path b = project("b.tamga", "Interview 1", "Respondent: a second text.\n");
        MergeReport r = merge(a, b);
        assertEquals(List.of(ConflictKind.DOCUMENT_NAME_TAKEN), kinds(r));
        assertTrue(r.conflicts().getFirst().other().contains("\u201CInterview 1 (2)\u201D"));
        try (ProjectSession s = open(a)) {
            assertEquals(List.of("Interview 1", "Interview 1 (2)"), s.documents().all().stream().map(Document::name).toList());
            assertEquals("Respondent: a second text.\n", s.documents().text(s.documents().resolve("Interview 1 (2)")));
        }
    }

    @Test
    void anAddedDocumentComesWithItsSourceMetadataTurnsMemoAndValuesAndSearchFindsIt() throws Exception {
        Path a = copy(sample, "a.tamga");
        Path b = copy(sample, "b.tamga");
        org.tamga.model.DocumentSource where;
        try (ProjectSession s = open(b)) {
            Document d = SessionFixtures.importText(s, dir.resolve("texts"), "访谈08", "访谈者：您好。\n受访者：我们家养了三百只羊，还有骆驼 🐪。\n");
            where = s.documents().source(d);
            s.documents().setMemo(d, "骆驼户");
            s.cases().setValue(d, "Herd", "300", Attribute.Type.INTEGER);
            s.speakers().rename("受访者", "Ганбаатар", d);
        }
        try (ProjectSession s = open(a)) {
            s.ensureIndex();
            assertTrue(s.search().search(SearchService.Request.of("骆驼")).hits().isEmpty());
            MergeReport r = s.merging().merge(List.of(b), false);
            assertEquals(new MergeReport.Tally(1, 6), r.sources().getFirst().tally(Kind.DOCUMENTS));
            var hits = s.search().search(SearchService.Request.of("骆驼")).hits();
            assertEquals(List.of("访谈08"), hits.stream().map(h -> h.document().name()).toList(), "the open index learnt the new document");
            Document d = s.documents().resolve("访谈08");
            assertEquals("骆驼户", d.memo());
            assertEquals(Map.of("Herd", "300"), s.cases().of(d).own());
            assertEquals(List.of("访谈者", "Ганбаатар"), s.speakers().turns(d).stream().map(t -> t.speaker()).toList());
            assertEquals(where, s.documents().source(d));
            assertNotNull(where.size());
        }
        try (ProjectSession fresh = ProjectSession.open(a, dir.resolve("another-cache"))) {
            assertEquals(1, fresh.search().search(SearchService.Request.of("骆驼")).hits().size(), "and a new index finds it too");
        }
    }

    @Test
    void speakerTurnsRenamedInOneCopyAreReportedAndTheTargetsStay() {
        Path a = copy(sample, "a.tamga");
        Path b = copy(sample, "b.tamga");
        String doc = "访谈01_牧民_巴特尔";
        List<String> speakersBefore;
        try (ProjectSession s = open(a)) {
            speakersBefore = s.speakers().turns(s.documents().resolve(doc)).stream().map(t -> t.speaker()).distinct().toList();
        }
        String renamed = speakersBefore.getLast();
        try (ProjectSession s = open(b)) { s.speakers().rename(renamed, "Батаар", s.documents().resolve(doc)); }
        MergeReport r = merge(a, b);
        assertEquals(List.of(ConflictKind.TURNS_DIFFER), kinds(r));
        assertTrue(r.conflicts().getFirst().other().contains("Батаар"), r.conflicts().getFirst().other());
        try (ProjectSession s = open(a)) {
            assertEquals(speakersBefore, s.speakers().turns(s.documents().resolve(doc)).stream().map(t -> t.speaker()).distinct().toList());
        }
    }

    // ---- codes --------------------------------------------------------------------------------

    @Test
    void aCodeRenamedInOneCopyKeepsTheTargetsName() {
        Path[] ab = twoCopies();
        try (ProjectSession s = open(ab[1])) { s.codebook().rename(s.codebook().resolve("Herding").id(), "ᠮᠠᠯᠵᠢᠯ 🐎"); }
        MergeReport r = merge(ab[0], ab[1]);
        assertEquals(List.of(new MergeReport.Conflict("b.tamga", ConflictKind.CODE_RENAMED, "code \u201CLivelihood › Herding\u201D", "Herding", "ᠮᠠᠯᠵᠢᠯ 🐎")),
                r.conflicts());
        try (ProjectSession s = open(ab[0])) { assertEquals(1, s.codebook().codebook().find("Herding").size()); }
        assertTrue(r.changed(), "the copy's rename comes into the code's history (ADR 46), and so does what the merge kept");
        assertFalse(merge(ab[0], ab[1]).changed());
    }

    @Test
    void aCodeRecolouredInBothCopiesKeepsTheTargetsColourAndABlankColourIsFilledIn() {
        Path[] ab = twoCopies();
        try (ProjectSession s = open(ab[0])) { s.codebook().recolour(s.codebook().resolve("Herding").id(), "#112233"); }
        try (ProjectSession s = open(ab[1])) {
            s.codebook().recolour(s.codebook().resolve("Herding").id(), "#445566");
            s.codebook().recolour(s.codebook().resolve("Livelihood").id(), "#778899");
        }
        MergeReport r = merge(ab[0], ab[1]);
        assertEquals(List.of(new MergeReport.Conflict("b.tamga", ConflictKind.CODE_RECOLOURED, "code \u201CLivelihood › Herding\u201D", "#112233", "#445566")),
                r.conflicts());
        try (ProjectSession s = open(ab[0])) {
            assertEquals("#112233", s.codebook().resolve("Herding").color());
            assertEquals("#778899", s.codebook().resolve("Livelihood").color(), "the target had no colour: the source's is taken");
        }
        assertTrue(r.changed());
        assertFalse(merge(ab[0], ab[1]).changed());
    }

    @Test
    void aCodeMovedInOneCopyStaysWhereTheTargetHasIt() {
        Path[] ab = twoCopies();
        try (ProjectSession s = open(ab[1])) {
            Code other = s.codebook().create(null, "Other · 其他", null, null);
            s.codebook().move(s.codebook().resolve("Herding").id(), other.id());
        }
        MergeReport r = merge(ab[0], ab[1]);
        assertEquals(List.of(new MergeReport.Conflict("b.tamga", ConflictKind.CODE_MOVED, "code \u201CLivelihood › Herding\u201D",
                "under \u201CLivelihood\u201D", "under \u201COther · 其他\u201D")), r.conflicts());
        try (ProjectSession s = open(ab[0])) {
            Codebook book = s.codebook().codebook();
            assertEquals("Livelihood › Herding", book.path(s.codebook().resolve("Herding")));
            assertEquals(3, book.size(), "the new parent came along");
        }
    }

    @Test
    void aCodeDeletedInTheTargetButUsedInTheSourceComesBackWithItsCodings() {
        Path[] ab = twoCopies();
        int codings;
        try (ProjectSession s = open(ab[0])) { s.codebook().delete(s.codebook().resolve("Herding").id()); }
        try (ProjectSession s = open(ab[1])) {
            s.coding().apply(s.documents().all().getFirst(), 0, 2, s.codebook().resolve("Herding"), "Bilguun");
            codings = s.coding().countsByCode().get(s.codebook().resolve("Herding").id());
        }
        MergeReport r = merge(ab[0], ab[1]);
        assertEquals(List.of(ConflictKind.CODE_NOT_IN_TARGET), kinds(r));
        assertEquals("code \u201CLivelihood › Herding\u201D", r.conflicts().getFirst().item());
        assertEquals("added, with its 2 codings", r.conflicts().getFirst().kept());
        assertEquals(2, codings);
        try (ProjectSession s = open(ab[0])) {
            assertEquals(2, s.coding().countsByCode().get(s.codebook().resolve("Herding").id()));
        }
    }

    @Test
    void aCodeDeletedInTheSourceButUsedInTheTargetIsKeptAndReported() {
        Path[] ab = twoCopies();
        try (ProjectSession s = open(ab[1])) { s.codebook().delete(s.codebook().resolve("Herding").id()); }
        MergeReport r = merge(ab[0], ab[1]);
        assertEquals(List.of(new MergeReport.Conflict("b.tamga", ConflictKind.CODE_NOT_IN_SOURCE, "code \u201CLivelihood › Herding\u201D",
                "kept, with its 1 coding", "no such code (deleted in the source, or new in the target)")), r.conflicts());
        assertTrue(r.changed(), "the copy's deletion comes into the code's history (ADR 46), and so does the merge keeping it");
        assertFalse(merge(ab[0], ab[1]).changed());
        try (ProjectSession s = open(ab[0])) { assertEquals(1, s.coding().countsByCode().get(s.codebook().resolve("Herding").id())); }
    }

    @Test
    void codesOfTheSameNameUnderTheSameParentAreOneAndANewCodeWhoseNameIsTakenIsRenamed() {
        Path[] ab = twoCopies();
        try (ProjectSession s = open(ab[0])) {
            s.codebook().create(s.codebook().resolve("Livelihood").id(), "Trade · 贸易", null, "#aa0000");
            s.codebook().rename(s.codebook().resolve("Herding").id(), "Camels");
        }
        try (ProjectSession s = open(ab[1])) {
            s.codebook().create(s.codebook().resolve("Livelihood").id(), "trade · 贸易", "Buying and selling", null);
            s.codebook().create(s.codebook().resolve("Livelihood").id(), "Camels", null, null);
        }
        MergeReport r = merge(ab[0], ab[1]);
        try (ProjectSession s = open(ab[0])) {
            Codebook book = s.codebook().codebook();
            assertEquals(List.of("Livelihood", "Camels", "Trade · 贸易", "Camels (2)"), book.codes().stream().map(Code::name).toList());
            assertEquals("Buying and selling", s.codebook().resolve("Trade").description(), "a blank description is filled in");
        }
        assertEquals(List.of(ConflictKind.CODE_RENAMED, ConflictKind.CODE_RENAMED, ConflictKind.CODE_NAME_TAKEN), kinds(r));
        assertFalse(merge(ab[0], ab[1]).changed());
    }

    @Test
    void codeDescriptionsAndHeadingsThatDifferAreReported() {
        Path[] ab = twoCopies();
        try (ProjectSession s = open(ab[0])) { s.codebook().describe(s.codebook().resolve("Herding").id(), "Moving the herd"); }
        try (ProjectSession s = open(ab[1])) {
            s.codebook().describe(s.codebook().resolve("Herding").id(), "Раздел пастбищ");
            Code l = s.codebook().resolve("Livelihood");
            s.store().codes().update(new Code(l.id(), l.guid(), l.parentId(), l.name(), l.description(), l.color(), false, l.order(), l.memo()));
        }
        MergeReport r = merge(ab[0], ab[1]);
        assertEquals(List.of(
                new MergeReport.Conflict("b.tamga", ConflictKind.CODE_HEADING, "code \u201CLivelihood\u201D", "a code to apply", "a heading (not applied)"),
                new MergeReport.Conflict("b.tamga", ConflictKind.CODE_DESCRIPTION, "code \u201CLivelihood › Herding\u201D", "Moving the herd", "Раздел пастбищ")),
                r.conflicts());
    }

    // ---- codings ------------------------------------------------------------------------------

    @Test
    void identicalCodingsMadeInBothCopiesAreKeptOnce() {
        Path[] ab = twoCopies();
        for (Path p : ab) {
            try (ProjectSession s = open(p)) { s.coding().apply(s.documents().all().getFirst(), 3, 8, s.codebook().resolve("Herding"), "Saran"); }
        }
        try (ProjectSession s = open(ab[1])) { s.coding().apply(s.documents().all().getFirst(), 3, 8, s.codebook().resolve("Herding"), "Bilguun"); }
        MergeReport r = merge(ab[0], ab[1]);
        assertEquals(new MergeReport.Tally(1, 2), r.sources().getFirst().tally(Kind.CODINGS));
        try (ProjectSession s = open(ab[0])) { assertEquals(3, s.summary().codings()); }
        assertEquals(List.of(), r.conflicts());
    }

    @Test
    void aCodingChangedInOneCopyKeepsBothVersions() {
        Path[] ab = twoCopies();
        String guid;
        try (ProjectSession s = open(ab[1])) {
            Coding c = s.coding().ofDocument(s.documents().all().getFirst()).getFirst();
            guid = c.guid();
            s.coding().changeRange(c, c.start(), c.end() + 2);
        }
        MergeReport r = merge(ab[0], ab[1]);
        assertEquals(List.of(ConflictKind.CODING_CHANGED), kinds(r));
        assertTrue(r.conflicts().getFirst().kept().contains("at 0\u20135 of"), r.conflicts().getFirst().kept());
        assertTrue(r.conflicts().getFirst().other().contains("at 0\u20137 of"), r.conflicts().getFirst().other());
        try (ProjectSession s = open(ab[0])) {
            List<Coding> codings = s.coding().ofDocument(s.documents().all().getFirst());
            assertEquals(List.of("0-5", "0-7"), codings.stream().map(c -> c.start() + "-" + c.end()).toList());
            assertEquals(guid, codings.getFirst().guid(), "the target's keeps its GUID");
        }
        assertFalse(merge(ab[0], ab[1]).changed());
    }

    // ---- memos ----------------------------------------------------------------------------------

    @Test
    void memosEditedInBothCopiesKeepBothTextsAndOneSidedEditsAreTaken() {
        Path[] ab = twoCopies();
        try (ProjectSession s = open(ab[0])) {
            Document d = s.documents().all().getFirst();
            s.documents().setMemo(d, "A: 草场");
            s.coding().setMemo(s.coding().ofDocument(d).getFirst(), "A: coding note");
            s.codebook().setMemo(s.codebook().resolve("Herding").id(), "Shared start");
            s.addMemo("Ideas", "A's idea", "Saran");
        }
        Path b = copy(ab[0], "b2.tamga"); // a fresh copy, after the memos were written
        try (ProjectSession s = open(ab[0])) {
            Document d = s.documents().all().getFirst();
            s.documents().setMemo(d, "A: 草场, 冬营盘");
            s.coding().setMemo(s.coding().ofDocument(d).getFirst(), "A: coding note, revised");
            Memo m = s.memos().getFirst();
            s.store().memos().update(m.id(), "Ideas · 想法", "A's idea, revised");
        }
        try (ProjectSession s = open(b)) {
            Document d = s.documents().all().getFirst();
            s.documents().setMemo(d, "B: ᠨᠤᠲᠤᠭ");
            s.coding().setMemo(s.coding().ofDocument(d).getFirst(), "A: coding note"); // unchanged
            s.codebook().setMemo(s.codebook().resolve("Herding").id(), "Shared start, and what B added");
            Memo m = s.memos().getFirst();
            s.store().memos().update(m.id(), "Ideas", "B's rewrite 😀");
            s.addMemo(null, "B's own memo", "Bilguun");
        }
        MergeReport r = merge(ab[0], b);
        assertEquals(List.of(ConflictKind.MEMO_EDITED, ConflictKind.MEMO_TITLE, ConflictKind.MEMO_EDITED), kinds(r), r.conflicts().toString());
        try (ProjectSession s = open(ab[0])) {
            Document d = s.documents().all().getFirst();
            assertEquals("A: 草场, 冬营盘\n\n——— from b2.tamga ———\nB: ᠨᠤᠲᠤᠭ", d.memo());
            assertEquals("A: coding note, revised", s.coding().ofDocument(d).getFirst().memo(), "the source's older text is in the target's already");
            assertEquals("Shared start, and what B added", s.codebook().resolve("Herding").memo(), "the source went on writing: its text holds the target's");
            List<Memo> memos = s.memos();
            assertEquals(2, memos.size());
            assertEquals("Ideas · 想法", memos.getFirst().title());
            assertEquals("A's idea, revised\n\n——— from b2.tamga ———\nB's rewrite 😀", memos.getFirst().text());
            assertEquals("B's own memo", memos.getLast().text());
            assertEquals("Bilguun", s.coding().coders().stream().filter(c -> c.id() == memos.getLast().coderId()).findFirst().orElseThrow().name());
        }
        assertFalse(merge(ab[0], b).changed(), "the source's texts are in the target now");
    }

    // ---- attributes and cases -------------------------------------------------------------------

    @Test
    void attributeValuesThatDifferAreReportedAndNewValuesCasesAndMembersAreAdded() {
        Path[] ab = twoCopies();
        try (ProjectSession s = open(ab[0])) {
            Document d = s.documents().all().getFirst();
            s.cases().setValue(d, "性别", "女", null);
            s.cases().setValue(d, "Age", "40", Attribute.Type.INTEGER);
            s.cases().addToCase("Household 12 · 户12", List.of(d));
            s.cases().setValue(s.cases().resolveCase("Household 12 · 户12"), "Herd", "120", Attribute.Type.INTEGER);
        }
        try (ProjectSession s = open(ab[1])) {
            Document d = s.documents().all().getFirst();
            s.cases().setValue(d, "性别", "男", null);
            s.cases().setValue(d, "Age", "forty-one", Attribute.Type.TEXT);
            s.cases().setValue(d, "Ethnicity", "Mongol · 蒙古族", null);
            s.cases().addToCase("household 12 · 户12", List.of(d));
            s.cases().setValue(s.cases().resolveCase("household 12 · 户12"), "Herd", "150", null);
            s.cases().setValue(s.cases().resolveCase("household 12 · 户12"), "Banner", "东乌旗", null);
            s.cases().addToCase("Village ᠪᠠᠭ", List.of(d));
        }
        MergeReport r = merge(ab[0], ab[1]);
        assertEquals(List.of(ConflictKind.ATTRIBUTE_TYPE, ConflictKind.ATTRIBUTE_TYPE, ConflictKind.VALUE_DIFFERS, ConflictKind.VALUE_UNFIT,
                ConflictKind.CASE_RENAMED, ConflictKind.VALUE_DIFFERS), kinds(r), r.conflicts().toString());
        assertEquals(List.of("\u201CAge\u201D integer text", "\u201CHerd\u201D integer text"), r.conflicts().subList(0, 2).stream()
                .map(c -> c.item() + " " + c.kept() + " " + c.other()).toList(), "B made Age and Herd as text");
        MergeReport.Conflict unfit = r.conflicts().get(3);
        assertEquals("40", unfit.kept());
        assertEquals("forty-one (not a whole number such as 42)", unfit.other());
        MergeReport.Conflict herd = r.conflicts().get(5);
        assertEquals("case \u201CHousehold 12 · 户12\u201D, attribute \u201CHerd\u201D", herd.item());
        assertEquals(List.of("120", "150"), List.of(herd.kept(), herd.other()));
        try (ProjectSession s = open(ab[0])) {
            Document d = s.documents().all().getFirst();
            assertEquals(Map.of("性别", "女", "Age", "40", "Ethnicity", "Mongol · 蒙古族"), s.cases().of(d).own());
            assertEquals(List.of("Household 12 · 户12", "Village ᠪᠠᠭ"), s.cases().cases().stream().map(Case::name).toList());
            assertEquals(List.of("Herd", "Banner"), s.cases().caseViews().getFirst().values().keySet().stream().toList());
        }
        MergeReport.Source counts = r.sources().getFirst();
        assertEquals(new MergeReport.Tally(1, 1), counts.tally(Kind.CASES));
        assertEquals(new MergeReport.Tally(1, 1), counts.tally(Kind.CASE_DOCUMENTS));
        assertEquals(new MergeReport.Tally(2, 3), counts.tally(Kind.ATTRIBUTES), "Ethnicity and Banner are new");
        assertFalse(merge(ab[0], ab[1]).changed());
    }

    // ---- all or nothing, dry runs, refusals -------------------------------------------------

    @Test
    void aDryRunSaysWhatAMergeWouldDoAndWritesNothing() throws Exception {
        Path[] ab = twoCopies();
        try (ProjectSession s = open(ab[1])) {
            s.coding().apply(s.documents().all().getFirst(), 1, 4, s.codebook().resolve("Herding"), "Bilguun");
            s.codebook().rename(s.codebook().resolve("Herding").id(), "Herding · 放牧");
        }
        byte[] before = Files.readAllBytes(ab[0]);
        MergeReport dry;
        try (ProjectSession s = open(ab[0])) {
            dry = s.merging().merge(List.of(ab[1]), true);
            assertEquals(1, s.summary().codings(), "the session sees nothing of the dry run afterwards");
        }
        assertTrue(dry.dryRun());
        assertNull(dry.backup());
        assertTrue(dry.changed());
        assertArrayEquals(before, Files.readAllBytes(ab[0]));
        assertEquals(List.of(), backups(ab[0]));
        MergeReport real = merge(ab[0], ab[1]);
        assertEquals(real.sources().getFirst().tallies(), dry.sources().getFirst().tallies());
        assertEquals(real.conflicts(), dry.conflicts());
    }

    @Test
    void aFailureHalfWayLeavesTheTargetByteForByteAsItWas() throws Exception {
        Path a = copy(sample, "a.tamga");
        Path b = copy(sample, "b.tamga");
        try (ProjectSession s = open(b)) {
            SessionFixtures.importText(s, dir.resolve("t"), "新访谈", "受访者：新的一篇。\n");
            s.codebook().create(null, "New code · 新代码", null, null);
            s.coding().apply(s.documents().resolve("新访谈"), 0, 3, s.codebook().resolve("New code"), "Bilguun");
        }
        // the disk fills up, say, when the codings are written: after the documents and codes were
        sql(a, "CREATE TRIGGER fail_half_way BEFORE INSERT ON coding BEGIN SELECT RAISE(ABORT, 'disk full (a test)'); END");
        byte[] before = Files.readAllBytes(a);
        try (ProjectSession s = open(a)) {
            TamgaException e = assertThrows(TamgaException.class, () -> s.merging().merge(List.of(b), false));
            assertTrue(e.getMessage().startsWith("Merging b.tamga into a.tamga failed, so nothing was merged and the project is as it was: "), e.getMessage());
            assertTrue(e.getMessage().contains("disk full (a test)"), e.getMessage());
            assertFalse(e.getMessage().contains("\n"));
            assertEquals(6, s.documents().all().size(), "the open session sees the project as it was");
        }
        assertArrayEquals(before, Files.readAllBytes(a));
        assertEquals(List.of(), backups(a), "no backup of a project that did not change");
    }

    @Test
    void somethingThatIsNotAProjectIsRefusedWithTheFileNamedAndTheTargetStaysAsItWas() throws Exception {
        Path a = copy(sample, "a.tamga");
        Path text = Files.writeString(dir.resolve("notes.tamga"), "访谈笔记，不是项目");
        Path other = dir.resolve("other.sqlite");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + other); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE t(x)");
        }
        Path newer = copy(sample, "newer.tamga");
        sql(newer, "PRAGMA user_version = 99");
        Path damaged = copy(sample, "damaged.tamga");
        byte[] bytes = Files.readAllBytes(damaged);
        Files.write(damaged, java.util.Arrays.copyOf(bytes, bytes.length / 3));
        Path good = copy(sample, "good.tamga");
        byte[] before = Files.readAllBytes(a);
        Map<Path, String> expected = Map.of(text, "it is not a Tamga project (not an SQLite database)",
                other, "it is an SQLite database but not a Tamga project", newer, "it was saved by a newer Tamga",
                damaged, "damaged", a, "into itself", dir.resolve("missing.tamga"), "no such project file");
        for (var e : expected.entrySet()) {
            try (ProjectSession s = open(a)) {
                TamgaException x = assertThrows(TamgaException.class, () -> s.merging().merge(List.of(good, e.getKey()), false), e.getKey().toString());
                assertTrue(x.getMessage().contains(e.getKey().toString()), x.getMessage());
                assertTrue(x.getMessage().contains(e.getValue()), x.getMessage());
                assertFalse(x.getMessage().contains("\n"), x.getMessage());
            }
            assertArrayEquals(before, Files.readAllBytes(a), "the good source before it was not merged either: " + e.getKey());
        }
        assertEquals(List.of(), backups(a));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(Set.of("a.tamga", "notes.tamga", "other.sqlite", "newer.tamga", "damaged.tamga", "good.tamga"),
                    files.map(p -> p.getFileName().toString()).filter(n -> !n.equals("cache") && !n.endsWith(".backups"))
                            .collect(java.util.stream.Collectors.toSet()), "nothing left beside them but the day's backups and the cache");
        }
    }

    @Test
    void severalCopiesMergeInOneGoAndASourceOpenElsewhereGivesItsLatestCodings() throws Exception {
        Path a = copy(sample, "a.tamga");
        Path b = copy(sample, "b.tamga");
        Path c = copy(sample, "c.tamga");
        try (ProjectSession s = open(c)) {
            s.coding().apply(s.documents().all().getFirst(), 5, 9, s.codebook().resolve("Health"), "Цэцэг");
        }
        try (ProjectSession s = open(b)) { // still open in "another window" while merging: its last coding is in its -wal
            s.coding().apply(s.documents().all().getFirst(), 1, 3, s.codebook().resolve("Health"), "Bilguun");
            assertTrue(Files.exists(dir.resolve("b.tamga-wal")));
            MergeReport r;
            try (ProjectSession t = open(a)) { r = t.merging().merge(List.of(b, c), false); }
            assertEquals(2, r.sources().size());
            assertEquals(1, r.sources().get(0).tally(Kind.CODINGS).added());
            assertEquals(1, r.sources().get(1).tally(Kind.CODINGS).added());
            assertEquals(new MergeReport.Tally(1, 2), r.sources().get(1).tally(Kind.CODERS));
        }
        try (ProjectSession s = open(a)) {
            assertEquals(47, s.summary().codings());
            assertEquals(List.of("Bilguun", "Li Wei", "Saran", "Цэцэг"), s.coding().coders().stream().map(Coder::name).sorted().toList());
        }
    }

    @Test
    void aCopyMadeThroughQdpxExportAndImportMergesBack() throws Exception {
        Path a = copy(sample, "a.tamga");
        Path qdpx = dir.resolve("sample.qdpx");
        try (ProjectSession s = open(a)) {
            s.cases().setValue(s.documents().all().getFirst(), "旗县", "东乌旗", null);
            s.exchange().exportQdpx(qdpx);
        }
        Path c = dir.resolve("imported.tamga");
        ExchangeService.importQdpx(qdpx, c, dir, dir.resolve("cache"));
        try (ProjectSession s = open(c)) {
            Document d = s.documents().all().getFirst();
            s.coding().apply(d, 10, 20, s.codebook().resolve("Health"), "Bilguun");
            s.codebook().setMemo(s.codebook().resolve("Health").id(), "written in the imported copy");
        }
        List<String> before = dump(a);
        MergeReport r = merge(a, c);
        assertEquals(List.of(), r.conflicts(), "the round trip kept every identity");
        MergeReport.Source counts = r.sources().getFirst();
        assertEquals(new MergeReport.Tally(0, 6), counts.tally(Kind.DOCUMENTS));
        assertEquals(new MergeReport.Tally(0, 28), counts.tally(Kind.CODES));
        assertEquals(new MergeReport.Tally(1, 45), counts.tally(Kind.CODINGS));
        assertEquals(new MergeReport.Tally(1, 2), counts.tally(Kind.CODERS));
        assertEquals(0, counts.tally(Kind.VALUES).added());
        assertTrue(counts.tally(Kind.VALUES).already() > 0, "the values came back through the .qdpx");
        List<String> after = dump(a);
        List<String> added = new ArrayList<>(after);
        added.removeAll(before);
        assertEquals(List.of("code", "coder", "coding"), added.stream().map(x -> x.substring(0, x.indexOf(' '))).sorted().toList(),
                "the code's line (its memo), the coder and the coding: " + added);
        assertFalse(merge(a, c).changed());
    }

    @Test
    void chineseMongolianAndEmojiNamesComeThroughEveryKindOfThing() {
        String trad = "ᠮᠠᠯᠴᠢᠨ\u202Fᠤ ᠮᠡᠳᠡᠯᠭᠡ"; // herders' knowledge, with the narrow no-break space of a suffix
        Path a = project("a.tamga", "访谈 🐎 Батболд", "受访者：🐑🐑 我们的 ᠨᠤᠲᠤᠭ 在北边。\n");
        try (ProjectSession s = open(a)) {
            s.codebook().create(null, "草场 · " + trad, null, null);
        }
        Path b = copy(a, "b 副本 🐪.tamga");
        try (ProjectSession s = open(b)) {
            Document d = s.documents().all().getFirst();
            Code c = s.codebook().create(s.codebook().resolve("草场").id(), "ᠬᠠᠳᠠᠭᠠᠯᠠᠮᠵᠢ 🌾", null, null);
            s.coding().apply(d, 11, 13, c, "Батболд 🐎");
            s.coding().apply(d, 7, 9, s.codebook().resolve("草场"), "ᠪᠠᠲᠤ\u202Fᠮᠥᠩᠬᠡ");
            s.codebook().rename(s.codebook().resolve("草场").id(), "草场 🌱 · " + trad);
            s.cases().setValue(d, "ᠠᠶᠢᠮᠠᠭ", "Шилийн гол 🏞", null);
            s.cases().addToCase("户 ᠠᠢᠯ 🏠", List.of(d));
            s.addMemo("备忘 ᠲᠡᠮᠳᠡᠭᠯᠡᠯ", "😀 ᠰᠠᠶᠢᠨ", "Батболд 🐎");
        }
        MergeReport r = merge(a, b);
        assertEquals(List.of(new MergeReport.Conflict("b 副本 🐪.tamga", ConflictKind.CODE_RENAMED, "code \u201C草场 · " + trad + "\u201D",
                "草场 · " + trad, "草场 🌱 · " + trad), new MergeReport.Conflict("b 副本 🐪.tamga", ConflictKind.CODE_NOT_IN_TARGET,
                "code \u201C草场 · " + trad + " › ᠬᠠᠳᠠᠭᠠᠯᠠᠮᠵᠢ 🌾\u201D", "added, with its 1 coding",
                "used in the source (1 coding); the target has no such code (deleted there, or new in the source)")), r.conflicts());
        try (ProjectSession s = open(a)) {
            Document d = s.documents().all().getFirst();
            assertEquals(List.of("草场 · " + trad, "ᠬᠠᠳᠠᠭᠠᠯᠠᠮᠵᠢ 🌾"), s.codebook().codebook().codes().stream().map(Code::name).toList());
            assertEquals(List.of("Батболд 🐎", "ᠪᠠᠲᠤ\u202Fᠮᠥᠩᠬᠡ"), s.coding().coders().stream().map(Coder::name).sorted().toList());
            String text = s.documents().text(d);
            assertEquals(List.of("我们", "ᠨᠤ"), s.coding().ofDocument(d).stream().sorted(java.util.Comparator.comparingInt(Coding::start))
                    .map(c -> SessionFixtures.cpSubstring(text, c.start(), c.end())).toList(), "positions after two emoji still point at the same text");
            assertEquals(Map.of("ᠠᠶᠢᠮᠠᠭ", "Шилийн гол 🏞"), s.cases().of(d).own());
            assertEquals(List.of("户 ᠠᠢᠯ 🏠"), s.cases().of(d).cases());
            assertEquals("备忘 ᠲᠡᠮᠳᠡᠭᠯᠡᠯ", s.memos().getFirst().title());
        }
        assertFalse(merge(a, b).changed());
    }

    // ---- helpers ------------------------------------------------------------------------------

    private static void assertConflict(Map<ConflictKind, List<MergeReport.Conflict>> byKind, ConflictKind kind, String item, String kept, String other) {
        List<MergeReport.Conflict> of = byKind.getOrDefault(kind, List.of());
        assertTrue(of.stream().anyMatch(c -> c.item().contains(item) && c.kept().contains(kept) && c.other().contains(other)),
                kind + " " + item + " kept " + kept + " other " + other + ": " + of);
    }

    private static List<ConflictKind> kinds(MergeReport r) { return r.conflicts().stream().map(MergeReport.Conflict::kind).toList(); }

    private ProjectSession open(Path p) { return ProjectSession.open(p, dir.resolve("cache")); }

    private MergeReport merge(Path target, Path source) {
        try (ProjectSession s = open(target)) { return s.merging().merge(List.of(source), false); }
    }

    private Path copy(Path from, String name) {
        try {
            return Files.copy(from, dir.resolve(name));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A small project with one document and two codes (Livelihood › Herding), the document coded once with Herding by Saran. */
    private Path project(String file, String document, String text) {
        Path p = dir.resolve(file);
        try (ProjectSession s = ProjectSession.create(p, dir.resolve("cache"))) {
            SessionFixtures.importText(s, dir.resolve("texts-" + file), document, text);
        }
        return p;
    }

    /** Two copies (a.tamga, b.tamga) of one small project: a document, Livelihood › Herding, one coding of Herding by Saran at 0–5. */
    private Path[] twoCopies() {
        Path a = project("a.tamga", "访谈 1", "受访者：我们春天接羔，夏天转场。\n");
        try (ProjectSession s = open(a)) {
            Code l = s.codebook().create(null, "Livelihood", null, null);
            Code h = s.codebook().create(l.id(), "Herding", null, null);
            s.coding().apply(s.documents().all().getFirst(), 0, 5, h, "Saran");
        }
        return new Path[]{a, copy(a, "b.tamga")};
    }

    private List<Path> backups(Path project) throws IOException {
        Path folder = org.tamga.core.Backups.folder(project.toAbsolutePath());
        if (!Files.isDirectory(folder)) return List.of();
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().endsWith("-before-merge.bak")).toList();
        }
    }

    private static void sql(Path project, String statement) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + project); Statement st = c.createStatement()) {
            st.execute(statement);
        }
    }

    /** Each coding as document, code, coder and passage (GUIDs of documents and codes, the coder's name). */
    private Set<String> codingKeys(Path project) {
        try (ProjectSession s = open(project)) {
            Map<Long, String> docs = new HashMap<>(), codes = new HashMap<>(), coders = new HashMap<>();
            for (Document d : s.documents().all()) docs.put(d.id(), d.guid());
            for (Code c : s.codebook().codebook().codes()) codes.put(c.id(), c.guid());
            for (Coder c : s.coding().coders()) coders.put(c.id(), c.name());
            Set<String> out = new HashSet<>();
            for (Coding c : s.store().codings().all()) {
                assertTrue(out.add(docs.get(c.documentId()) + " " + codes.get(c.codeId()) + " " + coders.get(c.coderId()) + " " + c.start() + "-" + c.end()),
                        "no coding twice");
            }
            return out;
        }
    }

    /** Everything a project holds, one line per thing, sorted: two projects hold the same when their dumps are equal. */
    private List<String> dump(Path project) {
        try (ProjectSession s = ProjectSession.open(project, dir.resolve("cache"))) {
            ProjectStore st = s.store();
            List<String> out = new ArrayList<>();
            out.add("project " + st.project().guid() + " " + st.project().memo());
            Map<Long, String> coders = new HashMap<>(), docs = new HashMap<>(), attributes = new HashMap<>(), cases = new HashMap<>();
            for (Coder c : st.coders().all()) { coders.put(c.id(), c.name()); out.add("coder " + c.guid() + " " + c.name()); }
            for (Document d : st.documents().all()) {
                docs.put(d.id(), d.guid());
                out.add("document " + d.guid() + " " + d.name() + " " + d.sha256() + " " + d.memo() + " " + d.importedAt() + " " + st.documents().source(d.id()));
                out.add("turns " + d.guid() + " " + st.turns().ofDocument(d.id()).stream().map(t -> t.speaker() + t.start() + "-" + t.end()).toList());
            }
            Codebook book = st.codes().codebook();
            for (Code c : book.codes()) {
                out.add("code " + c.guid() + " " + book.path(c) + " " + c.color() + " " + c.codable() + " " + c.description() + " " + c.memo());
            }
            for (Coding c : st.codings().all()) {
                out.add("coding " + c.guid() + " " + docs.get(c.documentId()) + " " + book.byId(c.codeId()).orElseThrow().guid() + " "
                        + coders.get(c.coderId()) + " " + c.start() + "-" + c.end() + " " + c.memo() + " " + c.createdAt());
            }
            for (Memo m : st.memos().all()) out.add("memo " + m.guid() + " " + m.title() + " " + m.text() + " " + coders.get(m.coderId()));
            for (Attribute a : st.attributes().all()) {
                attributes.put(a.id(), a.guid());
                out.add("attribute " + a.guid() + " " + a.name() + " " + a.type() + " " + a.description());
            }
            st.attributes().allDocumentValues().forEach((d, vs) -> vs.forEach((a, v) -> out.add("value " + docs.get(d) + " " + attributes.get(a) + " " + v)));
            for (Case c : st.cases().all()) { cases.put(c.id(), c.guid()); out.add("case " + c.guid() + " " + c.name() + " " + c.memo()); }
            st.cases().documents().forEach((c, ds) -> ds.forEach(d -> out.add("member " + cases.get(c) + " " + docs.get(d))));
            st.cases().values().forEach((c, vs) -> vs.forEach((a, v) -> out.add("case value " + cases.get(c) + " " + attributes.get(a) + " " + v)));
            out.sort(null);
            return out;
        }
    }
}
