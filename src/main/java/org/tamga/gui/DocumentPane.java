package org.tamga.gui;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.InlineCssTextArea;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;
import org.tamga.model.Code;
import org.tamga.model.Codebook;
import org.tamga.model.Coding;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The open document: its text in a virtualised styled area (RichTextFX), coding highlights, and a
 * margin of coding stripes showing which codes cover each paragraph. A change of codings repaints
 * only the range it touched.
 */
final class DocumentPane {
    final InlineCssTextArea area = new InlineCssTextArea();
    final Label info = new Label();
    /** Shown while a document is being read (a large one takes a moment). */
    final javafx.scene.control.ProgressIndicator loading = new javafx.scene.control.ProgressIndicator();
    final BorderPane root = new BorderPane();
    private ProjectModel.OpenDocument shown;
    private Codebook shownBook;
    private int[] paragraphStarts = new int[]{0};
    /** The face of every part of the shown text (fonts by script, ADR 33), computed when a document is shown. */
    private FontRuns fontRuns = FontRuns.of("");
    /** Codes per paragraph; the stripes of visible paragraphs follow it (text cells are not rebuilt). */
    private final javafx.beans.property.ObjectProperty<List<Set<Code>>> paragraphCodes =
            new javafx.beans.property.SimpleObjectProperty<>(List.of());

    DocumentPane(I18n i18n) {
        Fonts.load(); // the faces the text's style spans name (ADR 33)
        area.setId("documentText");
        area.setEditable(false);
        area.setWrapText(true);
        area.setPadding(new Insets(4, 16, 4, 8));
        area.getStyleClass().add("transcript");
        info.setId("documentInfo");
        info.setPadding(new Insets(4, 8, 4, 8));
        info.setText(i18n.t("document.none"));
        loading.setPrefSize(16, 16);
        loading.setMaxSize(16, 16);
        loading.setVisible(false);
        HBox top = new HBox(6, info, loading);
        top.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        root.setTop(top);
        root.setCenter(new VirtualizedScrollPane<>(area));
        area.setParagraphGraphicFactory(this::stripes);
    }

    ProjectModel.OpenDocument shown() { return shown; }

    /** Shows a document, or the same document with changed codings (repainting only what changed). */
    void show(ProjectModel.OpenDocument doc, Codebook book, String infoLine) {
        info.setText(infoLine);
        boolean same = shown != null && doc != null && shown.document().guid().equals(doc.document().guid());
        if (doc == null) {
            area.clear();
            shown = null;
            return;
        }
        if (!same) {
            area.replaceText(doc.text());
            paragraphStarts = paragraphStarts(doc.text());
            fontRuns = FontRuns.of(doc.text()); // once per document: restyles only read it
            restyle(doc, book, 0, doc.text().length());
            area.moveTo(0);
            area.requestFollowCaret();
        } else {
            int[] range = changedRange(shown.codings(), doc.codings(), doc, sameColours(book, shownBook) ? null : book);
            if (range != null) restyle(doc, book, range[0], range[1]);
        }
        shown = doc;
        shownBook = book;
        recomputeStripes(doc, book);
    }

    private void restyle(ProjectModel.OpenDocument doc, Codebook book, int from, int to) {
        if (to <= from) return;
        StyleSpansBuilder<String> b = new StyleSpansBuilder<>();
        // --- fonts by script (ADR 33): each coding run is cut where the face changes, its style prefixed with the family
        fontRuns.styles(CodingStyles.runs(doc.codings(), book, doc.positions(), from, to), from, (style, length) -> b.add(style, length));
        // --- end fonts by script
        StyleSpans<String> spans = b.create();
        area.setStyleSpans(from, spans);
    }

    /** The UTF-16 range whose look changed, or null. A changed codebook (colours) repaints all. */
    private static int[] changedRange(List<Coding> before, List<Coding> after, ProjectModel.OpenDocument doc, Codebook changedBook) {
        if (changedBook != null) return new int[]{0, doc.text().length()};
        Set<String> a = new HashSet<>(), b = new HashSet<>();
        for (Coding c : before) a.add(key(c));
        for (Coding c : after) b.add(key(c));
        int from = Integer.MAX_VALUE, to = -1;
        List<Coding> changed = new ArrayList<>();
        for (Coding c : before) if (!b.contains(key(c))) changed.add(c);
        for (Coding c : after) if (!a.contains(key(c))) changed.add(c);
        for (Coding c : changed) {
            from = Math.min(from, doc.positions().toUtf16(c.start()));
            to = Math.max(to, doc.positions().toUtf16(c.end()));
        }
        return to < 0 ? null : new int[]{from, to};
    }

