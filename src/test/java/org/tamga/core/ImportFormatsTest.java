package org.tamga.core;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tamga.Fixtures;
import org.tamga.model.Document;
import org.tamga.model.DocumentSource;
import org.tamga.model.Turn;
import org.tamga.util.SuppressForbidden;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.*;

/** The importer end to end: every format, turns and metadata stored with the document, bad files leave no trace. */
class ImportFormatsTest {
    @TempDir Path tmp;
    ProjectSession session;
    Path in;

    @BeforeEach
    void create() throws Exception {
        session = ProjectSession.create(tmp.resolve("p.tamga"), tmp.resolve("cache"));
        in = Files.createDirectories(tmp.resolve("in"));
    }

    @AfterEach
    void close() { session.close(); }

    Map<String, Document> byName() {
        return session.documents().all().stream().collect(Collectors.toMap(Document::name, Function.identity()));
    }

    /** One fieldworker's folder: every format, Chinese and Mongolian names. */
    void fieldworkFolder() throws Exception {
        Fixtures.docx(in.resolve("访谈01_牧民_巴特尔.docx"), "访谈01", "Saran",
                List.of("访谈者：您家几口人？", "受访者：五口人，主要靠放羊。", "访谈者：草场够吗？", "受访者：不够，要租别人的草场。"));
        Fixtures.resource("word97-interview.doc", in.resolve("旧/访谈 Word 97.doc"));
        Fixtures.odt(in.resolve("Ярилцлага Өлзий.odt"), "Ярилцлага", "Өлзий", List.of("Асуулт: Хэдэн малтай вэ?", "Хариулт: Хорин үхэртэй."));
        Fixtures.rtf(in.resolve("wps/返乡青年.rtf"), 936, "返乡青年", List.of("问：为什么回来？", "答：家里需要人。"));
        Fixtures.pdf(in.resolve("archive/interview 9.pdf"), "Interview 9", "Field team",
                List.of("Interviewer: How was the winter?", "", "Respondent: Hard. We lost sheep.", "Interviewer: Thanks."));
        Files.writeString(in.resolve("zoom.vtt"), "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n<v Interviewer>你好。\n\n"
                + "00:00:03.500 --> 00:00:06.000\n<v 其其格>你好，我回来两年了。\n");
        Files.writeString(in.resolve("whisper.srt"), "1\n00:00:01,000 --> 00:00:02,000\nQ: Ready?\n\n2\n00:00:02,500 --> 00:00:04,000\nA: Yes.\n");
        Files.writeString(in.resolve("page.html"), "<html><head><title>网页</title></head><body><p>R: 我们村有一百户。</p><p>Interviewer: 谢谢。</p></body></html>");
        Files.writeString(in.resolve("notes.md"), "# Notes\n\nR: we met at the well.\n");
        Files.writeString(in.resolve("plain.txt"), "[00:00:05] Researcher 1: Where do you get water?\n[00:00:09] Participant 3: From the lake.\n");
    }

