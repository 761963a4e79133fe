package org.tamga.cli;

import org.tamga.core.ProjectSession;
import org.tamga.core.SpeakerService;
import org.tamga.model.Document;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.Locale;

@Command(name = "speakers", description = {"List the speakers found in the documents, with their turns, documents and characters.",
        "Correct the list with `speakers rename` (renaming to an existing speaker merges the two)."},
        subcommands = SpeakersCommand.Rename.class)
final class SpeakersCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    // optional for picocli, so that `speakers rename …` parses; required in fact
    @Parameters(index = "0", arity = "0..1", paramLabel = "PROJECT") String project;
    @Option(names = "--document", paramLabel = "NAME", description = "Only the speakers of this document.") String document;

    @Override
    public Integer call() {
        if (project == null) throw new org.tamga.model.TamgaException("Name the project: tamga speakers PROJECT.tamga (see: tamga speakers --help).");
        PrintWriter out = spec.commandLine().getOut();
        try (ProjectSession s = TamgaCommand.open(project)) {
            Document doc = document == null ? null : s.documents().resolve(document);
            List<SpeakerService.Speaker> speakers = s.speakers().speakers(doc);
            out.println("speaker\tturns\tdocuments\tcharacters");
            for (SpeakerService.Speaker p : speakers) {
                out.println(Output.field(p.name()) + "\t" + p.turns() + "\t" + p.documents() + "\t" + p.characters());
            }
            spec.commandLine().getErr().printf(Locale.ROOT, "%d speakers%n", speakers.size());
        }
        return 0;
    }

    @Command(name = "rename", description = {"Rename a speaker (everywhere, or in one document). If NEW is already a speaker,",
            "OLD is merged into it: e.g. `speakers rename P.tamga Q Interviewer`."})
    static final class Rename implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Parameters(index = "0", paramLabel = "PROJECT") String project;
        @Parameters(index = "1", paramLabel = "OLD") String from;
        @Parameters(index = "2", paramLabel = "NEW") String to;
        @Option(names = "--document", paramLabel = "NAME", description = "Only in this document.") String document;

        @Override
        public Integer call() {
            try (ProjectSession s = TamgaCommand.open(project)) {
                Document doc = document == null ? null : s.documents().resolve(document);
                int changed = s.speakers().rename(from, to, doc);
                spec.commandLine().getOut().printf(Locale.ROOT, "renamed \u201C%s\u201D to \u201C%s\u201D in %d turns%s%n", from, to.strip(), changed,
                        doc == null ? "" : " of " + doc.name());
            }
            return 0;
        }
    }
}
