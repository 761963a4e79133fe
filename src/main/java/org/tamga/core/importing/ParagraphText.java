package org.tamga.core.importing;

import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

import java.util.Set;

/**
 * Turns the XHTML that Tika's parsers write into plain text: every paragraph, heading, list item and
 * table row becomes one paragraph, and paragraphs are separated by a blank line; table cells are
 * separated by a tab, {@code <br>} is a line break. What Tika emits in reading order (footnotes after
 * their paragraph, comments where they are anchored, text boxes) stays in that order. The document's
 * head (title, metadata) and scripts are left out. Stops with {@link TooLong} once the text passes
 * {@code maxChars}, so a huge or hostile file cannot fill the memory.
 *
 * <p>In {@code lines} mode (PDF) each paragraph Tika reports is one line of the page and paragraphs
 * are found later by {@link PdfReflow}; in {@code collapse} mode (HTML) white space in the markup
 * counts as one space, as a browser shows it.
 */
final class ParagraphText extends DefaultHandler {
    enum Mode { KEEP_LINE_BREAKS, COLLAPSE_WHITESPACE, LINES }

    /** Thrown when the text passes the limit; Tika passes it through (or wraps it) untouched. */
    static final class TooLong extends SAXException {
        TooLong(long limit) { super("more than " + limit + " characters of text"); }
    }

    private static final Set<String> BLOCKS = Set.of("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
            "table", "tr", "blockquote", "pre", "dd", "dt", "dl", "section", "article", "header", "footer", "aside", "nav",
            "main", "figure", "figcaption", "caption", "hr", "address", "center", "form", "fieldset", "thead", "tbody",
            "tfoot", "body", "details", "summary");
    private static final Set<String> SKIP = Set.of("head", "script", "style", "noscript", "template", "object", "svg");

    private final long maxChars;
    private final Mode mode;
    private final StringBuilder out = new StringBuilder();
    private final StringBuilder paragraph = new StringBuilder();
    private long chars;
    private int skipDepth, cellDepth, preDepth, paragraphDepth;
    private boolean rowHasCell;

    ParagraphText(long maxChars, Mode mode) {
        this.maxChars = maxChars;
        this.mode = mode;
    }

    /** The text, paragraphs separated by a blank line (in LINES mode: one line per line of the page, pages separated by a form feed). */
    String text() {
        flush();
        return out.toString();
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes atts) {
        String name = name(localName, qName);
        if (skipDepth > 0 || SKIP.contains(name)) { skipDepth++; return; }
        switch (name) {
            case "td", "th" -> {
                if (cellDepth == 0 && rowHasCell) paragraph.append(CELL);
                cellDepth++;
                rowHasCell = true;
            }
            case "br" -> paragraph.append(mode == Mode.COLLAPSE_WHITESPACE && preDepth == 0 ? BR : '\n');
            default -> {
                if (!BLOCKS.contains(name)) return;
                if (cellDepth > 0) { separateInCell(); return; }
                flush();
                if (name.equals("tr")) rowHasCell = false;
                if (name.equals("pre")) preDepth++;
                if (name.equals("p")) paragraphDepth++;
            }
        }
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
        String name = name(localName, qName);
        if (skipDepth > 0) { skipDepth--; return; }
        switch (name) {
            case "td", "th" -> cellDepth = Math.max(0, cellDepth - 1);
            default -> {
                if (!BLOCKS.contains(name) || cellDepth > 0) return;
                if (name.equals("pre")) preDepth = Math.max(0, preDepth - 1);
                if (name.equals("p")) paragraphDepth = Math.max(0, paragraphDepth - 1);
                if (mode == Mode.LINES && name.equals("div")) {
                    flush();
                    out.append('\f');
                    return;
                }
                flush();
            }
        }
    }

    @Override
    public void characters(char[] ch, int start, int length) throws SAXException {
        if (skipDepth > 0) return;
        chars += length;
        if (chars > maxChars) throw new TooLong(maxChars);
        paragraph.append(ch, start, length);
    }

    /**
     * Tika writes the line breaks of a PDF page as ignorable white space inside the paragraph (and
     * its own formatting newlines between elements the same way): in LINES mode the ones inside a
     * paragraph are the page's lines; elsewhere none of it is text.
     */
    @Override
    public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException {
        if (skipDepth > 0) return;
        if (mode == Mode.LINES && paragraphDepth > 0) characters(ch, start, length);
        // Tika's HTML parser reports <br> as an ignorable newline inside the text
        if (mode == Mode.COLLAPSE_WHITESPACE && !paragraph.isEmpty() && new String(ch, start, length).indexOf('\n') >= 0) {
            paragraph.append(preDepth > 0 ? '\n' : BR);
        }
    }

    private void separateInCell() {
        if (!paragraph.isEmpty() && !Character.isWhitespace(paragraph.charAt(paragraph.length() - 1))) paragraph.append(' ');
    }

    private void flush() {
        String p = paragraph.toString();
        paragraph.setLength(0);
        if (mode == Mode.LINES) {
            // one Tika paragraph = one or more lines of the page; PdfReflow decides what a paragraph is
            if (!p.isEmpty()) out.append(p.endsWith("\n") ? p : p + "\n");
            return;
        }
        if (mode == Mode.COLLAPSE_WHITESPACE && preDepth == 0) p = collapse(p);
        p = p.replace(CELL, '\t');
        p = Cleaning.trimLines(p);
        if (p.isBlank()) return;
        int first = 0;
        while (first < p.length() && Cleaning.isBlank(p.charAt(first))) first++;
        p = p.substring(first);
        if (!out.isEmpty()) out.append("\n\n");
        out.append(p);
    }

    /** Separates table cells until the paragraph is finished (a tab would be taken for white space of the markup). */
    private static final char CELL = '\u001F';
    /** Marks a {@code <br>} in HTML, where newlines in the text are only white space of the markup. */
    private static final char BR = '\u2028';

    /** White space of markup as a browser shows it: runs become one space; {@code <br>} becomes a line break. */
    private static String collapse(String s) {
        StringBuilder b = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == BR) {
                b.append('\n');
                space = false;
            } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
                space = true;
            } else {
                if (space && !b.isEmpty() && b.charAt(b.length() - 1) != '\n') b.append(' ');
                space = false;
                b.append(c);
            }
        }
        return b.toString();
    }

    private static String name(String localName, String qName) {
        String n = localName == null || localName.isEmpty() ? qName : localName;
        return n == null ? "" : n.toLowerCase(java.util.Locale.ROOT);
    }
}
