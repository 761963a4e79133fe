package org.tamga.gui;

import org.tamga.util.BundledFonts;

import java.util.Arrays;
import java.util.List;

/**
 * The faces of a whole text (see {@link BundledFonts#runs}), held as sorted arrays so that the
 * transcript can combine any range's coding styles with the fonts without splitting the text again:
 * a document's runs are computed once when it is shown, and each restyle (a coding added) only
 * walks the runs of the range it repaints.
 */
final class FontRuns {
    /** Start of each run (UTF-16), ascending; the first is 0. */
    private final int[] starts;
    private final BundledFonts.Face[] faces;
    private final int length;

    private FontRuns(int[] starts, BundledFonts.Face[] faces, int length) {
        this.starts = starts;
        this.faces = faces;
        this.length = length;
    }

    static FontRuns of(String text) {
        List<BundledFonts.Run> runs = BundledFonts.runs(text);
        int[] starts = new int[runs.size()];
        BundledFonts.Face[] faces = new BundledFonts.Face[runs.size()];
        for (int i = 0; i < starts.length; i++) {
            starts[i] = runs.get(i).start();
            faces[i] = runs.get(i).face();
        }
        return new FontRuns(starts, faces, text.length());
    }

    /** How many face runs the text has. */
    int size() { return starts.length; }

    /** The face at a UTF-16 index. */
    BundledFonts.Face faceAt(int index) {
        if (starts.length == 0) return BundledFonts.Face.LATIN;
        int i = Arrays.binarySearch(starts, index);
        return faces[i >= 0 ? i : Math.max(0, -i - 2)];
    }

    interface Sink { void add(String style, int length); }

    /**
     * The coding runs of the range starting at {@code from}, cut wherever the face changes, each
     * with the face's family before its own style.
     */
    void styles(List<CodingStyles.Run> codingRuns, int from, Sink sink) {
        int at = from;
        int k = starts.length == 0 ? -1 : Math.max(0, index(from));
        for (CodingStyles.Run r : codingRuns) {
            int end = at + r.length();
            while (at < end) {
                BundledFonts.Face face = k < 0 ? BundledFonts.Face.LATIN : faces[k];
                int faceEnd = k < 0 || k + 1 >= starts.length ? Math.max(end, length) : starts[k + 1];
                int cut = Math.min(end, faceEnd);
                String style = r.style().isEmpty() ? Fonts.css(face) : Fonts.css(face) + " " + r.style();
                sink.add(style, cut - at);
                at = cut;
                if (at == faceEnd && k >= 0 && k + 1 < starts.length) k++;
            }
        }
    }

    private int index(int position) {
        int i = Arrays.binarySearch(starts, position);
        return i >= 0 ? i : -i - 2;
    }
}
