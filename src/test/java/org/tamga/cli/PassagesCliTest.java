package org.tamga.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tamga.core.ProjectSession;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;
import static org.tamga.cli.CliTest.tamga;

/** `tamga autocode` and `tamga codings --format docx|html`, end to end, on Chinese, Mongolian and English transcripts. */
class PassagesCliTest {
    static final String ZH = "访谈者：草场怎么样？\n\n受访者：草场退化了，草场越来越少。我们搬走了。\n冬天草场不够。\n";
    static final String MONG = "ᠮᠠᠯᠴᠢᠨ\u202Fᠤ ᠪᠡᠯᠴᠢᠭᠡᠷ ᠮᠠᠭᠤ᠃ ᠣᠳᠣ ᠰᠠᠢᠨ᠃\n";
    static final String EN = "Field notes. The grassland was poor.\n\nHerders said the grassland recovered.\n";
    static final String GRASSLAND = "草场 · Grassland 🐑";

    @TempDir Path dir;
    Path project;

    @BeforeEach
    void project() throws Exception {
        project = dir.resolve("牧区.tamga");
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.writeString(in.resolve("访谈01.txt"), ZH);
        Files.writeString(in.resolve("ᠮᠣᠩᠭᠣᠯ.txt"), MONG);
        Files.writeString(in.resolve("notes.txt"), EN);
        assertEquals(0, tamga("new", project).code());
        assertEquals(0, tamga("import", project, in).code());
        try (ProjectSession s = ProjectSession.open(project)) {
            s.codebook().create(null, GRASSLAND, null, null);
            s.codebook().create(null, "ᠪᠡᠯᠴᠢᠭᠡᠷ", null, null);
        }
    }

    int codings() {
        try (ProjectSession s = ProjectSession.open(project)) {
            return s.summary().codings();
        }
    }

    @Test
    void autocodeDryRunListsAndChangesNothing() {
        CliTest.Run dry = tamga("autocode", project, "草场", "--code", "草场", "--dry-run", "--coder", "Saran");
        assertEquals(0, dry.code(), dry.err());
        assertEquals(List.of("document\tstart\tend\tunit\thits\ttext",
                "访谈01\t4\t10\tsentence\t1\t草场怎么样？",
                "访谈01\t16\t29\tsentence\t2\t草场退化了，草场越来越少。",
                "访谈01\t36\t43\tsentence\t1\t冬天草场不够。",
                "Would code 3 passages in 1 document with \u201C" + GRASSLAND + "\u201D (unit: sentence; 0 already coded). Nothing was changed (--dry-run)."),
                dry.lines());
        assertEquals(0, codings());
    }

    @Test
    void autocodeCodesOnceAndSkipsWhatIsAlreadyCoded() {
        CliTest.Run run = tamga("autocode", project, "草场 OR grassland", "--code", "草场", "--coder", "Saran");
        assertEquals(0, run.code(), run.err());
        assertEquals("Coded 5 passages in 2 documents with \u201C" + GRASSLAND + "\u201D (unit: sentence; 0 already coded).", run.out().strip());
        assertEquals(5, codings());

        CliTest.Run retrieved = tamga("codings", project, "--code", "草场");
        assertTrue(retrieved.lines().contains("notes\t13\t36\t" + GRASSLAND + "\tSaran\tThe grassland was poor.\t\t"
                + retrieved.lines().get(1).substring(retrieved.lines().get(1).lastIndexOf('\t') + 1))
                || retrieved.out().contains("\tThe grassland was poor.\t"), retrieved.out());
        assertTrue(retrieved.out().contains("\t草场退化了，草场越来越少。\t"), retrieved.out());

        CliTest.Run again = tamga("autocode", project, "草场 OR grassland", "--code", "草场", "--coder", "Saran");
        assertEquals("Coded 0 passages in 0 documents with \u201C" + GRASSLAND + "\u201D (unit: sentence; 5 already coded).", again.out().strip());
        assertEquals(5, codings());
    }

    @Test
    void autocodeTurnsParagraphsAndLimits() {
        CliTest.Run turns = tamga("autocode", project, "草场 OR grassland", "--code", "草场", "--unit", "TURN", "--dry-run");
        assertEquals(0, turns.code(), turns.err());
        assertTrue(turns.lines().contains("访谈01\t16\t43\tturn\t3\t草场退化了，草场越来越少。我们搬走了。 冬天草场不够。"), turns.out());
        assertTrue(turns.lines().contains("notes\t0\t36\tparagraph\t1\tField notes. The grassland was poor."), turns.out());
        assertTrue(turns.lines().getLast().startsWith("Would code 4 passages in 2 documents with \u201C" + GRASSLAND
                + "\u201D (unit: turn; 0 already coded; 2 paragraphs instead of turns, where there is no turn)."), turns.out());

        CliTest.Run mong = tamga("autocode", project, "ᠪᠡᠯᠴᠢᠭᠡᠷ", "--code", "ᠪᠡᠯᠴᠢᠭᠡᠷ", "--unit", "paragraph", "--document", "ᠮᠣᠩᠭᠣᠯ");
        assertEquals(0, mong.code(), mong.err());
        assertEquals("Coded 1 passage in 1 document with \u201Cᠪᠡᠯᠴᠢᠭᠡᠷ\u201D (unit: paragraph; 0 already coded).", mong.out().strip());
        assertTrue(tamga("codings", project, "--code", "ᠪᠡᠯᠴᠢᠭᠡᠷ").out().contains("\tᠮᠠᠯᠴᠢᠨ\u202Fᠤ ᠪᠡᠯᠴᠢᠭᠡᠷ ᠮᠠᠭᠤ᠃ ᠣᠳᠣ ᠰᠠᠢᠨ᠃\t"));

        CliTest.Run match = tamga("autocode", project, "grassland", "--code", "草场", "--unit", "match", "--document", "notes", "--dry-run");
        assertTrue(match.lines().contains("notes\t17\t26\tmatch\t1\tgrassland"), match.out());

        CliTest.Run none = tamga("autocode", project, "yak", "--code", "草场");
        assertEquals(0, none.code());
        assertEquals("No hits for \u201Cyak\u201D: nothing to code.", none.out().strip());
    }

