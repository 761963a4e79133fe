package org.tamga.report.chart;

import org.tamga.util.AtomicWrite;
import org.tamga.util.BundledFonts;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A {@link Drawing} as SVG 1.1, written by hand: shapes as they were laid out, texts as text (so a
 * journal's typesetter can edit them), each script run a {@code tspan} whose {@code font-family}
 * names the bundled face first and look-alikes after it; a viewer with Noto Sans, Droid Sans
 * Fallback and Noto Sans Mongolian shows exactly the PNG's letters.
 */
public final class SvgWriter {
    private SvgWriter() {}

    public static String svg(Drawing d) {
        StringBuilder b = new StringBuilder(4096);
        b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"").append(n(d.width())).append("\" height=\"")
                .append(n(d.height())).append("\" viewBox=\"0 0 ").append(n(d.width())).append(' ').append(n(d.height())).append("\">\n");
        b.append("<title>").append(escape(d.title())).append("</title>\n");
        b.append("<rect x=\"0\" y=\"0\" width=\"").append(n(d.width())).append("\" height=\"").append(n(d.height())).append("\" fill=\"#FFFFFF\"/>\n");
        for (Drawing.Item item : d.items()) {
            switch (item) {
                case Drawing.Rect r -> {
                    b.append("<rect x=\"").append(n(r.x())).append("\" y=\"").append(n(r.y())).append("\" width=\"").append(n(r.w()))
                            .append("\" height=\"").append(n(r.h())).append("\" fill=\"").append(r.fill()).append('"');
                    if (r.fillOpacity() < 1) b.append(" fill-opacity=\"").append(n(r.fillOpacity())).append('"');
                    if (r.stroke() != null) b.append(" stroke=\"").append(r.stroke()).append("\" stroke-width=\"").append(n(r.strokeWidth())).append('"');
                    b.append("/>\n");
                }
                case Drawing.Line l -> {
                    b.append("<line x1=\"").append(n(l.x1())).append("\" y1=\"").append(n(l.y1())).append("\" x2=\"").append(n(l.x2()))
                            .append("\" y2=\"").append(n(l.y2())).append("\" stroke=\"").append(l.stroke()).append("\" stroke-width=\"")
                            .append(n(l.width())).append('"');
                    if (l.dashed()) b.append(" stroke-dasharray=\"4 2\"");
                    b.append("/>\n");
                }
                case Drawing.Label t -> text(b, t);
            }
        }
        b.append("</svg>\n");
        return b.toString();
    }

    private static void text(StringBuilder b, Drawing.Label t) {
        b.append("<text class=\"").append(t.role().name().toLowerCase(Locale.ROOT)).append("\" xml:space=\"preserve\" x=\"")
                .append(n(t.x())).append("\" y=\"").append(n(t.y())).append("\" font-size=\"").append(n(t.size())).append('"');
        if (t.bold()) b.append(" font-weight=\"bold\"");
        b.append(" fill=\"").append(t.fill()).append('"');
        switch (t.anchor()) {
            case MIDDLE -> b.append(" text-anchor=\"middle\"");
            case END -> b.append(" text-anchor=\"end\"");
            case START -> { }
        }
        if (t.rotate() != 0) b.append(" transform=\"rotate(").append(n(t.rotate())).append(' ').append(n(t.x())).append(' ').append(n(t.y())).append(")\"");
        b.append('>');
        for (int i = 0; i < t.lines().size(); i++) {
            String line = t.lines().get(i);
            if (t.lines().size() > 1) {
                b.append("<tspan x=\"").append(n(t.x())).append("\" y=\"").append(n(t.y() + i * t.lineHeight())).append("\">");
            }
            for (BundledFonts.Run r : BundledFonts.runs(line)) {
                b.append("<tspan font-family=\"").append(r.face().cssFamilies()).append("\">")
                        .append(escape(line.substring(r.start(), r.end()))).append("</tspan>");
            }
            if (t.lines().size() > 1) b.append("</tspan>");
        }
        b.append("</text>\n");
    }

    public static void write(Drawing d, Path file) {
        byte[] bytes = svg(d).getBytes(StandardCharsets.UTF_8);
        AtomicWrite.write(file, out -> out.write(bytes));
    }

    /** A number as SVG wants it: up to two decimals, a point, no exponent. */
    static String n(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e9) return Long.toString((long) v);
        String s = String.format(Locale.ROOT, "%.2f", v);
        if (s.contains(".")) s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        return s;
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&apos;");
                default -> {
                    // characters XML 1.0 does not allow are left out (a control character in a code name)
                    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0xFFFE || c == 0xFFFF) continue;
                    b.append(c);
                }
            }
        }
        return b.toString();
    }
}
