package org.tamga.core;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tamga.model.Attribute;
import org.tamga.model.Code;
import org.tamga.model.Document;
import org.tamga.model.TamgaException;
import org.tamga.report.Cooccurrence;
import org.tamga.report.Crosstab;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Co-occurrence and crosstabs on a small project whose every number was counted by hand.
 *
 * <pre>
 * d1 (speaker turns; paragraphs are lines):
 *   1 Interviewer: How many people live here?        turn T1
 *   2 Herder: Five of us. We wait for help.          turn T2 (lines 2 and 3)
 *   3 We know the grass well.
 *   4 Interviewer: And school?                       turn T3
 *   5 Herder: School matters 🐎 a lot.               turn T4 (🐎 is one code point outside the BMP)
 * d2 (no turns):
 *   1 草场退化了。我们等待帮助。
 *   2 我们懂得草场。
 * d3: no codings, no attribute values, in no case.
 *
 * codes: Capability › Education; Dependency; Local knowledge
 * codings (code, coder, passage):
 *   c1 Dependency  Alice "We wait for help."            d1 line 2            17 chars
 *   c2 Local       Alice "We know the grass well."      d1 line 3            23 chars
 *   c3 Dependency  Bob   "wait for help.\nWe know"      d1 lines 2–3         22 chars; overlaps c1 (same code) and c2
 *   c4 Education   Alice "School matters 🐎 a lot."     d1 line 5            23 chars
 *   c5 Capability  Bob   "Five of us."                  d1 line 2            1 space before c1
 *   c6 Local       Bob   "matters 🐎"                   d1 line 5            9 chars, inside c4
 *   c7 Dependency  Alice "我们等待帮助。"                d2 line 1             7 chars, right after c9
 *   c8 Local       Alice "我们懂得草场。"                d2 line 2             7 chars, a line break after c7
 *   c9 Capability  Alice "草场退化了。"                  d2 line 1             6 chars
 *
 * attributes: Occupation (text), Age (integer)
 *   d1 own: Occupation herder, Age 45;  d1 in case Household 1
 *   d2 none of its own; in Household 1 (farmer, 62) and Household 2 (herder, 30)
 *   d3 none
 * </pre>
 */
class AnalysisServiceTest {
    @TempDir Path dir;
    ProjectSession s;
    Document d1, d2, d3;
    Code capability, education, dependency, local;

    static final String D1 = """
            Interviewer: How many people live here?
            Herder: Five of us. We wait for help.
            We know the grass well.
            Interviewer: And school?
            Herder: School matters 🐎 a lot.""";
    static final String D2 = "草场退化了。我们等待帮助。\n我们懂得草场。";

    @BeforeEach
    void project() {
        s = ProjectSession.create(dir.resolve("analysis.tamga"), dir.resolve("cache"));
        d1 = SessionFixtures.importText(s, dir.resolve("in"), "d1", D1);
        d2 = SessionFixtures.importText(s, dir.resolve("in"), "d2", D2);
        d3 = SessionFixtures.importText(s, dir.resolve("in"), "d3", "Nothing coded here.");
        capability = s.codebook().create(null, "Capability", null, null);
        education = s.codebook().create(capability.id(), "Education", null, null);
        dependency = s.codebook().create(null, "Dependency", null, null);
        local = s.codebook().create(null, "Local knowledge", null, null);
        code(d1, D1, "We wait for help.", dependency, "Alice");
        code(d1, D1, "We know the grass well.", local, "Alice");
        code(d1, D1, "wait for help.\nWe know", dependency, "Bob");
        code(d1, D1, "School matters 🐎 a lot.", education, "Alice");
        code(d1, D1, "Five of us.", capability, "Bob");
        code(d1, D1, "matters 🐎", local, "Bob");
        code(d2, D2, "我们等待帮助。", dependency, "Alice");
        code(d2, D2, "我们懂得草场。", local, "Alice");
        code(d2, D2, "草场退化了。", capability, "Alice");

        s.cases().setValue(d1, "Occupation", "herder", Attribute.Type.TEXT);
        s.cases().setValue(d1, "Age", "45", Attribute.Type.INTEGER);
        s.cases().createCase("Household 1", null);
        s.cases().createCase("Household 2", null);
        s.cases().addToCase("Household 1", List.of(d1, d2));
        s.cases().addToCase("Household 2", List.of(d2));
        s.cases().setValue(s.cases().resolveCase("Household 1"), "Occupation", "farmer", null);
        s.cases().setValue(s.cases().resolveCase("Household 1"), "Age", "62", null);
        s.cases().setValue(s.cases().resolveCase("Household 2"), "Occupation", "herder", null);
        s.cases().setValue(s.cases().resolveCase("Household 2"), "Age", "30", null);
    }

