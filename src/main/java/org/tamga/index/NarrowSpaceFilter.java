package org.tamga.index;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.util.AttributeSource;

import java.io.IOException;
import java.util.ArrayDeque;

/**
 * Traditional Mongolian writes case and other suffixes after U+202F (narrow no-break space), which
 * Unicode word boundaries keep inside the word: {@code ᠡᠷᠬᠡ\u202Fᠲᠡᠢ} is one token. In the index
 * this filter makes the stem and every suffix findable on their own as well: it emits each part and
 * each run of consecutive parts joined as written (the stem, {@code stem\u202Fsuffix}, the suffix …),
 * all at the position of the word (so a phrase around the word still lines up), each with its own
 * offsets. For a query ({@code query == true}) it emits the word as written, without narrow spaces
 * at its ends, so a query with the suffix finds that exact form and a stem alone finds the stem with
 * or without suffixes. U+180E (the Mongolian vowel separator) is a format character inside the word
 * and does not split it. A narrow space at a token's end (French {@code mot\u202F:}) is dropped.
 */
final class NarrowSpaceFilter extends TokenFilter {
    static final char NNBSP = '\u202F';
    /** Words with more parts than this have only their parts and the whole word indexed, not every run. */
    private static final int MAX_RUNS = 6;

    private final boolean query;
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offsets = addAttribute(OffsetAttribute.class);
    private final PositionIncrementAttribute increments = addAttribute(PositionIncrementAttribute.class);
    private final ArrayDeque<String> pendingText = new ArrayDeque<>();
    private final ArrayDeque<int[]> pendingOffsets = new ArrayDeque<>();
    private AttributeSource.State state;

    NarrowSpaceFilter(TokenStream input, boolean query) {
        super(input);
        this.query = query;
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!pendingText.isEmpty()) {
            restoreState(state);
            String text = pendingText.poll();
            int[] o = pendingOffsets.poll();
            term.setEmpty().append(text);
            offsets.setOffset(o[0], o[1]);
            increments.setPositionIncrement(0);
            return true;
        }
        if (!input.incrementToken()) return false;
        char[] buf = term.buffer();
        int len = term.length();
        boolean has = false;
        for (int i = 0; i < len; i++) if (buf[i] == NNBSP) { has = true; break; }
        if (!has) return true;

        String word = term.toString();
        int base = offsets.startOffset();
        // the parts between narrow spaces, as [start, end) in the word
        int[] starts = new int[len], ends = new int[len];
        int n = 0;
        for (int i = 0; i < len; ) {
            int j = word.indexOf(NNBSP, i);
            if (j < 0) j = len;
            if (j > i) { starts[n] = i; ends[n] = j; n++; }
            i = j + 1;
        }
        if (n == 0) return incrementToken(); // only narrow spaces: nothing to index
        if (query || n == 1) {
            term.setEmpty().append(word, starts[0], ends[n - 1]);
            offsets.setOffset(base + starts[0], base + ends[n - 1]);
            return true;
        }
        // the stem first, in this token; the rest stacked on it, in order of their starts
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                if (i == 0 && j == 0) continue;
                boolean run = j > i;
                if (run && n > MAX_RUNS && !(i == 0 && j == n - 1)) continue;
                pendingText.add(word.substring(starts[i], ends[j]));
                pendingOffsets.add(new int[]{base + starts[i], base + ends[j]});
            }
        }
        term.setEmpty().append(word, starts[0], ends[0]);
        offsets.setOffset(base + starts[0], base + ends[0]);
        state = captureState();
        return true;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        pendingText.clear();
        pendingOffsets.clear();
        state = null;
    }
}
