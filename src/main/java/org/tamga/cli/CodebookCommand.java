package org.tamga.cli;

import org.tamga.core.Backups;
import org.tamga.core.CodebookService;
import org.tamga.core.ProjectSession;
import org.tamga.exchange.CodebookFile;
import org.tamga.exchange.CodebookMarkdown;
import org.tamga.model.Code;
import org.tamga.model.CodeEvent;
import org.tamga.model.Codebook;
import org.tamga.model.TamgaException;
import org.tamga.report.ReportWriter;
import org.tamga.util.AtomicWrite;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "codebook", description = "Exchange codebooks as REFI-QDA .qdc files (NVivo, ATLAS.ti, MAXQDA, QualCoder).",
        subcommands = {CodebookCommand.Import.class, CodebookCommand.Export.class, CodebookCommand.Render.class,
                CodebookCommand.History.class})
final class CodebookCommand {

    @Command(name = "import", description = "Merge a .qdc codebook into the project; differences are reported as conflicts, the project's version is kept.")
    static final class Import implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Parameters(index = "0", paramLabel = "PROJECT") String project;
        @Parameters(index = "1", paramLabel = "FILE.qdc") Path file;
        @picocli.CommandLine.Option(names = "--coder", paramLabel = "NAME",
                description = "Who imports: the codes' history records the change under this name (default: your user name).") String coder;

