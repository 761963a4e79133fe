package org.tamga.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tamga.core.ProjectSession;
import org.tamga.model.Code;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;
import static org.tamga.cli.CliTest.tamga;

/** {@code tamga codebook history}: how the codebook evolved, by whom and when (ADR 46). */
class CodebookHistoryCliTest {
    static final String MONGOLIAN = "ᠮᠠᠯᠴᠢᠨ\u202Fᠤ ᠠᠮᠢᠳᠤᠷᠠᠯ";
    static final String TIME = "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d";
    @TempDir Path dir;

    /** A project whose codebook Dolgor and Батбаяр changed: a rename, a definition, a colour, a move, a deletion. */
    private Path project() {
        Path p = dir.resolve("团队.tamga");
        try (ProjectSession s = ProjectSession.create(p, dir.resolve("cache"))) {
            s.setCoder("Dolgor");
            Code f = s.codebook().create(null, "Fatalism", null, null);
            s.codebook().rename(f.id(), "Fatalism (宿命论)");
            s.setCoder("Батбаяр");
            Code m = s.codebook().create(null, MONGOLIAN, null, "#112233");
            s.codebook().describe(m.id(), "=HYPERLINK(\"x\") 牧民的生活\nsecond line 🐎");
            s.codebook().recolour(m.id(), "#445566");
            s.codebook().move(m.id(), f.id());
            Code t = s.codebook().create(null, "Temporary 🗑", null, null);
            s.codebook().delete(t.id());
        }
        return p;
    }

    @Test
    void theHistoryIsPrintedOneChangeALineOldestFirstWithTheCodeTheCoderAndTheTime() {
        Path p = project();
        CliTest.Run all = tamga("codebook", "history", p);
        assertEquals(0, all.code(), all.err());
        List<String> lines = all.lines();
        assertTrue(lines.getFirst().matches("History of the codebook of 团队, kept since " + TIME + ": 8 changes\\."), lines.getFirst());
        List<String> changes = lines.subList(1, lines.size()).stream().map(l -> l.substring(16)).toList();
        assertTrue(lines.subList(1, lines.size()).stream().allMatch(l -> l.matches(TIME + "  .*")), all.out());
        assertEquals(List.of(
                "  Dolgor  Fatalism (宿命论)  created  \"Fatalism\"",
                "  Dolgor  Fatalism (宿命论)  renamed  \"Fatalism\" → \"Fatalism (宿命论)\"",
                "  Батбаяр  Fatalism (宿命论) › " + MONGOLIAN + "  created  \"" + MONGOLIAN + "\"",
                "  Батбаяр  Fatalism (宿命论) › " + MONGOLIAN + "  definition changed  (none) → \"=HYPERLINK(\"x\") 牧民的生活 second line 🐎\"",
                "  Батбаяр  Fatalism (宿命论) › " + MONGOLIAN + "  recoloured  \"#112233\" → \"#445566\"",
                "  Батбаяр  Fatalism (宿命论) › " + MONGOLIAN + "  moved  (top level) → \"Fatalism (宿命论)\"",
                "  Батбаяр  Temporary 🗑 (deleted)  created  \"Temporary 🗑\"",
                "  Батбаяр  Temporary 🗑 (deleted)  deleted  \"Temporary 🗑\""), changes);

        CliTest.Run one = tamga("codebook", "history", p, "--code", "Fatalism (宿命论)");
        assertEquals(0, one.code(), one.err());
        assertTrue(one.lines().getFirst().matches("History of “Fatalism \\(宿命论\\)”, kept since " + TIME + ": 2 changes\\."), one.out());
        assertTrue(one.lines().get(2).matches(TIME + "  Dolgor  renamed  \"Fatalism\" → \"Fatalism \\(宿命论\\)\""), one.lines().get(2));
        assertEquals(3, one.lines().size());

        LocalDate today = LocalDate.now(ZoneId.systemDefault());
        CliTest.Run none = tamga("codebook", "history", p, "--since", today.plusDays(1));
        assertEquals(1, none.lines().size(), none.out());
        assertTrue(none.lines().getFirst().endsWith("; changes from " + today.plusDays(1) + ": 0 changes."), none.out());
        assertEquals(9, tamga("codebook", "history", p, "--since", today.minusDays(1)).lines().size());

        Path text = dir.resolve("历史.txt");
        CliTest.Run written = tamga("codebook", "history", p, "--output", text);
        assertEquals("wrote " + text + ": 8 changes", written.out().strip());
        assertEquals(all.out(), readString(text));
    }

