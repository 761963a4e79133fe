package org.tamga.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The command line as the README shows it, on a fresh project with Chinese and English transcripts. */
class CliTest {
    @TempDir Path dir;
    Path project;

    record Run(int code, String out, String err) {
        List<String> lines() { return out.lines().toList(); }
    }

    static Run tamga(Object... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        String[] a = java.util.Arrays.stream(args).map(String::valueOf).toArray(String[]::new);
        int code = Cli.run(a, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    @BeforeEach
    void project() throws Exception {
        project = dir.resolve("田野调查.tamga");
        assertEquals(0, tamga("new", project).code());
        Path folder = Files.createDirectories(dir.resolve("transcripts"));
        Files.writeString(folder.resolve("访谈01.txt"), "访谈者：您家是贫困户吗？\r\n受访者：以前是贫困户，现在脱贫了。培训很有用。\r\n", Charset.forName("GBK"));
        Files.writeString(folder.resolve("interview-02.txt"), "Interviewer: Did the training help?\nRespondent: The training helped, the subsidy too.\n");
        Files.writeString(folder.resolve("notes.xlsx"), "not imported");
    }

    @Test
    void helpAfterAnyCommandExplainsIt() {
        for (String[] command : List.of(new String[]{"search"}, new String[]{"bench"}, new String[]{"import", "qdpx"},
                new String[]{"report", "frequencies"}, new String[]{"report", "chart"}, new String[]{"speakers", "rename"})) {
            String[] args = java.util.Arrays.copyOf(command, command.length + 1);
            args[command.length] = "--help";
            Run help = tamga((Object[]) args);
            assertEquals(0, help.code(), String.join(" ", args) + ": " + help.err());
            assertTrue(help.out().startsWith("Usage: tamga " + String.join(" ", command)), help.out());
        }
    }

    @Test
    void importSearchCodeRetrieveReport() throws Exception {
        Run imp = tamga("import", project, dir.resolve("transcripts"));
        assertEquals(0, imp.code(), imp.err());
        assertTrue(imp.out().contains("imported  访谈01  (zh"), imp.out());
        assertTrue(imp.out().contains("GB"), "encoding reported: " + imp.out());
        assertTrue(imp.out().contains("skipped") && imp.out().contains("notes.xlsx"), imp.out());
        assertTrue(imp.out().contains("2 imported, 0 already in the project, 1 skipped, 0 failed."), imp.out());

        Run again = tamga("import", project, dir.resolve("transcripts/interview-02.txt"));
        assertTrue(again.out().contains("0 imported, 1 already in the project"), again.out());

        assertEquals(0, tamga("codebook", "import", project, Path.of("codebooks/poverty-capability-local-knowledge.qdc")).code());

        Run search = tamga("search", project, "贫困");
        assertEquals(0, search.code(), search.err());
        assertEquals("document\tstart\tend\tmatch\tcontext", search.lines().getFirst());
        assertEquals(List.of("访谈01\t7\t9\t贫困\t访谈者：您家是贫困户吗？ 受访者：以前是贫困户，现在脱贫了。培训很有用。",
                "访谈01\t20\t22\t贫困\t访谈者：您家是贫困户吗？ 受访者：以前是贫困户，现在脱贫了。培训很有用。"), search.lines().subList(1, 3));
        assertEquals(3, search.lines().size());
        assertEquals("2 hits in 1 document", search.err().strip(), "counted in English number");

        Run json = tamga("search", project, "training", "--format", "json", "--context", "5");
        JsonNode hits = new ObjectMapper().readTree(json.out()).get("hits");
        assertEquals(2, hits.size());
        assertEquals("interview-02", hits.get(0).get("document").asText());
        assertEquals(21, hits.get(0).get("start").asInt());
        assertEquals("the training help", hits.get(0).get("context").asText(), "5 characters either side, outer spaces trimmed");

        Run code = tamga("code", project, "--document", "访谈01", "--start", 17, "--end", 29, "--code", "Education and knowledge", "--coder", "Saran");
        assertEquals(0, code.code(), code.err());
        assertTrue(code.out().contains("以前是贫困户，现在脱贫了"), code.out());
        assertEquals(0, tamga("code", project, "--document", "interview-02", "--start", 48, "--end", 67, "--code", "技术支持与培训").code());

        Run codings = tamga("codings", project, "--code", "Capability");
        assertEquals(2, codings.lines().size(), codings.out());
        assertTrue(codings.lines().get(1).startsWith("访谈01\t17\t29\tEducation and knowledge · 教育与知识\tSaran\t以前是贫困户，现在脱贫了\t"), codings.lines().get(1));

        Run notCoded = tamga("search", project, "training", "--not-coded", "Interventions");
        assertEquals(2, notCoded.lines().size(), "the coded hit is left out: " + notCoded.out());

        Path csv = dir.resolve("freq.csv");
        assertEquals(0, tamga("report", "frequencies", project, "--format", "csv", "--output", csv).code());
        List<String> rows = Files.readString(csv, StandardCharsets.UTF_8).lines().toList();
        assertTrue(rows.getFirst().contains("code,codings,documents"), rows.getFirst());
        assertTrue(rows.stream().anyMatch(r -> r.startsWith("Capability · 可行能力,0,0,0.0,0,1,1,0.5,12,")), String.join("\n", rows));

        Path matrix = dir.resolve("matrix.csv");
        assertEquals(0, tamga("report", "frequencies", project, "--by", "document", "--format", "csv", "--output", matrix).code());
        assertTrue(Files.readString(matrix).contains("code,interview-02,访谈01,total"));

        Path xlsx = dir.resolve("freq.xlsx");
        assertEquals(0, tamga("report", "frequencies", project, "--format", "xlsx", "--output", xlsx, "--coder", "Saran").code());
        try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            assertEquals("Code frequencies", wb.getSheetAt(0).getSheetName());
        }

        Run info = tamga("info", project);
        assertTrue(info.out().contains("documents  2"), info.out());
        assertTrue(info.out().contains("codings    2"), info.out());
        assertTrue(info.out().contains("coders     2"), info.out());
    }

    @Test
    void reportChartWritesABarChartAndAHeatmapAsPngAndSvg() throws Exception {
        assertEquals(0, tamga("import", project, dir.resolve("transcripts")).code());
        assertEquals(0, tamga("codebook", "import", project, Path.of("codebooks/poverty-capability-local-knowledge.qdc")).code());
        assertEquals(0, tamga("code", project, "--document", "访谈01", "--start", 17, "--end", 29, "--code", "Education and knowledge", "--coder", "Saran").code());
        assertEquals(0, tamga("code", project, "--document", "interview-02", "--start", 48, "--end", 67, "--code", "技术支持与培训").code());
        assertEquals(0, tamga("code", project, "--document", "访谈01", "--start", 0, "--end", 5, "--code", "技术支持与培训").code());

        Path png = dir.resolve("chart.png");
        Run bar = tamga("report", "chart", project, "--format", "png", "--output", png);
        assertEquals(0, bar.code(), bar.err());
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(png.toFile());
        assertTrue(bar.out().startsWith("wrote " + png + ": bar chart, 4 codes × 2 documents ("
                + image.getWidth() + " × " + image.getHeight() + " px at 300 dpi)"), bar.out());
        assertTrue(image.getWidth() > 1500, "print resolution: " + image.getWidth());

        Path small = dir.resolve("chart-96.png");
        assertEquals(0, tamga("report", "chart", project, "--format", "png", "--output", small, "--dpi", 96).code());
        int width96 = javax.imageio.ImageIO.read(small.toFile()).getWidth();
        assertEquals(Math.ceil(width96 * 300 / 96.0), image.getWidth(), 4, "the same chart, 300/96 times the pixels");

        Path svg = dir.resolve("chart.svg");
        assertEquals(0, tamga("report", "chart", project, "--format", "svg", "--output", svg).code());
        String text = Files.readString(svg, StandardCharsets.UTF_8);
        javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile()); // well-formed
        for (String half : List.of("Technical support and training", "技术支持与培训", "Education and knowledge", "教育与知识", "Capability", "可行能力")) {
            assertTrue(text.contains(half), half + " in the SVG");
        }

        Path heat = dir.resolve("heat.svg");
        Run heatmap = tamga("report", "chart", project, "--heatmap", "--format", "svg", "--output", heat, "--document", "访谈01");
        assertEquals(0, heatmap.code(), heatmap.err());
        assertTrue(heatmap.out().contains("heatmap, 4 codes × 1 documents"), "only the document named (two codes and their parents): " + heatmap.out());
        assertTrue(Files.readString(heat).contains("class=\"document\""));
        Path heatPng = dir.resolve("heat.png");
        assertEquals(0, tamga("report", "chart", project, "--heatmap", "--format", "png", "--output", heatPng, "--dpi", 150).code());
        assertNotNull(javax.imageio.ImageIO.read(heatPng.toFile()));

        Run badDpi = tamga("report", "chart", project, "--format", "png", "--output", png, "--dpi", 5);
        assertEquals(1, badDpi.code());
        assertEquals("tamga: Give --dpi between 36 and 2400 (not 5).", badDpi.err().strip());
        Run badFormat = tamga("report", "chart", project, "--format", "pdf", "--output", png);
        assertNotEquals(0, badFormat.code());
    }