    @Test
    void autocodeFailuresAreOneLine() {
        int before = codings();
        for (CliTest.Run r : List.of(
                tamga("autocode", project, "草场", "--code", "Yak"),
                tamga("autocode", project, "草场", "--code", "草场", "--unit", "word"),
                tamga("autocode", project, "草场", "--code", "草场", "--document", "nope"),
                tamga("autocode", project, "草场"))) {
            assertNotEquals(0, r.code(), r.toString());
            assertEquals(1, r.err().lines().count(), r.err());
            assertTrue(r.err().startsWith("tamga: "), r.err());
        }
        assertEquals("tamga: No code \u201CYak\u201D in the codebook.", tamga("autocode", project, "草场", "--code", "Yak").err().strip());
        assertEquals("tamga: No coding unit \u201Cword\u201D (units: match, sentence, turn, paragraph).",
                tamga("autocode", project, "草场", "--code", "草场", "--unit", "word").err().strip());
        assertEquals(before, codings());
    }

    @Test
    void codingsAsQuotesInDocxAndHtml() throws Exception {
        assertEquals(0, tamga("autocode", project, "草场 OR grassland", "--code", "草场", "--coder", "Saran").code());
        CliTest.Run tsv = tamga("codings", project, "--code", "草场");
        assertEquals(6, tsv.lines().size(), "the TSV retrieval is as it was: " + tsv.out());
        String first = tsv.lines().get(1).split("\t")[7];
        assertEquals(0, tamga("memo", project, "<script>alert(1)</script> 备注 🐑", "--coding", first).code());

        Path docx = dir.resolve("引文 ᠮᠣᠩᠭᠣᠯ 🐑.docx");
        CliTest.Run written = tamga("codings", project, "--code", "草场", "--format", "docx", "--output", docx);
        assertEquals(0, written.code(), written.err());
        assertEquals("wrote " + docx + ": 5 passages in 2 documents", written.out().strip());
        List<String> expected = List.of(
                "notes \u00B7 \u00B6 1 (13\u201336) \u00B7 Saran \u2014 " + GRASSLAND, "Field notes.", "The grassland was poor.", "Herders said the grassland recovered.",
                "Memo: <script>alert(1)</script> 备注 🐑",
                "notes \u00B7 \u00B6 2 (38\u201375) \u00B7 Saran \u2014 " + GRASSLAND, "Field notes. The grassland was poor.",
                "Herders said the grassland recovered.",
                "访谈01 \u00B7 \u00B6 1 (4\u201310) \u00B7 访谈者 \u00B7 Saran \u2014 " + GRASSLAND, "访谈者：", "草场怎么样？", "受访者：草场退化了，草场越来越少。我们搬走了。 冬天草场不够。",
                "访谈01 \u00B7 \u00B6 2 (16\u201329) \u00B7 受访者 \u00B7 Saran \u2014 " + GRASSLAND,
                "访谈者：草场怎么样？ 受访者：", "草场退化了，草场越来越少。", "我们搬走了。 冬天草场不够。",
                "访谈01 \u00B7 \u00B6 3 (36\u201343) \u00B7 受访者 \u00B7 Saran \u2014 " + GRASSLAND,
                "访谈者：草场怎么样？ 受访者：草场退化了，草场越来越少。我们搬走了。", "冬天草场不够。");
        try (var in = Files.newInputStream(docx); var doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(in)) {
            List<String> paragraphs = doc.getParagraphs().stream().map(org.apache.poi.xwpf.usermodel.XWPFParagraph::getText).toList();
            assertEquals("Quotes: " + GRASSLAND, paragraphs.get(0));
            assertEquals("Project 牧区 \u00B7 5 passages in 2 documents", paragraphs.get(1));
            assertEquals(expected, paragraphs.subList(2, paragraphs.size()));
        }

        Path html = dir.resolve("quotes.html");
        assertEquals(0, tamga("codings", project, "--code", "草场", "--format", "html", "--output", html, "--context", "5").code());
        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(html.toFile(), "UTF-8");
        assertTrue(page.select("script").isEmpty(), "the memo's markup is text");
        assertEquals(List.of("The grassland was poor.", "Herders said the grassland recovered.", "草场怎么样？", "草场退化了，草场越来越少。", "冬天草场不够。"),
                page.select("blockquote").eachText());
        assertEquals(List.of("en", "en", "zh", "zh", "zh"), page.select("blockquote").eachAttr("lang"));
        assertEquals("Memo: <script>alert(1)</script> 备注 🐑", page.selectFirst(".memo").text());
        assertEquals(List.of("访谈者：", "…受访者：", "…搬走了。"), page.select(".context.before").eachText(),
                "--context 5: before the passages in English only the end of a cut word and a full stop, which are left out");

        CliTest.Run noOutput = tamga("codings", project, "--code", "草场", "--format", "docx");
        assertEquals(1, noOutput.code());
        assertEquals("tamga: Give the file to write with --output, e.g. --format docx --output quotes.docx.", noOutput.err().strip());
        CliTest.Run help = tamga("autocode", "--help");
        assertEquals(0, help.code());
        assertTrue(help.out().startsWith("Usage: tamga autocode"), help.out());
    }
}
