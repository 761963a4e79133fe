package org.tamga.gui;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.tamga.model.Code;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Makes the README's screenshots of the real window (not a test). Run under a display of the size
 * wanted, e.g. {@code xvfb-run -a -s "-screen 0 1366x768x24" java -cp "target/classes:target/test-classes:target/lib/*"
 * org.tamga.gui.ScreenshotTool docs/img/coding-1366x768.png coding}. {@code coding}: the sample
 * project, a Chinese interview being coded (its attributes hold a value in traditional Mongolian),
 * a code selected, a search; {@code chart}: the frequency chart; {@code analysis}: the code × 职业 heatmap; {@code agreement}: agreement between the sample's two coders; {@code disagreements}: one of their disagreements side by side;
 * {@code welcome}: the first start's welcome; {@code tour}: the first step of the tour it starts
 * ({@code -Dshot.language=zh}: the window in Chinese).
 */
public final class ScreenshotTool {
    private static String output;
    private static String scene;

    public static void main(String[] args) {
        output = args.length > 0 ? args[0] : "main-window.png";
        scene = args.length > 1 ? args[1] : "coding";
        Application.launch(App.class);
    }

    /** The application itself (a main class must not extend Application when JavaFX is on the class path). */
    public static final class App extends Application {
        @Override
        public void start(Stage stage) throws Exception { ScreenshotTool.start(stage); }
    }

