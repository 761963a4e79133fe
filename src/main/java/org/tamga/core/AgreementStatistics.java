package org.tamga.core;

import org.dkpro.statistics.agreement.AnnotationUnit;
import org.dkpro.statistics.agreement.IAnnotationUnit;
import org.dkpro.statistics.agreement.InsufficientDataException;
import org.dkpro.statistics.agreement.coding.CodingAnnotationStudy;
import org.dkpro.statistics.agreement.coding.CohenKappaAgreement;
import org.dkpro.statistics.agreement.coding.FleissKappaAgreement;
import org.dkpro.statistics.agreement.coding.ICodingAnnotationItem;
import org.dkpro.statistics.agreement.coding.ICodingAnnotationStudy;
import org.dkpro.statistics.agreement.coding.KrippendorffAlphaAgreement;
import org.dkpro.statistics.agreement.coding.PercentageAgreement;
import org.dkpro.statistics.agreement.distance.NominalDistanceFunction;
import org.dkpro.statistics.agreement.unitizing.IUnitizingAnnotationStudy;
import org.dkpro.statistics.agreement.unitizing.KrippendorffAlphaUnitizingAgreement;
import org.dkpro.statistics.agreement.unitizing.UnitizingAnnotationStudy;
import org.tamga.model.TamgaException;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;
import java.util.function.DoubleSupplier;
import java.util.function.ToDoubleFunction;

/**
 * How Tamga hands its units to DKPro Agreement, which computes every coefficient (ADR 40).
 *
 * <p>Coding studies: each unit is one item, each coder one rater, the category {@code TRUE}
 * ("coded") or {@code FALSE} ("not coded"). Units with the same decisions are interchangeable, so
 * Tamga keeps only how many units have each pattern of decisions ({@link Tally}) and
 * {@link PatternStudy} shows DKPro every unit, one shared item per pattern, without holding a
 * hundred thousand character units in memory.
 *
 * <p>Unitizing studies: one continuum, each coder a rater, each code a category, each stretch a coder
 * coded with a code one unit ({@link Unitized}).
 */
final class AgreementStatistics {
    private AgreementStatistics() {}

    /**
     * How many units got each pattern of decisions: bit i of the pattern is set when coder i coded
     * the unit. In pattern order, so results never depend on the order units were counted in.
     */
    static final class Tally {
        private final TreeMap<Integer, Long> counts = new TreeMap<>();

        void add(int pattern, long units) {
            if (units > 0) counts.merge(pattern, units, Long::sum);
        }

        void addAll(Tally other) { other.counts.forEach(this::add); }

        long total() {
            long n = 0;
            for (long c : counts.values()) n += c;
            return n;
        }

        /** How many units coder i coded. */
        long coded(int coder) {
            long n = 0;
            for (Map.Entry<Integer, Long> e : counts.entrySet()) if ((e.getKey() & (1 << coder)) != 0) n += e.getValue();
            return n;
        }

        Map<Integer, Long> counts() { return counts; }
    }

    /** The coefficients of a coding study; null where one does not apply or is undefined, with the reasons. */
    record Coefficients(Double percent, Double cohen, Double fleiss, Double alpha, List<String> notes) {}

    /** Percent agreement, Cohen's κ (two coders), Fleiss' κ and Krippendorff's α (nominal) of a tally, by DKPro Agreement. */
    static Coefficients coefficients(Tally tally, int coders) {
        List<String> notes = new ArrayList<>();
        long units = tally.total();
        if (units == 0) {
            notes.add("no units");
            return new Coefficients(null, null, null, null, notes);
        }
        int all = (1 << coders) - 1;
        boolean someCoded = false, someNot = false;
        for (int pattern : tally.counts().keySet()) {
            if (pattern != 0) someCoded = true;
            if (pattern != all) someNot = true;
        }
        if (!someCoded || !someNot) {
            // one category only: DKPro refuses (there is no decision to agree on); every pair agrees on every unit
            notes.add((someCoded ? "every coder coded every unit" : "no coder coded any unit")
                    + ": percent agreement is 1, kappa and alpha are undefined");
            return new Coefficients(1.0, null, null, null, notes);
        }
        if (units > Integer.MAX_VALUE) {
            throw new TamgaException("Too many units to compare (" + units + "); choose fewer documents or codes, or a larger unit.");
        }
        return coefficients(new PatternStudy(tally, coders), notes);
    }

