package org.tamga.core;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tamga.cli.Cli;
import org.tamga.core.SearchService.Hit;
import org.tamga.core.SearchService.Request;
import org.tamga.model.Document;
import org.tamga.model.TamgaException;
import org.tamga.model.Turn;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tamga.core.SessionFixtures.importText;
import static org.tamga.core.SessionFixtures.substringRanges;
import static org.tamga.core.SessionFixtures.wordRanges;

/**
 * NOT at the level of passages (speaker turns; lines in texts without turns) and of documents,
 * NEAR/n, SAMETURN: issue 13, item 4.
 */
class PassageSearchTest {
    private static final String INTERVIEW = """
            访谈者：草场怎么样？
            受访者：草场退化了，补贴不够。
            访谈者：补贴是什么时候开始的？
            受访者：二〇一一年。现在草场还行。
            """;
    private static final String NOTES = """
            The grassland was fenced in 2011.
            The subsidy came later; the grassland ecological compensation subsidy was small.
            Nobody talked about the subsidy and the grassland together.
            """;

    @TempDir Path tmp;
    private ProjectSession session;
    private Document interview, notes;

    @BeforeEach
    void open() {
        session = ProjectSession.create(tmp.resolve("p.tamga"), tmp.resolve("cache"));
        interview = importText(session, tmp.resolve("in"), "interview", INTERVIEW);
        notes = importText(session, tmp.resolve("in"), "notes", NOTES);
        assertEquals(4, session.speakers().turns(interview).size(), "the interview has four turns");
        assertEquals(List.of(), session.speakers().turns(notes), "the notes have none: their lines are the passages");
    }

    @AfterEach
    void close() { session.close(); }

    private List<List<Integer>> hits(Document doc, Request request) {
        List<List<Integer>> out = new ArrayList<>();
        for (Hit h : session.search().search(request.inDocuments(List.of(doc))).hits()) out.add(List.of(h.start(), h.end()));
        return out;
    }

    private List<List<Integer>> hits(Document doc, String query) { return hits(doc, Request.of(query)); }

    /** The occurrences of {@code needle} inside the turn with this index. */
    private List<List<Integer>> inTurn(String needle, int turn) {
        Turn t = session.speakers().turns(interview).get(turn);
        return substringRanges(INTERVIEW, needle).stream().filter(r -> r.get(0) >= t.start() && r.get(1) <= t.end()).toList();
    }

    @Test
    void notKeepsTheHitsInTurnsWithoutTheExcludedWords() {
        List<List<Integer>> expected = new ArrayList<>(inTurn("草场", 0));
        expected.addAll(inTurn("草场", 3));
        assertEquals(expected, hits(interview, "草场 NOT 补贴"), "草场 in the first and last answers, not in the one that speaks of 补贴");
        assertEquals(expected, hits(interview, "草场 -补贴"), "-word is NOT word");
        assertEquals(3, substringRanges(INTERVIEW, "草场").size());
        // NOT of the whole document, as before
        assertEquals(List.of(), hits(interview, Request.of("草场 NOT 补贴").excludeDocuments(true)));
        assertEquals(substringRanges(INTERVIEW, "草场"), hits(interview, Request.of("草场 NOT 牧民").excludeDocuments(true)));
    }

    @Test
    void withoutTurnsAPassageIsALine() {
        List<List<Integer>> grassland = wordRanges(NOTES, "grassland");
        assertEquals(3, grassland.size());
        assertEquals(List.of(grassland.getFirst()), hits(notes, "grassland NOT subsidy"), "only the first line has no subsidy");
        assertEquals(List.of(), hits(notes, Request.of("grassland NOT subsidy").excludeDocuments(true)));
        assertEquals(grassland.subList(0, 1), hits(notes, "grassland NOT (subsidy OR together)"));
        assertEquals(grassland.subList(0, 2), hits(notes, "grassland NOT \"and the grassland\""), "a phrase excluded");
    }

