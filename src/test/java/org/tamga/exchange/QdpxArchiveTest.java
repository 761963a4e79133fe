package org.tamga.exchange;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tamga.exchange.QdpxProject.Coding;
import org.tamga.exchange.QdpxProject.Note;
import org.tamga.exchange.QdpxProject.Selection;
import org.tamga.exchange.QdpxProject.Source;
import org.tamga.exchange.QdpxProject.SourceKind;
import org.tamga.exchange.QdpxProject.User;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.*;

class QdpxArchiveTest {
    static final String DOC = "0f8a1907-7e42-4739-8610-a676b4d1b69f";
    static final String CODE = "85d17f60-7bb0-481e-b742-b4861dd669df";
    static final String CHILD = "d2c1e38e-5220-42fa-a442-908471cc7964";
    static final String USER = "ad68fbe7-e1ee-4a82-a279-23cc698c89eb";
    static final String NOTE = "ce15250d-46ad-42c2-b90f-a509b8d64ec8";
    static final String TEXT_1 = "访谈者：您家是贫困户吗？\n受访者：以前是贫困户 🐑，现在脱贫了。\nᠮᠠᠯᠴᠢᠨ малчин\n";

    @TempDir Path dir;

    static QdpxProject sampleModel() {
        Instant t = Instant.parse("2026-03-01T10:15:30Z");
        List<CodeNode> codes = List.of(new CodeNode(CODE, "Capability · 可行能力", "Definition: <Sen> & \"freedom\"", "#33AA55", false,
                List.of(new CodeNode(CHILD, "ᠮᠠᠯᠴᠢᠨ · малчин 🐑", null, null, true, List.of()))));
        Selection sel = new Selection("4191294a-e287-4510-95b0-69bce4638e56", "以前是贫困户", 17, 23, null, USER, t,
                List.of(new Coding("445a6aec-1400-4502-919d-0867832ff211", CHILD, USER, t, List.of(NOTE))), List.of());
        Source doc = new Source(SourceKind.TEXT, DOC, "访谈01", "A memo on the document", USER, t, "internal://" + DOC + ".txt",
                null, null, null, List.of(sel), List.of(), List.of(), List.of(), List.of(), 0);
        Note note = new Note(NOTE, "Memo", "why \u201Cpoor\u201D?", null, null, USER, t, t);
        return new QdpxProject("田野调查", "Tamga", "The project's memo", t, List.of(new User(USER, "Saran")), codes,
                Map.of(CODE, List.of(NOTE)), List.of(), List.of(), List.of(doc), List.of(note), List.of(), List.of(NOTE), 0, 0, List.of());
    }

    @Test
    void aWrittenArchiveIsSchemaValidAndReadsBackAsTheSameProject() throws Exception {
        Path file = dir.resolve("田野.qdpx");
        QdpxArchive.write(sampleModel(), s -> TEXT_1, file);
        try (ZipFile zip = new ZipFile(file.toFile())) {
            byte[] qde = zip.getInputStream(zip.getEntry("project.qde")).readAllBytes();
            QdpxArchive.validate(qde, "project.qde");
            byte[] text = zip.getInputStream(zip.getEntry("sources/" + DOC + ".txt")).readAllBytes();
            assertEquals(TEXT_1, new String(text, StandardCharsets.UTF_8));
            assertNotEquals((byte) 0xEF, text[0], "no byte-order mark");
            assertEquals(2, zip.size());
        }
        try (QdpxArchive archive = QdpxArchive.open(file)) {
            assertEquals(sampleModel(), archive.project());
            assertEquals(TEXT_1, new String(archive.read("internal://" + DOC + ".txt", null), StandardCharsets.UTF_8));
        }
    }

