package org.tamga.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What a benchmark run measured: printed as a table and written as {@code results.json}. */
public final class Results {
    private static final double MB = 1e6;

    int documents;
    long seed;
    long searchWarmupMillis;
    int chineseDocuments;
    long corpusBytes;
    double corpusSeconds;
    int turns;
    double importSeconds;
    /** The project file (with its write-ahead log) and the search index after the import, in bytes. */
    long projectBytes, indexBytes;
    double importCpuSeconds;
    double fts5BuildSeconds;
    final List<Query> queries = new ArrayList<>();
    final List<Report> reports = new ArrayList<>();
    double wordIndexSeconds;
    double wordIndexCpuSeconds;
    int wordIndexDocuments;
    final List<Words> words = new ArrayList<>();
    final Latencies wordContexts = new Latencies();
    int wordContextLines;
    final Latencies openWarm = new Latencies();
    final Latencies openCold = new Latencies();
    int openColdIndexed;
    long peakHeapBytes;
    long peakLiveHeapBytes;
    long maxHeapBytes;
    Machine machine;

    /** One query's timings (ms) and hits with Tamga and the two baselines. */
    static final class Query {
        final BenchQuery query;
        final Latencies tamga = new Latencies(), fts5 = new Latencies(), regex = new Latencies();
        int tamgaHits, fts5Hits, regexHits, regexTotalHits;

        Query(BenchQuery query) { this.query = query; }

        double fts5Ratio() { return fts5.median() / tamga.median(); }
        double regexRatio() { return regex.median() / tamga.median(); }
    }

    /** The frequency report at a number of codings: the number asked for, the number the project holds, the timings. */
    record Report(int target, int codings, Latencies ms, int codes, int documents) {}

    /** An analysis (co-occurrence under a rule, a crosstab) at a number of codings. */
    record Analysis(String name, int target, int codings, Latencies ms) {}

    final List<Analysis> analyses = new ArrayList<>();
    /** Word frequencies for one scope: what was counted, the timings, how many words came out. */
    record Words(String scope, Latencies ms, int words) {}

    /** The median time of word frequencies for a scope of this name (or, failing that, whose name starts so), or null if not measured. */
    public Double wordsMs(String scope) {
        return words.stream().filter(w -> w.scope().equals(scope)).findFirst()
                .or(() -> words.stream().filter(w -> w.scope().startsWith(scope)).findFirst())
                .map(w -> w.ms().median()).orElse(null);
    }

    Query query(BenchQuery q) {
        for (Query row : queries) if (row.query.equals(q)) return row;
        Query row = new Query(q);
        queries.add(row);
        return row;
    }

    // ---- the figures ----------------------------------------------------------------------

    public int documents() { return documents; }
    public double corpusMb() { return corpusBytes / MB; }
    public double importMbPerSecond() { return corpusBytes / MB / importSeconds; }
    public double importDocumentsPerSecond() { return documents / importSeconds; }
    public double fts5BuildMbPerSecond() { return corpusBytes / MB / fts5BuildSeconds; }
    Latencies allTamga() { return Latencies.merged(queries.stream().map(q -> q.tamga).toList()); }
    public double searchP50() { return allTamga().percentile(50); }
    public double searchP95() { return allTamga().percentile(95); }
    public double searchP99() { return allTamga().percentile(99); }

    /** Regex scan time / Tamga time (medians) for the query where Tamga's lead is smallest. */
    public double regexScanRatio() { return queries.stream().mapToDouble(Query::regexRatio).min().orElse(Double.NaN); }

    /** FTS5 time / Tamga time (medians) for the query where Tamga's lead is smallest. */
    public double fts5Ratio() { return queries.stream().mapToDouble(Query::fts5Ratio).min().orElse(Double.NaN); }

    List<Query> ofType(String type) { return queries.stream().filter(q -> q.query.type().equals(type)).toList(); }

    /** The median time of the report at {@code codings} codings, or null if that number was not measured. */
    public Double reportMs(int codings) {
        return reports.stream().filter(r -> r.target() == codings).findFirst().map(r -> r.ms().median()).orElse(null);
    }

