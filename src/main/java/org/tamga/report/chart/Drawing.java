package org.tamga.report.chart;

import java.util.ArrayList;
import java.util.List;

/**
 * A chart laid out once, as rectangles, lines and texts in CSS pixels (1/96 inch, y downwards),
 * which the SVG writer, the PNG renderer and the window all draw as they are: the geometry is
 * decided here, never by a renderer.
 *
 * @param items what to draw, in painting order
 */
public record Drawing(String title, double width, double height, List<Item> items) {

    /** Something drawn. Colours are "#RRGGBB". */
    public sealed interface Item permits Rect, Line, Label {}

    /** A rectangle; {@code stroke} null for none. */
    public record Rect(double x, double y, double w, double h, String fill, double fillOpacity, String stroke, double strokeWidth)
            implements Item {}

    /** A straight line. */
    public record Line(double x1, double y1, double x2, double y2, String stroke, double width, boolean dashed) implements Item {}

    /** Where a label's x is: at its start, its middle or its end. */
    public enum Anchor { START, MIDDLE, END }

    /**
     * Text of one or more lines, drawn by script runs in the bundled faces. {@code y} is the first
     * line's baseline, each next line {@code lineHeight} lower; {@code rotate} is in degrees
     * (negative: counter-clockwise) about (x, y). {@code width} is the widest line's advance in the
     * bundled faces. The lines joined are the whole text: a wrapped label is never cut.
     */
    public record Label(double x, double y, List<String> lines, double lineHeight, double size, boolean bold, String fill,
                        Anchor anchor, double rotate, double width, Role role) implements Item {
        public Label {
            lines = List.copyOf(lines);
        }

        /** The whole text. */
        public String text() { return String.join("", lines); }
    }

    /** What a label is, for tests and for readers of the SVG ({@code class} attribute). */
    public enum Role { TITLE, SUBTITLE, CODE, DOCUMENT, TICK, VALUE, CAPTION, LEGEND, CELL, WORD }

    /** The labels of one role, in order. */
    public List<Label> labels(Role role) {
        List<Label> out = new ArrayList<>();
        for (Item i : items) if (i instanceof Label l && l.role() == role) out.add(l);
        return out;
    }
}
