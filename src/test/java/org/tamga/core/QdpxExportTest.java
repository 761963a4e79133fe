package org.tamga.core;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tamga.core.text.Positions;
import org.tamga.exchange.QdpxArchive;
import org.tamga.exchange.QdpxProject;
import org.tamga.model.Code;
import org.tamga.model.Coder;
import org.tamga.model.Coding;
import org.tamga.model.Document;
import org.tamga.model.Memo;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.*;

class QdpxExportTest {
    static final String HERDER = "Батбаяр said: 🐑 my herd is 𠀀 smaller now.\n我们的草场退化了。\n";

    @TempDir Path dir;

    Path cache() { return dir.resolve("cache"); }

    /** The sample project, plus a document with characters outside the BMP, and a memo of every kind. */
    ProjectSession richProject(Path file) throws Exception {
        ProjectSession s = SampleProject.create(file, cache());
        Path txt = Files.writeString(Files.createDirectories(dir.resolve("more")).resolve("herder.txt"), HERDER);
        s.importing().importFiles(List.of(txt), null);
        Document herder = s.documents().resolve("herder");
        int start = HERDER.codePointCount(0, HERDER.indexOf("my herd"));
        int end = start + "my herd is 𠀀 smaller".codePointCount(0, "my herd is 𠀀 smaller".length());
        s.coding().apply(herder, start, end, s.codebook().resolve("Pastoral knowledge"), "Saran", "an emoji and an Extension B character before it");
        s.coding().apply(herder, start, end, s.codebook().resolve("Health"), "Li Wei");
        s.setProjectMemo("Fieldwork 2025, Xilingol");
        s.addMemo("First impressions", "Herders talk about grass before money.", "Saran");
        s.addMemo(null, "Untitled note\nwith two lines", null);
        s.codebook().setMemo(s.codebook().resolve("Health").id(), "Ask about the township clinic.");
        s.documents().setMemo(herder, "Recorded in a ger, noisy.");
        // attributes of every type, on a document and on a case (a household with two interviews)
        s.cases().setValue(herder, "Ethnicity · 民族", "Монгол", null);
        s.cases().setValue(herder, "Herd size", "120", org.tamga.model.Attribute.Type.INTEGER);
        s.cases().setValue(herder, "Interviewed", "2025-07-18", org.tamga.model.Attribute.Type.DATE);
        s.cases().setValue(herder, "Subsidy per mu", "7.5", org.tamga.model.Attribute.Type.FLOAT);
        s.cases().setValue(herder, "Recorded at", "2025-07-18T09:30:00+08:00", org.tamga.model.Attribute.Type.DATETIME);
        s.cases().createCase("户 12 · Household 12", "Two generations under one roof");
        s.cases().addToCase("户 12 · Household 12", List.of(herder, s.documents().resolve("访谈01_牧民_巴特尔")));
        s.cases().setValue(s.cases().resolveCase("户 12 · Household 12"), "Registered poor · 建档立卡", "true",
                org.tamga.model.Attribute.Type.BOOLEAN);
        s.cases().setValue(s.cases().resolveCase("户 12 · Household 12"), "Herd size", "95", null);
        return s;
    }

