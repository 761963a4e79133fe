package org.tamga.core;

import org.dkpro.statistics.agreement.coding.CodingAnnotationStudy;
import org.dkpro.statistics.agreement.coding.CohenKappaAgreement;
import org.dkpro.statistics.agreement.coding.FleissKappaAgreement;
import org.dkpro.statistics.agreement.coding.KrippendorffAlphaAgreement;
import org.dkpro.statistics.agreement.coding.PercentageAgreement;
import org.dkpro.statistics.agreement.distance.NominalDistanceFunction;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Tamga's way of handing units to DKPro Agreement ({@link AgreementStatistics.PatternStudy}: each
 * pattern of decisions once, with how many units have it) against published worked examples, and
 * against DKPro's own study holding every unit.
 */
class AgreementStatisticsTest {

    /** Units as rows of decisions (one per rater, null for none), grouped into patterns in first-seen order. */
    private static AgreementStatistics.PatternStudy study(int raters, Object[]... units) {
        Map<List<Object>, Long> patterns = new LinkedHashMap<>();
        for (Object[] u : units) patterns.merge(Arrays.asList(u), 1L, Long::sum);
        return new AgreementStatistics.PatternStudy(patterns, raters);
    }

    private static Object[] unit(Object... decisions) { return decisions; }

    /**
     * Krippendorff, K. (2011). Computing Krippendorff's Alpha-Reliability. University of Pennsylvania,
     * ScholarlyCommons, https://repository.upenn.edu/asc_papers/43, section C: four observers, twelve
     * units, nominal values 1–5, missing values ("."):
     * <pre>
     *   unit  1 2 3 4 5 6 7 8 9 10 11 12
     *   A     1 2 3 3 2 1 4 1 2 .  .  .
     *   B     1 2 3 3 2 2 4 1 2 5  .  3
     *   C     . 3 3 3 2 3 4 2 2 5  1  .
     *   D     1 2 3 3 2 4 4 1 2 5  1  .
     * </pre>
     * Published: α (nominal) = 0.743. (Units 12, with one value, are not pairable and drop out.)
     */
    @Test
    void krippendorffsNominalExampleWithMissingValues() {
        Integer n = null;
        Integer[][] byObserver = {
                {1, 2, 3, 3, 2, 1, 4, 1, 2, n, n, n},
                {1, 2, 3, 3, 2, 2, 4, 1, 2, 5, n, 3},
                {n, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, n},
                {1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, n}};
        List<Object[]> units = new ArrayList<>();
        for (int u = 0; u < 12; u++) units.add(unit(byObserver[0][u], byObserver[1][u], byObserver[2][u], byObserver[3][u]));
        AgreementStatistics.PatternStudy s = study(4, units.toArray(Object[][]::new));
        assertTrue(s.hasMissingValues());
        double alpha = new KrippendorffAlphaAgreement(s, new NominalDistanceFunction()).calculateAgreement();
        assertEquals(0.743, alpha, 0.0005);
        // by hand from the paper's coincidence matrix: alpha = 1 - (n - 1) * (sum of off-diagonal o_ck) / (sum over c != k of n_c * n_k)
        // n = 40 pairable values; n_1..n_5 = 9, 13, 10, 5, 3. Off the diagonal (each ordered pair of values in a unit
        // counts 1/(m_u - 1)): unit 2 (2,2,3,2): 6 pairs / 3 = 2; unit 6 (1,2,3,4): 12 / 3 = 4; unit 8 (1,1,2,1): 6 / 3 = 2; sum 8
        double expected = 1 - 39.0 * 8 / (40.0 * 40 - (81 + 169 + 100 + 25 + 9));
        assertEquals(expected, alpha, 1e-12);
        assertEquals(expected, new AgreementStatistics.Alpha(s).calculateAgreement(), 1e-12, "Tamga's pattern-weighted alpha too");
    }

