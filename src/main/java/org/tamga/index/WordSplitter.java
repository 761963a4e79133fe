package org.tamga.index;

import com.ibm.icu.text.Normalizer2;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The words of a text as word frequencies count them (ADR 38), each with its language and the code
 * point positions where it is written:
 * <ul>
 * <li>a run of Han characters is segmented into words by SmartChinese (an HMM over a bigram
 *     dictionary of simplified Chinese); traditional characters are segmented by their simplified
 *     forms ({@link ChineseVariants}) but counted as written;</li>
 * <li>everything else is cut at Unicode word boundaries (UAX #29); a word with a Latin letter first
 *     is English, with a Cyrillic or Mongolian letter first Mongolian; words of other scripts,
 *     numbers and emoji are not counted;</li>
 * <li>English and Mongolian Cyrillic are folded to lower case (NFKC case folding: full-width letters
 *     and ligatures as the letters they stand for, accents kept, so й stays й); a curly apostrophe is
 *     a straight one;</li>
 * <li>a traditional Mongolian word is kept as written, but only up to its first U+202F (narrow
 *     no-break space): what follows is a case ending or particle, which is not a word of its own and
 *     not counted; the stem is counted as one occurrence, with or without suffixes.</li>
 * </ul>
 * Not thread-safe: one splitter per thread.
 */
final class WordSplitter {
    static final String ZH = "zh", EN = "en", MN = "mn";
    static final char NNBSP = '\u202F';
    private static final Normalizer2 FOLD = Normalizer2.getNFKCCasefoldInstance();
    private static final String ALPHANUM = StandardTokenizer.TOKEN_TYPES[StandardTokenizer.ALPHANUM];

    private final StandardTokenizer words = new StandardTokenizer();
    private final CharTermAttribute wordTerm = words.addAttribute(CharTermAttribute.class);
    private final OffsetAttribute wordOffsets = words.addAttribute(OffsetAttribute.class);
    private final TypeAttribute wordType = words.addAttribute(TypeAttribute.class);
    private final HMMChineseTokenizer chinese = new HMMChineseTokenizer();
    private final OffsetAttribute chineseOffsets = chinese.addAttribute(OffsetAttribute.class);

    /** A counted word and where it is written: code points [start, end) of the text. */
    record Word(String text, int start, int end) {}

    /** The words of a text, in the order they are written. */
    List<Word> split(String text) {
        try {
            List<Word> others = others(text), han = han(text);
            if (han.isEmpty()) return others;
            if (others.isEmpty()) return han;
            List<Word> out = new ArrayList<>(others.size() + han.size());
            int i = 0, j = 0;
            while (i < others.size() || j < han.size()) {
                if (j == han.size() || (i < others.size() && others.get(i).start() < han.get(j).start())) out.add(others.get(i++));
                else out.add(han.get(j++));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Words outside the Han runs: Unicode word boundaries, then {@link #normalise}. */
    private List<Word> others(String text) throws IOException {
        List<Word> out = new ArrayList<>();
        words.setReader(new StringReader(text));
        words.reset();
        int utf16 = 0, cp = 0;
        while (words.incrementToken()) {
            if (!ALPHANUM.equals(wordType.type())) continue; // Han (segmented apart), kana, hangul, numbers, emoji
            String token = wordTerm.toString();
            int cut = token.indexOf(NNBSP);
            int start = wordOffsets.startOffset(), end = cut < 0 ? wordOffsets.endOffset() : start + cut;
            String word = normalise(cut < 0 ? token : token.substring(0, cut));
            if (word == null) continue;
            cp += Character.codePointCount(text, utf16, start);
            int startCp = cp;
            cp += Character.codePointCount(text, start, end);
            utf16 = end;
            out.add(new Word(word, startCp, cp));
        }
        words.end();
        words.close();
        return out;
    }

    /** Words of the Han runs, segmented by SmartChinese on the simplified forms of their characters. */
    private List<Word> han(String text) throws IOException {
        List<Word> out = new ArrayList<>();
        int cp = 0;
        StringBuilder simplified = new StringBuilder();
        // the UTF-16 unit k of the simplified run came from the character at code point backCp[k], UTF-16 index backUtf16[k] of the text
        int[] backCp = new int[64], backUtf16 = new int[64];
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (Character.UnicodeScript.of(c) != Character.UnicodeScript.HAN) {
                i += Character.charCount(c);
                cp++;
                continue;
            }
            simplified.setLength(0);
            int n = 0;
            while (i < text.length()) {
                c = text.codePointAt(i);
                if (Character.UnicodeScript.of(c) != Character.UnicodeScript.HAN) break;
                int s = ChineseVariants.simplified(c);
                if (n + 3 > backCp.length) {
                    backCp = java.util.Arrays.copyOf(backCp, backCp.length * 2);
                    backUtf16 = java.util.Arrays.copyOf(backUtf16, backUtf16.length * 2);
                }
                for (int k = 0; k < Character.charCount(s); k++, n++) {
                    backCp[n] = cp;
                    backUtf16[n] = i;
                }
                simplified.appendCodePoint(s);
                i += Character.charCount(c);
                cp++;
            }
            backCp[n] = cp;
            backUtf16[n] = i;
            chinese.setReader(new StringReader(simplified.toString()));
            chinese.reset();
            while (chinese.incrementToken()) {
                int s = chineseOffsets.startOffset(), e = chineseOffsets.endOffset();
                if (e <= s) continue;
                String word = normalise(text.substring(backUtf16[s], backUtf16[e]));
                if (word != null) out.add(new Word(word, backCp[s], backCp[e]));
            }
            chinese.end();
            chinese.close();
        }
        return out;
    }

    /**
     * A word as it is counted, or null when it is not counted: up to its first U+202F (nothing when
     * it begins with one); a word without a Chinese, Latin, Cyrillic or Mongolian letter first is not
     * counted; traditional Mongolian as written, everything else NFKC case-folded, curly apostrophes straight.
     * Stop-word lists are read through this too, so that they match what is counted.
     */
    static String normalise(String word) {
        if (word == null) return null;
        int cut = word.indexOf(NNBSP);
        if (cut >= 0) word = word.substring(0, cut);
        String language = language(word);
        if (language == null) return null;
        if (hasMongolianScript(word)) return word;
        String folded = FOLD.normalize(word).replace('\u2019', '\'').replace('\u02BC', '\'').strip();
        return folded.isEmpty() || language(folded) == null ? null : folded;
    }

    /** zh, en or mn by the script of the word's first letter; null for a word of another script or without letters. */
    static String language(String word) {
        for (int i = 0; i < word.length(); ) {
            int c = word.codePointAt(i);
            if (Character.isLetter(c)) {
                return switch (Character.UnicodeScript.of(c)) {
                    case HAN -> ZH;
                    case LATIN -> EN;
                    case CYRILLIC, MONGOLIAN -> MN;
                    default -> null;
                };
            }
            i += Character.charCount(c);
        }
        return null;
    }

    private static boolean hasMongolianScript(String word) {
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c >= 0x1800 && c <= 0x18AF) return true;
        }
        return false;
    }
}