    @org.junit.jupiter.api.AfterEach
    void close() { s.close(); }

    private void code(Document d, String text, String passage, Code code, String coder) {
        List<List<Integer>> at = SessionFixtures.substringRanges(text, passage);
        assertEquals(1, at.size(), passage);
        s.coding().apply(d, at.get(0).get(0), at.get(0).get(1), code, coder);
    }

    private int at(Code c) { return s.codebook().codebook().codes().indexOf(c); }

    private Cooccurrence.Cell cell(Cooccurrence t, Code a, Code b) {
        Cooccurrence.Cell x = t.cell(at(a), at(b));
        assertEquals(x, t.cell(at(b), at(a)), "the table is symmetric");
        return x;
    }

    @Test
    void turnsAreWhatTheFixtureSays() {
        var turns = s.store().turns().ofDocument(d1.id());
        assertEquals(4, turns.size(), turns::toString);
        assertEquals("Five of us. We wait for help.\nWe know the grass well.", s.units().of(d1).text(turns.get(1).start(), turns.get(1).end()).strip());
    }

    @Test
    void overlapPairsCodingsThatShareACharacter() {
        Cooccurrence t = s.analysis().cooccurrence(Scope.all(), Cooccurrence.Rule.OVERLAP, false);
        assertEquals(List.of(capability, education, dependency, local), t.codes(), "codebook order");
        // Dependency × Local: c3 overlaps c2 ("We know"); c1/c2 and c7/c8 only touch across a line break
        Cooccurrence.Cell depLocal = cell(t, dependency, local);
        assertEquals(1, depLocal.cooccurrences());
        assertEquals(1, depLocal.documents());
        // c-coefficient: n12 / (n1 + n2 - n12) = 1 / (3 codings + 3 codings - 1)
        assertEquals(1.0 / 5, depLocal.cCoefficient(), 1e-12);
        // Jaccard over characters: shared "We know" = 7; Dependency covers 25 (c1 ∪ c3) + 7 (c7) = 32;
        // Local covers 23 (c2) + 9 (c6) + 7 (c8) = 39; 7 / (32 + 39 - 7) = 7/64
        assertEquals(7.0 / 64, depLocal.jaccard(), 1e-12);
        // Education × Local: c6 lies inside c4 (9 characters shared, 🐎 counted once); 9 / (23 + 39 - 9)
        Cooccurrence.Cell eduLocal = cell(t, education, local);
        assertEquals(1, eduLocal.cooccurrences());
        assertEquals(9.0 / 53, eduLocal.jaccard(), 1e-12);
        assertEquals(1.0 / 3, eduLocal.cCoefficient(), 1e-12);
        // c5 and c1 are a space apart, c9 and c7 touch: neither overlaps; two Dependency codings never pair
        assertEquals(Cooccurrence.Cell.EMPTY, cell(t, capability, dependency));
        assertEquals(Cooccurrence.Cell.EMPTY, cell(t, capability, education));
        assertEquals(Cooccurrence.Cell.EMPTY, t.cell(at(dependency), at(dependency)));
        assertEquals(2, t.nonEmptyPairs().size());
        assertEquals(3, t.occurrences(at(dependency)));
    }

