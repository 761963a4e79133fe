package org.tamga.gui;

import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.tamga.core.ProjectSession;
import org.tamga.model.Code;
import org.tamga.model.Document;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Measures the window on a long transcript (not a test; prints its figures). Run under a display:
 * {@code xvfb-run -a -s "-screen 0 1280x800x24" java -cp "target/classes:target/test-classes:target/lib/*" org.tamga.gui.WindowBenchmark}.
 * It makes a 300,000-character transcript with 2,000 codings, then times: opening it in the
 * window (until the first frame after it is shown), scrolling through it (frame times), and
 * applying one code (until the repaint).
 */
public final class WindowBenchmark {
    public static void main(String[] args) { Application.launch(App.class, args); }

    public static final class App extends Application {
        @Override public void start(Stage stage) throws Exception { run(stage); }
    }

    static String transcript(int length) {
        Random r = new Random(42);
        String[] zh = {"我们家", "草场", "补贴", "培训", "孩子上学", "牛羊", "合作社", "贫困户", "政策", "看病", "电商", "冬天", "放牧", "嘎查"};
        String[] en = {"grassland", "subsidy", "training", "school", "herd", "cooperative", "winter", "market", "health"};
        StringBuilder b = new StringBuilder();
        int turn = 0;
        while (b.length() < length) {
            b.append(turn++ % 2 == 0 ? "访谈者：" : "受访者：");
            int words = 20 + r.nextInt(120);
            for (int i = 0; i < words; i++) {
                if (r.nextInt(8) == 0) b.append(' ').append(en[r.nextInt(en.length)]).append(' ');
                else b.append(zh[r.nextInt(zh.length)]);
                if (r.nextInt(12) == 0) b.append("，");
            }
            b.append("。\n\n");
        }
        return b.substring(0, length);
    }

    static void run(Stage stage) throws Exception {
        Path dir = Files.createTempDirectory("tamga-bench");
        Path file = dir.resolve("long.tamga");
        Path txt = dir.resolve("long-transcript.txt");
        Files.writeString(txt, transcript(300_000));
        Path first = dir.resolve("a-short.txt");
        Files.writeString(first, "访谈者：您好。\n\n受访者：您好。\n");
        try (ProjectSession s = ProjectSession.create(file, dir.resolve("cache"))) {
            s.importing().importFiles(List.of(first, txt), "zh");
            Code a = s.codebook().create(null, "Capability · 可行能力", null, "#8DB8EA");
            Code b = s.codebook().create(null, "Culture of poverty · 贫困文化", null, "#F4A7A0");
            Document d = s.documents().resolve("long-transcript");
            Random r = new Random(7);
            for (int i = 0; i < 2000; i++) {
                int start = r.nextInt(d.length() - 200);
                s.coding().apply(d, start, start + 20 + r.nextInt(150), i % 2 == 0 ? a : b, i % 3 == 0 ? "Saran" : "Li Wei");
            }
        }
        ProjectModel model = new ProjectModel(dir.resolve("cache"));
        // a researcher who has started Tamga before: the first-run welcome is not what is measured
        Settings settings = new Settings(dir.resolve("config"));
        settings.setWelcomed();
        settings.setCoder("Saran");
        settings.setCoderConfirmed();
        MainWindow window = new MainWindow(stage, model, settings, dir.resolve("unused.tamga"));
        window.switchLanguageQuietly(Locale.ENGLISH);
        window.show();
        window.openProject(file);
        // the window opens the first (short) document by itself; then the long one is timed
        waitUntil(() -> window.workbench != null && window.workbench.transcript.shown() != null, () -> {
            Document d = window.workbench.documents.list.getItems().get(1).document();
            long t0 = System.nanoTime();
            model.openDocument(d, opened -> afterFrames(2, () -> {
                double openMs = (System.nanoTime() - t0) / 1e6;
                System.out.printf(Locale.ROOT, "open 300,000-character transcript with 2,000 codings: %.0f ms%n", openMs);
                scroll(window, () -> applyOne(window, model, () -> Platform.exit()));
            }));
        });
    }

    static void scroll(MainWindow window, Runnable then) {
        var area = window.workbench.transcript.area;
        long[] frames = new long[400];
        int[] n = {0};
        long[] last = {System.nanoTime()};
        new AnimationTimer() {
            @Override public void handle(long now) {
                if (n[0] > 0) frames[n[0] - 1] = now - last[0];
                last[0] = now;
                if (n[0] == frames.length) {
                    stop();
                    long[] sorted = frames.clone();
                    java.util.Arrays.sort(sorted);
                    System.out.printf(Locale.ROOT, "scroll (400 steps of 600 px): median frame %.1f ms, p95 %.1f ms, max %.1f ms%n",
                            sorted[200] / 1e6, sorted[380] / 1e6, sorted[399] / 1e6);
                    then.run();
                    return;
                }
                area.scrollYBy(600);
                n[0]++;
            }
        }.start();
    }

    static void applyOne(MainWindow window, ProjectModel model, Runnable then) {
        window.workbench.transcript.select(150_000, 150_040);
        // let the jump to the passage be drawn first: only the coding is timed
        afterFrames(3, () -> {
            Code code = model.codebook.get().codes().getFirst();
            long t0 = System.nanoTime();
            long[] applied = new long[1];
            model.revision.addListener((o, a, b) -> { if (applied[0] == 0) applied[0] = System.nanoTime(); });
            model.coding().apply(code, 150_000, 150_040, null);
            waitUntil(() -> applied[0] != 0, () -> afterFrames(1, () -> {
                System.out.printf(Locale.ROOT, "apply a code: saved and shown in the window's state after %.0f ms, drawn after %.0f ms%n",
                        (applied[0] - t0) / 1e6, (System.nanoTime() - t0) / 1e6);
                then.run();
            }));
        });
    }

    static void waitUntil(java.util.function.BooleanSupplier ready, Runnable then) {
        new AnimationTimer() {
            @Override public void handle(long now) { if (ready.getAsBoolean()) { stop(); then.run(); } }
        }.start();
    }

    static void afterFrames(int count, Runnable then) {
        new AnimationTimer() {
            int seen;
            @Override public void handle(long now) { if (++seen > count) { stop(); then.run(); } }
        }.start();
    }
}