    /** The four coefficients of any coding study (Cohen's κ only for two raters), by DKPro Agreement. */
    static Coefficients coefficients(PatternStudy study, List<String> notes) {
        Double percent = measure(() -> new Percent(study).calculateAgreement(), "percent agreement", notes);
        Double cohen = null;
        if (study.getRaterCount() == 2) cohen = measure(() -> new Cohen(study).calculateAgreement(), "Cohen's kappa", notes);
        else notes.add("Cohen's kappa is for two coders");
        Double fleiss = measure(() -> new Fleiss(study).calculateAgreement(), "Fleiss' kappa", notes);
        Double alpha = measure(() -> new Alpha(study).calculateAgreement(), "Krippendorff's alpha", notes);
        return new Coefficients(percent, cohen, fleiss, alpha, notes);
    }

    // DKPro's measures sum over the study's items, one at a time. A pattern study's items repeat (a
    // pattern shared by 100,000 characters is 100,000 items), so each measure below is DKPro's, with
    // only its sums over items taken once per pattern and multiplied by the pattern's units. Everything
    // else (the per-item terms, the coefficient from observed and expected agreement, the refusals) is
    // DKPro's own; AgreementStatisticsTest checks the results against DKPro's on every unit.

    /** DKPro's observed agreement (share of agreeing rater pairs), each pattern counted once with its weight. */
    private static double observed(PatternStudy study, ToDoubleFunction<ICodingAnnotationItem> itemAgreement) {
        if (study.getCategoryCount() <= 1) {
            throw new InsufficientDataException("An annotation study needs at least two different categories.");
        }
        double agreeing = 0, pairs = 0;
        for (int k = 0; k < study.patterns(); k++) {
            ICodingAnnotationItem item = study.pattern(k);
            if (item.getRaterCount() <= 1) continue;
            agreeing += study.units(k) * itemAgreement.applyAsDouble(item);
            pairs += (double) study.units(k) * item.getRaterCount();
        }
        return agreeing / pairs;
    }

    /** DKPro's percent agreement over a pattern study. */
    static final class Percent extends PercentageAgreement {
        private final PatternStudy patterns;

        Percent(PatternStudy study) { super(study); this.patterns = study; }

        @Override public double calculateObservedAgreement() { return observed(patterns, this::doCalculateItemAgreement); }
    }

    /** DKPro's Cohen's κ over a pattern study. */
    static final class Cohen extends CohenKappaAgreement {
        private final PatternStudy patterns;

        Cohen(PatternStudy study) { super(study); this.patterns = study; }

        @Override public double calculateObservedAgreement() { return observed(patterns, this::doCalculateItemAgreement); }

        /** Σ over categories of the product of each rater's count in it, over N²: the raters' counts summed per pattern. */
        @Override
        public double calculateExpectedAgreement() {
            Map<Object, long[]> byRater = new HashMap<>();
            for (int k = 0; k < patterns.patterns(); k++) {
                for (IAnnotationUnit u : patterns.pattern(k).getUnits()) {
                    if (u.getCategory() == null) continue;
                    byRater.computeIfAbsent(u.getCategory(), c -> new long[patterns.getRaterCount()])[u.getRaterIdx()] += patterns.units(k);
                }
            }
            BigDecimal sum = BigDecimal.ZERO;
            for (Object category : patterns.getCategories()) {
                long[] counts = byRater.get(category);
                if (counts == null) continue;
                BigDecimal product = BigDecimal.ONE;
                for (long c : counts) product = product.multiply(BigDecimal.valueOf(c));
                sum = sum.add(product);
            }
            return sum.divide(BigDecimal.valueOf(patterns.getItemCount()).pow(2), MathContext.DECIMAL128).doubleValue();
        }
    }

    /** DKPro's Fleiss' κ over a pattern study. */
    static final class Fleiss extends FleissKappaAgreement {
        private final PatternStudy patterns;

        Fleiss(PatternStudy study) { super(study); this.patterns = study; }

        @Override public double calculateObservedAgreement() { return observed(patterns, this::doCalculateItemAgreement); }

        /** Σ over categories of (Σ over units of the share of the unit's raters who chose it)², over N². */
        @Override
        public double calculateExpectedAgreement() {
            Map<Object, BigDecimal> shares = new HashMap<>();
            for (int k = 0; k < patterns.patterns(); k++) {
                ICodingAnnotationItem item = patterns.pattern(k);
                for (Map.Entry<Object, Integer> e : CodingAnnotationStudy.countTotalAnnotationsPerCategory(item).entrySet()) {
                    BigDecimal share = BigDecimal.valueOf(e.getValue())
                            .divide(BigDecimal.valueOf(item.getRaterCount()), MathContext.DECIMAL128)
                            .multiply(BigDecimal.valueOf(patterns.units(k)));
                    shares.merge(e.getKey(), share, BigDecimal::add);
                }
            }
            BigDecimal sum = BigDecimal.ZERO;
            for (BigDecimal p : shares.values()) sum = sum.add(p.pow(2));
            return sum.divide(BigDecimal.valueOf(patterns.getItemCount()).pow(2), MathContext.DECIMAL128).doubleValue();
        }
    }

