package org.tamga.core.importing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tamga.Fixtures;
import org.tamga.model.DocumentSource;

import java.io.RandomAccessFile;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CountDownLatch;

import static org.junit.jupiter.api.Assertions.*;

/** Each format becomes text with paragraphs separated by a blank line, its metadata kept; bad files are refused with a reason. */
class DocumentReaderTest {
    @TempDir Path dir;

    static String read(Path file) throws Refusal { return DocumentReader.read(file).text(); }

    static String refusal(Path file) {
        return assertThrows(Refusal.class, () -> DocumentReader.read(file)).getMessage();
    }

    @Test
    void docxParagraphsBecomeParagraphsWithTitleAuthorAndSize() throws Exception {
        Path f = Fixtures.docx(dir.resolve("访谈01.docx"), "访谈01 牧民", "Saran",
                List.of("访谈者：您家几口人？", "", "受访者：五口人。", "Interviewer: Thank you."));
        Extracted e = DocumentReader.read(f);
        assertEquals("访谈者：您家几口人？\n\n受访者：五口人。\n\nInterviewer: Thank you.\n", e.text());
        DocumentSource s = e.source();
        assertEquals("访谈01 牧民", s.title());
        assertEquals("Saran", s.author());
        assertEquals("docx", s.format());
        assertEquals(Files.size(f), s.size());
        assertNotNull(s.created());
        assertNull(e.encoding());
    }

    @Test
    void docxTablesFootnotesCommentsAndLineBreaksComeInReadingOrder() throws Exception {
        String text = read(Fixtures.richDocx(dir.resolve("rich.docx")));
        String question = "访谈者：村里有多少贫困户？";
        String answer = "受访者：以前有三十二户，现在都脱贫了。";
        int q = text.indexOf(question), a = text.indexOf("受访者：以前有三十二户，"), note = text.indexOf("2019年的统计。"),
                comment = text.indexOf("核实数字"), soft = text.indexOf("访谈者：靠什么？\n受访者：靠养牛。"),
                table = text.indexOf("年份\t户数\n\n2019\t32"), end = text.indexOf("访谈者：谢谢。");
        assertTrue(q == 0 && a > q && note > a && comment > a && soft > note && table > soft && end > table, text);
        assertTrue(text.contains("现在都脱贫了"), text);
        assertTrue(text.startsWith(question + "\n\n受访者"), "the empty paragraph leaves no second blank line: " + text);
        assertFalse(text.contains("\n\n\n"), text);
    }

    @Test
    void aWordCommentFromWordItselfComesWithItsAuthor() throws Exception {
        String text = read(Fixtures.resource("testComment.docx", dir.resolve("testComment.docx")));
        assertTrue(text.startsWith("Here is some text."), text);
        assertTrue(text.contains("Michael McCandless") && text.contains("Here is a comment"), text);
    }

    @Test
    void word97DocWithChineseAndMetadata() throws Exception {
        Extracted e = DocumentReader.read(Fixtures.resource("word97-interview.doc", dir.resolve("访谈 Word 97.doc")));
        assertEquals("访谈记录（Word 97 格式）\n\n访谈者：您家里有几口人？\n\n受访者：五口人，主要靠放羊。草场不够，要租别人的草场。\n\n"
                + "Interviewer: And the grassland subsidy?\n\nRespondent: It helps, but not enough.\n", e.text());
        assertEquals("doc", e.source().format());
        assertEquals("访谈 Word 97", e.source().title());
        assertEquals("Tamga tests", e.source().author());
        assertNull(e.source().created(), "Word 97's empty date (1601) is no date");
    }

    @Test
    void odtWithTitleAuthorDatesFootnoteAndTable() throws Exception {
        Extracted e = DocumentReader.read(Fixtures.odt(dir.resolve("Ярилцлага.odt"), "Ярилцлага 05", "Өлзий",
                List.of("Асуулт: Танай өрх хэдэн малтай вэ?", "Хариулт: Бид хорин үхэртэй.")));
        assertTrue(e.text().startsWith("Асуулт: Танай өрх хэдэн малтай вэ?\n\nХариулт: Бид хорин үхэртэй.\n\n带脚注的句子"), e.text());
        assertTrue(e.text().contains("脚注的内容。"), e.text());
        assertTrue(e.text().contains("牛\t11"), e.text());
        assertEquals("Ярилцлага 05", e.source().title());
        assertEquals("Өлзий", e.source().author());
        assertEquals("odt", e.source().format());
        assertEquals(2025, e.source().created().atZone(java.time.ZoneOffset.UTC).getYear());
    }

