package org.tamga.cli;

import org.tamga.bench.Benchmark;
import org.tamga.bench.CorpusGenerator;
import org.tamga.bench.Results;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "bench", description = {
        "Benchmark Tamga at fieldwork scale beside a regular-expression scan (the way QualCoder searches) and SQLite FTS5 "
                + "on the same texts: import + index, search (top 1,000 hits with positions and KWIC), the frequency report, "
                + "opening the project, peak heap.",
        "Generates a deterministic corpus (cached in WORK/corpus), prints a table and writes WORK/results.json. "
                + "Run with -Xmx1g to check the 1 GB heap target:",
        "  java -Xmx1g -jar target/tamga.jar bench --documents 10000",
        "With --startup instead: how long info, codes and code take as new processes, with the build's AOT cache and without:",
        "  java -jar target/tamga.jar bench --startup"})
final class BenchCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Option(names = "--documents", paramLabel = "N", description = "Transcripts in the corpus (5–80 KB each, English and Chinese).")
    Integer documents;
    @Option(names = "--team", paramLabel = "N", description = "Instead: N coders code and search at once on the shared project at --server (ADR 48).")
    Integer team;
    @Option(names = "--server", paramLabel = "ADDRESS", description = "With --team: postgresql://HOST:PORT/DATABASE (an empty database gets the sample project).")
    String server;
    @Option(names = "--seconds", paramLabel = "S", defaultValue = "60", description = "With --team: how long the coders work (default 60).")
    int seconds;
    @Option(names = "--pace", paramLabel = "MS", defaultValue = "1000", description = "With --team: each coder's mean pause between two actions (default 1000 ms).")
    int pace;
    @Option(names = "--startup", description = "Measure the start of short commands (info, codes, code) instead, each as a new process.")
    boolean startup;
    @Option(names = "--codings", split = ",", paramLabel = "M", defaultValue = "100000,1000000",
            description = "Codings at which the frequency report is measured (default 100000,1000000).")
    List<Integer> codings;
    @Option(names = "--seed", paramLabel = "S", description = "The corpus generator's seed (default " + CorpusGenerator.DEFAULT_SEED + ").")
    Long seed;
    @Option(names = "--work", paramLabel = "DIR", defaultValue = "target/bench",
            description = "Folder for the cached corpus, the run's project and results.json (default target/bench).")
    Path work;
    @Option(names = "--warmup", paramLabel = "N", defaultValue = "5", description = "Unmeasured runs of each query first (default 5).")
    int warmup;
    @Option(names = "--search-warmup-ms", paramLabel = "MS", defaultValue = "" + org.tamga.bench.Benchmark.DEFAULT_SEARCH_WARMUP_MILLIS,
            description = "After its warm-up runs, each query runs unmeasured until this many milliseconds have passed, with Tamga and FTS5 alike (default ${DEFAULT-VALUE}).")
    long searchWarmupMillis;
    @Option(names = "--runs", paramLabel = "N", defaultValue = "20", description = "Measured runs of each query with Tamga and FTS5 (default 20).")
    int runs;
    @Option(names = "--baseline-runs", paramLabel = "N", defaultValue = "3", description = "Measured runs of each query with the regular-expression scan (default 3).")
    int baselineRuns;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (startup) return startup(out);
        if (team != null) {
            if (server == null) throw new org.tamga.model.TamgaException("Give --server postgresql://HOST:PORT/DATABASE with --team.");
            org.tamga.bench.TeamLoad.print(org.tamga.bench.TeamLoad.run(server, Output.atLeast("--team", team, 1), Output.atLeast("--seconds", seconds, 1),
                    Output.atLeast("--pace", pace, 0), seed == null ? 1 : seed, work.resolve("team"), out), out);
            return 0;
        }
        if (documents == null) throw new org.tamga.model.TamgaException("Give --documents N (or --startup).");
        Benchmark.Options options = new Benchmark.Options(documents, codings, seed == null ? CorpusGenerator.DEFAULT_SEED : seed,
                work, warmup, runs, baselineRuns, searchWarmupMillis);
        Results results = new Benchmark(options, err).run();
        results.print(out);
        out.println();
        out.println("results: " + work.resolve("results.json"));
        return 0;
    }

    private int startup(PrintWriter out) {
        Path java = Path.of(ProcessHandle.current().info().command().orElse("java"));
        Path jar;
        try {
            jar = Path.of(BenchCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new org.tamga.model.TamgaException("Cannot find tamga.jar: " + e.getMessage(), e);
        }
        if (!jar.toString().endsWith(".jar")) throw new org.tamga.model.TamgaException("--startup measures tamga.jar: run it with java -jar target/tamga.jar bench --startup");
        try {
            org.tamga.bench.Startup.print(org.tamga.bench.Startup.measure(java, jar, work.resolve("startup"), Math.max(1, runs)), out);
        } catch (java.io.IOException e) {
            throw new org.tamga.model.TamgaException("The start-up benchmark could not run: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new org.tamga.model.TamgaException("The start-up benchmark was interrupted.", e);
        }
        return 0;
    }
}
