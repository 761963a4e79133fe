package org.tamga.cli;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;
import static org.tamga.cli.CliTest.tamga;

/**
 * {@code tamga report words} and {@code report stopwords} (ADR 38) on a project of three transcripts:
 *
 * <pre>
 * 访谈01   访谈者：草场怎么样？ / 受访者：草场退化了，补贴不够，草场小。       草场 ×3 (one the interviewer's), 退化, 补贴, 不够, 小
 * interview-02  Interviewer: Did the training help? / Respondent: The training helped, the trained herders too.
 *               training ×2, help, helped, trained, herders (did, the, too are stop words)
 * ярилцлага-03  Асуулт: Малчин ᠮᠠᠯᠴᠢᠨ\u202Fᠤ ᠮᠠᠯᠴᠢᠨ / Хариулт: малчин     малчин ×2, ᠮᠠᠯᠴᠢᠨ ×2
 * </pre>
 */
class WordsCliTest {
    @TempDir Path dir;
    Path project;

    @BeforeEach
    void project() throws Exception {
        project = dir.resolve("田野.tamga");
        assertEquals(0, tamga("new", project).code());
        Path folder = Files.createDirectories(dir.resolve("transcripts"));
        Files.writeString(folder.resolve("访谈01.txt"), "访谈者：草场怎么样？\n受访者：草场退化了，补贴不够，草场小。\n");
        Files.writeString(folder.resolve("interview-02.txt"), "Interviewer: Did the training help?\nRespondent: The training helped, the trained herders too.\n");
        Files.writeString(folder.resolve("ярилцлага-03.txt"), "Асуулт: Малчин ᠮᠠᠯᠴᠢᠨ\u202Fᠤ ᠮᠠᠯᠴᠢᠨ\nХариулт: малчин\n");
        CliTest.Run imp = tamga("import", project, folder);
        assertEquals(0, imp.code(), imp.err());
    }

    static List<String> csv(Path file) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        assertEquals((byte) 0xEF, bytes[0], "a byte-order mark");
        return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void theTablesAsCsvWideAndLong() throws Exception {
        Path wide = dir.resolve("words.csv");
        CliTest.Run run = tamga("report", "words", project, "--format", "csv", "--output", wide);
        assertEquals(0, run.code(), run.err());
        assertEquals("wrote " + wide + ": 12 words (zh 5, en 5, mn 2) from 3 documents", run.out().strip());
        assertEquals("word index: 3 documents indexed", run.err().strip(), "built on first use");
        List<String> rows = csv(wide);
        assertEquals("rank,zh_word,zh_count,zh_documents,en_word,en_count,en_documents,mn_word,mn_count,mn_documents", rows.getFirst());
        assertEquals("1,草场,3,1,training,2,1,малчин,2,1", rows.get(1));
        assertEquals("2,不够,1,1,help,1,1,ᠮᠠᠯᠴᠢᠨ,2,1", rows.get(2));

        Path tidy = dir.resolve("long.csv");
        CliTest.Run again = tamga("report", "words", project, "--long", "--format", "csv", "--output", tidy);
        assertEquals("", again.err(), "the word index is caught up already");
        List<String> longRows = csv(tidy);
        assertEquals("language,word,count,documents,forms", longRows.getFirst());
        assertEquals(List.of("zh,草场,3,1,草场", "en,training,2,1,training", "mn,малчин,2,1,малчин", "mn,ᠮᠠᠯᠴᠢᠨ,2,1,ᠮᠠᠯᠴᠢᠨ"), longRows.subList(1, 5));

        // stemming, one language, top N, a speaker
        Path stemmed = dir.resolve("stemmed.csv");
        assertEquals(0, tamga("report", "words", project, "--language", "en", "--stem", "--top", "2", "--long", "--format", "csv", "--output", stemmed).code());
        assertEquals(List.of("language,word,count,documents,forms", "en,training,3,1,training trained", "en,help,2,1,help helped"), csv(stemmed));
        CliTest.Run spoken = tamga("report", "words", project, "--speaker", "受访者", "--language", "zh");
        assertEquals(List.of("language\tword\tcount\tdocuments\tforms", "zh\t草场\t2\t1\t草场", "zh\t不够\t1\t1\t不够", "zh\t小\t1\t1\t小",
                "zh\t补贴\t1\t1\t补贴", "zh\t退化\t1\t1\t退化"), spoken.lines(), "printed when no file is named; the interviewer's 草场 left out");
        CliTest.Run minLength = tamga("report", "words", project, "--document", "访谈01", "--min-length", "2");
        assertEquals(List.of("zh\t草场\t3\t1\t草场", "zh\t不够\t1\t1\t不够", "zh\t补贴\t1\t1\t补贴", "zh\t退化\t1\t1\t退化"), minLength.lines().subList(1, 5));
        assertEquals(5, minLength.lines().size());
    }

