package org.tamga.cli;

import org.tamga.core.MergeReport;
import org.tamga.core.ProjectSession;
import org.tamga.report.ReportWriter;
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

/** {@code tamga merge TARGET.tamga SOURCE.tamga… [--dry-run] [--report FILE.csv]}: coders' copies of a project brought together. */
@Command(name = "merge", description = {
        "Merge copies of a project (made by copying the file, or by export qdpx / import qdpx) into TARGET.tamga:",
        "documents, codes, codings, coders, memos, attributes and cases come together by GUID (documents also by text,",
        "codes by name at the same place, codings by document, code, coder and passage). Nothing is lost: where the copies",
        "differ, TARGET's version is kept (memo texts: both) and each conflict is printed with the source's version.",
        "All or nothing; merging the same copy again changes nothing; TARGET.tamga.before-merge-DATE.bak is written",
        "beside TARGET first. The SOURCE files are only read."})
final class MergeCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Parameters(index = "0", paramLabel = "TARGET") String target;
    @Parameters(index = "1..*", arity = "1..*", paramLabel = "SOURCE.tamga") List<Path> sources;
    @Option(names = "--dry-run", description = "Say what merging would do, and write nothing.") boolean dryRun;
    @Option(names = "--coder", paramLabel = "NAME",
            description = "Who merges: what the merge keeps or adds is recorded in the codes' history under this name (default: your user name).")
    String coder;
    @Option(names = "--report", paramLabel = "FILE.csv", description = "Also write the conflicts as CSV (source, kind, item, kept, other), in full.")
    Path report;

    @Override public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        MergeReport r;
        try (ProjectSession s = TamgaCommand.open(target)) {
            s.setCoder(coder);
            r = s.merging().merge(sources, dryRun);
        }
        for (MergeReport.Source source : r.sources()) {
            out.printf(Locale.ROOT, "%s %s into %s%n", dryRun ? "would merge" : "merged", source.file().getFileName(), r.target());
            for (MergeReport.Kind k : MergeReport.Kind.values()) {
                MergeReport.Tally t = source.tally(k);
                out.printf(Locale.ROOT, "  %-20s %6d %s  %6d already there%n", k.word(), t.added(), dryRun ? "to add" : "added ", t.already());
            }
        }
        for (MergeReport.Conflict c : r.conflicts()) {
            out.println("conflict  " + c.kind().word() + " | " + Output.oneLine(c.item(), 100) + " | kept: " + Output.oneLine(c.kept(), 100)
                    + " | other: " + Output.oneLine(c.other(), 100) + " | " + c.source());
        }
        if (report != null) {
            ReportWriter.csvRows(r.conflictTable(), report);
            out.println("wrote " + report + " (" + r.conflicts().size() + (r.conflicts().size() == 1 ? " conflict)" : " conflicts)"));
        }
        int added = r.sources().stream().mapToInt(x -> x.tallies().values().stream().mapToInt(MergeReport.Tally::added).sum()).sum();
        String conflicts = r.conflicts().size() + (r.conflicts().size() == 1 ? " conflict" : " conflicts");
        if (dryRun) {
            out.printf(Locale.ROOT, "Dry run: nothing was written. Merging would add %d, with %s%s.%n", added, conflicts,
                    r.changed() ? "" : " (the project already has everything these copies hold)");
        } else if (!r.changed()) {
            out.printf(Locale.ROOT, "Nothing to merge: %s already has everything these copies hold (%s); it was not changed.%n",
                    r.target(), conflicts);
        } else {
            out.println("backup    " + r.backup());
            out.printf(Locale.ROOT, "Merged %d %s: %d added, %s (where the copies differ, %s's version is kept and the other is named above).%n",
                    r.sources().size(), r.sources().size() == 1 ? "project" : "projects", added, conflicts, r.target());
        }
        return 0;
    }
}