    @Test
    void sameTurnKeepsTheHitsOfEitherWhereBothAre() {
        List<List<Integer>> expected = new ArrayList<>(inTurn("草场", 1));
        expected.addAll(inTurn("补贴", 1));
        expected.sort((a, b) -> a.get(0) - b.get(0));
        assertEquals(expected, hits(interview, "草场 SAMETURN 补贴"));
        assertEquals(expected, hits(interview, "补贴 SAMETURN 草场"));
        assertEquals(List.of(), hits(interview, "草场 SAMETURN 开始"));
        // lines of the notes: the second and third lines have both
        List<List<Integer>> lines = hits(notes, "grassland SAMETURN subsidy");
        assertEquals(wordRanges(NOTES, "grassland").size() - 1 + wordRanges(NOTES, "subsidy").size(), lines.size());
    }

    @Test
    void nearFindsWordsWithinNWordsInEitherOrder() {
        // "grassland ecological compensation subsidy" and "the subsidy and the grassland": two words between
        List<List<Integer>> near2 = hits(notes, "grassland NEAR/2 subsidy");
        assertEquals(2, near2.size());
        int start = NOTES.indexOf("grassland ecological"), end = NOTES.indexOf("subsidy was") + "subsidy".length();
        assertEquals(List.of(NOTES.codePointCount(0, start), NOTES.codePointCount(0, end)), near2.getFirst());
        int reversed = NOTES.indexOf("subsidy and the grassland");
        assertEquals(List.of(reversed, reversed + "subsidy and the grassland".length()), near2.get(1), "either order");
        assertEquals(List.of(), hits(notes, "grassland NEAR/1 subsidy"));
        assertEquals(near2, hits(notes, "subsidy NEAR/2 grassland"));
        assertEquals(near2.subList(0, 1), hits(notes, "\"grassland subsidy\"~2"), "beside the sloppy phrase, which keeps the order");
        // Chinese: characters. 草场退化了，补贴: three characters and the comma between
        assertEquals(List.of(), hits(interview, "草场 NEAR/3 补贴"));
        assertEquals(1, hits(interview, "草场 NEAR/4 补贴").size());
        assertEquals(2, hits(notes, "(grassland OR fenced) NEAR/0 was").size(), "groups with OR (grassland was, was fenced)");
        assertEquals(2, hits(notes, "grass* NEAR/0 (was OR together)").size());
    }

    @Test
    void malformedPassageQueriesSayWhatWorks() {
        for (String q : List.of("草场 NEAR 补贴", "草场 NEAR/ 补贴", "草场 SAMETURN", "NOT 补贴", "草场 NOT", "(a AND b) NEAR/2 c", "-补贴")) {
            TamgaException e = assertThrows(TamgaException.class, () -> hits(interview, q), q);
            assertTrue(e.getMessage().contains(q), e.getMessage());
        }
    }

    private record Run(int code, String out, String err) {}

    private static Run cli(Object... args) {
        java.io.StringWriter out = new java.io.StringWriter(), err = new java.io.StringWriter();
        int code = Cli.run(java.util.Arrays.stream(args).map(String::valueOf).toArray(String[]::new), new java.io.PrintWriter(out), new java.io.PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void theCommandLineTakesExcludeDocumentsAndAsWritten() {
        Path project = session.file();
        session.close();
        var passages = cli("search", project, "草场 NOT 补贴");
        assertEquals(0, passages.code(), passages.err());
        assertEquals(1 + 2, passages.out().lines().count(), passages.out());
        var documents = cli("search", project, "草场 NOT 补贴", "--exclude-documents");
        assertEquals(1, documents.out().lines().count(), documents.out());
        var traditional = cli("search", project, "草場");
        assertEquals(1 + 3, traditional.out().lines().count(), traditional.out());
        var asWritten = cli("search", project, "草場", "--no-simplified-traditional");
        assertEquals(1, asWritten.out().lines().count(), asWritten.out());
        session = ProjectSession.open(project, tmp.resolve("cache"));
    }
}