    @Test
    void stopWordsShippedPrintedAndGivenBack() throws Exception {
        CliTest.Run list = tamga("report", "stopwords", "--language", "en");
        assertEquals(0, list.code(), list.err());
        assertTrue(list.out().startsWith("# Tamga's English stop words"), list.out());
        assertTrue(list.lines().contains("the"));
        assertTrue(tamga("report", "stopwords").out().contains("ᠪᠠᠢᠨ᠎ᠠ"), "all three lists");

        Path mine = dir.resolve("mine.txt");
        Files.writeString(mine, "# only these\nTraining\n草场\n");
        CliTest.Run only = tamga("report", "words", project, "--stopwords", mine, "--no-default-stopwords", "--language", "en");
        assertEquals(List.of("en\tthe\t3\t1\tthe", "en\tdid\t1\t1\tdid"), only.lines().subList(1, 3), "the shipped list is not used");
        assertFalse(only.out().contains("training"));
        CliTest.Run both = tamga("report", "words", project, "--stopwords", mine, "--language", "zh");
        assertEquals("zh\t不够\t1\t1\t不够", both.lines().get(1));
    }

    @Test
    void theWorkbookAndTheCharts() throws Exception {
        Path xlsx = dir.resolve("words.xlsx");
        assertEquals(0, tamga("report", "words", project, "--format", "xlsx", "--output", xlsx).code());
        try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            assertEquals("Words", wb.getSheetName(0));
            assertEquals(1, wb.getSheet("Chinese (zh)").getDrawingPatriarch().getCharts().size(), "a native Excel bar chart");
            assertEquals("Long (tidy)", wb.getSheetName(4));
        }

        Path png = dir.resolve("words.png");
        CliTest.Run bars = tamga("report", "words", project, "--chart", png, "--dpi", 150);
        assertEquals(0, bars.code(), bars.err());
        assertEquals("wrote " + png + ": bar chart, 12 words (zh 5, en 5, mn 2) from 3 documents", bars.out().strip());
        BufferedImage image = ImageIO.read(png.toFile());
        assertNotNull(image, "a PNG that decodes");
        assertTrue(image.getWidth() > 500, "at 150 dpi: " + image.getWidth());

        Path svg = dir.resolve("cloud.svg");
        CliTest.Run cloud = tamga("report", "words", project, "--chart", svg, "--cloud");
        assertEquals(0, cloud.code(), cloud.err());
        assertTrue(cloud.out().contains("word cloud"), cloud.out());
        DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile());
        String text = Files.readString(svg, StandardCharsets.UTF_8);
        for (String w : List.of("草场", "training", "малчин", "ᠮᠠᠯᠴᠢᠨ")) assertTrue(text.contains(">" + w + "<"), w + " in the cloud");

        Path both = dir.resolve("both.csv"), cloudPng = dir.resolve("cloud.png");
        CliTest.Run two = tamga("report", "words", project, "--format", "csv", "--output", both, "--chart", cloudPng, "--cloud");
        assertEquals(2, two.lines().size(), "the table and the chart in one run: " + two.out());
        assertNotNull(ImageIO.read(cloudPng.toFile()));
    }

    @Test
    void contextsOfAWord() {
        CliTest.Run run = tamga("report", "words", project, "--contexts", "草场", "--context", "3");
        assertEquals(0, run.code(), run.err());
        assertEquals(List.of("document\tstart\tend\tmatch\tcontext", "访谈01\t4\t6\t草场\t谈者：草场怎么样", "访谈01\t15\t17\t草场\t访者：草场退化了",
                "访谈01\t26\t28\t草场\t不够，草场小。"), run.lines());
        assertEquals(List.of("word index: 3 documents indexed", "3 places in 1 documents"), run.err().lines().toList());
        CliTest.Run stemmed = tamga("report", "words", project, "--contexts", "trained", "--stem", "--limit", "2");
        assertEquals(3, stemmed.lines().size());
        assertTrue(stemmed.err().contains("(stopped at --limit 2)"), stemmed.err());
    }

    @Test
    void helpExplainsTheOptions() {
        CliTest.Run help = tamga("report", "words", "--help");
        assertEquals(0, help.code());
        assertTrue(help.out().startsWith("Usage: tamga report words"), help.out());
        for (String option : List.of("--language", "--top", "--stem", "--stopwords", "--min-length", "--code", "--long", "--chart", "--cloud",
                "--contexts", "--coder", "--document", "--attribute", "--speaker")) {
            assertTrue(help.out().contains(option), option);
        }
        assertTrue(tamga("report", "stopwords", "--help").out().startsWith("Usage: tamga report stopwords"));
    }

    @Test
    void nonsenseIsRefusedInOneLine() {
        for (Object[] args : List.<Object[]>of(
                new Object[]{"--top", "0"},
                new Object[]{"--min-length", "-1"},
                new Object[]{"--language", "fr"},
                new Object[]{"--output", "x.csv"},
                new Object[]{"--chart", "x.pdf"},
                new Object[]{"--cloud"},
                new Object[]{"--stopwords", "missing.txt"},
                new Object[]{"--code", "No such code"},
                new Object[]{"--chart", "x.png", "--dpi", "5"})) {
            Object[] all = new Object[3 + args.length];
            all[0] = "report";
            all[1] = "words";
            all[2] = project;
            System.arraycopy(args, 0, all, 3, args.length);
            CliTest.Run run = tamga(all);
            assertEquals(1, run.code(), List.of(args) + ": " + run.out());
            assertEquals(1, run.err().strip().lines().count(), List.of(args) + ": " + run.err());
            assertTrue(run.err().startsWith("tamga: "), run.err());
        }
        assertEquals("tamga: --top must be at least 1 (not 0).", tamga("report", "words", project, "--top", "0").err().strip());
        assertEquals("tamga: Give --chart a file ending in .png or .svg (not x.pdf).", tamga("report", "words", project, "--chart", "x.pdf").err().strip());
    }
}
