package org.tamga.core.text;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Positions in a text held as UTF-8 bytes (as the project file stores it), for offsets given in
 * UTF-16 units (as Lucene gives them): the code point position of an offset, and the text of a
 * passage and of the code points around it, without decoding the whole text. Search reads a
 * document's bytes once and asks about its hits in order; each answer walks forward from the last
 * one, so a document costs one pass over its bytes up to its last hit, and only the windows that
 * are shown are decoded. The counterpart of {@link Positions} for stored bytes (ADR 2).
 */
public final class Utf8Positions {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH_BITS = 0x8080808080808080L;

    private static final Place START = new Place(0, 0, 0);

    private final byte[] utf8;
    /** Where the last walk of {@link #at} stopped. */
    private Place cursor = START;

    public Utf8Positions(byte[] utf8) { this.utf8 = utf8; }

    /** A place in the text: its UTF-8 byte offset, its UTF-16 offset and its code point position. */
    public record Place(int byteOffset, int utf16, int codePoint) {}

    /**
     * The place of a UTF-16 offset. Walks forward from the last place this method gave (from the
     * start when the offset lies before it): ask for the starts of hits in order.
     */
    public Place at(int utf16) {
        if (utf16 < cursor.utf16()) cursor = START;
        cursor = walk(cursor, utf16);
        return cursor;
    }

    /** The place of a UTF-16 offset at or after {@code from} (the end of a hit after its start), leaving {@link #at}'s walk where it was. */
    public Place after(Place from, int utf16) {
        return walk(utf16 < from.utf16() ? START : from, utf16);
    }

    /**
     * Walks forward from {@code from} to a UTF-16 offset: eight bytes at a time while all of them lie
     * before it (counting the bytes that start a character, and those that start one outside the BMP,
     * which is two UTF-16 units), then byte by byte to the first byte of the character at the offset.
     */
    private Place walk(Place from, int utf16) {
        byte[] s = utf8;
        int n = s.length;
        int i = from.byteOffset(), u = from.utf16(), c = from.codePoint();
        while (i + 8 <= n) {
            long x = (long) LONGS.get(s, i);
            long continuation = x & ~(x << 1) & HIGH_BITS;             // 10xxxxxx
            long fourBytes = x & (x << 1) & (x << 2) & (x << 3) & HIGH_BITS; // 11110xxx
            int starts = 8 - Long.bitCount(continuation);
            int units = starts + Long.bitCount(fourBytes);
            if (u + units > utf16) break;
            i += 8;
            u += units;
            c += starts;
        }
        while (i < n) {
            int x = s[i] & 0xFF;
            if ((x & 0xC0) == 0x80) { i++; continue; } // the rest of a character already counted
            if (u >= utf16) break;
            u += x >= 0xF0 ? 2 : 1;
            c++;
            i++;
        }
        return new Place(i, u, c);
    }

    /** The place {@code n} code points after {@code from} (or the end of the text). */
    public Place forward(Place from, int n) {
        int i = from.byteOffset(), u = from.utf16(), c = from.codePoint();
        for (int k = 0; k < n && i < utf8.length; k++) {
            int len = length(utf8[i]);
            i = Math.min(utf8.length, i + len);
            u += len == 4 ? 2 : 1;
            c++;
        }
        return new Place(i, u, c);
    }

    /** The place {@code n} code points before {@code from} (or the start of the text). */
    public Place back(Place from, int n) {
        int i = from.byteOffset(), u = from.utf16(), c = from.codePoint();
        for (int k = 0; k < n && i > 0; k++) {
            int end = i;
            i--;
            while (i > 0 && (utf8[i] & 0xC0) == 0x80) i--;
            u -= end - i == 4 ? 2 : 1;
            c--;
        }
        return new Place(i, u, c);
    }

    /** The code point positions where lines begin: 0, and each position after a line break ({@code \n}). */
    public int[] lineStarts() {
        int[] out = new int[16];
        int n = 0, c = 0;
        out[n++] = 0;
        for (byte b : utf8) {
            if ((b & 0xC0) == 0x80) continue;
            c++;
            if (b == '\n') {
                if (n == out.length) out = java.util.Arrays.copyOf(out, n * 2);
                out[n++] = c;
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    /** The text between two byte offsets. */
    public String text(int fromByte, int toByte) { return new String(utf8, fromByte, toByte - fromByte, StandardCharsets.UTF_8); }

    /** The byte offset {@code n} code points before {@code byteOffset} (or the start). */
    public int back(int byteOffset, int n) {
        int i = byteOffset;
        for (int k = 0; k < n && i > 0; k++) {
            i--;
            while (i > 0 && (utf8[i] & 0xC0) == 0x80) i--;
        }
        return i;
    }

    /** The byte offset {@code n} code points after {@code byteOffset} (or the end). */
    public int forward(int byteOffset, int n) {
        int i = byteOffset;
        for (int k = 0; k < n && i < utf8.length; k++) i += length(utf8[i]);
        return Math.min(i, utf8.length);
    }

    /** Bytes in the UTF-8 sequence that {@code lead} starts. */
    private static int length(byte lead) {
        int x = lead & 0xFF;
        return x < 0x80 ? 1 : x < 0xE0 ? 2 : x < 0xF0 ? 3 : 4;
    }

    /** A keyword-in-context line for the passage between two places, with {@code context} code points on either side. */
    public Kwic kwic(Place start, Place end, int context) {
        int from = back(start.byteOffset(), context), to = forward(end.byteOffset(), context);
        return Kwic.flattened(text(from, start.byteOffset()), text(start.byteOffset(), end.byteOffset()), text(end.byteOffset(), to));
    }
}