    /** DKPro's Krippendorff's α (nominal) over a pattern study: its coincidence matrix summed once per pattern. */
    static final class Alpha extends KrippendorffAlphaAgreement {
        Alpha(PatternStudy study) {
            super(study, new NominalDistanceFunction());
            Map<Object, Map<Object, Double>> matrix = new HashMap<>();
            for (int k = 0; k < study.patterns(); k++) {
                long units = study.units(k);
                var item = CodingAnnotationStudy.countCategoryCoincidence(study.pattern(k));
                for (Map.Entry<Object, Map<Object, Double>> row : item.entrySet()) {
                    Map<Object, Double> into = matrix.computeIfAbsent(row.getKey(), c -> new HashMap<>());
                    for (Map.Entry<Object, Double> cell : row.getValue().entrySet()) into.merge(cell.getKey(), cell.getValue() * units, Double::sum);
                }
            }
            coincidenceMatrix = matrix;
        }
    }

    private static Double measure(DoubleSupplier measure, String name, List<String> notes) {
        try {
            double v = measure.getAsDouble();
            if (Double.isFinite(v)) return v;
            notes.add(name + " is undefined here");
        } catch (InsufficientDataException e) {
            notes.add(name + " is undefined here (" + e.getMessage() + ")");
        }
        return null;
    }

    /**
     * A DKPro coding study that holds each pattern of decisions once with the number of units that
     * have it: DKPro sees as many items as units, the units of one pattern being one shared item.
     * A decision may be null (the coder did not judge the unit: a missing value).
     */
    static final class PatternStudy implements ICodingAnnotationStudy {
        private static final long serialVersionUID = 1L;
        private final int raters;
        private final List<Item> items = new ArrayList<>();
        private final long[] repeats;
        private final int total;
        private final List<Object> categories;
        private final boolean missing;

        /** Coding decisions of a tally: {@code TRUE} coded, {@code FALSE} not coded. */
        PatternStudy(Tally tally, int raters) { this(patterns(tally, raters), raters); }

        /**
         * @param patterns each pattern of decisions (one per rater, null for none) with how many units have it, in a fixed order
         */
        PatternStudy(Map<List<Object>, Long> patterns, int raters) {
            this.raters = raters;
            this.repeats = new long[patterns.size()];
            LinkedHashSet<Object> cats = new LinkedHashSet<>();
            boolean gaps = false;
            int k = 0;
            long n = 0;
            for (Map.Entry<List<Object>, Long> e : patterns.entrySet()) {
                if (e.getKey().size() != raters) throw new IllegalArgumentException("a pattern needs one decision per rater");
                for (Object d : e.getKey()) if (d == null) gaps = true; else cats.add(d);
                items.add(new Item(e.getKey()));
                repeats[k++] = e.getValue();
                n += e.getValue();
            }
            this.total = Math.toIntExact(n);
            this.categories = List.copyOf(cats);
            this.missing = gaps;
        }

        private static Map<List<Object>, Long> patterns(Tally tally, int raters) {
            Map<List<Object>, Long> out = new LinkedHashMap<>();
            for (Map.Entry<Integer, Long> e : tally.counts().entrySet()) {
                List<Object> decisions = new ArrayList<>(raters);
                for (int r = 0; r < raters; r++) decisions.add((e.getKey() & (1 << r)) != 0);
                out.put(decisions, e.getValue());
            }
            return out;
        }

        /** One combination of decisions (rater i decided the i-th; a null decision is no unit of that rater). */
        private static final class Item implements ICodingAnnotationItem {
            private static final long serialVersionUID = 1L;
            private final List<IAnnotationUnit> units = new ArrayList<>();
            private final int decided;

            Item(List<Object> decisions) {
                int n = 0;
                for (int r = 0; r < decisions.size(); r++) {
                    units.add(new AnnotationUnit(r, decisions.get(r)));
                    if (decisions.get(r) != null) n++;
                }
                this.decided = n;
            }

            @Override public IAnnotationUnit getUnit(int raterIdx) { return units.get(raterIdx); }
            @Override public Iterable<IAnnotationUnit> getUnits() { return units; }
            /** How many raters decided this unit (DKPro's count, which leaves missing values out). */
            @Override public int getRaterCount() { return decided; }
        }

