package org.tamga.core;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tamga.exchange.UnsafeArchiveException;
import org.tamga.exchange.Zips;
import org.tamga.model.Document;
import org.tamga.model.Memo;
import org.tamga.model.TamgaException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Importing .qdpx files as NVivo, ATLAS.ti, MAXQDA, QualCoder and Taguette write them: each
 * fixture is a hand-written project.qde with that tool's known quirks, zipped here.
 */
class QdpxImportTest {
    @TempDir Path dir;

    static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    /** A GUID for fixtures: {@code g(7)} = 00000000-0000-4000-8000-000000000007. */
    static String g(int n) { return String.format(Locale.ROOT, "00000000-0000-4000-8000-%012d", n); }

    static String G(int n) { return g(n).toUpperCase(Locale.ROOT); }

    /** The position attributes of {@code passage} as a tool writes them that counts a CRLF as one character, or as two. */
    static String at(String raw, String passage, boolean crlfAsOne) {
        String counted = crlfAsOne ? raw.replace("\r\n", "\n") : raw;
        int i = counted.indexOf(passage);
        assertTrue(i >= 0, passage);
        return "startPosition=\"" + counted.codePointCount(0, i) + "\" endPosition=\""
                + counted.codePointCount(0, i + passage.length()) + "\"";
    }

    static byte[] utf8(String s) { return s.getBytes(StandardCharsets.UTF_8); }

    static byte[] withBom(String s) {
        byte[] b = utf8(s);
        byte[] out = new byte[b.length + 3];
        System.arraycopy(BOM, 0, out, 0, 3);
        System.arraycopy(b, 0, out, 3, b.length);
        return out;
    }

    QdpxImportReport importArchive(Zips zip, String name) throws IOException {
        Path file = zip.writeTo(dir.resolve(name + ".qdpx"));
        return ExchangeService.importQdpx(file, dir.resolve(name + ".tamga"), dir, dir.resolve("cache"));
    }

    /** Every coding of a project as "document | code | coder | passage | memo". */
    Set<String> codings(String name) {
        try (ProjectSession s = ProjectSession.open(dir.resolve(name + ".tamga"), dir.resolve("cache"))) {
            Set<String> out = new TreeSet<>();
            for (CodingService.Segment g : s.coding().all(Set.of())) {
                out.add(g.document().name() + " | " + g.code().name() + " | " + g.coder() + " | " + g.text()
                        + (g.coding().memo() == null ? "" : " | " + g.coding().memo()));
            }
            return out;
        }
    }

    List<Memo> memos(String name) {
        try (ProjectSession s = ProjectSession.open(dir.resolve(name + ".tamga"), dir.resolve("cache"))) {
            return s.memos();
        }
    }

    static boolean any(List<String> lines, String... fragments) {
        return lines.stream().anyMatch(l -> Stream.of(fragments).allMatch(l::contains));
    }

    // ---- NVivo --------------------------------------------------------------------------------

    static final String NVIVO_TEXT = "Interviewer: How did the winter go?\r\nRespondent: We lost forty sheep in the snow. The subsidy came late.\r\n"
            + "Interviewer: And the children?\r\nRespondent: They board at the county school now.\r\n";

    /**
     * NVivo: a text file with a byte-order mark and Windows line breaks, positions counting a CRLF
     * as two characters (the standard), upper-case GUIDs, annotations kept as notes (one in a text
     * file of its own) linked to their passages through {@code <Links>}, unnamed selections.
     */
    static Zips nvivoArchive() {
        String xml = Zips.qde("origin=\"NVivo 14.23.0 (Windows)\" creatingUserGUID=\"" + G(1) + "\"",
                "<Users><User guid=\"" + G(1) + "\" name=\"Ana Ruiz\"/><User guid=\"" + G(2) + "\" name=\"Tomás\"/></Users>"
                + "<CodeBook><Codes><Code guid=\"" + G(10) + "\" name=\"Livelihood\" isCodable=\"true\" color=\"#FF0000\">"
                + "<Code guid=\"" + G(11) + "\" name=\"Livestock loss\" isCodable=\"true\"/>"
                + "<Code guid=\"" + G(12) + "\" name=\"Education\" isCodable=\"true\"/></Code></Codes></CodeBook>"
                + "<Sources><TextSource guid=\"" + G(20) + "\" name=\"Interview Batu\" plainTextPath=\"internal://" + g(20) + ".txt\" creatingUser=\"" + G(1) + "\">"
                // hand-counted: "Interviewer: How did the winter go?" is 35 characters, CRLF 2, "Respondent: " 12 → 49; the passage is 31
                + "<PlainTextSelection guid=\"" + G(30) + "\" name=\"\" startPosition=\"49\" endPosition=\"80\" creatingUser=\"" + G(1) + "\">"
                + "<Coding guid=\"" + G(40) + "\" creatingUser=\"" + G(1) + "\"><CodeRef targetGUID=\"" + G(11) + "\"/></Coding></PlainTextSelection>"
                + "<PlainTextSelection guid=\"" + G(31) + "\" " + at(NVIVO_TEXT, "They board at the county school", false) + " creatingUser=\"" + G(2) + "\">"
                + "<Coding guid=\"" + G(41) + "\" creatingUser=\"" + G(2) + "\"><CodeRef targetGUID=\"" + G(12) + "\"/></Coding></PlainTextSelection>"
                + "<PlainTextSelection guid=\"" + G(32) + "\" " + at(NVIVO_TEXT, "The subsidy came late.", false) + " creatingUser=\"" + G(1) + "\"/>"
                + "</TextSource></Sources>"
                + "<Notes><Note guid=\"" + G(50) + "\" name=\"Annotation\" plainTextPath=\"internal://" + g(50) + ".txt\" creatingUser=\"" + G(1) + "\"/>"
                + "<Note guid=\"" + G(51) + "\" name=\"Annotation\" creatingUser=\"" + G(1) + "\"><PlainTextContent>Ask the cadre when the subsidy came.</PlainTextContent></Note></Notes>"
                + "<Links><Link guid=\"" + G(60) + "\" originGUID=\"" + G(50) + "\" targetGUID=\"" + G(30) + "\"/>"
                + "<Link guid=\"" + G(61) + "\" originGUID=\"" + G(51) + "\" targetGUID=\"" + G(32) + "\"/></Links>"
                + "<Description>Winter losses in Sumber</Description>");
        return Zips.archive().add("project.qde", xml).add("sources/" + g(20) + ".txt", withBom(NVIVO_TEXT))
                .add("sources/" + g(50) + ".txt", withBom("Forty is the family's own count.\r\n"));
    }

