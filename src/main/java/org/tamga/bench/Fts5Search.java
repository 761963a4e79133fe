package org.tamga.bench;

import org.tamga.core.text.Kwic;
import org.tamga.core.text.Positions;
import org.tamga.store.Fts5Baseline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQLite FTS5 baseline over the same texts as the project. FTS5's {@code unicode61} tokenizer
 * makes a run of Han characters one token (Chinese has no spaces), which would make Chinese
 * unsearchable; so each Han character is followed by a space in the FTS5 copy of the text, giving
 * FTS5 the same one-token-per-character treatment Tamga's index uses (ADR 3). Positions come from
 * FTS5's {@code highlight()} markers, mapped back to the original text (the added spaces do not
 * count), and the first {@code limit} hits get a keyword-in-context line as Tamga's do.
 */
final class Fts5Search implements AutoCloseable {
    private final Fts5Baseline fts;
    private final List<String> names;

    private Fts5Search(Fts5Baseline fts, List<String> names) { this.fts = fts; this.names = names; }

    /** Builds the FTS5 database {@code file} from the corpus files (UTF-8 text, as generated). */
    static Fts5Search build(Path file, List<Path> texts) {
        Fts5Baseline fts = Fts5Baseline.create(file);
        List<String> names = new ArrayList<>(texts.size());
        try {
            for (int i = 0; i < texts.size(); i++) {
                String text = Files.readString(texts.get(i), StandardCharsets.UTF_8);
                fts.add(i + 1, spaced(text));
                String n = texts.get(i).getFileName().toString();
                names.add(n.substring(0, n.lastIndexOf('.')));
            }
            fts.finish();
        } catch (IOException e) {
            fts.close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            fts.close();
            throw e;
        }
        return new Fts5Search(fts, names);
    }

    record Hit(String document, int start, int end, Kwic context) {}

    List<Hit> search(String match, int limit, int context) {
        List<Hit> hits = new ArrayList<>();
        fts.search(match, (id, highlighted) -> {
            StringBuilder original = new StringBuilder(highlighted.length());
            List<int[]> found = unmark(highlighted, original);
            Positions positions = new Positions(original.toString());
            for (int[] m : found) {
                if (hits.size() >= limit) return false;
                hits.add(new Hit(names.get((int) id - 1), m[0], m[1], Kwic.of(positions, m[0], m[1], context)));
            }
            return hits.size() < limit;
        });
        return hits;
    }

    static boolean han(int cp) { return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN; }

    /** The text as FTS5 gets it: a space after every Han character. */
    static String spaced(String text) {
        StringBuilder out = new StringBuilder(text.length() + text.length() / 2);
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            out.appendCodePoint(cp);
            if (han(cp)) out.append(' ');
            i += Character.charCount(cp);
        }
        return out.toString();
    }

    /**
     * Reads FTS5's highlighted copy: rebuilds the original text into {@code original} (markers and the
     * spaces added after Han characters left out) and returns the code point ranges that were marked.
     */
    static List<int[]> unmark(String highlighted, StringBuilder original) {
        List<int[]> ranges = new ArrayList<>();
        int position = 0, start = -1;
        boolean addedSpace = false;
        for (int i = 0; i < highlighted.length(); ) {
            int cp = highlighted.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == Fts5Baseline.OPEN) { start = position; continue; }
            if (cp == Fts5Baseline.CLOSE) { ranges.add(new int[]{start, position}); continue; }
            if (addedSpace && cp == ' ') { addedSpace = false; continue; }
            original.appendCodePoint(cp);
            position++;
            addedSpace = han(cp);
        }
        return ranges;
    }

    @Override
    public void close() { fts.close(); }
}