    private static boolean sameColours(Codebook a, Codebook b) {
        if (a == b) return true;
        if (a == null || b == null || a.size() != b.size()) return false;
        for (Code c : a.codes()) {
            Code other = b.byId(c.id()).orElse(null);
            if (other == null || !java.util.Objects.equals(c.color(), other.color())) return false;
        }
        return true;
    }

    private static String key(Coding c) { return c.guid() + ":" + c.codeId() + ":" + c.start() + ":" + c.end(); }

    private static int[] paragraphStarts(String text) {
        List<Integer> starts = new ArrayList<>(List.of(0));
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.add(i + 1);
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    private int paragraphOf(int utf16) {
        int i = Arrays.binarySearch(paragraphStarts, utf16);
        return i >= 0 ? i : -i - 2;
    }

    private void recomputeStripes(ProjectModel.OpenDocument doc, Codebook book) {
        List<Set<Code>> codes = new ArrayList<>();
        for (int i = 0; i < paragraphStarts.length; i++) codes.add(new LinkedHashSet<>());
        for (Coding c : doc.codings()) {
            int p0 = paragraphOf(doc.positions().toUtf16(c.start()));
            int p1 = paragraphOf(Math.max(0, doc.positions().toUtf16(c.end()) - 1));
            Code code = book.byId(c.codeId()).orElse(null);
            if (code == null) continue;
            for (int p = p0; p <= p1 && p < codes.size(); p++) codes.get(p).add(code);
        }
        paragraphCodes.set(codes);
    }

    /**
     * The coding stripes of one paragraph: a thin bar per code, in the code's colour. Each box
     * follows {@link #paragraphCodes} through a weak listener, so a change of codings repaints the
     * stripes without rebuilding the paragraphs' text, and discarded boxes are not kept alive.
     */
    private Node stripes(int paragraph) {
        HBox box = new HBox(2);
        box.getStyleClass().add("coding-stripes");
        box.setMinWidth(44);
        box.setPrefWidth(44);
        Runnable fill = () -> fillStripes(box, codesOfParagraph(paragraph));
        javafx.beans.InvalidationListener listener = o -> fill.run();
        box.getProperties().put("tamga.stripes.listener", listener);
        paragraphCodes.addListener(new javafx.beans.WeakInvalidationListener(listener));
        fill.run();
        return box;
    }

    private static void fillStripes(HBox box, Set<Code> codes) {
        List<Node> bars = new ArrayList<>();
        int shown = 0;
        for (Code c : codes) {
            if (shown++ == 8) break;
            Region bar = new Region();
            bar.getStyleClass().add("coding-stripe");
            bar.setMinWidth(3);
            bar.setPrefWidth(3);
            bar.setMinHeight(18);
            bar.setStyle("-fx-background-color: " + CodingStyles.darker(c.color() == null ? CodingStyles.DEFAULT_COLOUR : c.color()) + ";");
            Tooltip.install(bar, new Tooltip(c.name()));
            bars.add(bar);
        }
        box.getChildren().setAll(bars);
    }

    /** Codes covering a paragraph (for tests and tooltips). */
    Set<Code> codesOfParagraph(int paragraph) {
        List<Set<Code>> codes = paragraphCodes.get();
        return paragraph < codes.size() ? codes.get(paragraph) : Set.of();
    }

    /** The selection as code point positions: {start, end}. */
    int[] selection() {
        if (shown == null) return new int[]{0, 0};
        var r = area.getSelection();
        return new int[]{shown.positions().toCodePoint(r.getStart()), shown.positions().toCodePoint(r.getEnd())};
    }

    int caret() {
        return shown == null ? 0 : shown.positions().toCodePoint(area.getCaretPosition());
    }

    /** Where a passage that is jumped to lands in the view. */
    enum Placement { TOP, MIDDLE }

    /** Selects [start, end) (code points) and scrolls it into the middle of the view. */
    void select(int start, int end) { select(start, end, Placement.MIDDLE); }

    /**
     * Selects [start, end) (code points) and scrolls so that its start is at the top of the view
     * (a retrieved passage, read from its beginning) or in the middle (a search hit, read in its
     * context). The caret is put at the start, so a passage longer than the view shows its start.
     */
    void select(int start, int end, Placement placement) {
        if (shown == null) return;
        int s = shown.positions().toUtf16(start), e = shown.positions().toUtf16(end);
        area.selectRange(e, s);
        int paragraph = paragraphOf(s);
        if (placement == Placement.TOP) area.showParagraphAtTop(paragraph); else area.showParagraphAtCenter(paragraph);
        area.requestFollowCaret();
    }

    /** Codings that cover the position. */
    List<Coding> codingsAt(int position) {
        if (shown == null) return List.of();
        return shown.codings().stream().filter(c -> c.start() <= position && position < c.end()).toList();
    }
}
