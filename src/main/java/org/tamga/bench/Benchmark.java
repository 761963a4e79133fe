package org.tamga.bench;

import org.tamga.core.CodingService;
import org.tamga.core.ImportReport;
import org.tamga.core.ProjectSession;
import org.tamga.core.SampleProject;
import org.tamga.core.Scope;
import org.tamga.core.SearchService;
import org.tamga.core.WordService;
import org.tamga.model.Code;
import org.tamga.model.Document;
import org.tamga.model.TamgaException;
import org.tamga.report.FrequencyReport;
import org.tamga.report.WordFrequencies;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import java.util.Locale;

/**
 * Tamga's benchmark at fieldwork scale ({@code tamga bench}): generates (or reuses) a corpus, imports
 * and indexes it into a fresh project, measures search (with positions and KWIC for the top hits)
 * next to a regular-expression scan and SQLite FTS5 on the same texts, the frequency report at
 * growing numbers of codings, word frequencies (building the word index, then counting for all
 * documents, some, a speaker, a code), opening the project with a warm and a cold index, and the peak heap.
 * Everything runs in this JVM, one step after the other, the same way every time.
 */
public final class Benchmark {
    /** Hits per search that get positions and a KWIC line, as the "top 1,000 hits". */
    public static final int HITS = 1000;
    public static final List<Integer> DEFAULT_CODINGS = List.of(100_000, 1_000_000);
    /** How long each query runs unmeasured before it is measured (see {@link Options#searchWarmupMillis}). */
    public static final long DEFAULT_SEARCH_WARMUP_MILLIS = 1000;
    private static final String[] CODERS = {"Saran", "Li Wei", "Bat-Erdene"};
    private static final int CODING_BATCH = 50_000;

    /**
     * @param documents    transcripts in the corpus
     * @param codings      numbers of codings at which the frequency report is measured, ascending
     * @param seed         the corpus generator's seed
     * @param work         folder for the cached corpus, the run's project, index and FTS5 database, and results.json
     * @param warmup       unmeasured runs of each query (and of each other measurement) first
     * @param runs         measured runs of each query with Tamga and FTS5
     * @param baselineRuns measured runs of each query with the regular-expression scan (it is slow)
     * @param searchWarmupMillis time for which each query is run unmeasured after its warm-up runs, with
     *                     Tamga and FTS5 alike: a search measured in its first few runs measures the JIT
     *                     compiler (a wildcard without hits took 0.2 ms then, 0.01 ms once compiled)
     */
    public record Options(int documents, List<Integer> codings, long seed, Path work, int warmup, int runs, int baselineRuns, long searchWarmupMillis) {
        public Options {
            if (documents < 1) throw new TamgaException("--documents must be at least 1.");
            codings = codings.stream().filter(c -> c > 0).sorted().distinct().toList();
            if (warmup < 0 || runs < 1 || baselineRuns < 1 || searchWarmupMillis < 0)
                throw new TamgaException("--runs and --baseline-runs must be at least 1, --warmup and --search-warmup-ms at least 0.");
        }

        public static Options of(int documents) {
            return new Options(documents, DEFAULT_CODINGS, CorpusGenerator.DEFAULT_SEED, Path.of("target", "bench"), 5, 20, 3, DEFAULT_SEARCH_WARMUP_MILLIS);
        }
    }

    private final Options options;
    private final PrintWriter log;

    public Benchmark(Options options, PrintWriter log) {
        this.options = options;
        this.log = log;
    }

