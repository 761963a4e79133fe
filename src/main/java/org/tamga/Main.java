package org.tamga;

import org.tamga.cli.Cli;

/** Entry point of {@code tamga.jar}: the command line (the window comes with the desktop workbench). */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(Cli.run(args));
    }
}