    /** Whether the analysis at the target number of codings took at most {@code ms} (median); null when not measured. */
    Boolean analysisAtMost(String name, int target, double ms) {
        return analyses.stream().filter(a -> a.name().equals(name) && a.target() == target).findFirst().map(a -> a.ms().median() <= ms).orElse(null);
    }

    public double openWarmMs() { return openWarm.median(); }
    public double openColdMs() { return openCold.median(); }
    public double peakHeapMb() { return peakHeapBytes / (1024.0 * 1024); }
    public double peakHeapAfterGcMb() { return peakLiveHeapBytes / (1024.0 * 1024); }
    public double maxHeapMb() { return maxHeapBytes / (1024.0 * 1024); }

    // ---- targets (issue #6: at 10,000 transcripts; issue #13: at 100,000; on a 2-core machine) ----

    /** From this many transcripts on, a run is held to issue #13's targets for 100,000. */
    static final int LARGE = 100_000;

    /** Whose targets this run is held to, as the table names them. */
    String targetsTitle() {
        return documents >= LARGE ? "targets (issue #13, for 100,000 transcripts):" : "targets (issue #6, meant for 10,000 transcripts):";
    }

    /** Each target, whether this run met it. */
    public Map<String, Boolean> targets() {
        return documents >= LARGE ? largeTargets() : tenThousandTargets();
    }

    private Map<String, Boolean> largeTargets() {
        Map<String, Boolean> t = new LinkedHashMap<>();
        t.put("search_p95_at_most_100_ms", searchP95() <= 100);
        t.put("regex_scan_at_least_100x", regexScanRatio() >= 100);
        t.put("fts5_at_least_1x_every_query", fts5Ratio() >= 1);
        t.put("import_at_least_15_mb_per_s", importMbPerSecond() >= 15);
        t.put("import_at_least_fts5_build", importMbPerSecond() >= fts5BuildMbPerSecond());
        t.put("open_warm_at_most_2_s", openWarmMs() <= 2000);
        t.put("peak_heap_at_most_2_gb", peakHeapMb() <= 2048);
        return t;
    }

    private Map<String, Boolean> tenThousandTargets() {
        Map<String, Boolean> t = new LinkedHashMap<>();
        t.put("search_p95_at_most_50_ms", searchP95() <= 50);
        t.put("regex_scan_at_least_100x", regexScanRatio() >= 100);
        t.put("cooccurrence_1m_codings_at_most_2_s", analysisAtMost("cooccurrence overlap", 1_000_000, 2000));
        t.put("crosstab_1m_codings_at_most_1_s", analysisAtMost("crosstab village", 1_000_000, 1000));
        t.put("fts5_at_least_1x_every_query", fts5Ratio() >= 1);
        t.put("import_at_least_10_mb_per_s", importMbPerSecond() >= 10);
        Double report = reportMs(1_000_000);
        t.put("report_1m_codings_at_most_1_s", report == null ? null : report <= 1000);
        Double wordsAll = wordsMs("all documents"), wordsSome = wordsMs("every tenth");
        t.put("words_at_most_5_s", wordsAll == null ? null : wordsAll <= 5000 && (wordsSome == null || wordsSome <= 5000));
        t.put("open_warm_at_most_2_s", openWarmMs() <= 2000);
        t.put("peak_heap_at_most_1_gb", peakHeapMb() <= 1024);
        return t;
    }

    // ---- output ---------------------------------------------------------------------------

