package org.tamga.report;

import org.apache.poi.xwpf.usermodel.Borders;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTLanguage;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STHint;
import org.tamga.util.AtomicWrite;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes a {@link QuoteReport} as a Word document (DOCX) or as one self-contained HTML file, for
 * putting quotes in a paper: a title with the codes and the project, then per passage a heading line
 * (document · paragraph and positions · speaker · coder, and the code), the context before it in
 * grey italics, the passage as an indented quote, the context after it, and the coding's memo.
 * Chinese runs carry the East Asian font hint and a CJK font, traditional Mongolian a Mongolian
 * font; HTML marks every passage with its document's language. Files are written atomically.
 */
public final class QuoteWriter {
    private QuoteWriter() {}

    // ---- DOCX --------------------------------------------------------------------------------

    static final String LATIN_FONT = "Times New Roman";
    static final String CJK_FONT = "SimSun";
    static final String MONGOLIAN_FONT = "Mongolian Baiti";
    private static final String GREY = "6E6E6E";

    public static void docx(QuoteReport report, Path file) {
        AtomicWrite.write(file, out -> {
            try (XWPFDocument doc = new XWPFDocument()) {
                doc.getProperties().getCoreProperties().setTitle(clean(report.title()));
                doc.getProperties().getCoreProperties().setCreator("Tamga");

                XWPFParagraph title = paragraph(doc);
                title.setSpacingAfter(120);
                XWPFRun t = run(title, report.title(), null);
                t.setBold(true);
                t.setFontSize(16);
                XWPFParagraph about = paragraph(doc);
                about.setSpacingAfter(240);
                XWPFRun a = run(about, report.summary(), null);
                a.setColor(GREY);
                a.setFontSize(10);

                for (QuoteReport.Quote q : report.quotes()) {
                    XWPFParagraph head = paragraph(doc);
                    head.setKeepNext(true);
                    head.setSpacingBefore(280);
                    head.setSpacingAfter(60);
                    XWPFRun h = run(head, q.heading(), null);
                    h.setBold(true);
                    h.setFontSize(10);
                    XWPFRun code = run(head, " \u2014 " + q.code(), null);
                    code.setFontSize(10);
                    code.setColor(GREY);

                    if (!q.before().isEmpty()) context(doc, q.before(), q.language(), true);
                    XWPFParagraph quote = paragraph(doc);
                    quote.setIndentationLeft(567);
                    quote.setIndentationRight(567);
                    quote.setBorderLeft(Borders.SINGLE);
                    quote.setSpacingAfter(q.after().isEmpty() ? 120 : 0);
                    quote.setKeepNext(!q.after().isEmpty() || hasMemo(q));
                    run(quote, q.text(), q.language()).setFontSize(11);
                    if (!q.after().isEmpty()) context(doc, q.after(), q.language(), false);

                    if (hasMemo(q)) {
                        XWPFParagraph memo = paragraph(doc);
                        memo.setIndentationLeft(567);
                        memo.setSpacingBefore(60);
                        XWPFRun label = run(memo, "Memo: ", null);
                        label.setBold(true);
                        label.setFontSize(10);
                        run(memo, q.memo(), null).setFontSize(10);
                    }
                }
                doc.write(out);
            }
        });
    }

    /** A new paragraph with its properties element (POI's setKeepNext needs one). */
    private static XWPFParagraph paragraph(XWPFDocument doc) {
        XWPFParagraph p = doc.createParagraph();
        if (!p.getCTP().isSetPPr()) p.getCTP().addNewPPr();
        return p;
    }

    private static boolean hasMemo(QuoteReport.Quote q) { return q.memo() != null && !q.memo().isBlank(); }

    private static void context(XWPFDocument doc, String text, String language, boolean before) {
        XWPFParagraph p = paragraph(doc);
        p.setIndentationLeft(567);
        p.setIndentationRight(567);
        p.setSpacingAfter(before ? 0 : 120);
        p.setKeepNext(before);
        XWPFRun r = run(p, text, language);
        r.setItalic(true);
        r.setColor(GREY);
        r.setFontSize(9);
    }

