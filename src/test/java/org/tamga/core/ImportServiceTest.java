package org.tamga.core;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tamga.model.Document;
import org.tamga.model.TamgaException;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.*;

class ImportServiceTest {
    static final String ZH = "访谈记录\r\n问：您家里有几口人？\r\n答：我们家有五口人，主要靠种玉米和养羊为生。\r";
    static final String MN = "Ярилцлага\nАсуулт: Танай өрх хэдэн малтай вэ?\nХариулт: Бид хорин үхэртэй.\n";
    static final String EN = "Interview 7\nQ: Where does your income come from?\nA: Mostly from sheep.\n";

    @TempDir Path tmp;
    ProjectSession session;

    @BeforeEach
    void create() {
        session = ProjectSession.create(tmp.resolve("p.tamga"), tmp.resolve("cache"));
    }

    @AfterEach
    void close() {
        session.close();
    }

    static String norm(String s) { return s.replace("\r\n", "\n").replace('\r', '\n'); }

    Path write(String relative, String text, Charset cs) throws IOException {
        Path p = tmp.resolve("in").resolve(relative);
        Files.createDirectories(p.getParent());
        Files.write(p, text.getBytes(cs));
        return p;
    }

    Path write(String relative, String text) throws IOException { return write(relative, text, StandardCharsets.UTF_8); }

    Map<String, Document> byName() {
        return session.documents().all().stream().collect(Collectors.toMap(Document::name, Function.identity()));
    }

    @Test
    void importsAFolderWithNestedFolders() throws IOException {
        write("interviews/a.txt", ZH);
        write("interviews/2023/b.md", MN);
        write("interviews/2023/summer/c.txt", EN);
        ImportReport report = session.importing().importFiles(List.of(tmp.resolve("in/interviews")), null);

        assertTrue(report.ok(), report.failures().toString());
        assertEquals(3, report.imported().size());
        assertEquals(Set.of("a", "b", "c"), byName().keySet());
        Map<String, Document> docs = byName();
        assertEquals(norm(ZH), session.documents().text(docs.get("a")));
        assertEquals(MN, session.documents().text(docs.get("b")));
        assertEquals(EN, session.documents().text(docs.get("c")));
        assertEquals("zh", docs.get("a").language());
        assertEquals("mn", docs.get("b").language());
        assertEquals("en", docs.get("c").language());
        assertEquals("b.md", docs.get("b").sourceFile());
    }

    @Test
    void unicodeFileNamesBecomeDocumentNamesWithoutExtension() throws IOException {
        Path zh = write("牧民访谈_张三.txt", ZH);
        Path mn = write("Ярилцлага Өлзий.txt", MN);
        Path trad = write("ᠮᠣᠩᠭᠣᠯ 🐎 interview.v2.md", "ᠮᠣᠩᠭᠣᠯ ᠪᠢᠴᠢᠭ 🐎\n");
        ImportReport report = session.importing().importFiles(List.of(zh, mn, trad), null);
        assertTrue(report.ok(), report.failures().toString());
        assertEquals(Set.of("牧民访谈_张三", "Ярилцлага Өлзий", "ᠮᠣᠩᠭᠣᠯ 🐎 interview.v2"), byName().keySet());
        Document d = byName().get("ᠮᠣᠩᠭᠣᠯ 🐎 interview.v2");
        assertEquals("mn", d.language());
        assertEquals("ᠮᠣᠩᠭᠣᠯ 🐎 interview.v2.md", d.sourceFile());
        // the name resolves back to the document
        assertEquals(d.id(), session.documents().resolve("ᠮᠣᠩᠭᠣᠯ 🐎 interview.v2").id());
    }

    @Test
    void storedTextIsTheNormalisedTextAndLengthCountsCodePoints() throws IOException {
        String text = "我们🐑🐑放羊 😀\r\nok 🐎\r";
        Path f = write("emoji.txt", text);
        ImportReport report = session.importing().importFiles(List.of(f), null);
        Document d = report.imported().getFirst();
        String stored = session.documents().text(d);
        assertEquals("我们🐑🐑放羊 😀\nok 🐎\n", stored);
        assertEquals(stored.codePointCount(0, stored.length()), d.length());
        assertEquals(14, d.length());
        assertNotEquals(stored.length(), d.length(), "UTF-16 units are not code points");
        assertEquals(ImportService.sha256(stored), d.sha256());
        assertEquals("zh", d.language());
    }

    @Test
    void languageArgumentOverridesDetection() throws IOException {
        Path a = write("a.txt", ZH);
        Path b = write("b.txt", EN);
        ImportReport report = session.importing().importFiles(List.of(a, b), "mn");
        assertEquals(2, report.imported().size());
        for (Document d : session.documents().all()) assertEquals("mn", d.language(), d.name());
    }

