package org.tamga.cli;

import org.tamga.core.CacheFolders;
import org.tamga.core.SharedProjects;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code publish} and {@code copy}: a project file onto a PostgreSQL server, and a copy of a shared project into a file (ADR 48). */
final class SharedCommand {
    private SharedCommand() {}

    @Command(name = "publish", description = {"Put a project file on a PostgreSQL server as a shared project that a team codes live:",
            "ADDRESS is postgresql://HOST:PORT/DATABASE (an empty database; add ?sslmode=require for TLS). The user and password",
            "come from PGUSER and PGPASSWORD or ~/.pgpass, never from Tamga's settings. All of the project is copied, or nothing;",
            "the file stays as it is. Every command that takes PROJECT takes the address afterwards."})
    static final class Publish implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Parameters(index = "0", paramLabel = "PROJECT.tamga") Path project;
        @Parameters(index = "1", paramLabel = "ADDRESS") String address;

        @Override public Integer call() {
            SharedProjects.Moved m = SharedProjects.publish(project, address);
            spec.commandLine().getOut().printf(Locale.ROOT, "Published %s as %s: project \u201C%s\u201D, %d documents, %d codings.%n",
                    project.getFileName(), address, m.project(), m.documents(), m.codings());
            return 0;
        }
    }

    @Command(name = "copy", description = {"Take a copy of a shared project into a new project file, for work without a network:",
            "one consistent snapshot of everything it holds. Bring your coding back with: tamga merge ADDRESS PROJECT.tamga"})
    static final class Copy implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Parameters(index = "0", paramLabel = "ADDRESS") String address;
        @Parameters(index = "1", paramLabel = "PROJECT.tamga") Path file;

        @Override public Integer call() {
            SharedProjects.Moved m = SharedProjects.copy(address, file, CacheFolders.root());
            spec.commandLine().getOut().printf(Locale.ROOT, "Copied %s to %s: project \u201C%s\u201D, %d documents, %d codings.%n",
                    address, file, m.project(), m.documents(), m.codings());
            return 0;
        }
    }
}