    @Test
    void invalidCharactersInMemosDoNotBreakTheExportedXml() throws Exception {
        QdpxProject p = sampleModel();
        Note dirty = new Note(NOTE, "Memo\u0001", "a\u0000b\u000Bc\uD800d", null, null, null, null, null);
        QdpxProject withDirt = new QdpxProject(p.name(), p.origin(), p.description(), p.created(), p.users(), p.codes(), p.codeNotes(),
                p.variables(), p.cases(), p.sources(), List.of(dirty), p.links(), p.projectNotes(), 0, 0, List.of());
        Path file = dir.resolve("dirty.qdpx");
        QdpxArchive.write(withDirt, s -> TEXT_1, file);
        try (QdpxArchive archive = QdpxArchive.open(file)) {
            assertEquals("abcd", archive.project().notes().getFirst().text());
        }
    }

    @Test
    void anInvalidProjectIsNeverWritten() {
        QdpxProject p = sampleModel();
        Source bad = new Source(SourceKind.TEXT, "not-a-guid", "x", null, null, null, "internal://x.txt", null, null, null,
                List.of(), List.of(), List.of(), List.of(), List.of(), 0);
        QdpxProject invalid = new QdpxProject(p.name(), p.origin(), null, null, p.users(), p.codes(), Map.of(), List.of(), List.of(),
                List.of(bad), List.of(), List.of(), List.of(), 0, 0, List.of());
        Path file = dir.resolve("bad.qdpx");
        ExchangeException e = assertThrows(ExchangeException.class, () -> QdpxArchive.write(invalid, s -> "x", file));
        assertTrue(e.getMessage().contains("not valid against the REFI-QDA project schema"), e.getMessage());
        assertFalse(Files.exists(file));
    }