    /** The table the command prints. */
    public void print(PrintWriter out) {
        out.printf(Locale.ROOT, "Tamga benchmark: %,d transcripts (%,d English, %,d Chinese), %,.1f MB of text (UTF-8), %,d speaker turns, seed %d%n",
                documents, documents - chineseDocuments, chineseDocuments, corpusMb(), turns, seed);
        out.printf(Locale.ROOT, "machine: %s%n", machine.describe());
        out.println();
        out.printf(Locale.ROOT, "%-26s %,d transcripts in %,.1f s: %,.1f MB/s, %,.0f documents/s (%,.1f s of CPU on all threads)%n",
                "import + index (Tamga)", documents, importSeconds, importMbPerSecond(), importDocumentsPerSecond(), importCpuSeconds);
        out.printf(Locale.ROOT, "%-26s project file %,.1f MB (%.2f MB per MB of text), search index %,.1f MB (%.2f per MB of text)%n",
                "sizes after the import", projectBytes / MB, projectBytes / (double) corpusBytes, indexBytes / MB, indexBytes / (double) corpusBytes);
        out.printf(Locale.ROOT, "%-26s %,.1f s: %,.1f MB/s%n", "FTS5 index (baseline)", fts5BuildSeconds, fts5BuildMbPerSecond());
        out.println();
        out.printf(Locale.ROOT, "search: top %,d hits with positions and KWIC, ms (Tamga and FTS5: %d runs per query after %,d ms of unmeasured ones; regex scan: %d)%n",
                Benchmark.HITS, queries.isEmpty() ? 0 : queries.getFirst().tamga.count(), searchWarmupMillis,
                queries.isEmpty() ? 0 : queries.getFirst().regex.count());
        String header = String.format(Locale.ROOT, "%-9s %-24s %6s %8s %8s %8s %9s %9s %8s %8s", "type", "query", "hits", "p50", "p95", "p99",
                "FTS5 p50", "regex p50", "FTS5/T", "regex/T");
        out.println(header);
        out.println("-".repeat(header.length()));
        for (String type : BenchQuery.TYPES) {
            for (Query q : ofType(type)) {
                out.printf(Locale.ROOT, "%-9s %-24s %6d %8.1f %8.1f %8.1f %9.1f %9.0f %7.1f× %7.0f×%n", type, cut(q.query.tamga(), 24),
                        q.tamgaHits, q.tamga.median(), q.tamga.percentile(95), q.tamga.percentile(99), q.fts5.median(), q.regex.median(),
                        q.fts5Ratio(), q.regexRatio());
            }
        }
        out.println("-".repeat(header.length()));
        for (String type : BenchQuery.TYPES) {
            List<Query> qs = ofType(type);
            if (qs.isEmpty()) continue;
            Latencies t = Latencies.merged(qs.stream().map(q -> q.tamga).toList());
            out.printf(Locale.ROOT, "%-9s %-24s %6s %8.1f %8.1f %8.1f %9.1f %9.0f %7.1f× %7.0f×%n", type, "(all of the type; worst ratio)", "",
                    t.median(), t.percentile(95), t.percentile(99),
                    Latencies.merged(qs.stream().map(q -> q.fts5).toList()).median(),
                    Latencies.merged(qs.stream().map(q -> q.regex).toList()).median(),
                    qs.stream().mapToDouble(Query::fts5Ratio).min().orElse(Double.NaN),
                    qs.stream().mapToDouble(Query::regexRatio).min().orElse(Double.NaN));
        }
        out.printf(Locale.ROOT, "%-9s %-24s %6s %8.1f %8.1f %8.1f %9s %9s %7.1f× %7.0f×%n", "all", "", "", searchP50(), searchP95(), searchP99(),
                "", "", fts5Ratio(), regexScanRatio());
        List<String> differ = new ArrayList<>();
        for (Query q : queries) {
            if (q.fts5Hits != q.tamgaHits || q.regexHits != q.tamgaHits) {
                differ.add(q.query.tamga() + " (Tamga " + q.tamgaHits + ", FTS5 " + q.fts5Hits + ", regex " + q.regexHits + ")");
            }
        }
        if (!differ.isEmpty()) out.println("hits differ (tokenisation at the edges): " + String.join("; ", differ));
        out.println();
        for (Report r : reports) {
            out.printf(Locale.ROOT, "%-26s %,d codings (%d codes × %,d documents): p50 %,.0f ms, max %,.0f ms%n", "frequency report",
                    r.codings(), r.codes(), r.documents(), r.ms().median(), r.ms().percentile(100));
        }
        for (Analysis a : analyses) {
            out.printf(Locale.ROOT, "%-34s %,d codings: p50 %,.0f ms, max %,.0f ms%n", a.name(), a.codings(), a.ms().median(), a.ms().percentile(100));
        }
        if (!words.isEmpty()) {
            out.printf(Locale.ROOT, "%-26s %,d documents in %,.1f s (%,.1f s of CPU on all threads)%n", "word index (first use)",
                    wordIndexDocuments, wordIndexSeconds, wordIndexCpuSeconds);
            for (Words w : words) {
                out.printf(Locale.ROOT, "%-26s %s: p50 %,.0f ms, max %,.0f ms (%d words)%n", "word frequencies", w.scope(), w.ms().median(),
                        w.ms().percentile(100), w.words());
            }
            out.printf(Locale.ROOT, "%-26s %,d lines: p50 %,.0f ms, max %,.0f ms%n", "word in context", wordContextLines, wordContexts.median(),
                    wordContexts.percentile(100));
        }
        out.printf(Locale.ROOT, "%-26s p50 %,.0f ms, max %,.0f ms%n", "open project, index warm", openWarm.median(), openWarm.percentile(100));
        out.printf(Locale.ROOT, "%-26s %,.0f ms (%,d documents indexed again)%n", "open project, index cold", openCold.median(), openColdIndexed);
        out.printf(Locale.ROOT, "%-26s %,.0f MB in use at most (at most %,.0f MB still in use right after a collection); -Xmx %,.0f MB%n",
                "peak heap", peakHeapMb(), peakHeapAfterGcMb(), maxHeapMb());
        out.println();
        out.println(targetsTitle());
        for (var e : targets().entrySet()) {
            out.printf(Locale.ROOT, "  %-32s %s%n", e.getKey(), e.getValue() == null ? "not measured" : e.getValue() ? "met" : "MISSED");
        }
        out.flush();
    }