    @Test
    void theExportIsSchemaValidAndHoldsEveryDocumentCodeAndCoding() throws Exception {
        Path file = dir.resolve("出口.qdpx");
        try (ProjectSession s = richProject(dir.resolve("sample.tamga"))) {
            ExchangeService.ExportReport r = s.exchange().exportQdpx(file);
            assertEquals(7, r.documents());
            assertEquals(47, r.codings());
            assertEquals(3, r.coders(), "the two sample coders and the one who wrote the memo without naming a coder");
            assertEquals(2, r.memos());
            try (ZipFile zip = new ZipFile(file.toFile())) {
                byte[] qde = zip.getInputStream(zip.getEntry("project.qde")).readAllBytes();
                QdpxArchive.validate(qde, "project.qde");
                assertEquals(1 + 7, zip.size(), "project.qde and one text per document");
                for (Document d : s.documents().all()) {
                    byte[] bytes = zip.getInputStream(zip.getEntry("sources/" + d.guid() + ".txt")).readAllBytes();
                    assertEquals(s.documents().text(d), new String(bytes, StandardCharsets.UTF_8), d.name());
                    assertFalse(bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB, "no byte-order mark: " + d.name());
                }
            }
            try (QdpxArchive archive = QdpxArchive.open(file)) {
                QdpxProject p = archive.project();
                assertEquals(s.codebook().codebook().size(), p.codes().stream().mapToLong(c -> c.flatten().count()).sum());
                QdpxProject.Source herder = p.sources().stream().filter(x -> x.name().equals("herder")).findFirst().orElseThrow();
                assertEquals("Recorded in a ger, noisy.", herder.description());
                assertEquals(1, herder.selections().size(), "two codings of one passage share a selection");
                QdpxProject.Selection sel = herder.selections().getFirst();
                assertEquals(2, sel.codings().size());
                assertEquals("my herd is 𠀀 smaller", new Positions(HERDER).substring((int) sel.start(), (int) sel.end()),
                        "positions are code points: the emoji and the Extension B character count as one each");
                assertEquals(16, sel.start(), "hand-counted: \u201CБатбаяр said: \u201D is 14, the emoji 1, a space 1");
                assertEquals("my herd is 𠀀 smaller", sel.name());
                long notesOnCodings = p.sources().stream().flatMap(x -> x.selections().stream()).flatMap(x -> x.codings().stream())
                        .filter(c -> !c.notes().isEmpty()).count();
                long memosOnCodings = s.coding().all(java.util.Set.of()).stream().filter(g -> g.coding().memo() != null).count();
                assertEquals(memosOnCodings, notesOnCodings, "every coding memo is a note");
                assertEquals(2, p.projectNotes().size());
                assertEquals("Fieldwork 2025, Xilingol", p.description());
                assertEquals(List.of("职业 Text", "性别 Text", "年龄 Integer", "访谈日期 Date", "区域 Text", // the sample's own
                                "Ethnicity · 民族 Text", "Herd size Integer", "Interviewed Date", "Subsidy per mu Float",
                        "Recorded at DateTime", "Registered poor · 建档立卡 Boolean"),
                        p.variables().stream().map(v -> v.name() + " " + v.type()).toList());
                assertEquals(List.of("Монгол", "120", "2025-07-18", "7.5", "2025-07-18T01:30:00Z"),
                        herder.values().stream().map(QdpxProject.VariableValue::value).toList(), "a date-time is kept in UTC");
                QdpxProject.Case household = p.cases().stream().filter(c -> c.name().startsWith("户 12")).findFirst().orElseThrow();
                assertEquals("户 12 · Household 12", household.name());
                assertEquals("Two generations under one roof", household.description());
                assertEquals(2, household.sources().size());
                assertTrue(household.sources().contains(herder.guid()));
                assertEquals(List.of("95", "true"), household.values().stream().map(QdpxProject.VariableValue::value).toList());
            }
            String xml;
            try (ZipFile zip = new ZipFile(file.toFile())) {
                xml = new String(zip.getInputStream(zip.getEntry("project.qde")).readAllBytes(), StandardCharsets.UTF_8);
            }
            for (String typed : List.of("<IntegerValue>120</IntegerValue>", "<DateValue>2025-07-18</DateValue>", "<FloatValue>7.5</FloatValue>",
                    "<DateTimeValue>2025-07-18T01:30:00Z</DateTimeValue>", "<BooleanValue>true</BooleanValue>", "<TextValue>Монгол</TextValue>")) {
                assertTrue(xml.contains(typed), "each value in the element of its type: " + typed);
            }
        }
    }

    /** What must survive a round trip, by GUID: documents, codes, codings, coders, positions, memos. */
    record Snapshot(String projectMemo, List<String> coders, List<String> codes, List<String> documents, List<String> codings,
                    List<String> memos, List<String> attributes, List<String> cases) {}

