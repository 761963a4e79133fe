package org.tamga.gui;

import javafx.application.Application;
import javafx.stage.Stage;

import java.nio.file.Path;
import java.util.List;

/**
 * The desktop application. Parameters: {@code --sample FILE} opens (creating if needed) the sample
 * project in FILE (on the very first start, the first-run welcome offers it, with a tour); a single
 * path opens that project; none shows the welcome screen.
 */
public final class TamgaApp extends Application {
    @Override
    public void start(Stage stage) {
        if (Boolean.getBoolean("tamga.timing")) {
            long ms = System.currentTimeMillis() - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
            System.out.println("JavaFX started " + ms + " ms after the start of the JVM");
        }
        Fonts.load(); // the bundled faces, before any window is styled (ADR 33)
        List<String> args = getParameters().getRaw();
        Settings settings = Settings.load();
        boolean sample = args.size() == 2 && args.get(0).equals("--sample");
        Path sampleFile = sample ? Path.of(args.get(1)) : defaultSampleFile();
        MainWindow window = new MainWindow(stage, new ProjectModel(), settings, sampleFile);
        window.show();
        // the very first start shows the welcome first (name, language), whose tour opens this same sample
        if (sample && settings.welcomed()) window.openSample();
        else if (args.size() == 1) window.openProject(Path.of(args.getFirst()));
    }

    /** Where "Open sample project" keeps the sample: ~/Tamga/tamga-sample.tamga. */
    public static Path defaultSampleFile() {
        return Path.of(System.getProperty("user.home"), "Tamga", "tamga-sample.tamga");
    }

    /** Opens the window and returns when it is closed. */
    public static void launchWindow(String... args) {
        Application.launch(TamgaApp.class, args);
    }
}