    static void start(Stage stage) throws Exception {
        Path dir = Files.createTempDirectory("tamga-shot");
        ProjectModel model = new ProjectModel(dir.resolve("cache"));
        Settings settings = new Settings(dir.resolve("config"));
        boolean firstRun = scene.equals("welcome") || scene.equals("tour");
        if (!firstRun) {
            settings.setCoder("乌云 Uyun");
            settings.setCoderConfirmed();
        }
        MainWindow window = new MainWindow(stage, model, settings, dir.resolve("tamga-sample.tamga"));
        window.switchLanguageQuietly("zh".equals(System.getProperty("shot.language")) ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH);
        window.show();
        if (firstRun) {
            // the first start's welcome; or, started from it, the tour's first step on the sample
            window.welcome.coderName.setText("乌云 Uyun");
            if (scene.equals("welcome")) { waitThen(() -> true, () -> save(stage)); return; }
            ((javafx.scene.control.Button) stage.getScene().lookup("#startTour")).fire();
            waitThen(() -> window.workbench != null && window.workbench.transcript.shown() != null, () -> waitThen(() -> true, () -> save(stage)));
            return;
        }
        debug = () -> "workbench=" + (window.workbench != null) + " open=" + model.isOpen() + " shared=" + model.sharedAddress.get()
                + " status=" + model.status.get() + " others=" + model.othersWorking.get() + " pending=" + model.tasks.pending.get();
        if (scene.equals("shared")) {
            // the sample on a real PostgreSQL (embedded), with a second coder working on it
            Path file = dir.resolve("team.tamga");
            org.tamga.core.SampleProject.create(file, dir.resolve("cache-publish")).close();
            String address = org.tamga.SharedServer.newDatabase();
            org.tamga.core.SharedProjects.publish(file, address);
            other = org.tamga.core.ProjectSession.openShared(address, dir.resolve("cache-other"));
            other.setCoder("Bilguun Батболд");
            other.coding().apply(other.documents().all().getFirst(), 10, 40, other.codebook().resolve("Health"), "Bilguun Батболд");
            window.openShared(address);
        } else {
            window.openSample();
        }
        waitThen(() -> window.workbench != null && !window.workbench.documents.list.getItems().isEmpty(), () -> {
            var list = window.workbench.documents.list;
            list.getItems().stream().filter(d -> d.document().name().startsWith("访谈01")).findFirst().ifPresent(d -> list.getSelectionModel().select(d));
            waitThen(() -> window.workbench.transcript.shown() != null && window.workbench.transcript.shown().document().name().startsWith("访谈01"), () -> {
                model.documents().setAttribute(window.workbench.transcript.shown().document(), "旗 · Banner", "锡林郭勒 ᠰᠢᠯᠢ ᠶᠢᠨ ᠭᠣᠣᠯ");
                Code code = model.codebook.get().codes().stream().filter(c -> c.name().startsWith("Pastoral knowledge")).findFirst().orElseThrow();
                window.workbench.codebook.select(code);
                if (scene.equals("retrieval")) {
                    window.workbench.tabs.getSelectionModel().select(1);
                    window.workbench.centreSplit.setDividerPositions(0.35);
                } else if (scene.equals("chart")) {
                    window.workbench.tabs.getSelectionModel().select(2);
                    window.workbench.centreSplit.setDividerPositions(0.25);
                    ((javafx.scene.control.TabPane) window.workbench.report.root.lookup("#reportTabs")).getSelectionModel().select(1);
                }
                else if (scene.equals("analysis")) {
                    window.workbench.tabs.getSelectionModel().select(3);
                    window.workbench.centreSplit.setDividerPositions(0.2);
                    window.workbench.setCollapsed(Workbench.Pane.RIGHT, true);
                    AnalysisPane a = window.workbench.analysis;
                    a.views.getSelectionModel().select(1);
                    a.columns.setValue("职业");
                    ((javafx.scene.control.TabPane) a.root.lookup("#crosstabTabs")).getSelectionModel().select(1);
                }
                else if (scene.equals("agreement") || scene.equals("disagreements")) {
                    window.workbench.tabs.getSelectionModel().select(3);
                    window.workbench.centreSplit.setDividerPositions(scene.equals("agreement") ? 0.3 : Double.parseDouble(System.getProperty("divider", "0.42")));
                    AnalysisPane a = window.workbench.analysis;
                    a.views.getSelectionModel().select(scene.equals("agreement") ? 3 : AnalysisPane.DISAGREEMENTS);
                }
                else {
                    window.workbench.search.query.setText("草场 OR grassland");
                    window.workbench.search.search();
                }
                waitThen(() -> scene.equals("shared") ? !window.workbench.search.results.getItems().isEmpty() && !model.othersWorking.get().isEmpty()
                        : scene.equals("agreement") ? window.workbench.analysis.agreement.report() != null
                        : scene.equals("disagreements") ? window.workbench.analysis.disagreements.shown() != null
                        : scene.equals("analysis") ? window.workbench.analysis.crosstab() != null && window.workbench.analysis.crosstab().dimensions().equals(java.util.List.of("职业")) : scene.equals("chart") ? window.workbench.report.report() != null : scene.equals("retrieval") ? !window.workbench.retrieval.list.getItems().isEmpty() : !window.workbench.search.results.getItems().isEmpty(), () -> {
                    String text = window.workbench.transcript.shown().text();
                    int at = text.indexOf("我家那块夏场");
                    int cp = text.codePointCount(0, Math.max(0, at));
                    window.workbench.transcript.select(cp, cp + 12);
                    if (scene.equals("analysis")) window.workbench.analysis.selectCell(9, 3);
                    if (scene.equals("disagreements")) {
                        var d = window.workbench.analysis.disagreements;
                        d.list.getItems().stream().filter(x -> x.text().startsWith("天说了算")).findFirst().ifPresent(x -> {
                            d.list.getSelectionModel().select(x);
                            d.list.scrollTo(Math.max(0, d.list.getSelectionModel().getSelectedIndex() - 1));
                        });
                    }
                    waitThen(() -> true, () -> waitThen(() -> true, () -> save(stage)));
                });
            });
        });
    }

    static java.util.function.Supplier<String> debug = () -> "";
    /** The second coder of the "shared" scene: kept open (and reachable) while the window runs. */
    static org.tamga.core.ProjectSession other;

    private static void waitThen(java.util.function.BooleanSupplier ready, Runnable then) {
        javafx.animation.PauseTransition p = new javafx.animation.PauseTransition(javafx.util.Duration.millis(700));
        p.setOnFinished(e -> {
            if (Boolean.getBoolean("shot.debug")) System.err.println("waiting: " + debug.get());
            if (ready.getAsBoolean()) then.run(); else waitThen(ready, then);
        });
        p.play();
    }

    private static void save(Stage stage) {
        WritableImage image = stage.getScene().snapshot(null);
        int w = (int) image.getWidth(), h = (int) image.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        PixelReader px = image.getPixelReader();
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) out.setRGB(x, y, px.getArgb(x, y));
        try {
            ImageIO.write(out, "png", new File(output));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Platform.exit();
    }
}
