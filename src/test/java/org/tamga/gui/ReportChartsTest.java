package org.tamga.gui;

import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.tamga.report.FrequencyReport;
import org.tamga.report.chart.CodeRows;
import org.tamga.report.chart.Drawing;
import org.tamga.report.chart.PngWriter;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The Frequencies tab's charts on the sample project, headless: the window shows the report
 * layer's layout (whole labels for every code with codings), laid out for the width it has so that
 * nothing scrolls sideways at 1366 or 1920 pixels, scrolling down when the codes do not fit, one
 * image pixel per screen pixel; and the exports write what a paper needs.
 */
@ExtendWith(ApplicationExtension.class)
class ReportChartsTest {
    @TempDir static Path dir;
    Stage stage;
    ProjectModel model;
    final QueuedTaskExecutor tasks = new QueuedTaskExecutor();

    @Start
    void start(Stage stage) {
        this.stage = stage;
        model = new ProjectModel(dir.resolve("cache"), tasks);
    }

    /** Runs the queued work, lays the window out, and lets the charts lay themselves out for the width they got. */
    private void settle(ReportPane pane) {
        tasks.drain();
        layout();
        javafx.application.Platform.runLater(() -> { pane.chart.settleNow(); pane.heatmap.settleNow(); });
        QueuedTaskExecutor.flushFx();
        layout();
    }

    private void layout() {
        javafx.application.Platform.runLater(() -> { stage.getScene().getRoot().applyCss(); stage.getScene().getRoot().layout(); });
        QueuedTaskExecutor.flushFx();
    }

    @AfterEach
    void close() { model.closeProject(null); tasks.drain(); }

    private ReportPane open(FxRobot robot, Locale locale, double width, double height) {
        AtomicBoolean opened = new AtomicBoolean();
        robot.interact(() -> model.openSample(dir.resolve("sample-" + System.nanoTime() + ".tamga"), o -> opened.set(true)));
        tasks.drain();
        assertTrue(opened.get(), "the sample is open");
        ReportPane[] pane = new ReportPane[1];
        robot.interact(() -> {
            pane[0] = new ReportPane(model, new I18n(locale), new ReportPane.Exports() {
                public void csv(FrequencyReport r) {}
                public void xlsx(FrequencyReport r) {}
                public void png(ReportPane p) {}
                public void svg(ReportPane p) {}
                public void heatmapPng(ReportPane p) {}
                public void heatmapSvg(ReportPane p) {}
            });
            Scene scene = new Scene(pane[0].root, width, height);
            scene.getStylesheets().add(MainWindow.class.getResource("tamga.css").toExternalForm());
            stage.setScene(scene);
            stage.show();
            TabPane tabs = (TabPane) pane[0].root.lookup("#reportTabs");
            tabs.getSelectionModel().select(1); // the chart
            pane[0].refresh();
        });
        settle(pane[0]);
        assertNotNull(pane[0].report());
        assertNotNull(pane[0].chart.drawing(), "the chart is drawn");
        return pane[0];
    }

