package org.tamga.gui;

import javafx.animation.PauseTransition;
import javafx.geometry.Insets;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.util.Duration;
import org.tamga.report.chart.Drawing;
import org.tamga.report.chart.PngWriter;

import java.awt.image.BufferedImage;
import java.util.function.DoubleFunction;

/**
 * A chart of the report layer ({@link org.tamga.report.chart}) in the window: the same layout the
 * PNG and SVG exports draw, rendered by Java2D at the screen's own pixel density (so it is crisp on
 * a 1366×768 laptop and on a HiDPI screen alike, and traditional Mongolian is shaped, which JavaFX
 * text does not do) and shown 1:1 in a scroll pane that scrolls when there are many codes. The
 * layout is redone for the width available, after the width has settled.
 */
final class ChartView {
    final ScrollPane root = new ScrollPane();
    private final ImageView image = new ImageView();
    private final PauseTransition settle = new PauseTransition(Duration.millis(150));
    private DoubleFunction<Drawing> layout;
    private Drawing drawing;
    private double laidOutFor = -1, renderedScale = -1;
    private boolean dirty;

    ChartView(String id) {
        root.setId(id);
        image.setId(id + "Image");
        image.setSmooth(true);
        StackPane content = new StackPane(image);
        content.setPadding(new Insets(0));
        content.setStyle("-fx-background-color: white;");
        content.setAlignment(javafx.geometry.Pos.TOP_LEFT);
        root.setContent(content);
        root.setFitToWidth(true);
        root.setStyle("-fx-background-color: white; -fx-background: white;");
        settle.setOnFinished(e -> { if (shown()) refresh(dirty); });
        root.viewportBoundsProperty().addListener((o, a, b) -> {
            if (layout != null && (dirty || Math.abs(b.getWidth() - laidOutFor) >= 8)) settle.playFromStart();
        });
    }

    /**
     * Shows a chart; {@code layoutForWidth} lays it out for the width available (px). It is laid out
     * and rendered now if the view is on screen, else when it comes on screen ({@link #refreshIfShown}):
     * a coding made while another tab is in front costs nothing here.
     */
    void show(DoubleFunction<Drawing> layoutForWidth) {
        this.layout = layoutForWidth;
        dirty = true;
        refreshIfShown();
    }

    /** Lays out and renders a chart given while the view was hidden, now that it may be shown. */
    void refreshIfShown() {
        if (dirty && shown()) refresh(true);
    }

    /** Whether the view is in a showing window and neither it nor a parent is hidden (an unselected tab). */
    private boolean shown() {
        if (root.getScene() == null || root.getScene().getWindow() == null || !root.getScene().getWindow().isShowing()) return false;
        for (javafx.scene.Node n = root; n != null; n = n.getParent()) if (!n.isVisible()) return false;
        return true;
    }

    /** Lays the chart out for the width there is now, without waiting for the width to settle (tests). */
    void settleNow() {
        settle.stop();
        if (shown()) refresh(dirty);
    }

    /** The drawing shown now (for tests and exports of what is seen), or null. */
    Drawing drawing() { return drawing; }

    /** The rendered image (for tests), or null. */
    javafx.scene.image.Image image() { return image.getImage(); }

    private void refresh(boolean force) {
        if (layout == null) return;
        double width = root.getViewportBounds() == null || root.getViewportBounds().getWidth() <= 0 ? 900 : root.getViewportBounds().getWidth();
        double scale = root.getScene() != null && root.getScene().getWindow() != null ? root.getScene().getWindow().getOutputScaleX() : 1;
        if (!force && Math.abs(width - laidOutFor) < 8 && scale == renderedScale) return;
        laidOutFor = width;
        renderedScale = scale;
        dirty = false;
        drawing = layout.apply(width);
        BufferedImage pixels = PngWriter.render(drawing, scale);
        int w = pixels.getWidth(), h = pixels.getHeight();
        int[] argb = pixels.getRGB(0, 0, w, h, null, 0, w);
        WritableImage fx = new WritableImage(w, h);
        fx.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        image.setImage(fx);
        image.setFitWidth(w / scale); // one image pixel per device pixel
        image.setFitHeight(h / scale);
    }
}
