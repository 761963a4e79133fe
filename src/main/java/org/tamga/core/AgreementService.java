package org.tamga.core;

import org.tamga.core.text.Positions;
import org.tamga.model.Code;
import org.tamga.model.Codebook;
import org.tamga.model.Coder;
import org.tamga.model.Coding;
import org.tamga.model.Document;
import org.tamga.model.Memo;
import org.tamga.model.TamgaException;
import org.tamga.model.Turn;
import org.tamga.report.AgreementReport;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Inter-coder agreement and the passages where coders differ.
 *
 * <p>{@link #agreement} compares two or more coders per code, per document and overall on a unit
 * ({@link AgreementUnit}): percent agreement, Cohen's κ (two coders), Fleiss' κ and Krippendorff's
 * α on the unit, and Krippendorff's unitized α on the characters, all computed by DKPro Agreement
 * ({@link AgreementStatistics}). {@link #disagreements} lists the passages two coders coded
 * differently; {@link #accept} makes one coder's version the other's too, in one transaction that
 * {@link #undo} and {@link #redo} take back and do again; {@link #memo} writes a memo on a passage.
 * What is a unit, when a unit counts as coded, how codes are pooled: docs/adr/0040-inter-coder-agreement.md.
 */
public final class AgreementService {
    private final ProjectSession session;

    AgreementService(ProjectSession session) { this.session = session; }

    /** When a turn or a paragraph counts as coded with a code by a coder. */
    public enum Coverage {
        /** The coder's codings of the code cover all of it (white space left uncovered does not count). */
        WHOLE,
        /** The coder's codings of the code cover some character of it. */
        PART;

        public String label() { return name().toLowerCase(Locale.ROOT); }

        /** The coverage called {@code name} (any case), or a clear error naming both. */
        public static Coverage parse(String name) {
            String wanted = name == null ? "" : name.strip();
            for (Coverage c : values()) if (c.name().equalsIgnoreCase(wanted)) return c;
            throw new TamgaException("No coverage \u201C" + name + "\u201D (whole or part).");
        }
    }

    /**
     * What to compare.
     *
     * @param scope        the coders (at least two, by name), the documents (empty: all) and the speaker (null: everyone)
     * @param codes        the codes to report (empty: every code one of the coders applied in the scope)
     * @param withChildren a code's row counts codings of the codes below it as codings of it
     * @param unit         the unit (null: character)
     * @param coverage     when a turn or paragraph counts as coded (null: whole)
     */
    public record Request(Scope scope, List<Code> codes, boolean withChildren, AgreementUnit unit, Coverage coverage) {
        public Request {
            scope = scope == null ? Scope.all() : scope;
            codes = codes == null ? List.of() : List.copyOf(codes);
            unit = unit == null ? AgreementUnit.CHARACTER : unit;
            coverage = coverage == null ? Coverage.WHOLE : coverage;
        }
    }

    // ---- agreement ---------------------------------------------------------------------------

    /** Agreement per code, per document and overall. */
    public AgreementReport agreement(Request request) {
        List<Coder> coders = coders(request.scope().coders(), 2, Integer.MAX_VALUE);
        int r = coders.size();
        Codebook book = session.store().codes().codebook();
        List<Loaded> docs = load(documents(request.scope()), coders, request.scope().speaker());
        List<Code> rows = rowCodes(book, request.codes(), request.withChildren(), docs);
        List<Set<Long>> counted = new ArrayList<>();
        for (Code c : rows) counted.add(countedIds(book, c, request.withChildren()));

        long continuum = 0;
        for (Loaded d : docs) continuum += d.region.size();
        AgreementStatistics.Unitized unitizedAll = continuum > 0 ? new AgreementStatistics.Unitized(r, continuum) : null;
        List<AgreementStatistics.Tally> byCode = new ArrayList<>();
        for (int k = 0; k < rows.size(); k++) byCode.add(new AgreementStatistics.Tally());
        AgreementStatistics.Tally pooled = new AgreementStatistics.Tally();
        long units = 0;
        List<AgreementReport.Row> byDocument = new ArrayList<>();
        long offset = 0;
        for (Loaded d : docs) {
            if (d.region.isEmpty()) continue;
            Stretches[][] cover = new Stretches[rows.size()][r];
            for (int k = 0; k < rows.size(); k++) for (int i = 0; i < r; i++) cover[k][i] = d.cover(i, counted.get(k));
            Units u = units(d, request.unit());
            AgreementStatistics.Unitized unitized = new AgreementStatistics.Unitized(r, d.region.size());
            AgreementStatistics.Tally docPooled = new AgreementStatistics.Tally();
            for (int k = 0; k < rows.size(); k++) {
                AgreementStatistics.Tally t = tally(d, u, cover[k], request.unit(), request.coverage());
                for (int i = 0; i < r; i++) {
                    Stretches c = cover[k][i];
                    for (int j = 0; j < c.count(); j++) {
                        long at = d.inContinuum(c.start(j));
                        unitized.add(i, rows.get(k).id(), at, c.end(j) - c.start(j));
                        unitizedAll.add(i, rows.get(k).id(), offset + at, c.end(j) - c.start(j));
                    }
                }
                boolean applied = false;
                for (int i = 0; i < r; i++) if (!cover[k][i].isEmpty()) applied = true;
                if (applied) byDocument.add(codeRow(d.document.name(), book, rows.get(k), t, u.count(), r, unitized.alpha(rows.get(k).id())));
                byCode.get(k).addAll(t);
                docPooled.addAll(t);
            }
            byDocument.add(allRow(d.document.name(), docPooled, u.count(), rows.size(), r, unitized.alphaAll()));
            pooled.addAll(docPooled);
            units += u.count();
            offset += d.region.size();
        }
        List<AgreementReport.Row> codeRows = new ArrayList<>();
        for (int k = 0; k < rows.size(); k++) {
            codeRows.add(codeRow(null, book, rows.get(k), byCode.get(k), units, r,
                    unitizedAll == null ? null : unitizedAll.alpha(rows.get(k).id())));
        }
        codeRows.add(allRow(null, pooled, units, rows.size(), r, unitizedAll == null ? null : unitizedAll.alphaAll()));
        return new AgreementReport(coders.stream().map(Coder::name).toList(), request.unit().label(), request.coverage().label(),
                request.withChildren(), request.scope().speaker(), docs.size(), codeRows, byDocument);
    }

    private static AgreementReport.Row codeRow(String document, Codebook book, Code code, AgreementStatistics.Tally tally,
                                               long units, int coders, Double unitized) {
        List<String> notes = new ArrayList<>();
        AgreementReport.Values v = values(tally, units, coders, unitized, notes);
        return new AgreementReport.Row(document, code.name(), book.path(code), code.guid(), v);
    }

    private static AgreementReport.Row allRow(String document, AgreementStatistics.Tally tally, long units, int codes,
                                              int coders, Double unitized) {
        List<String> notes = new ArrayList<>();
        notes.add(codes == 0 ? "none of the coders applied a code here"
                : "pooled over " + codes + (codes == 1 ? " code" : " codes") + ": a decision per unit and code");
        AgreementReport.Values v = values(tally, units, coders, unitized, notes);
        return new AgreementReport.Row(document, AgreementReport.ALL_CODES, "", null, v);
    }

    private static AgreementReport.Values values(AgreementStatistics.Tally tally, long units, int coders, Double unitized, List<String> notes) {
        AgreementStatistics.Coefficients c = AgreementStatistics.coefficients(tally, coders);
        notes.addAll(c.notes());
        if (unitized == null) notes.add("unitized alpha: no coder coded it here, or it is undefined");
        List<Long> codedBy = new ArrayList<>();
        for (int i = 0; i < coders; i++) codedBy.add(tally.coded(i));
        return new AgreementReport.Values(units, tally.total(), c.percent(), c.cohen(), c.fleiss(), c.alpha(), unitized, codedBy,
                String.join("; ", notes));
    }

    /** The units of one document (clipped to what is in scope): [start, end) pairs, or for characters the characters. */
    private static final class Units {
        private final int[] starts, ends;
        private final Stretches characters;

        Units(int[] starts, int[] ends, Stretches characters) {
            this.starts = starts;
            this.ends = ends;
            this.characters = characters;
        }

        int[] starts() { return starts; }
        int[] ends() { return ends; }
        Stretches characters() { return characters; }
        long count() { return characters != null ? characters.size() : starts.length; }
    }

    private Units units(Loaded d, AgreementUnit unit) {
        return switch (unit) {
            case CHARACTER -> new Units(null, null, d.anyCoded());
            case DOCUMENT -> new Units(new int[]{d.region.start(0)}, new int[]{d.region.end(d.region.count() - 1)}, null);
            case TURN, PARAGRAPH -> {
                List<int[]> raw = new ArrayList<>();
                PassageUnits.InDocument in = d.passages();
                if (unit == AgreementUnit.TURN && !in.turns().isEmpty()) {
                    for (Turn t : in.turns()) raw.add(new int[]{t.start(), t.end()});
                } else {
                    for (PassageUnits.Widened w : in.paragraphs()) raw.add(new int[]{w.start(), w.end()});
                }
                List<int[]> clipped = new ArrayList<>();
                for (int[] x : raw) {
                    Stretches piece = d.region.intersect(Stretches.of(x[0], x[1]));
                    for (int j = 0; j < piece.count(); j++) clipped.add(new int[]{piece.start(j), piece.end(j)});
                }
                int[] s = new int[clipped.size()], e = new int[clipped.size()];
                for (int j = 0; j < s.length; j++) { s[j] = clipped.get(j)[0]; e[j] = clipped.get(j)[1]; }
                yield new Units(s, e, null);
            }
        };
    }

    /** The decisions of every coder on every unit of a document for one code, counted by pattern. */
    private static AgreementStatistics.Tally tally(Loaded d, Units u, Stretches[] cover, AgreementUnit unit, Coverage coverage) {
        AgreementStatistics.Tally t = new AgreementStatistics.Tally();
        if (unit == AgreementUnit.CHARACTER) {
            // between two consecutive boundaries every character has the same decisions
            Stretches chars = u.characters();
            List<Integer> points = new ArrayList<>();
            for (int j = 0; j < chars.count(); j++) { points.add(chars.start(j)); points.add(chars.end(j)); }
            for (Stretches c : cover) for (int j = 0; j < c.count(); j++) { points.add(c.start(j)); points.add(c.end(j)); }
            int[] p = points.stream().mapToInt(Integer::intValue).sorted().distinct().toArray();
            for (int j = 0; j + 1 < p.length; j++) {
                if (!chars.contains(p[j])) continue;
                int pattern = 0;
                for (int i = 0; i < cover.length; i++) if (cover[i].contains(p[j])) pattern |= 1 << i;
                t.add(pattern, p[j + 1] - p[j]);
            }
            return t;
        }
        for (int j = 0; j < u.starts().length; j++) {
            int s = u.starts()[j], e = u.ends()[j];
            int pattern = 0;
            for (int i = 0; i < cover.length; i++) {
                boolean coded = (unit == AgreementUnit.DOCUMENT || coverage == Coverage.PART)
                        ? cover[i].overlaps(s, e) : d.covers(cover[i], s, e);
                if (coded) pattern |= 1 << i;
            }
            t.add(pattern, 1);
        }
        return t;
    }

    /** The codes to report: those asked for, or every code the coders applied in the scope; in codebook order. */
    private static List<Code> rowCodes(Codebook book, List<Code> asked, boolean withChildren, List<Loaded> docs) {
        if (!asked.isEmpty()) {
            Set<Long> wanted = new HashSet<>();
            for (Code c : asked) wanted.add(c.id());
            return book.codes().stream().filter(c -> wanted.contains(c.id())).toList();
        }
        Set<Long> used = new HashSet<>();
        for (Loaded d : docs) used.addAll(d.codesUsed());
        List<Code> out = new ArrayList<>();
        for (Code c : book.codes()) {
            boolean applied = withChildren ? book.withDescendants(c.id()).stream().anyMatch(x -> used.contains(x.id())) : used.contains(c.id());
            if (applied) out.add(c);
        }
        return out;
    }

    private static Set<Long> countedIds(Codebook book, Code code, boolean withChildren) {
        Set<Long> ids = new HashSet<>();
        if (withChildren) for (Code c : book.withDescendants(code.id())) ids.add(c.id());
        ids.add(code.id());
        return ids;
    }

    // ---- what is read of the project ---------------------------------------------------------

    /** The coders named (any case), in the order given; refused when unknown, named twice, or too few or many. */
    private List<Coder> coders(List<String> names, int min, int max) {
        List<Coder> all = session.store().coders().all();
        String known = all.isEmpty() ? "the project has no coders yet" : "coders: " + String.join(", ", all.stream().map(Coder::name).toList());
        List<Coder> out = new ArrayList<>();
        for (String name : names) {
            Coder coder = all.stream().filter(c -> c.name().equalsIgnoreCase(name.strip())).findFirst()
                    .orElseThrow(() -> new TamgaException("No coder \u201C" + name + "\u201D in the project (" + known + ")."));
            if (out.contains(coder)) throw new TamgaException("The coder \u201C" + coder.name() + "\u201D is named twice.");
            out.add(coder);
        }
        if (out.size() < min) {
            throw new TamgaException((min == 2 && max == 2 ? "Name two coders to compare" : "Name at least " + min + " coders to compare")
                    + " (" + (out.isEmpty() ? "none" : out.size()) + " named; " + known + ").");
        }
        if (out.size() > max) throw new TamgaException("Name exactly " + max + " coders to compare (" + out.size() + " named).");
        if (out.size() > 30) throw new TamgaException("Compare at most 30 coders at once (" + out.size() + " named).");
        return out;
    }

    /** The scope's documents (all when none is named), each once, by name. */
    private List<Document> documents(Scope scope) {
        List<Document> docs = scope.documents().isEmpty() ? session.store().documents().all() : scope.documents();
        Map<Long, Document> unique = new LinkedHashMap<>();
        for (Document d : docs) unique.putIfAbsent(d.id(), d);
        List<Document> out = new ArrayList<>(unique.values());
        out.sort(Comparator.comparing(Document::name, String.CASE_INSENSITIVE_ORDER).thenComparingLong(Document::id));
        return out;
    }

    private List<Loaded> load(List<Document> docs, List<Coder> coders, String speaker) {
        Map<Long, List<Turn>> spoken = speaker == null ? null : session.speakers().turnsByDocument(speaker);
        List<Loaded> out = new ArrayList<>();
        for (Document d : docs) {
            Stretches region;
            if (spoken == null) {
                region = Stretches.of(0, d.length());
            } else {
                List<int[]> turns = new ArrayList<>();
                for (Turn t : spoken.getOrDefault(d.id(), List.of())) turns.add(new int[]{t.start(), t.end()});
                region = Stretches.union(turns);
            }
            out.add(new Loaded(d, region, coders, session.store().codings().ofDocument(d.id())));
        }
        return out;
    }

    /** One document in scope: its region (all of it, or a speaker's turns), the coders' codings, and its text when needed. */
    private final class Loaded {
        final Document document;
        final Stretches region;
        /** Per coder: the coder's codings of the document that share a character with the region. */
        final List<List<Coding>> codings = new ArrayList<>();
        private PassageUnits.InDocument passages;
        private int[] nonSpace;

        Loaded(Document document, Stretches region, List<Coder> coders, List<Coding> all) {
            this.document = document;
            this.region = region;
            Map<Long, Integer> index = new HashMap<>();
            for (int i = 0; i < coders.size(); i++) { index.put(coders.get(i).id(), i); codings.add(new ArrayList<>()); }
            for (Coding c : all) {
                Integer i = index.get(c.coderId());
                if (i != null && region.overlaps(c.start(), c.end())) codings.get(i).add(c);
            }
        }

        /** What coder i coded with any of the codes, within the region. */
        Stretches cover(int coder, Set<Long> codeIds) {
            List<int[]> ranges = new ArrayList<>();
            for (Coding c : codings.get(coder)) if (codeIds.contains(c.codeId())) ranges.add(new int[]{c.start(), c.end()});
            return Stretches.union(ranges).intersect(region);
        }

        /** The characters of the region that one of the coders coded with some code. */
        Stretches anyCoded() {
            List<int[]> ranges = new ArrayList<>();
            for (List<Coding> list : codings) for (Coding c : list) ranges.add(new int[]{c.start(), c.end()});
            return Stretches.union(ranges).intersect(region);
        }

        Set<Long> codesUsed() {
            Set<Long> out = new HashSet<>();
            for (List<Coding> list : codings) for (Coding c : list) out.add(c.codeId());
            return out;
        }

        PassageUnits.InDocument passages() {
            if (passages == null) passages = session.units().of(document);
            return passages;
        }

        /** Whether {@code cover} holds every character of [s, e) that is not white space. */
        boolean covers(Stretches cover, int s, int e) {
            if (nonSpace == null) nonSpace = nonSpace(session.store().documents().text(document.id()));
            for (int[] gap : cover.gapsIn(s, e)) if (nonSpace[gap[1]] - nonSpace[gap[0]] > 0) return false;
            return true;
        }

        /** A position of the region as a position in the region's stretches laid end to end. */
        long inContinuum(int position) {
            long before = 0;
            for (int j = 0; j < region.count(); j++) {
                if (position < region.end(j)) return before + Math.max(0, position - region.start(j));
                before += region.end(j) - region.start(j);
            }
            return before;
        }
    }

    /** For each code point position p, how many characters before p are not white space. */
    private static int[] nonSpace(String text) {
        int[] out = new int[text.codePointCount(0, text.length()) + 1];
        int k = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            boolean space = Character.isWhitespace(cp) || Character.isSpaceChar(cp) || cp == 0xFEFF;
            out[k + 1] = out[k] + (space ? 0 : 1);
            k++;
            i += Character.charCount(cp);
        }
        return out;
    }

    // ---- disagreements -----------------------------------------------------------------------

    /** How two coders differ on a passage. */
    public enum Kind {
        /** The first coder coded it, the second did not. */
        ONLY_A,
        /** The second coder coded it, the first did not. */
        ONLY_B,
        /** Both coded it, but a stretch coded by one and not the other is longer than the tolerance. */
        BOUNDARIES
    }

    /**
     * A passage two coders coded differently with a code: from the first character either coded to
     * the last (codings that share a character make one passage).
     *
     * @param codePath   the code's path in the codebook
     * @param codingsA   the first coder's codings in the passage (of the code, or of a code below it when asked)
     * @param codingsB   the second coder's
     * @param difference the longest stretch coded by one of them and not the other, in characters
     * @param text       the passage's text
     */
    public record Disagreement(Document document, Code code, String codePath, int start, int end, Kind kind,
                               String coderA, String coderB, List<Coding> codingsA, List<Coding> codingsB,
                               int difference, String text) {
        public Disagreement {
            codingsA = List.copyOf(codingsA);
            codingsB = List.copyOf(codingsB);
        }

        /**
         * What one of the two coders coded of the passage: [start, end) pairs counted from the
         * passage's start (code points), merged and in order.
         *
         * @param first the first coder ({@code coderA}), else the second
         */
        public List<int[]> covered(boolean first) {
            List<int[]> ranges = new ArrayList<>();
            for (Coding c : first ? codingsA : codingsB) ranges.add(new int[]{Math.max(start, c.start()) - start, Math.min(end, c.end()) - start});
            Stretches s = Stretches.union(ranges);
            List<int[]> out = new ArrayList<>();
            for (int i = 0; i < s.count(); i++) out.add(new int[]{s.start(i), s.end(i)});
            return out;
        }

        /** "only Saran", "only Bolor" or "boundaries". */
        public String kindLabel() {
            return switch (kind) {
                case ONLY_A -> "only " + coderA;
                case ONLY_B -> "only " + coderB;
                case BOUNDARIES -> "boundaries";
            };
        }
    }

    /**
     * The passages where two coders differ, by document (as {@link #agreement} orders them) and position.
     * With a speaker, codings that share a character with one of the speaker's turns are compared, whole.
     *
     * @param scope     exactly two coders; documents; speaker
     * @param codes     the codes to compare (empty: every code one of them applied in the scope)
     * @param tolerance boundaries that differ by at most this many characters count as the same
     */
    public List<Disagreement> disagreements(Scope scope, List<Code> codes, boolean withChildren, int tolerance) {
        if (tolerance < 0) throw new TamgaException("The tolerance is a number of characters, 0 or more (not " + tolerance + ").");
        List<Coder> coders = coders(scope.coders(), 2, 2);
        Codebook book = session.store().codes().codebook();
        List<Loaded> docs = load(documents(scope), coders, scope.speaker());
        List<Code> rows = rowCodes(book, codes == null ? List.of() : codes, withChildren, docs);
        String a = coders.get(0).name(), b = coders.get(1).name();
        List<Disagreement> out = new ArrayList<>();
        for (Loaded d : docs) {
            if (d.codings.get(0).isEmpty() && d.codings.get(1).isEmpty()) continue;
            Positions text = null;
            List<Disagreement> here = new ArrayList<>();
            for (Code code : rows) {
                Set<Long> ids = countedIds(book, code, withChildren);
                List<Coding> mine = d.codings.get(0).stream().filter(c -> ids.contains(c.codeId())).toList();
                List<Coding> theirs = d.codings.get(1).stream().filter(c -> ids.contains(c.codeId())).toList();
                if (mine.isEmpty() && theirs.isEmpty()) continue;
                if (text == null) text = new Positions(session.store().documents().text(d.document.id()), d.document.length());
                for (Disagreement x : passages(d.document, code, book.path(code), a, b, mine, theirs, tolerance, text)) here.add(x);
            }
            Map<Long, Integer> order = new HashMap<>();
            for (int i = 0; i < rows.size(); i++) order.put(rows.get(i).id(), i);
            here.sort(Comparator.comparingInt(Disagreement::start).thenComparingInt(Disagreement::end)
                    .thenComparingInt(x -> order.get(x.code().id())));
            out.addAll(here);
        }
        return out;
    }

    /** The passages of one document and code where the two coders differ. */
    private static List<Disagreement> passages(Document doc, Code code, String path, String a, String b, List<Coding> mine,
                                               List<Coding> theirs, int tolerance, Positions text) {
        List<Coding> all = new ArrayList<>(mine);
        all.addAll(theirs);
        all.sort(Comparator.comparingInt(Coding::start).thenComparingInt(Coding::end));
        Set<String> first = new HashSet<>();
        for (Coding c : mine) first.add(c.guid());
        List<Disagreement> out = new ArrayList<>();
        int i = 0;
        while (i < all.size()) {
            int start = all.get(i).start(), end = all.get(i).end();
            List<Coding> inA = new ArrayList<>(), inB = new ArrayList<>();
            while (i < all.size() && all.get(i).start() < end) {
                Coding c = all.get(i++);
                end = Math.max(end, c.end());
                (first.contains(c.guid()) ? inA : inB).add(c);
            }
            Stretches sa = stretches(inA), sb = stretches(inB);
            int difference = Math.max(sa.minus(sb).longest(), sb.minus(sa).longest());
            Kind kind = inB.isEmpty() ? Kind.ONLY_A : inA.isEmpty() ? Kind.ONLY_B : difference > tolerance ? Kind.BOUNDARIES : null;
            if (kind != null) out.add(new Disagreement(doc, code, path, start, end, kind, a, b, inA, inB, difference, text.substring(start, end)));
        }
        return out;
    }

    private static Stretches stretches(List<Coding> codings) {
        List<int[]> ranges = new ArrayList<>();
        for (Coding c : codings) ranges.add(new int[]{c.start(), c.end()});
        return Stretches.union(ranges);
    }

    /**
     * What {@link #accept} did: the other coder's codings it removed and the copies it made (by GUID,
     * as undo needs them).
     */
    public record Acceptance(Disagreement disagreement, String kept, String replaced,
                             List<CodingService.Trace> removed, List<CodingService.Trace> added) {
        public Acceptance {
            removed = List.copyOf(removed);
            added = List.copyOf(added);
        }
    }

    /**
     * Accepts one coder's version of a passage: the other coder's codings in it are removed and the
     * kept coder's are copied as the other coder's (same code and positions, new GUIDs, no memo), so
     * the two agree there. One transaction; refused, with nothing changed, when a coding of the
     * passage has changed or gone since the disagreements were listed.
     *
     * @param keep the coder whose version is kept (either of the passage's two, any case)
     */
    public Acceptance accept(Disagreement d, String keep) {
        boolean keepA;
        if (keep != null && keep.strip().equalsIgnoreCase(d.coderA())) keepA = true;
        else if (keep != null && keep.strip().equalsIgnoreCase(d.coderB())) keepA = false;
        else throw new TamgaException("\u201C" + keep + "\u201D is not one of this passage's coders (" + d.coderA() + ", " + d.coderB() + ").");
        List<Coding> kept = keepA ? d.codingsA() : d.codingsB();
        List<Coding> replaced = keepA ? d.codingsB() : d.codingsA();
        String other = keepA ? d.coderB() : d.coderA();
        var store = session.store();
        return store.inTransaction(() -> {
            for (Coding c : kept) unchanged(d, c);
            for (Coding c : replaced) unchanged(d, c);
            List<CodingService.Trace> removed = new ArrayList<>(), added = new ArrayList<>();
            for (Coding c : replaced) {
                removed.add(session.coding().trace(c));
                store.codings().delete(c.id());
            }
            long otherId = store.coders().getOrCreate(other).id();
            for (Coding c : kept) {
                Coding copy = store.codings().insert(null, c.documentId(), c.codeId(), otherId, c.start(), c.end(), null, null);
                added.add(session.coding().trace(copy));
            }
            return new Acceptance(d, keepA ? d.coderA() : d.coderB(), other, removed, added);
        });
    }

    private void unchanged(Disagreement d, Coding c) {
        Coding now = session.store().codings().byGuid(c.guid()).orElse(null);
        if (now == null || now.start() != c.start() || now.end() != c.end() || now.codeId() != c.codeId() || now.coderId() != c.coderId()) {
            throw new TamgaException("The passage " + d.start() + "\u2013" + d.end() + " of \u201C" + d.document().name()
                    + "\u201D has changed since the disagreements were listed; list them again.");
        }
    }

    /** Takes an acceptance back in one transaction: the copies go, the removed codings come back as they were. */
    public void undo(Acceptance acceptance) {
        session.store().inTransaction(() -> {
            for (CodingService.Trace t : acceptance.added()) session.coding().remove(t.guid());
            for (CodingService.Trace t : acceptance.removed()) {
                if (session.store().codings().byGuid(t.guid()).isEmpty()) session.coding().restore(t);
            }
            return null;
        });
    }

    /** Does an acceptance again after {@link #undo}, in one transaction, with the same GUIDs. */
    public void redo(Acceptance acceptance) {
        session.store().inTransaction(() -> {
            for (CodingService.Trace t : acceptance.removed()) session.coding().remove(t.guid());
            for (CodingService.Trace t : acceptance.added()) {
                if (session.store().codings().byGuid(t.guid()).isEmpty()) session.coding().restore(t);
            }
            return null;
        });
    }

    /**
     * Writes a memo on a passage where the coders differ: a memo of the project whose title
     * ({@link #memoTitle}) names the code, the document, the positions and the two coders.
     */
    public Memo memo(Disagreement d, String text, String coder) {
        return session.addMemo(memoTitle(d), text, coder);
    }

    /** The title of the memos on a passage where two coders differ. */
    public static String memoTitle(Disagreement d) {
        return "Disagreement on \u201C" + d.code().name() + "\u201D in \u201C" + d.document().name() + "\u201D "
                + d.start() + "\u2013" + d.end() + " (" + d.coderA() + " / " + d.coderB() + ")";
    }

    /** The memos written on a passage where two coders differ, oldest first. */
    public List<Memo> memos(Disagreement d) {
        String title = memoTitle(d);
        return session.memos().stream().filter(m -> title.equals(m.title())).toList();
    }

    /** Takes a memo back (the undo of {@link #memo}); a memo already gone is left alone. */
    public void removeMemo(Memo memo) {
        var memos = session.store().memos();
        memos.all().stream().filter(m -> m.guid().equals(memo.guid())).findFirst().ifPresent(m -> memos.delete(m.id()));
    }

    /** Puts a memo taken back with {@link #removeMemo} back as it was, with its GUID (the redo of {@link #memo}). */
    public void restoreMemo(Memo memo) {
        var memos = session.store().memos();
        if (memos.all().stream().noneMatch(m -> m.guid().equals(memo.guid()))) {
            session.store().inTransaction(() -> memos.insert(memo.guid(), memo.title(), memo.text(), memo.coderId(), memo.createdAt(), memo.modifiedAt()));
        }
    }

    /** The names of the project's coders, for messages and pickers. */
    public List<String> coderNames() {
        return session.store().coders().all().stream().map(Coder::name).toList();
    }
}
