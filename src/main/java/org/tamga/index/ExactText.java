package org.tamga.index;

import org.apache.lucene.analysis.icu.ICUFoldingFilter;

import java.util.Arrays;

/**
 * What a phrase or a word written in several scripts must read as where it matches. The index finds
 * candidates by their tokens, and tokens leave out punctuation: {@code 阿Q} as the tokens 阿 and q
 * would also match {@code 阿……Q哥}. So the hit's text is compared with the query's own text, both
 * folded as the index folds them (case, width, accents; simplified and traditional Han characters
 * alike when the search treats them alike) and with every run of white space read as one space;
 * U+202F (the Mongolian suffix space) is kept as it is.
 *
 * <p>A query with Han characters is a substring search: at an end where it has a letter or digit
 * that is not Han, the text may go on ({@code 阿Q} finds the 阿Q of 阿Quei); {@link #find} then cuts
 * the hit to the query's text. {@code ?} in a Chinese query stands for one letter, digit or
 * character; the hit is widened by {@link #extendBefore()} / {@link #extendAfter()} characters first.
 */
public final class ExactText {
    /** A {@code ?}: one letter, digit or Han character. */
    static final int ANY = -1;

    private final int[] pattern;
    private final boolean openStart, openEnd, variants;
    private final int extendBefore, extendAfter;

    ExactText(int[] pattern, boolean openStart, boolean openEnd, boolean variants, int extendBefore, int extendAfter) {
        this.pattern = pattern;
        this.openStart = openStart;
        this.openEnd = openEnd;
        this.variants = variants;
        this.extendBefore = extendBefore;
        this.extendAfter = extendAfter;
    }

    /** Characters to add before the index's hit before it is compared ({@code ?} at the query's start). */
    public int extendBefore() { return extendBefore; }

    /** Characters to add after the index's hit before it is compared ({@code ?} at the query's end). */
    public int extendAfter() { return extendAfter; }

    /**
     * Where the query's text is in {@code hit} (the text of a hit, widened as asked): code point
     * offsets {from, to} within it, or null if the hit is not the query's text.
     */
    public int[] find(String hit) {
        if (!openStart && !openEnd) {
            int same = sameAsPattern(hit);
            if (same >= 0) return same == 1 ? new int[]{0, hit.codePointCount(0, hit.length())} : null;
        }
        Folded f = fold(hit, variants);
        int last = openStart ? f.length - pattern.length : 0;
        for (int i = 0; i <= last; i++) {
            if (!matchesAt(f, i)) continue;
            int j = i + pattern.length;
            if (!openEnd && j != f.length) continue;
            return new int[]{f.from[i], f.to[j - 1]};
        }
        return null;
    }

    /**
     * The common case without allocating: the hit read code point by code point against the
     * pattern. 1 if it is the pattern, 0 if not, -1 if it has a character whose folding needs ICU.
     */
    private int sameAsPattern(String hit) {
        int k = 0;
        boolean space = false;
        for (int i = 0; i < hit.length(); ) {
            int cp = hit.codePointAt(i);
            i += Character.charCount(cp);
            if (space(cp)) { space = true; continue; }
            if (space) {
                if (k == 0) return -1; // white space at the start: the slow path decides
                if (k >= pattern.length || pattern[k] != ' ') return 0;
                k++;
                space = false;
            }
            int c;
            if (cp < 0x80) c = cp >= 'A' && cp <= 'Z' ? cp + 32 : cp;
            else if (cp == NarrowSpaceFilter.NNBSP || ICUFoldingFilter.NORMALIZER.isInert(cp)) c = variants && cp >= 0x3400 ? ChineseVariants.simplified(cp) : cp;
            else return -1;
            if (k >= pattern.length) return 0;
            if (pattern[k] == ANY ? !Character.isLetterOrDigit(c) : pattern[k] != c) return 0;
            k++;
        }
        if (space) return -1;
        return k == pattern.length ? 1 : 0;
    }

