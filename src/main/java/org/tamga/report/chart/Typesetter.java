package org.tamga.report.chart;

import org.tamga.util.BundledFonts;
import org.tamga.util.BundledFonts.Face;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.font.FontRenderContext;
import java.awt.font.TextLayout;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Text in the bundled faces with Java2D (headless is fine): measuring a label by its script runs,
 * wrapping it into lines without cutting a word, and drawing it. Runs are laid out with
 * {@link TextLayout}, which shapes them (HarfBuzz): traditional Mongolian letters join as they
 * should. The fonts are read from the jar once, so Chinese and Mongolian labels come out the same
 * on a machine with no fonts installed.
 */
public final class Typesetter {
    private static final Map<Face, Font> REGULAR = new EnumMap<>(Face.class);
    private static final Map<Face, Font> BOLD = new EnumMap<>(Face.class);
    private static final FontRenderContext FRC = new FontRenderContext(null, true, true);
    private static final String BILINGUAL = org.tamga.model.Code.NAME_SEPARATOR;

    private Typesetter() {}

    /** The AWT font of a face at a size; bold from the bold file where one is shipped, else emboldened by Java2D. */
    public static Font font(Face face, boolean bold, double size) {
        synchronized (REGULAR) {
            if (REGULAR.isEmpty()) load();
            Font base = bold ? BOLD.get(face) : REGULAR.get(face);
            return base.deriveFont((float) size);
        }
    }

    private static void load() {
        for (Face f : Face.values()) {
            Font regular = create(f.regular());
            REGULAR.put(f, regular);
            BOLD.put(f, f.bold() != null ? create(f.bold()) : regular.deriveFont(Font.BOLD));
        }
    }

    private static Font create(String resource) {
        try (InputStream in = BundledFonts.open(resource)) {
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (FontFormatException e) {
            throw new IllegalStateException("the bundled font " + resource + " cannot be read", e);
        }
    }

    /** The advance of a one-line text, in pixels at {@code size} px. */
    public static double width(String text, double size, boolean bold) {
        double w = 0;
        for (BundledFonts.Run r : BundledFonts.runs(text)) w += layout(text.substring(r.start(), r.end()), r.face(), bold, size).getAdvance();
        return w;
    }

    /** Ascent of the Latin face at a size (the baseline's distance below a line's top). */
    public static double ascent(double size) { return size * 1.07; }

    /** Height of one line of text at a size. */
    public static double lineHeight(double size) { return size * 1.4; }

    private static TextLayout layout(String text, Face face, boolean bold, double size) {
        return new TextLayout(text, font(face, bold, size), FRC);
    }

    /**
     * The text in lines no wider than {@code maxWidth}: a bilingual name breaks between its halves
     * first (after " · "), then where a line may break (spaces, between Chinese characters); a word
     * wider than {@code maxWidth} gets a line of its own and is never cut. The lines joined give the
     * text back exactly: the space at a break ends the line before it (and is not measured).
     */
    public static List<String> wrap(String text, double size, boolean bold, double maxWidth) {
        List<String> lines = new ArrayList<>();
        if (width(text, size, bold) <= maxWidth) {
            lines.add(text);
            return lines;
        }
        // a bilingual name ("Poor psychology · 贫困心理") breaks between its languages first
        int separator = text.indexOf(BILINGUAL);
        if (separator > 0 && separator + BILINGUAL.length() < text.length()) {
            lines.addAll(wrap(text.substring(0, separator + BILINGUAL.length()), size, bold, maxWidth));
            lines.addAll(wrap(text.substring(separator + BILINGUAL.length()), size, bold, maxWidth));
            return lines;
        }
        BreakIterator breaks = BreakIterator.getLineInstance(Locale.ROOT);
        breaks.setText(text);
        StringBuilder line = new StringBuilder();
        int start = breaks.first();
        for (int end = breaks.next(); end != BreakIterator.DONE; start = end, end = breaks.next()) {
            String segment = text.substring(start, end);
            if (line.isEmpty() || width((line + segment).stripTrailing(), size, bold) <= maxWidth) {
                line.append(segment);
            } else {
                lines.add(line.toString());
                line.setLength(0);
                line.append(segment);
            }
        }
        if (!line.isEmpty()) lines.add(line.toString());
        return lines;
    }

    /** Draws a label's text from its start at (x, baseline) in the current transform. */
    static void draw(Graphics2D g, String text, double size, boolean bold, double x, double baseline) {
        double at = x;
        for (BundledFonts.Run r : BundledFonts.runs(text)) {
            TextLayout layout = layout(text.substring(r.start(), r.end()), r.face(), bold, size);
            layout.draw(g, (float) at, (float) baseline);
            at += layout.getAdvance();
        }
    }
}
