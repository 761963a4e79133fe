package org.tamga.index;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tamga.core.ProjectSession;
import org.tamga.core.SearchService;
import org.tamga.model.Document;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tamga.core.SessionFixtures.importText;

/**
 * Property: a substring of a text, searched as a quoted phrase, is found exactly where a plain scan
 * of the texts finds it: the same documents and the same code point positions, no more, no fewer.
 * Texts in every script Tamga promises (Chinese simplified and traditional, Mongolian in Cyrillic and
 * in the traditional script with U+202F suffixes, English, and an interview that mixes them with
 * digits, punctuation, emoji and a CJK Extension B character).
 *
 * <p>Which substrings, and what the scan counts as an occurrence (the search's documented rules):
 * <ul>
 * <li>a substring begins and ends with a letter, digit or Han character (punctuation at the ends of a
 *     query is not searched for), and is at most 14 characters long;</li>
 * <li>without Han characters, it begins and ends at word boundaries, and an occurrence counts only
 *     there too (words are matched whole: {@code fence} does not find {@code fenced}); a narrow
 *     no-break space (U+202F, before a Mongolian suffix) is a boundary;</li>
 * <li>with Han characters, any substring, and every occurrence counts (阿Q inside 阿Quei);</li>
 * <li>letters are compared folded (case, width, accents: NFKD without marks, then NFKC, lower case),
 *     and a run of white space matches any run of white space.</li>
 * </ul>
 * Seeded, so a failure repeats; the seed and the substring are in the message.
 */
class ExactSearchPropertyTest {
    private static final long SEED = 20261202L;
    private static final int CASES = 2000;
    private static final String[] FIXTURES = {
            "udhr-cmn-hans.txt", "udhr-cmn-hant.txt", "udhr-khk-cyrillic.txt", "udhr-khk-mongolian-script.txt",
            "moztw-g0v-chat-lines.txt", "mixed-scripts-interview.txt"};

    @TempDir static Path tmp;
    private static ProjectSession session;
    private static final Map<Document, Folded> texts = new LinkedHashMap<>();

