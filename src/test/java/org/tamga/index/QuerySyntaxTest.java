package org.tamga.index;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tamga.core.ProjectSession;
import org.tamga.core.SearchService;
import org.tamga.core.SearchService.Hit;
import org.tamga.core.SearchService.Request;
import org.tamga.model.Document;
import org.tamga.model.TamgaException;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tamga.core.SessionFixtures.cpSubstring;
import static org.tamga.core.SessionFixtures.importText;
import static org.tamga.core.SessionFixtures.substringRanges;
import static org.tamga.core.SessionFixtures.wordRanges;

/** The query syntax: AND by default, phrases, OR, NOT, wildcards, fuzzy, proximity, restriction, errors, KWIC. */
class QuerySyntaxTest {
    private static final String A = """
            Interviewer: When did the grassland subsidy start?
            Herders: In 2011. Training on fencing helped. Sheep and goats graze the grassland in summer.
            """;
    private static final String B = """
            We trained young herders last year.
            The grassland ecological compensation subsidy was small, said the herder.
            """;
    private static final String C = """
            Camels and sheep walk far. No subsidy reached this bag.
            The trainer came in winter.
            """;
    private static final String D = "问：草场补贴发放了吗？\n答：发放了。牧民说草场退化严重，补贴不够。\n";
    private static final String E = "Малчин айл бэлчээрээ сэлгэдэг. МАЛЧИН бүр мэднэ.\n";

    @TempDir Path tmp;
    private ProjectSession session;
    private Document a, b, c, d, e;

    @BeforeEach
    void open() {
        session = ProjectSession.create(tmp.resolve("p.tamga"), tmp.resolve("cache"));
        Path in = tmp.resolve("in");
        a = importText(session, in, "a", A);
        b = importText(session, in, "b", B);
        c = importText(session, in, "c", C);
        d = importText(session, in, "d", D);
        e = importText(session, in, "e", E);
    }

    @AfterEach
    void close() { session.close(); }

    private List<Hit> search(String query) { return session.search().search(Request.of(query)).hits(); }

    private Set<String> docs(String query) {
        return search(query).stream().map(h -> h.document().name()).collect(Collectors.toCollection(TreeSet::new));
    }

    private Set<String> matches(String query) {
        return search(query).stream().map(Hit::match).collect(Collectors.toCollection(TreeSet::new));
    }

    private String text(Document doc) { return session.documents().text(doc); }

    @Test
    void wordsAreCombinedWithAnd() {
        assertEquals(Set.of("a", "b"), docs("grassland subsidy"), "C has subsidy but no grassland");
        assertEquals(Set.of("a", "b", "c"), docs("subsidy"));
        // every hit is one of the words, and every occurrence in a matching document is a hit
        List<Hit> hits = search("grassland subsidy");
        int expected = wordRanges(A, "grassland").size() + wordRanges(A, "subsidy").size()
                + wordRanges(B, "grassland").size() + wordRanges(B, "subsidy").size();
        assertEquals(expected, hits.size());
        for (Hit h : hits) assertTrue(Set.of("grassland", "subsidy").contains(h.match()), h.match());
        assertEquals(Set.of("d"), docs("草场 牧民"));
        assertEquals(Set.of(), docs("草场 camels"));
    }

    @Test
    void quotedPhraseMatchesOnlyTheWordsSideBySide() {
        List<Hit> hits = search("\"grassland subsidy\"");
        assertEquals(1, hits.size());
        Hit h = hits.getFirst();
        assertEquals(a.id(), h.document().id());
        assertEquals("grassland subsidy", h.match());
        assertEquals(wordRanges(A, "grassland subsidy").getFirst(), List.of(h.start(), h.end()));
        assertEquals(Set.of(), docs("\"subsidy grassland\""), "word order matters in a phrase");

        List<Hit> zh = search("\"草场补贴\"");
        assertEquals(1, zh.size());
        assertEquals(substringRanges(D, "草场补贴").getFirst(), List.of(zh.getFirst().start(), zh.getFirst().end()));
    }

