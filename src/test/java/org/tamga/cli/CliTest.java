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
    void failuresExitNonZeroWithOneLineOnStderr() throws Exception {
        List<Run> failures = List.of(
                tamga("info", dir.resolve("missing.tamga")),
                tamga("search", project, "\"unclosed"),
                tamga("code", project, "--document", "nope", "--start", 0, "--end", 1, "--code", "x"),
                tamga("code", project, "--document", "nope"),
                tamga("new", project),
                tamga("import", project, dir.resolve("nothing-here.txt")),
                tamga("report", "frequencies", project, "--format", "pdf", "--output", dir.resolve("x.pdf")));
        for (Run r : failures) {
            assertNotEquals(0, r.code(), r.toString());
            List<String> err = r.err().lines().filter(l -> l.startsWith("tamga: ")).toList();
            assertEquals(1, err.size(), r.err());
            assertFalse(r.err().contains("Exception"), "no stack trace: " + r.err());
        }
    }
}
