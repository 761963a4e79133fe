package org.tamga.report;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STHint;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The quote report as DOCX (read back with POI) and HTML (read back with jsoup), with Chinese, traditional Mongolian, emoji and markup in the text. */
class QuoteWriterTest {
    @TempDir Path dir;

    static final String EVIL = "<script>alert('x')</script> & \"quotes\"";
    static final QuoteReport.Quote ZH = new QuoteReport.Quote("访谈01 🐑", "zh", 16, 29, 2, 2, "受访者", 83_000L,
            "草场 · Grassland", "Saran", "草场退化了，草场越来越少。", "备注：" + EVIL, "…访谈者：草场怎么样？", "我们搬走了。…");
    static final QuoteReport.Quote MONG = new QuoteReport.Quote("ᠮᠣᠩᠭᠣᠯ", "mn", 0, 22, 1, 3, null, null,
            "ᠪᠡᠯᠴᠢᠭᠡᠷ", "Bolor", "ᠮᠠᠯᠴᠢᠨ\u202Fᠤ ᠪᠡᠯᠴᠢᠭᠡᠷ\nᠮᠠᠭᠤ᠃", null, "", "ᠣᠳᠣ ᠰᠠᠢᠨ᠃");
    static final QuoteReport.Quote EN = new QuoteReport.Quote("notes", "en", 13, 36, 1, 1, "Interviewer", null,
            "草场 · Grassland", "Saran", "The grassland " + EVIL + " was poor.", "", "Field notes.", "");
    static final QuoteReport REPORT = new QuoteReport("牧区 ᠮᠠᠯ 🐎", List.of("草场 · Grassland", "ᠪᠡᠯᠴᠢᠭᠡᠷ"), List.of(ZH, MONG, EN));

    @Test
    void headingsLocationsAndTitle() {
        assertEquals("访谈01 🐑 \u00B7 \u00B6 2 (16\u201329) \u00B7 受访者 [00:01:23] \u00B7 Saran", ZH.heading());
        assertEquals("ᠮᠣᠩᠭᠣᠯ \u00B7 \u00B6 1\u20133 (0\u201322) \u00B7 Bolor", MONG.heading());
        assertEquals("Quotes: 草场 · Grassland; ᠪᠡᠯᠴᠢᠭᠡᠷ", REPORT.title());
        assertEquals("Project 牧区 ᠮᠠᠯ 🐎 \u00B7 3 passages in 3 documents", REPORT.summary());
        assertEquals("Quotes: all codes", new QuoteReport("p", List.of(), List.of()).title());
    }

    @Test
    void docxHoldsEveryPassageInOrderWithItsContextMemoAndFonts() throws Exception {
        Path file = dir.resolve("引文 ᠮᠣᠩᠭᠣᠯ.docx");
        QuoteWriter.docx(REPORT, file);
        try (InputStream in = Files.newInputStream(file); XWPFDocument doc = new XWPFDocument(in)) {
            List<String> texts = doc.getParagraphs().stream().map(XWPFParagraph::getText).toList();
            assertEquals(List.of(
                    REPORT.title(), REPORT.summary(),
                    ZH.heading() + " \u2014 草场 · Grassland", "…访谈者：草场怎么样？", "草场退化了，草场越来越少。", "我们搬走了。…", "Memo: 备注：" + EVIL,
                    MONG.heading() + " \u2014 ᠪᠡᠯᠴᠢᠭᠡᠷ", "ᠮᠠᠯᠴᠢᠨ\u202Fᠤ ᠪᠡᠯᠴᠢᠭᠡᠷ\nᠮᠠᠭᠤ᠃", "ᠣᠳᠣ ᠰᠠᠢᠨ᠃",
                    EN.heading() + " \u2014 草场 · Grassland", "Field notes.", "The grassland " + EVIL + " was poor."), texts);
            List<XWPFParagraph> ps = doc.getParagraphs();
            // the context is grey italics, the passage is not
            XWPFRun before = ps.get(3).getRuns().getFirst();
            assertTrue(before.isItalic());
            assertEquals("6E6E6E", before.getColor());
            XWPFRun passage = ps.get(4).getRuns().getFirst();
            assertFalse(passage.isItalic());
            assertNull(passage.getColor());
            assertTrue(ps.get(2).getRuns().getFirst().isBold(), "the heading line is bold");
            // Chinese: the East Asian font and hint, and the language
            CTFonts fonts = passage.getCTR().getRPr().getRFontsArray(0);
            assertEquals(QuoteWriter.CJK_FONT, fonts.getEastAsia());
            assertEquals(STHint.EAST_ASIA, fonts.getHint());
            assertEquals("zh-CN", passage.getCTR().getRPr().getLangArray(0).getEastAsia());
            // traditional Mongolian: a Mongolian font for the run, tagged as Mongolian in its script
            XWPFRun mong = ps.get(8).getRuns().getFirst();
            assertEquals(QuoteWriter.MONGOLIAN_FONT, mong.getFontFamily(XWPFRun.FontCharRange.hAnsi));
            assertEquals("mn-Mong-CN", mong.getLang());
            // English keeps the Latin font and gets no East Asian hint
            XWPFRun en = ps.get(12).getRuns().getFirst();
            assertEquals(QuoteWriter.LATIN_FONT, en.getFontFamily(XWPFRun.FontCharRange.ascii));
            assertNull(en.getCTR().getRPr().getRFontsArray(0).getHint());
            assertEquals(REPORT.title(), doc.getProperties().getCoreProperties().getTitle());
        }
        try (var files = Files.list(dir)) {
            assertEquals(List.of(file.getFileName().toString()), files.map(p -> p.getFileName().toString()).toList(), "no temporary file left");
        }
    }