    @Test
    void orNeedsEitherWord() {
        assertEquals(Set.of("a", "c"), docs("camels OR fencing"));
        assertEquals(Set.of("Camels", "fencing"), matches("camels OR fencing"));
        assertEquals(Set.of("c", "d"), docs("camels OR 牧民"));
    }

    @Test
    void notExcludesDocuments() {
        assertEquals(Set.of("c"), docs("subsidy NOT grassland"));
        assertEquals(Set.of("c"), docs("subsidy -grassland"));
        assertEquals(Set.of("subsidy"), matches("subsidy NOT grassland"), "the excluded word yields no hits");
        assertEquals(Set.of("a"), docs("grassland NOT herder"));
    }

    @Test
    void wildcards() {
        assertEquals(Set.of("Training", "trained", "trainer"), matches("train*"));
        assertEquals(Set.of("Sheep", "sheep"), matches("sh??p"));
        assertEquals(Set.of("goats"), matches("goat?"));
        assertEquals(Set.of(), matches("goat?s"), "? stands for exactly one character");
        assertEquals(Set.of("Herders", "herders", "herder"), matches("*herder*"), "leading wildcard is allowed");
        for (Hit h : search("train*")) {
            assertEquals(h.match(), cpSubstring(text(h.document()), h.start(), h.end()));
        }
    }

    @Test
    void fuzzyFindsNearSpellings() {
        assertEquals(Set.of(), matches("herdr"), "without ~ the misspelling finds nothing");
        Set<String> fuzzy = matches("herdr~");
        assertFalse(fuzzy.isEmpty());
        assertTrue(fuzzy.contains("herder"), fuzzy.toString());
        for (String m : fuzzy) assertTrue(m.toLowerCase(Locale.ROOT).startsWith("herd"), "fuzzy hit " + m);
        assertEquals(Set.of("Camels"), matches("camals~1"));
        assertEquals(Set.of(), matches("cxmxls~1"), "two edits are more than ~1 allows");
    }

    @Test
    void proximityAllowsWordsBetweenWhereThePhraseDoesNot() {
        assertEquals(Set.of("a"), docs("\"grassland subsidy\""));
        assertEquals(Set.of("a", "b"), docs("\"grassland subsidy\"~5"));
        assertEquals(Set.of("a"), docs("\"grassland subsidy\"~1"), "two words between are more than ~1");
        Hit inB = search("\"grassland subsidy\"~5").stream().filter(h -> h.document().id() == b.id()).findFirst().orElseThrow();
        assertEquals("grassland ecological compensation subsidy", inB.match());
        assertEquals(wordRanges(B, "grassland").getFirst().get(0), inB.start());
        assertEquals(wordRanges(B, "subsidy").getFirst().get(1), inB.end());
    }

    @Test
    void searchIgnoresCase() {
        List<List<Integer>> lower = positions(search("grassland"));
        assertEquals(3, lower.size());
        assertEquals(lower, positions(search("GRASSLAND")));
        assertEquals(lower, positions(search("Grassland")));
        assertEquals(positions(search("train*")), positions(search("TRAIN*")), "wildcard terms are folded too");
        assertEquals(Set.of("Малчин", "МАЛЧИН"), matches("малчин"));
        assertEquals(positions(search("малчин")), positions(search("мАЛЧИН")));
        assertEquals(Set.of("Sheep", "sheep"), matches("SHEEP"));
    }

    private static List<List<Integer>> positions(List<Hit> hits) {
        return hits.stream().map(h -> List.of((int) h.document().id(), h.start(), h.end()))
                .sorted((x, y) -> x.toString().compareTo(y.toString())).toList();
    }