    @Test
    void aProjectsCodebookIsReadLikeAQdcFileQuirksIncluded() throws Exception {
        String codes = "<Codes><Code name=\"no guid\" isCodable=\"true\" color=\"red\"/>"
                + "<Code guid=\"{6F1C1A52-7D0E-4A59-9B0A-3F1D2C3B4A50}\" name=\"braced\" isCodable=\"false\"><Description>d</Description>"
                + "<Code guid=\"6f1c1a52-7d0e-4a59-9b0a-3f1d2c3b4a51\" name=\"\" color=\"#abc\"/></Code></Codes>";
        Path qdc = Files.writeString(dir.resolve("c.qdc"), "<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\">" + codes + "</CodeBook>");
        Path qdpx = Zips.archive().add("project.qde", Zips.qde("", "<CodeBook>" + codes + "</CodeBook>")).writeTo(dir.resolve("c.qdpx"));
        CodebookFile.Contents fromQdc = CodebookFile.read(qdc);
        try (QdpxArchive archive = QdpxArchive.open(qdpx)) {
            List<CodeNode> fromProject = archive.project().codes();
            assertEquals(fromQdc.codes().size(), fromProject.size());
            for (int i = 0; i < fromProject.size(); i++) {
                CodeNode a = fromQdc.codes().get(i), b = fromProject.get(i);
                // the code without a GUID gets a new one each time it is read; everything else is the same
                assertEquals(a.name(), b.name());
                assertEquals(a.children(), b.children());
                assertEquals(a.color(), b.color());
                assertEquals(a.codable(), b.codable());
                assertEquals(a.description(), b.description());
            }
            assertEquals("6f1c1a52-7d0e-4a59-9b0a-3f1d2c3b4a50", fromProject.get(1).guid());
            assertEquals(fromQdc.warnings().size(), archive.project().warnings().size(), archive.project().warnings().toString());
        }
        // and written by the same code: the .qdc Tamga writes holds the same <Code> elements as its project.qde
        List<CodeNode> tree = sampleModel().codes();
        Path written = dir.resolve("w.qdc");
        CodebookFile.write(tree, written);
        Path project = dir.resolve("w.qdpx");
        QdpxArchive.write(new QdpxProject("p", null, null, null, List.of(), tree, Map.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), 0, 0, List.of()), s -> "", project);
        String qdcXml = Files.readString(written);
        String qdeXml;
        try (ZipFile zip = new ZipFile(project.toFile())) {
            qdeXml = new String(zip.getInputStream(zip.getEntry("project.qde")).readAllBytes(), StandardCharsets.UTF_8);
        }
        assertEquals(codeElements(qdcXml), codeElements(qdeXml));
    }

    private static String codeElements(String xml) {
        return xml.substring(xml.indexOf("<Code "), xml.lastIndexOf("</Code>") + 7).replaceAll("\\s+", " ");
    }

    // ---- hostile archives ---------------------------------------------------------------------

    private Path withEntry(String hostileName) throws Exception {
        return Zips.archive().add("project.qde", Zips.qde("", "")).add(hostileName, "x").writeTo(dir.resolve("hostile.qdpx"));
    }

    @Test
    void entriesThatLeadOutOfTheArchiveAreRefused() throws Exception {
        for (String name : List.of("../evil.txt", "sources/../../evil.txt", "..\\evil.txt", "/etc/passwd", "C:/Windows/evil.txt", "\\\\server\\share\\x")) {
            Path file = withEntry(name);
            ExchangeException e = assertThrows(ExchangeException.class, () -> QdpxArchive.open(file), name);
            assertTrue(e.getMessage().startsWith("Cannot read hostile.qdpx: "), e.getMessage());
            assertTrue(e.getMessage().contains("for safety"), e.getMessage());
            Files.delete(file);
        }
        assertFalse(Files.exists(dir.resolve("../evil.txt")));
    }

    @Test
    void aZipBombIsStoppedWhileInflating() throws Exception {
        byte[] zeros = new byte[30 << 20];
        Path bomb = Zips.archive().add("project.qde", Zips.qde("", "")).add("sources/a.txt", zeros).writeTo(dir.resolve("bomb.qdpx"));
        assertTrue(Files.size(bomb) < 100_000, "30 MB of zeros pack into " + Files.size(bomb) + " bytes");
        try (QdpxArchive archive = QdpxArchive.open(bomb)) {
            ExchangeException e = assertThrows(ExchangeException.class, () -> archive.read("internal://a.txt", null));
            assertTrue(e.getMessage().contains("ZIP bomb"), e.getMessage());
        }
        String hugeQde = Zips.qde("", " ".repeat(30 << 20));
        Path qdeBomb = Zips.archive().add("project.qde", hugeQde).writeTo(dir.resolve("qde-bomb.qdpx"));
        assertTrue(assertThrows(ExchangeException.class, () -> QdpxArchive.open(qdeBomb)).getMessage().contains("ZIP bomb"));
    }

    @Test
    void oversizedEntriesAndTooManyEntriesAreRefused() throws Exception {
        byte[] noise = new byte[5000];
        new Random(7).nextBytes(noise);
        Path file = Zips.archive().add("project.qde", Zips.qde("", "")).add("sources/big.txt", noise).writeTo(dir.resolve("big.qdpx"));
        QdpxArchive.Limits small = new QdpxArchive.Limits(3, 1 << 20, 1000, 1 << 20, 100);
        try (QdpxArchive archive = QdpxArchive.open(file, small)) {
            ExchangeException e = assertThrows(ExchangeException.class, () -> archive.read("internal://big.txt", null));
            assertTrue(e.getMessage().contains("larger than 1000 bytes"), e.getMessage());
        }
        Zips many = Zips.archive().add("project.qde", Zips.qde("", ""));
        for (int i = 0; i < 5; i++) many.add("sources/" + i + ".txt", "x");
        Path manyFile = many.writeTo(dir.resolve("many.qdpx"));
        assertTrue(assertThrows(ExchangeException.class, () -> QdpxArchive.open(manyFile, small)).getMessage().contains("more than 3 files"));
        QdpxArchive.Limits tinyTotal = new QdpxArchive.Limits(100, 1 << 20, 1 << 20, 3000, 100);
        Path two = Zips.archive().add("project.qde", Zips.qde("", "")).add("sources/a.txt", noise).writeTo(dir.resolve("two.qdpx"));
        try (QdpxArchive archive = QdpxArchive.open(two, tinyTotal)) {
            assertThrows(ExchangeException.class, () -> archive.read("internal://a.txt", null));
        }
    }

    @Test
    void externalEntitiesAndDtdsAreRefused() throws Exception {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE Project [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"&x;\"/>";
        Path file = Zips.archive().add("project.qde", xxe).writeTo(dir.resolve("xxe.qdpx"));
        ExchangeException e = assertThrows(ExchangeException.class, () -> QdpxArchive.open(file));
        assertTrue(e.getMessage().contains("xxe.qdpx") && e.getMessage().contains("DOCTYPE"), e.getMessage());
    }

    @Test
    void filesThatAreNotQdpxGetAClearMessage() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.qdpx"), "这不是ZIP");
        assertEquals("Cannot read notes.qdpx: it is not a QDPX file (a QDPX file is a ZIP archive, and this is not one).",
                assertThrows(ExchangeException.class, () -> QdpxArchive.open(text)).getMessage());
        Path noQde = Zips.archive().add("sources/a.txt", "x").writeTo(dir.resolve("noqde.qdpx"));
        assertTrue(assertThrows(ExchangeException.class, () -> QdpxArchive.open(noQde)).getMessage().contains("it has no project.qde"));
        Path codebook = Zips.archive().add("project.qde", "<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\"/>").writeTo(dir.resolve("cb.qdpx"));
        assertTrue(assertThrows(ExchangeException.class, () -> QdpxArchive.open(codebook)).getMessage().contains("not a REFI-QDA project"));
        Path broken = Zips.archive().add("project.qde", "<Project name=").writeTo(dir.resolve("broken.qdpx"));
        assertTrue(assertThrows(ExchangeException.class, () -> QdpxArchive.open(broken)).getMessage().contains("not well-formed XML"));
        assertTrue(assertThrows(ExchangeException.class, () -> QdpxArchive.open(dir.resolve("missing.qdpx"))).getMessage().contains("no such file"));
    }

    // ---- quirks -------------------------------------------------------------------------------

    @Test
    void capitalisedNamesBracedGuidsAnEmptySetsAndAByteOrderMarkAreTolerated() throws Exception {
        String body = "<Users><User guid=\"{AD68FBE7-E1EE-4A82-A279-23CC698C89EB}\" name=\"Friedrich\"/></Users>"
                + "<CodeBook><Codes><Code guid=\"{85D17F60-7BB0-481E-B742-B4861DD669DF}\" name=\"happiness\" isCodable=\"true\"/></Codes></CodeBook>"
                + "<Sources><TextSource guid=\"0F8A1907-7E42-4739-8610-A676B4D1B69F\" name=\"Mabel.txt\" plainTextPath=\"internal://142EB46D-612E-4593-A385-D0E5D04D1288.txt\" creationDateTime=\"2018-10-04T22:56:11\">"
                + "<PlainTextSelection guid=\"4191294A-E287-4510-95B0-69BCE4638E56\" startPosition=\"0\" endPosition=\"4\" modifyingUser=\"AD68FBE7-E1EE-4A82-A279-23CC698C89EB\">"
                + "<Coding guid=\"445A6AEC-1400-4502-919D-0867832FF211\"><CodeRef targetGUID=\"85D17F60-7BB0-481E-B742-B4861DD669DF\"/></Coding>"
                + "</PlainTextSelection></TextSource></Sources><Sets/>";
        byte[] qde = ("\uFEFF" + Zips.qde("origin=\"ATLAS.ti 8.4.0\"", body)).getBytes(StandardCharsets.UTF_8);
        Path file = Zips.archive().add("Project.qde", qde).add("Sources/142EB46D-612E-4593-A385-D0E5D04D1288.TXT", "Mabel text")
                .writeTo(dir.resolve("atlas.qdpx"));
        try (QdpxArchive archive = QdpxArchive.open(file)) {
            QdpxProject p = archive.project();
            assertEquals("ATLAS.ti 8.4.0", p.origin());
            assertEquals(List.of(new User(USER, "Friedrich")), p.users());
            assertEquals(CODE, p.codes().getFirst().guid());
            Source s = p.sources().getFirst();
            assertEquals(DOC, s.guid());
            Selection sel = s.selections().getFirst();
            assertEquals(USER, sel.creatingUser(), "without creatingUser, the modifying user is the one who made it");
            assertEquals(Instant.parse("2018-10-04T22:56:11Z"), s.created(), "a time without a zone is read as UTC");
            assertEquals(CODE, sel.codings().getFirst().code(), "the CodeRef is normalised like the code's GUID");
            assertEquals(0, p.sets());
            assertEquals(List.of(), p.warnings());
            assertEquals("Mabel text", new String(archive.read(s.plainTextPath(), null), StandardCharsets.UTF_8));
        }
    }

    @Test
    void anArchiveOfAFolderAndWindowsSeparatorsAreTolerated() throws Exception {
        String body = "<Sources><TextSource guid=\"" + DOC + "\" name=\"a\" plainTextPath=\"internal://" + DOC + ".txt\"/></Sources>";
        Path file = Zips.archive().add("Export 2024/project.qde", Zips.qde("", body)).add("Export 2024\\sources\\" + DOC + ".txt", "text")
                .writeTo(dir.resolve("folder.qdpx"));
        try (QdpxArchive archive = QdpxArchive.open(file)) {
            assertEquals("text", new String(archive.read("internal://" + DOC + ".txt", null), StandardCharsets.UTF_8));
            ExchangeException missing = assertThrows(ExchangeException.class, () -> archive.read("internal://nothing.txt", null));
            assertTrue(missing.getMessage().contains("does not contain that file"), missing.getMessage());
        }
    }

    @Test
    void externalFilesAreReadOnlyBesideTheArchive() throws Exception {
        Path besides = Files.createDirectories(dir.resolve("study"));
        Files.createDirectories(besides.resolve("texts"));
        Files.writeString(besides.resolve("texts/访谈 02.txt"), "beside");
        Path secret = Files.writeString(dir.resolve("secret.txt"), "secret");
        Path file = Zips.archive().add("project.qde", Zips.qde("", "")).writeTo(besides.resolve("p.qdpx"));
        try (QdpxArchive archive = QdpxArchive.open(file)) {
            assertEquals("beside", new String(archive.read("relative:///texts/访谈 02.txt", besides), StandardCharsets.UTF_8));
            assertEquals("beside", new String(archive.read("relative://texts/%E8%AE%BF%E8%B0%88%2002.txt", besides), StandardCharsets.UTF_8));
            for (String hostile : List.of("relative:///../secret.txt", "relative://texts/../../secret.txt", "absolute:///" + secret,
                    "file://" + secret, "relative:///C:/secret.txt")) {
                ExchangeException e = assertThrows(ExchangeException.class, () -> archive.read(hostile, besides), hostile);
                assertFalse(e.getMessage().contains("secret\""), e.getMessage());
            }
            List<String> messages = new ArrayList<>();
            try {
                Files.createSymbolicLink(besides.resolve("link.txt"), secret);
                messages.add(assertThrows(ExchangeException.class, () -> archive.read("relative:///link.txt", besides)).getMessage());
            } catch (UnsupportedOperationException | java.io.IOException noLinks) {
                // a file system without symbolic links cannot be tricked by one
            }
            for (String m : messages) assertTrue(m.contains("leads outside"), m);
        }
    }
}