    @Test
    void aFolderOfEveryFormatImportsWithItsTurnsAndMetadata() throws Exception {
        fieldworkFolder();
        ImportReport report = session.importing().importFiles(List.of(in), null);
        assertTrue(report.ok(), report.failures().toString());
        assertEquals(10, report.imported().size());
        Map<String, Document> docs = byName();
        assertEquals(Set.of("访谈01_牧民_巴特尔", "访谈 Word 97", "Ярилцлага Өлзий", "返乡青年", "interview 9", "zoom", "whisper", "page",
                "notes", "plain"), docs.keySet());

        Document herder = docs.get("访谈01_牧民_巴特尔");
        assertEquals(Map.of("访谈者", 2, "受访者", 2), report.speakers(herder));
        assertEquals(4, report.turns(herder));
        List<Turn> turns = session.speakers().turns(herder);
        assertEquals(4, turns.size());
        String text = session.documents().text(herder);
        assertEquals("五口人，主要靠放羊。", text.substring(turns.get(1).start(), turns.get(1).end()));
        assertEquals("zh", herder.language());
        DocumentSource src = session.documents().source(herder);
        assertEquals("访谈01", src.title());
        assertEquals("Saran", src.author());
        assertEquals("docx", src.format());
        assertEquals(Files.size(in.resolve("访谈01_牧民_巴特尔.docx")), src.size());
        assertEquals("访谈01_牧民_巴特尔.docx", herder.sourceFile());

        assertEquals(Map.of("Асуулт", 1, "Хариулт", 1), report.speakers(docs.get("Ярилцлага Өлзий")));
        assertEquals(Map.of("问", 1, "答", 1), report.speakers(docs.get("返乡青年")));
        assertEquals(Map.of("Interviewer", 2, "Respondent", 1), report.speakers(docs.get("interview 9")));
        assertEquals(Map.of("Interviewer", 1, "其其格", 1), report.speakers(docs.get("zoom")));
        Turn qiqige = session.speakers().turns(docs.get("zoom")).get(1);
        assertEquals(3_500L, qiqige.timeStartMs());
        assertEquals(6_000L, qiqige.timeEndMs());
        assertEquals(Map.of("Q", 1, "A", 1), report.speakers(docs.get("whisper")));
        assertEquals(Map.of("R", 1, "Interviewer", 1), report.speakers(docs.get("page")));
        assertEquals(Map.of("R", 1), report.speakers(docs.get("notes")), "plain text gets turns too");
        assertEquals(Map.of("Researcher 1", 1, "Participant 3", 1), report.speakers(docs.get("plain")));
        assertEquals(5_000L, session.speakers().turns(docs.get("plain")).getFirst().timeStartMs());
        assertEquals(4, report.turns(docs.get("访谈 Word 97")));

        // all of it is searchable, Chinese inside a Word file included
        var hits = session.search().search(SearchService.Request.of("草场")).hits();
        assertEquals(Set.of("访谈01_牧民_巴特尔", "访谈 Word 97"), hits.stream().map(h -> h.document().name()).collect(Collectors.toSet()));
    }

    @Test
    void theSameFileTwiceAndTheSameInterviewInAnotherFormatAreImportedOnce() throws Exception {
        Path docx = Fixtures.docx(in.resolve("访谈02.docx"), "t", "a", List.of("访谈者：你好。", "受访者：你好。"));
        Path txt = in.resolve("访谈02 copy.txt");
        Files.writeString(txt, "访谈者：你好。\n\n受访者：你好。\n");
        ImportReport first = session.importing().importFiles(List.of(docx), null);
        assertEquals(1, first.imported().size());
        ImportReport again = session.importing().importFiles(List.of(docx, txt), null);
        assertEquals(0, again.imported().size());
        assertEquals(List.of("访谈02", "访谈02"), again.duplicates().stream().map(ImportReport.Duplicate::existingDocument).toList());
        assertEquals(1, session.documents().all().size());
        assertEquals(2, session.speakers().count(), "turns were not stored twice");
    }

    @Test
    void badFilesAreRefusedByNameAndLeaveTheProjectAsItWas() throws Exception {
        Path good = Fixtures.docx(in.resolve("good 好.docx"), "t", "a", List.of("访谈者：你好。", "受访者：我家有羊。"));
        session.importing().importFiles(List.of(good), null);
        var code = session.codebook().create(null, "Herding · 放牧", null, null);
        Document doc = session.documents().all().getFirst();
        session.coding().apply(doc, 11, 15, code, "Saran");
        String before = state();

        Path empty = Files.createFile(in.resolve("空.docx"));
        Path garbage = in.resolve("garbage.docx");
        byte[] noise = new byte[4096];
        new Random(11).nextBytes(noise);
        Files.write(garbage, noise);
        Path other = Fixtures.docx(in.resolve("other.docx"), "t", "a", List.of("Interviewer: something else entirely, said at length."));
        Path truncated = Fixtures.truncated(other, in.resolve("截断.docx"), (int) Files.size(other) - 100);
        Path locked = Fixtures.encrypt(other, in.resolve("locked.docx"), "pw");
        Path lockedPdf = Fixtures.encryptedPdf(in.resolve("locked.pdf"), "pw", List.of("Respondent: secret"));
        Path bomb = Fixtures.zipBombDocx(in.resolve("bomb.docx"), 40);
        Path scan = Fixtures.scannedPdf(in.resolve("扫描.pdf"));
        Path huge = in.resolve("huge.txt");
        try (RandomAccessFile raf = new RandomAccessFile(huge.toFile(), "rw")) {
            raf.setLength(200L * 1024 * 1024);
        }
        List<Path> bad = List.of(empty, garbage, truncated, locked, lockedPdf, bomb, scan, huge);
        ImportReport report = session.importing().importFiles(bad, null);

        assertEquals(List.of(), report.imported());
        Map<Path, String> reasons = report.failures().stream().collect(Collectors.toMap(ImportReport.Failure::file, ImportReport.Failure::reason));
        assertEquals(Set.copyOf(bad), reasons.keySet());
        assertTrue(reasons.get(empty).contains("empty"));
        assertTrue(reasons.get(garbage).contains("not a Word document"));
        assertTrue(reasons.get(truncated).contains("damaged or incomplete"), reasons.get(truncated));
        assertTrue(reasons.get(locked).contains("password-protected"));
        assertTrue(reasons.get(lockedPdf).contains("password-protected"));
        assertTrue(reasons.get(bomb).contains("zip bomb"));
        assertTrue(reasons.get(scan).contains("no text layer"));
        assertTrue(reasons.get(huge).contains("200 MB"));
        for (ImportReport.Failure f : report.failures()) {
            assertTrue(f.message().startsWith("Cannot import " + f.file() + ": "), f.message());
        }
        assertEquals(before, state(), "nothing else in the project changed");
    }

