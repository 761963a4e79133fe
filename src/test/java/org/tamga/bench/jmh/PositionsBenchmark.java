package org.tamga.bench.jmh;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.tamga.bench.CorpusGenerator;
import org.tamga.core.text.Kwic;
import org.tamga.core.text.Positions;

import java.util.concurrent.TimeUnit;

/**
 * What search does per document with hits, on a transcript of about 30 KB from the benchmark corpus:
 * converting Lucene's UTF-16 offsets to code points ({@link Positions}), with and without a character
 * outside the BMP, and cutting a keyword-in-context line ({@link Kwic}) for 10 hits.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class PositionsBenchmark {
    String chinese;        // no character outside the BMP
    String chineseExtB;    // the same with a CJK Extension B character near the start
    String english;
    int chineseLength;
    int[] offsets;

    @Setup
    public void setUp() {
        CorpusGenerator g = new CorpusGenerator();
        chinese = english = null;
        for (int i = 0; chinese == null || english == null; i++) {
            CorpusGenerator.Transcript t = g.transcript(i);
            boolean size = t.bytes() > 25_000 && t.bytes() < 40_000;
            boolean bmp = t.text().codePoints().noneMatch(Character::isSupplementaryCodePoint);
            if (size && bmp && chinese == null && t.language().equals("zh")) chinese = t.text();
            if (size && english == null && t.language().equals("en")) english = t.text();
        }
        chineseLength = chinese.codePointCount(0, chinese.length());
        chineseExtB = chinese.substring(0, 20) + "\uD840\uDC00" + chinese.substring(20);
        offsets = new int[10];
        for (int i = 0; i < offsets.length; i++) offsets[i] = 100 + i * (chinese.length() - 200) / offsets.length;
    }

    /** A text without supplementary characters: scanned for surrogates, then the identity. */
    @Benchmark
    public void scanBmpText(Blackhole bh) {
        Positions p = new Positions(chinese);
        for (int o : offsets) bh.consume(p.toCodePoint(o));
    }

    /** The same when the document's length in code points is known (search passes it): no scan. */
    @Benchmark
    public void knownLengthBmpText(Blackhole bh) {
        Positions p = new Positions(chinese, chineseLength);
        for (int o : offsets) bh.consume(p.toCodePoint(o));
    }

    /** A text with a character outside the BMP: the surrogate table and a binary search per offset. */
    @Benchmark
    public void textWithExtensionB(Blackhole bh) {
        Positions p = new Positions(chineseExtB);
        for (int o : offsets) bh.consume(p.toCodePoint(o));
    }

    @Benchmark
    public void kwicChinese(Blackhole bh) {
        Positions p = new Positions(chinese, chineseLength);
        for (int o : offsets) bh.consume(Kwic.of(p, o, o + 2, 40));
    }

    @Benchmark
    public void kwicEnglish(Blackhole bh) {
        Positions p = new Positions(english, english.length());
        for (int o : offsets) {
            int at = Math.min(o, english.length() - 10);
            bh.consume(Kwic.of(p, at, at + 9, 40));
        }
    }
}
