package org.tamga.cli;

import org.tamga.core.Backups;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code tamga backup}, {@code tamga backups} and {@code tamga restore} (ADR 41). */
final class BackupCommand {
    private BackupCommand() {}

    @Command(name = "backup", description = {"Back up a project now: a consistent copy, checked by SQLite, in the project's backups folder",
            "(PROJECT.tamga.backups, beside it; Tamga never deletes the backups made by hand), or in FILE if one is given."})
    static final class Backup implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Parameters(index = "0", paramLabel = "PROJECT.tamga") Path project;
        @Parameters(index = "1", arity = "0..1", paramLabel = "FILE", description = "Where to write the backup (must not exist).") Path file;

        @Override public Integer call() {
            Backups.Backup b = file == null ? Backups.backUp(project, Backups.MANUAL) : Backups.backUpTo(project, file);
            spec.commandLine().getOut().printf(Locale.ROOT, "Backed up %s to %s (%d documents, %d codings, %s); SQLite's check of the copy passed.%n",
                    project.getFileName(), b.file(), b.documents(), b.codings(), Backups.size(b.bytes()));
            return 0;
        }
    }

    @Command(name = "backups", description = {"List a project's backups, newest first: when and why each was made, its size, its documents and codings.",
            "Tamga backs a project up when it is opened and the newest backup is more than a day old, and before every change",
            "that cannot be taken back (deleting a code that has codings, deleting documents, merging, upgrading, restoring).",
            "It keeps the 7 newest daily backups, the newest daily one of each of the last 4 weeks and the 5 newest made",
            "before a change (set with the options below; kept in PROJECT.tamga.backups/keep.properties), and every backup made by hand."})
    static final class Listing implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Parameters(index = "0", paramLabel = "PROJECT.tamga") Path project;
        @Option(names = "--keep-daily", paramLabel = "N", description = "Keep the N newest daily backups (made on opening, once a day).") Integer daily;
        @Option(names = "--keep-weekly", paramLabel = "N", description = "Keep the newest daily backup of each of the last N weeks.") Integer weekly;
        @Option(names = "--keep-before", paramLabel = "N", description = "Keep the N newest backups made before a destructive change.") Integer before;

        @Override public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (!java.nio.file.Files.isRegularFile(project)) throw new org.tamga.model.TamgaException("Cannot list the backups of " + project + ": no such project file.");
            Backups.Keep keep = Backups.keep(project);
            if (daily != null || weekly != null || before != null) {
                keep = new Backups.Keep(daily == null ? keep.daily() : Output.atLeast("--keep-daily", daily, 0),
                        weekly == null ? keep.weekly() : Output.atLeast("--keep-weekly", weekly, 0),
                        before == null ? keep.before() : Output.atLeast("--keep-before", before, 0));
                Backups.setKeep(project, keep);
            }
            List<Backups.Backup> all = Backups.list(project);
            out.println("#\tmade\treason\tsize\tdocuments\tcodings\tfile\tproblem");
            int n = 0;
            for (Backups.Backup b : all) {
                out.println(String.join("\t", String.valueOf(++n), Backups.local(b.made()), b.reason(), Backups.size(b.bytes()),
                        b.documents() < 0 ? "" : String.valueOf(b.documents()), b.codings() < 0 ? "" : String.valueOf(b.codings()),
                        Output.field(b.name()), b.problem() == null ? "" : Output.field(b.problem())));
            }
            err.printf(Locale.ROOT, "%d backups in %s; kept: the %d newest daily ones, the newest daily one of each of the last %d weeks, the %d newest made before a change, and those made by hand.%n",
                    all.size(), Backups.folder(project), keep.daily(), keep.weekly(), keep.before());
            if (!all.isEmpty()) err.println("Restore one with: tamga restore " + project + " NUMBER");
            return 0;
        }
    }

    @Command(name = "restore", description = {"Put a backup back: the project gets the backup's content. The current state is backed up first,",
            "and the backup must pass SQLite's full check and be a backup of this project. A window that has the project open",
            "notices and shows the restored state. BACKUP is a number or file name from `tamga backups`, or the path of a backup file."})
    static final class Restore implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Parameters(index = "0", paramLabel = "PROJECT.tamga") Path project;
        @Parameters(index = "1", paramLabel = "BACKUP") String backup;

        @Override public Integer call() {
            Backups.Restored r = Backups.restore(project, Backups.resolve(project, backup));
            PrintWriter out = spec.commandLine().getOut();
            out.printf(Locale.ROOT, "Restored %s from %s (made %s, %d documents, %d codings).%n", project.getFileName(), r.from().name(),
                    Backups.local(r.from().made()), r.from().documents(), r.from().codings());
            if (r.before() != null) {
                out.println((r.before().reason().equals(Backups.DAMAGED) ? "The damaged file is kept in " : "The state before is kept in ")
                        + r.before().file());
            }
            return 0;
        }
    }

}
