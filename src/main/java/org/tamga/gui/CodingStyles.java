package org.tamga.gui;

import org.tamga.core.text.Positions;
import org.tamga.model.Code;
import org.tamga.model.Codebook;
import org.tamga.model.Coding;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.Locale;

/**
 * How codings look in the text: a passage coded once has its code's colour as background; where
 * codings overlap, the innermost (shortest) coding gives the background and the next one an
 * underline in its colour, dashed when three or more overlap. Works in UTF-16 indices, the text
 * area's unit, over any range of the text, so that a change repaints only what it touched.
 */
public final class CodingStyles {
    public static final String DEFAULT_COLOUR = "#D9D9D9";

    private CodingStyles() {}

    /** One run of text with one style. */
    public record Run(int length, String style) {}

    public static String colour(Codebook book, long codeId) {
        return book.byId(codeId).map(Code::color).filter(c -> c != null && !c.isBlank()).orElse(DEFAULT_COLOUR);
    }

    /** The runs covering UTF-16 range [from, to) of a text with these codings (positions in code points). */
    public static List<Run> runs(List<Coding> codings, Codebook book, Positions positions, int from, int to) {
        record Span(int start, int end, Coding coding) {}
        List<Span> spans = new ArrayList<>();
        TreeSet<Integer> cuts = new TreeSet<>(List.of(from, to));
        for (Coding c : codings) {
            int s = positions.toUtf16(c.start()), e = positions.toUtf16(c.end());
            if (e <= from || s >= to) continue;
            spans.add(new Span(s, e, c));
            cuts.add(Math.max(s, from));
            cuts.add(Math.min(e, to));
        }
        List<Run> runs = new ArrayList<>();
        Integer previous = null;
        for (int cut : cuts) {
            if (previous != null && cut > previous) {
                int a = previous;
                List<Coding> covering = spans.stream().filter(sp -> sp.start() <= a && sp.end() > a)
                        .map(Span::coding).sorted(Comparator.comparingInt(Coding::length).thenComparingLong(Coding::id)).toList();
                runs.add(new Run(cut - a, style(covering, book)));
            }
            previous = cut;
        }
        return runs;
    }

    static String style(List<Coding> covering, Codebook book) {
        if (covering.isEmpty()) return "";
        StringBuilder css = new StringBuilder("-rtfx-background-color: ").append(colour(book, covering.getFirst().codeId())).append(";");
        List<Long> others = covering.stream().map(Coding::codeId).distinct().toList();
        if (others.size() > 1) {
            css.append(" -rtfx-underline-color: ").append(darker(colour(book, others.get(1)))).append(";")
               .append(" -rtfx-underline-width: 3px;");
            if (others.size() > 2) css.append(" -rtfx-underline-dash-array: 4 2;");
        }
        return css.toString();
    }

    /** A darker shade for underlines, so that light highlight colours stay visible as lines. */
    static String darker(String hex) {
        try {
            int rgb = Integer.parseInt(hex.substring(1), 16);
            int r = (int) (((rgb >> 16) & 0xFF) * 0.6), g = (int) (((rgb >> 8) & 0xFF) * 0.6), b = (int) ((rgb & 0xFF) * 0.6);
            return String.format(Locale.ROOT, "#%02X%02X%02X", r, g, b);
        } catch (RuntimeException e) {
            return "#555555";
        }
    }
}