    @Test
    void rtfInGbkAndShiftJisCodePages() throws Exception {
        Extracted gbk = DocumentReader.read(Fixtures.rtf(dir.resolve("gbk.rtf"), 936, "访谈04 返乡青年",
                List.of("访谈者：你为什么回来？", "受访者：家里的草场需要人{照顾}。")));
        assertEquals("访谈者：你为什么回来？\n\n受访者：家里的草场需要人{照顾}。\n", gbk.text());
        assertEquals("访谈04 返乡青年", gbk.source().title());
        assertEquals("rtf", gbk.source().format());

        Extracted sjis = DocumentReader.read(Fixtures.rtf(dir.resolve("sjis.rtf"), 932, "インタビュー", List.of("質問：お名前は？", "回答：田中です。")));
        assertEquals("質問：お名前は？\n\n回答：田中です。\n", sjis.text());

        Extracted word = DocumentReader.read(Fixtures.resource("testRTF-ms932.rtf", dir.resolve("ms932.rtf")));
        assertEquals("Hello\n\nこんにちは\n\nTest\n\nテスト\n", word.text());
        assertEquals("タイトル", word.source().title());
    }

    @Test
    void pdfLinesAreJoinedIntoParagraphsAndTheMetadataKept() throws Exception {
        Path f = Fixtures.pdf(dir.resolve("interview 9.pdf"), "Interview 9", "Field team", List.of(
                "Interviewer: How was the winter?",
                "",
                "Respondent: It was the hardest winter since 2010. We lost many sheep, and the hay we",
                "had bought in autumn was gone by February, so we had to borrow money from the bank",
                "and from my brother.",
                "Interviewer: And the subsidy?",
                "Respondent: It came late."));
        Extracted e = DocumentReader.read(f);
        assertEquals("Interviewer: How was the winter?\n\n"
                + "Respondent: It was the hardest winter since 2010. We lost many sheep, and the hay we had bought in autumn "
                + "was gone by February, so we had to borrow money from the bank and from my brother.\n\n"
                + "Interviewer: And the subsidy?\n\nRespondent: It came late.\n", e.text());
        assertEquals("Interview 9", e.source().title());
        assertEquals("Field team", e.source().author());
        assertEquals(Instant.parse("2024-03-05T10:00:00Z"), e.source().created());
        assertEquals("pdf", e.source().format());
    }

    @Test
    void aPdfThatOnlyRestrictsCopyingImportsButOneThatNeedsAPasswordIsRefused() throws Exception {
        List<String> lines = List.of("Respondent: we moved in 2010.");
        assertEquals("Respondent: we moved in 2010.\n", read(Fixtures.encryptedPdf(dir.resolve("restricted.pdf"), "", lines)));
        String reason = refusal(Fixtures.encryptedPdf(dir.resolve("locked.pdf"), "open sesame", lines));
        assertTrue(reason.contains("password-protected"), reason);
    }

    @Test
    void aScannedPdfWithoutTextIsRefusedSayingSo() throws Exception {
        String reason = refusal(Fixtures.scannedPdf(dir.resolve("scan 扫描.pdf")));
        assertTrue(reason.contains("no text layer") && reason.contains("OCR"), reason);
    }

    @Test
    void htmlInGbkWithBreaksTablesAndScripts() throws Exception {
        Path f = dir.resolve("访谈.html");
        Files.write(f, ("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gbk\"><title>网页访谈</title>"
                + "<script>var x = '不要';</script><style>p {color: red}</style></head><body>\n"
                + "<h1>访谈  记录</h1>\n<p>访谈者：您好。\n   今天聊聊草场。</p>\n<p>受访者：好的。<br>我家有<b>五口人</b>。</p>\n"
                + "<table><tr><td>羊</td><td>140</td></tr></table></body></html>").getBytes(Charset.forName("GBK")));
        Extracted e = DocumentReader.read(f);
        assertEquals("访谈 记录\n\n访谈者：您好。 今天聊聊草场。\n\n受访者：好的。\n我家有五口人。\n\n羊\t140\n", e.text());
        assertEquals("网页访谈", e.source().title());
        assertEquals("html", e.source().format());
    }

    @Test
    void srtCuesKeepTheirTimesAndSpeakerLabels() throws Exception {
        Path f = dir.resolve("whisper.srt");
        Files.writeString(f, "1\r\n00:00:01,000 --> 00:00:04,500\r\n[SPEAKER_00]: 您好，\r\n今天聊聊。\r\n\r\n"
                + "2\r\n00:00:05,000 --> 00:00:07,250\r\nRespondent: <i>Fine</i> &amp; you?\r\n\r\n3\r\n00:01:02,300 --> 00:01:03,000\r\n- Yes.\r\n- No.\r\n");
        Extracted e = DocumentReader.read(f);
        assertEquals("[00:00:01.000 --> 00:00:04.500] [SPEAKER_00]: 您好，今天聊聊。\n\n"
                + "[00:00:05.000 --> 00:00:07.250] Respondent: Fine & you?\n\n"
                + "[00:01:02.300 --> 00:01:03.000] - Yes.\n- No.\n", e.text());
        assertEquals("srt", e.source().format());
        assertEquals("UTF-8", e.encoding());
    }