    @Test
    void distancePairsCodingsAtMostNCharactersApart() {
        Cooccurrence t = s.analysis().cooccurrence(Scope.all(), Cooccurrence.Rule.parse("distance:1"), false);
        // Capability × Dependency: c5–c1 (1 space), c9–c7 (touching, 0) → 2 pairs in 2 documents; c5–c3 are 4 apart
        assertEquals(2, cell(t, capability, dependency).cooccurrences());
        assertEquals(2, cell(t, capability, dependency).documents());
        // Dependency × Local: c3–c2 (overlap), c1–c2 (a line break), c7–c8 (a line break) → 3 in 2 documents
        assertEquals(3, cell(t, dependency, local).cooccurrences());
        assertEquals(2, cell(t, dependency, local).documents());
        assertEquals(1, cell(t, education, local).cooccurrences());
        // Capability × Local: c9–c8 are 8 apart ("我们等待帮助。\n"), c5–c2 further
        assertEquals(0, cell(t, capability, local).cooccurrences());
        Cooccurrence none = s.analysis().cooccurrence(Scope.all(), Cooccurrence.Rule.parse("distance:0"), false);
        assertEquals(1, cell(none, capability, dependency).cooccurrences(), "distance:0 pairs c9 and c7, which touch");
    }

    @Test
    void turnsParagraphsAndDocumentsAreUnits() {
        Cooccurrence turn = s.analysis().cooccurrence(Scope.all(), Cooccurrence.Rule.parse("turn"), false);
        // T2 holds Capability, Dependency and Local; T4 Education and Local; d2 has no turns
        assertEquals(1, cell(turn, capability, dependency).cooccurrences());
        assertEquals(1, cell(turn, capability, local).cooccurrences());
        assertEquals(1, cell(turn, dependency, local).cooccurrences());
        assertEquals(1, cell(turn, education, local).cooccurrences());
        assertEquals(0, cell(turn, capability, education).cooccurrences());
        // units: Dependency in 1 turn, Local in 2 → 1 / (1 + 2 - 1); under unit rules Jaccard and c agree
        assertEquals(0.5, cell(turn, dependency, local).cCoefficient(), 1e-12);
        assertEquals(0.5, cell(turn, dependency, local).jaccard(), 1e-12);

        Cooccurrence paragraph = s.analysis().cooccurrence(Scope.all(), Cooccurrence.Rule.parse("paragraph"), false);
        // d1 ¶2: c1, c3, c5 → Capability × Dependency; ¶3: c2, c3 → Dependency × Local; ¶5: Education × Local;
        // d2 ¶1: c7, c9 → Capability × Dependency; ¶2: c8 alone
        assertEquals(2, cell(paragraph, capability, dependency).cooccurrences());
        assertEquals(2, cell(paragraph, capability, dependency).documents());
        assertEquals(1, cell(paragraph, dependency, local).cooccurrences());
        assertEquals(1, cell(paragraph, education, local).cooccurrences());
        assertEquals(0, cell(paragraph, capability, local).cooccurrences());
        // Capability in 2 paragraphs, Dependency in 3 (d1 ¶2, ¶3, d2 ¶1): 2 / (2 + 3 - 2)
        assertEquals(2.0 / 3, cell(paragraph, capability, dependency).cCoefficient(), 1e-12);

        Cooccurrence document = s.analysis().cooccurrence(Scope.all(), Cooccurrence.Rule.parse("document"), false);
        // d1 holds all four codes, d2 Capability, Dependency and Local
        assertEquals(2, cell(document, capability, dependency).cooccurrences());
        assertEquals(2, cell(document, dependency, local).cooccurrences());
        assertEquals(1, cell(document, capability, education).cooccurrences());
        assertEquals(1, cell(document, education, dependency).cooccurrences());
        assertEquals(1.0, cell(document, capability, dependency).jaccard(), 1e-12);
        assertEquals(0.5, cell(document, capability, education).jaccard(), 1e-12, "1 / (2 + 1 - 1)");
    }