    /** Runs the whole benchmark and writes {@code results.json} into the work folder. */
    public Results run() {
        Results r = new Results();
        r.documents = options.documents();
        r.seed = options.seed();
        r.searchWarmupMillis = options.searchWarmupMillis();
        r.machine = Results.Machine.current();
        try (HeapWatch heap = new HeapWatch()) {
            Path work = options.work().toAbsolutePath();
            Path run = work.resolve("run-" + options.documents());
            deleteTree(run);
            Files.createDirectories(run);
            Path cache = run.resolve("cache");
            Path projectFile = run.resolve("bench.tamga");

            // 1. the corpus
            step("corpus: " + options.documents() + " transcripts (seed " + options.seed() + ")");
            CorpusGenerator generator = new CorpusGenerator(options.seed());
            long t0 = System.nanoTime();
            List<Path> files = generator.ensure(work.resolve("corpus"), options.documents());
            r.corpusSeconds = (System.nanoTime() - t0) / 1e9;
            for (Path f : files) {
                r.corpusBytes += Files.size(f);
                if (f.getFileName().toString().endsWith("-zh.txt")) r.chineseDocuments++;
            }

            // 2. import + index
            step("import + index");
            try (ProjectSession session = ProjectSession.create(projectFile, cache)) {
                int every = Math.max(1, files.size() / 10);
                long cpu = processCpuNanos();
                long t1 = System.nanoTime();
                ImportReport report = session.importing().importFiles(files, null, (i, n, f) -> {
                    if (i > 0 && i % every == 0) log.printf(Locale.ROOT, "  %,d / %,d%n", i, n);
                });
                r.importSeconds = (System.nanoTime() - t1) / 1e9;
                r.importCpuSeconds = (processCpuNanos() - cpu) / 1e9;
                if (!report.ok()) throw new TamgaException(report.failures().getFirst().message());
                if (report.imported().size() != files.size()) {
                    throw new TamgaException("the benchmark corpus imported " + report.imported().size() + " of " + files.size() + " transcripts");
                }
                r.turns = report.turns();
                importCodebook(session, run);
                session.ensureIndex();
                r.projectBytes = treeSize(projectFile) + treeSize(projectFile.resolveSibling(projectFile.getFileName() + "-wal"));
                r.indexBytes = treeSize(session.indexFolder());

                // 3. search: Tamga, then the baselines on the same texts
                List<BenchQuery> queries = BenchQuery.standard();
                step("search with Tamga (" + options.warmup() + " warm-up runs and " + options.searchWarmupMillis() + " ms of them at least, then "
                        + options.runs() + " measured runs per query)");
                measureTamga(session, queries, r);
                step("FTS5 baseline: building its index");
                long t2 = System.nanoTime();
                try (Fts5Search fts = Fts5Search.build(run.resolve("fts5.db"), files)) {
                    r.fts5BuildSeconds = (System.nanoTime() - t2) / 1e9;
                    step("FTS5 baseline: searching");
                    measureFts5(fts, queries, r);
                }
                step("regular-expression scan baseline (" + options.baselineRuns() + " runs per query)");
                measureRegex(session, queries, r);

                // 4. the frequency report at growing numbers of codings
                measureReports(session, r);

                // 5. word frequencies (ADR 38)
                measureWords(session, r);
            }

            // 6. opening the project
            measureOpen(projectFile, cache, r);

            r.peakHeapBytes = heap.peakUsed();
            r.peakLiveHeapBytes = heap.peakAfterGc();
            r.maxHeapBytes = HeapWatch.max();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        r.writeJson(options.work().resolve("results.json"));
        return r;
    }

    /** CPU time of the whole process (all threads, the collector and compiler included), or 0 where unknown. */
    static long processCpuNanos() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? Math.max(0, os.getProcessCpuTime()) : 0;
    }

    private void step(String what) {
        log.println("· " + what);
        log.flush();
    }

    private static void importCodebook(ProjectSession session, Path run) throws IOException {
        Path qdc = run.resolve("codebook.qdc");
        try (InputStream in = Benchmark.class.getResourceAsStream(SampleProject.CODEBOOK)) {
            if (in == null) throw new IllegalStateException("missing resource " + SampleProject.CODEBOOK);
            Files.copy(in, qdc);
        }
        session.codebook().importQdc(qdc);
    }