    @Test
    void theChartFillsTheWidthWithWholeLabelsAndScrollsDownAt1366By768(FxRobot robot) throws Exception {
        // the Frequencies panel of a 1366×768 window: about 740 × 300 pixels
        ReportPane pane = open(robot, Locale.ENGLISH, 740, 300);
        Drawing d = pane.chart.drawing();
        List<String> names = CodeRows.of(pane.report()).stream().map(r -> r.row().code().name()).toList();
        assertTrue(names.size() > 20, "the sample's codes: " + names.size());
        assertEquals(names, d.labels(Drawing.Role.CODE).stream().map(Drawing.Label::text).toList(), "every label whole, sorted, in the window");
        double viewport = pane.chart.root.getViewportBounds().getWidth();
        assertTrue(d.width() <= viewport + 1 && d.width() > viewport - 40, "laid out for the " + viewport + " px there are: " + d.width());
        assertTrue(d.height() > pane.chart.root.getViewportBounds().getHeight(), "many codes: taller than the panel, so it scrolls");
        assertTrue(pane.chart.root.getContent().getLayoutBounds().getHeight() >= d.height() - 1);
        double scale = stage.getOutputScaleX();
        assertEquals(Math.ceil(d.width() * scale), pane.chart.image().getWidth(), "one image pixel per screen pixel");
        assertEquals("Codings per code", d.labels(Drawing.Role.TITLE).getFirst().text());
        assertTrue(d.labels(Drawing.Role.SUBTITLE).getFirst().text().startsWith("6 documents"));

        // the heatmap tab shows the matrix
        assertNull(pane.heatmap.drawing(), "the heatmap is laid out only once its tab is in front");
        robot.interact(() -> ((TabPane) pane.root.lookup("#reportTabs")).getSelectionModel().select(3));
        settle(pane);
        Drawing heat = pane.heatmap.drawing();
        assertEquals(6, heat.labels(Drawing.Role.DOCUMENT).size());
        assertEquals(names, heat.labels(Drawing.Role.CODE).stream().map(Drawing.Label::text).toList());
    }

    @Test
    void atFullHdTheBarsGetTheRoomAndLabelsStayOnOneLine(FxRobot robot) throws Exception {
        ReportPane pane = open(robot, Locale.SIMPLIFIED_CHINESE, 1100, 500);
        Drawing d = pane.chart.drawing();
        double viewport = pane.chart.root.getViewportBounds().getWidth();
        assertTrue(d.width() <= viewport + 1 && d.width() > viewport - 40, viewport + " vs " + d.width());
        long wrapped = d.labels(Drawing.Role.CODE).stream().filter(l -> l.lines().size() > 1).count();
        assertTrue(wrapped <= 2, "at this width nearly every label has one line: " + wrapped);
        assertEquals("各代码的编码数", d.labels(Drawing.Role.TITLE).getFirst().text(), "the window's language");
        assertEquals("编码数", d.labels(Drawing.Role.CAPTION).getFirst().text());
    }

    @Test
    void theExportsWriteAPrintResolutionPngAndSvgOfTheChartAndTheHeatmap(FxRobot robot) throws Exception {
        ReportPane pane = open(robot, Locale.ENGLISH, 740, 300);
        Path png = dir.resolve("chart.png"), svg = dir.resolve("chart.svg"), heatPng = dir.resolve("heat.png"), heatSvg = dir.resolve("heat.svg");
        robot.interact(() -> {
            pane.writeChartPng(png);
            pane.writeChartSvg(svg);
            pane.writeHeatmapPng(heatPng);
            pane.writeHeatmapSvg(heatSvg);
        });
        Drawing print = pane.chartForPrint();
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(PngWriter.pixels(print.width(), 300), image.getWidth(), "300 dpi");
        assertEquals(PngWriter.pixels(print.height(), 300), image.getHeight());
        assertEquals(PngWriter.pixels(pane.heatmapForPrint().width(), 300), ImageIO.read(heatPng.toFile()).getWidth());
        String text = Files.readString(svg);
        for (var row : CodeRows.of(pane.report())) {
            String name = row.row().code().name();
            assertTrue(text.contains(name.substring(name.indexOf(" · ") + 3)),
                    "the Chinese half of " + name + " in the SVG");
        }
        var parsed = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(heatSvg.toFile());
        var texts = parsed.getElementsByTagName("text");
        List<String> documents = new java.util.ArrayList<>();
        for (int i = 0; i < texts.getLength(); i++) {
            var t = (org.w3c.dom.Element) texts.item(i);
            if (t.getAttribute("class").equals("document")) documents.add(t.getTextContent());
        }
        assertTrue(documents.contains("访谈01_牧民_巴特尔"), "the documents' whole names in the heatmap's SVG: " + documents);
        assertEquals(6, documents.size());
    }
}