    @Test
    void childrenCountForTheirParentButACodingNeverPairsWithItself() {
        Cooccurrence t = s.analysis().cooccurrence(Scope.all(), Cooccurrence.Rule.OVERLAP, true);
        // Capability now holds c4 too, which c6 (Local) lies in
        assertEquals(1, cell(t, capability, local).cooccurrences());
        // c4 counts for Education and Capability: no pair with itself, and c5 is far from c4
        assertEquals(0, cell(t, capability, education).cooccurrences());
        Cooccurrence doc = s.analysis().cooccurrence(Scope.all(), Cooccurrence.Rule.parse("document"), true);
        // in d1, Capability has c5 besides c4: one document where Capability and Education are two codings
        assertEquals(1, cell(doc, capability, education).cooccurrences());
        Cooccurrence para = s.analysis().cooccurrence(Scope.all(), Cooccurrence.Rule.parse("paragraph"), true);
        // ¶5 of d1 holds only c4 (and c6): Capability and Education there are one coding
        assertEquals(0, cell(para, capability, education).cooccurrences());
        assertEquals(1, cell(para, capability, local).cooccurrences(), "d1 ¶5 through c4; not d2, where c9 and c8 are in two paragraphs");
    }

    @Test
    void coderAndDocumentLimitsNarrowTheCounts() {
        Cooccurrence alice = s.analysis().cooccurrence(new Scope(List.of("alice"), List.of(), null), Cooccurrence.Rule.OVERLAP, false);
        assertTrue(alice.nonEmptyPairs().isEmpty(), "without Bob's c3 and c6 nothing overlaps");
        Cooccurrence near = s.analysis().cooccurrence(new Scope(List.of("Alice"), List.of(), null), Cooccurrence.Rule.parse("distance:1"), false);
        assertEquals(2, cell(near, dependency, local).cooccurrences(), "c1–c2 and c7–c8");
        assertEquals(1, cell(near, capability, dependency).cooccurrences(), "c9–c7; c5 is Bob's");
        Cooccurrence onlyD2 = s.analysis().cooccurrence(new Scope(List.of(), List.of(d2), null), Cooccurrence.Rule.parse("document"), false);
        assertEquals(1, cell(onlyD2, capability, dependency).cooccurrences());
        assertEquals(0, cell(onlyD2, education, local).cooccurrences());
        assertEquals(1, onlyD2.documentCount());
        Cooccurrence herder = s.analysis().cooccurrence(new Scope(List.of(), List.of(), "Herder"), Cooccurrence.Rule.parse("document"), false);
        assertEquals(0, cell(herder, capability, dependency).cooccurrences() - 1, "only d1 has a Herder: 1");
        TamgaException e = assertThrows(TamgaException.class,
                () -> s.analysis().cooccurrence(new Scope(List.of("Carol"), List.of(), null), Cooccurrence.Rule.OVERLAP, false));
        assertTrue(e.getMessage().startsWith("No coder \u201CCarol\u201D"), e.getMessage());
    }

    @Test
    void rulesAreReadAsTheCommandLineWritesThem() {
        assertEquals(new Cooccurrence.Rule(Cooccurrence.Kind.DISTANCE, 50), Cooccurrence.Rule.parse(" Distance:50 "));
        assertEquals("distance:50", Cooccurrence.Rule.parse("distance:50").label());
        assertEquals("paragraph", Cooccurrence.Rule.parse("PARAGRAPH").label());
        for (String bad : List.of("distance:-1", "distance:x", "near", "")) {
            TamgaException e = assertThrows(TamgaException.class, () -> Cooccurrence.Rule.parse(bad));
            assertTrue(e.getMessage().contains("distance"), e.getMessage());
        }
    }

