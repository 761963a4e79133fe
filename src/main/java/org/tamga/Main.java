package org.tamga;

import org.tamga.cli.Cli;

/** Entry point of {@code tamga.jar}: the command line, which opens the window when asked to and a screen is there. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        // every unexpected error, with its stack trace, goes to a rotating log file (tamga diagnostics shows where)
        org.tamga.core.Diagnostics.install(org.tamga.core.Diagnostics.logFolder());
        // a lambda, not a method reference: the window's classes (and JavaFX) load only when a window opens
        Cli.setWindow(windowArgs -> org.tamga.gui.TamgaApp.launchWindow(windowArgs));
        System.exit(Cli.run(args));
    }
}