    private boolean matchesAt(Folded f, int at) {
        if (at + pattern.length > f.length) return false;
        for (int k = 0; k < pattern.length; k++) {
            int c = f.codePoints[at + k];
            if (pattern[k] == ANY ? !Character.isLetterOrDigit(c) : pattern[k] != c) return false;
        }
        return true;
    }

    /** The pattern of a query's text: folded, white space as one space, {@code anyAt} marking {@code ?}s (UTF-16 offsets). */
    static int[] pattern(String text, boolean variants, boolean[] anyAt) {
        StringBuilder literal = new StringBuilder();
        int[] out = new int[0];
        int n = 0;
        for (int i = 0; i <= text.length(); ) {
            boolean any = i < text.length() && anyAt != null && anyAt[i];
            if (i == text.length() || any) {
                int[] folded = fold(literal.toString(), variants).codePointsTrimmed();
                out = Arrays.copyOf(out, n + folded.length + (any ? 1 : 0));
                System.arraycopy(folded, 0, out, n, folded.length);
                n += folded.length;
                if (any) out[n++] = ANY;
                literal.setLength(0);
                if (i == text.length()) break;
                i++;
                continue;
            }
            int cp = text.codePointAt(i);
            literal.appendCodePoint(cp);
            i += Character.charCount(cp);
        }
        return out;
    }

    /** A text folded code point by code point, with the code point range of the original each folded one came from. */
    private record Folded(int[] codePoints, int[] from, int[] to, int length) {
        int[] codePointsTrimmed() {
            int s = 0, e = length;
            while (s < e && codePoints[s] == ' ') s++;
            while (e > s && codePoints[e - 1] == ' ') e--;
            return Arrays.copyOfRange(codePoints, s, e);
        }
    }

    static boolean space(int cp) {
        return cp != NarrowSpaceFilter.NNBSP && (Character.isWhitespace(cp) || Character.isSpaceChar(cp));
    }

    private static Folded fold(String s, boolean variants) {
        int cps = s.codePointCount(0, s.length());
        int[] out = new int[cps * 2 + 4], from = new int[out.length], to = new int[out.length];
        int n = 0, k = 0;
        for (int i = 0; i < s.length(); k++) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (space(cp)) {
                if (n > 0 && out[n - 1] == ' ') { to[n - 1] = k + 1; continue; }
                if (n == out.length) { out = Arrays.copyOf(out, n * 2); from = Arrays.copyOf(from, n * 2); to = Arrays.copyOf(to, n * 2); }
                out[n] = ' '; from[n] = k; to[n] = k + 1; n++;
                continue;
            }
            boolean inert = cp < 0x80 || cp == NarrowSpaceFilter.NNBSP || ICUFoldingFilter.NORMALIZER.isInert(cp);
            String folded = inert ? null : ICUFoldingFilter.NORMALIZER.normalize(new String(Character.toChars(cp)));
            if (folded == null) {
                int c = cp >= 'A' && cp <= 'Z' ? cp + 32 : cp;
                if (variants && c >= 0x3400) c = ChineseVariants.simplified(c);
                if (n == out.length) { out = Arrays.copyOf(out, n * 2); from = Arrays.copyOf(from, n * 2); to = Arrays.copyOf(to, n * 2); }
                out[n] = c; from[n] = k; to[n] = k + 1; n++;
                continue;
            }
            for (int j = 0; j < folded.length(); ) {
                int c = folded.codePointAt(j);
                j += Character.charCount(c);
                if (variants) c = ChineseVariants.simplified(c);
                if (n == out.length) { out = Arrays.copyOf(out, n * 2); from = Arrays.copyOf(from, n * 2); to = Arrays.copyOf(to, n * 2); }
                out[n] = c; from[n] = k; to[n] = k + 1; n++;
            }
        }
        return new Folded(out, from, to, n);
    }
}