    /**
     * Krippendorff (2011), section A: binary data, two observers, ten units.
     * <pre>
     *   A  0 1 0 0 0 0 0 0 1 0
     *   B  1 1 1 0 0 1 0 0 0 0
     * </pre>
     * Published: α = 0.095. By hand: o_00 = 10, o_11 = 2, o_01 = o_10 = 4; n_0 = 14, n_1 = 6, n = 20;
     * α = 1 - (n - 1) o_01 / (n_0 n_1) = 1 - 19 * 4 / 84 = 8/84.
     */
    @Test
    void krippendorffsBinaryExampleThroughTamgasTally() {
        int[] a = {0, 1, 0, 0, 0, 0, 0, 0, 1, 0};
        int[] b = {1, 1, 1, 0, 0, 1, 0, 0, 0, 0};
        AgreementStatistics.Tally tally = new AgreementStatistics.Tally();
        for (int u = 0; u < 10; u++) tally.add(a[u] | b[u] << 1, 1);
        AgreementStatistics.Coefficients c = AgreementStatistics.coefficients(tally, 2);
        assertEquals(0.095, c.alpha(), 0.0005);
        assertEquals(8.0 / 84, c.alpha(), 1e-12);
        assertEquals(0.6, c.percent(), 1e-12);
        // Cohen: p_A = 0.2, p_B = 0.4; p_e = 0.2*0.4 + 0.8*0.6 = 0.56; kappa = (0.6 - 0.56) / 0.44
        assertEquals(0.04 / 0.44, c.cohen(), 1e-12);
        // Fleiss (= Scott's pi for two coders): p_1 = 6/20; P_e = 0.09 + 0.49 = 0.58; kappa = (0.6 - 0.58) / 0.42
        assertEquals(0.02 / 0.42, c.fleiss(), 1e-12);
        assertEquals(List.of(), c.notes());
    }

