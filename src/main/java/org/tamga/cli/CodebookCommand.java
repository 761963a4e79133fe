package org.tamga.cli;

import org.tamga.core.CodebookService;
import org.tamga.core.ProjectSession;
import org.tamga.exchange.CodebookFile;
import org.tamga.exchange.CodebookMarkdown;
import org.tamga.util.AtomicWrite;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "codebook", description = "Exchange codebooks as REFI-QDA .qdc files (NVivo, ATLAS.ti, MAXQDA, QualCoder).",
        subcommands = {CodebookCommand.Import.class, CodebookCommand.Export.class, CodebookCommand.Render.class})
final class CodebookCommand {

    @Command(name = "import", description = "Merge a .qdc codebook into the project; differences are reported as conflicts, the project's version is kept.")
    static final class Import implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Parameters(index = "0", paramLabel = "PROJECT.tamga") Path project;
        @Parameters(index = "1", paramLabel = "FILE.qdc") Path file;

        @Override public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (ProjectSession s = ProjectSession.open(project)) {
                CodebookService.MergeReport r = s.codebook().importQdc(file);
                for (String w : r.warnings()) out.println("warning   " + w);
                for (String c : r.conflicts()) out.println("conflict  " + c);
                out.printf(Locale.ROOT, "%d codes added, %d already there, %d completed from the file, %d conflicts.%n",
                        r.added(), r.unchanged(), r.filledIn(), r.conflicts().size());
            }
            return 0;
        }
    }

    @Command(name = "export", description = "Write the project's codebook as .qdc (REFI-QDA) or .md (readable).")
    static final class Export implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Parameters(index = "0", paramLabel = "PROJECT.tamga") Path project;
        @Parameters(index = "1", paramLabel = "FILE.qdc|FILE.md") Path file;

        @Override public Integer call() {
            try (ProjectSession s = ProjectSession.open(project)) {
                if (file.toString().toLowerCase(Locale.ROOT).endsWith(".md")) s.codebook().exportMarkdown(file);
                else s.codebook().exportQdc(file);
                spec.commandLine().getOut().printf(Locale.ROOT, "wrote %s (%d codes)%n", file, s.codebook().codebook().size());
            }
            return 0;
        }
    }

    @Command(name = "render", description = "Render a .qdc codebook file as Markdown (no project needed).")
    static final class Render implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Parameters(index = "0", paramLabel = "FILE.qdc") Path file;
        @Parameters(index = "1", paramLabel = "FILE.md") Path output;
        @picocli.CommandLine.Option(names = "--title", paramLabel = "TEXT", description = "The heading (default: from the file name).") String title;

        @Override public Integer call() {
            var contents = CodebookFile.read(file);
            String name = file.getFileName().toString().replaceFirst("\\.qdc$", "");
            AtomicWrite.write(output, CodebookMarkdown.render(title != null ? title : title(name), contents.codes()).getBytes(StandardCharsets.UTF_8));
            spec.commandLine().getOut().println("wrote " + output);
            return 0;
        }

        static String title(String fileBaseName) {
            return "Codebook: " + fileBaseName.replace('-', ' ');
        }
    }
}
