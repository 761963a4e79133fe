package org.tamga.util;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The typefaces Tamga ships in its jar (under {@code /org/tamga/fonts/}, licences beside them and in
 * NOTICE), so that every script it claims is drawn on a machine with no fonts of its own: Noto Sans
 * for Latin and Cyrillic (Mongolian Cyrillic Ө ө Ү ү included), Droid Sans Fallback for Chinese (all
 * of GBK and Big5, CJK Extension A), Noto Sans Mongolian for the traditional script.
 * See docs/adr/0033-bundled-fonts-and-charts.md.
 *
 * <p>{@link #runs} splits a text by script ({@link ScriptRuns}) and gives each run its face; a
 * character its run's face has no glyph for (Droid Sans Fallback has no curly quotes, for example)
 * goes to the first face that has one, so that the face chosen for every character can draw it.
 */
public final class BundledFonts {
    private BundledFonts() {}

    private static final String FOLDER = "/org/tamga/fonts/";

    /** One bundled typeface: its family name, and its regular (and bold, if shipped) file. */
    public enum Face {
        LATIN("Noto Sans", "NotoSans-Regular.ttf", "NotoSans-Bold.ttf",
                "'Noto Sans', 'Helvetica Neue', Arial, sans-serif"),
        CJK("Droid Sans Fallback", "DroidSansFallbackFull.ttf", null,
                "'Droid Sans Fallback', 'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', 'PingFang SC', sans-serif"),
        MONGOLIAN("Noto Sans Mongolian", "NotoSansMongolian-Regular.ttf", null,
                "'Noto Sans Mongolian', 'Mongolian Baiti', 'Menk Qagan Tig', sans-serif");

        private final String family, regular, bold, cssFamilies;

        Face(String family, String regular, String bold, String cssFamilies) {
            this.family = family;
            this.regular = regular;
            this.bold = bold;
            this.cssFamilies = cssFamilies;
        }

        /** The family name the font file declares (what JavaFX and AWT know it by once loaded). */
        public String family() { return family; }

        /** The classpath resource of the regular style. */
        public String regular() { return FOLDER + regular; }

        /** The classpath resource of the bold style, or null when only the regular one is shipped. */
        public String bold() { return bold == null ? null : FOLDER + bold; }

        /** A CSS font-family list for files read elsewhere (SVG): this family first, then look-alikes a viewer may have. */
        public String cssFamilies() { return cssFamilies; }

        /** Whether the regular file has a glyph for the code point. */
        public boolean covers(int codePoint) { return coverage(this).covers(codePoint); }

        /** The first code point index in s this face has no glyph for, or -1 (as java.awt.Font.canDisplayUpTo). */
        public int coversUpTo(CharSequence s) {
            for (int i = 0; i < s.length(); ) {
                int cp = Character.codePointAt(s, i);
                if (!covers(cp)) return i;
                i += Character.charCount(cp);
            }
            return -1;
        }
    }

    /** A UTF-16 range [start, end) of a text drawn in one face. */
    public record Run(int start, int end, Face face) {
        public int length() { return end - start; }
    }

    /** The face for runs of a script: Latin and Cyrillic in the Latin face, Chinese (and kana, hangul) in the CJK one. */
    public static Face face(ScriptRuns.Script script) {
        return switch (script) {
            case HAN -> Face.CJK;
            case MONGOLIAN -> Face.MONGOLIAN;
            default -> Face.LATIN;
        };
    }

    /** Every file to load, regular and bold. */
    public static List<String> resources() {
        List<String> out = new ArrayList<>();
        for (Face f : Face.values()) {
            out.add(f.regular());
            if (f.bold() != null) out.add(f.bold());
        }
        return out;
    }

    /** Opens a bundled font file (one of {@link #resources()}). */
    public static InputStream open(String resource) {
        InputStream in = BundledFonts.class.getResourceAsStream(resource);
        if (in == null) throw new IllegalStateException("the font " + resource + " is missing from Tamga's jar");
        return in;
    }

    /** The bytes of a bundled font file. */
    public static byte[] bytes(String resource) {
        try (InputStream in = open(resource)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final Map<Face, FontCoverage> COVERAGE = new EnumMap<>(Face.class);

    private static FontCoverage coverage(Face face) {
        synchronized (COVERAGE) {
            return COVERAGE.computeIfAbsent(face, f -> FontCoverage.of(bytes(f.regular())));
        }
    }

    /** The faces for the whole text: adjacent runs of one face are merged. */
    public static List<Run> runs(CharSequence text) {
        return runs(text, 0, text.length());
    }

    /** The faces for [from, to) of the text; positions relative to the whole text. */
    public static List<Run> runs(CharSequence text, int from, int to) {
        List<Run> out = new ArrayList<>();
        Face[] faces = Face.values();
        FontCoverage[] coverage = new FontCoverage[faces.length];
        for (Face f : faces) coverage[f.ordinal()] = coverage(f);
        for (ScriptRuns.Run r : ScriptRuns.of(text, from, to)) {
            Face wanted = face(r.script());
            FontCoverage own = coverage[wanted.ordinal()];
            int i = r.start();
            while (i < r.end()) {
                int cp = Character.codePointAt(text, i);
                int next = Math.min(r.end(), i + Character.charCount(cp));
                Face f = wanted;
                if (!own.covers(cp) && movable(cp)) {
                    for (Face other : faces) {
                        if (coverage[other.ordinal()].covers(cp)) { f = other; break; }
                    }
                }
                add(out, i, next, f);
                i = next;
            }
        }
        return out;
    }

    /** Marks, variation selectors and controls stay with the character they belong to, whatever face it is in. */
    private static boolean movable(int cp) {
        return switch (Character.getType(cp)) {
            case Character.NON_SPACING_MARK, Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK,
                 Character.FORMAT, Character.CONTROL, Character.UNASSIGNED -> false;
            default -> true;
        };
    }

    private static void add(List<Run> out, int start, int end, Face face) {
        if (!out.isEmpty()) {
            Run last = out.getLast();
            if (last.face() == face && last.end() == start) {
                out.set(out.size() - 1, new Run(last.start(), end, face));
                return;
            }
        }
        out.add(new Run(start, end, face));
    }
}
