package org.tamga.bench;

import org.tamga.core.SampleProject;
import org.tamga.model.TamgaException;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The start of a short command: {@code info}, {@code codes} and {@code code}, each run as its own
 * process on a copy of the sample project, as a script or a researcher at a terminal runs them —
 * with the ahead-of-time cache the build makes beside the jar ({@code tamga.aot}, JDK 25's
 * {@code -XX:AOTCache}) and without it. The build records that cache from a training run of the
 * same commands in one process ({@code cli.StartupTraining}).
 */
public final class Startup {
    private Startup() {}

    /** What a command's start cost, in milliseconds (median and slowest of the runs), with and without the cache. */
    public record Figure(String command, boolean cached, double medianMs, double maxMs, int runs) {}

    /** The commands measured; the {@code run}-th {@code code} codes as a coder of its own (the same coding twice is refused). */
    public static List<List<String>> commands(Path project, int run) {
        String p = project.toString();
        return List.of(List.of("info", p), List.of("codes", p),
                List.of("code", p, "--document", "访谈01_牧民_巴特尔", "--start", "40", "--end", "52", "--code", "Health", "--coder", "Bench " + run));
    }

    /**
     * Runs each command {@code runs} times as a new process of {@code java -jar jar}, with the cache
     * (when there is one beside the jar) and without it, on a copy of the sample project in {@code work}.
     */
    public static List<Figure> measure(Path javaBinary, Path jar, Path work, int runs) throws IOException, InterruptedException {
        Files.createDirectories(work);
        Path project = work.resolve("startup.tamga");
        Files.deleteIfExists(project);
        SampleProject.create(project, work.resolve("cache")).close();
        Path cache = jar.resolveSibling("tamga.aot");
        List<Figure> out = new ArrayList<>();
        int n = 0;
        for (int c = 0; c < commands(project, 0).size(); c++) {
            for (boolean cached : Files.isRegularFile(cache) ? new boolean[]{true, false} : new boolean[]{false}) {
                double[] ms = new double[runs];
                for (int i = -1; i < runs; i++) { // once unmeasured: the file system's cache warm, as for a researcher's second command
                    List<String> line = new ArrayList<>(List.of(javaBinary.toString()));
                    if (cached) line.add("-XX:AOTCache=" + cache);
                    line.addAll(List.of("-jar", jar.toString()));
                    line.addAll(commands(project, ++n).get(c));
                    double t = run(line, work);
                    if (i >= 0) ms[i] = t;
                }
                Arrays.sort(ms);
                out.add(new Figure(commands(project, 0).get(c).getFirst(), cached, ms[runs / 2], ms[runs - 1], runs));
            }
        }
        return out;
    }

    private static double run(List<String> command, Path work) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new TamgaException("tamga " + String.join(" ", command) + " did not finish in 120 s");
        }
        if (p.exitValue() != 0) throw new TamgaException("tamga " + String.join(" ", command) + " failed (exit " + p.exitValue() + ")");
        return (System.nanoTime() - t0) / 1e6;
    }

    /** The figures as a table. */
    public static void print(List<Figure> figures, PrintWriter out) {
        out.println("command  AOT cache  median ms  slowest ms  runs");
        for (Figure f : figures) {
            out.println(String.format(Locale.ROOT, "%-8s %-10s %9.0f %11.0f %5d", f.command(), f.cached() ? "yes" : "no", f.medianMs(), f.maxMs(), f.runs()));
        }
    }
}