    @Test
    void htmlIsOneEscapedUtf8PageWithLanguages() throws Exception {
        Path file = dir.resolve("quotes.html");
        QuoteWriter.html(REPORT, file);
        String html = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertFalse(html.contains("<script"), "markup in a passage or memo is text, not markup");
        assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quotes&quot;"), html);
        assertFalse(html.matches("(?s).*(src|href)=.*"), "self-contained: nothing loaded from elsewhere");

        org.jsoup.nodes.Document page = Jsoup.parse(file.toFile(), null);
        assertEquals("utf-8", page.selectFirst("meta[charset]").attr("charset"));
        assertTrue(page.select("script").isEmpty());
        assertEquals(REPORT.title(), page.selectFirst("h1").text());
        List<Element> articles = page.select("article.quote");
        assertEquals(3, articles.size());

        Element zh = articles.get(0);
        assertEquals(ZH.heading() + " \u2014 草场 · Grassland", zh.selectFirst("h2").text());
        assertEquals("草场退化了，草场越来越少。", zh.selectFirst("blockquote").text());
        assertEquals("zh", zh.selectFirst("blockquote").attr("lang"));
        assertEquals("…访谈者：草场怎么样？", zh.selectFirst(".context.before").text());
        assertEquals("zh", zh.selectFirst(".context.before").attr("lang"));
        assertEquals("我们搬走了。…", zh.selectFirst(".context.after").text());
        assertEquals("Memo: 备注：" + EVIL, zh.selectFirst(".memo").text());

        Element mong = articles.get(1);
        assertEquals("mn-Mong", mong.selectFirst("blockquote").attr("lang"));
        assertEquals("ᠮᠠᠯᠴᠢᠨ\u202Fᠤ ᠪᠡᠯᠴᠢᠭᠡᠷ\nᠮᠠᠭᠤ᠃", mong.selectFirst("blockquote p").wholeText(), "line breaks kept as <br>");
        assertNull(mong.selectFirst(".context.before"), "no context before the start of a document");
        assertNull(mong.selectFirst(".memo"));

        Element en = articles.get(2);
        assertEquals("The grassland " + EVIL + " was poor.", en.selectFirst("blockquote").text());
        assertEquals("en", en.selectFirst("blockquote").attr("lang"));
        assertTrue(html.contains("@media print"));
    }

    @Test
    void languagesAreTaggedOnlyWhenKnown() {
        assertNull(QuoteWriter.htmlLanguage("und", "x"));
        assertNull(QuoteWriter.htmlLanguage(null, "x"));
        assertNull(QuoteWriter.htmlLanguage("\"><script>", "x"));
        assertEquals("mn", QuoteWriter.htmlLanguage("mn", "Бэлчээр"));
        assertEquals("mn-Mong", QuoteWriter.htmlLanguage("mn", "ᠪᠡᠯᠴᠢᠭᠡᠷ"));
        assertEquals("mn-MN", QuoteWriter.wordLanguage("mn", "Бэлчээр"));
        assertEquals("khk", QuoteWriter.wordLanguage("khk", "Бэлчээр"));
    }

    @Test
    void charactersXmlCannotHoldAreLeftOut() {
        assertEquals("ab🐑c", QuoteWriter.clean("a\u0001b🐑\uD800c\r"));
    }
}