    @Test
    void vttVoicesBecomeSpeakerLabels() throws Exception {
        Path f = dir.resolve("otter.vtt");
        Files.writeString(f, "WEBVTT Kind: captions\n\nNOTE made by a tool\nwith two lines\n\n"
                + "intro\n00:01.000 --> 00:04.000 align:start\n<v Roger Bingham>We are in New York City\n\n"
                + "00:00:04.500 --> 00:00:06.000\n<v.loud 巴特尔>我们家<c.yellow>五口人</c>。\n<v Roger Bingham>Five?\n");
        assertEquals("[00:00:01.000 --> 00:00:04.000] Roger Bingham: We are in New York City\n\n"
                + "[00:00:04.500 --> 00:00:06.000] 巴特尔: 我们家五口人。\nRoger Bingham: Five?\n", read(f));
    }

    @Test
    void aSubtitleFileWithoutCuesIsRefused() throws Exception {
        Path f = dir.resolve("notes.srt");
        Files.writeString(f, "just some notes\n");
        assertTrue(refusal(f).contains("no subtitle cues"), refusal(f));
    }

    @Test
    void plainTextIsKeptExactlyWithTheFileDate() throws Exception {
        Path f = dir.resolve("a.md");
        Files.writeString(f, "# 访谈\r\n\r\n*Q:*  well\r\n");
        Extracted e = DocumentReader.read(f);
        assertEquals("# 访谈\n\n*Q:*  well\n", e.text());
        assertEquals("md", e.source().format());
        assertEquals(Files.getLastModifiedTime(f).toInstant(), e.source().modified());
        assertNull(e.source().title());
    }

    @Test
    void badInputIsRefusedWithAReason() throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.docx"));
        assertTrue(refusal(empty).contains("empty"), refusal(empty));

        Path garbage = dir.resolve("garbage.docx");
        byte[] bytes = new byte[8192];
        new Random(3).nextBytes(bytes);
        Files.write(garbage, bytes);
        String g = refusal(garbage);
        assertTrue(g.contains("not a Word document") && g.contains("renamed"), g);

        Path good = Fixtures.docx(dir.resolve("good.docx"), "t", "a", List.of("Interviewer: hello there, how are you today?"));
        String t = refusal(Fixtures.truncated(good, dir.resolve("truncated.docx"), (int) Files.size(good) / 2));
        assertTrue(t.contains("damaged or incomplete"), t);

        String p = refusal(Fixtures.encrypt(good, dir.resolve("protected.docx"), "s3cret"));
        assertTrue(p.contains("password-protected"), p);