        /** How many distinct patterns the study holds. */
        int patterns() { return items.size(); }

        /** The k-th pattern as one item. */
        ICodingAnnotationItem pattern(int k) { return items.get(k); }

        /** How many units have the k-th pattern. */
        long units(int k) { return repeats[k]; }

        @Override public boolean hasMissingValues() { return missing; }

        @Override
        public ICodingAnnotationItem getItem(int index) {
            long left = index;
            for (int k = 0; k < repeats.length; k++) {
                if (left < repeats[k]) return items.get(k);
                left -= repeats[k];
            }
            throw new IndexOutOfBoundsException(index);
        }

        @Override
        public Iterable<ICodingAnnotationItem> getItems() {
            return () -> new Iterator<>() {
                private int k = -1;
                private long left = 0;

                @Override
                public boolean hasNext() {
                    while (left == 0 && k + 1 < repeats.length) left = repeats[++k];
                    return left > 0;
                }

                @Override
                public ICodingAnnotationItem next() {
                    if (!hasNext()) throw new NoSuchElementException();
                    left--;
                    return items.get(k);
                }
            };
        }

        @Override public int getItemCount() { return total; }
        @Override public int getUnitCount() { return (int) Math.min(Integer.MAX_VALUE, (long) total * raters); }
        @Override public int getRaterCount() { return raters; }
        @Override public int findRater(String name) { return -1; }
        @Override public Iterable<Object> getCategories() { return categories; }
        @Override public int getCategoryCount() { return categories.size(); }
        @Override public boolean isDichotomous() { return categories.size() == 2; }
    }

    /**
     * Krippendorff's unitized alpha (DKPro's {@link KrippendorffAlphaUnitizingAgreement}) over one
     * continuum: per code, and over all codes (observed and expected disagreements averaged over the
     * codes that have units, as DKPro computes the study's alpha).
     */
    static final class Unitized {
        private final UnitizingAnnotationStudy study;
        private final Measure measure;

        /** @param length the continuum's length; must be positive */
        Unitized(int coders, long length) {
            this.study = new UnitizingAnnotationStudy(coders, 0, length);
            this.measure = new Measure(study);
        }

        /** A stretch [start, start + length) of the continuum coded with {@code code} by coder {@code coder}; stretches of one coder and code must not overlap. */
        void add(int coder, Object code, long start, long length) {
            if (length > 0) study.addUnit(start, length, coder, code);
        }

        /** Per code: DKPro's observed and expected disagreements, each computed once (the expected one is the costly part). */
        private final Map<Object, double[]> disagreements = new HashMap<>();

        private double[] disagreements(Object code) {
            return disagreements.computeIfAbsent(code, c -> new double[]{measure.observed(c), measure.expected(c)});
        }

        /** The code's alpha, or null when no coder coded it or it is undefined. */
        Double alpha(Object code) {
            boolean any = false;
            for (Object c : study.getCategories()) if (c.equals(code)) { any = true; break; }
            if (!any) return null;
            double[] d = disagreements(code);
            return ratio(d[0], d[1]);
        }

        /**
         * Alpha over all codes that have units, or null when none has: as DKPro's study alpha, the
         * observed and expected disagreements averaged over the codes (from the per-code values, so that
         * none is computed twice).
         */
        Double alphaAll() {
            if (study.getCategoryCount() == 0) return null;
            double observed = 0, expected = 0;
            for (Object c : study.getCategories()) {
                double[] d = disagreements(c);
                observed += d[0];
                expected += d[1];
            }
            return ratio(observed / study.getCategoryCount(), expected / study.getCategoryCount());
        }

        /** DKPro's own alpha over all codes, for the test that {@link #alphaAll} gives the same. */
        Double alphaAllByDkpro() {
            if (study.getCategoryCount() == 0) return null;
            return ratio(measure.observedAll(), measure.expectedAll());
        }

        private static Double ratio(double observed, double expected) {
            if (!(expected > 0) || !Double.isFinite(observed)) return null;
            double a = 1.0 - observed / expected;
            return Double.isFinite(a) ? a : null;
        }

        /** DKPro's measure, with its observed and expected disagreements in reach (DKPro's own alpha calls 0/0 zero). */
        private static final class Measure extends KrippendorffAlphaUnitizingAgreement {
            Measure(IUnitizingAnnotationStudy study) { super(study); }

            double observed(Object code) { return calculateObservedCategoryDisagreement(code); }
            double expected(Object code) { return calculateExpectedCategoryDisagreement(code); }
            double observedAll() { return calculateObservedDisagreement(); }
            double expectedAll() { return calculateExpectedDisagreement(); }
        }
    }
}