    @Test
    void nvivoAnnotationsBomAndCrlfCountedAsTwo() throws Exception {
        QdpxImportReport r = importArchive(nvivoArchive(), "nvivo");
        assertEquals(Set.of(
                "Interview Batu | Education | Tomás | They board at the county school",
                "Interview Batu | Livestock loss | Ana Ruiz | We lost forty sheep in the snow | Forty is the family's own count."),
                codings("nvivo"));
        assertTrue(r.positions().contains("counted as two characters"), r.positions());
        assertTrue(r.positions().contains("judged from"), r.positions());
        assertEquals(1, r.documents());
        assertEquals(2, r.coders());
        assertTrue(any(r.adjusted(), "1 comment on passages without a code became project memos"), r.adjusted().toString());
        List<Memo> memos = memos("nvivo");
        assertEquals(1, memos.size());
        assertEquals("Ask the cadre when the subsidy came.", memos.getFirst().text());
        assertTrue(memos.getFirst().title().contains("The subsidy came late."), memos.getFirst().title());
        assertEquals(List.of(), r.skipped());
        assertEquals(List.of(), r.warnings());
        try (ProjectSession s = ProjectSession.open(dir.resolve("nvivo.tamga"), dir.resolve("cache"))) {
            Document d = s.documents().resolve("Interview Batu");
            assertEquals(g(20), d.guid(), "GUIDs are kept, lower case");
            assertEquals(NVIVO_TEXT.replace("\r\n", "\n"), s.documents().text(d), "line breaks normalised, the byte-order mark gone");
            assertEquals("Winter losses in Sumber", s.project().memo());
            assertEquals("UTF-8 (BOM)", d.sourceEncoding());
        }
    }

    // ---- ATLAS.ti -----------------------------------------------------------------------------

    static final String ATLAS_TEXT = "访谈者：您家是贫困户吗？\r\n受访者：以前是贫困户，现在脱贫了。\r\n访谈者：培训有用吗？\r\n受访者：培训很有用，我学会了种草。\r\n";
    static final String PDF_TEXT = "Grassland subsidy rules 2021\r\nHerders receive the subsidy per mu of grassland.\r\n";