        Path textAsPdf = dir.resolve("notes.pdf");
        Files.writeString(textAsPdf, "only some notes, saved with the wrong name\n");
        String h = refusal(textAsPdf);
        assertTrue(h.startsWith("it is not a PDF") && h.contains("plain text"), h);
    }

    /** A document held in memory (a source inside a .qdpx) reads as the same file would, refusals included. */
    @Test
    void bytesInMemoryReadAsTheFileWould() throws Exception {
        Path docx = Fixtures.docx(dir.resolve("访谈01.docx"), "访谈01 牧民", "Saran", List.of("访谈者：您家几口人？", "受访者：五口人。"));
        Extracted fromFile = DocumentReader.read(docx);
        Extracted fromBytes = DocumentReader.read(Files.readAllBytes(docx), "docx", null);
        assertEquals(fromFile.text(), fromBytes.text());
        assertEquals("访谈01 牧民", fromBytes.source().title());
        assertEquals("Saran", fromBytes.source().author());
        assertEquals("docx", fromBytes.source().format());
        assertEquals(Files.size(docx), fromBytes.source().size());

        Path pdf = Fixtures.pdf(dir.resolve("p.pdf"), "Winter", "Ana", List.of("Interviewer: How was the winter?", "Respondent: Hard."));
        Extracted p = DocumentReader.read(Files.readAllBytes(pdf), "PDF", Instant.parse("2024-06-01T00:00:00Z"));
        assertEquals(DocumentReader.read(pdf).text(), p.text());
        assertEquals("pdf", p.source().format());

        byte[] protectedDocx = Files.readAllBytes(Fixtures.encrypt(docx, dir.resolve("protected.docx"), "s3cret"));
        String reason = assertThrows(Refusal.class, () -> DocumentReader.read(protectedDocx, "docx", null)).getMessage();
        assertTrue(reason.contains("password-protected"), reason);
        assertTrue(assertThrows(Refusal.class, () -> DocumentReader.read(new byte[0], "docx", null)).getMessage().contains("empty"));
        assertTrue(assertThrows(Refusal.class, () -> DocumentReader.read(new byte[]{1}, "exe", null)).getMessage().contains("not a format Tamga imports"));
    }

    @Test
    void aZipBombIsRefusedWithoutUnpackingIt() throws Exception {
        Path bomb = Fixtures.zipBombDocx(dir.resolve("bomb.docx"), 64);
        assertTrue(Files.size(bomb) < 1024 * 1024, "64 MB packed into " + Files.size(bomb) + " bytes");
        String reason = refusal(bomb);
        assertTrue(reason.contains("zip bomb"), reason);
    }

    @Test
    void aTwoHundredMegabyteTextIsRefusedBySizeWithoutReadingIt() throws Exception {
        Path huge = dir.resolve("huge.txt");
        try (RandomAccessFile raf = new RandomAccessFile(huge.toFile(), "rw")) {
            raf.setLength(200L * 1024 * 1024);
        }
        String reason = refusal(huge);
        assertTrue(reason.contains("200 MB") && reason.contains("100 MB"), reason);
    }

    @Test
    void aPlainTextOfMoreThanFiftyMillionCharactersIsRefusedLikeEveryOtherFormat() throws Exception {
        byte[] line = "草场 grassland 补贴 subsidy\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int chars = "草场 grassland 补贴 subsidy\n".length();
        Path big = dir.resolve("long-transcript.txt");
        try (var out = new java.io.BufferedOutputStream(Files.newOutputStream(big), 1 << 20)) {
            for (long written = 0; written <= DocumentReader.MAX_CHARACTERS; written += chars) out.write(line);
        }
        assertTrue(Files.size(big) < DocumentReader.MAX_TEXT_FILE_BYTES, "under the size limit: " + Files.size(big));
        String reason = refusal(big);
        assertTrue(reason.contains("longer than 50 million characters"), reason);
    }

    @Test
    void aDocThatIsReallyRtfImportsByItsContent() throws Exception {
        Path f = Fixtures.rtf(dir.resolve("saved-by-wps.doc"), 936, "WPS", List.of("问：你好", "答：你好"));
        Extracted e = DocumentReader.read(f);
        assertEquals("问：你好\n\n答：你好\n", e.text());
        assertEquals("rtf", e.source().format());
    }

    @Test
    void aFileThatTakesTooLongIsGivenUpAndItsParsingInterrupted() throws Exception {
        // a parsing that would never end by itself: only the time limit ends it
        CountDownLatch never = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        java.util.concurrent.atomic.AtomicBoolean started = new java.util.concurrent.atomic.AtomicBoolean();
        Refusal r = assertThrows(Refusal.class, () -> DocumentReader.withTimeout(() -> {
            started.set(true);
            try {
                never.await();
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
            return null;
        }, 0, "docx"));
        assertTrue(r.getMessage().contains("reading it took longer than 0 seconds, so Tamga gave up"), r.getMessage());
        // given up before a worker took it, it never runs; taken, it is interrupted
        if (started.get()) assertTrue(interrupted.await(1, TimeUnit.MINUTES), "the worker was interrupted, not left parsing");
    }

    @Test
    void theTimeLimitIsTheSystemPropertysAndAFileWithinItReads() throws Exception {
        Path f = Fixtures.docx(dir.resolve("slow.docx"), "t", "a", List.of("text"));
        String old = System.getProperty("tamga.import.timeout");
        try {
            System.setProperty("tamga.import.timeout", "7");
            assertEquals(7, DocumentReader.timeoutSeconds());
            System.setProperty("tamga.import.timeout", "soon");
            assertEquals(DocumentReader.DEFAULT_TIMEOUT_SECONDS, DocumentReader.timeoutSeconds(), "a value that is not a number: the default");
        } finally {
            if (old == null) System.clearProperty("tamga.import.timeout"); else System.setProperty("tamga.import.timeout", old);
        }
        assertEquals("text\n", read(f));
    }

    @Test
    void textOfAnyFormatIsNormalised() {
        assertEquals("a\n\nb\nc\n", Cleaning.finish("\uFEFF  \r\na \t\r\n\r\n\r\n\r\nb\u000Bc\f\n\n"));
        assertEquals("", Cleaning.finish(" \n\t\n"));
        assertEquals(StandardCharsets.UTF_8, StandardCharsets.UTF_8);
    }

    /** What the pattern <[^>]*> removed, in one pass (the pattern backtracked for minutes over 100,000 unclosed <, ADR 44). */
    @Test
    void subtitleTagsAreRemovedAsThePatternDidInOnePass() {
        for (String s : java.util.List.of("a <i>b</i> <c.x>c <d", "<<b>x", "x>y<", "", "no tags", "<v 访谈者>你好 <<", "a<b<c>d>e")) {
            assertEquals(s.replaceAll("<[^>]*>", ""), Subtitles.withoutTags(s), s);
        }
    }
}
