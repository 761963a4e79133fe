package org.tamga.core.text;

/**
 * Converts between Tamga positions (Unicode code points, as REFI-QDA counts) and Java's UTF-16
 * indices for one text. This is the one place where the two units meet. For a text without
 * characters outside the Basic Multilingual Plane the two are the same and nothing is allocated.
 */
public final class Positions {
    private final String text;
    /** UTF-16 indices of the high surrogates in the text, ascending; null when there are none. */
    private final int[] surrogates;

    public Positions(String text) { this(text, -1); }

    /**
     * Like {@link #Positions(String)} when the number of code points in the text is known (a
     * document's length): a text with as many code points as UTF-16 units has no surrogate pairs,
     * and is not scanned for them.
     */
    public Positions(String text, int codePoints) {
        this.text = text;
        if (codePoints == text.length()) { surrogates = null; return; }
        int count = 0;
        for (int i = 0; i < text.length(); i++) if (Character.isHighSurrogate(text.charAt(i))) count++;
        if (count == 0) {
            surrogates = null;
        } else {
            surrogates = new int[count];
            int k = 0;
            for (int i = 0; i < text.length(); i++) if (Character.isHighSurrogate(text.charAt(i))) surrogates[k++] = i;
        }
    }

    /** Number of code points in the text. */
    public int length() { return toCodePoint(text.length()); }

    /** The code point position of a UTF-16 index. */
    public int toCodePoint(int utf16) {
        if (surrogates == null) return utf16;
        // every surrogate pair that starts before utf16 counts as one code point, not two
        int before = countBelow(utf16);
        return utf16 - before;
    }

    /** The UTF-16 index of a code point position. */
    public int toUtf16(int codePoint) {
        if (surrogates == null) return codePoint;
        // the k-th surrogate pair starts at code point surrogates[k] - k
        int lo = 0, hi = surrogates.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (surrogates[mid] - mid < codePoint) lo = mid + 1; else hi = mid;
        }
        return codePoint + lo;
    }

    /** The text between two code point positions. */
    public String substring(int start, int end) { return text.substring(toUtf16(start), toUtf16(end)); }

    private int countBelow(int utf16) {
        int lo = 0, hi = surrogates.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (surrogates[mid] < utf16) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    /** Code point positions of every occurrence of {@code needle} (plain substring search). */
    public static java.util.List<int[]> occurrences(String text, String needle) {
        Positions p = new Positions(text);
        java.util.List<int[]> out = new java.util.ArrayList<>();
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            out.add(new int[]{p.toCodePoint(i), p.toCodePoint(i + needle.length())});
        }
        return out;
    }
}
