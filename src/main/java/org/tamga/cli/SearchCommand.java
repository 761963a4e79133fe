package org.tamga.cli;

import org.tamga.core.ProjectSession;
import org.tamga.core.SearchService;
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
import java.util.concurrent.Callable;
import java.util.Locale;

@Command(name = "search", description = {
        "Search all documents. Every hit is printed with its document, start and end (code points) and a keyword-in-context line.",
        "Query syntax: words (all must occur), \"a phrase\" (its text exactly), AND, OR, wildcards (train*, wom?n, 草?), fuzzy (herder~),",
        "proximity (\"grassland subsidy\"~5, grassland NEAR/5 subsidy), 草场 SAMETURN 补贴 (in one speaker turn),",
        "草场 NOT 补贴 (hits of 草场 in turns without 补贴; --exclude-documents: in documents without it).",
        "Chinese is matched character by character, so 贫困 also finds 贫困户; simplified and traditional find each other (草场, 草場)."})
final class SearchCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Parameters(index = "0", paramLabel = "PROJECT") String project;
    @Parameters(index = "1", paramLabel = "QUERY") String query;
    @Option(names = "--format", defaultValue = "tsv", description = "tsv (default) or json") Output.Format format;
    @Option(names = "--context", defaultValue = "40", paramLabel = "N", description = "Characters of context on either side (default 40).") int context;
    @Option(names = "--document", paramLabel = "NAME", description = "Only this document (repeatable).") List<String> documents;
    @Option(names = "--attribute", paramLabel = "NAME=VALUE", description = "Only documents with this attribute value, their own or their case's (repeatable: all must hold).") List<String> attributes;
    @Option(names = "--coded", paramLabel = "CODE", description = "Only hits inside passages coded with CODE (or a code below it).") String coded;
    @Option(names = "--not-coded", paramLabel = "CODE", description = "Only hits outside every passage coded with CODE: where was the theme missed?") String notCoded;
    @Option(names = "--speaker", paramLabel = "NAME", description = "Only hits in what this speaker said (e.g. Respondent, 受访者); see `tamga speakers`.") String speaker;
    @Option(names = "--exclude-documents", description = "NOT (and -word) leaves out whole documents that have the word, not only the speaker turns (paragraphs) that have it.") boolean excludeDocuments;
    @Option(names = "--no-simplified-traditional", description = "Chinese as written: 草场 does not find 草場 (by default simplified and traditional characters find each other).") boolean asWritten;
    @Option(names = "--limit", defaultValue = "10000", paramLabel = "N", description = "At most N hits (default 10000).") int limit;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (ProjectSession s = TamgaCommand.open(project)) {
            SearchService.Request request = SearchService.Request.of(query).context(Output.atLeast("--context", context, 0)).limit(Output.atLeast("--limit", limit, 1))
                    .inDocuments(TamgaCommand.documents(s, documents, attributes));
            if (coded != null) request = request.codedWith(s.codebook().resolve(coded));
            if (notCoded != null) request = request.notCodedWith(s.codebook().resolve(notCoded));
            if (speaker != null) request = request.spokenBy(speaker);
            request = request.excludeDocuments(excludeDocuments).chineseVariants(!asWritten);
            SearchService.Result result = s.search().search(request);
            if (format == Output.Format.json) {
                List<Map<String, Object>> hits = new ArrayList<>();
                for (SearchService.Hit h : result.hits()) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("document", h.document().name());
                    m.put("start", h.start());
                    m.put("end", h.end());
                    m.put("match", h.match());
                    m.put("context", h.context().line());
                    m.put("left", h.context().left());
                    m.put("right", h.context().right());
                    hits.add(m);
                }
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("query", query);
                doc.put("hits", hits);
                doc.put("count", hits.size());
                doc.put("documents", result.documents());
                doc.put("truncated", result.truncated());
                Output.json(out, doc);
            } else {
                out.println("document\tstart\tend\tmatch\tcontext");
                for (SearchService.Hit h : result.hits()) {
                    out.println(Output.field(h.document().name()) + "\t" + h.start() + "\t" + h.end() + "\t"
                            + Output.field(h.match()) + "\t" + Output.field(h.context().line()));
                }
                spec.commandLine().getErr().printf(Locale.ROOT, "%s in %s%s%n", Output.count(result.hits().size(), "hit"), Output.count(result.documents(), "document"),
                        result.truncated() ? " (stopped at --limit " + limit + ")" : "");
            }
        }
        return 0;
    }
}
