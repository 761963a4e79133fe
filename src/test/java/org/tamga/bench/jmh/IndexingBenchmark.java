package org.tamga.bench.jmh;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.tamga.bench.CorpusGenerator;
import org.tamga.index.SearchIndex;

import java.util.concurrent.TimeUnit;

/**
 * Adding one transcript of about 30 KB to an index in memory (analysis: Unicode word boundaries, a
 * token per Han character, ICU folding; then the postings with positions and offsets): the part of
 * the import that bounds it on one core. Divide the transcript's size by the time for MB/s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class IndexingBenchmark {
    @Param({"zh", "en"})
    public String language;

    String text;
    SearchIndex index;
    int n;

    @Setup
    public void setUp() {
        CorpusGenerator g = new CorpusGenerator();
        for (int i = 0; text == null; i++) {
            CorpusGenerator.Transcript t = g.transcript(i);
            if (t.language().equals(language) && t.bytes() > 28_000 && t.bytes() < 32_000) text = t.text();
        }
    }

    @Setup(Level.Iteration)
    public void openIndex() { index = SearchIndex.inMemory(); }

    @TearDown(Level.Iteration)
    public void closeIndex() { index.close(); }

    @Benchmark
    public void put() {
        // a fresh GUID each time, as an import; the in-memory index flushes and merges as on disk
        index.put("doc-" + (n++ % 2000), text);
    }
}
