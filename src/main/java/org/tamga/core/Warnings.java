package org.tamga.core;

import java.util.function.Consumer;

/**
 * One-line warnings about something Tamga worked around (an index cache it could not use, so a
 * temporary one was made): logged, and shown where the researcher looks — the command line
 * prints them on standard error; the window reads them from the session
 * ({@link ProjectSession#warnings()}) into its status line.
 */
public final class Warnings {
    private static final System.Logger LOG = System.getLogger("org.tamga.core");
    private static volatile Consumer<String> shown;

    private Warnings() {}

    /** From now on warnings are also given to {@code sink} (null: logged only); returns the sink before. */
    public static synchronized Consumer<String> showTo(Consumer<String> sink) {
        Consumer<String> before = shown;
        shown = sink;
        return before;
    }

    static void warn(String line) {
        LOG.log(System.Logger.Level.WARNING, line);
        Consumer<String> sink = shown;
        if (sink != null) sink.accept(line);
    }
}