    @Test
    void restrictionToDocuments() {
        List<Hit> inB = session.search().search(Request.of("grassland").inDocuments(List.of(b))).hits();
        assertEquals(wordRanges(B, "grassland").size(), inB.size());
        assertTrue(inB.stream().allMatch(h -> h.document().id() == b.id()));

        var res = session.search().search(Request.of("subsidy").inDocuments(List.of(a, c)));
        assertEquals(Set.of(a.id(), c.id()), res.hits().stream().map(h -> h.document().id()).collect(Collectors.toSet()));
        assertEquals(2, res.documents());
        assertEquals(List.of(), session.search().search(Request.of("subsidy").inDocuments(List.of(d, e))).hits());
        assertEquals(Set.of("a", "b", "c"), docs("subsidy"), "an empty restriction means all documents");
    }

    @Test
    void malformedQueriesThrowAMessageNamingTheQuery() {
        for (String q : List.of("草场 AND", "\"unclosed", "grassland AND (subsidy", "OR", "subsidy~~", "[a TO")) {
            TamgaException ex = assertThrows(TamgaException.class, () -> search(q), q);
            assertTrue(ex.getMessage().contains(q), "message should quote " + q + ": " + ex.getMessage());
        }
        assertThrows(TamgaException.class, () -> search("   "));
    }

    @Test
    void kwicContextHasAtMostNCodePointsAndNoLineBreak() {
        String text = "𠀀𠀀🐑 first line\nthe grassland 🐑𪚥 subsidy\n\n𪚥\tgrassland\n🐑🐑🐑🐑🐑🐑🐑🐑🐑🐑🐑🐑 grassland 𪚥𪚥𪚥𪚥𪚥𪚥𪚥𪚥𪚥𪚥𪚥𪚥𪚥𪚥";
        Document k = importText(session, tmp.resolve("in"), "kwic", text);
        for (int n : new int[]{0, 1, 3, 10, 40}) {
            List<Hit> hits = session.search().search(Request.of("grassland OR subsidy").inDocuments(List.of(k)).context(n)).hits();
            assertEquals(4, hits.size());
            for (Hit h : hits) {
                String left = h.context().left(), right = h.context().right();
                assertTrue(left.codePointCount(0, left.length()) <= n, "left " + left + " for N=" + n);
                assertTrue(right.codePointCount(0, right.length()) <= n, "right " + right + " for N=" + n);
                for (String part : List.of(left, h.context().match(), right, h.context().line())) {
                    assertFalse(part.contains("\n") || part.contains("\r") || part.contains("\t"), "line break in KWIC: " + part);
                }
                // the N code points on either side, line breaks as spaces, without white space at the outer ends
                String expectedLeft = cpSubstring(text, Math.max(0, h.start() - n), h.start()).replaceAll("[\n\t]", " ").stripLeading();
                assertEquals(expectedLeft, left, "left, N=" + n);
                String expectedRight = cpSubstring(text, h.end(), Math.min(k.length(), h.end() + n)).replaceAll("[\n\t]", " ").stripTrailing();
                assertEquals(expectedRight, right, "right, N=" + n);
                assertEquals(left + h.match() + right, h.context().line());
            }
        }
    }

    /**
     * Vertical tab and form feed (Word's manual line and page breaks), NEL, and the Unicode line
     * and paragraph separators break lines too; the KWIC line must not contain them.
     * <p>Fails on the current Kwic, which flattens only \n, \r and \t: see the report.
     */
    @Test
    void kwicFlattensEveryKindOfLineBreak() {
        String text = "one\u000Btwo\u000Cthree\u0085four\u2028five\u2029grassland\u2028six\u000Bseven\u0085eight\u000Cnine";
        Document k = importText(session, tmp.resolve("in"), "breaks", text);
        List<Hit> hits = session.search().search(Request.of("grassland").inDocuments(List.of(k)).context(40)).hits();
        assertEquals(1, hits.size());
        String line = hits.getFirst().context().line();
        assertEquals(text.length(), line.length(), "every break is replaced one for one");
        assertTrue(line.chars().noneMatch(ch -> ch == 0x0B || ch == 0x0C || ch == 0x85 || ch == 0x2028 || ch == 0x2029 || ch == '\n' || ch == '\r'),
                "line break in KWIC: " + line.chars().mapToObj(Integer::toHexString).toList());
    }
}
