package org.tamga.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.Locale;

/**
 * Synthetic interview transcripts for benchmarks, English and Chinese, with speaker turns. The
 * generator is deterministic: transcript {@code i} depends only on the seed and {@code i}, so the
 * first 1,000 transcripts of a 10,000-transcript corpus are the 1,000-transcript corpus, and a run
 * on another day or machine measures the same texts.
 *
 * <p>The words come from the texts shipped with Tamga (the sample interviews and the research
 * codebook): English is a word-level Markov chain (each word follows a word it follows in those
 * texts), Chinese a character-level one, both with a Zipf-distributed long tail (synthetic names and
 * places in English, rarer Han characters in Chinese) so that the vocabulary grows with the corpus
 * as a real one does. One Chinese transcript in twenty names someone with a character outside the
 * Basic Multilingual Plane (CJK Extension B), as real names do. Sizes run from 5 to 80 KB of UTF-8,
 * most of them short (5 + 75·u² KB for a uniform u, about 30 KB on average).
 */
public final class CorpusGenerator {
    /** Changes whenever the texts a seed gives change; a cached corpus of another version is regenerated. */
    public static final int VERSION = 1;
    public static final long DEFAULT_SEED = 20250712L;
    static final int MIN_BYTES = 5 * 1024;
    static final int MAX_BYTES = 80 * 1024;
    static final int TAIL_WORDS = 20_000;

    private static final String[] SYLLABLES = {"ba", "tu", "khan", "gol", "dal", "nur", "ul", "aan", "sai", "bo", "og", "chu",
            "erd", "ene", "mur", "gan", "tsa", "dor", "jin", "ol", "bat", "sar", "nai", "uy", "tog", "shin", "ar", "bil", "ge",
            "zhar", "ond", "ryn", "tem", "ud", "hui", "lan"};
    private static final String[] PLACES_ZH = {"某旗某嘎查", "某旗某苏木", "某县某村", "某盟某镇"};
    private static final String[] PLACES_EN = {"a soum in the east of the league", "a village near the county town",
            "a gacha in the west of the banner", "a resettlement village"};

    private final long seed;
    private final Chain english;
    private final Chain chinese;
    private final Zipf tail = new Zipf(TAIL_WORDS, 1.0);
    private final int[] rareHan;

    public CorpusGenerator() { this(DEFAULT_SEED); }

    public CorpusGenerator(long seed) {
        this.seed = seed;
        Sources sources = Sources.shipped();
        this.english = Chain.words(sources.english());
        this.chinese = Chain.characters(sources.chinese());
        // the common CJK Unified Ideographs in a fixed pseudo-random order: rank r of the tail is rareHan[r]
        int[] han = new int[0x9FA5 - 0x4E00 + 1];
        for (int i = 0; i < han.length; i++) han[i] = 0x4E00 + i;
        SplittableRandom shuffle = new SplittableRandom(seed ^ 0x5EEDL);
        for (int i = han.length - 1; i > 0; i--) {
            int j = shuffle.nextInt(i + 1);
            int t = han[i]; han[i] = han[j]; han[j] = t;
        }
        this.rareHan = han;
    }

    public long seed() { return seed; }

    /** One generated transcript: a file name (number and language), its language and its text. */
    public record Transcript(String fileName, String language, String text) {
        public int bytes() { return utf8Length(text); }
    }

    /** The language of transcript {@code i} (about half are Chinese), without generating it. */
    public String language(int i) { return random(i).nextInt(2) == 0 ? "zh" : "en"; }

    /** The file name of transcript {@code i}. */
    public String fileName(int i) { return String.format(Locale.ROOT, "%05d-%s.txt", i + 1, language(i)); }

