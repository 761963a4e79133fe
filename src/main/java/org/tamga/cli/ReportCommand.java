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

@Command(name = "report", description = "Reports for Excel, R and papers.", subcommands = {ReportCommand.Frequencies.class, ReportCommand.Chart.class, WordsCommand.Words.class, WordsCommand.StopWords.class})
final class ReportCommand {

    /** Whose codings a report counts: the same options for the table and the chart. */
    static final class Limits {
        @Option(names = "--coder", paramLabel = "NAME", description = "Only this coder's codings (repeatable).") List<String> coders;
        @Option(names = "--document", paramLabel = "NAME", description = "Only this document (repeatable).") List<String> documents;
        @Option(names = "--speaker", paramLabel = "NAME", description = "Only codings in what this speaker said, e.g. count codes only in the respondents' answers.") String speaker;
        @Option(names = "--attribute", paramLabel = "NAME=VALUE", description = "Only documents with this attribute value, their own or their case's (repeatable: all must hold), e.g. --attribute 性别=女.") List<String> attributes;

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
        @Parameters(index = "0", paramLabel = "PROJECT.tamga") Path project;
        @Option(names = "--by", defaultValue = "code", description = "code (default) or document (code × document matrix)") By by;
        @Option(names = "--long", description = "The long/tidy table: one row per code and document (for R).") boolean longLayout;
        @Option(names = "--format", required = true, description = "csv or xlsx") Format format;
        @Option(names = "--output", required = true, paramLabel = "FILE") Path output;
        @picocli.CommandLine.Mixin Limits limits;

        @Override
        public Integer call() {
            try (ProjectSession s = ProjectSession.open(project)) {
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
        @Parameters(index = "0", paramLabel = "PROJECT.tamga") Path project;
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
            try (ProjectSession s = ProjectSession.open(project)) {
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
}
