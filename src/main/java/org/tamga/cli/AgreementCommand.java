package org.tamga.cli;

import org.tamga.core.AgreementService;
import org.tamga.core.AgreementUnit;
import org.tamga.core.ProjectSession;
import org.tamga.core.Scope;
import org.tamga.model.Code;
import org.tamga.model.Coding;
import org.tamga.model.TamgaException;
import org.tamga.report.AgreementReport;
import org.tamga.report.AgreementWriter;
import org.tamga.report.ReportWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

@Command(name = "agreement", description = {
        "Inter-coder agreement: per code, and over all codes, percent agreement, Cohen's kappa (two coders), Fleiss' kappa",
        "and Krippendorff's alpha on the unit, and Krippendorff's unitized alpha on the characters (DKPro Agreement).",
        "A coefficient that does not apply or is undefined is an empty cell; the note column says why.",
        "--by document gives the same per document; XLSX holds both tables.",
        "With --disagreements: the passages two coders coded differently (only one of them; boundaries that differ",
        "by more than --tolerance characters), by document and position."})
final class AgreementCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Parameters(index = "0", paramLabel = "PROJECT") String project;
    @Option(names = "--coders", required = true, split = ",", paramLabel = "A,B[,C…]", description = "The coders to compare (at least two; exactly two with --disagreements).")
    List<String> coders;
    @Option(names = "--codes", split = ",", paramLabel = "CODE,…", description = "Only these codes (default: every code one of the coders applied).")
    List<String> codes;
    @Option(names = "--code", paramLabel = "CODE", description = "Only this code (repeatable; for a name with a comma).")
    List<String> code;
    @Option(names = "--documents", split = ",", paramLabel = "NAME,…", description = "Only these documents.")
    List<String> documents;
    @Option(names = "--document", paramLabel = "NAME", description = "Only this document (repeatable; for a name with a comma).")
    List<String> document;
    @Option(names = "--attribute", paramLabel = "NAME=VALUE", description = "Only documents with this attribute value (repeatable: all must hold).")
    List<String> attributes;
    @Option(names = "--speaker", paramLabel = "NAME", description = "Only what this speaker said.")
    String speaker;
    @Option(names = "--unit", defaultValue = "character", paramLabel = "UNIT",
            description = "character (default: the characters one of the coders coded), turn, paragraph or document.")
    String unit;
    @Option(names = "--coverage", defaultValue = "whole", paramLabel = "whole|part",
            description = "A turn or paragraph counts as coded when the coder's codings cover all of it (whole, default; white space aside) or some of it (part).")
    String coverage;
    @Option(names = "--with-children", description = "Count the codings of the codes below a code as codings of it.")
    boolean withChildren;
    @Option(names = "--by", defaultValue = "code", paramLabel = "code|document", description = "code (default) or document.")
    String by;
    @Option(names = "--format", paramLabel = "csv|xlsx|tsv", description = "csv, xlsx or tsv (tsv without --output: to standard output).")
    String format;
    @Option(names = "--output", paramLabel = "FILE") Path output;
    @Option(names = "--disagreements", description = "List the passages the two coders coded differently instead.")
    boolean disagreements;
    @Option(names = "--tolerance", paramLabel = "N", description = "With --disagreements: boundaries that differ by at most N characters are the same (default 0).")
    Integer tolerance;

    @Override
    public Integer call() throws Exception {
        String fmt = format == null ? (disagreements ? "tsv" : null) : format.strip().toLowerCase(Locale.ROOT);
        if (fmt == null) throw new TamgaException("Say which format to write: --format csv, xlsx or tsv.");
        if (!List.of("csv", "xlsx", "tsv").contains(fmt)) throw new TamgaException("No format \u201C" + format + "\u201D (csv, xlsx or tsv).");
        if (!fmt.equals("tsv") && output == null) throw new TamgaException("Give --output FILE to write " + fmt + ".");
        if (!disagreements && tolerance != null) throw new TamgaException("--tolerance goes with --disagreements.");
        if (disagreements && fmt.equals("xlsx")) throw new TamgaException("Disagreements are written as tsv or csv.");
        AgreementUnit u = AgreementUnit.parse(unit);
        AgreementService.Coverage cov = AgreementService.Coverage.parse(coverage);
        String table = by.strip().toLowerCase(Locale.ROOT);
        if (!table.equals("code") && !table.equals("document")) throw new TamgaException("No --by \u201C" + by + "\u201D (code or document).");
        try (ProjectSession s = TamgaCommand.open(project)) {
            List<String> names = new ArrayList<>();
            if (documents != null) names.addAll(documents);
            if (document != null) names.addAll(document);
            Scope scope = new Scope(coders, TamgaCommand.documents(s, names, attributes), speaker);
            List<Code> wanted = new ArrayList<>();
            if (codes != null) for (String c : codes) if (!c.isBlank()) wanted.add(s.codebook().resolve(c));
            if (code != null) for (String c : code) wanted.add(s.codebook().resolve(c));
            if (disagreements) {
                disagreements(s, scope, wanted, fmt);
            } else {
                agreement(s, new AgreementService.Request(scope, wanted, withChildren, u, cov), fmt,
                        table.equals("code") ? AgreementWriter.Table.BY_CODE : AgreementWriter.Table.BY_DOCUMENT);
            }
        }
        return 0;
    }

    private void agreement(ProjectSession s, AgreementService.Request request, String fmt, AgreementWriter.Table table) throws java.io.IOException {
        AgreementReport report = s.agreement().agreement(request);
        PrintWriter out = spec.commandLine().getOut();
        switch (fmt) {
            case "csv" -> AgreementWriter.csv(report, table, output);
            case "xlsx" -> AgreementWriter.xlsx(report, table, output);
            default -> {
                if (output == null) { AgreementWriter.tsv(report, table, out); return; }
                AgreementWriter.tsv(report, table, output);
            }
        }
        AgreementReport.Values all = report.overall().values();
        out.printf(Locale.ROOT, "wrote %s: %d %s, %d %s (unit: %s; coders: %s); over all codes: percent agreement %s, Cohen's kappa %s, "
                        + "Fleiss' kappa %s, Krippendorff's alpha %s, unitized alpha %s%n",
                output, report.byCode().size() - 1, report.byCode().size() == 2 ? "code" : "codes", report.documents(),
                report.documents() == 1 ? "document" : "documents", report.unit(), String.join(", ", report.coders()),
                shown(all.percentAgreement()), shown(all.cohenKappa()), shown(all.fleissKappa()), shown(all.krippendorffAlpha()),
                shown(all.krippendorffAlphaUnitized()));
    }

    private static String shown(Double v) {
        return v == null ? "undefined" : BigDecimal.valueOf(v).setScale(4, RoundingMode.HALF_UP).toPlainString();
    }

    private void disagreements(ProjectSession s, Scope scope, List<Code> codes, String fmt) {
        if (coders.size() != 2) throw new TamgaException("Disagreements compare two coders: name two with --coders (" + coders.size() + " named).");
        List<AgreementService.Disagreement> found = s.agreement().disagreements(scope, codes, withChildren, tolerance == null ? 0 : tolerance);
        List<List<Object>> rows = new ArrayList<>();
        String a = spelled(s, coders.get(0)), b = spelled(s, coders.get(1));
        rows.add(List.of("document", "start", "end", "code", "kind", "codings_" + a, "codings_" + b, "difference", "text"));
        for (AgreementService.Disagreement d : found) {
            rows.add(List.of(d.document().name(), d.start(), d.end(), d.code().name(), d.kindLabel(), positions(d.codingsA()),
                    positions(d.codingsB()), d.difference(), d.text()));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (output == null) {
            for (List<Object> row : rows) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < row.size(); i++) {
                    Object v = row.get(i);
                    cells.add(v instanceof Number ? String.valueOf(v) : i == row.size() - 1 ? Output.fieldCut(String.valueOf(v), 80) : Output.field(String.valueOf(v)));
                }
                out.println(String.join("\t", cells));
            }
            return;
        }
        if (fmt.equals("csv")) {
            ReportWriter.csvRows(rows, output);
        } else {
            StringBuilder b2 = new StringBuilder();
            for (List<Object> row : rows) {
                b2.append(row.stream().map(v -> v instanceof Number ? String.valueOf(v) : Output.field(String.valueOf(v)))
                        .collect(Collectors.joining("\t"))).append('\n');
            }
            org.tamga.util.AtomicWrite.write(output, b2.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        Map<String, Integer> kinds = new LinkedHashMap<>();
        for (AgreementService.Disagreement d : found) kinds.merge(d.kindLabel(), 1, Integer::sum);
        out.printf(Locale.ROOT, "wrote %s: %d %s where %s and %s differ%s%n", output, found.size(), found.size() == 1 ? "passage" : "passages", a, b,
                kinds.isEmpty() ? "" : " (" + kinds.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")) + ")");
    }

    /** The coder's name as the project spells it (the core has refused names it does not know). */
    private static String spelled(ProjectSession s, String name) {
        return s.agreement().coderNames().stream().filter(n -> n.equalsIgnoreCase(name.strip())).findFirst().orElse(name.strip());
    }

    /** A coder's codings in a passage: "12–40; 50–60". */
    private static String positions(List<Coding> codings) {
        return codings.stream().map(c -> c.start() + "\u2013" + c.end()).collect(Collectors.joining("; "));
    }
}
