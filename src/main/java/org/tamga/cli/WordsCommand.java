package org.tamga.cli;

import org.tamga.core.ProjectSession;
import org.tamga.core.Scope;
import org.tamga.core.SearchService;
import org.tamga.core.WordService;
import org.tamga.model.TamgaException;
import org.tamga.report.WordFrequencies;
import org.tamga.report.WordWriter;
import org.tamga.report.chart.Drawing;
import org.tamga.report.chart.PngWriter;
import org.tamga.report.chart.SvgWriter;
import org.tamga.report.chart.WordBars;
import org.tamga.report.chart.WordCloud;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code report words} and {@code report stopwords}: word frequencies by language (ADR 38). */
final class WordsCommand {
    private WordsCommand() {}

    @Command(name = "words", description = {
            "The most frequent words by language, counted from the word index (built on first use): Chinese (zh) segmented",
            "into words, English (en) in lower case (--stem: by Snowball stem, under the most frequent form), Mongolian (mn)",
            "in Cyrillic and the traditional script (a traditional word counts by its stem: what follows U+202F is not counted).",
            "Speakers' labels are not counted; the shipped stop words are left out (see `report stopwords`).",
            "--speaker counts only what that speaker said; --code only the passages coded with that code (with --coder,",
            "coded by that coder); --document and --attribute choose documents. A word counts in a passage when it shares a character with it.",
            "The wide table (default) has a rank column and a block per language (zh_word, zh_count, zh_documents, …; with",
            "--stem also en_forms); --long the tidy table for R: language,word,count,documents,forms, most frequent first.",
            "CSV is UTF-8 with a byte-order mark; XLSX holds the wide table, a sheet per language with an Excel bar chart, and the long table.",
            "--chart FILE.png|svg draws the bar chart (or with --cloud a word cloud); --contexts WORD prints where a word is,",
            "as keyword-in-context lines. Without --output, --chart or --contexts the long table is printed (tab-separated)."})
    static final class Words implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Parameters(index = "0", paramLabel = "PROJECT") String project;
        @Option(names = "--language", paramLabel = "zh|en|mn", description = "Only the words of this language (repeatable; default all three).") List<String> languages;
        @Option(names = "--top", defaultValue = "100", paramLabel = "N", description = "The N most frequent words of each language (default 100).") int top;
        @Option(names = "--stem", description = "Count English words by their Snowball (Porter2) stem: training, trained, trains as one.") boolean stem;
        @Option(names = "--stopwords", paramLabel = "FILE", description = "Also leave out the words of FILE (UTF-8, one word a line, # comments; repeatable).") List<Path> stopWordFiles;
        @Option(names = "--no-default-stopwords", description = "Do not leave out the shipped stop words (only those of --stopwords files).") boolean noDefaultStopWords;
        @Option(names = "--min-length", defaultValue = "1", paramLabel = "N", description = "Leave out words of fewer than N characters (default 1).") int minLength;
        @Option(names = "--code", paramLabel = "NAME", description = "Only words in passages coded with this code (or a code below it).") String code;
        @Option(names = "--long", description = "The long/tidy table: one row per language and word (for R).") boolean longLayout;
        @Option(names = "--format", description = "csv or xlsx (with --output)") ReportCommand.Format format;
        @Option(names = "--output", paramLabel = "FILE", description = "Write the table to FILE.") Path output;
        @Option(names = "--chart", paramLabel = "FILE", description = "Draw the word-frequency bar chart to FILE.png or FILE.svg.") Path chart;
        @Option(names = "--cloud", description = "With --chart: a word cloud instead of the bar chart.") boolean cloud;
        @Option(names = "--dpi", defaultValue = "300", description = "Resolution of a PNG chart (default 300).") int dpi;
        @Option(names = "--contexts", paramLabel = "WORD", description = "Print the places of WORD as counted (with --stem, of every form of its stem) as keyword-in-context lines.") String contexts;
        @Option(names = "--context", defaultValue = "40", paramLabel = "N", description = "With --contexts: characters of context on either side (default 40).") int context;
        @Option(names = "--limit", defaultValue = "1000", paramLabel = "N", description = "With --contexts: at most N lines (default 1000).") int limit;
        @Mixin ReportCommand.Limits limits;