    private SplittableRandom random(int i) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + i * 0xBF58476D1CE4E5B9L + VERSION);
    }

    /** Transcript {@code i} (0-based). */
    public Transcript transcript(int i) {
        SplittableRandom rnd = random(i);
        boolean zh = rnd.nextInt(2) == 0;
        double u = rnd.nextDouble();
        int target = MIN_BYTES + (int) ((MAX_BYTES - MIN_BYTES) * u * u);
        StringBuilder text = new StringBuilder(target);
        LocalDate date = LocalDate.of(2023, 1, 1).plusDays(rnd.nextInt(900));
        if (zh) {
            text.append("访谈编号：").append(String.format(Locale.ROOT, "%05d", i + 1)).append("  日期：").append(date)
                    .append("  地点：").append(PLACES_ZH[rnd.nextInt(PLACES_ZH.length)]).append("\n\n");
        } else {
            text.append("Interview ").append(String.format(Locale.ROOT, "%05d", i + 1)).append(" \u2014 ").append(date)
                    .append(" \u2014 ").append(PLACES_EN[rnd.nextInt(PLACES_EN.length)]).append("\n\n");
        }
        // a name with a character outside the BMP in one Chinese interview in twenty
        String rareName = zh && rnd.nextInt(20) == 0
                ? new String(Character.toChars(0x20000 + rnd.nextInt(0xA6D0))) + new String(Character.toChars(rareHan[rnd.nextInt(200)]))
                : null;
        int bytes = utf8Length(text);
        boolean interviewer = true;
        while (bytes < target) {
            int start = text.length();
            if (zh) {
                text.append(interviewer ? "访谈者：" : "受访者：");
                int sentences = interviewer ? 1 + rnd.nextInt(2) : 1 + rnd.nextInt(8);
                for (int s = 0; s < sentences; s++) chineseSentence(text, rnd);
                if (rareName != null && !interviewer && rnd.nextInt(4) == 0) text.append(rareName).append("说的也是这个意思。");
            } else {
                text.append(interviewer ? "Interviewer: " : "Respondent: ");
                int sentences = interviewer ? 1 + rnd.nextInt(2) : 1 + rnd.nextInt(8);
                for (int s = 0; s < sentences; s++) {
                    if (s > 0) text.append(' ');
                    englishSentence(text, rnd);
                }
            }
            text.append("\n\n");
            bytes += utf8Length(text, start);
            interviewer = !interviewer;
        }
        String name = String.format(Locale.ROOT, "%05d-%s.txt", i + 1, zh ? "zh" : "en");
        return new Transcript(name, zh ? "zh" : "en", text.toString());
    }

    private void englishSentence(StringBuilder out, SplittableRandom rnd) {
        int token = english.start(rnd);
        for (int n = 0; ; n++) {
            if (n > 0) out.append(' ');
            String word = english.token(token);
            out.append(n == 0 ? capitalised(word) : word);
            if (rnd.nextInt(40) == 0 && !english.endsSentence(token)) out.append(' ').append(tailWord(tail.sample(rnd)));
            int next = english.next(token, rnd);
            if (next < 0) return;
            if (n >= 40) { if (!english.endsSentence(token)) out.append('.'); return; }
            token = next;
        }
    }

    private void chineseSentence(StringBuilder out, SplittableRandom rnd) {
        int token = chinese.start(rnd);
        for (int n = 0; ; n++) {
            out.append(chinese.token(token));
            if (rnd.nextInt(100) == 0 && Character.isIdeographic(chinese.token(token).codePointAt(0))) {
                out.appendCodePoint(rareHan[tail.sample(rnd) % rareHan.length]);
            }
            int next = chinese.next(token, rnd);
            if (next < 0) return;
            if (n >= 80) { if (!chinese.endsSentence(token)) out.append('。'); return; }
            token = next;
        }
    }

    /** The synthetic word of tail rank {@code rank} (0 = the most frequent): a name or place such as "tsadalnur". */
    public static String tailWord(int rank) {
        StringBuilder w = new StringBuilder();
        int r = rank + SYLLABLES.length; // at least two syllables
        while (r > 0) {
            w.append(SYLLABLES[r % SYLLABLES.length]);
            r /= SYLLABLES.length;
        }
        return w.toString();
    }

    private static String capitalised(String word) {
        if (word.isEmpty() || !Character.isLowerCase(word.charAt(0))) return word;
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    /**
     * Makes sure {@code folder} holds transcripts 0 … n−1 and returns their files in order. Files
     * already there (from an earlier run with the same seed and generator version) are reused;
     * missing ones are written. A folder of another seed or version is emptied first.
     */
    public List<Path> ensure(Path folder, int n) {
        try {
            Files.createDirectories(folder);
            Path marker = folder.resolve("corpus.properties");
            Properties expected = new Properties();
            expected.setProperty("generator.version", String.valueOf(VERSION));
            expected.setProperty("seed", String.valueOf(seed));
            Properties found = new Properties();
            if (Files.exists(marker)) {
                try (InputStream in = Files.newInputStream(marker)) { found.load(in); }
            }
            if (!found.equals(expected)) {
                try (Stream<Path> files = Files.list(folder)) {
                    for (Path p : files.toList()) if (p.getFileName().toString().endsWith(".txt")) Files.delete(p);
                }
                try (var out = Files.newOutputStream(marker)) { expected.store(out, "Tamga benchmark corpus"); }
            }
            List<Path> paths = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                Path file = folder.resolve(fileName(i));
                if (!Files.exists(file)) {
                    Transcript t = transcript(i);
                    Path tmp = folder.resolve(t.fileName() + ".part");
                    Files.writeString(tmp, t.text(), StandardCharsets.UTF_8);
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                }
                paths.add(file);
            }
            return paths;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the benchmark corpus in " + folder + ": " + e.getMessage(), e);
        }
    }

    static int utf8Length(CharSequence s) { return utf8Length(s, 0); }

    static int utf8Length(CharSequence s, int from) {
        int n = 0;
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) n += 1;
            else if (c < 0x800) n += 2;
            else if (Character.isHighSurrogate(c)) { n += 4; i++; }
            else n += 3;
        }
        return n;
    }

    /** Ranks 0 … n−1 drawn with probability ∝ 1/(rank+1)^s. */
    static final class Zipf {
        private final double[] cumulative;

        Zipf(int n, double s) {
            cumulative = new double[n];
            double sum = 0;
            for (int k = 0; k < n; k++) { sum += 1 / Math.pow(k + 1, s); cumulative[k] = sum; }
            for (int k = 0; k < n; k++) cumulative[k] /= sum;
        }

        int sample(SplittableRandom rnd) {
            int i = Arrays.binarySearch(cumulative, rnd.nextDouble());
            return Math.min(cumulative.length - 1, i >= 0 ? i : -i - 1);
        }
    }

    /** A first-order Markov chain over tokens (words or characters), sentence by sentence. */
    static final class Chain {
        private final String[] tokens;
        private final boolean[] ends;
        private final int[][] next;   // successors with repetition (their frequency); -1 ends the sentence
        private final int[] starts;   // first tokens of sentences, with repetition
        private final int[] all;      // every token occurrence (for an occasional jump)

        private Chain(List<List<String>> sentences, Pattern sentenceEnd) {
            Map<String, Integer> ids = new HashMap<>();
            List<String> tokenList = new ArrayList<>();
            Map<Integer, List<Integer>> successors = new HashMap<>();
            List<Integer> startList = new ArrayList<>(), allList = new ArrayList<>();
            for (List<String> sentence : sentences) {
                int previous = -1;
                for (String t : sentence) {
                    int id = ids.computeIfAbsent(t, k -> { tokenList.add(k); return tokenList.size() - 1; });
                    if (previous < 0) startList.add(id); else successors.computeIfAbsent(previous, k -> new ArrayList<>()).add(id);
                    allList.add(id);
                    previous = id;
                }
                if (previous >= 0) successors.computeIfAbsent(previous, k -> new ArrayList<>()).add(-1);
            }
            tokens = tokenList.toArray(String[]::new);
            ends = new boolean[tokens.length];
            next = new int[tokens.length][];
            for (int i = 0; i < tokens.length; i++) {
                ends[i] = sentenceEnd.matcher(tokens[i]).find();
                next[i] = successors.getOrDefault(i, List.of(-1)).stream().mapToInt(Integer::intValue).toArray();
            }
            starts = startList.stream().mapToInt(Integer::intValue).toArray();
            all = allList.stream().mapToInt(Integer::intValue).toArray();
        }

        static Chain words(List<String> sentences) {
            List<List<String>> tokenised = new ArrayList<>();
            for (String s : sentences) {
                List<String> words = Arrays.stream(s.strip().split("\\s+")).filter(w -> !w.isEmpty()).toList();
                if (words.size() >= 3) tokenised.add(words);
            }
            return new Chain(tokenised, Pattern.compile("[.?!]['\"\u201D]?$"));
        }

        static Chain characters(List<String> sentences) {
            List<List<String>> tokenised = new ArrayList<>();
            for (String s : sentences) {
                List<String> chars = s.strip().codePoints().filter(c -> !Character.isWhitespace(c))
                        .mapToObj(Character::toString).toList();
                if (chars.size() >= 3) tokenised.add(chars);
            }
            return new Chain(tokenised, Pattern.compile("[。？！]$"));
        }

        String token(int id) { return tokens[id]; }
        boolean endsSentence(int id) { return ends[id]; }
        int start(SplittableRandom rnd) { return starts[rnd.nextInt(starts.length)]; }

        /** The token after {@code id}, or −1 when the sentence ends; now and then a jump to any token, so that sentences vary. */
        int next(int id, SplittableRandom rnd) {
            if (ends[id] && rnd.nextInt(3) != 0) return -1;
            if (rnd.nextInt(8) == 0) return all[rnd.nextInt(all.length)];
            int[] options = next[id];
            return options[rnd.nextInt(options.length)];
        }

        int size() { return tokens.length; }
    }

    /** The sentences of the texts shipped with Tamga, split into English and Chinese. */
    record Sources(List<String> english, List<String> chinese) {
        private static final Pattern LABEL = Pattern.compile("^[^:：]{1,20}[:：]\\s*");
        private static final Pattern ENGLISH_SENTENCE = Pattern.compile("(?<=[.?!])\\s+");
        private static final Pattern CHINESE_SENTENCE = Pattern.compile("(?<=[。？！])");
        private static final Pattern MARKDOWN = Pattern.compile("^[-#>\\s]*(\\*\\*[^*]+\\*\\*)?\\s*");

        static Sources shipped() {
            List<String> english = new ArrayList<>(), chinese = new ArrayList<>();
            List<String> texts = new ArrayList<>();
            for (String name : read("/sample/documents.txt").lines().map(String::strip).filter(l -> !l.isEmpty()).toList()) {
                texts.add(read("/sample/transcripts/" + name));
            }
            texts.add(read("/codebooks/poverty-capability-local-knowledge.md"));
            for (String text : texts) {
                for (String line : text.lines().toList()) {
                    String l = MARKDOWN.matcher(line).replaceFirst("");
                    l = LABEL.matcher(l).replaceFirst("").strip();
                    if (l.isEmpty() || l.startsWith("<!--") || l.startsWith("Colour")) continue;
                    long han = l.codePoints().filter(Character::isIdeographic).count();
                    if (han * 3 >= l.codePointCount(0, l.length())) {
                        for (String s : CHINESE_SENTENCE.split(l)) if (!s.isBlank()) chinese.add(s);
                    } else if (han == 0) {
                        for (String s : ENGLISH_SENTENCE.split(l)) if (!s.isBlank()) english.add(s);
                    }
                }
            }
            return new Sources(english, chinese);
        }

        private static String read(String resource) {
            try (InputStream in = CorpusGenerator.class.getResourceAsStream(resource)) {
                if (in == null) throw new IllegalStateException("missing resource " + resource);
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
