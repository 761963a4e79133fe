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
import org.tamga.core.text.Utf8Positions;

import java.util.concurrent.TimeUnit;

/**
 * What search does per document with hits, on a transcript of about 30 KB from the benchmark corpus:
 * converting Lucene's UTF-16 offsets to code points and cutting a keyword-in-context line for 10
 * hits: from the stored UTF-8 bytes ({@link Utf8Positions}, as search does it), or after decoding the
 * whole text ({@link Positions}, with and without a character outside the BMP, and {@link Kwic}).
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
    int[] englishOffsets;
    byte[] chineseUtf8;
    byte[] englishUtf8;

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
        englishOffsets = new int[10];
        for (int i = 0; i < englishOffsets.length; i++) englishOffsets[i] = 100 + i * (english.length() - 200) / englishOffsets.length;
        chineseUtf8 = chinese.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        englishUtf8 = english.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** What search does now with a document's stored bytes: walk to 10 hits, decode only their KWIC lines. */
    @Benchmark
    public void utf8HitsChinese(Blackhole bh) {
        Utf8Positions p = new Utf8Positions(chineseUtf8);
        for (int o : offsets) {
            Utf8Positions.Place s = p.at(o), e = p.after(s, o + 2);
            bh.consume(p.kwic(s, e, 40));
        }
    }

    @Benchmark
    public void utf8HitsEnglish(Blackhole bh) {
        Utf8Positions p = new Utf8Positions(englishUtf8);
        for (int o : englishOffsets) {
            Utf8Positions.Place s = p.at(o), e = p.after(s, o + 9);
            bh.consume(p.kwic(s, e, 40));
        }
    }

    /** What search did before: decode the whole text, then positions and KWIC lines. */
    @Benchmark
    public void decodeThenHitsChinese(Blackhole bh) {
        String text = new String(chineseUtf8, java.nio.charset.StandardCharsets.UTF_8);
        Positions p = new Positions(text, chineseLength);
        for (int o : offsets) bh.consume(Kwic.of(p, p.toCodePoint(o), p.toCodePoint(o + 2), 40));
    }

    @Benchmark
    public void decodeThenHitsEnglish(Blackhole bh) {
        String text = new String(englishUtf8, java.nio.charset.StandardCharsets.UTF_8);
        Positions p = new Positions(text);
        for (int o : englishOffsets) bh.consume(Kwic.of(p, p.toCodePoint(o), p.toCodePoint(o + 9), 40));
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
