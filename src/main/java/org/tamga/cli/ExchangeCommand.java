package org.tamga.cli;

import org.tamga.core.CacheFolders;
import org.tamga.core.ExchangeService;
import org.tamga.core.ProjectSession;
import org.tamga.core.QdpxImportReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.Locale;

/** Whole projects exchanged with NVivo, ATLAS.ti, MAXQDA, QualCoder and Taguette as REFI-QDA .qdpx files. */
final class ExchangeCommand {
    private ExchangeCommand() {}

    @Command(name = "qdpx", description = {
            "Import a REFI-QDA project (.qdpx from NVivo, ATLAS.ti, MAXQDA, QualCoder, Taguette, Tamga) into a NEW project file.",
            "Text sources (DOCX and PDF sources without plain text read as `import` reads such files), codes, codings, coders and",
            "notes are imported; what cannot be carried over is listed with the reason.",
            "PROJECT.tamga must not exist yet."})
    static final class ImportQdpx implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Parameters(index = "0", paramLabel = "FILE.qdpx") Path file;
        @Parameters(index = "1", paramLabel = "PROJECT.tamga") Path project;
        @Option(names = "--sources", paramLabel = "FOLDER",
                description = "Where to look for files the archive names relative:// (default: the folder of FILE.qdpx).")
        Path sources;

        @Override public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            Path external = sources != null ? sources : file.toAbsolutePath().getParent();
            QdpxImportReport r = ExchangeService.importQdpx(file, project, external, CacheFolders.root());
            out.printf(Locale.ROOT, "imported  %s%s into %s%n", r.file(), r.origin() == null ? "" : " (made by " + r.origin() + ")", r.project().getFileName());
            out.printf(Locale.ROOT, "          %d documents, %d codes, %d codings, %d coders, %d memos, %d attributes, %d cases%n",
                    r.documents(), r.codes(), r.codings(), r.coders(), r.memos(), r.attributes(), r.cases());
            out.println("positions " + r.positions().replaceFirst("^positions:? ", ""));
            for (String a : r.adjusted()) out.println("changed   " + a);
            for (String s : r.skipped()) out.println("skipped   " + s);
            for (String w : r.warnings()) out.println("warning   " + w);
            out.printf(Locale.ROOT, "%d changed in the carrying over, %d not carried over, %d warnings.%n",
                    r.adjusted().size(), r.skipped().size(), r.warnings().size());
            return 0;
        }
    }

    @Command(name = "export", description = "Export a whole project for other tools.", subcommands = ExportQdpx.class)
    static final class Export implements Runnable {
        @Spec CommandSpec spec;

        @Override public void run() { spec.commandLine().usage(spec.commandLine().getOut()); }
    }

    @Command(name = "qdpx", description = {
            "Write the project as a REFI-QDA project (.qdpx) for NVivo, ATLAS.ti, MAXQDA, QualCoder:",
            "coders, the codebook, every document as UTF-8 text with its codings (positions in code points), memos as notes.",
            "The project.qde inside is checked against the REFI-QDA project schema."})
    static final class ExportQdpx implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Parameters(index = "0", paramLabel = "PROJECT") String project;
        @Parameters(index = "1", paramLabel = "FILE.qdpx") Path file;

        @Override public Integer call() {
            try (ProjectSession s = TamgaCommand.open(project)) {
                ExchangeService.ExportReport r = s.exchange().exportQdpx(file);
                spec.commandLine().getOut().printf(Locale.ROOT, "wrote %s: %d documents, %d codes, %d codings, %d coders, %d memos, %d attributes, %d cases%n",
                        file, r.documents(), r.codes(), r.codings(), r.coders(), r.memos(), r.attributes(), r.cases());
            }
            return 0;
        }
    }
}
