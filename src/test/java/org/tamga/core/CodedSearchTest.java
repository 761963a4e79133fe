package org.tamga.core;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tamga.core.SearchService.Hit;
import org.tamga.core.SearchService.Request;
import org.tamga.model.Code;
import org.tamga.model.Coding;
import org.tamga.model.Document;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tamga.core.SessionFixtures.importText;
import static org.tamga.core.SessionFixtures.substringRanges;
import static org.tamga.core.SessionFixtures.wordRanges;

/** Searching within (or outside) what has been coded with a code or the codes below it. */
class CodedSearchTest {
    // characters outside the BMP first, so that code points and UTF-16 indices differ
    private static final String T1 = "🐑𠀀 Q: How is the clinic? A: The clinic is far. We go to the clinic in town.\n"
            + "The doctor at the clinic is good. Health is a worry; the clinic closed in winter.\n"
            + "医院很远，看病难。医院的医生很好。";
    private static final String T2 = "𪚥 The clinic opened. Our clinic is new. 医院在苏木。";

    @TempDir Path tmp;
    private ProjectSession session;
    private Document d1, d2;
    private Code health, access, livelihood;
    /** Expected ranges coded with Health or its child, per document id. */
    private final List<long[]> healthCodings = new ArrayList<>();
    private final List<long[]> accessCodings = new ArrayList<>();

    @BeforeEach
    void setUp() {
        session = ProjectSession.create(tmp.resolve("p.tamga"), tmp.resolve("cache"));
        d1 = importText(session, tmp.resolve("in"), "saran-01", T1);
        d2 = importText(session, tmp.resolve("in"), "saran-02", T2);
        health = session.codebook().create(null, "Health · 健康", null, null);
        access = session.codebook().create(health.id(), "Clinic access", null, null);
        livelihood = session.codebook().create(null, "Livelihood · 生计", null, null);

        List<List<Integer>> clinic1 = wordRanges(T1, "clinic");
        List<List<Integer>> clinic2 = wordRanges(T2, "clinic");
        assertEquals(5, clinic1.size());
        assertEquals(2, clinic2.size());
        // clinic #1 (d1): only an unrelated code
        code(d1, clinic1.get(0).get(0) - 4, clinic1.get(0).get(1) + 1, livelihood, "Saran");
        // clinic #2: inside a longer passage coded with Health
        int sentence = T1.codePointCount(0, T1.indexOf("A: The clinic is far."));
        code(d1, sentence, sentence + "A: The clinic is far.".length(), health, "Saran");
        // clinic #3: a Health coding that ends exactly where the word starts (end exclusive: no overlap)
        code(d1, clinic1.get(2).get(0) - 7, clinic1.get(2).get(0), health, "Saran");
        // clinic #4: exactly the word, coded with the child code by another coder
        code(d1, clinic1.get(3).get(0), clinic1.get(3).get(1), access, "Bat");
        // clinic #5: a Health coding that overlaps only the word's last character
        code(d1, clinic1.get(4).get(1) - 1, clinic1.get(4).get(1) + 8, health, "Saran");
        // first 医院: only its second character is coded with Health
        int yiyuan = substringRanges(T1, "医院").getFirst().get(0);
        code(d1, yiyuan + 1, yiyuan + 2, health, "Saran");
        // d2: clinic #1 coded with the child, clinic #2 with an unrelated code
        code(d2, clinic2.get(0).get(0), clinic2.get(0).get(1), access, "Saran");
        code(d2, clinic2.get(1).get(0), clinic2.get(1).get(1), livelihood, "Saran");
        // a Health coding in d2 at positions where d1 has an uncoded clinic (#1): must not leak across documents
        int p = clinic1.get(0).get(0);
        assertTrue(p + 6 <= d2.length());
        code(d2, p, p + 6, health, "Saran");
    }

    private Coding code(Document doc, int start, int end, Code code, String coder) {
        Coding c = session.coding().apply(doc, start, end, code, coder);
        assertEquals(start, c.start());
        assertEquals(end, c.end());
        if (code.id() == health.id() || code.id() == access.id()) healthCodings.add(new long[]{doc.id(), start, end});
        if (code.id() == access.id()) accessCodings.add(new long[]{doc.id(), start, end});
        return c;
    }

    @AfterEach
    void close() { session.close(); }

    private List<Hit> search(Request r) { return session.search().search(r).hits(); }

    private static String key(Hit h) { return h.document().name() + "@" + h.start() + "-" + h.end(); }

    private static Set<String> keys(List<Hit> hits) {
        Set<String> out = new HashSet<>();
        for (Hit h : hits) assertTrue(out.add(key(h)), "duplicate hit " + key(h));
        return out;
    }

    private static boolean overlaps(Hit h, List<long[]> codings) {
        for (long[] c : codings) if (c[0] == h.document().id() && c[1] < h.end() && h.start() < c[2]) return true;
        return false;
    }