    @Test
    void failuresExitNonZeroWithOneLineOnStderr() throws Exception {
        List<Run> failures = List.of(
                tamga("info", dir.resolve("missing.tamga")),
                tamga("search", project, "\"unclosed"),
                tamga("code", project, "--document", "nope", "--start", 0, "--end", 1, "--code", "x"),
                tamga("code", project, "--document", "nope"),
                tamga("new", project),
                tamga("import", project, dir.resolve("nothing-here.txt")),
                tamga("report", "frequencies", project, "--format", "pdf", "--output", dir.resolve("x.pdf")),
                tamga("import"),
                tamga("import", "qdpx", dir.resolve("transcripts/notes.pdf"), dir.resolve("new.tamga")),
                tamga("import", "qdpx", dir.resolve("missing.qdpx"), dir.resolve("new.tamga")),
                tamga("export", "qdpx", dir.resolve("missing.tamga"), dir.resolve("x.qdpx")));
        for (Run r : failures) {
            assertNotEquals(0, r.code(), r.toString());
            List<String> err = r.err().lines().filter(l -> l.startsWith("tamga: ")).toList();
            assertEquals(1, err.size(), r.err());
            assertFalse(r.err().contains("Exception"), "no stack trace: " + r.err());
        }
    }

    @Test
    void wordAndSubtitleImportsSpeakersAndDocumentMetadata() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("fieldwork 田野"));
        org.tamga.Fixtures.docx(folder.resolve("访谈05.docx"), "访谈05 牧民", "Saran",
                List.of("访谈者：草场够吗？", "受访者：草场不够，要租。", "访谈者：租谁的草场？", "受访者：邻居的。"));
        Files.writeString(folder.resolve("zoom.vtt"), "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Interviewer>Ready?\n\n"
                + "00:00:02.500 --> 00:00:04.000\n<v Dorj>Yes, the pasture is small.\n");
        Files.write(folder.resolve("broken.docx"), new byte[]{'P', 'K', 3, 4, 1, 2, 3});

        Run imp = tamga("import", project, folder);
        assertEquals(1, imp.code(), "one file failed: " + imp.out() + imp.err());
        assertTrue(imp.out().contains("imported  访谈05  (zh, 46 characters, docx, 4 turns: 访谈者 2, 受访者 2)"), imp.out());
        assertTrue(imp.out().contains("imported  zoom  (en,") && imp.out().contains("2 turns: "), imp.out());
        List<String> err = imp.err().lines().toList();
        assertEquals(1, err.size(), imp.err());
        assertTrue(err.getFirst().startsWith("tamga: Cannot import " + folder.resolve("broken.docx") + ": "), err.getFirst());
        assertTrue(imp.out().contains("2 imported, 0 already in the project, 0 skipped, 1 failed."), imp.out());

        Run speakers = tamga("speakers", project);
        assertEquals(0, speakers.code(), speakers.err());
        assertEquals("speaker\tturns\tdocuments\tcharacters", speakers.lines().getFirst());
        assertTrue(speakers.lines().contains("受访者\t2\t1\t12"), speakers.out());
        assertTrue(speakers.lines().contains("Dorj\t1\t1\t26"), speakers.out());
        assertEquals(3, tamga("speakers", project, "--document", "zoom").lines().size());

        Run doc = tamga("document", project, "访谈05");
        assertEquals(0, doc.code(), doc.err());
        assertTrue(doc.out().contains("title        访谈05 牧民"), doc.out());
        assertTrue(doc.out().contains("author       Saran"), doc.out());
        assertTrue(doc.out().contains("format       docx"), doc.out());
        assertTrue(doc.out().contains("source file  访谈05.docx  ("), doc.out());
        assertTrue(doc.out().contains("受访者\t15\t23\t\t草场不够，要租。"), doc.out());
        Run zoom = tamga("document", project, "zoom");
        assertTrue(zoom.out().contains("Dorj\t") && zoom.out().contains("00:00:02-00:00:04"), zoom.out());

        Run list = tamga("documents", project);
        assertTrue(list.lines().getFirst().endsWith("\tformat\tsize\ttitle\tauthor\tcreated\tmodified\tturns"), list.out());
        assertTrue(list.out().contains("\tdocx\t"), list.out());

        Run search = tamga("search", project, "草场", "--speaker", "受访者");
        assertEquals(2, search.lines().size(), search.out());
        assertTrue(search.lines().get(1).startsWith("访谈05\t15\t17\t草场"), search.out());

        Run renamed = tamga("speakers", "rename", project, "访谈者", "Interviewer");
        assertEquals(0, renamed.code(), renamed.err());
        assertTrue(renamed.out().contains("in 2 turns"), renamed.out());
        assertTrue(tamga("speakers", project).lines().contains("Interviewer\t3\t2\t17"), tamga("speakers", project).out());

        assertEquals(0, tamga("codebook", "import", project, Path.of("codebooks/poverty-capability-local-knowledge.qdc")).code());
        assertEquals(0, tamga("code", project, "--document", "访谈05", "--start", 15, "--end", 23, "--code", "Local knowledge").code());
        assertEquals(0, tamga("code", project, "--document", "访谈05", "--start", 4, "--end", 6, "--code", "Local knowledge").code());
        assertEquals(2, tamga("codings", project, "--speaker", "受访者").lines().size());
        assertEquals(1, tamga("codings", project, "--speaker", "Dorj").lines().size(), "header only");
        Path csv = dir.resolve("answers.csv");
        assertEquals(0, tamga("report", "frequencies", project, "--format", "csv", "--output", csv, "--speaker", "受访者").code());
        assertTrue(Files.readString(csv).lines().anyMatch(l -> l.startsWith("Local knowledge · 地方性知识,1,1,")), Files.readString(csv));

        Run unknown = tamga("search", project, "草场", "--speaker", "Nobody");
        assertEquals(1, unknown.code());
        assertTrue(unknown.err().startsWith("tamga: No speaker \u201CNobody\u201D in the project"), unknown.err());
    }

    @Test
    void qdpxExportAndImportBesideTheTranscriptImport() throws Exception {
        Run imp = tamga("import", project, dir.resolve("transcripts/访谈01.txt"), dir.resolve("transcripts/interview-02.txt"));
        assertEquals(0, imp.code(), imp.err());
        assertTrue(imp.out().contains("2 imported"), imp.out());
        assertEquals(0, tamga("codebook", "import", project, Path.of("codebooks/poverty-capability-local-knowledge.qdc")).code());
        assertEquals(0, tamga("code", project, "--document", "访谈01", "--start", 17, "--end", 29, "--code", "Education and knowledge",
                "--coder", "Saran", "--memo", "换行前").code());

        Path qdpx = dir.resolve("田野调查.qdpx");
        Run export = tamga("export", "qdpx", project, qdpx);
        assertEquals(0, export.code(), export.err());
        assertEquals("wrote " + qdpx + ": 2 documents, 28 codes, 1 codings, 1 coders, 0 memos, 0 attributes, 0 cases", export.out().strip());

        Path back = dir.resolve("back.tamga");
        Run in = tamga("import", "qdpx", qdpx, back);
        assertEquals(0, in.code(), in.err());
        List<String> lines = in.lines();
        assertTrue(lines.getFirst().startsWith("imported  田野调查.qdpx (made by Tamga") && lines.getFirst().endsWith("into back.tamga"), in.out());
        assertEquals("          2 documents, 28 codes, 1 codings, 1 coders, 0 memos, 0 attributes, 0 cases", lines.get(1));
        assertTrue(lines.get(2).startsWith("positions read as Unicode code points"), in.out());
        assertEquals("0 changed in the carrying over, 0 not carried over, 0 warnings.", lines.getLast());

        Run codings = tamga("codings", back, "--code", "Education and knowledge");
        assertTrue(codings.out().contains("访谈01\t17\t29\tEducation and knowledge · 教育与知识\tSaran\t以前是贫困户，现在脱贫了\t换行前"), codings.out());

        Run again = tamga("import", "qdpx", qdpx, back);
        assertEquals(1, again.code());
        assertEquals("tamga: back.tamga already exists; importing a QDPX file creates a new project, so choose a name that is not taken.",
                again.err().strip());
    }

    @Test
    void casesAndAttributesOfDocuments() throws Exception {
        assertEquals(0, tamga("import", project, dir.resolve("transcripts/访谈01.txt"), dir.resolve("transcripts/interview-02.txt")).code());
        Run gender = tamga("attribute", project, "--document", "访谈01", "性别", "女");
        assertEquals(0, gender.code(), gender.err());
        assertEquals("性别 (text) = 女 for the document 访谈01", gender.out().strip());
        Run age = tamga("attribute", project, "--document", "interview-02", "Age", " 054 ", "--type", "integer");
        assertEquals("Age (integer) = 54 for the document interview-02", age.out().strip());
        Run bad = tamga("attribute", project, "--document", "访谈01", "Age", "五十");
        assertEquals(1, bad.code());
        assertEquals("tamga: \u201C五十\u201D is not a value of the attribute \u201CAge\u201D (integer): give a whole number such as 42.", bad.err().strip());
        Run made = tamga("case", project, "户 12 · Household 12", "--document", "访谈01", "--document", "interview-02", "--memo", "两代人");
        assertEquals("made the case 户 12 · Household 12: 2 documents added", made.out().strip(), made.err());
        assertEquals(0, tamga("attribute", project, "--case", "户 12 · Household 12", "旗县", "Xilingol · 锡林郭勒").code());
        assertEquals(0, tamga("attribute", project, "--case", "户 12 · Household 12", "Age", "30").code());

        Run table = tamga("attributes", project);
        assertEquals("document\tcases\t性别\tAge\t旗县", table.lines().getFirst());
        assertEquals(3, table.lines().size(), table.out());
        assertTrue(table.lines().contains("访谈01\t户 12 · Household 12\t女\t30\tXilingol · 锡林郭勒"), "the case's age: " + table.out());
        assertTrue(table.lines().contains("interview-02\t户 12 · Household 12\t\t54\tXilingol · 锡林郭勒"), "its own age first: " + table.out());
        Run own = tamga("attributes", project, "--own");
        assertTrue(own.lines().contains("访谈01\t户 12 · Household 12\t女\t\t"), own.out());
        Run cases = tamga("cases", project);
        assertEquals("case\tdocuments\tattributes\tmemo", cases.lines().getFirst());
        String[] household = cases.lines().get(1).split("\t");
        assertEquals("户 12 · Household 12", household[0]);
        assertEquals(java.util.Set.of("访谈01", "interview-02"), java.util.Set.of(household[1].split("; ")));
        assertEquals("Age=30; 旗县=Xilingol · 锡林郭勒", household[2]);
        assertEquals("两代人", household[3]);
        Run doc = tamga("document", project, "interview-02");
        assertTrue(doc.lines().contains("attributes   Age = 54; 旗县 = Xilingol · 锡林郭勒 (from its case)"), doc.out());

        Path women = dir.resolve("women.csv");
        Run report = tamga("report", "frequencies", project, "--attribute", "性别=女", "--format", "csv", "--output", women);
        assertEquals(0, report.code(), report.err());
        assertTrue(report.out().strip().endsWith("× 1 documents"), "only the woman's interview: " + report.out());
        Run banner = tamga("search", project, "培训 OR training", "--attribute", "旗县=xilingol · 锡林郭勒", "--attribute", "Age=30");
        assertEquals(0, banner.code(), banner.err());
        assertTrue(banner.lines().size() > 1 && banner.lines().stream().skip(1).allMatch(l -> l.startsWith("访谈01\t")), banner.out());
        Run nobody = tamga("report", "frequencies", project, "--attribute", "Age=99", "--format", "csv", "--output", women);
        assertEquals(1, nobody.code());
        assertEquals("tamga: No document has Age = 99.", nobody.err().strip());

        Run out = tamga("case", project, "户 12 · Household 12", "--document", "访谈01", "--remove");
        assertEquals("took 1 of 1 documents out of the case 户 12 · Household 12", out.out().strip());
        assertTrue(tamga("attributes", project).lines().contains("访谈01\t\t女\t\t"), "out of the case, its values are gone");
        assertEquals(0, tamga("attribute", project, "--document", "访谈01", "性别", "").code());
        assertTrue(tamga("attributes", project).lines().contains("访谈01\t\t\t\t"), "an empty value removes it");
    }
}
