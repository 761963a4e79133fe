package org.tamga.exchange;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tamga.model.TamgaException;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

class CodebookFileTest {
    static final Path SHIPPED = Path.of("codebooks", "poverty-capability-local-knowledge.qdc");
    static final Path SHIPPED_MD = Path.of("codebooks", "poverty-capability-local-knowledge.md");
    static final String SHIPPED_TITLE = "Poverty, capability and local knowledge — research codebook";
    @TempDir Path dir;

    @Test
    void theShippedCodebookIsValidRefiQda() throws Exception {
        CodebookFile.validate(Files.readAllBytes(SHIPPED), SHIPPED.toString());
        CodebookFile.Contents c = CodebookFile.read(SHIPPED);
        assertEquals(List.of(), c.warnings());
        List<String> top = c.codes().stream().map(n -> n.name().split(" · ")[0]).toList();
        assertEquals(List.of("Capability", "Culture of poverty", "Local knowledge", "Poverty-alleviation mechanism", "Interventions"), top);
    }

    @Test
    void everyShippedCodeHasBothNamesAndTheFiveParts() {
        Pattern han = Pattern.compile("\\p{IsHan}");
        List<CodeNode> all = CodebookFile.read(SHIPPED).codes().stream().flatMap(CodeNode::flatten).toList();
        assertTrue(all.size() >= 25, "codes: " + all.size());
        for (CodeNode n : all) {
            String[] parts = n.name().split(" · ");
            assertEquals(2, parts.length, "English · Chinese name: " + n.name());
            assertTrue(han.matcher(parts[1]).find(), "Chinese name: " + n.name());
            List<String> lines = n.description().strip().lines().toList();
            assertEquals(5, lines.size(), n.name());
            assertTrue(lines.get(0).startsWith("Definition: "), n.name());
            assertTrue(lines.get(1).startsWith("定义："), n.name());
            assertTrue(lines.get(2).startsWith("When to use: "), n.name());
            assertTrue(lines.get(3).startsWith("When not to use: "), n.name());
            assertTrue(lines.get(4).startsWith("Example: "), n.name());
        }
    }

    @Test
    void theShippedMarkdownIsTheRenderingOfTheQdc() throws Exception {
        String expected = CodebookMarkdown.render(SHIPPED_TITLE, CodebookFile.read(SHIPPED).codes());
        assertEquals(expected, Files.readString(SHIPPED_MD, StandardCharsets.UTF_8),
                "regenerate with: java -jar target/tamga.jar codebook render " + SHIPPED + " " + SHIPPED_MD + " --title \"" + SHIPPED_TITLE + "\"");
    }

    @Test
    void writeThenReadGivesTheSameTree() {
        List<CodeNode> codes = List.of(new CodeNode("6f1c1a52-7d0e-4a59-9b0a-3f1d2c3b4a50", "Local knowledge · 地方性知识",
                "Definition: <pastoral> & \"ecological\" knowledge\n定义：地方性知识", "#33AA55", true,
                List.of(new CodeNode("6f1c1a52-7d0e-4a59-9b0a-3f1d2c3b4a51", "ᠮᠠᠯᠴᠢᠨ · малчин 🐑", null, null, false, List.of()))));
        Path file = dir.resolve("书.qdc");
        CodebookFile.write(codes, file);
        CodebookFile.Contents back = CodebookFile.read(file);
        assertEquals(codes, back.codes());
        assertEquals(List.of(), back.warnings());
    }