    @Test
    void codedWithKeepsHitsOverlappingTheCodeOrItsChildren() {
        List<Hit> all = search(Request.of("clinic"));
        assertEquals(7, all.size());
        List<Hit> coded = search(Request.of("clinic").codedWith(health));
        Set<String> expected = new HashSet<>();
        for (Hit h : all) if (overlaps(h, healthCodings)) expected.add(key(h));
        assertEquals(4, expected.size(), "fixture: clinic #2, #4, #5 of d1 and #1 of d2");
        assertEquals(expected, keys(coded));

        List<List<Integer>> c1 = wordRanges(T1, "clinic");
        Set<String> explicit = Set.of("saran-01@" + c1.get(1).get(0) + "-" + c1.get(1).get(1),
                "saran-01@" + c1.get(3).get(0) + "-" + c1.get(3).get(1),
                "saran-01@" + c1.get(4).get(0) + "-" + c1.get(4).get(1),
                "saran-02@" + wordRanges(T2, "clinic").getFirst().get(0) + "-" + wordRanges(T2, "clinic").getFirst().get(1));
        assertEquals(explicit, keys(coded));
    }

    @Test
    void codedWithAChildDoesNotIncludeTheParentsCodings() {
        List<Hit> coded = search(Request.of("clinic").codedWith(access));
        Set<String> expected = new HashSet<>();
        for (Hit h : search(Request.of("clinic"))) if (overlaps(h, accessCodings)) expected.add(key(h));
        assertEquals(2, expected.size());
        assertEquals(expected, keys(coded));
    }

    @Test
    void codedWithWorksOnChinesePositions() {
        List<Hit> all = search(Request.of("医院"));
        assertEquals(3, all.size());
        List<Hit> coded = search(Request.of("医院").codedWith(health));
        assertEquals(1, coded.size(), "only the first 医院 of d1 has a coded character");
        assertEquals(d1.id(), coded.getFirst().document().id());
        assertEquals(substringRanges(T1, "医院").getFirst(), List.of(coded.getFirst().start(), coded.getFirst().end()));
        assertEquals(2, search(Request.of("医院").notCodedWith(health)).size());
    }

    @Test
    void notCodedWithKeepsTheOthers() {
        List<Hit> all = search(Request.of("clinic"));
        List<Hit> uncoded = search(Request.of("clinic").notCodedWith(health));
        Set<String> expected = new HashSet<>();
        for (Hit h : all) if (!overlaps(h, healthCodings)) expected.add(key(h));
        assertEquals(3, expected.size(), "fixture: clinic #1, #3 of d1 (the touching coding does not count) and #2 of d2");
        assertEquals(expected, keys(uncoded));
    }

    @Test
    void codedAndNotCodedPartitionAllHits() {
        for (String q : List.of("clinic", "医院", "clinic OR 医院", "the", "clinic OR health OR 医生")) {
            for (Code code : List.of(health, access, livelihood)) {
                Set<String> all = keys(search(Request.of(q)));
                Set<String> in = keys(search(Request.of(q).codedWith(code)));
                Set<String> out = keys(search(Request.of(q).notCodedWith(code)));
                assertFalse(all.isEmpty(), q);
                Set<String> both = new HashSet<>(in);
                both.retainAll(out);
                assertEquals(Set.of(), both, "coded and not coded overlap for " + q + " / " + code.name());
                Set<String> union = new HashSet<>(in);
                union.addAll(out);
                assertEquals(all, union, "coded + not coded = all for " + q + " / " + code.name());
            }
        }
    }

    @Test
    void filtersCombineWithDocumentsAndLimit() {
        List<Hit> inD1 = search(Request.of("clinic").codedWith(health).inDocuments(List.of(d1)));
        assertEquals(3, inD1.size());
        assertTrue(inD1.stream().allMatch(h -> h.document().id() == d1.id()));

        var limited = session.search().search(Request.of("clinic").codedWith(health).limit(2));
        assertEquals(2, limited.hits().size());
        assertTrue(limited.truncated());
        for (Hit h : limited.hits()) assertTrue(overlaps(h, healthCodings), "limited hit must still be coded: " + key(h));

        var notLimited = session.search().search(Request.of("clinic").codedWith(health).limit(4));
        assertEquals(4, notLimited.hits().size());
    }

    @Test
    void removingACodingMovesTheHitToNotCoded() {
        List<List<Integer>> c1 = wordRanges(T1, "clinic");
        Coding onFourth = session.coding().ofDocument(d1).stream()
                .filter(c -> c.codeId() == access.id() && c.start() == c1.get(3).get(0)).findFirst().orElseThrow();
        String fourth = "saran-01@" + c1.get(3).get(0) + "-" + c1.get(3).get(1);
        assertTrue(keys(search(Request.of("clinic").codedWith(health))).contains(fourth));
        session.coding().remove(onFourth);
        assertFalse(keys(search(Request.of("clinic").codedWith(health))).contains(fourth));
        assertTrue(keys(search(Request.of("clinic").notCodedWith(health))).contains(fourth));
    }
}