    @Test
    void unknownLanguageIsRefusedBeforeAnythingIsImported() throws IOException {
        Path a = write("a.txt", ZH);
        TamgaException e = assertThrows(TamgaException.class,
                () -> session.importing().importFiles(List.of(a), "mongolian"));
        assertTrue(e.getMessage().contains("mongolian"), e.getMessage());
        assertTrue(e.getMessage().contains("zh"), e.getMessage());
        assertThrows(TamgaException.class, () -> session.importing().importFiles(List.of(a), "xx"), "not an ISO 639-1 code");
        assertThrows(TamgaException.class, () -> session.importing().importFiles(List.of(a), "ZH"), "codes are lower case");
        assertEquals(0, session.documents().all().size());
    }

    @Test
    void anyIsoLanguageCodeMayBeGiven() throws IOException {
        Path a = write("a.txt", EN);
        Path b = write("b.txt", ZH);
        session.importing().importFiles(List.of(a), "kk");
        session.importing().importFiles(List.of(b), "khk");
        assertEquals(java.util.Set.of("kk", "khk"), session.documents().all().stream().map(Document::language).collect(java.util.stream.Collectors.toSet()));
    }

    @Test
    void sameContentInAnotherEncodingIsReportedAsDuplicateAndNotImportedAgain() throws IOException {
        Path utf8 = write("访谈01.txt", ZH, StandardCharsets.UTF_8);
        Path gbk = write("copy/访谈01-gbk.txt", ZH.replace("\r\n", "\n"), Charset.forName("GBK"));
        Path utf16 = write("copy/访谈01-utf16.txt", "\uFEFF" + ZH, StandardCharsets.UTF_16LE);
        assertFalse(java.util.Arrays.equals(Files.readAllBytes(utf8), Files.readAllBytes(gbk)));

        ImportReport first = session.importing().importFiles(List.of(utf8), null);
        assertEquals(1, first.imported().size());

        ImportReport again = session.importing().importFiles(List.of(utf8, gbk, utf16), null);
        assertTrue(again.imported().isEmpty(), again.imported().toString());
        assertEquals(3, again.duplicates().size());
        assertEquals(List.of(utf8, gbk, utf16), again.duplicates().stream().map(ImportReport.Duplicate::file).toList());
        for (ImportReport.Duplicate dup : again.duplicates()) assertEquals("访谈01", dup.existingDocument());
        assertTrue(again.ok());
        assertEquals(1, session.documents().all().size());
    }

    @Test
    void duplicateWithinOneCallIsImportedOnce() throws IOException {
        Path a = write("a/one.txt", EN);
        Path b = write("b/two.txt", EN);
        ImportReport report = session.importing().importFiles(List.of(a, b), null);
        assertEquals(1, report.imported().size());
        assertEquals(1, report.duplicates().size());
        assertEquals(b, report.duplicates().getFirst().file());
        assertEquals("one", report.duplicates().getFirst().existingDocument());
        assertEquals(1, session.documents().all().size());
    }

    @Test
    void sameBaseNameInDifferentFoldersGetsDistinctNames() throws IOException {
        write("round1/x.txt", ZH);
        write("round2/x.txt", MN);
        write("round3/x.md", EN);
        ImportReport report = session.importing().importFiles(List.of(tmp.resolve("in")), null);
        assertEquals(3, report.imported().size());
        Map<String, Document> docs = byName();
        assertEquals(Set.of("x", "x (2)", "x (3)"), docs.keySet());
        assertEquals(norm(ZH), session.documents().text(docs.get("x")));
        assertEquals(MN, session.documents().text(docs.get("x (2)")));
        assertEquals(EN, session.documents().text(docs.get("x (3)")));

        // a later import of another x continues the numbering
        Path later = write("round4/x.txt", "Another transcript entirely.\n");
        session.importing().importFiles(List.of(later), null);
        assertTrue(byName().containsKey("x (4)"));
    }

