package org.tamga.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/** A short command builds only its own part of the command line; help and mistakes still see every command. */
class LazyCommandsTest {
    private static CommandLine cli(String wanted) {
        return Cli.commandLine(wanted, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    }

    @Test
    void aNamedCommandIsTheOnlyOneBuilt() {
        assertEquals(Set.of("info"), cli("info").getSubcommands().keySet());
        assertEquals(Set.of("code"), cli("code").getSubcommands().keySet());
        CommandLine report = cli("report");
        assertEquals(Set.of("report"), report.getSubcommands().keySet());
        assertFalse(report.getSubcommands().get("report").getSubcommands().isEmpty(), "a command's own subcommands come with it");
    }

    @Test
    void helpAndMistakesSeeEveryCommand() {
        int all = TamgaCommand.COMMANDS.size();
        assertEquals(all, cli(null).getSubcommands().size());
        assertEquals(all, cli("--help").getSubcommands().size());
        assertEquals(all, cli("inf").getSubcommands().size());
        Set<String> names = new HashSet<>(cli(null).getSubcommands().keySet());
        assertEquals(all, names.size(), "every command has a name of its own");
        assertTrue(names.containsAll(List.of("info", "codes", "code", "search", "agreement", "merge", "restore", "bench")));
    }

    @Test
    void optionsInheritedFromTheTopStillWork() {
        StringWriter out = new StringWriter();
        int code = Cli.run(new String[]{"info", "--help"}, new PrintWriter(out), new PrintWriter(new StringWriter()));
        assertEquals(0, code);
        assertTrue(out.toString().startsWith("Usage: tamga info"), out.toString());
    }
}
