package org.tamga.cli;

import org.tamga.core.ProjectSession;
import org.tamga.report.FrequencyReport;
import org.tamga.report.ReportWriter;
import org.tamga.report.chart.BarChart;
import org.tamga.report.chart.Drawing;
import org.tamga.report.chart.Heatmap;
import org.tamga.report.chart.PngWriter;
import org.tamga.report.chart.SvgWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.Locale;

@Command(name = "report", description = "Reports for Excel, R and papers.", subcommands = {ReportCommand.Frequencies.class, ReportCommand.Chart.class,
        ReportCommand.CooccurrenceReport.class, ReportCommand.CrosstabReport.class, WordsCommand.Words.class, WordsCommand.StopWords.class})
final class ReportCommand {

    /** Whose codings a report counts: the same options for the table and the chart. */
    static final class Limits {
        @Option(names = "--coder", paramLabel = "NAME", description = "Only this coder's codings (repeatable).") List<String> coders;
        @Option(names = "--document", paramLabel = "NAME", description = "Only this document (repeatable).") List<String> documents;
        @Option(names = "--speaker", paramLabel = "NAME", description = "Only codings in what this speaker said, e.g. count codes only in the respondents' answers.") String speaker;
        @Option(names = "--attribute", paramLabel = "NAME=VALUE", description = "Only documents with this attribute value, their own or their case's (repeatable: all must hold), e.g. --attribute 性别=女.") List<String> attributes;

        org.tamga.core.Scope scope(ProjectSession s) {
            return new org.tamga.core.Scope(coders == null ? List.of() : coders, TamgaCommand.documents(s, documents, attributes), speaker);
        }

        FrequencyReport frequencies(ProjectSession s) {
            return s.reports().frequencies(coders == null ? List.of() : coders, TamgaCommand.documents(s, documents, attributes), speaker);
        }
    }

    enum Format { csv, xlsx }
    enum By { code, document }
    enum Layout { wide, long_ }

    @Command(name = "frequencies", description = {
            "The code frequency report: per code, codings, documents, share of documents and coded characters,",
            "each also with the codes below it; --by document gives the code × document matrix, --long the tidy table for R.",
            "CSV is UTF-8 with a byte-order mark (Excel shows Chinese correctly); XLSX holds all three tables."})
    static final class Frequencies implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Parameters(index = "0", paramLabel = "PROJECT") String project;
        @Option(names = "--by", defaultValue = "code", description = "code (default) or document (code × document matrix)") By by;
        @Option(names = "--long", description = "The long/tidy table: one row per code and document (for R).") boolean longLayout;
        @Option(names = "--format", required = true, description = "csv or xlsx") Format format;
        @Option(names = "--output", required = true, paramLabel = "FILE") Path output;
        @picocli.CommandLine.Mixin Limits limits;

