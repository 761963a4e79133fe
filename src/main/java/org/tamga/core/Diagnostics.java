package org.tamga.core;

import org.tamga.model.TamgaException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.logging.FileHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * The trail a researcher can attach to a bug report: a rotating log file in the user's log folder
 * (the JDK's logging, ADR 37), holding every unexpected error with its stack trace, and a
 * diagnostics report — Tamga's, the system's, Java's and JavaFX's versions, the project's schema
 * version and path, the cache and log folders, and the last lines of the log. Never document text
 * or memos: the log records what went wrong, not what was being read.
 */
public final class Diagnostics {
    /** How many of the log's last lines the report holds. */
    public static final int LOG_LINES = 200;
    private static final int LOG_BYTES = 1 << 20, LOG_FILES = 5;
    private static Handler installed;

    private Diagnostics() {}

    /** Where the log file is kept: {@code tamga.log.dir}, {@code TAMGA_LOG_DIR}, or the system's place for logs. */
    public static Path logFolder() {
        String property = System.getProperty("tamga.log.dir");
        if (property != null && !property.isBlank()) return Path.of(property);
        String env = System.getenv("TAMGA_LOG_DIR");
        if (env != null && !env.isBlank()) return Path.of(env);
        String home = System.getProperty("user.home");
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String local = System.getenv("LOCALAPPDATA");
            return Path.of(local != null ? local : home, "Tamga", "logs");
        }
        if (os.contains("mac")) return Path.of(home, "Library", "Logs", "Tamga");
        String xdg = System.getenv("XDG_STATE_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(home, ".local", "state")).resolve("tamga");
    }

    /** The newest log file ({@code tamga-0.log}; older ones are -1 … -4). */
    public static Path logFile(Path folder) { return folder.resolve("tamga-0.log"); }

    /**
     * Sends Tamga's log records (and those of the libraries it uses, at WARNING and above) to a
     * rotating file in {@code folder}: five files of at most 1 MB. Once per process; a folder that
     * cannot be written is no reason to stop working, so then nothing is logged to a file.
     *
     * @return the log file, or null if it could not be opened
     */
    public static synchronized Path install(Path folder) {
        Logger root = Logger.getLogger("");
        if (installed != null) { root.removeHandler(installed); installed.close(); installed = null; }
        try {
            Files.createDirectories(folder);
            FileHandler file = new FileHandler(folder.resolve("tamga-%g.log").toString(), LOG_BYTES, LOG_FILES, true);
            file.setEncoding(StandardCharsets.UTF_8.name());
            file.setFormatter(new SimpleFormatter() {
                @Override public String format(java.util.logging.LogRecord r) {
                    String text = String.format(Locale.ROOT, "%1$tFT%1$tT.%1$tLZ %2$s %3$s: %4$s%n", java.util.Date.from(r.getInstant()),
                            r.getLevel().getName(), r.getLoggerName(), formatMessage(r));
                    if (r.getThrown() == null) return text;
                    java.io.StringWriter trace = new java.io.StringWriter();
                    r.getThrown().printStackTrace(new java.io.PrintWriter(trace));
                    return text + trace;
                }
            });
            file.setLevel(Level.INFO);
            root.addHandler(file);
            Logger.getLogger("org.tamga").setLevel(Level.INFO);
            installed = file;
            return logFile(folder);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The last {@code n} lines of the newest log file (none if there is none). */
    public static List<String> lastLines(Path folder, int n) {
        Path file = logFile(folder);
        if (!Files.isRegularFile(file)) return List.of();
        Deque<String> last = new ArrayDeque<>();
        try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
            lines.forEach(l -> { last.addLast(l); if (last.size() > n) last.removeFirst(); });
        } catch (IOException | java.io.UncheckedIOException e) {
            return List.of("(the log file could not be read: " + e.getMessage() + ")");
        }
        return new ArrayList<>(last);
    }

    /**
     * The report: one "name: value" line each, then the log's last lines. {@code project} may be
     * null (no project open); {@code javafx} is the window's JavaFX version, or null from the
     * command line (then the version of the JavaFX Tamga ships is read from its jar, if there).
     */
    public static String report(ProjectSession project, String javafx, String tamgaVersion) {
        List<String> out = new ArrayList<>();
        out.add("Tamga: " + tamgaVersion);
        out.add("System: " + System.getProperty("os.name") + " " + System.getProperty("os.version") + " (" + System.getProperty("os.arch") + ")");
        out.add("Java: " + System.getProperty("java.vendor") + " " + System.getProperty("java.runtime.version", System.getProperty("java.version")));
        out.add("JavaFX: " + (javafx != null ? javafx : shippedJavaFx()));
        out.add("Locale: " + Locale.getDefault().toLanguageTag() + ", file encoding " + System.getProperty("file.encoding")
                + ", time zone " + java.util.TimeZone.getDefault().getID());
        out.add("Memory: " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB at most, " + Runtime.getRuntime().availableProcessors() + " processors");
        if (project == null) {
            out.add("Project: none open");
        } else {
            out.add("Project: " + project.file().toAbsolutePath());
            out.add("Schema version: " + project.store().schemaVersion());
            ProjectSession.Summary s = project.summary();
            out.add("Contents: " + s.documents() + " documents, " + s.codes() + " codes, " + s.codings() + " codings, " + s.coders() + " coders");
            out.add("Index folder: " + project.indexFolder());
        }
        out.add("Cache folder: " + CacheFolders.root());
        Path logs = logFolder();
        out.add("Log file: " + logFile(logs));
        out.add("");
        List<String> lines = lastLines(logs, LOG_LINES);
        out.add("Last " + lines.size() + " lines of the log:");
        out.addAll(lines);
        return String.join("\n", out) + "\n";
    }

    private static String shippedJavaFx() {
        try (InputStream in = Diagnostics.class.getClassLoader().getResourceAsStream("javafx.properties")) {
            if (in == null) return "(not found)";
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("javafx.runtime.version", "(unknown)");
        } catch (IOException e) {
            throw new TamgaException("Cannot read JavaFX's version: " + e.getMessage(), e);
        }
    }
}