    private static SearchService.Request request(BenchQuery q) {
        // NOT as the regex scan and FTS5 read it: documents without the word (Tamga's default is passages without it)
        return SearchService.Request.of(q.tamga()).limit(HITS).excludeDocuments(true);
    }

    private void measureTamga(ProjectSession session, List<BenchQuery> queries, Results r) {
        for (BenchQuery q : queries) {
            SearchService.Result first = session.search().search(request(q));
            Results.Query row = r.query(q);
            row.tamgaHits = first.hits().size();
            warmUp(() -> session.search().search(request(q)));
        }
        for (int run = 0; run < options.runs(); run++) {
            for (BenchQuery q : queries) {
                r.query(q).tamga.add(Latencies.time(() -> session.search().search(request(q))));
            }
        }
    }

    /** Runs a query (once run already) its warm-up runs, then on until it has run for the search warm-up time. */
    private void warmUp(Runnable query) {
        long until = System.nanoTime() + options.searchWarmupMillis() * 1_000_000L;
        for (int i = 1; i < options.warmup() || System.nanoTime() < until; i++) query.run();
    }

    private void measureFts5(Fts5Search fts, List<BenchQuery> queries, Results r) {
        for (BenchQuery q : queries) {
            r.query(q).fts5Hits = fts.search(q.fts5(), HITS, SearchService.DEFAULT_CONTEXT).size();
            warmUp(() -> fts.search(q.fts5(), HITS, SearchService.DEFAULT_CONTEXT));
        }
        for (int run = 0; run < options.runs(); run++) {
            for (BenchQuery q : queries) {
                r.query(q).fts5.add(Latencies.time(() -> fts.search(q.fts5(), HITS, SearchService.DEFAULT_CONTEXT)));
            }
        }
    }

    private void measureRegex(ProjectSession session, List<BenchQuery> queries, Results r) {
        for (int run = 0; run < options.baselineRuns(); run++) {
            for (BenchQuery q : queries) {
                Results.Query row = r.query(q);
                RegexScan.Result[] result = new RegexScan.Result[1];
                row.regex.add(Latencies.time(() -> result[0] = RegexScan.search(session, q, HITS, SearchService.DEFAULT_CONTEXT)));
                row.regexHits = result[0].hits().size();
                row.regexTotalHits = result[0].totalHits();
            }
        }
    }