        @Override
        public Integer call() {
            try (ProjectSession s = TamgaCommand.open(project)) {
                FrequencyReport report = limits.frequencies(s);
                ReportWriter.Table table = longLayout ? ReportWriter.Table.LONG
                        : by == By.document ? ReportWriter.Table.MATRIX : ReportWriter.Table.FREQUENCIES;
                if (format == Format.csv) ReportWriter.csv(report, table, output); else ReportWriter.xlsx(report, table, output);
                spec.commandLine().getOut().printf(Locale.ROOT, "wrote %s: %d codes × %d documents%n", output, report.rows().size(), report.documents().size());
            }
            return 0;
        }
    }

    enum ChartFormat { png, svg }

    @Command(name = "chart", description = {
            "The codings-per-code bar chart for a paper (whole bilingual labels, the codes' colours, sub-codes under",
            "their parent, integer ticks), or with --heatmap the code × document matrix as a heatmap; as PNG at print",
            "resolution (the dpi recorded in the file) or as SVG. Chinese and Mongolian are drawn in the fonts Tamga ships."})
    static final class Chart implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Parameters(index = "0", paramLabel = "PROJECT") String project;
        @Option(names = "--format", required = true, description = "png or svg") ChartFormat format;
        @Option(names = "--output", required = true, paramLabel = "FILE") Path output;
        @Option(names = "--heatmap", description = "The code × document heatmap instead of the bar chart.") boolean heatmap;
        @Option(names = "--dpi", defaultValue = "300", description = "Resolution of a PNG (default 300).") int dpi;
        @picocli.CommandLine.Mixin Limits limits;

        @Override
        public Integer call() {
            if (format == ChartFormat.png && (dpi < 36 || dpi > 2400)) {
                throw new org.tamga.model.TamgaException("Give --dpi between 36 and 2400 (not " + dpi + ").");
            }
            try (ProjectSession s = TamgaCommand.open(project)) {
                FrequencyReport report = limits.frequencies(s);
                Drawing d = heatmap ? Heatmap.layout(report, Heatmap.Options.english(report)) : BarChart.layout(report, BarChart.Options.english(report));
                if (format == ChartFormat.png) PngWriter.write(d, dpi, output); else SvgWriter.write(d, output);
                String size = format == ChartFormat.png
                        ? PngWriter.pixels(d.width(), dpi) + " × " + PngWriter.pixels(d.height(), dpi) + " px at " + dpi + " dpi"
                        : Math.round(d.width()) + " × " + Math.round(d.height()) + " px";
                spec.commandLine().getOut().printf(Locale.ROOT, "wrote %s: %s, %d codes × %d documents (%s)%n", output, heatmap ? "heatmap" : "bar chart",
                        org.tamga.report.chart.CodeRows.of(report).size(), report.documents().size(), size);
            }
            return 0;
        }
    }

    /** Refuses, before anything is written, a chart file that is neither .png nor .svg, or a resolution out of range. */
    static void checkChart(Path file, int dpi) {
        if (file == null) return;
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".svg") && !name.endsWith(".png")) {
            throw new org.tamga.model.TamgaException("Give the chart a file name ending in .png or .svg (not \u201C" + file.getFileName() + "\u201D).");
        }
        if (name.endsWith(".png") && (dpi < 36 || dpi > 2400)) throw new org.tamga.model.TamgaException("Give --dpi between 36 and 2400 (not " + dpi + ").");
    }

    /** A chart written beside a table: PNG or SVG by the file's extension (checked with {@link #checkChart}). */
    static String writeChart(Drawing d, Path file, int dpi) {
        checkChart(file, dpi);
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".svg")) {
            SvgWriter.write(d, file);
            return Math.round(d.width()) + " × " + Math.round(d.height()) + " px";
        }
        PngWriter.write(d, dpi, file);
        return PngWriter.pixels(d.width(), dpi) + " × " + PngWriter.pixels(d.height(), dpi) + " px at " + dpi + " dpi";
    }

    enum ChartMeasure { count, jaccard, c }

    @Command(name = "cooccurrence", description = {
            "Which codes occur together: for every pair of codes, how often, in how many documents, the Jaccard index and",
            "the c-coefficient (as ATLAS.ti reports it). --rule says when two codings count as together: overlap (they share",
            "a character; the default), distance:N (at most N characters apart), turn, paragraph or document (in one unit).",
            "CSV: the code × code matrix of co-occurrences, or with --long one row per pair of codes (code_a,code_b,",
            "cooccurrences,documents,jaccard,c_coefficient,…) for R; XLSX: the matrices of each measure, shaded, and the long table."})
    static final class CooccurrenceReport implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Parameters(index = "0", paramLabel = "PROJECT") String project;
        @Option(names = "--rule", defaultValue = "overlap", paramLabel = "RULE", description = "overlap (default), distance:N, turn, paragraph or document") String rule;
        @Option(names = "--with-children", description = "Count a code's codings for the codes above it too.") boolean withChildren;
        @Option(names = "--long", description = "The long/tidy table: one row per pair of codes (for R).") boolean longLayout;
        @Option(names = "--format", required = true, description = "csv or xlsx") Format format;
        @Option(names = "--output", required = true, paramLabel = "FILE") Path output;
        @Option(names = "--chart", paramLabel = "FILE.png|FILE.svg", description = "Also draw the heatmap of the codes that co-occur.") Path chart;
        @Option(names = "--measure", defaultValue = "count", description = "What the heatmap shows: count (default), jaccard or c.") ChartMeasure measure;
        @Option(names = "--dpi", defaultValue = "300", description = "Resolution of a PNG chart (default 300).") int dpi;
        @picocli.CommandLine.Mixin Limits limits;

        @Override
        public Integer call() {
            org.tamga.report.Cooccurrence.Rule r = org.tamga.report.Cooccurrence.Rule.parse(rule);
            checkChart(chart, dpi);
            try (ProjectSession s = TamgaCommand.open(project)) {
                var table = s.analysis().cooccurrence(limits.scope(s), r, withChildren);
                if (format == Format.csv) org.tamga.report.AnalysisWriter.csv(table, longLayout, output);
                else org.tamga.report.AnalysisWriter.xlsx(table, output);
                var out = spec.commandLine().getOut();
                int pairs = table.nonEmptyPairs().size();
                out.printf(Locale.ROOT, "wrote %s: %d codes, %d %s together (rule %s) in %d documents%n", output, table.codes().size(), pairs,
                        pairs == 1 ? "pair occurs" : "pairs occur", r.label(), table.documentCount());
                if (chart != null) {
                    var m = switch (measure) {
                        case count -> org.tamga.report.chart.AnalysisCharts.Measure.COOCCURRENCES;
                        case jaccard -> org.tamga.report.chart.AnalysisCharts.Measure.JACCARD;
                        case c -> org.tamga.report.chart.AnalysisCharts.Measure.C_COEFFICIENT;
                    };
                    String legend = switch (measure) {
                        case count -> "Co-occurrences";
                        case jaccard -> "Jaccard index";
                        case c -> "c-coefficient";
                    };
                    Drawing d = Heatmap.layout(org.tamga.report.chart.AnalysisCharts.grid(table, m),
                            org.tamga.report.chart.AnalysisCharts.options("Code co-occurrence", "rule: " + r.label() + ", "
                                    + table.documentCount() + " documents", legend));
                    out.printf(Locale.ROOT, "wrote %s: heatmap (%s)%n", chart, writeChart(d, chart, dpi));
                }
            }
            return 0;
        }
    }

    @Command(name = "crosstab", description = {
            "Codes × the values of an attribute (--by 职业, or two nested: --by 职业,旗县) or × cases (--by-case): per cell",
            "codings, documents, cases and coded characters, with totals. A document with no value counts under “(no value)”;",
            "one with two values through two cases under both. Number and date attributes can be banded: --bands 年龄=40,60.",
            "CSV: the table of --count (default codings), as counts or --percent row|column; --long one row per code and",
            "value with every count (code,attribute,value,codings,documents,…) for R. XLSX: counts, row %, column %, long, a chart."})
    static final class CrosstabReport implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Parameters(index = "0", paramLabel = "PROJECT") String project;
        @Option(names = "--by", split = ",", paramLabel = "ATTRIBUTE", description = "One attribute, or two (comma between) to nest.") List<String> by;
        @Option(names = "--by-case", description = "A column per case instead.") boolean byCase;
        @Option(names = "--bands", paramLabel = "ATTRIBUTE=B1,B2,…", description = "Where the bands of a number or date attribute start (repeatable), e.g. 年龄=40,60.") List<String> bands;
        @Option(names = "--count", defaultValue = "codings", description = "codings (default), documents, cases or characters") String count;
        @Option(names = "--percent", description = "row or column: cells as percentages of the row's or the column's total.") String percent;
        @Option(names = "--with-children", description = "A code's row counts the codings of the codes below it too.") boolean withChildren;
        @Option(names = "--long", description = "The long/tidy table (for R).") boolean longLayout;
        @Option(names = "--format", required = true, description = "csv or xlsx") Format format;
        @Option(names = "--output", required = true, paramLabel = "FILE") Path output;
        @Option(names = "--chart", paramLabel = "FILE.png|FILE.svg", description = "Also draw the table as a heatmap.") Path chart;
        @Option(names = "--dpi", defaultValue = "300", description = "Resolution of a PNG chart (default 300).") int dpi;
        @picocli.CommandLine.Mixin Limits limits;

        @Override
        public Integer call() {
            if ((by == null || by.isEmpty()) == !byCase) throw new org.tamga.model.TamgaException("Give either --by ATTRIBUTE[,ATTRIBUTE] or --by-case.");
            checkChart(chart, dpi);
            org.tamga.report.Crosstab.Count c = org.tamga.report.Crosstab.Count.parse(count);
            org.tamga.report.Crosstab.Percent p = percent == null ? org.tamga.report.Crosstab.Percent.NONE : switch (percent.strip().toLowerCase(Locale.ROOT)) {
                case "row" -> org.tamga.report.Crosstab.Percent.ROW;
                case "column" -> org.tamga.report.Crosstab.Percent.COLUMN;
                default -> throw new org.tamga.model.TamgaException("Give --percent row or --percent column (not \u201C" + percent + "\u201D).");
            };
            java.util.Map<String, org.tamga.core.Bands> banded = new java.util.LinkedHashMap<>();
            if (bands != null) {
                for (String b : bands) {
                    int eq = b.indexOf('=');
                    if (eq <= 0) throw new org.tamga.model.TamgaException("Give bands as ATTRIBUTE=B1,B2,…, e.g. --bands 年龄=40,60 (not \u201C" + b + "\u201D).");
                    banded.put(b.substring(0, eq).strip(), org.tamga.core.Bands.parse(b.substring(eq + 1)));
                }
            }
            if (byCase && !banded.isEmpty()) throw new org.tamga.model.TamgaException("--bands goes with --by, not with --by-case.");
            try (ProjectSession s = TamgaCommand.open(project)) {
                org.tamga.core.AnalysisService.Columns columns = byCase ? new org.tamga.core.AnalysisService.ByCase()
                        : new org.tamga.core.AnalysisService.ByAttributes(by.stream().map(String::strip).toList(), banded);
                for (String name : banded.keySet()) {
                    if (by.stream().noneMatch(a -> a.strip().equalsIgnoreCase(name))) {
                        throw new org.tamga.model.TamgaException("--bands names \u201C" + name + "\u201D, which is not an attribute given with --by.");
                    }
                }
                var table = s.analysis().crosstab(limits.scope(s), columns, withChildren);
                if (format == Format.csv) org.tamga.report.AnalysisWriter.csv(table, c, p, longLayout, output);
                else org.tamga.report.AnalysisWriter.xlsx(table, c, output);
                var out = spec.commandLine().getOut();
                out.printf(Locale.ROOT, "wrote %s: %d codes × %d %s (%s), %d codings in %d documents%n", output, table.codes().size(),
                        table.columns().size(), byCase ? "cases" : "values", String.join(" × ", table.dimensions()),
                        table.total().codings(), table.total().documents());
                if (chart != null) {
                    String what = byCase ? "case" : String.join(" × ", table.dimensions());
                    Drawing d = Heatmap.layout(org.tamga.report.chart.AnalysisCharts.grid(table, c, p),
                            org.tamga.report.chart.AnalysisCharts.options("Codes by " + what,
                                    c.label() + (p == org.tamga.report.Crosstab.Percent.NONE ? "" : ", % of each " + (p == org.tamga.report.Crosstab.Percent.ROW ? "row" : "column")),
                                    p == org.tamga.report.Crosstab.Percent.NONE ? capitalised(c.label()) : "Percent"));
                    out.printf(Locale.ROOT, "wrote %s: heatmap (%s)%n", chart, writeChart(d, chart, dpi));
                }
            }
            return 0;
        }

        private static String capitalised(String s) { return s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1); }
    }
}