    @Test
    void theCsvHasEveryValueInFullNeutralisedForSpreadsheets() {
        Path p = project();
        Path csv = dir.resolve("history 历史.csv");
        CliTest.Run r = tamga("codebook", "history", p, "--format", "csv", "--output", csv, "--code", MONGOLIAN);
        assertEquals(0, r.code(), r.err());
        assertEquals("wrote " + csv + ": 4 changes", r.out().strip());
        String content = readString(csv);
        assertTrue(content.startsWith("\uFEFFtime_utc,coder,code,event,old_value,new_value,from,code_guid,event_guid\r\n"), content);
        assertTrue(content.contains(",Батбаяр,Fatalism (宿命论) › " + MONGOLIAN + ",definition changed,,\"'=HYPERLINK(\"\"x\"\") 牧民的生活\nsecond line 🐎\","),
                "the whole definition, its formula made harmless: " + content);
        assertTrue(content.lines().skip(1).findFirst().orElseThrow().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z,.*"), content);
    }

    @Test
    void badOptionsGetOneLineNamingTheProblemAndTheProjectIsNotChanged() throws Exception {
        Path p = project();
        byte[] before = Files.readAllBytes(p);
        CliTest.Run date = tamga("codebook", "history", p, "--since", "2026-13-01");
        assertNotEquals(0, date.code());
        assertTrue(date.err().contains("--since takes a day as YYYY-MM-DD") && date.err().contains("2026-13-01"), date.err());
        CliTest.Run csv = tamga("codebook", "history", p, "--format", "csv");
        assertTrue(csv.err().contains("Give --output FILE to write csv."), csv.err());
        CliTest.Run xml = tamga("codebook", "history", p, "--format", "xml");
        assertTrue(xml.err().contains("No format “xml” (text or csv)."), xml.err());
        CliTest.Run code = tamga("codebook", "history", p, "--code", "Temporary 🗑");
        assertTrue(code.err().contains("No code “Temporary 🗑” in the codebook"), code.err());
        for (CliTest.Run r : List.of(date, csv, xml, code)) {
            assertNotEquals(0, r.code());
            assertEquals(1, r.err().lines().filter(l -> l.startsWith("tamga: ")).count(), r.err());
        }
        assertArrayEquals(before, Files.readAllBytes(p));
    }

    @Test
    void theCoderOfACodebookImportAndOfAMergeIsTheOneNamed() throws Exception {
        Path a = dir.resolve("a.tamga");
        assertEquals(0, tamga("new", a).code());
        assertEquals(0, tamga("codebook", "import", a, Path.of("codebooks/poverty-capability-local-knowledge.qdc"), "--coder", "Saran").code());
        CliTest.Run imported = tamga("codebook", "history", a, "--code", "宿命论与当下取向");
        assertTrue(imported.lines().get(1).matches(TIME + "  Saran  created  \"Fatalism and present orientation · 宿命论与当下取向\"  \\(from poverty-capability-local-knowledge\\.qdc\\)"),
                imported.out());
        Path b = Files.copy(a, dir.resolve("b.tamga"));
        try (ProjectSession s = ProjectSession.open(b, dir.resolve("cache"))) {
            s.setCoder("Bilguun");
            s.codebook().rename(s.codebook().resolve("宿命论与当下取向").id(), "Fate · 命运");
        }
        CliTest.Run merged = tamga("merge", a, b, "--coder", "Dolgor 🐎");
        assertEquals(0, merged.code(), merged.err());
        assertTrue(merged.lines().contains(String.format(java.util.Locale.ROOT, "  code history events  %6d added   %6d already there", 2, countCodes(a))),
                "the rename and what the merge kept; the codes' making both copies had: " + merged.out());
        List<String> h = tamga("codebook", "history", a, "--code", "宿命论与当下取向").lines();
        assertEquals(4, h.size(), String.join("\n", h));
        String name = "Fatalism and present orientation · 宿命论与当下取向";
        assertTrue(h.get(2).matches(TIME + "  Bilguun  renamed  \"" + name + "\" → \"Fate · 命运\""), h.get(2));
        assertTrue(h.get(3).matches(TIME + "  Dolgor 🐎  name kept in merge  \"" + name + "\", not \"Fate · 命运\"  \\(from b\\.tamga\\)"), h.get(3));
    }

    private int countCodes(Path p) {
        try (ProjectSession s = ProjectSession.open(p, dir.resolve("cache"))) { return s.codebook().codebook().size(); }
    }

    private static String readString(Path f) {
        try {
            return Files.readString(f, StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
