package org.tamga.cli;

import org.tamga.core.AutocodeService;
import org.tamga.core.CodingUnit;
import org.tamga.core.ProjectSession;
import org.tamga.core.SearchService;
import org.tamga.model.Code;
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

@Command(name = "autocode", description = {
        "Code every hit of a search at once: the match itself, or the sentence, speaker turn or paragraph around it.",
        "Hits in one passage become one coding; a passage the coder has already coded with CODE is left as it is.",
        "A turn is the stored speaker turn; where a document has no turn there, the paragraph is coded (and counted).",
        "QUERY is written as for `search`; --document, --attribute, --speaker, --coded and --not-coded limit the hits as there."})
final class AutocodeCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Parameters(index = "0", paramLabel = "PROJECT") String project;
    @Parameters(index = "1", paramLabel = "QUERY") String query;
    @Option(names = "--code", required = true, paramLabel = "CODE", description = "The code to apply.") String code;
    @Option(names = "--unit", defaultValue = "sentence", paramLabel = "UNIT",
            description = "What is coded around each hit: match, sentence (default), turn or paragraph.") String unit;
    @Option(names = "--coder", paramLabel = "NAME", description = "Who codes (default: your user name).") String coder;
    @Option(names = "--dry-run", description = "Only list the passages that would be coded; change nothing.") boolean dryRun;
    @Option(names = "--document", paramLabel = "NAME", description = "Only hits in this document (repeatable).") List<String> documents;
    @Option(names = "--attribute", paramLabel = "NAME=VALUE", description = "Only documents with this attribute value, their own or their case's (repeatable: all must hold).") List<String> attributes;
    @Option(names = "--speaker", paramLabel = "NAME", description = "Only hits in what this speaker said.") String speaker;
    @Option(names = "--coded", paramLabel = "CODE", description = "Only hits inside passages coded with this code (or one below it).") String coded;
    @Option(names = "--not-coded", paramLabel = "CODE", description = "Only hits outside every passage coded with this code.") String notCoded;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        CodingUnit codingUnit = CodingUnit.parse(unit);
        try (ProjectSession s = TamgaCommand.open(project)) {
            Code target = s.codebook().resolve(code);
            SearchService.Request request = SearchService.Request.of(query).context(0).limit(Integer.MAX_VALUE)
                    .inDocuments(TamgaCommand.documents(s, documents, attributes));
            if (coded != null) request = request.codedWith(s.codebook().resolve(coded));
            if (notCoded != null) request = request.notCodedWith(s.codebook().resolve(notCoded));
            if (speaker != null) request = request.spokenBy(speaker);
            AutocodeService.Plan plan = s.autocode().plan(request, codingUnit, target, coder);
            if (plan.hits() == 0) {
                out.println("No hits for \u201C" + query + "\u201D: nothing to code.");
                return 0;
            }
            if (dryRun) {
                out.println("document\tstart\tend\tunit\thits\ttext");
                for (AutocodeService.Passage p : plan.toCode()) {
                    out.println(String.join("\t", Output.field(p.document().name()), String.valueOf(p.start()), String.valueOf(p.end()),
                            p.unit().label(), String.valueOf(p.hits()), Output.field(p.text())));
                }
                out.println(summary("Would code", plan) + " Nothing was changed (--dry-run).");
            } else {
                AutocodeService.Applied applied = s.autocode().apply(plan);
                out.println(summary("Coded", plan));
                if (applied.skipped() > 0) out.printf(Locale.ROOT, "(%d of them were coded meanwhile and left as they were.)%n", applied.skipped());
            }
        }
        return 0;
    }

    /** "Coded 12 passages in 4 documents with “草场 · Grassland” (unit: sentence; 3 already coded)." */
    static String summary(String verb, AutocodeService.Plan plan) {
        StringBuilder b = new StringBuilder(verb).append(' ').append(Output.count(plan.passages(), "passage")).append(" in ")
                .append(Output.count(plan.documentsToCode(), "document")).append(" with \u201C").append(plan.code().name())
                .append("\u201D (unit: ").append(plan.unit().label()).append("; ").append(plan.alreadyCoded().size()).append(" already coded");
        if (plan.paragraphsForTurns() > 0) {
            b.append("; ").append(Output.count(plan.paragraphsForTurns(), "paragraph")).append(" instead of turns, where there is no turn");
        }
        if (plan.truncated()) b.append("; the search stopped at its limit");
        return b.append(").").toString();
    }
}
