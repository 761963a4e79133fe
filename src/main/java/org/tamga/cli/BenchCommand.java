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
        "  java -Xmx1g -jar target/tamga.jar bench --documents 10000"})
final class BenchCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Option(names = "--documents", required = true, paramLabel = "N", description = "Transcripts in the corpus (5–80 KB each, English and Chinese).")
    int documents;
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
    @Option(names = "--runs", paramLabel = "N", defaultValue = "20", description = "Measured runs of each query with Tamga and FTS5 (default 20).")
    int runs;
    @Option(names = "--baseline-runs", paramLabel = "N", defaultValue = "3", description = "Measured runs of each query with the regular-expression scan (default 3).")
    int baselineRuns;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Benchmark.Options options = new Benchmark.Options(documents, codings, seed == null ? CorpusGenerator.DEFAULT_SEED : seed,
                work, warmup, runs, baselineRuns);
        Results results = new Benchmark(options, err).run();
        results.print(out);
        out.println();
        out.println("results: " + work.resolve("results.json"));
        return 0;
    }
}
