package org.tamga.cli;

import org.tamga.core.Warnings;
import org.tamga.model.TamgaException;
import picocli.CommandLine;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Runs the command line: {@code tamga COMMAND …}. Output is UTF-8 whatever the terminal's locale,
 * so Chinese and Mongolian never turn into question marks in a pipe or a file. A failure prints
 * one line on standard error and exits non-zero.
 */
public final class Cli {
    private Cli() {}

    /** Lucene's one-line advice about the incubating Vector API is noise for a researcher (held: JUL keeps loggers weakly). */
    private static final java.util.logging.Logger LUCENE_VECTOR_LOG =
            java.util.logging.Logger.getLogger("org.apache.lucene.internal.vectorization");

    /** How {@code tamga}, {@code tamga open} and {@code tamga sample} start the window (set by the launcher). */
    public static void setWindow(java.util.function.Consumer<String[]> launcher) { TamgaCommand.Window.launcher = launcher; }

    public static int run(String[] args) {
        LUCENE_VECTOR_LOG.setLevel(java.util.logging.Level.SEVERE);
        // the log goes to the log file (Diagnostics); the researcher reads plain words, not log records, on the terminal
        for (java.util.logging.Handler h : java.util.logging.Logger.getLogger("").getHandlers()) {
            if (h instanceof java.util.logging.ConsoleHandler) h.setLevel(java.util.logging.Level.OFF);
        }
        PrintWriter out = new PrintWriter(new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8), true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8), true, StandardCharsets.UTF_8);
        return run(args, out, err);
    }

    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        args = openIfProject(args);
        CommandLine cli = commandLine(args.length == 0 ? null : args[0], out, err);
        // what Tamga worked around (an index cache it could not use) is said on standard error, in one line
        var before = Warnings.showTo(line -> err.println("tamga: warning: " + line));
        try {
            int code = cli.execute(args);
            out.flush();
            err.flush();
            return code;
        } finally {
            Warnings.showTo(before);
        }
    }

    /**
     * A project file as the only argument is {@code tamga open FILE}: what the desktop runs when a
     * researcher double-clicks a {@code .tamga} file (the installers' file association), and a short
     * way to type it. Anything else, a file that does not exist or a command's name, is left as it is.
     */
    static String[] openIfProject(String[] args) {
        if (args.length != 1 || !args[0].toLowerCase(java.util.Locale.ROOT).endsWith(".tamga")) return args;
        try {
            return java.nio.file.Files.isRegularFile(java.nio.file.Path.of(args[0])) ? new String[]{"open", args[0]} : args;
        } catch (java.nio.file.InvalidPathException notAPath) {
            return args;
        }
    }

    static CommandLine commandLine(PrintWriter out, PrintWriter err) { return commandLine(null, out, err); }

    /**
     * The command line, with only the command named {@code wanted} when there is one by that name
     * (picocli reads each command's options when it is added, a good part of a short command's
     * start), else with every command (for help, and to name the closest command to a mistyped one).
     */
    static CommandLine commandLine(String wanted, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new TamgaCommand());
        boolean known = wanted != null && TamgaCommand.COMMANDS.stream().anyMatch(c -> names(c).contains(wanted));
        for (Class<?> c : TamgaCommand.COMMANDS) {
            if (!known || names(c).contains(wanted)) cli.addSubcommand(new CommandLine(c));
        }
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            String encoding = System.getProperty("sun.jnu.encoding");
            String fileName = unreadableFileName(ex, encoding);
            // picocli keeps only the message of a path it could not convert; the letters lost are U+FFFD
            if (fileName == null && !isUtf8(encoding) && java.util.Arrays.stream(args).anyMatch(a -> a.indexOf('\uFFFD') >= 0)) fileName = lostLetters(encoding);
            c.getErr().println("tamga: " + (fileName != null ? fileName : ex.getMessage() + " (see: tamga " + commandPath(c) + " --help)"));
            return 2;
        });
        cli.setExecutionExceptionHandler((ex, c, parseResult) -> {
            String fileName = unreadableFileName(ex, System.getProperty("sun.jnu.encoding"));
            if (ex instanceof TamgaException) {
                c.getErr().println("tamga: " + ex.getMessage());
            } else if (fileName != null) {
                c.getErr().println("tamga: " + fileName);
            } else {
                System.getLogger("org.tamga.cli").log(System.Logger.Level.ERROR, "unexpected error in: tamga " + commandPath(c), ex);
                c.getErr().println("tamga: unexpected error: " + ex + " (please report this with the output of: tamga diagnostics)");
            }
            return 1;
        });
        return cli;
    }

    /**
     * What to say of a file name that this system cannot turn into a path, or null when
     * {@code failure} is not that. Java reads the file names of the command line in the character set
     * of the system's language setting ({@code fileNameEncoding}, Java's {@code sun.jnu.encoding}):
     * under {@code LANG=C} that is US-ASCII, and a Chinese or Mongolian name is lost before Tamga sees it.
     */
    static String unreadableFileName(Throwable failure, String fileNameEncoding) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof java.nio.file.InvalidPathException bad) {
                if (isUtf8(fileNameEncoding)) return "the file name \u201C" + bad.getInput() + "\u201D cannot be used on this system (" + bad.getReason() + ").";
                return lostLetters(fileNameEncoding);
            }
        }
        return null;
    }

    private static boolean isUtf8(String encoding) {
        return encoding != null && encoding.replace("-", "").equalsIgnoreCase("UTF8");
    }

    static String lostLetters(String fileNameEncoding) {
        return "a file name could not be read: this system's language setting reads file names as " + fileNameEncoding
                + ", which has no Chinese, Mongolian or Cyrillic letters. Set a UTF-8 language setting and run it again,"
                + " e.g. LANG=C.UTF-8 tamga \u2026";
    }

    /** A command's name and aliases, from its annotation (without building picocli's model of it). */
    private static java.util.List<String> names(Class<?> command) {
        CommandLine.Command a = command.getAnnotation(CommandLine.Command.class);
        java.util.List<String> out = new java.util.ArrayList<>(java.util.List.of(a.aliases()));
        out.add(a.name());
        return out;
    }

    private static String commandPath(CommandLine c) {
        String qualified = c.getCommandSpec().qualifiedName(" ");
        return qualified.startsWith("tamga ") ? qualified.substring(6) : "";
    }
}
