package org.tamga.cli;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tamga.core.ProjectSession;
import org.tamga.model.Code;
import org.tamga.model.Document;

import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;
import static org.tamga.cli.CliTest.tamga;

/** `tamga agreement`, end to end: the tables, the disagreements, and what it refuses. */
class AgreementCliTest {
    /** 草场退化了🐑。 [0,7) 补贴不够。 [8,13) Малчид нүүсэн. [14,28) 𠀀好 [29,31) */
    static final String TEXT = "草场退化了🐑。\n补贴不够。\nМалчид нүүсэн.\n𠀀好\n";

    @TempDir Path dir;
    Path project;

    @BeforeEach
    void project() throws Exception {
        project = dir.resolve("牧区.tamga");
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.writeString(in.resolve("访谈01.txt"), TEXT);
        assertEquals(0, tamga("new", project).code());
        assertEquals(0, tamga("import", project, in).code());
        try (ProjectSession s = ProjectSession.open(project)) {
            Document d = s.documents().resolve("访谈01");
            Code land = s.codebook().create(null, "Land · 草场", null, null);
            Code money = s.codebook().create(null, "Money, cash · 钱", null, null);
            s.coding().apply(d, 0, 7, land, "Saran");
            s.coding().apply(d, 14, 28, land, "Saran");
            s.coding().apply(d, 8, 13, money, "Saran");
            s.coding().apply(d, 0, 7, land, "Bolor");
            s.coding().apply(d, 29, 31, land, "Bolor");
            s.coding().apply(d, 8, 12, money, "Bolor");
            s.coding().apply(d, 0, 7, land, "Дорж");
        }
    }

    static List<CSVRecord> csv(Path file) throws Exception {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFF"), "CSV starts with a byte-order mark");
        return CSVFormat.RFC4180.parse(new StringReader(text.substring(1))).getRecords();
    }

    @Test
    void csvByCode() throws Exception {
        Path out = dir.resolve("agreement.csv");
        CliTest.Run run = tamga("agreement", project, "--coders", "Saran,Bolor", "--format", "csv", "--output", out);
        assertEquals(0, run.code(), run.err());
        List<CSVRecord> rows = csv(out);
        assertEquals(List.of("code", "coders", "unit", "units", "percent_agreement", "cohen_kappa", "fleiss_kappa", "krippendorff_alpha",
                "krippendorff_alpha_unitized"), rows.get(0).toList().subList(0, 9));
        assertEquals(List.of("Land · 草场", "Money, cash · 钱", "(all codes)"), rows.subList(1, 4).stream().map(r -> r.get(0)).toList());
        // characters coded by someone: 28. Land: both 7, Saran only 14, Bolor only 2, neither 5 (see AgreementServiceTest)
        assertEquals(List.of("Saran, Bolor", "character", "28", "0.4286", "0.0303"), rows.get(1).toList().subList(1, 6));
        assertTrue(run.out().startsWith("wrote " + out + ": 2 codes, 1 document (unit: character; coders: Saran, Bolor); over all codes: percent agreement "),
                run.out());

        Path tsv = dir.resolve("agreement.tsv");
        CliTest.Run tsvRun = tamga("agreement", project, "--coders", "saran,bolor", "--format", "tsv", "--output", tsv);
        assertEquals(0, tsvRun.code(), tsvRun.err());
        List<String> lines = Files.readAllLines(tsv, StandardCharsets.UTF_8);
        assertEquals(String.join("\t", rows.get(0).toList()), lines.get(0));
        assertTrue(lines.get(1).startsWith("Land · 草场\tSaran, Bolor\tcharacter\t28\t0.4286\t0.0303\t"), lines.get(1));
    }

    @Test
    void threeCodersTsvOnStandardOutputHasNoCohensKappa() {
        CliTest.Run run = tamga("agreement", project, "--coders", "Saran,Bolor,Дорж", "--codes", "Land", "--unit", "paragraph", "--format", "tsv");
        assertEquals(0, run.code(), run.err());
        List<String> lines = run.lines();
        assertEquals(3, lines.size(), run.out());
        String[] land = lines.get(1).split("\t", -1);
        // paragraphs: P0 all three, P1 none, P2 Saran, P3 Bolor
        assertEquals(List.of("Land · 草场", "Saran, Bolor, Дорж", "paragraph", "4"), List.of(land).subList(0, 4));
        assertEquals("", land[5], "Cohen's kappa is for two coders");
        assertTrue(lines.get(1).contains("Cohen's kappa is for two coders"), lines.get(1));
        assertTrue(lines.get(2).startsWith("(all codes)\t"), lines.get(2));
    }

    @Test
    void xlsxByDocumentWithACodeWhoseNameHasAComma() throws Exception {
        Path out = dir.resolve("a.xlsx");
        CliTest.Run run = tamga("agreement", project, "--coders", "Saran,Bolor", "--code", "Money, cash · 钱", "--document", "访谈01",
                "--unit", "turn", "--coverage", "part", "--by", "document", "--format", "xlsx", "--output", out);
        assertEquals(0, run.code(), run.err());
        try (InputStream in = Files.newInputStream(out); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            assertEquals("By document", wb.getSheetName(0));
            assertEquals("访谈01", wb.getSheetAt(0).getRow(1).getCell(0).getStringCellValue());
            assertEquals("Money, cash · 钱", wb.getSheetAt(0).getRow(1).getCell(1).getStringCellValue());
            // no turns: the four paragraphs; part: both coded P1
            assertEquals(1.0, wb.getSheetAt(0).getRow(1).getCell(5).getNumericCellValue(), 1e-12);
        }
    }