    /** Everything a failed import could have touched: documents, texts, sources, turns, codings, what search finds. */
    String state() {
        StringBuilder b = new StringBuilder();
        for (Document d : session.documents().all()) {
            b.append(d).append(session.documents().text(d)).append(session.documents().source(d))
                    .append(session.speakers().turns(d)).append(session.coding().ofDocument(d));
        }
        b.append(session.speakers().speakers(null));
        b.append(session.search().search(SearchService.Request.of("羊 OR something OR secret")).hits().size());
        return b.toString();
    }

    /**
     * Issue 14 item 4: cue times were formatted with the default locale into the imported text, so
     * under an Arabic (Egypt) or Persian locale they became ٠٠:٠٠:٠١ / ۰۰:۰۰:۰۱ and no turn had its time.
     */
    @Test
    @SuppressForbidden(reason = "checks that the default locale really writes other digits")
    void subtitleTimesAreAsciiDigitsUnderAnArabicOrPersianLocale() throws Exception {
        Locale before = Locale.getDefault(), format = Locale.getDefault(Locale.Category.FORMAT),
                display = Locale.getDefault(Locale.Category.DISPLAY);
        try {
            int n = 0;
            for (String tag : List.of("ar-EG", "fa")) {
                Locale.setDefault(Locale.forLanguageTag(tag));
                assertNotEquals("01", String.format("%02d", 1), "this locale writes other digits: " + tag);
                Path srt = in.resolve("whisper-" + tag + ".srt");
                Files.writeString(srt, "1\n00:00:01,000 --> 00:00:02,000\nQ: Ready " + tag + "?\n\n"
                        + "2\n00:01:02,500 --> 00:01:04,000\nA: Yes.\n");
                ImportReport report = session.importing().importFiles(List.of(srt), null);
                assertTrue(report.ok(), report.failures().toString());
                Document d = report.imported().getFirst();
                String text = session.documents().text(d);
                assertTrue(text.startsWith("[00:00:01.000 --> 00:00:02.000] Q: Ready"), tag + ": " + text);
                assertTrue(text.contains("[00:01:02.500 --> 00:01:04.000] A: Yes."), tag + ": " + text);
                assertEquals(Map.of("Q", 1, "A", 1), report.speakers(d), tag);
                List<Turn> turns = session.speakers().turns(d);
                assertEquals(2, turns.size(), tag);
                assertEquals(1_000L, turns.get(0).timeStartMs(), tag);
                assertEquals(2_000L, turns.get(0).timeEndMs(), tag);
                assertEquals(62_500L, turns.get(1).timeStartMs(), tag);
                assertEquals(64_000L, turns.get(1).timeEndMs(), tag);
                n++;
            }
            assertEquals(2, n);
        } finally {
            Locale.setDefault(before);
            Locale.setDefault(Locale.Category.FORMAT, format);
            Locale.setDefault(Locale.Category.DISPLAY, display);
        }
    }
}