    private static String cut(String s, int n) { return s.length() <= n ? s : s.substring(0, n - 1) + "…"; }

    /** The figures as JSON (the keys the issue names, and the details). */
    public Map<String, Object> json() {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("documents", documents);
        j.put("chinese_documents", chineseDocuments);
        j.put("corpus_mb", round(corpusMb()));
        j.put("seed", seed);
        j.put("search_warmup_ms", searchWarmupMillis);
        j.put("search_p50_ms", round(searchP50()));
        j.put("search_p95_ms", round(searchP95()));
        j.put("search_p99_ms", round(searchP99()));
        j.put("regex_scan_ratio", round(regexScanRatio()));
        j.put("fts5_ratio", round(fts5Ratio()));
        j.put("import_mb_per_s", round(importMbPerSecond()));
        j.put("import_docs_per_s", round(importDocumentsPerSecond()));
        j.put("import_s", round(importSeconds));
        j.put("project_mb", round(projectBytes / MB));
        j.put("index_mb", round(indexBytes / MB));
        j.put("project_mb_per_text_mb", round(projectBytes / (double) corpusBytes));
        j.put("index_mb_per_text_mb", round(indexBytes / (double) corpusBytes));
        j.put("import_cpu_s", round(importCpuSeconds));
        j.put("fts5_build_mb_per_s", round(fts5BuildMbPerSecond()));
        j.put("report_100k_codings_ms", round(reportMs(100_000)));
        j.put("report_1m_codings_ms", round(reportMs(1_000_000)));
        j.put("word_index_s", round(wordIndexSeconds));
        j.put("word_index_cpu_s", round(wordIndexCpuSeconds));
        j.put("words_all_ms", round(wordsMs("all documents")));
        j.put("words_tenth_ms", round(wordsMs("every tenth")));
        j.put("words_speaker_ms", round(wordsMs("speaker")));
        j.put("words_code_ms", round(wordsMs("code")));
        j.put("words_stemmed_ms", round(wordsMs("all documents, stemmed")));
        j.put("words_contexts_ms", round(wordContexts.median()));
        j.put("open_warm_ms", round(openWarmMs()));
        j.put("open_cold_ms", round(openColdMs()));
        j.put("peak_heap_mb", round(peakHeapMb()));
        j.put("peak_heap_after_gc_mb", round(peakHeapAfterGcMb()));
        j.put("max_heap_mb", round(maxHeapMb()));
        Map<String, Object> types = new LinkedHashMap<>();
        for (String type : BenchQuery.TYPES) {
            List<Query> qs = ofType(type);
            if (qs.isEmpty()) continue;
            Latencies t = Latencies.merged(qs.stream().map(q -> q.tamga).toList());
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("p50_ms", round(t.median()));
            m.put("p95_ms", round(t.percentile(95)));
            m.put("p99_ms", round(t.percentile(99)));
            m.put("fts5_ratio", round(qs.stream().mapToDouble(Query::fts5Ratio).min().orElse(Double.NaN)));
            m.put("regex_scan_ratio", round(qs.stream().mapToDouble(Query::regexRatio).min().orElse(Double.NaN)));
            types.put(type, m);
        }
        j.put("types", types);
        List<Map<String, Object>> qs = new ArrayList<>();
        for (Query q : queries) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("type", q.query.type());
            m.put("query", q.query.tamga());
            m.put("fts5_query", q.query.fts5());
            m.put("hits", q.tamgaHits);
            m.put("fts5_hits", q.fts5Hits);
            m.put("regex_hits", q.regexHits);
            m.put("regex_total_hits", q.regexTotalHits);
            m.put("p50_ms", round(q.tamga.median()));
            m.put("p95_ms", round(q.tamga.percentile(95)));
            m.put("p99_ms", round(q.tamga.percentile(99)));
            m.put("fts5_p50_ms", round(q.fts5.median()));
            m.put("regex_p50_ms", round(q.regex.median()));
            qs.add(m);
        }
        j.put("queries", qs);
        List<Map<String, Object>> rs = new ArrayList<>();
        for (Report r : reports) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("codings", r.codings());
            m.put("p50_ms", round(r.ms().median()));
            m.put("max_ms", round(r.ms().percentile(100)));
            rs.add(m);
        }
        j.put("reports", rs);
        List<Map<String, Object>> as = new ArrayList<>();
        for (Analysis a : analyses) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("analysis", a.name());
            m.put("codings", a.codings());
            m.put("p50_ms", round(a.ms().median()));
            m.put("max_ms", round(a.ms().percentile(100)));
            as.add(m);
        }
        j.put("analyses", as);
        List<Map<String, Object>> ws = new ArrayList<>();
        for (Words w : words) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("scope", w.scope());
            m.put("p50_ms", round(w.ms().median()));
            m.put("max_ms", round(w.ms().percentile(100)));
            m.put("words", w.words());
            ws.add(m);
        }
        j.put("words", ws);
        j.put("machine", machine.json());
        j.put("targets", targets());
        return j;
    }

    void writeJson(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), json());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static Double round(Double v) {
        if (v == null || v.isNaN() || v.isInfinite()) return null;
        return Math.round(v * 100) / 100.0;
    }

    /** The machine the run was measured on. */
    record Machine(int cores, String cpu, long memoryBytes, String java, String os, double loadAtStart) {
        static Machine current() {
            String cpu = "unknown CPU";
            try {
                Path info = Path.of("/proc/cpuinfo");
                if (Files.isReadable(info)) {
                    cpu = Files.readAllLines(info).stream().filter(l -> l.startsWith("model name"))
                            .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse(cpu);
                }
            } catch (IOException ignored) {
                // not Linux: the CPU stays unnamed
            }
            long memory = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                    ? os.getTotalMemorySize() : -1;
            String java = System.getProperty("java.vm.vendor") + " " + System.getProperty("java.runtime.version");
            String os = System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch");
            return new Machine(Runtime.getRuntime().availableProcessors(), cpu, memory, java, os,
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }

        String describe() {
            return String.format(Locale.ROOT, "%d cores, %s, %.1f GB RAM, Java %s, %s; load average %.2f at the start",
                    cores, cpu, memoryBytes / 1e9, java, os, loadAtStart);
        }

        Map<String, Object> json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("cores", cores);
            m.put("cpu", cpu);
            m.put("memory_gb", round(memoryBytes / 1e9));
            m.put("java", java);
            m.put("os", os);
            m.put("load_average_at_start", round(loadAtStart));
            return m;
        }
    }
}