    @BeforeAll
    static void importTexts() throws IOException {
        session = ProjectSession.create(tmp.resolve("p.tamga"), tmp.resolve("cache"));
        for (String f : FIXTURES) {
            String text = fixture(f);
            Document d = importText(session, tmp.resolve("in"), f.replace(".txt", ""), text);
            texts.put(d, new Folded(session.documents().text(d)));
        }
        // a generated text: Han runs with Ext-B characters, Latin words, emoji and punctuation side by side
        Random r = new Random(SEED);
        String[] han = {"贫", "困", "户", "草", "场", "場", "牧", "民", "𠀀", "𪚥", "补", "贴"};
        String[] latin = {"herder", "Sheep", "pasture", "5G", "covid", "Q", "x1"};
        String[] glue = {"", "", " ", "，", "。", "\n", " — ", "、", "……", "-", "\u202F"};
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 600; i++) {
            int kind = r.nextInt(4);
            if (kind <= 1) { for (int k = 1 + r.nextInt(4); k > 0; k--) sb.append(han[r.nextInt(han.length)]); }
            else if (kind == 2) sb.append(latin[r.nextInt(latin.length)]);
            else sb.append(r.nextBoolean() ? "🐑" : "ᠮᠠᠯ");
            sb.append(glue[r.nextInt(glue.length)]);
        }
        Document g = importText(session, tmp.resolve("in"), "generated", sb.toString());
        texts.put(g, new Folded(sb.toString()));
    }

    @AfterAll
    static void close() { session.close(); }

    static String fixture(String name) throws IOException {
        try (InputStream in = ExactSearchPropertyTest.class.getResourceAsStream("/fixtures/search/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void quotedSubstringsAreFoundExactlyWhereAPlainScanFindsThem() {
        Random random = new Random(SEED);
        List<Document> docs = new ArrayList<>(texts.keySet());
        int checked = 0, withHan = 0, hits = 0;
        for (int attempt = 0; checked < CASES; attempt++) {
            assertTrue(attempt < CASES * 50, "could not draw enough substrings");
            Document doc = docs.get(random.nextInt(docs.size()));
            String text = texts.get(doc).text;
            int[] cps = text.codePoints().toArray();
            int from = random.nextInt(cps.length);
            int to = Math.min(cps.length, from + 1 + random.nextInt(14));
            if (random.nextBoolean()) {
                // half the time snapped to the words around: to where a word begins, and to where one ends
                while (from < cps.length && !(wordChar(cps[from]) && !han(cps[from]) && boundary(cps, from))) from++;
                to = Math.min(cps.length, from + 1 + random.nextInt(24));
                while (to < cps.length && !(to > from && wordChar(cps[to - 1]) && boundary(cps, to))) to++;
                if (from >= cps.length || to - from > 30) continue;
            }
            String needle = new String(cps, from, to - from);
            if (!acceptable(cps, from, to)) continue;
            Set<List<Integer>> expected = scan(needle);
            Set<List<Integer>> found = search(needle);
            if (!expected.equals(found)) System.err.println(differences(expected, found));
            assertEquals(expected, found, "seed " + SEED + ", case " + checked + ", substring \u201C" + needle + "\u201D "
                    + needle.codePoints().mapToObj(Integer::toHexString).toList() + " of " + doc.name() + " at " + from);
            assertTrue(found.contains(List.of((int) doc.id(), from, to)), "the place it was drawn from");
            checked++;
            hits += found.size();
            if (hasHan(needle)) withHan++;
        }
        assertTrue(withHan > CASES / 4 && checked - withHan > CASES / 4, "both kinds drawn: " + withHan + " of " + checked);
        assertTrue(hits > CASES, "hits " + hits);
    }

    /** The places found by one side only, each with the text around it. */
    private static String differences(Set<List<Integer>> expected, Set<List<Integer>> found) {
        StringBuilder sb = new StringBuilder();
        for (var side : List.of(List.of(expected, found, "only in the scan"), List.of(found, expected, "only in the search"))) {
            @SuppressWarnings("unchecked") Set<List<Integer>> a = (Set<List<Integer>>) side.get(0), b = (Set<List<Integer>>) side.get(1);
            for (List<Integer> p : a) {
                if (b.contains(p)) continue;
                String text = texts.entrySet().stream().filter(e -> e.getKey().id() == p.get(0)).findFirst().orElseThrow().getValue().text;
                int[] cps = text.codePoints().toArray();
                int from = Math.max(0, p.get(1) - 6), to = Math.min(cps.length, p.get(2) + 6);
                sb.append(side.get(2)).append(": ").append(p).append(" \u201C").append(new String(cps, from, p.get(1) - from)).append('[')
                        .append(new String(cps, p.get(1), p.get(2) - p.get(1))).append(']').append(new String(cps, p.get(2), to - p.get(2)))
                        .append("\u201D\n");
            }
        }
        return sb.toString();
    }

    /** The substring's ends: word characters, and word boundaries unless it has Han characters. */
    private static boolean acceptable(int[] cps, int from, int to) {
        if (!wordChar(cps[from]) || !wordChar(cps[to - 1])) return false;
        boolean han = false;
        for (int i = from; i < to; i++) if (han(cps[i])) han = true;
        return han || boundary(cps, from) && boundary(cps, to);
    }

    private Set<List<Integer>> search(String needle) {
        String query = "\"" + needle.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        var result = session.search().search(SearchService.Request.of(query).limit(100_000).context(0).chineseVariants(false));
        Set<List<Integer>> out = new TreeSet<>(ExactSearchPropertyTest::compare);
        for (var h : result.hits()) out.add(List.of((int) h.document().id(), h.start(), h.end()));
        return out;
    }

    private static Set<List<Integer>> scan(String needle) {
        Folded n = new Folded(needle);
        boolean han = hasHan(needle);
        Set<List<Integer>> out = new TreeSet<>(ExactSearchPropertyTest::compare);
        for (var e : texts.entrySet()) {
            Folded t = e.getValue();
            int[] text = t.text.codePoints().toArray();
            for (int i = 0; i + n.length <= t.length; i++) {
                boolean same = true;
                for (int k = 0; k < n.length && same; k++) same = t.folded[i + k] == n.folded[k];
                if (!same) continue;
                int start = t.from[i], end = t.to[i + n.length - 1];
                if (!han && !(boundary(text, start) && boundary(text, end))) continue;
                out.add(List.of((int) e.getKey().id(), start, end));
            }
        }
        return out;
    }

    private static int compare(List<Integer> a, List<Integer> b) {
        for (int i = 0; i < 3; i++) { int c = Integer.compare(a.get(i), b.get(i)); if (c != 0) return c; }
        return 0;
    }

    /** A text folded code point by code point: case, width, accents; white space runs as one space. */
    private static final class Folded {
        final String text;
        int[] folded, from, to;
        int length;

        Folded(String text) {
            this.text = text;
            int[] cps = text.codePoints().toArray();
            folded = new int[cps.length * 3 + 1]; from = new int[folded.length]; to = new int[folded.length];
            for (int i = 0; i < cps.length; i++) {
                int c = cps[i];
                if (space(c)) {
                    if (length > 0 && folded[length - 1] == ' ') { to[length - 1] = i + 1; continue; }
                    add(' ', i);
                    continue;
                }
                if (c == 0x202F) { add(c, i); continue; }
                if (c >= 0x180B && c <= 0x180F) continue; // Mongolian variation selectors and vowel separator are ignored
                String s = Normalizer.normalize(new String(Character.toChars(c)), Normalizer.Form.NFKD).replaceAll("\\p{Mn}", "");
                s = Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
                s.codePoints().forEach(f -> add(f, -1));
                for (int k = length - 1; k >= 0 && from[k] == -1; k--) { from[k] = i; to[k] = i + 1; }
            }
            // trimmed: a needle never starts or ends with white space
        }

        private void add(int c, int i) {
            if (length == folded.length) { folded = java.util.Arrays.copyOf(folded, length * 2); from = java.util.Arrays.copyOf(from, length * 2); to = java.util.Arrays.copyOf(to, length * 2); }
            folded[length] = c; from[length] = i; to[length] = i + 1; length++;
        }
    }

    static boolean space(int c) { return c != 0x202F && (Character.isWhitespace(c) || Character.isSpaceChar(c)); }

    static boolean han(int c) { return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN; }

    static boolean hasHan(String s) { return s.codePoints().anyMatch(ExactSearchPropertyTest::han); }

    /** Letters, digits and the marks and format characters inside words. */
    static boolean wordChar(int c) {
        if (Character.isLetterOrDigit(c)) return true;
        int t = Character.getType(c);
        return t == Character.NON_SPACING_MARK || t == Character.COMBINING_SPACING_MARK || c >= 0x180B && c <= 0x180F;
    }

    private static final String MID_LETTER = ":\u00B7\u0387\u05F4\u2027\uFE13\uFE55\uFF1A";
    private static final String MID_NUM = ",;\u037E\u0589\u060C\u060D\u066C\u07F8\u2044\uFE10\uFE14\uFE50\uFE54\uFF0C\uFF1B";
    private static final String MID_NUM_LET = ".'\u2018\u2019\u2024\uFE52\uFF07\uFF0E";

    private static boolean letter(int c) { return (Character.isLetter(c) || c == '_') && !han(c); }

    /** Whether c between p and q keeps them one word (UAX #29: MidLetter between letters, MidNum between digits, MidNumLet between either). */
    private static boolean joins(int p, int c, int q) {
        boolean letters = letter(p) && letter(q), digits = Character.isDigit(p) && Character.isDigit(q);
        if (MID_NUM_LET.indexOf(c) >= 0) return letters || digits;
        if (MID_LETTER.indexOf(c) >= 0) return letters;
        if (MID_NUM.indexOf(c) >= 0) return digits;
        return false;
    }

    /** Whether a word (not Han) can begin or end at {@code i} (between cps[i-1] and cps[i]); U+202F is a boundary. */
    static boolean boundary(int[] cps, int i) {
        if (i <= 0 || i >= cps.length) return true;
        int a = cps[i - 1], b = cps[i];
        if (han(a) || han(b)) return true;
        boolean wa = wordChar(a) || a == '_', wb = wordChar(b) || b == '_';
        if (wa && wb) return false;
        if (!wa && i >= 2 && joins(cps[i - 2], a, b)) return false;
        if (!wb && i + 1 < cps.length && joins(a, b, cps[i + 1])) return false;
        return true;
    }
}
