package org.tamga.report.chart;

import org.tamga.model.TamgaException;
import org.tamga.util.AtomicWrite;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A {@link Drawing} as pixels with Java2D (headless works), its texts in the bundled faces: a PNG
 * at print resolution (300 dpi by default) with the resolution recorded in its pHYs chunk, so that
 * a word processor places it at its real size; and images at screen scale for the window.
 */
public final class PngWriter {
    private PngWriter() {}

    /** The resolution the drawing's units are in: CSS pixels. */
    public static final double BASE_DPI = 96;
    public static final int PRINT_DPI = 300;

    /** The image's size in pixels at a resolution: the drawing's size × dpi / 96, rounded up. */
    public static int pixels(double cssPixels, double dpi) { return (int) Math.ceil(cssPixels * dpi / BASE_DPI); }

    /** Renders at a scale (1 = one pixel per CSS pixel), on white. */
    public static BufferedImage render(Drawing d, double scale) {
        int w = Math.max(1, (int) Math.ceil(d.width() * scale)), h = Math.max(1, (int) Math.ceil(d.height() * scale));
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, w, h);
            g.scale(scale, scale);
            for (Drawing.Item item : d.items()) draw(g, item);
        } finally {
            g.dispose();
        }
        return image;
    }

    private static void draw(Graphics2D g, Drawing.Item item) {
        switch (item) {
            case Drawing.Rect r -> {
                Rectangle2D shape = new Rectangle2D.Double(r.x(), r.y(), r.w(), r.h());
                var composite = g.getComposite();
                if (r.fillOpacity() < 1) g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, (float) r.fillOpacity()));
                g.setColor(colour(r.fill()));
                g.fill(shape);
                g.setComposite(composite);
                if (r.stroke() != null && r.strokeWidth() > 0) {
                    g.setColor(colour(r.stroke()));
                    g.setStroke(new BasicStroke((float) r.strokeWidth()));
                    g.draw(shape);
                }
            }
            case Drawing.Line l -> {
                g.setColor(colour(l.stroke()));
                g.setStroke(l.dashed() ? new BasicStroke((float) l.width(), BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[]{4, 2}, 0)
                        : new BasicStroke((float) l.width()));
                g.draw(new Line2D.Double(l.x1(), l.y1(), l.x2(), l.y2()));
            }
            case Drawing.Label t -> {
                AffineTransform saved = g.getTransform();
                if (t.rotate() != 0) g.rotate(Math.toRadians(t.rotate()), t.x(), t.y());
                g.setColor(colour(t.fill()));
                for (int i = 0; i < t.lines().size(); i++) {
                    String line = t.lines().get(i);
                    double width = t.anchor() == Drawing.Anchor.START ? 0 : Typesetter.width(line, t.size(), t.bold());
                    double x = switch (t.anchor()) {
                        case START -> t.x();
                        case MIDDLE -> t.x() - width / 2;
                        case END -> t.x() - width;
                    };
                    Typesetter.draw(g, line, t.size(), t.bold(), x, t.y() + i * t.lineHeight());
                }
                g.setTransform(saved);
            }
        }
    }

    private static Color colour(String hex) { return new Color(Integer.parseInt(hex.substring(1), 16)); }

    /** Writes a PNG at {@code dpi} dots per inch, the resolution recorded in the file. */
    public static void write(Drawing d, int dpi, Path file) {
        if (dpi < 36 || dpi > 2400) throw new TamgaException("Give a resolution between 36 and 2400 dpi (not " + dpi + ").");
        BufferedImage image = render(d, dpi / BASE_DPI);
        AtomicWrite.write(file, out -> {
            ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
            try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
                writer.setOutput(stream);
                ImageWriteParam param = writer.getDefaultWriteParam();
                IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), param);
                IIOMetadataNode root = new IIOMetadataNode("javax_imageio_png_1.0");
                IIOMetadataNode phys = new IIOMetadataNode("pHYs");
                String perMetre = Long.toString(Math.round(dpi / 0.0254));
                phys.setAttribute("pixelsPerUnitXAxis", perMetre);
                phys.setAttribute("pixelsPerUnitYAxis", perMetre);
                phys.setAttribute("unitSpecifier", "meter");
                root.appendChild(phys);
                IIOMetadataNode text = new IIOMetadataNode("tEXt");
                IIOMetadataNode title = new IIOMetadataNode("tEXtEntry");
                title.setAttribute("keyword", "Software");
                title.setAttribute("value", "Tamga");
                text.appendChild(title);
                root.appendChild(text);
                try {
                    meta.mergeTree("javax_imageio_png_1.0", root);
                } catch (javax.imageio.metadata.IIOInvalidTreeException e) {
                    throw new IOException("cannot record the resolution: " + e.getMessage(), e);
                }
                writer.write(null, new IIOImage(image, null, meta), param);
            } finally {
                writer.dispose();
            }
        });
    }
}