    static Snapshot snapshot(ProjectSession s) {
        Map<Long, String> coderGuid = new HashMap<>();
        List<String> coders = new ArrayList<>();
        for (Coder c : s.coding().coders()) {
            coderGuid.put(c.id(), c.guid());
            coders.add(c.guid() + " " + c.name());
        }
        var book = s.codebook().codebook();
        List<String> codes = new ArrayList<>();
        for (Code c : book.codes()) {
            String parent = c.parentId() == null ? "-" : book.byId(c.parentId()).orElseThrow().guid();
            codes.add(String.join(" | ", c.guid(), parent, c.name(), String.valueOf(c.description()), String.valueOf(c.color()),
                    String.valueOf(c.codable()), String.valueOf(c.memo())));
        }
        List<String> documents = new ArrayList<>();
        List<String> codings = new ArrayList<>();
        for (Document d : s.documents().all()) {
            documents.add(String.join(" | ", d.guid(), d.name(), String.valueOf(d.memo()), String.valueOf(d.length()), s.documents().text(d)));
            for (Coding c : s.coding().ofDocument(d)) {
                codings.add(String.join(" | ", c.guid(), d.guid(), book.byId(c.codeId()).orElseThrow().guid(), coderGuid.get(c.coderId()),
                        String.valueOf(c.start()), String.valueOf(c.end()), String.valueOf(c.memo()),
                        c.createdAt().truncatedTo(ChronoUnit.SECONDS).toString()));
            }
        }
        codings.sort(null);
        List<String> memos = new ArrayList<>();
        for (Memo m : s.memos()) {
            memos.add(String.join(" | ", m.guid(), String.valueOf(m.title()), m.text(), m.coderId() == null ? "-" : coderGuid.get(m.coderId()),
                    m.createdAt().truncatedTo(ChronoUnit.SECONDS).toString()));
        }
        List<String> attributes = new ArrayList<>();
        for (var a : s.cases().attributes()) attributes.add(String.join(" | ", a.guid(), a.name(), a.type().word()));
        for (var row : s.cases().table()) attributes.add(row.document().guid() + " " + row.cases() + " " + row.own() + " " + row.values());
        List<String> cases = new ArrayList<>();
        for (var v : s.cases().caseViews()) {
            cases.add(String.join(" | ", v.c().guid(), v.c().name(), String.valueOf(v.c().memo()),
                    v.documents().stream().map(Document::guid).sorted().toList().toString(), v.values().toString()));
        }
        return new Snapshot(s.project().memo(), coders, codes, documents, codings, memos, attributes, cases);
    }

    static String qde(Path qdpx) throws Exception {
        try (ZipFile zip = new ZipFile(qdpx.toFile())) {
            String xml = new String(zip.getInputStream(zip.getEntry("project.qde")).readAllBytes(), StandardCharsets.UTF_8);
            // the new project was created now: its own creation time is the one thing that differs
            return xml.replaceFirst("(<Project [^>]*?) creationDateTime=\"[^\"]*\"", "$1");
        }
    }

    @Test
    void exportImportExportGivesAnEquivalentProject() throws Exception {
        Path first = dir.resolve("first.qdpx");
        Snapshot original;
        try (ProjectSession s = richProject(dir.resolve("study.tamga"))) {
            s.exchange().exportQdpx(first);
            original = snapshot(s);
        }
        Path again = Files.createDirectories(dir.resolve("again")).resolve("study.tamga");
        QdpxImportReport r = ExchangeService.importQdpx(first, again, dir, cache());
        assertEquals(List.of(), r.adjusted());
        assertEquals(List.of(), r.skipped());
        assertEquals(List.of(), r.warnings());
        assertEquals(7, r.documents());
        assertEquals(47, r.codings());
        Path second = dir.resolve("second.qdpx");
        try (ProjectSession s = ProjectSession.open(again, cache())) {
            assertEquals(original, snapshot(s));
            s.exchange().exportQdpx(second);
        }
        assertEquals(qde(first), qde(second));
    }

    @Test
    void anEmptyProjectExportsAndImportsToo() throws Exception {
        Path file = dir.resolve("empty.qdpx");
        try (ProjectSession s = ProjectSession.create(dir.resolve("empty.tamga"), cache())) {
            ExchangeService.ExportReport r = s.exchange().exportQdpx(file);
            assertEquals(0, r.documents());
        }
        try (QdpxArchive archive = QdpxArchive.open(file)) {
            assertEquals(List.of(), archive.project().sources());
        }
        QdpxImportReport r = ExchangeService.importQdpx(file, dir.resolve("empty-again.tamga"), dir, cache());
        assertEquals(0, r.documents() + r.codes() + r.codings() + r.coders() + r.memos());
    }
}
