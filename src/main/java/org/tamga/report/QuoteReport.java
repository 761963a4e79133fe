package org.tamga.report;

import java.util.List;
import java.util.Locale;

/**
 * Retrieved passages as quotes for a paper: for each coded passage, where it is (document,
 * positions, paragraph, speaker), who coded it with what, its whole text, its memo, and a little
 * context before and after it. Built by the core (ReportService.quotes) and written by
 * {@link QuoteWriter} as DOCX or HTML.
 *
 * @param project the project's name
 * @param codes   the codes asked for (for the title); empty when the report holds every coding
 * @param quotes  the passages, in the order they are to be shown
 */
public record QuoteReport(String project, List<String> codes, List<Quote> quotes) {

    public QuoteReport {
        codes = List.copyOf(codes);
        quotes = List.copyOf(quotes);
    }

    /**
     * One quoted passage.
     *
     * @param document      the document's name
     * @param language      the document's language (ISO 639, e.g. zh, mn, en), or null / "und" when not known
     * @param start         where the passage starts (code points, 0-based)
     * @param end           where it ends (exclusive)
     * @param paragraph     the paragraph it starts in (from 1, blank lines not counted)
     * @param lastParagraph the paragraph it ends in
     * @param speaker       the speaker of the turn it starts in, or null
     * @param timeMs        when that turn starts in the recording, or null
     * @param code          the code's name
     * @param coder         who coded it
     * @param text          the whole passage (line breaks kept)
     * @param memo          the coding's memo, or null
     * @param before        context before it on one line ("…" first when cut), may be empty
     * @param after         context after it on one line ("…" last when cut), may be empty
     */
    public record Quote(String document, String language, int start, int end, int paragraph, int lastParagraph,
                        String speaker, Long timeMs, String code, String coder, String text, String memo,
                        String before, String after) {

        /** "¶ 3" or "¶ 3–4". */
        public String paragraphs() {
            return "\u00B6 " + paragraph + (lastParagraph > paragraph ? "\u2013" + lastParagraph : "");
        }

        /** "¶ 3 (16–29)": the paragraph(s) and the positions. */
        public String location() { return paragraphs() + " (" + start + "\u2013" + end + ")"; }

        /** "00:01:23" when the turn's time is known, else null. */
        public String time() {
            if (timeMs == null) return null;
            long s = timeMs / 1000;
            return String.format(Locale.ROOT, "%02d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
        }

        /** The heading line: document · ¶ 3 (16–29) · speaker [time] · coder. */
        public String heading() {
            StringBuilder b = new StringBuilder(document).append(" \u00B7 ").append(location());
            if (speaker != null) b.append(" \u00B7 ").append(speaker);
            if (time() != null) b.append(speaker == null ? " \u00B7 " : " ").append('[').append(time()).append(']');
            if (coder != null) b.append(" \u00B7 ").append(coder);
            return b.toString();
        }
    }

    /** "Quotes: 草场 · Grassland" (or "Quotes: all codes"). */
    public String title() { return "Quotes: " + (codes.isEmpty() ? "all codes" : String.join("; ", codes)); }

    /** In how many documents the quotes are. */
    public int documents() { return (int) quotes.stream().map(Quote::document).distinct().count(); }

    /** "Project 田野调查 · 12 passages in 4 documents". */
    public String summary() {
        int n = quotes.size(), d = documents();
        return "Project " + project + " \u00B7 " + n + (n == 1 ? " passage" : " passages") + " in " + d + (d == 1 ? " document" : " documents");
    }
}