    @Test
    void hostileAndBrokenFilesAreRefusedWithTheFileNamed() throws Exception {
        Path xxe = dir.resolve("xxe.qdc");
        Files.writeString(xxe, "<?xml version=\"1.0\"?><!DOCTYPE CodeBook [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\"><Codes><Code guid=\"6f1c1a52-7d0e-4a59-9b0a-3f1d2c3b4a50\" name=\"&x;\" isCodable=\"true\"/></Codes></CodeBook>");
        TamgaException e = assertThrows(TamgaException.class, () -> CodebookFile.read(xxe));
        assertTrue(e.getMessage().contains("xxe.qdc") && e.getMessage().contains("DOCTYPE"), e.getMessage());

        Path laughs = dir.resolve("laughs.qdc");
        Files.writeString(laughs, "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;\">]><CodeBook/>");
        assertThrows(TamgaException.class, () -> CodebookFile.read(laughs));

        Path empty = dir.resolve("empty.qdc");
        Files.write(empty, new byte[0]);
        assertTrue(assertThrows(TamgaException.class, () -> CodebookFile.read(empty)).getMessage().contains("empty"));

        Path notXml = dir.resolve("notes.qdc");
        Files.writeString(notXml, "这不是XML");
        assertTrue(assertThrows(TamgaException.class, () -> CodebookFile.read(notXml)).getMessage().contains("notes.qdc"));

        Path otherXml = dir.resolve("project.qdc");
        Files.writeString(otherXml, "<Project xmlns=\"urn:QDA-XML:project:1.0\"/>");
        assertTrue(assertThrows(TamgaException.class, () -> CodebookFile.read(otherXml)).getMessage().contains("not a REFI-QDA codebook"));
    }

    @Test
    void quirksOfOtherToolsAreRepairedAndReported() throws Exception {
        Path file = dir.resolve("taguette.qdc");
        Files.writeString(file, "<CodeBook><Codes>"
                + "<Code name=\"no guid\" isCodable=\"true\" color=\"red\"/>"
                + "<Code guid=\"{6F1C1A52-7D0E-4A59-9B0A-3F1D2C3B4A50}\" name=\"braced\" isCodable=\"false\"/>"
                + "</Codes></CodeBook>");
        CodebookFile.Contents c = CodebookFile.read(file);
        assertEquals(2, c.codes().size());
        assertNull(c.codes().get(0).color());
        assertEquals("6f1c1a52-7d0e-4a59-9b0a-3f1d2c3b4a50", c.codes().get(1).guid());
        assertFalse(c.codes().get(1).codable());
        assertEquals(3, c.warnings().size(), c.warnings().toString()); // namespace, guid, colour
    }

    /** Found by the fuzz test (ADR 44): the JDK's parser took 8 s over a declaration with a million-character encoding name. */
    @Test
    void aDeclarationThatDoesNotEndIsRefusedBeforeTheParserSeesIt() throws Exception {
        Path file = dir.resolve("代码本 Код 🐑.qdc");
        java.nio.file.Files.writeString(file, "<?xml version=\"1.0\" encoding=\"" + "长".repeat(1_000_000) + "\"?><CodeBook xmlns=\""
                + CodebookFile.NAMESPACE + "\"><Codes><Code guid=\"00000000-0000-4000-8000-000000000010\" name=\"x\"/></Codes></CodeBook>",
                java.nio.charset.StandardCharsets.UTF_8);
        ExchangeException e = assertThrows(ExchangeException.class, () -> CodebookFile.read(file));
        assertEquals("Cannot read 代码本 Код 🐑.qdc: it is not well-formed XML (its declaration <?xml \u2026 ?> does not end within 1024 characters).",
                e.getMessage());
        java.nio.file.Files.writeString(file, "\uFEFF<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<CodeBook xmlns=\"" + CodebookFile.NAMESPACE
                + "\"><Codes><Code guid=\"00000000-0000-4000-8000-000000000010\" name=\"牧民\"/></Codes></CodeBook>", java.nio.charset.StandardCharsets.UTF_8);
        assertEquals("牧民", CodebookFile.read(file).codes().getFirst().name(), "a declaration of the usual length, after a byte-order mark");
    }

    /** Found by the fuzz test: the parser's complaint quoted a line break from the file, and the message took two lines. */
    @Test
    void aRefusalIsOneLineWhateverTheFileOrTheParserPutsIntoIt() {
        ExchangeException e = new ExchangeException("访谈.qdc", "it is not well-formed XML (line 2: XML version \"访谈\n\t换行\" is not supported)");
        assertEquals("Cannot read 访谈.qdc: it is not well-formed XML (line 2: XML version \"访谈  换行\" is not supported).", e.getMessage());
        assertEquals("长".repeat(1000) + "\u2026", new ExchangeException("x.qdc", "长".repeat(5000)).reason(), "cut at 1,000 characters");
    }
}
