package org.tamga.cli;

import org.tamga.bench.CrashHarness;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code tamga crash-harness}: kills a workload again and again and checks the project after each kill (ADR 43). */
@Command(name = "crash-harness", description = {
        "Kill a child JVM that imports, codes, writes memos, edits the codebook, merges copies, backs up and restores,",
        "N times at seeded random moments, on the same project; after each kill check SQLite's integrity_check, that the",
        "project opens, that every acknowledged write is there, that no operation is half done, and that search finds",
        "every document. Prints one line per kill and a table; exits with 1 if anything was lost or damaged.",
        "  java -jar target/tamga.jar crash-harness target/crash --kills 200 --seed 1"})
final class CrashHarnessCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Parameters(index = "0", paramLabel = "DIR", description = "A new or empty folder for the project, its copies and backups.") Path work;
    @Option(names = "--kills", paramLabel = "N", defaultValue = "200", description = "How many times to kill the workload (default 200).") int kills;
    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "The seed of the operations and the kill points (default 1).") long seed;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Output.atLeast("--kills", kills, 1);
        CrashHarness.Summary s = new CrashHarness(work, seed, line -> { err.println(line); err.flush(); }).run(kills);
        CrashHarness.print(s, out);
        return s.clean() ? 0 : 1;
    }
}
