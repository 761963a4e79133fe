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
 * Makes the README's screenshot of the real window (not a test): run under a display, e.g.
 * {@code xvfb-run -a -s "-screen 0 1280x800x24" java -cp "target/classes:target/test-classes:target/lib/*" org.tamga.gui.ScreenshotTool docs/img/main-window.png}.
 * It opens the sample project, a Chinese interview, a code, and a search, then saves the window.
 */
public final class ScreenshotTool {
    private static String output;

    public static void main(String[] args) {
        output = args.length > 0 ? args[0] : "main-window.png";
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
        MainWindow window = new MainWindow(stage, model, new Settings(dir.resolve("config")), dir.resolve("tamga-sample.tamga"));
        window.switchLanguageQuietly(Locale.ENGLISH);
        window.show();
        stage.setX(0);
        stage.setY(0);
        window.openSample();
        waitThen(() -> window.documentList != null && !window.documentList.getItems().isEmpty(), () -> {
            window.documentList.getItems().stream().filter(d -> d.document().name().startsWith("访谈01")).findFirst()
                    .ifPresent(d -> window.documentList.getSelectionModel().select(d));
            waitThen(() -> window.documentPane.shown() != null, () -> {
                Code code = model.codebook.get().codes().stream().filter(c -> c.name().startsWith("Pastoral knowledge")).findFirst().orElseThrow();
                window.codebookPane.select(code);
                window.searchPane.query.setText("草场 OR grassland");
                window.searchPane.search();
                waitThen(() -> !window.searchPane.results.getItems().isEmpty(), () -> {
                    String text = window.documentPane.shown().text();
                    int at = text.indexOf("我家那块夏场");
                    int cp = text.codePointCount(0, Math.max(0, at));
                    window.documentPane.select(cp, cp);
                    waitThen(() -> true, () -> waitThen(() -> true, () -> save(stage)));
                });
            });
        });
    }

    private static void waitThen(java.util.function.BooleanSupplier ready, Runnable then) {
        javafx.animation.PauseTransition p = new javafx.animation.PauseTransition(javafx.util.Duration.millis(700));
        p.setOnFinished(e -> { if (ready.getAsBoolean()) then.run(); else waitThen(ready, then); });
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