    @Test
    void disagreements() throws Exception {
        CliTest.Run run = tamga("agreement", project, "--coders", "SARAN,Bolor", "--disagreements");
        assertEquals(0, run.code(), run.err());
        assertEquals(List.of("document\tstart\tend\tcode\tkind\tcodings_Saran\tcodings_Bolor\tdifference\ttext",
                "访谈01\t8\t13\tMoney, cash · 钱\tboundaries\t8\u201313\t8\u201312\t1\t补贴不够。",
                "访谈01\t14\t28\tLand · 草场\tonly Saran\t14\u201328\t\t14\tМалчид нүүсэн.",
                "访谈01\t29\t31\tLand · 草场\tonly Bolor\t\t29\u201331\t2\t𠀀好"), run.lines());

        CliTest.Run tolerant = tamga("agreement", project, "--coders", "Saran,Bolor", "--disagreements", "--tolerance", "1", "--code", "钱");
        assertEquals(0, tolerant.code(), tolerant.err());
        assertEquals(1, tolerant.lines().size(), "the header only: 。 is within the tolerance; " + tolerant.out());

        Path out = dir.resolve("d.csv");
        CliTest.Run file = tamga("agreement", project, "--coders", "Saran,Bolor", "--disagreements", "--format", "csv", "--output", out);
        assertEquals(0, file.code(), file.err());
        assertEquals("wrote " + out + ": 3 passages where Saran and Bolor differ (boundaries 1, only Saran 1, only Bolor 1)", file.out().strip());
        assertEquals(4, csv(out).size());
        Path tsv = dir.resolve("d.tsv");
        assertEquals(0, tamga("agreement", project, "--coders", "Saran,Bolor", "--disagreements", "--output", tsv).code());
        assertEquals(String.join("\n", run.lines()) + "\n", Files.readString(tsv, StandardCharsets.UTF_8));
    }

    @Test
    void refusals() {
        CliTest.Run unknown = tamga("agreement", project, "--coders", "Saran,Nobody", "--format", "tsv");
        assertEquals(1, unknown.code());
        assertEquals("tamga: No coder \u201CNobody\u201D in the project (coders: Bolor, Saran, Дорж).", unknown.err().strip());
        CliTest.Run one = tamga("agreement", project, "--coders", "Saran", "--format", "tsv");
        assertEquals(1, one.code());
        assertEquals("tamga: Name at least 2 coders to compare (1 named; coders: Bolor, Saran, Дорж).", one.err().strip());
        CliTest.Run tolerance = tamga("agreement", project, "--coders", "Saran,Bolor", "--disagreements", "--tolerance", "-1");
        assertEquals(1, tolerance.code());
        assertEquals("tamga: The tolerance is a number of characters, 0 or more (not -1).", tolerance.err().strip());
        CliTest.Run three = tamga("agreement", project, "--coders", "Saran,Bolor,Дорж", "--disagreements");
        assertEquals("tamga: Disagreements compare two coders: name two with --coders (3 named).", three.err().strip());
        assertEquals("tamga: --tolerance goes with --disagreements.",
                tamga("agreement", project, "--coders", "Saran,Bolor", "--format", "tsv", "--tolerance", "2").err().strip());
        assertEquals("tamga: Give --output FILE to write csv.", tamga("agreement", project, "--coders", "Saran,Bolor", "--format", "csv").err().strip());
        assertEquals("tamga: Say which format to write: --format csv, xlsx or tsv.", tamga("agreement", project, "--coders", "Saran,Bolor").err().strip());
        assertEquals("tamga: No format \u201Cods\u201D (csv, xlsx or tsv).", tamga("agreement", project, "--coders", "Saran,Bolor", "--format", "ods").err().strip());
        assertEquals("tamga: Disagreements are written as tsv or csv.",
                tamga("agreement", project, "--coders", "Saran,Bolor", "--disagreements", "--format", "xlsx", "--output", dir.resolve("x.xlsx")).err().strip());
        assertEquals("tamga: No agreement unit \u201Csentence\u201D (units: character, turn, paragraph, document).",
                tamga("agreement", project, "--coders", "Saran,Bolor", "--format", "tsv", "--unit", "sentence").err().strip());
        assertEquals("tamga: No --by \u201Ccoder\u201D (code or document).",
                tamga("agreement", project, "--coders", "Saran,Bolor", "--format", "tsv", "--by", "coder").err().strip());
        assertEquals("tamga: No coverage \u201Cmost\u201D (whole or part).",
                tamga("agreement", project, "--coders", "Saran,Bolor", "--format", "tsv", "--coverage", "most").err().strip());
        CliTest.Run missing = tamga("agreement", dir.resolve("none.tamga"), "--coders", "Saran,Bolor", "--format", "tsv");
        assertEquals(1, missing.code());
        assertTrue(missing.err().contains("none.tamga") && missing.err().contains("no such project file"), missing.err());
        CliTest.Run help = tamga("agreement", "--help");
        assertEquals(0, help.code());
        assertTrue(help.out().startsWith("Usage: tamga agreement"), help.out());
    }
}
