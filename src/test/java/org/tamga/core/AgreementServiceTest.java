package org.tamga.core;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tamga.model.Code;
import org.tamga.model.Document;
import org.tamga.model.TamgaException;
import org.tamga.model.Turn;
import org.tamga.report.AgreementReport;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Agreement on a hand-made project, every unit and coefficient worked out by hand in the comments.
 *
 * <p>Formulas used (two coders; a tally is: units coded by both, by the first only, by the second
 * only, by neither; N units):
 * <ul>
 *   <li>percent agreement p_o = (both + neither) / N;</li>
 *   <li>Cohen: p_e = p_1 q_1 + (1 - p_1)(1 - q_1), p_1 and q_1 the shares each coder coded; κ = (p_o - p_e) / (1 - p_e);</li>
 *   <li>Fleiss (two coders: Scott's π): n_1 = 2·both + first + second values "coded" of n = 2N, n_0 likewise;
 *       P_e = (n_1/n)² + (n_0/n)²; κ = (p_o - P_e) / (1 - P_e);</li>
 *   <li>Krippendorff (nominal, binary): o_01 = first + second (units with one value of each);
 *       α = 1 - (n - 1) o_01 / (n_0 n_1).</li>
 * </ul>
 */
class AgreementServiceTest {
    /** Four paragraphs, no speakers: 草场退化了🐑。 [0,7) 补贴不够。 [8,13) Малчид нүүсэн. [14,28) 𠀀好 [29,31); 32 code points. */
    static final String D1 = "草场退化了🐑。\n补贴不够。\nМалчид нүүсэн.\n𠀀好\n";
    /**
     * Four speaker turns: 草场怎么样？ [4,10) 草场退化了🐑，我们搬走了。 [15,28) 补贴呢？ [33,37) 补贴不够。 [42,47)
     * (访谈者 asks, 受访者 answers); 48 code points.
     */
    static final String D2 = "访谈者：草场怎么样？\n受访者：草场退化了🐑，我们搬走了。\n访谈者：补贴呢？\n受访者：补贴不够。\n";
    static final String D3 = "Гурав ᠭᠤᠷᠪᠠ three\n";

    @TempDir Path dir;
    ProjectSession s;
    Document d1, d2, d3;
    Code land, degradation, money;

    @BeforeEach
    void open() {
        s = ProjectSession.create(dir.resolve("p.tamga"), dir.resolve("cache"));
        d1 = SessionFixtures.importText(s, dir.resolve("in"), "一 paragraphs", D1);
        d2 = SessionFixtures.importText(s, dir.resolve("in"), "二 turns", D2);
        d3 = SessionFixtures.importText(s, dir.resolve("in"), "三 other", D3);
        land = s.codebook().create(null, "Land · 草场", null, null);
        degradation = s.codebook().create(land.id(), "Degradation · 退化", null, null);
        money = s.codebook().create(null, "Money · 钱", null, null);
    }

    @AfterEach
    void close() { s.close(); }

    void code(Document d, int start, int end, Code c, String coder) { s.coding().apply(d, start, end, c, coder); }

    AgreementReport report(List<String> coders, List<Document> docs, String speaker, List<Code> codes, boolean children,
                           AgreementUnit unit, AgreementService.Coverage coverage) {
        return s.agreement().agreement(new AgreementService.Request(new Scope(coders, docs, speaker), codes, children, unit, coverage));
    }

    static AgreementReport.Values row(AgreementReport r, String code) {
        return r.byCode().stream().filter(x -> x.code().equals(code)).findFirst().orElseThrow(() -> new AssertionError("no row " + code)).values();
    }

    static void coefficients(AgreementReport.Values v, double percent, Double cohen, Double fleiss, Double alpha) {
        assertEquals(percent, v.percentAgreement(), 1e-12, "percent agreement");
        if (cohen == null) assertNull(v.cohenKappa()); else assertEquals(cohen, v.cohenKappa(), 1e-12, "Cohen's kappa");
        if (fleiss == null) assertNull(v.fleissKappa()); else assertEquals(fleiss, v.fleissKappa(), 1e-12, "Fleiss' kappa");
        if (alpha == null) assertNull(v.krippendorffAlpha()); else assertEquals(alpha, v.krippendorffAlpha(), 1e-12, "Krippendorff's alpha");
    }

    /** Saran and Bolor on D1: overlapping codings of one coder, a code and its child, characters outside the BMP. */
    void codeD1() {
        code(d1, 0, 5, land, "Saran");          // 草场退化了
        code(d1, 3, 7, land, "Saran");          // 化了🐑。 — overlaps the one before: Saran's Land is [0,7)
        code(d1, 2, 7, degradation, "Saran");   // 退化了🐑。
        code(d1, 8, 13, money, "Saran");        // 补贴不够。
        code(d1, 14, 28, land, "Saran");        // Малчид нүүсэн.
        code(d1, 0, 7, land, "Bolor");          // 草场退化了🐑。
        code(d1, 3, 6, degradation, "Bolor");   // 化了🐑
        code(d1, 14, 18, degradation, "Bolor"); // Малч (a child code where Saran has its parent)
        code(d1, 8, 12, money, "Bolor");        // 补贴不够 (without 。)
        code(d1, 29, 31, land, "Bolor");        // 𠀀好
    }

    /**
     * Character units on D1. Units: the characters either coded with any code, [0,7) [8,13) [14,28) [29,31): 28.
     * <pre>
     *                 both  Saran only  Bolor only  neither
     *   Land           7       14           2          5      Saran [0,7)+[14,28), Bolor [0,7)+[29,31)
     *   Degradation    3        2           4         19      Saran [2,7), Bolor [3,6)+[14,18)
     *   Money          4        1           0         23      Saran [8,13), Bolor [8,12)
     *   (all codes)   14       17           6         47      84 decisions = 28 units × 3 codes
     * </pre>
     */
    @Test
    void characterUnitsByHand() {
        codeD1();
        AgreementReport r = report(List.of("Saran", "Bolor"), List.of(d1), null, List.of(), false, AgreementUnit.CHARACTER, null);
        assertEquals(List.of("Land · 草场", "Degradation · 退化", "Money · 钱", "(all codes)"), r.byCode().stream().map(AgreementReport.Row::code).toList());
        assertEquals(List.of("Saran", "Bolor"), r.coders());
        assertEquals("character", r.unit());

        AgreementReport.Values l = row(r, "Land · 草场");
        assertEquals(28, l.units());
        assertEquals(List.of(21L, 9L), l.codedBy());
        // p_o = 12/28; p_e = (21/28)(9/28) + (7/28)(19/28) = 322/784; n_1 = 14 + 16 = 30, n_0 = 10 + 16 = 26 of 56
        coefficients(l, 12.0 / 28, (12.0 / 28 - 322.0 / 784) / (1 - 322.0 / 784),
                (12.0 / 28 - (900.0 + 676) / 3136) / (1 - (900.0 + 676) / 3136), 1 - 55.0 * 16 / (26 * 30));

        AgreementReport.Values dg = row(r, "Degradation · 退化");
        // p_o = 22/28; p_e = (5/28)(7/28) + (23/28)(21/28) = 518/784; n_1 = 6 + 6 = 12, n_0 = 38 + 6 = 44
        coefficients(dg, 22.0 / 28, (616.0 - 518) / (784 - 518), (2464.0 - 2080) / (3136 - 2080), 1 - 55.0 * 6 / (44 * 12));

        AgreementReport.Values m = row(r, "Money · 钱");
        // p_o = 27/28; p_e = (5/28)(4/28) + (23/28)(24/28) = 572/784; n_1 = 8 + 1 = 9, n_0 = 46 + 1 = 47
        coefficients(m, 27.0 / 28, (756.0 - 572) / (784 - 572), (3024.0 - 2290) / (3136 - 2290), 1 - 55.0 * 1 / (47 * 9));

        AgreementReport.Values all = r.overall().values();
        assertEquals(28, all.units());
        assertEquals(84, all.decisions());
        assertEquals(List.of(31L, 20L), all.codedBy());
        // p_o = 61/84; p_e = (31/84)(20/84) + (53/84)(64/84) = 4012/7056; n_1 = 28 + 23 = 51, n_0 = 94 + 23 = 117 of 168
        coefficients(all, 61.0 / 84, (5124.0 - 4012) / (7056 - 4012), (20496.0 - 16290) / (28224 - 16290), 1 - 167.0 * 23 / (117 * 51));
        assertTrue(all.note().startsWith("pooled over 3 codes"), all.note());

        // unitized alpha, continuum D1 (L = 32), Land: Saran [0,7) [14,28), Bolor [0,7) [29,31).
        // Observed: [0,7) against [0,7): 0; Saran's [14,28) inside Bolor's gap [7,29): 14² = 196; Bolor's [29,31) inside
        // Saran's gap [28,32): 2² = 4. D_O = 2 * 200 / (2 * 1 * 32²) = 400 / 2048.
        // Expected: lengths 7, 14, 7, 2 (N = 4, Σ l(l-1) = 268); gaps 7, 4 (Saran), 22, 1 (Bolor).
        //   l = 7: 3 * (686 - 147 + 7) / 3 = 546, + 49 * ((22-7+1) + (7-7+1)) = 833: 1379 (twice)
        //   l = 14: 5488 - 588 + 14 = 4914, + 196 * (22-14+1) = 1764: 6678
        //   l = 2: 16 - 12 + 2 = 6, + 4 * (21 + 6 + 3) = 120: 126
        //   D_E = (2 / 32) * 9562 / (64 * 63 - 268).
        double doLand = 400.0 / 2048, deLand = 9562.0 * 2 / 32 / 3764;
        assertEquals(1 - doLand / deLand, l.krippendorffAlphaUnitized(), 1e-12);
        // Money: Saran [8,13), Bolor [8,12): overlapping, (0)² + (1)² = 1; D_O = 2 / 2048.
        //   lengths 5, 4 (Σ l(l-1) = 32); gaps 8, 19 (Saran), 8, 20 (Bolor).
        //   l = 5: (250 - 75 + 5) / 3 = 60, + 25 * (16 + 15 + 4 + 4) = 975: 1035;  l = 4: 84 / 3 = 28, + 16 * (17 + 16 + 5 + 5) = 688: 716
        double doMoney = 2.0 / 2048, deMoney = 1751.0 * 2 / 32 / (4032 - 32);
        assertEquals(1 - doMoney / deMoney, m.krippendorffAlphaUnitized(), 1e-12);
        // Degradation: Saran [2,7), Bolor [3,6) [14,18): overlap (2-3)² + (7-6)² = 2; Bolor's [14,18) inside Saran's gap [7,32): 16.
        //   D_O = 2 * 18 / 2048. Lengths 5, 3, 4 (N = 3, Σ l(l-1) = 38); gaps 2, 25 (Saran), 3, 8, 14 (Bolor).
        //   l = 5: 2 * 180 / 3 = 120, + 25 * (21 + 10 + 4) = 875: 995;  l = 3: 2 * 30 / 3 = 20, + 9 * (23 + 12 + 6 + 1) = 378: 398;
        //   l = 4: 2 * 84 / 3 = 56, + 16 * (22 + 11 + 5) = 608: 664
        double doDeg = 36.0 / 2048, deDeg = 2057.0 * 2 / 32 / (4032 - 38);
        assertEquals(1 - doDeg / deDeg, dg.krippendorffAlphaUnitized(), 1e-12);
        // over all codes: observed and expected disagreements averaged over the three codes
        assertEquals(1 - (doLand + doMoney + doDeg) / (deLand + deMoney + deDeg), all.krippendorffAlphaUnitized(), 1e-12);

        // one document in scope: its table says the same
        assertEquals(4, r.byDocument().size());
        assertTrue(r.byDocument().stream().allMatch(x -> x.document().equals("一 paragraphs")));
        assertEquals(l, r.byDocument().getFirst().values());
        assertEquals(all, r.byDocument().getLast().values());
    }

    /**
     * With the codes below a code counted as it: Land holds Degradation. Saran [0,7)+[14,28) (Degradation [2,7) is inside),
     * Bolor [0,7)+[14,18)+[29,31): both 11, Saran only 10, Bolor only 2, neither 5.
     */
    @Test
    void childrenCountAsTheirParent() {
        codeD1();
        AgreementReport r = report(List.of("Saran", "Bolor"), List.of(d1), null, List.of(land), true, AgreementUnit.CHARACTER, null);
        assertEquals(List.of("Land · 草场", "(all codes)"), r.byCode().stream().map(AgreementReport.Row::code).toList());
        // p_o = 16/28; p_e = (21/28)(13/28) + (7/28)(15/28) = 378/784; n_1 = 22 + 12 = 34, n_0 = 10 + 12 = 22
        coefficients(row(r, "Land · 草场"), 16.0 / 28, (448.0 - 378) / (784 - 378), (1792.0 - 1640) / (3136 - 1640), 1 - 55.0 * 12 / (22 * 34));
        assertTrue(r.withChildren());
        assertEquals("Land · 草场", r.byCode().getFirst().codePath());
    }

    /**
     * Paragraph units on D1: P0 [0,7), P1 [8,13), P2 [14,28), P3 [29,31). Three coders; Дорж coded Land on P0 and on
     * P2 in two pieces, Малчид and нүүсэн., leaving only the space between them.
     */
    @Test
    void paragraphUnitsWholeAndPartThreeCoders() {
        codeD1();
        code(d1, 0, 7, land, "Дорж");
        code(d1, 14, 20, land, "Дорж");
        code(d1, 21, 28, land, "Дорж");

        AgreementReport two = report(List.of("Saran", "Bolor"), List.of(d1), null, List.of(), false, AgreementUnit.PARAGRAPH, AgreementService.Coverage.WHOLE);
        assertEquals(4, row(two, "Land · 草场").units());
        // Land, whole: P0 both, P1 neither, P2 Saran, P3 Bolor. p_o = 2/4; p_e = 1/4 + 1/4; n_1 = n_0 = 4 of 8
        coefficients(row(two, "Land · 草场"), 0.5, 0.0, 0.0, 1 - 7.0 * 2 / 16);
        // Money, whole: Bolor's 补贴不够 leaves 。 of P1 uncovered, so only Saran coded P1. p_e = (1/4)(0) + (3/4)(1) = 3/4
        coefficients(row(two, "Money · 钱"), 0.75, 0.0, (0.75 - (1.0 / 64 + 49.0 / 64)) / (1 - 50.0 / 64), 1 - 7.0 * 1 / (7 * 1));
        // Degradation, whole: nobody covers a whole paragraph: one category only
        AgreementReport.Values dg = row(two, "Degradation · 退化");
        coefficients(dg, 1.0, null, null, null);
        assertTrue(dg.note().contains("no coder coded any unit: percent agreement is 1, kappa and alpha are undefined"), dg.note());

        AgreementReport part = report(List.of("Saran", "Bolor"), List.of(d1), null, List.of(money, degradation), false, AgreementUnit.PARAGRAPH, AgreementService.Coverage.PART);
        assertEquals("part", part.coverage());
        // Money, part: both coded P1
        coefficients(row(part, "Money · 钱"), 1.0, 1.0, 1.0, 1.0);
        // Degradation, part: P0 both, P2 Bolor only (Малч), P1 P3 neither. p_e = (1/4)(2/4) + (3/4)(2/4) = 1/2; n_1 = 3, n_0 = 5
        coefficients(row(part, "Degradation · 退化"), 0.75, 0.5, (0.75 - (9.0 + 25) / 64) / (1 - 34.0 / 64), 1 - 7.0 * 1 / 15);
        assertEquals(List.of("Degradation · 退化", "Money · 钱", "(all codes)"), part.byCode().stream().map(AgreementReport.Row::code).toList(),
                "codes asked for, in codebook order");

        AgreementReport three = report(List.of("Saran", "Bolor", "Дорж"), List.of(d1), null, List.of(land), false, AgreementUnit.PARAGRAPH, null);
        // Land, whole: P0 all three; P1 none; P2 Saran and Дорж (the space between Дорж's codings is no gap); P3 Bolor.
        // Percent (pairs agreeing per unit): 1, 1, 1/3, 1/3: mean 2/3. Fleiss: 6 of 12 values coded, P_e = 1/2: κ = 1/3.
        // α: o_11 = 3 + 1 = 4, o_00 = 3 + 1 = 4, o_01 = o_10 = 1 + 1 = 2 (P2 and P3: each ordered pair /(m - 1) = /2);
        //    n_0 = n_1 = 6, n = 12: α = 1 - 11 * 2 / 36.
        AgreementReport.Values v = row(three, "Land · 草场");
        coefficients(v, 2.0 / 3, null, 1.0 / 3, 1 - 22.0 / 36);
        assertEquals(List.of(2L, 2L, 2L), v.codedBy());
        assertTrue(v.note().contains("Cohen's kappa is for two coders"), v.note());
    }

    /** D2's turns are the units (4); with a speaker, only 受访者's two turns. */
    @Test
    void turnUnitsAndASpeaker() {
        List<Turn> turns = s.speakers().turns(d2);
        assertEquals(List.of(List.of(4, 10), List.of(15, 28), List.of(33, 37), List.of(42, 47)),
                turns.stream().map(t -> List.of(t.start(), t.end())).toList(), "the fixture's turns");
        code(d2, 15, 28, land, "Saran");   // all of T2
        code(d2, 4, 6, land, "Saran");     // 草场 of T1
        code(d2, 15, 20, land, "Bolor");   // 草场退化了 of T2
        code(d2, 4, 10, land, "Bolor");    // all of T1
        code(d2, 42, 47, money, "Saran");  // all of T4
        code(d2, 33, 37, money, "Bolor");  // all of T3
        code(d2, 42, 46, money, "Bolor");  // 补贴不够 of T4

        AgreementReport whole = report(List.of("Saran", "Bolor"), List.of(d2), null, List.of(), false, AgreementUnit.TURN, null);
        // Land whole: T1 Bolor, T2 Saran, T3 T4 neither: p_o = 1/2, p_e = 1/16 + 9/16; n_1 = 2, n_0 = 6 of 8
        coefficients(row(whole, "Land · 草场"), 0.5, (0.5 - 10.0 / 16) / (1 - 10.0 / 16), (0.5 - 40.0 / 64) / (1 - 40.0 / 64), 1 - 7.0 * 2 / 12);
        // Money whole: T3 Bolor, T4 Saran (Bolor leaves 。): the same
        coefficients(row(whole, "Money · 钱"), 0.5, -1.0 / 3, -1.0 / 3, -1.0 / 6);
        assertEquals(4, whole.overall().values().units());

        AgreementReport part = report(List.of("Saran", "Bolor"), List.of(d2), null, List.of(), false, AgreementUnit.TURN, AgreementService.Coverage.PART);
        coefficients(row(part, "Land · 草场"), 1.0, 1.0, 1.0, 1.0);
        // Money part: T3 Bolor, T4 both: p_e = (1/4)(2/4) + (3/4)(2/4) = 1/2; n_1 = 3, n_0 = 5
        coefficients(row(part, "Money · 钱"), 0.75, 0.5, (0.75 - 34.0 / 64) / (1 - 34.0 / 64), 1 - 7.0 / 15);

        // only the answers: region [15,28) + [42,47); Bolor's T1 coding and Saran's 草场 in T1 are outside it
        AgreementReport answers = report(List.of("Saran", "Bolor"), List.of(d2), "受访者", List.of(land), false, AgreementUnit.CHARACTER, null);
        // characters coded by either: [15,28) and [42,47): 18. Land: both [15,20) 5, Saran only [20,28) 8, neither 5.
        AgreementReport.Values v = row(answers, "Land · 草场");
        assertEquals(18, v.units());
        // p_o = 10/18; p_e = (13/18)(5/18) + (5/18)(13/18) = 130/324
        assertEquals((180.0 - 130) / (324 - 130), v.cohenKappa(), 1e-12);
        assertEquals("受访者", answers.speaker());
        // unitized: the continuum is the answers laid end to end (18): Saran [0,13), Bolor [0,5).
        // Observed: (0)² + (13 - 5)² = 64; D_O = 2 * 64 / (2 * 18²). Lengths 13, 5 (Σ l(l-1) = 176); gaps 5 (Saran), 13 (Bolor).
        //   l = 13: (4394 - 507 + 13) / 3 = 1300, + 169 * 1 = 1469;  l = 5: 180 / 3 = 60, + 25 * (9 + 1) = 250: 310
        //   D_E = (2 / 18) * 1779 / (36 * 35 - 176)
        assertEquals(1 - (128.0 / 648) / (1779.0 * 2 / 18 / 1084), v.krippendorffAlphaUnitized(), 1e-12);

        AgreementReport answerTurns = report(List.of("Saran", "Bolor"), List.of(d2), "受访者", List.of(land), false, AgreementUnit.TURN, null);
        // T2 Saran only, T4 neither: p_e = (1/2)(0) + (1/2)(1) = 1/2: κ = 0; α = 1 - 3 * 1 / (3 * 1) = 0
        coefficients(row(answerTurns, "Land · 草场"), 0.5, 0.0, (0.5 - 10.0 / 16) / (1 - 10.0 / 16), 0.0);
        assertEquals(2, row(answerTurns, "Land · 草场").units());
    }

    /** Documents as units: Land coded anywhere in a document. D1 both, D2 Saran only, D3 Bolor only. */
    @Test
    void documentUnitsAndTheTablePerDocument() {
        code(d1, 0, 5, land, "Saran");
        code(d1, 29, 31, land, "Bolor");
        code(d2, 4, 6, land, "Saran");
        code(d3, 0, 5, land, "Bolor");
        code(d3, 6, 11, money, "Bolor");
        AgreementReport r = report(List.of("saran", "BOLOR"), List.of(), null, List.of(), false, AgreementUnit.DOCUMENT, null);
        assertEquals(List.of("Saran", "Bolor"), r.coders(), "coders as the project spells them");
        assertEquals(3, r.documents());
        // Land: p_o = 1/3; p_e = (2/3)(2/3) + (1/3)(1/3) = 5/9: κ = (1/3 - 5/9) / (4/9) = -1/2; n_1 = 4, n_0 = 2 of 6: α = 1 - 5 * 2 / 8
        coefficients(row(r, "Land · 草场"), 1.0 / 3, -0.5, -0.5, -0.25);
        // Money: D3 Bolor only. p_o = 2/3; p_e = 0 + 1 * 2/3; κ = 0; n_1 = 1, n_0 = 5: α = 1 - 5 * 1 / 5 = 0
        coefficients(row(r, "Money · 钱"), 2.0 / 3, 0.0, (2.0 / 3 - 26.0 / 36) / (1 - 26.0 / 36), 0.0);

        // per document: a row per code applied there, then the document's (all codes)
        List<String> rows = r.byDocument().stream().map(x -> x.document() + " / " + x.code()).toList();
        assertEquals(List.of("一 paragraphs / Land · 草场", "一 paragraphs / (all codes)", "三 other / Land · 草场", "三 other / Money · 钱",
                "三 other / (all codes)", "二 turns / Land · 草场", "二 turns / (all codes)"), rows);
        AgreementReport.Values d3all = r.byDocument().get(4).values();
        assertEquals(1, d3all.units());
        assertEquals(2, d3all.decisions());
        assertEquals(List.of(0L, 2L), d3all.codedBy());
    }

    /**
     * The 2011 binary example of Krippendorff (α = 0.095, see AgreementStatisticsTest) made a project: ten
     * paragraphs; Saran codes X on paragraphs 2 and 9, Bolor on 1, 2, 3 and 6.
     */
    @Test
    void krippendorffsBinaryExampleAsAProject() {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= 10; i++) text.append("第").append(i).append("段 ¶").append('\n');
        Document ten = SessionFixtures.importText(s, dir.resolve("in"), "十", text.toString());
        List<PassageUnits.Widened> paragraphs = s.units().of(ten).paragraphs();
        assertEquals(10, paragraphs.size());
        for (int p : new int[]{2, 9}) code(ten, paragraphs.get(p - 1).start(), paragraphs.get(p - 1).end(), money, "Saran");
        for (int p : new int[]{1, 2, 3, 6}) code(ten, paragraphs.get(p - 1).start(), paragraphs.get(p - 1).end(), money, "Bolor");
        AgreementReport r = report(List.of("Saran", "Bolor"), List.of(ten), null, List.of(money), false, AgreementUnit.PARAGRAPH, null);
        AgreementReport.Values v = row(r, "Money · 钱");
        assertEquals(0.095, v.krippendorffAlpha(), 0.0005);
        coefficients(v, 0.6, 0.04 / 0.44, 0.02 / 0.42, 8.0 / 84);
    }

    /** Unitized alpha by hand through a project (ten characters; as AgreementStatisticsTest.unitizedAlphaByHand), and identical codings. */
    @Test
    void unitizedAlphaThroughAProject() {
        Document ten = SessionFixtures.importText(s, dir.resolve("in"), "十字", "一二三四五六七八九十");
        code(ten, 2, 6, money, "Saran");
        code(ten, 3, 6, money, "Bolor");
        AgreementReport r = report(List.of("Saran", "Bolor"), List.of(ten), null, List.of(), false, AgreementUnit.CHARACTER, null);
        AgreementReport.Values v = row(r, "Money · 钱");
        assertEquals(1 - 0.01 / (23.0 / 362), v.krippendorffAlphaUnitized(), 1e-12);
        // characters: [2,6) coded by someone: both 3, Saran only 1. p_e = 1 * 3/4 = 3/4: κ = 0; n_1 = 7, n_0 = 1: α = 0
        coefficients(v, 0.75, 0.0, (0.75 - (49.0 + 1) / 64) / (1 - 50.0 / 64), 0.0);

        code(ten, 3, 6, land, "Saran");
        code(ten, 3, 6, land, "Bolor");
        code(ten, 8, 10, land, "Saran");
        code(ten, 8, 10, land, "Bolor");
        AgreementReport same = report(List.of("Saran", "Bolor"), List.of(ten), null, List.of(land), false, AgreementUnit.CHARACTER, null);
        AgreementReport.Values sv = row(same, "Land · 草场");
        assertEquals(1.0, sv.krippendorffAlphaUnitized(), 1e-12);
        // characters coded by someone: [2,6) (Money too) and [8,10): Land both 5, neither 1 (character 2)
        coefficients(sv, 1.0, 1.0, 1.0, 1.0);
        assertEquals(6, sv.units());

        AgreementReport onlyLand = report(List.of("Saran", "Bolor"), List.of(d1), null, List.of(), false, AgreementUnit.CHARACTER, null);
        assertEquals(List.of("(all codes)"), onlyLand.byCode().stream().map(AgreementReport.Row::code).toList(), "nothing coded in D1");
        code(d1, 0, 7, land, "Saran");
        code(d1, 0, 7, land, "Bolor");
        AgreementReport.Values all = row(report(List.of("Saran", "Bolor"), List.of(d1), null, List.of(), false, AgreementUnit.CHARACTER, null), "Land · 草场");
        coefficients(all, 1.0, null, null, null);
        assertTrue(all.note().contains("every coder coded every unit"), all.note());
        assertEquals(1.0, all.krippendorffAlphaUnitized(), 1e-12);
    }

    @Test
    void codesNobodyAppliedAndEmptyScopes() {
        code(d1, 0, 5, land, "Saran");
        code(d1, 0, 5, land, "Bolor");
        AgreementReport r = report(List.of("Saran", "Bolor"), List.of(d1), null, List.of(money), false, AgreementUnit.CHARACTER, null);
        AgreementReport.Values m = row(r, "Money · 钱");
        assertEquals(5, m.units(), "the characters someone coded with any code");
        assertEquals(List.of(0L, 0L), m.codedBy());
        assertNull(m.krippendorffAlphaUnitized());
        assertTrue(m.note().contains("unitized alpha: no coder coded it here"), m.note());
        assertTrue(r.byDocument().stream().noneMatch(x -> x.code().equals("Money · 钱")), "no per-document row where nobody applied it");

        // a speaker who says nothing in the documents: no units at all
        AgreementReport none = report(List.of("Saran", "Bolor"), List.of(d1), "访谈者", List.of(), false, AgreementUnit.CHARACTER, null);
        assertEquals(List.of("(all codes)"), none.byCode().stream().map(AgreementReport.Row::code).toList());
        AgreementReport.Values all = none.overall().values();
        assertEquals(0, all.units());
        assertNull(all.percentAgreement());
        assertTrue(all.note().contains("none of the coders applied a code here"), all.note());
        assertTrue(none.byDocument().isEmpty());
    }

    @Test
    void refusals() {
        code(d1, 0, 5, land, "Saran");
        code(d1, 0, 5, land, "Bolor");
        TamgaException unknown = assertThrows(TamgaException.class,
                () -> report(List.of("Saran", "Nobody"), List.of(), null, List.of(), false, null, null));
        assertEquals("No coder \u201CNobody\u201D in the project (coders: Bolor, Saran).", unknown.getMessage());
        TamgaException one = assertThrows(TamgaException.class, () -> report(List.of("Saran"), List.of(), null, List.of(), false, null, null));
        assertEquals("Name at least 2 coders to compare (1 named; coders: Bolor, Saran).", one.getMessage());
        TamgaException twice = assertThrows(TamgaException.class, () -> report(List.of("Saran", "saran"), List.of(), null, List.of(), false, null, null));
        assertEquals("The coder \u201CSaran\u201D is named twice.", twice.getMessage());
        TamgaException unit = assertThrows(TamgaException.class, () -> AgreementUnit.parse("sentence"));
        assertEquals("No agreement unit \u201Csentence\u201D (units: character, turn, paragraph, document).", unit.getMessage());
        assertEquals(AgreementUnit.TURN, AgreementUnit.parse(" Turn "));
        assertThrows(TamgaException.class, () -> AgreementService.Coverage.parse("most"));
        assertEquals(AgreementService.Coverage.PART, AgreementService.Coverage.parse("PART"));
        assertEquals(List.of("Bolor", "Saran"), s.agreement().coderNames());
    }
}