    private void measureReports(ProjectSession session, Results r) {
        List<Document> docs = session.documents().all();
        List<Code> codes = session.codebook().codebook().codes().stream().filter(Code::codable).toList();
        CorpusGenerator.Zipf codeChoice = new CorpusGenerator.Zipf(codes.size(), 1.0);
        SplittableRandom rnd = new SplittableRandom(options.seed() ^ 0xC0D1L);
        int have = 0;
        for (int target : options.codings()) {
            step(String.format(Locale.ROOT, "frequency report at %,d codings (adding codings)", target));
            while (have < target) {
                int n = Math.min(CODING_BATCH, target - have);
                List<CodingService.Passage> passages = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    Document d = docs.get(rnd.nextInt(docs.size()));
                    int length = Math.min(d.length(), 20 + rnd.nextInt(600));
                    int start = rnd.nextInt(d.length() - length + 1);
                    passages.add(new CodingService.Passage(d, start, start + length, codes.get(codeChoice.sample(rnd)),
                            CODERS[rnd.nextInt(CODERS.length)]));
                }
                session.coding().applyAll(passages);
                have += n; // an identical passage drawn twice is one coding: the project may hold a few fewer
            }
            int actual = session.summary().codings();
            Latencies l = new Latencies();
            FrequencyReport[] report = new FrequencyReport[1];
            for (int i = 0; i < options.warmup(); i++) session.reports().frequencies(List.of(), List.of());
            for (int i = 0; i < Math.max(3, options.runs() / 4); i++) {
                l.add(Latencies.time(() -> report[0] = session.reports().frequencies(List.of(), List.of())));
            }
            r.reports.add(new Results.Report(target, actual, l, report[0].rows().size(), report[0].documents().size()));
            measureAnalyses(session, target, actual, r);
        }
    }

    /** Attributes for the crosstabs: a village (20 values) and an age (banded), set once on every document. */
    private static void defineAttributes(ProjectSession session, List<Document> docs, long seed) {
        if (!session.cases().attributes().isEmpty()) return;
        SplittableRandom rnd = new SplittableRandom(seed ^ 0xA77L);
        java.util.Map<Document, String> villages = new java.util.LinkedHashMap<>(), ages = new java.util.LinkedHashMap<>();
        for (Document d : docs) {
            villages.put(d, "嘎查 " + (1 + rnd.nextInt(20)));
            ages.put(d, Integer.toString(18 + rnd.nextInt(70)));
        }
        session.cases().setValues("village", villages, org.tamga.model.Attribute.Type.TEXT);
        session.cases().setValues("age", ages, org.tamga.model.Attribute.Type.INTEGER);
    }

    /** Co-occurrence under each rule and two crosstabs, at this number of codings. */
    private void measureAnalyses(ProjectSession session, int target, int actual, Results r) {
        defineAttributes(session, session.documents().all(), options.seed());
        int runs = Math.max(3, options.runs() / 4);
        for (String rule : List.of("overlap", "distance:100", "turn", "document", "paragraph")) {
            step(String.format(Locale.ROOT, "co-occurrence (%s) at %,d codings", rule, actual));
            var parsed = org.tamga.report.Cooccurrence.Rule.parse(rule);
            int warm = rule.equals("paragraph") ? 1 : options.warmup();
            for (int i = 0; i < warm; i++) session.analysis().cooccurrence(org.tamga.core.Scope.all(), parsed, false);
            Latencies l = new Latencies();
            for (int i = 0; i < (rule.equals("paragraph") ? 3 : runs); i++) {
                l.add(Latencies.time(() -> session.analysis().cooccurrence(org.tamga.core.Scope.all(), parsed, false)));
            }
            r.analyses.add(new Results.Analysis("cooccurrence " + rule, target, actual, l));
        }
        var byVillage = new org.tamga.core.AnalysisService.ByAttributes("village");
        var byAge = new org.tamga.core.AnalysisService.ByAttributes(List.of("village", "age"),
                java.util.Map.of("age", org.tamga.core.Bands.parse("30,45,60")));
        for (var by : List.of(byVillage, byAge)) {
            String name = "crosstab " + String.join(" × ", by.attributes()) + (by.bands().isEmpty() ? "" : " (age banded)");
            step(String.format(Locale.ROOT, "%s at %,d codings", name, actual));
            for (int i = 0; i < options.warmup(); i++) session.analysis().crosstab(org.tamga.core.Scope.all(), by, true);
            Latencies l = new Latencies();
            for (int i = 0; i < runs; i++) l.add(Latencies.time(() -> session.analysis().crosstab(org.tamga.core.Scope.all(), by, true)));
            r.analyses.add(new Results.Analysis(name, target, actual, l));
        }
    }

    /** The speaker of the English transcripts' answers, and a word both halves of the corpus use often. */
    static final String SPEAKER = "Respondent";
    static final String CONTEXT_WORD = "grassland";

    /**
     * Word frequencies: the word index built on first use (every text segmented, on all cores), then the
     * 100 most frequent words of each language for all documents, for every tenth document, for what
     * one speaker said, for the passages of the commonest code, and stemmed; and the first 1,000
     * keyword-in-context lines of a frequent word.
     */
    private void measureWords(ProjectSession session, Results r) {
        step("word frequencies: building the word index (first use)");
        long cpu = processCpuNanos();
        long t0 = System.nanoTime();
        ProjectSession.IndexSync sync = session.words().prepare(null);
        r.wordIndexSeconds = (System.nanoTime() - t0) / 1e9;
        r.wordIndexCpuSeconds = (processCpuNanos() - cpu) / 1e9;
        r.wordIndexDocuments = sync.added();
        List<Document> docs = session.documents().all();
        List<Document> tenth = new ArrayList<>();
        for (int i = 0; i < docs.size(); i += 10) tenth.add(docs.get(i));
        Code commonest = session.codebook().codebook().codes().stream().filter(Code::codable).findFirst().orElse(null);
        Map<String, WordService.Request> requests = new LinkedHashMap<>();
        requests.put("all documents", WordService.Request.of(Scope.all()));
        requests.put("every tenth document (" + tenth.size() + ")", WordService.Request.of(new Scope(List.of(), tenth, null)));
        requests.put("speaker " + SPEAKER, WordService.Request.of(new Scope(List.of(), List.of(), SPEAKER)));
        if (commonest != null) requests.put("code " + commonest.name(), WordService.Request.of(Scope.all()).code(commonest));
        requests.put("all documents, stemmed", WordService.Request.of(Scope.all()).stem(true));
        int runs = Math.max(3, options.runs() / 4);
        for (var e : requests.entrySet()) {
            step("word frequencies: " + e.getKey());
            WordFrequencies[] words = new WordFrequencies[1];
            for (int i = 0; i < options.warmup(); i++) session.words().frequencies(e.getValue());
            Latencies l = new Latencies();
            for (int i = 0; i < runs; i++) l.add(Latencies.time(() -> words[0] = session.words().frequencies(e.getValue())));
            r.words.add(new Results.Words(e.getKey(), l, words[0].rows().size()));
        }
        step("word frequencies: 1,000 places of \u201C" + CONTEXT_WORD + "\u201D");
        WordService.Request all = WordService.Request.of(Scope.all());
        for (int i = 0; i < options.warmup(); i++) session.words().contexts(all, CONTEXT_WORD, SearchService.DEFAULT_CONTEXT, HITS);
        SearchService.Result[] places = new SearchService.Result[1];
        for (int i = 0; i < runs; i++) {
            r.wordContexts.add(Latencies.time(() -> places[0] = session.words().contexts(all, CONTEXT_WORD, SearchService.DEFAULT_CONTEXT, HITS)));
        }
        r.wordContextLines = places[0].hits().size();
    }

    private void measureOpen(Path projectFile, Path cache, Results r) throws IOException {
        step("open the project, index warm");
        Path indexFolder;
        try (ProjectSession s = ProjectSession.open(projectFile, cache)) {
            s.ensureIndex();
            indexFolder = s.indexFolder();
        }
        for (int i = 0; i < options.warmup(); i++) openOnce(projectFile, cache);
        for (int i = 0; i < Math.max(3, options.runs() / 4); i++) r.openWarm.add(openOnce(projectFile, cache).ms());
        step("open the project, index cold (deleted, so rebuilt from the project)");
        deleteTree(indexFolder);
        Opened cold = openOnce(projectFile, cache);
        r.openCold.add(cold.ms());
        r.openColdIndexed = cold.indexed();
    }

    private record Opened(double ms, int indexed) {}

    /** Opens the project and brings its index up to date, as the window and every command do. */
    private static Opened openOnce(Path projectFile, Path cache) {
        long t0 = System.nanoTime();
        try (ProjectSession s = ProjectSession.open(projectFile, cache)) {
            ProjectSession.IndexSync sync = s.ensureIndex();
            return new Opened((System.nanoTime() - t0) / 1e6, sync.added());
        }
    }

    /** Bytes in a file, or in all the files of a folder (0 when there is nothing). */
    static long treeSize(Path path) throws IOException {
        if (!Files.exists(path)) return 0;
        try (Stream<Path> walk = Files.walk(path)) {
            long total = 0;
            for (Path p : walk.filter(Files::isRegularFile).toList()) total += Files.size(p);
            return total;
        }
    }

    static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) return;
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
