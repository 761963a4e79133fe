package org.tamga.cli;

import org.tamga.core.CodingService;
import org.tamga.core.ProjectSession;
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

@Command(name = "codings", description = "Retrieval: every passage coded with a code (and the codes below it), with its document, position and text.")
final class CodingsCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Parameters(index = "0", paramLabel = "PROJECT.tamga") Path project;
    @Option(names = "--code", paramLabel = "CODE", description = "Only this code (default: all codings).") String code;
    @Option(names = "--no-children", description = "Leave out the codes below CODE.") boolean noChildren;
    @Option(names = "--coder", paramLabel = "NAME", description = "Only this coder's codings (repeatable).") List<String> coders;
    @Option(names = "--speaker", paramLabel = "NAME", description = "Only codings in what this speaker said (overlapping one of their turns).") String speaker;
    @Option(names = "--format", defaultValue = "tsv", description = "tsv (default) or json") Output.Format format;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (ProjectSession s = ProjectSession.open(project)) {
            Set<String> who = coders == null ? Set.of() : Set.copyOf(coders);
            List<CodingService.Segment> segments = code == null ? s.coding().all(who, speaker)
                    : s.coding().retrieve(s.codebook().resolve(code), !noChildren, who, speaker);
            if (format == Output.Format.json) {
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
                spec.commandLine().getErr().printf("%d codings%n", segments.size());
            }
        }
        return 0;
    }
}