    /** A run of text (line breaks become breaks, tabs tabs) with fonts for Latin, Chinese and Mongolian and the language if known. */
    private static XWPFRun run(XWPFParagraph paragraph, String text, String language) {
        XWPFRun run = paragraph.createRun();
        String[] lines = clean(text).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) run.addBreak();
            String[] cells = lines[i].split("\t", -1);
            for (int j = 0; j < cells.length; j++) {
                if (j > 0) run.addTab();
                if (!cells[j].isEmpty()) run.setText(cells[j], run.getCTR().sizeOfTArray());
            }
        }
        boolean mongolian = hasMongolianScript(text);
        String latin = mongolian ? MONGOLIAN_FONT : LATIN_FONT;
        run.setFontFamily(latin, XWPFRun.FontCharRange.ascii);
        run.setFontFamily(latin, XWPFRun.FontCharRange.hAnsi);
        run.setFontFamily(CJK_FONT, XWPFRun.FontCharRange.eastAsia);
        run.setFontFamily(mongolian ? MONGOLIAN_FONT : LATIN_FONT, XWPFRun.FontCharRange.cs);
        CTRPr rpr = run.getCTR().isSetRPr() ? run.getCTR().getRPr() : run.getCTR().addNewRPr();
        CTFonts fonts = rpr.sizeOfRFontsArray() > 0 ? rpr.getRFontsArray(0) : rpr.addNewRFonts();
        if (hasHan(text)) fonts.setHint(STHint.EAST_ASIA);
        String tag = wordLanguage(language, text);
        if (tag != null) {
            CTLanguage lang = rpr.sizeOfLangArray() > 0 ? rpr.getLangArray(0) : rpr.addNewLang();
            lang.setVal(tag);
            if (tag.startsWith("zh") || tag.startsWith("ja") || tag.startsWith("ko")) lang.setEastAsia(tag);
        }
        return run;
    }

    private static final Map<String, String> WORD_LANGUAGES = Map.of("zh", "zh-CN", "en", "en-US", "mn", "mn-MN",
            "ru", "ru-RU", "ja", "ja-JP", "ko", "ko-KR", "kk", "kk-KZ");

    /** The language tag Word knows for a document's language: zh → zh-CN, mn → mn-MN (mn-Mong-CN for the traditional script). */
    static String wordLanguage(String language, String text) {
        String tag = htmlLanguage(language, text);
        if (tag == null) return null;
        if (tag.equals("mn-Mong")) return "mn-Mong-CN";
        return WORD_LANGUAGES.getOrDefault(tag, tag);
    }

    // ---- HTML --------------------------------------------------------------------------------

    public static void html(QuoteReport report, Path file) {
        byte[] bytes = html(report).getBytes(StandardCharsets.UTF_8);
        AtomicWrite.write(file, bytes);
    }

    private static final String CSS = """
            body { font-family: "Noto Serif", "Times New Roman", "Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", SimSun, \
            "Noto Sans Mongolian", "Mongolian Baiti", serif; line-height: 1.5; max-width: 46em; margin: 2em auto; padding: 0 1em; color: #111; }
            h1 { font-size: 1.5em; margin-bottom: 0.2em; }
            .about { color: #666; margin-top: 0; }
            article { margin: 1.6em 0; }
            h2 { font-size: 0.95em; margin: 0 0 0.3em; }
            h2 .code { font-weight: normal; color: #666; }
            .context { color: #6e6e6e; font-style: italic; font-size: 0.9em; margin: 0.2em 2.2em; }
            blockquote { margin: 0.2em 2em; padding-left: 0.8em; border-left: 3px solid #bbb; }
            blockquote p { margin: 0; }
            .memo { margin: 0.4em 2.2em; font-size: 0.95em; }
            :lang(zh) { font-family: "Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", SimSun, serif; }
            :lang(mn-Mong) { font-family: "Noto Sans Mongolian", "Mongolian Baiti", sans-serif; }
            @media print { body { max-width: none; margin: 0; } article { break-inside: avoid; page-break-inside: avoid; } h2 { break-after: avoid; } }
            """;

    /** The report as one self-contained HTML page (UTF-8, no outside resources). */
    public static String html(QuoteReport report) {
        StringBuilder b = new StringBuilder(4096);
        b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"generator\" content=\"Tamga\">\n")
                .append("<title>").append(escape(report.title())).append(" \u2014 ").append(escape(report.project())).append("</title>\n")
                .append("<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
        b.append("<header>\n<h1>").append(escape(report.title())).append("</h1>\n<p class=\"about\">")
                .append(escape(report.summary())).append("</p>\n</header>\n<main>\n");
        for (QuoteReport.Quote q : report.quotes()) {
            String lang = htmlLanguage(q.language(), q.text());
            String langAttribute = lang == null ? "" : " lang=\"" + escape(lang) + "\"";
            b.append("<article class=\"quote\">\n<h2>").append(escape(q.heading()))
                    .append(" <span class=\"code\">\u2014 ").append(escape(q.code())).append("</span></h2>\n");
            if (!q.before().isEmpty()) {
                b.append("<p class=\"context before\"").append(langAttribute).append(" title=\"context before\">")
                        .append(escape(q.before())).append("</p>\n");
            }
            b.append("<blockquote").append(langAttribute).append("><p>").append(lines(q.text())).append("</p></blockquote>\n");
            if (!q.after().isEmpty()) {
                b.append("<p class=\"context after\"").append(langAttribute).append(" title=\"context after\">")
                        .append(escape(q.after())).append("</p>\n");
            }
            if (hasMemo(q)) b.append("<p class=\"memo\"><strong>Memo:</strong> ").append(lines(q.memo())).append("</p>\n");
            b.append("</article>\n");
        }
        b.append("</main>\n</body>\n</html>\n");
        return b.toString();
    }

    private static final Pattern LANGUAGE_TAG = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*");

    /** The BCP 47 tag for a document's language, or null when not known: mn-Mong for Mongolian in the traditional script. */
    static String htmlLanguage(String language, String text) {
        if (language == null || language.isBlank() || language.equalsIgnoreCase("und") || !LANGUAGE_TAG.matcher(language.strip()).matches()) {
            return null;
        }
        String tag = language.strip();
        if (tag.equalsIgnoreCase("mn") && hasMongolianScript(text)) return "mn-Mong";
        return tag;
    }

    /** Escaped text with its line breaks as {@code <br>}. */
    private static String lines(String text) { return escape(text).replace("\n", "<br>"); }

    /** Text safe in HTML content and attribute values. */
    static String escape(String s) {
        String c = clean(s);
        StringBuilder b = new StringBuilder(c.length() + 16);
        for (int i = 0; i < c.length(); i++) {
            char ch = c.charAt(i);
            switch (ch) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(ch);
            }
        }
        return b.toString();
    }

    // ---- shared ------------------------------------------------------------------------------

    /** Leaves out what XML 1.0 cannot hold (controls other than tab and line break, lone surrogates, U+FFFE/FFFF); null becomes "". */
    static String clean(String s) {
        if (s == null) return "";
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok;
            if (Character.isHighSurrogate(c)) ok = i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
            else if (Character.isLowSurrogate(c)) ok = i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
            else ok = c == '\t' || c == '\n' || (c >= 0x20 && c != 0xFFFE && c != 0xFFFF);
            if (c == '\r') ok = false;
            if (!ok && b == null) b = new StringBuilder(s.substring(0, i));
            if (ok && b != null) b.append(c);
        }
        return b == null ? s : b.toString();
    }

    private static boolean hasHan(String s) {
        return s != null && s.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
    }

    static boolean hasMongolianScript(String s) {
        return s != null && s.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.MONGOLIAN);
    }
}
