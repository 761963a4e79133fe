package org.tamga.cli;

import org.tamga.core.CaseService;
import org.tamga.core.ProjectSession;
import org.tamga.model.Attribute;
import org.tamga.model.Case;
import org.tamga.model.Document;
import org.tamga.model.TamgaException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.Locale;

/** Cases and attributes on the command line: {@code attributes}, {@code attribute}, {@code cases}, {@code case}. */
final class CasesCommand {
    private CasesCommand() {}

    @Command(name = "attributes", description = {"The attributes of every document as a table (TSV; for R, Excel):",
            "document, its cases, then one column per attribute. A document's value is its own, else that of its cases."})
    static final class Attributes implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Parameters(index = "0", paramLabel = "PROJECT") String project;
        @Option(names = "--own", description = "Only the documents' own values, not those they have through their cases.") boolean own;

        @Override public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (ProjectSession s = TamgaCommand.open(project)) {
                List<Attribute> attributes = s.cases().attributes();
                List<String> header = new ArrayList<>(List.of("document", "cases"));
                attributes.forEach(a -> header.add(Output.field(a.name())));
                out.println(String.join("\t", header));
                for (CaseService.DocumentAttributes row : s.cases().table()) {
                    Map<String, String> values = own ? row.own() : row.values();
                    List<String> line = new ArrayList<>(List.of(Output.field(row.document().name()), Output.field(String.join("; ", row.cases()))));
                    for (Attribute a : attributes) line.add(Output.field(values.getOrDefault(a.name(), "")));
                    out.println(String.join("\t", line));
                }
                spec.commandLine().getErr().println(attributes.stream().map(a -> a.name() + " (" + a.type().word() + ")")
                        .collect(Collectors.joining(", ", attributes.size() + " attributes" + (attributes.isEmpty() ? "" : ": "), "")));
            }
            return 0;
        }
    }

    /** Whose value is set: a document's or a case's. */
    static final class Target {
        @Option(names = "--document", paramLabel = "NAME", required = true, description = "The document whose value this is.") String document;
        @Option(names = "--case", paramLabel = "NAME", required = true, description = "The case whose value this is.") String caseName;
    }

    @Command(name = "attribute", description = {"Set the value of an attribute for a document or a case (an empty VALUE removes it):",
            "`attribute P.tamga --document 访谈01 Gender female`, `attribute P.tamga --case \"Household 12\" Herd 120 --type integer`.",
            "An attribute the project does not have yet is made, as text unless --type says otherwise."})
    static final class Set implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Parameters(index = "0", paramLabel = "PROJECT") String project;
        @Parameters(index = "1", paramLabel = "ATTRIBUTE") String attribute;
        @Parameters(index = "2", paramLabel = "VALUE") String value;
        @ArgGroup(exclusive = true, multiplicity = "1") Target target;
        @Option(names = "--type", paramLabel = "TYPE", description = "text, integer, float, boolean, date or datetime (for a new attribute).") String type;

        @Override public Integer call() {
            Attribute.Type t = null;
            if (type != null) {
                t = Attribute.Type.of(type);
                if (t == null) throw new TamgaException("Unknown attribute type \u201C" + type + "\u201D: use text, integer, float, boolean, date or datetime.");
            }
            try (ProjectSession s = TamgaCommand.open(project)) {
                String stored;
                String whose;
                if (target.document != null) {
                    Document d = s.documents().resolve(target.document);
                    stored = s.cases().setValue(d, attribute, value, t);
                    whose = "the document " + d.name();
                } else {
                    Case c = s.cases().resolveCase(target.caseName);
                    stored = s.cases().setValue(c, attribute, value, t);
                    whose = "the case " + c.name();
                }
                Attribute a = s.cases().attribute(attribute);
                spec.commandLine().getOut().println(stored == null ? "removed the value of " + a.name() + " for " + whose
                        : a.name() + " (" + a.type().word() + ") = " + stored + " for " + whose);
            }
            return 0;
        }
    }

    @Command(name = "cases", description = "List the cases with their documents and attribute values.")
    static final class Cases implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Parameters(index = "0", paramLabel = "PROJECT") String project;

        @Override public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (ProjectSession s = TamgaCommand.open(project)) {
                List<CaseService.CaseView> cases = s.cases().caseViews();
                out.println("case\tdocuments\tattributes\tmemo");
                for (CaseService.CaseView v : cases) {
                    out.println(String.join("\t", Output.field(v.c().name()),
                            Output.field(v.documents().stream().map(Document::name).collect(Collectors.joining("; "))),
                            Output.field(v.values().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; "))),
                            Output.field(v.c().memo() == null ? "" : v.c().memo())));
                }
                spec.commandLine().getErr().printf(Locale.ROOT, "%d cases%n", cases.size());
            }
            return 0;
        }
    }

    @Command(name = "case", description = {"Put documents in a case (made if the project has no case of that name), or take them out:",
            "`case P.tamga \"Household 12\" --document 访谈01 --document 访谈02`."})
    static final class CaseCmd implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Parameters(index = "0", paramLabel = "PROJECT") String project;
        @Parameters(index = "1", paramLabel = "NAME") String name;
        @Option(names = "--document", paramLabel = "NAME", description = "A document of the case (repeatable).") List<String> documents = new ArrayList<>();
        @Option(names = "--remove", description = "Take the documents out of the case instead.") boolean remove;
        @Option(names = "--memo", paramLabel = "TEXT", description = "The case's memo, for a new case.") String memo;

        @Override public Integer call() {
            try (ProjectSession s = TamgaCommand.open(project)) {
                List<Document> docs = documents.stream().map(s.documents()::resolve).toList();
                PrintWriter out = spec.commandLine().getOut();
                if (remove) {
                    Case c = s.cases().resolveCase(name);
                    out.printf(Locale.ROOT, "took %d of %d documents out of the case %s%n", s.cases().removeFromCase(c, docs), docs.size(), c.name());
                } else {
                    boolean exists = s.cases().findCase(name).isPresent();
                    if (!exists) s.cases().createCase(name, memo);
                    int added = s.cases().addToCase(name, docs);
                    out.printf(Locale.ROOT, "%s the case %s: %d documents added%n", exists ? "extended" : "made", s.cases().resolveCase(name).name(), added);
                }
            }
            return 0;
        }
    }
}
