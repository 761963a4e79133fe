package org.tamga.cli;

import org.tamga.core.CodingService;
import org.tamga.core.ProjectSession;
import org.tamga.model.Code;
import org.tamga.model.TamgaException;
import org.tamga.report.QuoteReport;
import org.tamga.report.QuoteWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.Locale;

@Command(name = "codings", description = {"Retrieval: every passage coded with a code (and the codes below it), with its document, position and text.",
        "--format docx or html --output FILE writes them as quotes for a paper: each passage with its document, paragraph,",
        "speaker, coder and memo, and some context before and after it (--context N characters, default 100)."})
final class CodingsCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Parameters(index = "0", paramLabel = "PROJECT") String project;
    @Option(names = "--code", paramLabel = "CODE", description = "Only this code (default: all codings).") String code;
    @Option(names = "--no-children", description = "Leave out the codes below CODE.") boolean noChildren;
    @Option(names = "--coder", paramLabel = "NAME", description = "Only this coder's codings (repeatable).") List<String> coders;
    @Option(names = "--speaker", paramLabel = "NAME", description = "Only codings in what this speaker said (overlapping one of their turns).") String speaker;
    @Option(names = "--format", defaultValue = "tsv", description = "tsv (default), json, docx or html (quotes; need --output)") Format format;
    @Option(names = "--output", paramLabel = "FILE", description = "The file to write (docx and html).") Path output;
    @Option(names = "--context", defaultValue = "100", paramLabel = "N", description = "Characters of context before and after each quote (docx and html; default 100).") int context;

    enum Format { tsv, json, docx, html }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        boolean quotes = format == Format.docx || format == Format.html;
        if (quotes && output == null) {
            throw new TamgaException("Give the file to write with --output, e.g. --format " + format + " --output quotes." + format + ".");
        }
        if (!quotes && output != null) {
            throw new TamgaException("--output is for --format docx or html; " + format + " is printed.");
        }
        try (ProjectSession s = TamgaCommand.open(project)) {
            Set<String> who = coders == null ? Set.of() : Set.copyOf(coders);
            Code asked = code == null ? null : s.codebook().resolve(code);
            List<CodingService.Segment> segments = asked == null ? s.coding().all(who, speaker)
                    : s.coding().retrieve(asked, !noChildren, who, speaker);
            if (quotes) {
                QuoteReport report = s.reports().quotes(segments, asked == null ? List.of() : List.of(asked), Output.atLeast("--context", context, 0));
                if (format == Format.docx) QuoteWriter.docx(report, output); else QuoteWriter.html(report, output);
                out.printf(Locale.ROOT, "wrote %s: %d %s in %d %s%n", output, report.quotes().size(), report.quotes().size() == 1 ? "passage" : "passages",
                        report.documents(), report.documents() == 1 ? "document" : "documents");
            } else if (format == Format.json) {
                List<Map<String, Object>> rows = new ArrayList<>();
                for (CodingService.Segment g : segments) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("document", g.document().name());
                    m.put("start", g.coding().start());
                    m.put("end", g.coding().end());
                    m.put("code", g.code().name());
                    m.put("code_path", g.codePath());
                    m.put("coder", g.coder());
                    m.put("text", g.text());
                    m.put("memo", g.coding().memo());
                    m.put("coding", g.coding().guid());
                    rows.add(m);
                }
                Output.json(out, rows);
            } else {
                out.println("document\tstart\tend\tcode\tcoder\ttext\tmemo\tcoding");
                for (CodingService.Segment g : segments) {
                    out.println(String.join("\t", Output.field(g.document().name()), String.valueOf(g.coding().start()),
                            String.valueOf(g.coding().end()), Output.field(g.code().name()), Output.field(g.coder()),
                            Output.field(g.text()), Output.field(g.coding().memo()), g.coding().guid()));
                }
                spec.commandLine().getErr().printf(Locale.ROOT, "%d codings%n", segments.size());
            }
        }
        return 0;
    }
}
