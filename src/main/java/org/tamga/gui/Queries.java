package org.tamga.gui;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.tamga.core.CodingService;
import org.tamga.core.ProjectSession;
import org.tamga.core.SearchService;
import org.tamga.model.Code;
import org.tamga.model.Document;
import org.tamga.model.TamgaException;
import org.tamga.report.FrequencyReport;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/** Reading the project: search, retrieval, the frequency report, the values to filter by; exports. None of it changes the project. */
public final class Queries {
    /** A search as it was asked and answered: kept so that a rebuilt window shows it again. */
    public record Searched(String query, String speaker, Map<String, Set<String>> attributes, SearchService.Result result) {}

    /** The last search's answer (JavaFX thread). */
    public final ObjectProperty<Searched> lastSearch = new SimpleObjectProperty<>();

    private final ProjectModel model;

    Queries(ProjectModel model) { this.model = model; }

    private I18n i18n() { return model.i18n(); }

    /**
     * Searches the documents whose attributes hold one of the chosen values of each attribute (all
     * documents when none are chosen), in one speaker's turns if {@code speaker} is not null.
     */
    public void search(String query, String speaker, Map<String, Set<String>> attributes, Consumer<Searched> then) {
        model.read(i18n().t("task.search", query), s -> {
            SearchService.Request request = SearchService.Request.of(query).context(50).limit(5000).spokenBy(speaker);
            if (!attributes.isEmpty()) request = request.inDocuments(documentsWhere(s, attributes));
            return new Searched(query, speaker, Map.copyOf(attributes), s.search().search(request));
        }, searched -> {
            lastSearch.set(searched);
            if (then != null) then.accept(searched);
        });
    }

    /** The documents with, for every attribute named, one of its chosen values (their own or their case's). */
    static List<Document> documentsWhere(ProjectSession s, Map<String, Set<String>> wanted) {
        Set<String> result = null;
        Map<String, Document> byGuid = new LinkedHashMap<>();
        for (var e : wanted.entrySet()) {
            Set<String> any = new LinkedHashSet<>();
            for (String value : e.getValue()) {
                for (Document d : s.cases().documentsWhere(Map.of(e.getKey(), value))) { any.add(d.guid()); byGuid.put(d.guid(), d); }
            }
            if (result == null) result = any; else result.retainAll(any);
        }
        if (result == null) return List.of();
        if (result.isEmpty()) throw new TamgaException("No document has the chosen attribute values.");
        List<Document> out = new ArrayList<>();
        for (String g : result) out.add(byGuid.get(g));
        return out;
    }

    /** A retrieved passage: the coding (to jump to it) and the quote (its speaker, paragraph and context). */
    public record Retrieved(CodingService.Segment segment, org.tamga.report.QuoteReport.Quote quote) {}

    /** How much context the retrieval view shows on either side of a passage (code points). */
    static final int CONTEXT = 80;

    /** Every passage coded with any of the codes (each once), in document and position order, with its speaker and context. */
    public void retrieve(List<Code> codes, boolean withChildren, Consumer<List<Retrieved>> then) {
        Set<String> coders = model.visibleCoders();
        model.read(i18n().t("task.retrieve"), s -> {
            List<CodingService.Segment> segments = segments(s, codes, withChildren, coders);
            List<org.tamga.report.QuoteReport.Quote> quotes = s.reports().quotes(segments, codes, CONTEXT).quotes();
            List<Retrieved> out = new ArrayList<>(segments.size());
            for (int i = 0; i < segments.size(); i++) out.add(new Retrieved(segments.get(i), quotes.get(i)));
            return out;
        }, then);
    }

    static List<CodingService.Segment> segments(ProjectSession s, List<Code> codes, boolean withChildren, Set<String> coders) {
        Map<String, CodingService.Segment> byGuid = new LinkedHashMap<>();
        for (Code c : codes) for (CodingService.Segment seg : s.coding().retrieve(c, withChildren, coders)) byGuid.putIfAbsent(seg.coding().guid(), seg);
        List<CodingService.Segment> out = new ArrayList<>(byGuid.values());
        out.sort(Comparator.comparing((CodingService.Segment x) -> x.document().name(), String.CASE_INSENSITIVE_ORDER)
                .thenComparingInt(x -> x.coding().start()));
        return out;
    }

