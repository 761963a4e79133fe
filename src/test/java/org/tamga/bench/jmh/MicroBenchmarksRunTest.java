package org.tamga.bench.jmh;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.infra.Blackhole;
import org.tamga.report.FrequencyReport;

import static org.junit.jupiter.api.Assertions.*;

/** Every JMH benchmark method once, in the normal test run, so that the micro-benchmarks cannot rot. */
class MicroBenchmarksRunTest {
    static final Blackhole BH = new Blackhole("Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");

    @Test
    void positions() {
        PositionsBenchmark b = new PositionsBenchmark();
        b.setUp();
        assertTrue(b.chinese.length() > 8_000);
        b.scanBmpText(BH);
        b.knownLengthBmpText(BH);
        b.textWithExtensionB(BH);
        b.kwicChinese(BH);
        b.kwicEnglish(BH);
        b.utf8HitsChinese(BH);
        b.utf8HitsEnglish(BH);
        b.decodeThenHitsChinese(BH);
        b.decodeThenHitsEnglish(BH);
    }

    @Test
    void frequencyReport() {
        FrequencyReportBenchmark b = new FrequencyReportBenchmark();
        b.codings = 10_000;
        b.setUp();
        FrequencyReport r = b.build();
        assertEquals(28, r.rows().size());
        assertEquals(10_000, r.rows().stream().mapToInt(row -> row.own().codings()).sum());
        assertEquals(10_000, r.rows().stream().filter(row -> row.level() == 0).mapToInt(row -> row.withChildren().codings()).sum());
    }

    @Test
    void indexing() {
        IndexingBenchmark b = new IndexingBenchmark();
        b.language = "zh";
        b.setUp();
        b.openIndex();
        b.put();
        b.put();
        b.closeIndex();
    }
}