    @Test
    void eachCellDrillsDownToItsPassages() {
        var overlap = s.analysis().together(Scope.all(), Cooccurrence.Rule.OVERLAP, false, dependency, local);
        assertEquals(1, overlap.size());
        AnalysisService.Together t = overlap.get(0);
        assertEquals("d1", t.document().name());
        assertEquals("wait for help.\nWe know", t.first().get(0).text());
        assertEquals("We know the grass well.", t.second().get(0).text());
        assertEquals("wait for help.\nWe know the grass well.", SessionFixtures.cpSubstring(D1, t.start(), t.end()));

        var near = s.analysis().together(Scope.all(), Cooccurrence.Rule.parse("distance:1"), false, dependency, local);
        assertEquals(3, near.size(), "as many passages as the cell counts");
        assertEquals(List.of("d1", "d1", "d2"), near.stream().map(x -> x.document().name()).toList());

        var turn = s.analysis().together(Scope.all(), Cooccurrence.Rule.parse("turn"), false, dependency, local);
        assertEquals(1, turn.size());
        assertEquals(2, turn.get(0).first().size(), "c1 and c3 are both in T2");
        assertTrue(SessionFixtures.cpSubstring(D1, turn.get(0).start(), turn.get(0).end()).startsWith("Five of us."), "the turn without its label");

        var paragraph = s.analysis().together(Scope.all(), Cooccurrence.Rule.parse("paragraph"), false, capability, dependency);
        assertEquals(2, paragraph.size());
        assertEquals("草场退化了。我们等待帮助。", SessionFixtures.cpSubstring(D2, paragraph.get(1).start(), paragraph.get(1).end()));

        var document = s.analysis().together(Scope.all(), Cooccurrence.Rule.parse("document"), false, capability, dependency);
        assertEquals(2, document.size());
        assertEquals(d1.length(), document.get(0).end());
    }

    private Crosstab.Cell crossCell(Crosstab t, Code code, String... column) {
        int c = t.columns().stream().map(Crosstab.Column::values).toList().indexOf(List.of(column));
        assertTrue(c >= 0, () -> "no column " + List.of(column) + " in " + t.columns());
        return t.cell(at(code), c);
    }

    @Test
    void codeByAttributeCountsEachDocumentUnderEveryValueItHas() {
        Crosstab t = s.analysis().crosstab(Scope.all(), new AnalysisService.ByAttributes("occupation"), false);
        assertEquals(List.of("Occupation"), t.dimensions());
        // d2 is farmer (Household 1) and herder (Household 2); d1's own value "herder" wins over its case's; d3 has none
        assertEquals(List.of(new Crosstab.Column(List.of("farmer"), 1), new Crosstab.Column(List.of("herder"), 2),
                new Crosstab.Column(List.of(AnalysisService.NO_VALUE), 1)), t.columns());
        // Dependency: c1, c3 in d1; c7 in d2
        assertEquals(new Crosstab.Cell(1, 1, 2, 7), crossCell(t, dependency, "farmer"), "c7; d2's cases are Household 1 and 2");
        assertEquals(new Crosstab.Cell(3, 2, 2, 32), crossCell(t, dependency, "herder"), "characters: 25 (c1 ∪ c3) + 7");
        assertEquals(Crosstab.Cell.EMPTY, crossCell(t, dependency, AnalysisService.NO_VALUE));
        assertEquals(new Crosstab.Cell(3, 2, 2, 32), t.rowTotal(at(dependency)), "each coding once in the total");
        assertEquals(new Crosstab.Cell(1, 1, 1, 23), crossCell(t, education, "herder"), "c4, 23 characters, 🐎 one of them");
        // columns: farmer holds d2's 3 codings; herder all 9; (no value) none
        assertEquals(3, t.columnTotal(0).codings());
        assertEquals(9, t.columnTotal(1).codings());
        assertEquals(0, t.columnTotal(2).codings());
        assertEquals(9, t.total().codings());
        assertEquals(2, t.total().documents());
        // percentages of the row's and the column's totals
        assertEquals(1.0 / 3, t.percent(at(dependency), 0, Crosstab.Count.CODINGS, Crosstab.Percent.ROW), 1e-12);
        assertEquals(3.0 / 9, t.percent(at(dependency), 1, Crosstab.Count.CODINGS, Crosstab.Percent.COLUMN), 1e-12);
        assertEquals(0, t.percent(at(dependency), 2, Crosstab.Count.CODINGS, Crosstab.Percent.COLUMN), "an empty column gives 0, not NaN");

        Crosstab withChildren = s.analysis().crosstab(Scope.all(), new AnalysisService.ByAttributes("Occupation"), true);
        assertEquals(3, crossCell(withChildren, capability, "herder").codings(), "c5, c9 and Education's c4");
        assertEquals(9, withChildren.total().codings(), "c4 counted once in the total though it is in two rows");
    }