        @Override
        public Integer call() {
            Output.atLeast("--top", top, 1);
            Output.atLeast("--min-length", minLength, 1);
            if (output != null && format == null) throw new TamgaException("Give --format csv or xlsx with --output.");
            if (output == null && format != null) throw new TamgaException("Give --output FILE with --format.");
            String chartFormat = chart == null ? null : extension(chart);
            if (chart != null && !chartFormat.equals("png") && !chartFormat.equals("svg")) {
                throw new TamgaException("Give --chart a file ending in .png or .svg (not " + chart.getFileName() + ").");
            }
            if (cloud && chart == null) throw new TamgaException("Give --chart FILE.png or FILE.svg with --cloud.");
            if (chart != null && "png".equals(chartFormat) && (dpi < 36 || dpi > 2400)) {
                throw new TamgaException("Give --dpi between 36 and 2400 (not " + dpi + ").");
            }
            PrintWriter out = spec.commandLine().getOut();
            try (ProjectSession s = TamgaCommand.open(project)) {
                WordService.Request request = request(s);
                ProjectSession.IndexSync sync = s.words().prepare(null);
                if (sync.added() > 0) {
                    spec.commandLine().getErr().printf(Locale.ROOT, "word index: %,d documents indexed%n", sync.added());
                }
                if (contexts != null) {
                    printContexts(out, s.words().contexts(request, contexts, Output.atLeast("--context", context, 0), Output.atLeast("--limit", limit, 1)));
                    return 0;
                }
                WordFrequencies words = s.words().frequencies(request);
                if (output != null) {
                    if (format == ReportCommand.Format.csv) WordWriter.csv(words, longLayout, output); else WordWriter.xlsx(words, longLayout, output);
                    out.printf(Locale.ROOT, "wrote %s: %s%n", output, summary(words));
                }
                if (chart != null) {
                    Drawing d = cloud ? WordCloud.layout(words, WordCloud.Options.english().withWords(Math.min(top * words.languages().size(), 150)))
                            : WordBars.layout(words, WordBars.Options.english().withWords(Math.min(top, 25)));
                    if (chartFormat.equals("png")) PngWriter.write(d, dpi, chart); else SvgWriter.write(d, chart);
                    out.printf(Locale.ROOT, "wrote %s: %s, %s%n", chart, cloud ? "word cloud" : "bar chart", summary(words));
                }
                if (output == null && chart == null) {
                    out.println(String.join("\t", WordWriter.LONG_HEADER));
                    for (List<Object> row : WordWriter.longTable(words).subList(1, words.rows().size() + 1)) {
                        List<String> cells = new ArrayList<>();
                        for (Object v : row) cells.add(v instanceof Number ? v.toString() : Output.field(String.valueOf(v)));
                        out.println(String.join("\t", cells));
                    }
                }
            }
            return 0;
        }

        private WordService.Request request(ProjectSession s) {
            Scope scope = new Scope(limits.coders, TamgaCommand.documents(s, limits.documents, limits.attributes), limits.speaker);
            WordService.Request r = WordService.Request.of(scope).languages(languages).top(top).stem(stem).minLength(minLength)
                    .stopWords(WordService.stopWords(!noDefaultStopWords, stopWordFiles));
            if (code != null) r = r.code(s.codebook().resolve(code));
            return r;
        }

        private void printContexts(PrintWriter out, SearchService.Result result) {
            out.println("document\tstart\tend\tmatch\tcontext");
            for (SearchService.Hit h : result.hits()) {
                out.println(Output.field(h.document().name()) + "\t" + h.start() + "\t" + h.end() + "\t"
                        + Output.field(h.match()) + "\t" + Output.field(h.context().line()));
            }
            spec.commandLine().getErr().printf(Locale.ROOT, "%d places in %d documents%s%n", result.hits().size(), result.documents(),
                    result.truncated() ? " (stopped at --limit " + limit + ")" : "");
        }

        private static String summary(WordFrequencies words) {
            List<String> per = new ArrayList<>();
            for (String l : words.languages()) per.add(l + " " + words.rows(l).size());
            return String.format(Locale.ROOT, "%d words (%s) from %d documents", words.rows().size(), String.join(", ", per), words.documents());
        }

        private static String extension(Path file) {
            String name = file.getFileName().toString();
            int dot = name.lastIndexOf('.');
            return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        }
    }

    @Command(name = "stopwords", description = {
            "Print the stop-word lists Tamga ships (one word a line, # comments), to edit them and give them back to",
            "`report words` with --stopwords FILE --no-default-stopwords."})
    static final class StopWords implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Option(names = "--language", paramLabel = "zh|en|mn", description = "Only this language's list (default all three).") String language;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            for (String l : language == null ? WordService.LANGUAGES : List.of(language)) out.print(WordService.shippedStopWordFile(l));
            out.flush();
            return 0;
        }
    }
}