        @Override public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (ProjectSession s = TamgaCommand.open(project)) {
                s.setCoder(coder);
                CodebookService.MergeReport r = s.codebook().importQdc(file);
                for (String w : r.warnings()) out.println("warning   " + w);
                for (String c : r.conflicts()) out.println("conflict  " + c);
                out.printf(Locale.ROOT, "%d codes added, %d already there, %d completed from the file, %d conflicts.%n",
                        r.added(), r.unchanged(), r.filledIn(), r.conflicts().size());
            }
            return 0;
        }
    }

    @Command(name = "export", description = "Write the project's codebook as .qdc (REFI-QDA) or .md (readable).")
    static final class Export implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Parameters(index = "0", paramLabel = "PROJECT") String project;
        @Parameters(index = "1", paramLabel = "FILE.qdc|FILE.md") Path file;

        @Override public Integer call() {
            try (ProjectSession s = TamgaCommand.open(project)) {
                if (file.toString().toLowerCase(Locale.ROOT).endsWith(".md")) s.codebook().exportMarkdown(file);
                else s.codebook().exportQdc(file);
                spec.commandLine().getOut().printf(Locale.ROOT, "wrote %s (%d codes)%n", file, s.codebook().codebook().size());
            }
            return 0;
        }
    }

    @Command(name = "render", description = "Render a .qdc codebook file as Markdown (no project needed).")
    static final class Render implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Parameters(index = "0", paramLabel = "FILE.qdc") Path file;
        @Parameters(index = "1", paramLabel = "FILE.md") Path output;
        @picocli.CommandLine.Option(names = "--title", paramLabel = "TEXT", description = "The heading (default: from the file name).") String title;

        @Override public Integer call() {
            var contents = CodebookFile.read(file);
            String name = file.getFileName().toString().replaceFirst("\\.qdc$", "");
            AtomicWrite.write(output, CodebookMarkdown.render(title != null ? title : title(name), contents.codes()).getBytes(StandardCharsets.UTF_8));
            spec.commandLine().getOut().println("wrote " + output);
            return 0;
        }

        static String title(String fileBaseName) {
            return "Codebook: " + fileBaseName.replace('-', ' ');
        }
    }

    @Command(name = "history", description = {"How the codebook evolved: each code made, renamed, given another definition or colour, moved,",
            "merged, deleted or restored, and what a merge of projects kept — by whom and when (local time), oldest first.",
            "The history is kept from the moment a project was made, or upgraded, by a Tamga that keeps it."})
    static final class History implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Parameters(index = "0", paramLabel = "PROJECT") String project;
        @picocli.CommandLine.Option(names = "--code", paramLabel = "CODE", description = "Only this code's history (a name or a path).") String code;
        @picocli.CommandLine.Option(names = "--since", paramLabel = "DATE", description = "Only changes from this day on (YYYY-MM-DD, your time zone).") String since;
        @picocli.CommandLine.Option(names = "--format", paramLabel = "text|csv", defaultValue = "text",
                description = "text (default: one line a change) or csv (every value in full; needs --output).") String format;
        @picocli.CommandLine.Option(names = "--output", paramLabel = "FILE", description = "Write to FILE instead of printing.") Path output;

        /** The columns of the CSV file, in order. */
        static final List<String> HEADER = List.of("time_utc", "coder", "code", "event", "old_value", "new_value", "from", "code_guid", "event_guid");

        @Override public Integer call() {
            String fmt = format.strip().toLowerCase(Locale.ROOT);
            if (!fmt.equals("text") && !fmt.equals("csv")) throw new TamgaException("No format \u201C" + format + "\u201D (text or csv).");
            if (fmt.equals("csv") && output == null) throw new TamgaException("Give --output FILE to write csv.");
            Instant from = since == null ? null : startOfDay(since);
            PrintWriter out = spec.commandLine().getOut();
            try (ProjectSession s = TamgaCommand.open(project)) {
                Codebook book = s.codebook().codebook();
                Code asked = code == null ? null : s.codebook().resolve(code);
                CodebookService.History history = asked == null ? s.codebook().history() : s.codebook().history(asked);
                List<CodeEvent> events = history.events().stream().filter(e -> from == null || !e.at().isBefore(from)).toList();
                Map<String, String> names = names(book, history.events());
                if (fmt.equals("csv")) {
                    List<List<Object>> rows = new ArrayList<>();
                    rows.add(new ArrayList<>(HEADER));
                    for (CodeEvent e : events) {
                        rows.add(List.of(e.at().toString(), e.coder(), names.get(e.codeGuid()), e.kind().label(), nz(e.oldValue()), nz(e.newValue()),
                                nz(e.detail()), e.codeGuid(), e.guid()));
                    }
                    ReportWriter.csvRows(rows, output);
                    out.printf(Locale.ROOT, "wrote %s: %s%n", output, Output.count(events.size(), "change"));
                    return 0;
                }
                List<String> lines = new ArrayList<>();
                lines.add((asked == null ? "History of the codebook of " + s.project().name() : "History of \u201C" + book.path(asked) + "\u201D")
                        + ", kept since " + Backups.local(history.keptSince()) + (from == null ? "" : "; changes from " + since) + ": " + Output.count(events.size(), "change") + ".");
                for (CodeEvent e : events) {
                    lines.add(Backups.local(e.at()) + "  " + Output.oneLine(e.coder(), 40) + "  "
                            + (asked == null ? Output.oneLine(names.get(e.codeGuid()), 60) + "  " : "") + e.kind().label() + "  " + change(e));
                }
                if (output == null) {
                    lines.forEach(out::println);
                } else {
                    AtomicWrite.write(output, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
                    out.printf(Locale.ROOT, "wrote %s: %s%n", output, Output.count(events.size(), "change"));
                }
            }
            return 0;
        }

        /** The day a researcher names, from its first moment in her time zone. */
        static Instant startOfDay(String date) {
            try {
                return LocalDate.parse(date.strip()).atStartOfDay(ZoneId.systemDefault()).toInstant();
            } catch (DateTimeParseException e) {
                throw new TamgaException("--since takes a day as YYYY-MM-DD, e.g. 2026-12-01 (not \u201C" + date + "\u201D).", e);
            }
        }

        /** What a line says of the change: {@code "Fatalism" → "Fatalism (宿命论)"}, values cut to one line. */
        static String change(CodeEvent e) {
            String old = value(e, e.oldValue()), now = value(e, e.newValue());
            String what = switch (e.kind()) {
                case CREATED, RESTORED, ADDED_BY_MERGE, KEPT_CODE -> now;
                case DELETED -> old;
                case KEPT_NAME, KEPT_COLOUR, KEPT_PLACE, KEPT_DEFINITION, KEPT_KIND -> now + ", not " + old;
                default -> old + " \u2192 " + now;
            };
            return what + (e.detail() == null ? "" : "  (from " + e.detail() + ")");
        }

        private static String value(CodeEvent e, String v) {
            if (v == null || v.isBlank()) return e.kind() == CodeEvent.Kind.MOVED || e.kind() == CodeEvent.Kind.KEPT_PLACE ? "(top level)" : "(none)";
            return "\"" + Output.oneLine(v, 60) + "\"";
        }

        /** Each code's name in the list: its path now, or for a code no longer in the codebook its last name and "(deleted)". */
        static Map<String, String> names(Codebook book, List<CodeEvent> events) {
            Map<String, String> out = new HashMap<>();
            for (CodeEvent e : events) {
                String last = switch (e.kind()) {
                    case DELETED, MERGED_INTO -> e.oldValue();
                    case CREATED, RENAMED, RESTORED, ADDED_BY_MERGE, KEPT_CODE -> e.newValue();
                    default -> null;
                };
                if (last != null) out.put(e.codeGuid(), last + " (deleted)");
                else out.putIfAbsent(e.codeGuid(), "(a deleted code)");
            }
            for (String guid : out.keySet()) book.byGuid(guid).ifPresent(c -> out.put(guid, book.path(c)));
            return out;
        }

        private static String nz(String s) { return s == null ? "" : s; }
    }
}