    @Test
    void codeByCaseAndNestedBandedAttributes() {
        Crosstab byCase = s.analysis().crosstab(Scope.all(), new AnalysisService.ByCase(), false);
        assertEquals(List.of(List.of("Household 1"), List.of("Household 2"), List.of(AnalysisService.NO_CASE)),
                byCase.columns().stream().map(Crosstab.Column::values).toList());
        assertEquals(new Crosstab.Cell(3, 2, 1, 32), crossCell(byCase, dependency, "Household 1"));
        assertEquals(new Crosstab.Cell(1, 1, 1, 7), crossCell(byCase, dependency, "Household 2"));
        assertEquals(1, byCase.columns().get(2).documentsInColumn(), "d3");
        assertEquals(Crosstab.Cell.EMPTY, crossCell(byCase, dependency, AnalysisService.NO_CASE));
        assertEquals(2, byCase.total().cases(), "d2 is in both households");

        Bands ages = Bands.parse("40,60");
        Crosstab nested = s.analysis().crosstab(Scope.all(),
                new AnalysisService.ByAttributes(List.of("Occupation", "Age"), Map.of("age", ages)), false);
        // d1: herder, 45 → 40–59; d2: farmer, 62 (Household 1) and herder, 30 (Household 2): a case's values stay together
        assertEquals(List.of(List.of("farmer", "60+"), List.of("herder", "under 40"), List.of("herder", "40–59"),
                List.of(AnalysisService.NO_VALUE, AnalysisService.NO_VALUE)), nested.columns().stream().map(Crosstab.Column::values).toList());
        assertEquals(2, crossCell(nested, dependency, "herder", "40–59").codings());
        assertEquals(1, crossCell(nested, dependency, "herder", "under 40").codings());
        assertEquals("herder × 40–59", nested.columns().get(2).label());

        TamgaException e = assertThrows(TamgaException.class, () -> s.analysis().crosstab(Scope.all(),
                new AnalysisService.ByAttributes(List.of("Occupation"), Map.of("Occupation", Bands.parse("1,2"))), false));
        assertEquals("Only number and date attributes can be banded; \u201COccupation\u201D holds text values.", e.getMessage());
        e = assertThrows(TamgaException.class, () -> s.analysis().crosstab(Scope.all(),
                new AnalysisService.ByAttributes(List.of("Age"), Map.of("Age", Bands.parse("60,40"))), false));
        assertTrue(e.getMessage().contains("must rise"), e.getMessage());
    }

    @Test
    void aCrosstabCellDrillsDownToItsCodings() {
        var by = new AnalysisService.ByAttributes("Occupation");
        var farmer = s.analysis().passages(Scope.all(), by, false, dependency, new Crosstab.Column(List.of("farmer"), 1));
        assertEquals(List.of("我们等待帮助。"), farmer.stream().map(CodingService.Segment::text).toList());
        var herder = s.analysis().passages(new Scope(List.of("Bob"), List.of(), null), by, false, dependency, new Crosstab.Column(List.of("herder"), 2));
        assertEquals(List.of("wait for help.\nWe know"), herder.stream().map(CodingService.Segment::text).toList(), "Bob's only");
    }
}