    /** Writes the passages of the codes as a quote report for a paper: DOCX or HTML by the file's ending. */
    public void exportQuotes(List<Code> codes, boolean withChildren, Path file, Consumer<Path> then) {
        Set<String> coders = model.visibleCoders();
        boolean docx = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".docx");
        export(file, s -> {
            org.tamga.report.QuoteReport report = s.reports().quotes(segments(s, codes, withChildren, coders), codes,
                    org.tamga.core.ReportService.DEFAULT_QUOTE_CONTEXT);
            if (docx) org.tamga.report.QuoteWriter.docx(report, file); else org.tamga.report.QuoteWriter.html(report, file);
            return file;
        }, then);
    }

    /** The frequency report over the documents with the chosen attribute values (all documents when none are chosen). */
    public void frequencies(Map<String, Set<String>> attributes, Consumer<FrequencyReport> then) {
        List<String> coders = List.copyOf(model.visibleCoders());
        model.read(i18n().t("task.report"), s -> s.reports().frequencies(new org.tamga.core.Scope(coders,
                attributes.isEmpty() ? List.of() : documentsWhere(s, attributes), null, true)), then);
    }

    // ---- analysis ---------------------------------------------------------------------------------

    /** The co-occurrence table of all codings. */
    public void cooccurrence(org.tamga.report.Cooccurrence.Rule rule, boolean withChildren, Consumer<org.tamga.report.Cooccurrence> then) {
        List<String> coders = List.copyOf(model.visibleCoders());
        Limits limits = analysisLimits;
        model.read(i18n().t("task.analysis"), s -> s.analysis().cooccurrence(scope(s, coders, limits), rule, withChildren), then);
    }

    /** Where two codes occur together under the rule. */
    public void together(org.tamga.report.Cooccurrence.Rule rule, boolean withChildren, Code a, Code b,
                         Consumer<List<org.tamga.core.AnalysisService.Together>> then) {
        List<String> coders = List.copyOf(model.visibleCoders());
        Limits limits = analysisLimits;
        model.read(i18n().t("task.retrieve"), s -> s.analysis().together(scope(s, coders, limits), rule, withChildren, a, b), then);
    }

    /** A code × attribute or code × case table of all codings. */
    public void crosstab(org.tamga.core.AnalysisService.Columns columns, boolean withChildren, Consumer<org.tamga.report.Crosstab> then) {
        List<String> coders = List.copyOf(model.visibleCoders());
        Limits limits = analysisLimits;
        model.read(i18n().t("task.analysis"), s -> s.analysis().crosstab(scope(s, coders, limits), columns, withChildren), then);
    }

    /** The codings behind one cell of a crosstab. */
    public void passages(org.tamga.core.AnalysisService.Columns columns, boolean withChildren, Code code, org.tamga.report.Crosstab.Column column,
                         Consumer<List<CodingService.Segment>> then) {
        List<String> coders = List.copyOf(model.visibleCoders());
        Limits limits = analysisLimits;
        model.read(i18n().t("task.retrieve"), s -> s.analysis().passages(scope(s, coders, limits), columns, withChildren, code, column), then);
    }

    /** The attributes (name and type) there are, and whether the project has cases. */
    public record Dimensions(List<org.tamga.model.Attribute> attributes, boolean cases) {}

    public void dimensions(Consumer<Dimensions> then) {
        model.read(i18n().t("task.read"), s -> new Dimensions(s.cases().attributes(), !s.cases().cases().isEmpty()), then);
    }

    // ---- agreement ------------------------------------------------------------------------------

    /**
     * Agreement between the chosen coders (whoever the window shows), limited like the analyses:
     * documents with the chosen attribute value, one speaker.
     */
    public void agreement(List<String> coders, org.tamga.core.AgreementUnit unit, org.tamga.core.AgreementService.Coverage coverage,
                          boolean withChildren, Consumer<org.tamga.report.AgreementReport> then) {
        Limits limits = analysisLimits;
        model.read(i18n().t("task.agreement"), s -> s.agreement().agreement(
                new org.tamga.core.AgreementService.Request(scope(s, coders, limits), List.of(), withChildren, unit, coverage)), then);
    }

    /** The passages where two coders differ with one code (null: any code), and the memos already written on each. */
    public void disagreements(String coderA, String coderB, Code code, boolean withChildren, int tolerance, Consumer<Disagreements> then) {
        Limits limits = analysisLimits;
        model.read(i18n().t("task.agreement"), s -> {
            var found = s.agreement().disagreements(scope(s, List.of(coderA, coderB), limits), code == null ? List.of() : List.of(code), withChildren, tolerance);
            Map<String, List<org.tamga.model.Memo>> memos = new LinkedHashMap<>();
            for (var m : s.memos()) memos.computeIfAbsent(m.title(), k -> new ArrayList<>()).add(m);
            return new Disagreements(found, memos);
        }, then);
    }

    /**
     * Disagreements as listed, with the project's memos by title (a passage's memos are those titled
     * {@link org.tamga.core.AgreementService#memoTitle}).
     */
    public record Disagreements(List<org.tamga.core.AgreementService.Disagreement> passages, Map<String, List<org.tamga.model.Memo>> memosByTitle) {
        public List<org.tamga.model.Memo> memos(org.tamga.core.AgreementService.Disagreement d) {
            return memosByTitle.getOrDefault(org.tamga.core.AgreementService.memoTitle(d), List.of());
        }
    }

    /** Whose codings the analyses count: those the window shows. */
    /** What the analyses are limited to besides whose codings are shown: documents with some attribute values, one speaker. */
    public record Limits(Map<String, Set<String>> attributes, String speaker) {
        public Limits {
            attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
            if (speaker != null && speaker.isBlank()) speaker = null;
        }

        static final Limits NONE = new Limits(Map.of(), null);
    }

    /** Set on the JavaFX thread by the Analysis area; read when an analysis is asked for. */
    private volatile Limits analysisLimits = Limits.NONE;

    void limitAnalyses(Limits limits) { analysisLimits = limits == null ? Limits.NONE : limits; }

    Limits analysisLimits() { return analysisLimits; }

    /** The scope of an analysis: the coders shown, the documents with the chosen attribute values, the chosen speaker. */
    static org.tamga.core.Scope scope(ProjectSession s, List<String> coders, Limits limits) {
        List<Document> docs = limits.attributes().isEmpty() ? List.of() : documentsWhere(s, limits.attributes());
        return new org.tamga.core.Scope(coders, docs, limits.speaker(), true);
    }

    /** Every attribute with the values documents have of it, for choosing whose codes to count. */
    public void attributeValues(Consumer<Map<String, List<String>>> then) {
        model.read(i18n().t("task.read"), s -> s.cases().valuesInUse(), then);
    }

    /** The speakers of the project (most turns first). */
    public void speakers(Consumer<List<String>> then) {
        model.read(i18n().t("task.read"), s -> s.speakers().speakers(null).stream().map(org.tamga.core.SpeakerService.Speaker::name).toList(), then);
    }

    /** Writes an export in the background (the window stays usable); {@code then} gets the file written. */
    public void export(Path file, Function<ProjectSession, ?> write, Consumer<Path> then) {
        model.read(i18n().t("task.export", file.getFileName()), s -> { var unused = write.apply(s); return file; }, p -> {
            model.status.set(i18n().t("status.exported", p.toString()));
            if (then != null) then.accept(p);
        });
    }

    /** Work that needs no open project (a file written from what the window already has, a .qdpx imported into a new file). */
    public <T> void work(String title, TaskExecutor.Work<T> work, Consumer<T> then) {
        model.tasks.run(title, work, then);
    }
}
