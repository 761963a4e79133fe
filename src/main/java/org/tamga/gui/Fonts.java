package org.tamga.gui;

import javafx.scene.text.Font;
import org.tamga.util.BundledFonts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The bundled typefaces ({@link BundledFonts}) in JavaFX: loaded once, before the first window, and
 * the family and inline CSS for each face. Once loaded they are also the last fallbacks JavaFX
 * looks in for a glyph the requested family lacks, after the system's own fallback fonts; so a
 * field that cannot mix families (the search field) is set in the Latin family and still shows
 * Chinese and Mongolian. A CSS {@code -fx-font-family} list does not help there: JavaFX uses its
 * first family only (a missing one becomes "System"), which is why tamga.css names one family.
 */
public final class Fonts {
    private Fonts() {}

    private static boolean loaded;
    private static final Map<BundledFonts.Face, String> CSS = new EnumMap<>(BundledFonts.Face.class);

    /** Loads the bundled fonts into JavaFX (once; later calls return at once). Any thread. */
    public static synchronized void load() {
        if (loaded) return;
        for (String resource : BundledFonts.resources()) {
            try (InputStream in = BundledFonts.open(resource)) {
                if (Font.loadFont(in, 12) == null) throw new IllegalStateException("JavaFX could not load the font " + resource);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        for (BundledFonts.Face f : BundledFonts.Face.values()) CSS.put(f, "-fx-font-family: \"" + f.family() + "\";");
        loaded = true;
        // read the faces' character maps now, off the JavaFX thread, not when the first document opens
        Thread warm = new Thread(() -> BundledFonts.runs("a\u963F\u182E"), "tamga-font-coverage");
        warm.setDaemon(true);
        warm.start();
    }

    /** The JavaFX family of a face. */
    public static String family(BundledFonts.Face face) { return face.family(); }

    /** The JavaFX family for runs of a script: Noto Sans for Latin and Cyrillic, Droid Sans Fallback for Chinese, Noto Sans Mongolian. */
    public static String family(org.tamga.util.ScriptRuns.Script script) { return BundledFonts.face(script).family(); }

    /** The family of text that cannot be split into runs (fields): Latin first, the rest by fallback. */
    public static String uiFamily() { return BundledFonts.Face.LATIN.family(); }

    /** Inline CSS that sets the face's family: {@code -fx-font-family: "Noto Sans";}. */
    public static String css(BundledFonts.Face face) {
        load();
        return CSS.get(face);
    }

    /**
     * Text nodes for a string, one per face run, each in its face's family at the given size (0: the
     * size CSS gives), with the style classes given; for cells and labels that hold mixed scripts.
     */
    static List<javafx.scene.text.Text> texts(String text, double size, String... styleClasses) {
        load();
        List<javafx.scene.text.Text> out = new java.util.ArrayList<>();
        if (text == null || text.isEmpty()) return out;
        for (BundledFonts.Run r : BundledFonts.runs(text)) {
            javafx.scene.text.Text t = new javafx.scene.text.Text(text.substring(r.start(), r.end()));
            t.getStyleClass().addAll(styleClasses);
            t.setStyle(CSS.get(r.face()) + (size > 0 ? " -fx-font-size: " + size + "px;" : ""));
            out.add(t);
        }
        return out;
    }

    /**
     * Draws a label's text run by run, each script in its face (a label's own font cannot show
     * traditional Mongolian, JavaFX's fallback does not reach it there): the label keeps its text
     * (for tests and accessibility) and shows a wrapping text flow of the runs instead.
     */
    static void byScript(javafx.scene.control.Labeled label, String... styleClasses) { byScript(label, null, styleClasses); }

    /** The same, wrapping at {@code width} (a label's own width follows its text, so it cannot say where to wrap). */
    static void byScript(javafx.scene.control.Labeled label, javafx.beans.value.ObservableNumberValue width, String... styleClasses) {
        javafx.scene.text.TextFlow flow = new javafx.scene.text.TextFlow();
        flow.getStyleClass().add("script-flow");
        Runnable fill = () -> flow.getChildren().setAll(texts(label.getText() == null ? "" : label.getText(), 0, styleClasses));
        label.textProperty().addListener((o, a, b) -> fill.run());
        fill.run();
        if (width != null) {
            flow.prefWidthProperty().bind(width);
            flow.maxWidthProperty().bind(width);
        }
        label.setGraphic(flow);
        label.setContentDisplay(javafx.scene.control.ContentDisplay.GRAPHIC_ONLY);
    }
}
