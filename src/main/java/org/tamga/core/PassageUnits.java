package org.tamga.core;

import org.tamga.core.text.TextUnits;
import org.tamga.model.Document;
import org.tamga.model.TamgaException;
import org.tamga.model.Turn;

import java.util.List;

/**
 * Widens a passage (a search hit) to the unit a researcher codes: the match, its sentence, its
 * speaker's turn or its paragraph; and tells where a passage is (paragraph number, speaker, context
 * around it) for quote reports. The sentence and paragraph rules are {@link TextUnits}'; a turn is
 * the stored turn that holds the passage (several when it runs across turns), and where the
 * document has no turn there (no turns at all, or the passage is in a heading or a label) the
 * paragraph is taken instead, which {@link Widened#unit()} says. See docs/adr/0032-coding-units-and-quote-reports.md.
 */
public final class PassageUnits {
    private final ProjectSession session;

    PassageUnits(ProjectSession session) { this.session = session; }

    /** A widened passage [start, end) (code points) and the unit it was widened to (PARAGRAPH where TURN found no turn). */
    public record Widened(int start, int end, CodingUnit unit) {
        public int length() { return end - start; }
    }

    /** Widens the passage [start, end) of a document to a unit (reads the document's text and turns; for many passages use {@link #of}). */
    public Widened widen(Document document, int start, int end, CodingUnit unit) {
        return of(document).widen(start, end, unit);
    }

    /** The units of one document: its text and turns are read once, for many passages. */
    public InDocument of(Document document) {
        return new InDocument(document, session.store().documents().text(document.id()), session.store().turns().ofDocument(document.id()));
    }

    /** One document's text and turns, and the units of passages in it. */
    public static final class InDocument {
        private final Document document;
        private final List<Turn> turns;
        private final TextUnits units;

        /** @param turns the document's turns in position order (may be empty) */
        public InDocument(Document document, String text, List<Turn> turns) {
            this.document = document;
            this.turns = List.copyOf(turns);
            int[] starts = new int[turns.size()];
            for (int i = 0; i < starts.length; i++) starts[i] = turns.get(i).start();
            this.units = new TextUnits(text, starts);
        }

        public Document document() { return document; }

        public List<Turn> turns() { return turns; }

        /** The passage [start, end) widened to {@code unit}; always holds [start, end). */
        public Widened widen(int start, int end, CodingUnit unit) {
            if (start < 0 || end > units.length() || start >= end) {
                throw new TamgaException("The passage " + start + "–" + end + " is not inside \u201C" + document.name()
                        + "\u201D (positions run from 0 to " + units.length() + ", and the end must come after the start).");
            }
            return switch (unit) {
                case MATCH -> new Widened(start, end, CodingUnit.MATCH);
                case SENTENCE -> widened(units.sentence(start, end), CodingUnit.SENTENCE);
                case PARAGRAPH -> widened(units.paragraph(start, end), CodingUnit.PARAGRAPH);
                case TURN -> {
                    Turn first = null, last = null;
                    for (Turn t : turns) {
                        if (!t.overlaps(start, end)) continue;
                        if (first == null) first = t;
                        last = t;
                    }
                    yield first == null ? widened(units.paragraph(start, end), CodingUnit.PARAGRAPH)
                            : new Widened(Math.min(first.start(), start), Math.max(last.end(), end), CodingUnit.TURN);
                }
            };
        }

        private static Widened widened(int[] range, CodingUnit unit) { return new Widened(range[0], range[1], unit); }

        /** Every paragraph of the document in order (lines that are not blank, trimmed, without a speaker's label), as {@link TextUnits#paragraphs}. */
        public List<Widened> paragraphs() {
            return units.paragraphs().stream().map(r -> new Widened(r[0], r[1], CodingUnit.PARAGRAPH)).toList();
        }

        /** The text of [start, end). */
        public String text(int start, int end) { return units.substring(start, end); }

        /** The turn a passage starts in: the first turn it overlaps, or null when it overlaps none. */
        public Turn turnOf(int start, int end) {
            for (Turn t : turns) if (t.overlaps(start, Math.max(end, start + 1))) return t;
            return null;
        }

        /** The paragraph number (from 1, blank lines not counted) at a position. */
        public int paragraphNumber(int position) { return units.paragraphNumber(position); }

        /** Up to {@code max} code points before {@code start} on one line, not cut inside a word; "…" when cut. */
        public String contextBefore(int start, int max) { return units.contextBefore(start, max); }

        /** Up to {@code max} code points after {@code end} on one line, not cut inside a word; "…" when cut. */
        public String contextAfter(int end, int max) { return units.contextAfter(end, max); }
    }
}
