package org.tamga.bench.jmh;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.tamga.model.Code;
import org.tamga.model.Codebook;
import org.tamga.model.Document;
import org.tamga.report.FrequencyReport;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * The frequency report's counting alone, without the project file: a codebook shaped like the
 * shipped one (5 headings, 23 codes below them), 10,000 documents, codings spread over them.
 * {@code tamga bench} measures the same report with the reading from SQLite included.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g", "--enable-native-access=ALL-UNNAMED"})
public class FrequencyReportBenchmark {
    @Param({"100000", "1000000"})
    public int codings;

    Codebook codebook;
    List<Document> documents;
    FrequencyReport.Spans spans;

    @Setup
    public void setUp() {
        List<Code> codes = new ArrayList<>();
        long id = 1;
        int[] children = {6, 4, 6, 2, 5};
        for (int root = 0; root < children.length; root++) {
            long rootId = id++;
            codes.add(new Code(rootId, "g" + rootId, null, "Heading " + root, null, null, true, root, null));
            for (int c = 0; c < children[root]; c++) {
                long cid = id++;
                codes.add(new Code(cid, "g" + cid, rootId, "Code " + cid, null, null, true, c, null));
            }
        }
        codebook = new Codebook(codes);
        documents = new ArrayList<>();
        for (int d = 1; d <= 10_000; d++) {
            documents.add(new Document(d, "d" + d, "doc " + d, "zh", 10_000, "doc.txt", "UTF-8", "sha" + d, Instant.EPOCH, null));
        }
        SplittableRandom rnd = new SplittableRandom(42);
        spans = new FrequencyReport.Spans(codings);
        for (int i = 0; i < codings; i++) {
            int start = rnd.nextInt(9_400);
            spans.add(1 + rnd.nextInt(10_000), codes.get(rnd.nextInt(codes.size())).id(), start, start + 20 + rnd.nextInt(580));
        }
    }

    @Benchmark
    public FrequencyReport build() {
        return FrequencyReport.build(codebook, documents, spans);
    }
}