    /**
     * ATLAS.ti: {@code Project.qde} and {@code Sources/} capitalised, file names in upper case
     * while the paths name them in lower case, braced GUIDs, Windows line breaks counted as ONE
     * character, selections (quotations) named after their text, a quotation comment in
     * {@code <Description>}, a quotation without a code, a picture with a coded area, a PDF with its
     * plain-text representation and an area selection, and sets.
     */
    static Zips atlasArchive() {
        String u = "{" + G(1) + "}";
        String xml = Zips.qde("origin=\"ATLAS.ti 8.4.0 573 , macOS Version 10.14.3\"",
                "<Users><User guid=\"" + G(1) + "\" name=\"Friedrich Markgraf\"/></Users>"
                + "<CodeBook><Codes><Code guid=\"{" + G(10) + "}\" name=\"脱贫\" isCodable=\"true\" color=\"#ffff00\"/>"
                + "<Code guid=\"{" + G(11) + "}\" name=\"培训\" isCodable=\"true\"><Description>Training</Description></Code>"
                + "<Code guid=\"{" + G(12) + "}\" name=\"Grassland\" isCodable=\"true\"/></Codes></CodeBook>"
                + "<Sources><TextSource guid=\"" + G(20) + "\" name=\"访谈01.docx\" plainTextPath=\"internal://" + g(21) + ".txt\" richTextPath=\"internal://" + g(22) + ".docx\" creatingUser=\"" + u + "\">"
                + "<PlainTextSelection guid=\"" + G(30) + "\" name=\"以前是贫困户，现在…\" " + at(ATLAS_TEXT, "以前是贫困户，现在脱贫了。", true) + " creatingUser=\"" + u + "\">"
                + "<Description>她说的是2019年</Description>"
                + "<Coding guid=\"" + G(40) + "\" creatingUser=\"" + u + "\"><CodeRef targetGUID=\"" + G(10) + "\"/></Coding></PlainTextSelection>"
                + "<PlainTextSelection guid=\"" + G(31) + "\" name=\"培训很有用，我学会了种草。\" " + at(ATLAS_TEXT, "培训很有用，我学会了种草。", true) + " creatingUser=\"" + u + "\">"
                + "<Coding guid=\"" + G(41) + "\" creatingUser=\"" + u + "\"><CodeRef targetGUID=\"{" + G(11) + "}\"/></Coding></PlainTextSelection>"
                + "<PlainTextSelection guid=\"" + G(32) + "\" name=\"培训有用吗？\" " + at(ATLAS_TEXT, "培训有用吗？", true) + " creatingUser=\"" + u + "\">"
                + "<Description>访谈者的问题有引导性</Description></PlainTextSelection>"
                + "</TextSource>"
                + "<PictureSource guid=\"" + G(23) + "\" name=\"pasture.jpg\" path=\"internal://" + g(24) + ".jpg\">"
                + "<PictureSelection guid=\"" + G(33) + "\" firstX=\"1\" firstY=\"1\" secondX=\"99\" secondY=\"99\" name=\"Quotation 2:1\">"
                + "<Coding guid=\"" + G(42) + "\"><CodeRef targetGUID=\"" + G(12) + "\"/></Coding>"
                + "<Coding guid=\"" + G(43) + "\"><CodeRef targetGUID=\"" + G(10) + "\"/></Coding></PictureSelection></PictureSource>"
                + "<PDFSource guid=\"" + G(25) + "\" name=\"Subsidy rules.pdf\" path=\"internal://" + g(26) + ".pdf\">"
                + "<PDFSelection guid=\"" + G(34) + "\" page=\"0\" firstX=\"18\" firstY=\"45\" secondX=\"577\" secondY=\"234\">"
                + "<Coding guid=\"" + G(44) + "\"><CodeRef targetGUID=\"" + G(12) + "\"/></Coding></PDFSelection>"
                + "<Representation guid=\"" + G(27) + "\" plainTextPath=\"internal://" + g(27) + ".txt\">"
                + "<PlainTextSelection guid=\"" + G(35) + "\" name=\"Herders receive the subsidy…\" " + at(PDF_TEXT, "Herders receive the subsidy per mu of grassland.", true) + ">"
                + "<Coding guid=\"" + G(45) + "\" creatingUser=\"" + G(1) + "\"><CodeRef targetGUID=\"" + G(12) + "\"/></Coding></PlainTextSelection>"
                + "</Representation></PDFSource></Sources>"
                + "<Sets><Set guid=\"" + G(70) + "\" name=\"Interviews\"><MemberSource targetGUID=\"" + G(20) + "\"/></Set></Sets>");
        return Zips.archive().add("Project.qde", xml)
                .add("Sources/" + G(21) + ".TXT", utf8(ATLAS_TEXT))
                .add("Sources/" + G(22) + ".DOCX", new byte[]{'P', 'K', 3, 4})
                .add("Sources/" + G(24) + ".JPG", new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})
                .add("Sources/" + G(26) + ".PDF", utf8("%PDF-1.4"))
                .add("Sources/" + G(27) + ".TXT", utf8(PDF_TEXT));
    }

    @Test
    void atlasTiCapitalisedSourcesCrlfCountedAsOnePicturesAndPdfs() throws Exception {
        QdpxImportReport r = importArchive(atlasArchive(), "atlas");
        assertEquals(Set.of(
                "访谈01.docx | 脱贫 | Friedrich Markgraf | 以前是贫困户，现在脱贫了。 | 她说的是2019年",
                "访谈01.docx | 培训 | Friedrich Markgraf | 培训很有用，我学会了种草。",
                "Subsidy rules.pdf | Grassland | Friedrich Markgraf | Herders receive the subsidy per mu of grassland."),
                codings("atlas"));
        assertTrue(r.positions().contains("counted as one character"), r.positions());
        assertTrue(any(r.skipped(), "picture \u201Cpasture.jpg\u201D", "1 selection, 2 codings"), r.skipped().toString());
        assertTrue(any(r.skipped(), "\u201CSubsidy rules.pdf\u201D", "1 PDF area selection with 1 coding"), r.skipped().toString());
        assertTrue(any(r.adjusted(), "PDF \u201CSubsidy rules.pdf\u201D", "plain-text representation was imported"), r.adjusted().toString());
        assertTrue(any(r.skipped(), "1 set: Tamga has no sets"), r.skipped().toString());
        assertTrue(any(r.adjusted(), "1 comment on passages without a code"), r.adjusted().toString());
        assertEquals("访谈者的问题有引导性", memos("atlas").getFirst().text());
        assertTrue(any(r.adjusted(), "1 source came with a formatted version (DOCX)", "without the formatting"), r.adjusted().toString());
        assertEquals(2, r.documents());
        assertEquals(List.of(), r.warnings());
    }

    // ---- MAXQDA -------------------------------------------------------------------------------

    static final String MAXQDA_TEXT = "I: Какие у вас трудности?\r\nR: Зимой мы потеряли много скота.\r\nI: А пастбища?\r\n"
            + "R: Пастбища стали хуже, трава короткая.\r\nI: Что помогает?\r\nR: Помогает кооператив соседей.\r\n";

    /**
     * MAXQDA: Windows line breaks counted as one character, selections without names, a
     * comment on a passage without a code ({@code <Description>} alone), document variables in
     * unnamed cases with one {@code SourceRef} and on the source itself, an empty {@code <Sets/>},
     * and code categories that are codes themselves.
     */
    static Zips maxqdaArchive() {
        String xml = Zips.qde("origin=\"MAXQDA 2022 (Release 22.7.0)\"",
                "<Users><User guid=\"" + G(1) + "\" name=\"Oyuna\"/></Users>"
                + "<CodeBook><Codes><Code guid=\"" + G(10) + "\" name=\"Трудности\" isCodable=\"true\" color=\"#FF8000\">"
                + "<Code guid=\"" + G(11) + "\" name=\"Скот\" isCodable=\"true\"/><Code guid=\"" + G(12) + "\" name=\"Пастбища\" isCodable=\"true\"/></Code>"
                + "<Code guid=\"" + G(13) + "\" name=\"Помощь\" isCodable=\"true\"/></Codes></CodeBook>"
                + "<Variables><Variable guid=\"" + G(80) + "\" name=\"Age\" typeOfVariable=\"Integer\"/>"
                + "<Variable guid=\"" + G(81) + "\" name=\"Sum\" typeOfVariable=\"Text\"/></Variables>"
                + "<Cases><Case guid=\"" + G(90) + "\"><VariableValue><VariableRef targetGUID=\"" + G(80) + "\"/><IntegerValue>54</IntegerValue></VariableValue>"
                + "<SourceRef targetGUID=\"" + G(20) + "\"/></Case></Cases>"
                + "<Sources><TextSource guid=\"" + G(20) + "\" name=\"Интервью 3\" plainTextPath=\"internal://" + G(20) + ".txt\">"
                + "<PlainTextSelection guid=\"" + G(30) + "\" " + at(MAXQDA_TEXT, "потеряли много скота", true) + " creatingUser=\"" + G(1) + "\">"
                + "<Coding guid=\"" + G(40) + "\" creatingUser=\"" + G(1) + "\"><CodeRef targetGUID=\"" + G(11) + "\"/></Coding></PlainTextSelection>"
                + "<PlainTextSelection guid=\"" + G(31) + "\" " + at(MAXQDA_TEXT, "Пастбища стали хуже", true) + " creatingUser=\"" + G(1) + "\">"
                + "<Description/><Coding guid=\"" + G(41) + "\" creatingUser=\"" + G(1) + "\"><CodeRef targetGUID=\"" + G(12) + "\"/></Coding>"
                + "<Coding guid=\"" + G(42) + "\" creatingUser=\"" + G(1) + "\"><CodeRef targetGUID=\"" + G(10) + "\"/></Coding></PlainTextSelection>"
                + "<PlainTextSelection guid=\"" + G(32) + "\" " + at(MAXQDA_TEXT, "кооператив соседей", true) + " creatingUser=\"" + G(1) + "\">"
                + "<Coding guid=\"" + G(43) + "\" creatingUser=\"" + G(1) + "\"><CodeRef targetGUID=\"" + G(13) + "\"/></Coding></PlainTextSelection>"
                + "<PlainTextSelection guid=\"" + G(33) + "\" " + at(MAXQDA_TEXT, "трава короткая", true) + " creatingUser=\"" + G(1) + "\">"
                + "<Description>Ср. интервью 5</Description></PlainTextSelection>"
                + "<VariableValue><VariableRef targetGUID=\"" + G(81) + "\"/><TextValue>Баян-Өндөр</TextValue></VariableValue>"
                + "</TextSource></Sources><Sets/>");
        return Zips.archive().add("project.qde", xml).add("sources/" + G(20) + ".txt", utf8(MAXQDA_TEXT));
    }

    @Test
    void maxqdaCommentsVariablesAndAnEmptySets() throws Exception {
        QdpxImportReport r = importArchive(maxqdaArchive(), "maxqda");
        assertEquals(Set.of(
                "Интервью 3 | Скот | Oyuna | потеряли много скота",
                "Интервью 3 | Пастбища | Oyuna | Пастбища стали хуже",
                "Интервью 3 | Трудности | Oyuna | Пастбища стали хуже",
                "Интервью 3 | Помощь | Oyuna | кооператив соседей"),
                codings("maxqda"));
        assertTrue(r.positions().contains("counted as one character"), r.positions());
        // document variables: one on the source itself, one in an unnamed case with only this source (MAXQDA's way)
        assertEquals(2, r.attributes());
        assertEquals(0, r.cases(), "an unnamed case of one source gives that document its values; it is no case of its own");
        assertTrue(any(r.adjusted(), "1 attribute value given through unnamed cases", "became values of those documents"), r.adjusted().toString());
        try (ProjectSession s = ProjectSession.open(dir.resolve("maxqda.tamga"), dir.resolve("cache"))) {
            var row = s.cases().of(s.documents().resolve("Интервью 3"));
            assertEquals(java.util.Map.of("Age", "54", "Sum", "Баян-Өндөр"), row.own());
            assertEquals(org.tamga.model.Attribute.Type.INTEGER, s.cases().attribute("Age").type());
            assertEquals(G(80).toLowerCase(Locale.ROOT), s.cases().attribute("Age").guid(), "the variable's GUID is kept");
        }
        assertEquals(List.of(), r.skipped());
        assertFalse(any(r.skipped(), "Tamga has no sets"), "an empty <Sets/> is nothing to report: " + r.skipped());
        assertEquals("Ср. интервью 5", memos("maxqda").getFirst().text());
        assertEquals(List.of(), r.warnings());
    }

    /**
     * NVivo's cases with classification attributes: named cases holding whole sources (one of them a
     * picture, not imported) and a passage; a value that does not fit its variable's type, one naming
     * no variable, a variable of a type REFI-QDA does not know, and two cases called the same.
     */
    @Test
    void namedCasesBecomeCasesWithTheirDocumentsAndValues() throws Exception {
        String text = "Interviewer: Where do you graze in summer?\nRespondent: By the river, as my father did.\n";
        String value = "<VariableValue><VariableRef targetGUID=\"%s\"/><%s>%s</%s></VariableValue>";
        String xml = Zips.qde("origin=\"NVivo 14.23.0 (Windows)\"",
                "<Variables><Variable guid=\"" + G(80) + "\" name=\"Gender · 性别\" typeOfVariable=\"Text\"><Description>as the person says</Description></Variable>"
                + "<Variable guid=\"" + G(81) + "\" name=\"Age\" typeOfVariable=\"Integer\"/>"
                + "<Variable guid=\"" + G(82) + "\" name=\"Banner\" typeOfVariable=\"Ordinal\"/></Variables>"
                + "<Cases><Case guid=\"" + G(90) + "\" name=\"Батбаяр\"><Description>herder, 3rd brigade</Description>"
                + String.format(Locale.ROOT, value, G(80), "TextValue", "男", "TextValue") + String.format(Locale.ROOT, value, G(81), "IntegerValue", "54", "IntegerValue")
                + String.format(Locale.ROOT, value, G(82), "TextValue", "Xilin Gol", "TextValue") + String.format(Locale.ROOT, value, G(89), "TextValue", "lost", "TextValue")
                + "<SourceRef targetGUID=\"" + G(20) + "\"/><SourceRef targetGUID=\"" + G(21) + "\"/><SourceRef targetGUID=\"" + G(22) + "\"/>"
                + "<SelectionRef targetGUID=\"" + G(30) + "\"/></Case>"
                + "<Case guid=\"" + G(91) + "\" name=\"Батбаяр\">" + String.format(Locale.ROOT, value, G(81), "TextValue", "about sixty", "TextValue")
                + "<SourceRef targetGUID=\"" + G(21) + "\"/></Case></Cases>"
                + "<Sources><TextSource guid=\"" + G(20) + "\" name=\"Interview 1\" plainTextPath=\"internal://" + G(20) + ".txt\"/>"
                + "<TextSource guid=\"" + G(21) + "\" name=\"Interview 2\"><PlainTextContent>Second visit: the river is lower.</PlainTextContent>"
                + String.format(Locale.ROOT, value, G(80), "TextValue", "女", "TextValue") + "</TextSource>"
                + "<PictureSource guid=\"" + G(22) + "\" name=\"ger.jpg\" path=\"internal://" + G(22) + ".jpg\"/></Sources>");
        QdpxImportReport r = importArchive(Zips.archive().add("project.qde", xml).add("sources/" + G(20) + ".txt", utf8(text)), "cases");
        assertEquals(3, r.attributes());
        assertEquals(2, r.cases());
        assertTrue(any(r.adjusted(), "\u201CBanner\u201D has the type \u201COrdinal\u201D", "kept as text"), r.adjusted().toString());
        assertTrue(any(r.adjusted(), "two cases are called \u201CБатбаяр\u201D", "\u201CБатбаяр (2)\u201D"), r.adjusted().toString());
        assertTrue(any(r.skipped(), "\u201Cabout sixty\u201D of \u201CAge\u201D for the case \u201CБатбаяр (2)\u201D", "a whole number"), r.skipped().toString());
        assertTrue(any(r.skipped(), "1 attribute value naming a variable the file does not define"), r.skipped().toString());
        assertTrue(any(r.skipped(), "case \u201CБатбаяр\u201D: 1 of its sources was not imported"), r.skipped().toString());
        assertTrue(any(r.skipped(), "case \u201CБатбаяр\u201D: 1 passage (SelectionRef)", "whole documents"), r.skipped().toString());
        try (ProjectSession s = ProjectSession.open(dir.resolve("cases.tamga"), dir.resolve("cache"))) {
            var cases = s.cases().caseViews();
            assertEquals(List.of("Батбаяр", "Батбаяр (2)"), cases.stream().map(c -> c.c().name()).toList());
            assertEquals(List.of("Interview 1", "Interview 2"), cases.getFirst().documents().stream().map(Document::name).toList());
            assertEquals("herder, 3rd brigade", cases.getFirst().c().memo());
            assertEquals(java.util.Map.of("Gender · 性别", "男", "Age", "54", "Banner", "Xilin Gol"), cases.getFirst().values());
            assertEquals("as the person says", s.cases().attribute("Gender · 性别").description());
            var second = s.cases().of(s.documents().resolve("Interview 2"));
            assertEquals(List.of("Батбаяр", "Батбаяр (2)"), second.cases());
            assertEquals("女", second.values().get("Gender · 性别"), "a document's own value comes before its case's");
            assertEquals("54", second.values().get("Age"), "the value that did not fit its type was not kept");
            assertEquals(java.util.Map.of("Gender · 性别", "女"), second.own());
        }
    }

    /** A tool known to count a CRLF as one character, whose file counts it as two: the selections win over the reputation. */
    @Test
    void theSelectionsOutweighWhatATitleOfToolSuggests() throws Exception {
        String xml = Zips.qde("origin=\"MAXQDA 2024\"",
                "<CodeBook><Codes><Code guid=\"" + g(10) + "\" name=\"x\" isCodable=\"true\"/></Codes></CodeBook>"
                + "<Sources><TextSource guid=\"" + g(20) + "\" name=\"d\" plainTextPath=\"internal://" + g(20) + ".txt\">"
                + java.util.stream.IntStream.range(0, 4).mapToObj(i -> {
                    String p = List.of("потеряли много скота", "Пастбища стали хуже", "трава короткая", "Помогает кооператив").get(i);
                    return "<PlainTextSelection guid=\"" + g(30 + i) + "\" " + at(MAXQDA_TEXT, p, false) + ">"
                            + "<Coding guid=\"" + g(40 + i) + "\"><CodeRef targetGUID=\"" + g(10) + "\"/></Coding></PlainTextSelection>";
                })
                        .reduce("", String::concat)
                + "</TextSource></Sources>");
        QdpxImportReport r = importArchive(Zips.archive().add("project.qde", xml).add("sources/" + g(20) + ".txt", utf8(MAXQDA_TEXT)), "evidence");
        assertTrue(r.positions().contains("counted as two characters"), r.positions());
        assertEquals(Set.of("d | x | (unknown coder) | потеряли много скота", "d | x | (unknown coder) | Пастбища стали хуже",
                "d | x | (unknown coder) | трава короткая", "d | x | (unknown coder) | Помогает кооператив"), codings("evidence"));
        assertTrue(any(r.adjusted(), "4 codings name no coder", "(unknown coder)"), r.adjusted().toString());
    }

    // ---- QualCoder ----------------------------------------------------------------------------

    static final String QUALCODER_TEXT = "Dorj: The river was closer when I was a boy.\nDorj: Now we drive the sheep two hours to water.\n";

    /**
     * QualCoder: project.qde and the source texts written with a byte-order mark, {@code Sources/}
     * capitalised, categories that are not codable, a coding memo in the selection's
     * {@code <Description>}, journals as notes with their text in a file, a DOCX-only source and an
     * audio source with a transcript.
     */
    static Zips qualcoderArchive() {
        String xml = Zips.qde("origin=\"QualCoder 3.5\"",
                "<Users><User guid=\"" + g(1) + "\" name=\"colin\"/></Users>"
                + "<CodeBook><Codes><Code guid=\"" + g(10) + "\" name=\"Water\" isCodable=\"false\">"
                + "<Code guid=\"" + g(11) + "\" name=\"Distance\" isCodable=\"true\" color=\"#9CCC65\"><Description>How far water is</Description></Code>"
                + "</Code></Codes></CodeBook>"
                + "<Sources><TextSource guid=\"" + g(20) + "\" name=\"dorj.txt\" plainTextPath=\"internal://" + g(20) + ".txt\" creatingUser=\"" + g(1) + "\">"
                + "<PlainTextSelection guid=\"" + g(30) + "\" " + at(QUALCODER_TEXT, "two hours to water", true) + " creatingUser=\"" + g(1) + "\">"
                + "<Description>compare with 1990s</Description>"
                + "<Coding guid=\"" + g(40) + "\"><CodeRef targetGUID=\"" + g(11) + "\"/></Coding></PlainTextSelection></TextSource>"
                + "<TextSource guid=\"" + g(21) + "\" name=\"notes.docx\" richTextPath=\"internal://" + g(21) + ".docx\"/>"
                + "<AudioSource guid=\"" + g(22) + "\" name=\"dorj.m4a\" path=\"relative:///audio/dorj.m4a\">"
                + "<Transcript guid=\"" + g(23) + "\" plainTextPath=\"internal://" + g(23) + ".txt\"/>"
                + "<AudioSelection guid=\"" + g(31) + "\" begin=\"100\" end=\"2000\"><Coding guid=\"" + g(41) + "\"><CodeRef targetGUID=\"" + g(11) + "\"/></Coding></AudioSelection>"
                + "</AudioSource></Sources>"
                + "<Notes><Note guid=\"" + g(50) + "\" name=\"Reflexive journal\" plainTextPath=\"internal://" + g(50) + ".txt\" creatingUser=\"" + g(1) + "\""
                + " creationDateTime=\"2024-05-02T09:30:00Z\"/></Notes>");
        return Zips.archive().add("project.qde", withBom(xml))
                .add("Sources/" + g(20) + ".txt", withBom(QUALCODER_TEXT))
                .add("Sources/" + g(21) + ".docx", new byte[]{'P', 'K', 3, 4})
                .add("Sources/" + g(23) + ".txt", utf8("transcript"))
                .add("Sources/" + g(50) + ".txt", withBom("Day 3: I keep hearing about the river."));
    }

    @Test
    void qualCoderBomsJournalsDocxAndAudio() throws Exception {
        QdpxImportReport r = importArchive(qualcoderArchive(), "qualcoder");
        assertEquals(Set.of("dorj.txt | Distance | colin | two hours to water | compare with 1990s"), codings("qualcoder"));
        assertTrue(any(r.skipped(), "text \u201Cnotes.docx\u201D", "Tamga's document importer cannot read its DOCX (internal://" + g(21) + ".docx)",
                "damaged or incomplete"), r.skipped().toString());
        assertTrue(any(r.skipped(), "audio \u201Cdorj.m4a\u201D", "1 selection, 1 coding, 1 transcript"), r.skipped().toString());
        List<Memo> memos = memos("qualcoder");
        assertEquals(1, memos.size());
        assertEquals("Reflexive journal", memos.getFirst().title());
        assertEquals("Day 3: I keep hearing about the river.", memos.getFirst().text());
        assertEquals(java.time.Instant.parse("2024-05-02T09:30:00Z"), memos.getFirst().createdAt());
        assertEquals(g(50), memos.getFirst().guid());
        try (ProjectSession s = ProjectSession.open(dir.resolve("qualcoder.tamga"), dir.resolve("cache"))) {
            var book = s.codebook().codebook();
            assertFalse(book.find("Water").getFirst().codable());
            assertEquals("#9CCC65", book.find("Distance").getFirst().color());
            assertEquals("How far water is", book.find("Distance").getFirst().description());
            assertEquals("Water", book.ancestry(book.find("Distance").getFirst()).getFirst().name());
        }
    }

    // ---- Taguette -----------------------------------------------------------------------------

    static final String TAGUETTE_TEXT = "𠀀 Sarnai: 🐑 The school bus stopped in 2019. Children board now.";

    /**
     * Taguette: the text inline in project.qde, no users, no namespace, codes without colours,
     * highlights that run past the end of the text, one that starts after it, one whose tag is
     * not in the codebook; characters outside the Basic Multilingual Plane counted as one.
     */
    static Zips taguetteArchive() {
        int len = TAGUETTE_TEXT.codePointCount(0, TAGUETTE_TEXT.length());
        String xml = "<?xml version=\"1.0\"?><Project name=\"school\" origin=\"Taguette 1.4.1\">"
                + "<CodeBook><Codes><Code guid=\"" + g(10) + "\" name=\"transport\" isCodable=\"true\"/>"
                + "<Code guid=\"" + g(11) + "\" name=\"boarding\" isCodable=\"true\"/></Codes></CodeBook>"
                + "<Sources><TextSource guid=\"" + g(20) + "\" name=\"Sarnai\"><PlainTextContent>" + TAGUETTE_TEXT + "</PlainTextContent>"
                + "<PlainTextSelection guid=\"" + g(30) + "\" " + at(TAGUETTE_TEXT, "The school bus stopped", true) + ">"
                + "<Coding guid=\"" + g(40) + "\"><CodeRef targetGUID=\"" + g(10) + "\"/></Coding></PlainTextSelection>"
                + "<PlainTextSelection guid=\"" + g(31) + "\" startPosition=\"" + (len - 19) + "\" endPosition=\"" + (len + 6) + "\">"
                + "<Coding guid=\"" + g(41) + "\"><CodeRef targetGUID=\"" + g(11) + "\"/></Coding></PlainTextSelection>"
                + "<PlainTextSelection guid=\"" + g(32) + "\" startPosition=\"" + (len + 2) + "\" endPosition=\"" + (len + 9) + "\">"
                + "<Coding guid=\"" + g(42) + "\"><CodeRef targetGUID=\"" + g(11) + "\"/></Coding></PlainTextSelection>"
                + "<PlainTextSelection guid=\"" + g(33) + "\" " + at(TAGUETTE_TEXT, "Sarnai", true) + ">"
                + "<Coding guid=\"" + g(43) + "\"><CodeRef targetGUID=\"" + g(99) + "\"/></Coding></PlainTextSelection>"
                + "</TextSource></Sources></Project>";
        return Zips.archive().add("project.qde", xml);
    }

    @Test
    void taguetteInlineTextAndSelectionsPastTheEnd() throws Exception {
        QdpxImportReport r = importArchive(taguetteArchive(), "taguette");
        assertEquals(Set.of("Sarnai | transport | (unknown coder) | The school bus stopped",
                "Sarnai | boarding | (unknown coder) | Children board now."), codings("taguette"));
        assertTrue(any(r.adjusted(), "\u201CSarnai\u201D: 1 selection runs past the end of the text", "cut at its end"), r.adjusted().toString());
        assertTrue(any(r.skipped(), "\u201CSarnai\u201D: 1 selection with 1 coding starts after the end of the text"), r.skipped().toString());
        assertTrue(any(r.skipped(), "1 coding of codes that are not in the file's codebook (" + g(99) + ")"), r.skipped().toString());
        assertTrue(any(r.warnings(), "namespace"), r.warnings().toString());
        assertTrue(r.positions().contains("counted as one (code points)"), r.positions());
    }

    // ---- DOCX and PDF sources without plain text: read by Tamga's document importer ------------

    static final List<String> DOCX_PARAGRAPHS = List.of(
            "Interviewer: How many sheep did you have before the dzud?",
            "Respondent: About three hundred. We lost forty in the snow.",
            "Interviewer: And the subsidy?",
            "Respondent: The subsidy came late, after the spring, when the lambs were already born.",
            "Interviewer: Thank you.");
    /** The tool's own plain text of the DOCX, which it did not put in the archive: one line break between paragraphs. */
    static final String DOCX_THEIRS = String.join("\n", DOCX_PARAGRAPHS);

    static final List<String> PDF_LINES = List.of(
            "Interviewer: Where do you take the sheep in summer?",
            "Respondent: To the river pasture, two hours away.",
            "Interviewer: Is there enough grass?",
            "Respondent: Less every year.");
    /** The tool's own text of the PDF, with the page number it kept. */
    static final String PDF_THEIRS = String.join("\n", PDF_LINES) + "\n1";

    static String selection(int guid, String name, String theirs, String passage, int code) {
        return "<PlainTextSelection guid=\"" + g(guid) + "\" name=\"" + name + "\" " + at(theirs, passage, false) + " creatingUser=\"" + g(1) + "\">"
                + "<Coding guid=\"" + g(guid + 10) + "\" creatingUser=\"" + g(1) + "\"><CodeRef targetGUID=\"" + g(code) + "\"/></Coding></PlainTextSelection>";
    }

    /**
     * A tool that kept only the DOCX of one interview ({@code richTextPath}, as QualCoder and MAXQDA can)
     * and only the PDF of another (no {@code <Representation>}, its text selections straight in the
     * {@code PDFSource}); the selections are named after their text, except one whose name says
     * "fifty" where the text says "forty", and one whose name is cut with "…".
     */
    Zips formattedArchive() throws IOException {
        byte[] docx = Files.readAllBytes(org.tamga.Fixtures.docx(dir.resolve("made/batu.docx"), "Batu, winter 2024", "Ana Ruiz", DOCX_PARAGRAPHS));
        byte[] pdf = Files.readAllBytes(org.tamga.Fixtures.pdf(dir.resolve("made/dorj.pdf"), "Dorj", "Ana Ruiz", PDF_LINES));
        String xml = Zips.qde("origin=\"SomeQDA 2\"",
                "<Users><User guid=\"" + g(1) + "\" name=\"Ana Ruiz\"/></Users>"
                + "<CodeBook><Codes><Code guid=\"" + g(10) + "\" name=\"Livestock\" isCodable=\"true\"/>"
                + "<Code guid=\"" + g(11) + "\" name=\"Subsidy\" isCodable=\"true\"/>"
                + "<Code guid=\"" + g(12) + "\" name=\"Pasture\" isCodable=\"true\"/></Codes></CodeBook>"
                + "<Sources><TextSource guid=\"" + g(20) + "\" name=\"Batu.docx\" richTextPath=\"internal://" + g(20) + ".docx\" creatingUser=\"" + g(1) + "\">"
                + selection(30, "About three hundred.", DOCX_THEIRS, "About three hundred.", 10)
                + selection(31, "We lost fifty in the snow.", DOCX_THEIRS, "We lost forty in the snow.", 10)
                + selection(32, "And the subsidy? Respondent: The subsidy came late", DOCX_THEIRS, "And the subsidy?\nRespondent: The subsidy came late", 11)
                + selection(33, "Respondent: The subsidy came late, after\u2026", DOCX_THEIRS, DOCX_PARAGRAPHS.get(3), 11)
                + "</TextSource>"
                + "<PDFSource guid=\"" + g(21) + "\" name=\"Dorj interview\" path=\"internal://" + g(21) + ".pdf\">"
                + "<PDFSelection guid=\"" + g(60) + "\" page=\"0\" firstX=\"1\" firstY=\"1\" secondX=\"9\" secondY=\"9\">"
                + "<Coding guid=\"" + g(61) + "\"><CodeRef targetGUID=\"" + g(12) + "\"/></Coding></PDFSelection>"
                + selection(34, "two hours away", PDF_THEIRS, "two hours away", 12)
                + selection(35, "Less every year.", PDF_THEIRS, "Less every year.", 12)
                + "</PDFSource></Sources>");
        return Zips.archive().add("project.qde", xml).add("sources/" + g(20) + ".docx", docx).add("sources/" + g(21) + ".pdf", pdf);
    }

    @Test
    void docxAndPdfWithoutPlainTextAreReadByTheDocumentImporterAndTheirCodingsPlacedByTheirText() throws Exception {
        QdpxImportReport r = importArchive(formattedArchive(), "formatted");
        assertEquals(2, r.documents());
        String docxText = String.join("\n\n", DOCX_PARAGRAPHS) + "\n";
        String pdfText = String.join("\n\n", PDF_LINES) + "\n";
        try (ProjectSession s = ProjectSession.open(dir.resolve("formatted.tamga"), dir.resolve("cache"))) {
            Document batu = s.documents().resolve("Batu.docx"), dorj = s.documents().resolve("Dorj interview");
            assertEquals(docxText, s.documents().text(batu));
            assertEquals(pdfText, s.documents().text(dorj));
            var source = s.documents().source(batu);
            assertEquals("Batu, winter 2024", source.title());
            assertEquals("Ana Ruiz", source.author());
            assertEquals("docx", source.format());
            assertEquals("pdf", s.documents().source(dorj).format());
            assertEquals("formatted.qdpx (internal://" + g(20) + ".docx)", batu.sourceFile());
            assertEquals(List.of("Interviewer", "Respondent", "Interviewer", "Respondent", "Interviewer"),
                    s.speakers().turns(batu).stream().map(org.tamga.model.Turn::speaker).toList(), "turns as `import` finds them");
            assertEquals(4, s.speakers().turns(dorj).size());

            Set<String> placed = new TreeSet<>();
            for (CodingService.Segment g : s.coding().all(Set.of())) {
                String text = g.document().id() == batu.id() ? docxText : pdfText;
                assertEquals(text.indexOf(g.text()), g.coding().start(), g.text());
                assertEquals(g.coding().start() + g.text().length(), g.coding().end(), g.text());
                placed.add(g.document().name() + " | " + g.code().name() + " | " + g.coding().start() + "\u2013" + g.coding().end() + " | " + g.text());
            }
            int a = docxText.indexOf("About three hundred."), sub = docxText.indexOf("And the subsidy?"), hours = pdfText.indexOf("two hours away"),
                    less = pdfText.indexOf("Less every year.");
            assertEquals(Set.of("Batu.docx | Livestock | " + a + "\u2013" + (a + 20) + " | About three hundred.",
                    "Batu.docx | Subsidy | " + sub + "\u2013" + (sub + 51) + " | And the subsidy?\n\nRespondent: The subsidy came late",
                    "Dorj interview | Pasture | " + hours + "\u2013" + (hours + 14) + " | two hours away",
                    "Dorj interview | Pasture | " + less + "\u2013" + (less + 16) + " | Less every year."), placed);
        }
        assertTrue(any(r.adjusted(), "text \u201CBatu.docx\u201D: its text was read from its DOCX (internal://" + g(20) + ".docx) by Tamga's document importer",
                "of its 4 codings, 2 placed where the text their selection names occurs in Tamga's text, 2 not placed"), r.adjusted().toString());
        assertTrue(any(r.adjusted(), "PDF \u201CDorj interview\u201D: its text was read from its PDF (internal://" + g(21) + ".pdf)",
                "of its 2 codings, 2 placed", "0 not placed"), r.adjusted().toString());
        assertTrue(any(r.skipped(), "text \u201CBatu.docx\u201D: 1 selection with 1 coding not carried over: the selected text (the selection's name)"
                + " does not occur near the selection's position in the text Tamga read"), r.skipped().toString());
        assertTrue(any(r.skipped(), "text \u201CBatu.docx\u201D: 1 selection with 1 coding not carried over: the name gives only the beginning"),
                r.skipped().toString());
        assertTrue(any(r.skipped(), "\u201CDorj interview\u201D: 1 PDF area selection with 1 coding"), r.skipped().toString());
        assertEquals(4, r.codings());
        assertFalse(any(r.adjusted(), "came with a formatted version"), r.adjusted().toString());
        assertTrue(r.positions().contains("no other reading was possible"), "the formatted sources' positions are no evidence: " + r.positions());
    }

    /**
     * A DOCX that is password-protected or damaged, a PDF that is a scan, a PDF the archive lacks:
     * each is reported with the document importer's reason (as ADR 21 has it for a source that
     * cannot be read), and the rest of the project imports. A source whose plain text is missing
     * but whose DOCX is there is read from the DOCX.
     */
    @Test
    void unreadableDocumentsAreReportedWithTheImportersReasonAndTheRestImports() throws Exception {
        Path good = org.tamga.Fixtures.docx(dir.resolve("made/good.docx"), "t", "a", List.of("Respondent: The well is dry since June."));
        byte[] locked = Files.readAllBytes(org.tamga.Fixtures.encrypt(good, dir.resolve("made/locked.docx"), "s3cret"));
        byte[] cut = Files.readAllBytes(org.tamga.Fixtures.truncated(good, dir.resolve("made/cut.docx"), (int) Files.size(good) / 2));
        byte[] scan = Files.readAllBytes(org.tamga.Fixtures.scannedPdf(dir.resolve("made/scan.pdf")));
        String xml = Zips.qde("", "<Users><User guid=\"" + g(1) + "\" name=\"Ana\"/></Users>"
                + "<CodeBook><Codes><Code guid=\"" + g(10) + "\" name=\"Water\" isCodable=\"true\"/></Codes></CodeBook><Sources>"
                + "<TextSource guid=\"" + g(20) + "\" name=\"plain\"><PlainTextContent>Respondent: We carry water.</PlainTextContent></TextSource>"
                + "<TextSource guid=\"" + g(21) + "\" name=\"locked.docx\" richTextPath=\"internal://" + g(21) + ".docx\">"
                + "<PlainTextSelection guid=\"" + g(31) + "\" name=\"well\" startPosition=\"16\" endPosition=\"20\">"
                + "<Coding guid=\"" + g(41) + "\"><CodeRef targetGUID=\"" + g(10) + "\"/></Coding></PlainTextSelection></TextSource>"
                + "<TextSource guid=\"" + g(22) + "\" name=\"cut.docx\" richTextPath=\"internal://" + g(22) + ".docx\"/>"
                + "<PDFSource guid=\"" + g(23) + "\" name=\"scan.pdf\" path=\"internal://" + g(23) + ".pdf\"/>"
                + "<PDFSource guid=\"" + g(24) + "\" name=\"missing.pdf\" path=\"internal://nothing.pdf\"/>"
                + "<TextSource guid=\"" + g(25) + "\" name=\"fallback\" plainTextPath=\"internal://gone.txt\" richTextPath=\"internal://" + g(25) + ".docx\">"
                + "<PlainTextSelection guid=\"" + g(35) + "\" name=\"The well is dry\" startPosition=\"12\" endPosition=\"27\">"
                + "<Coding guid=\"" + g(45) + "\"><CodeRef targetGUID=\"" + g(10) + "\"/></Coding></PlainTextSelection></TextSource>"
                + "</Sources>");
        QdpxImportReport r = importArchive(Zips.archive().add("project.qde", xml).add("sources/" + g(21) + ".docx", locked)
                .add("sources/" + g(22) + ".docx", cut).add("sources/" + g(23) + ".pdf", scan)
                .add("sources/" + g(25) + ".docx", Files.readAllBytes(good)), "unreadable");
        assertEquals(2, r.documents());
        assertTrue(any(r.skipped(), "text \u201Clocked.docx\u201D: the .qdpx has no plain text of it, and Tamga's document importer cannot read its DOCX (internal://"
                + g(21) + ".docx): it is password-protected", "(not carried over with it: 1 selection, 1 coding)"), r.skipped().toString());
        assertTrue(any(r.skipped(), "text \u201Ccut.docx\u201D", "cannot read its DOCX", "damaged or incomplete"), r.skipped().toString());
        assertTrue(any(r.skipped(), "PDF \u201Cscan.pdf\u201D", "cannot read its PDF", "run OCR"), r.skipped().toString());
        assertTrue(any(r.skipped(), "PDF \u201Cmissing.pdf\u201D", "its PDF (internal://nothing.pdf) cannot be read", "does not contain that file"),
                r.skipped().toString());
        assertTrue(any(r.warnings(), "text \u201Cfallback\u201D", "does not contain that file", "its text was read from its DOCX"), r.warnings().toString());
        assertEquals(Set.of("fallback | Water | Ana | The well is dry"), codings("unreadable"));
        try (ProjectSession s = ProjectSession.open(dir.resolve("unreadable.tamga"), dir.resolve("cache"))) {
            assertEquals("Respondent: The well is dry since June.\n", s.documents().text(s.documents().resolve("fallback")));
        }
    }

    // ---- all or nothing, never overwrite ------------------------------------------------------

    @Test
    void aFailedImportLeavesNothingBehind() throws Exception {
        String xml = Zips.qde("", "<Sources><TextSource guid=\"" + g(20) + "\" name=\"a\" plainTextPath=\"internal://" + g(20) + ".txt\"/>"
                + "<TextSource guid=\"" + g(21) + "\" name=\"b\" plainTextPath=\"internal://" + g(21) + ".txt\"/></Sources>");
        Path bomb = Zips.archive().add("project.qde", xml).add("sources/" + g(20) + ".txt", "fine text")
                .add("sources/" + g(21) + ".txt", new byte[40 << 20]).writeTo(dir.resolve("bomb.qdpx"));
        Path folder = Files.createDirectories(dir.resolve("out"));
        assertThrows(UnsafeArchiveException.class, () -> ExchangeService.importQdpx(bomb, folder.resolve("p.tamga"), dir, dir.resolve("cache")));
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(List.of(), files.toList(), "no project, no temporary file");
        }
    }

    @Test
    void anExistingProjectIsNeverOverwritten() throws Exception {
        Path existing = Files.writeString(dir.resolve("taken.tamga"), "mine");
        Path file = nvivoArchive().writeTo(dir.resolve("n.qdpx"));
        TamgaException e = assertThrows(TamgaException.class, () -> ExchangeService.importQdpx(file, existing, dir, dir.resolve("cache")));
        assertTrue(e.getMessage().contains("taken.tamga already exists"), e.getMessage());
        assertEquals("mine", Files.readString(existing));
        assertThrows(TamgaException.class, () -> ExchangeService.importQdpx(file, dir.resolve("taken"), dir, dir.resolve("cache")),
                "the extension is added before checking");
    }

    @Test
    void relativeSourcesAreReadBesideTheArchiveAndNeverAbove() throws Exception {
        Path study = Files.createDirectories(dir.resolve("study"));
        Files.createDirectories(study.resolve("texts"));
        Files.writeString(study.resolve("texts/external.txt"), "An external interview.");
        Files.writeString(dir.resolve("secret.txt"), "secret");
        String xml = Zips.qde("", "<Sources>"
                + "<TextSource guid=\"" + g(20) + "\" name=\"external\" plainTextPath=\"relative:///texts/external.txt\"/>"
                + "<TextSource guid=\"" + g(21) + "\" name=\"climber\" plainTextPath=\"relative:///../secret.txt\"/>"
                + "<TextSource guid=\"" + g(22) + "\" name=\"absolute\" plainTextPath=\"absolute:///" + dir.resolve("secret.txt") + "\"/>"
                + "<TextSource guid=\"" + g(23) + "\" name=\"missing\" plainTextPath=\"internal://nothing.txt\"/></Sources>");
        Path file = Zips.archive().add("project.qde", xml).writeTo(study.resolve("s.qdpx"));
        QdpxImportReport r = ExchangeService.importQdpx(file, dir.resolve("ext.tamga"), study, dir.resolve("cache"));
        assertEquals(1, r.documents());
        assertTrue(any(r.skipped(), "text \u201Cclimber\u201D", "for safety"), r.skipped().toString());
        assertTrue(any(r.skipped(), "text \u201Cabsolute\u201D", "absolute"), r.skipped().toString());
        assertTrue(any(r.skipped(), "text \u201Cmissing\u201D", "does not contain that file"), r.skipped().toString());
        try (ProjectSession s = ProjectSession.open(dir.resolve("ext.tamga"), dir.resolve("cache"))) {
            assertEquals("An external interview.", s.documents().text(s.documents().resolve("external")));
        }
    }

    @Test
    void duplicateNamesAndGuidsAreMadeUniqueAndSaidSo() throws Exception {
        String xml = Zips.qde("", "<Users><User guid=\"" + g(1) + "\" name=\"Li\"/><User guid=\"" + g(2) + "\" name=\"Li\"/></Users>"
                + "<CodeBook><Codes><Code guid=\"" + g(10) + "\" name=\"Herding\" isCodable=\"true\"/><Code guid=\"" + g(11) + "\" name=\"herding\" isCodable=\"true\"/></Codes></CodeBook>"
                + "<Sources><TextSource guid=\"" + g(20) + "\" name=\"A\"><PlainTextContent>first text</PlainTextContent></TextSource>"
                + "<TextSource guid=\"" + g(21) + "\" name=\"A\"><PlainTextContent>second text</PlainTextContent></TextSource>"
                + "<TextSource guid=\"" + g(22) + "\" name=\"C\"><PlainTextContent>first text</PlainTextContent>"
                + "<PlainTextSelection guid=\"" + g(30) + "\" startPosition=\"0\" endPosition=\"5\" creatingUser=\"" + g(2) + "\">"
                + "<Coding guid=\"" + g(40) + "\"><CodeRef targetGUID=\"" + g(11) + "\"/></Coding>"
                + "<Coding guid=\"" + g(41) + "\"><CodeRef targetGUID=\"" + g(11) + "\"/></Coding></PlainTextSelection></TextSource></Sources>");
        QdpxImportReport r = importArchive(Zips.archive().add("project.qde", xml), "dupes");
        assertTrue(any(r.adjusted(), "two users are called \u201CLi\u201D", "\u201CLi (2)\u201D"), r.adjusted().toString());
        assertTrue(any(r.adjusted(), "two codes at the same level are called \u201Cherding\u201D", "\u201Cherding (2)\u201D"), r.adjusted().toString());
        assertTrue(any(r.adjusted(), "two sources are called \u201CA\u201D", "\u201CA (2)\u201D"), r.adjusted().toString());
        assertTrue(any(r.adjusted(), "\u201CC\u201D has the same text as \u201CA\u201D"), r.adjusted().toString());
        assertTrue(any(r.adjusted(), "1 coding repeated the same code, coder and passage"), r.adjusted().toString());
        assertEquals(Set.of("A | herding (2) | Li (2) | first"), codings("dupes"));
        assertEquals(2, r.documents());
    }

    /** The 50-million-character limit of every format holds for a source's text in an archive too (bounded there in bytes only). */
    @Test
    void aSourceTextOfMoreThanFiftyMillionCharactersIsNotImportedAndTheOthersAre() throws Exception {
        // letters that do not compress much: the archive's bomb guard lets them through, as a real long text
        java.util.Random random = new java.util.Random(14);
        byte[] longText = new byte[(int) org.tamga.core.importing.DocumentReader.MAX_CHARACTERS + 10];
        for (int i = 0; i < longText.length; i++) longText[i] = (byte) (i % 61 == 60 ? '\n' : 'a' + random.nextInt(26));
        String xml = Zips.qde("origin=\"MAXQDA 2024\"",
                "<Sources><TextSource guid=\"" + G(20) + "\" name=\"Too long 太长\" plainTextPath=\"internal://" + G(20) + ".txt\"/>"
                + "<TextSource guid=\"" + G(21) + "\" name=\"Short Богино\"><PlainTextContent>草场 бэлчээр 🐑</PlainTextContent></TextSource></Sources>");
        QdpxImportReport r = importArchive(Zips.archive().add("project.qde", xml).add("sources/" + G(20) + ".txt", longText), "long");
        assertEquals(1, r.documents());
        assertTrue(any(r.skipped(), "Too long 太长", "longer than 50 million characters"), r.skipped().toString());
        try (ProjectSession s = ProjectSession.open(dir.resolve("long.tamga"), dir.resolve("cache"))) {
            assertEquals(List.of("Short Богино"), s.documents().all().stream().map(Document::name).toList());
        }
    }
}
