package org.tamga.util;

import java.nio.ByteBuffer;
import java.util.BitSet;

/**
 * The characters a TrueType/OpenType font has glyphs for, read from its {@code cmap} table (a
 * Unicode subtable of format 4 or 12). Pure Java, so that choosing a face per character needs
 * neither AWT nor JavaFX; the tests check it against {@code java.awt.Font.canDisplay}.
 */
public final class FontCoverage {
    private final BitSet covered;

    private FontCoverage(BitSet covered) { this.covered = covered; }

    public boolean covers(int codePoint) { return codePoint >= 0 && covered.get(codePoint); }

    /** How many code points the font maps to a glyph. */
    public int size() { return covered.cardinality(); }

    /** Reads the cmap of a single font file (TTF or OTF, not a collection). */
    public static FontCoverage of(byte[] font) {
        ByteBuffer b = ByteBuffer.wrap(font); // big-endian, as fonts are
        int tables = b.getShort(4) & 0xFFFF;
        int cmap = -1;
        for (int t = 0; t < tables; t++) {
            int record = 12 + 16 * t;
            if (b.getInt(record) == 0x636D6170) { // 'cmap'
                cmap = b.getInt(record + 8);
                break;
            }
        }
        if (cmap < 0) throw new IllegalArgumentException("the font has no cmap table");
        int subtables = b.getShort(cmap + 2) & 0xFFFF;
        int best = -1, bestRank = -1;
        for (int s = 0; s < subtables; s++) {
            int record = cmap + 4 + 8 * s;
            int platform = b.getShort(record) & 0xFFFF, encoding = b.getShort(record + 2) & 0xFFFF;
            int offset = cmap + b.getInt(record + 4);
            int format = b.getShort(offset) & 0xFFFF;
            int rank = format == 12 && (platform == 3 && encoding == 10 || platform == 0) ? 2
                    : format == 4 && (platform == 3 && (encoding == 1 || encoding == 10) || platform == 0) ? 1 : -1;
            if (rank > bestRank) { best = offset; bestRank = rank; }
        }
        if (best < 0) throw new IllegalArgumentException("the font has no Unicode cmap of format 4 or 12");
        BitSet covered = new BitSet(0x10000);
        if (bestRank == 2) format12(b, best, covered); else format4(b, best, covered);
        return new FontCoverage(covered);
    }

    private static void format4(ByteBuffer b, int at, BitSet out) {
        int segments = (b.getShort(at + 6) & 0xFFFF) / 2;
        int ends = at + 14, starts = ends + 2 * segments + 2, deltas = starts + 2 * segments, ranges = deltas + 2 * segments;
        for (int s = 0; s < segments; s++) {
            int end = b.getShort(ends + 2 * s) & 0xFFFF, start = b.getShort(starts + 2 * s) & 0xFFFF;
            int delta = b.getShort(deltas + 2 * s);
            int rangeAt = ranges + 2 * s, range = b.getShort(rangeAt) & 0xFFFF;
            for (int c = start; c <= end && c != 0xFFFF; c++) {
                int glyph;
                if (range == 0) {
                    glyph = (c + delta) & 0xFFFF;
                } else {
                    int g = b.getShort(rangeAt + range + 2 * (c - start)) & 0xFFFF;
                    glyph = g == 0 ? 0 : (g + delta) & 0xFFFF;
                }
                if (glyph != 0) out.set(c);
            }
        }
    }

    private static void format12(ByteBuffer b, int at, BitSet out) {
        long groups = b.getInt(at + 12) & 0xFFFFFFFFL;
        for (long g = 0; g < groups; g++) {
            int group = (int) (at + 16 + 12 * g);
            int start = b.getInt(group), end = b.getInt(group + 4), glyph = b.getInt(group + 8);
            if (start < 0 || end > Character.MAX_CODE_POINT || end < start) continue;
            out.set(glyph == 0 ? start + 1 : start, end + 1); // a group starting at glyph 0 maps its first character to .notdef
        }
    }
}