    /**
     * Cohen, J. (1960). A coefficient of agreement for nominal scales. Educational and Psychological
     * Measurement 20(1), 37–46, the example on p. 45: 200 items, three categories, judge A by row,
     * judge B by column:
     * <pre>
     *          1    2    3
     *   1     88   14   18
     *   2     10   40   10
     *   3      2    6   12
     * </pre>
     * Published: p_o = .70, p_c = .41, κ = .492. By hand: p_c = .60*.50 + .30*.30 + .10*.20 = .41;
     * κ = (.70 - .41) / (1 - .41) = .29 / .59.
     */
    @Test
    void cohensTextbookExample() {
        int[][] table = {{88, 14, 18}, {10, 40, 10}, {2, 6, 12}};
        Map<List<Object>, Long> patterns = new LinkedHashMap<>();
        for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) patterns.put(List.of(i + 1, j + 1), (long) table[i][j]);
        AgreementStatistics.PatternStudy s = new AgreementStatistics.PatternStudy(patterns, 2);
        assertEquals(200, s.getItemCount());
        AgreementStatistics.Coefficients c = AgreementStatistics.coefficients(s, new ArrayList<>());
        assertEquals(0.492, c.cohen(), 0.0005);
        assertEquals(0.29 / 0.59, c.cohen(), 1e-12);
        assertEquals(0.70, c.percent(), 1e-12);
    }

    /**
     * Fleiss' κ, the worked example of Wikipedia's "Fleiss' kappa" article (ten subjects, fourteen
     * raters, five categories; each row says how many raters chose each category):
     * <pre>
     *   subject  1  2  3  4  5
     *   1        0  0  0  0 14
     *   2        0  2  6  4  2
     *   3        0  0  3  5  6
     *   4        0  3  9  2  0
     *   5        2  2  8  1  1
     *   6        7  7  0  0  0
     *   7        3  2  6  3  0
     *   8        2  5  3  2  2
     *   9        6  5  2  1  0
     *   10       0  2  2  3  7
     * </pre>
     * Published: P̄ = 0.378, P̄e = 0.213, κ = 0.210. By hand: p_j = 20, 28, 39, 21, 32 of 140; P̄e = Σ p_j²;
     * P_i = (Σ_j n_ij² - 14) / (14 * 13); P̄ = mean of P_i.
     */
    @Test
    void fleissWorkedExample() {
        int[][] rows = {{0, 0, 0, 0, 14}, {0, 2, 6, 4, 2}, {0, 0, 3, 5, 6}, {0, 3, 9, 2, 0}, {2, 2, 8, 1, 1},
                {7, 7, 0, 0, 0}, {3, 2, 6, 3, 0}, {2, 5, 3, 2, 2}, {6, 5, 2, 1, 0}, {0, 2, 2, 3, 7}};
        List<Object[]> units = new ArrayList<>();
        double pBar = 0;
        for (int[] row : rows) {
            List<Object> decisions = new ArrayList<>();
            int squares = 0;
            for (int j = 0; j < 5; j++) {
                for (int k = 0; k < row[j]; k++) decisions.add(j + 1);
                squares += row[j] * row[j];
            }
            units.add(decisions.toArray());
            pBar += (squares - 14) / (14.0 * 13) / rows.length;
        }
        AgreementStatistics.PatternStudy s = study(14, units.toArray(Object[][]::new));
        double pe = 0;
        for (int total : new int[]{20, 28, 39, 21, 32}) pe += (total / 140.0) * (total / 140.0);
        AgreementStatistics.Coefficients c = AgreementStatistics.coefficients(s, new ArrayList<>());
        assertEquals(0.210, c.fleiss(), 0.0005);
        assertEquals((pBar - pe) / (1 - pe), c.fleiss(), 1e-9);
        assertEquals(0.378, pBar, 0.0005);
        assertEquals(0.213, pe, 0.0005);
        assertNull(c.cohen(), "Cohen's kappa is for two raters");
        assertTrue(c.notes().contains("Cohen's kappa is for two coders"), c.notes().toString());
    }

    /**
     * The pattern study (each pattern summed once, weighted by its units) gives what DKPro gives on its
     * own study holding every unit, for two to four coders, few units and many.
     */
    @Test
    void patternsGiveWhatEveryUnitGives() {
        Random random = new Random(40);
        for (int round = 0; round < 40; round++) {
            int raters = 2 + random.nextInt(3);
            int most = round < 30 ? 6 : 3000;
            AgreementStatistics.Tally tally = new AgreementStatistics.Tally();
            CodingAnnotationStudy every = new CodingAnnotationStudy(raters);
            int patterns = 1 << raters;
            for (int p = 0; p < patterns; p++) {
                int n = random.nextInt(most);
                tally.add(p, n);
                Object[] decisions = new Object[raters];
                for (int r = 0; r < raters; r++) decisions[r] = (p & (1 << r)) != 0;
                if (n > 0) every.addMultipleItems(n, decisions);
            }
            AgreementStatistics.Coefficients c = AgreementStatistics.coefficients(tally, raters);
            if (every.getCategoryCount() < 2) {
                assertEquals(1.0, c.percent());
                assertNull(c.alpha());
                continue;
            }
            assertEquals(every.getItemCount(), tally.total());
            assertEquals(new PercentageAgreement(every).calculateAgreement(), c.percent(), 1e-10);
            assertEquals(new FleissKappaAgreement(every).calculateAgreement(), c.fleiss(), 1e-10);
            assertEquals(new KrippendorffAlphaAgreement(every, new NominalDistanceFunction()).calculateAgreement(), c.alpha(), 1e-10);
            if (raters == 2) assertEquals(new CohenKappaAgreement(every).calculateAgreement(), c.cohen(), 1e-10);
            else assertNull(c.cohen());
        }
    }

    @Test
    void oneCategoryOnlyGivesFullPercentAgreementAndNoCoefficients() {
        AgreementStatistics.Tally none = new AgreementStatistics.Tally();
        none.add(0, 12);
        AgreementStatistics.Coefficients c = AgreementStatistics.coefficients(none, 2);
        assertEquals(1.0, c.percent());
        assertNull(c.cohen());
        assertNull(c.fleiss());
        assertNull(c.alpha());
        assertEquals(List.of("no coder coded any unit: percent agreement is 1, kappa and alpha are undefined"), c.notes());

        AgreementStatistics.Tally all = new AgreementStatistics.Tally();
        all.add(0b111, 3);
        assertEquals(List.of("every coder coded every unit: percent agreement is 1, kappa and alpha are undefined"),
                AgreementStatistics.coefficients(all, 3).notes());

        AgreementStatistics.Coefficients empty = AgreementStatistics.coefficients(new AgreementStatistics.Tally(), 2);
        assertNull(empty.percent());
        assertEquals(List.of("no units"), empty.notes());
    }

    @Test
    void patternStudyShowsEveryUnitInOrder() {
        AgreementStatistics.Tally tally = new AgreementStatistics.Tally();
        tally.add(0b01, 2);
        tally.add(0b11, 1);
        tally.add(0b10, 0);
        AgreementStatistics.PatternStudy s = new AgreementStatistics.PatternStudy(tally, 2);
        assertEquals(3, s.getItemCount());
        assertEquals(6, s.getUnitCount());
        assertEquals(2, s.getCategoryCount());
        assertTrue(s.isDichotomous());
        assertFalse(s.hasMissingValues());
        Object coded = true, notCoded = false;
        assertEquals(coded, s.getItem(0).getUnit(0).getCategory());
        assertEquals(notCoded, s.getItem(1).getUnit(1).getCategory());
        assertEquals(coded, s.getItem(2).getUnit(1).getCategory());
        assertThrows(IndexOutOfBoundsException.class, () -> s.getItem(3));
        var it = s.getItems().iterator();
        int n = 0;
        while (it.hasNext()) { it.next(); n++; }
        assertEquals(3, n);
        assertThrows(java.util.NoSuchElementException.class, it::next);
        assertEquals(1, tally.coded(1));
        assertEquals(3, tally.coded(0));
    }

    /**
     * Unitized alpha on a continuum of ten characters, one code: coder 0 coded [2, 6), coder 1 [3, 6).
     * By hand (Krippendorff 1995, as DKPro computes it):
     * <ul>
     *   <li>observed: the two units overlap, begin 2 vs 3, length 4 vs 3: (2 - 3)² + (6 - 6)² = 1;
     *       unit-against-gap pairs count only where the gap holds the whole unit, none here;
     *       D_O = 2 * 1 / (m (m - 1) L²) = 2 / (2 * 100) = 0.01.</li>
     *   <li>expected: units of lengths 4 and 3 (N = 2), Σ l(l - 1) = 12 + 6 = 18; gaps 2 and 4 (coder 0),
     *       3 and 4 (coder 1). For l = 4: (N - 1)(2l³ - 3l² + l)/3 = 84/3 = 28, plus l² Σ_{gaps g ≥ l} (g - l + 1)
     *       = 16 * (1 + 1) = 32: 60. For l = 3: 30/3 = 10, plus 9 * (2 + 2 + 1) = 45: 55. D_E = (2/L)(60 + 55)
     *       / (mL(mL - 1) - 18) = 23 / 362.</li>
     *   <li>α = 1 - 0.01 / (23 / 362) = 1 - 3.62 / 23 = 0.8426…</li>
     * </ul>
     */
    @Test
    void unitizedAlphaByHand() {
        AgreementStatistics.Unitized u = new AgreementStatistics.Unitized(2, 10);
        u.add(0, "X", 2, 4);
        u.add(1, "X", 3, 3);
        assertEquals(1 - 0.01 / (23.0 / 362), u.alpha("X"), 1e-12);
        assertEquals(1 - 0.01 / (23.0 / 362), u.alphaAll(), 1e-12, "one code: the study's alpha is the code's");
        assertNull(u.alpha("Y"), "a code nobody coded has no alpha");

        AgreementStatistics.Unitized two = new AgreementStatistics.Unitized(2, 40);
        two.add(0, "X", 2, 4);
        two.add(1, "X", 3, 3);
        two.add(0, "Y", 10, 12);
        two.add(1, "Y", 20, 5);
        two.add(1, "Y", 30, 2);
        assertEquals(two.alphaAllByDkpro(), two.alphaAll(), 1e-12, "the mean over codes is DKPro's study alpha");
        assertNotEquals(two.alpha("X"), two.alphaAll());

        AgreementStatistics.Unitized same = new AgreementStatistics.Unitized(3, 50);
        for (int r = 0; r < 3; r++) { same.add(r, "X", 5, 10); same.add(r, "X", 30, 7); same.add(r, "Z", 0, 3); }
        assertEquals(1.0, same.alpha("X"), 1e-12);
        assertEquals(1.0, same.alphaAll(), 1e-12);

        assertNull(new AgreementStatistics.Unitized(2, 10).alphaAll(), "no units at all");
        assertNull(new AgreementStatistics.Unitized(2, 10).alphaAllByDkpro());
    }
}