    @Test
    void badFilesFailWithReasonsWhileGoodFilesStillImport() throws IOException {
        Path good1 = write("好的.txt", ZH);
        Path empty = write("empty.txt", "");
        Path garbage = tmp.resolve("in/garbage.txt");
        byte[] bytes = new byte[4096];
        new Random(7).nextBytes(bytes);
        bytes[0] = 0x50;
        for (int i = 1; i < bytes.length; i += 9) bytes[i] = 0;
        Files.write(garbage, bytes);
        Path huge = tmp.resolve("in/huge.txt");
        try (RandomAccessFile raf = new RandomAccessFile(huge.toFile(), "rw")) {
            raf.setLength(ImportService.MAX_FILE_BYTES + 1);
        }
        Path docx = write("报告.docx", "PK not really a docx");
        Path missing = tmp.resolve("in/没有这个文件.txt");
        Path good2 = write("good 🐎.md", MN);

        ImportReport report = session.importing().importFiles(
                List.of(good1, empty, garbage, huge, docx, missing, good2), null);

        assertEquals(Set.of("好的", "good 🐎"), report.imported().stream().map(Document::name).collect(Collectors.toSet()));
        assertFalse(report.ok());
        Map<Path, String> reasons = report.failures().stream()
                .collect(Collectors.toMap(ImportReport.Failure::file, ImportReport.Failure::reason));
        assertEquals(Set.of(empty, garbage, huge, docx, missing), reasons.keySet());
        assertTrue(reasons.get(empty).contains("empty"), reasons.get(empty));
        assertTrue(reasons.get(garbage).contains("not a text file") || reasons.get(garbage).contains("encoding"),
                reasons.get(garbage));
        assertTrue(reasons.get(huge).contains("MB"), reasons.get(huge));
        assertTrue(reasons.get(docx).contains("not a Word document"), reasons.get(docx));
        assertTrue(reasons.get(missing).contains("no such file"), reasons.get(missing));
        for (ImportReport.Failure f : report.failures()) {
            assertTrue(f.message().contains(f.file().toString()), f.message());
        }
        // nothing of the failed files is in the project
        assertEquals(2, session.documents().all().size());
        assertEquals(2, session.summary().documents());
        for (Document d : session.documents().all()) {
            assertTrue(Set.of("好的.txt", "good 🐎.md").contains(d.sourceFile()), d.sourceFile());
        }
    }

    @Test
    void unsupportedFilesInAFolderAreSkippedAndHiddenFilesIgnored() throws IOException {
        write("t/a.txt", EN);
        write("t/notes.xlsx", "PK");
        write("t/sub/scan 扫描.jpg", "JFIF");
        write("t/.hidden.txt", "hidden text\n");
        write("t/.git/config.txt", "hidden folder\n");
        ImportReport report = session.importing().importFiles(List.of(tmp.resolve("in/t")), null);
        assertEquals(List.of("a"), report.imported().stream().map(Document::name).toList());
        assertTrue(report.ok());
        Set<String> skipped = report.skipped().stream().map(s -> s.file().getFileName().toString()).collect(Collectors.toSet());
        assertEquals(Set.of("notes.xlsx", "scan 扫描.jpg"), skipped);
        for (ImportReport.Skipped s : report.skipped()) assertFalse(s.reason().isBlank());
        assertEquals(1, session.documents().all().size());
    }

    @Test
    void aFolderInsideADotFolderStillImports() throws IOException {
        // e.g. a synced folder below ~/.local/share; only names below the imported folder count as hidden
        write(".sync/访谈/a.txt", ZH);
        write(".sync/访谈/.draft.txt", EN);
        ImportReport report = session.importing().importFiles(List.of(tmp.resolve("in/.sync/访谈")), null);
        assertEquals(List.of("a"), report.imported().stream().map(Document::name).toList());
    }

    @Test
    void progressIsToldAboutEachFile() throws IOException {
        Path a = write("p/a.txt", ZH);
        Path b = write("p/b.txt", MN);
        Path c = write("p/c.txt", EN);
        List<String> calls = new ArrayList<>();
        session.importing().importFiles(List.of(tmp.resolve("in/p")), null,
                (index, total, file) -> calls.add(index + "/" + total + " " + file.getFileName()));
        assertEquals(List.of("0/3 a.txt", "1/3 b.txt", "2/3 c.txt"), calls);
        assertEquals(3, session.documents().all().size());
        assertTrue(Files.exists(a) && Files.exists(b) && Files.exists(c));
    }

    @Test
    void cancellingStopsTheImport() throws IOException {
        write("p/a.txt", ZH);
        write("p/b.txt", MN);
        write("p/c.txt", EN);
        List<Path> seen = new ArrayList<>();
        ImportService.Progress progress = new ImportService.Progress() {
            @Override public void file(int index, int total, Path file) { seen.add(file); }
            @Override public boolean cancelled() { return !seen.isEmpty(); }
        };
        ImportReport report = session.importing().importFiles(List.of(tmp.resolve("in/p")), null, progress);
        assertTrue(report.cancelled());
        assertEquals(1, seen.size());
        assertEquals(List.of("a"), report.imported().stream().map(Document::name).toList());
        assertEquals(1, session.documents().all().size());
    }
}
