package org.tamga.cli;

import org.tamga.core.ImportReport;
import org.tamga.core.ProjectSession;
import org.tamga.core.SampleProject;
import org.tamga.core.CacheFolders;
import org.tamga.model.Code;
import org.tamga.model.Codebook;
import org.tamga.model.Coding;
import org.tamga.model.Document;
import org.tamga.model.DocumentSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.Locale;

@Command(name = "tamga", mixinStandardHelpOptions = true, scope = picocli.CommandLine.ScopeType.INHERIT, versionProvider = TamgaCommand.Version.class,
        description = "Tamga: qualitative coding of interview transcripts.%n"
                + "A project is one *.tamga file, or a shared project on a PostgreSQL server (postgresql://HOST:PORT/DATABASE). Positions are Unicode code points, 0-based, end exclusive.")
public final class TamgaCommand implements Runnable {
    /** Every command, in the order {@code tamga --help} lists them. */
    static final java.util.List<Class<?>> COMMANDS = java.util.List.of(
            TamgaCommand.New.class, TamgaCommand.DiagnosticsReport.class, TamgaCommand.Import.class, ExchangeCommand.Export.class, CodebookCommand.class, SearchCommand.class,
            TamgaCommand.CodeCmd.class, TamgaCommand.Uncode.class, CodingsCommand.class, AutocodeCommand.class, ReportCommand.class, AgreementCommand.class,
            TamgaCommand.Info.class, TamgaCommand.Documents.class, TamgaCommand.DocumentCmd.class, SpeakersCommand.class, TamgaCommand.Codes.class, TamgaCommand.Memo.class, TamgaCommand.Memos.class,
            CasesCommand.Attributes.class, CasesCommand.Set.class, CasesCommand.Cases.class, CasesCommand.CaseCmd.class,
            MergeCommand.class, SharedCommand.Publish.class, SharedCommand.Copy.class, SharedCommand.Members.class, BackupCommand.Backup.class, BackupCommand.Listing.class, BackupCommand.Restore.class,
            TamgaCommand.Sample.class, TamgaCommand.Open.class, BenchCommand.class, CrashHarnessCommand.class);

    @Spec CommandSpec spec;

    @Override
    public void run() {
        if (Window.available()) {
            Window.open();
            return;
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("Tamga " + Version.version() + " — no display, so no window; use the commands below.");
        out.println("Try the sample project:  tamga sample --no-window");
        out.println();
        spec.commandLine().usage(out);
    }

    /**
     * The desktop window, when there is a screen to show it on. The command line does not know the
     * window's classes (both are faces over the core, ADR 1): the launcher hands it a way to start it.
     */
    static final class Window {
        static volatile java.util.function.Consumer<String[]> launcher;

        static boolean available() {
            return launcher != null && !java.awt.GraphicsEnvironment.isHeadless();
        }

        static void open(String... args) {
            launcher.accept(args);
        }
    }

    @Command(name = "open", description = "Open a project in the window.")
    static final class Open implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Parameters(index = "0", paramLabel = "PROJECT.tamga") Path project;

        @Override public Integer call() {
            try (ProjectSession s = open(project)) {
                // opened once here so that a bad file gets its one-line message before any window
                s.project();
            } catch (org.tamga.model.DamagedProjectException damaged) {
                // the window says the same, and offers to restore the newest good backup
                if (!Window.available()) throw damaged;
            }
            if (!Window.available()) throw new org.tamga.model.TamgaException("There is no display to open a window on; use the other commands.");
            Window.open(project.toString());
            return 0;
        }
    }

    static final class Version implements picocli.CommandLine.IVersionProvider {
        static String version() {
            String v = TamgaCommand.class.getPackage().getImplementationVersion();
            return v == null ? "(development build)" : v;
        }
        @Override public String[] getVersion() { return new String[]{"Tamga " + version()}; }
    }

    @Command(name = "diagnostics", description = {
            "What to attach to a bug report: Tamga's, the system's, Java's and JavaFX's versions, the project's schema",
            "version and path (if one is named), the cache and log folders, and the last 200 lines of the log.",
            "Never document text or memos."})
    static final class DiagnosticsReport implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Parameters(index = "0", arity = "0..1", paramLabel = "PROJECT.tamga") Path project;

        @Override public Integer call() {
            if (project == null) {
                spec.commandLine().getOut().print(org.tamga.core.Diagnostics.report(null, null, Version.version()));
                return 0;
            }
            try (ProjectSession s = open(project)) {
                spec.commandLine().getOut().print(org.tamga.core.Diagnostics.report(s, null, Version.version()));
            }
            return 0;
        }
    }

    /** Opens the project named on the command line; fails clearly if it does not exist. */
    static ProjectSession open(Path project) { return ProjectSession.open(project); }

    /** Opens a project file, or a shared project by its {@code postgresql://} address (ADR 48). */
    static ProjectSession open(String project) { return ProjectSession.open(project, CacheFolders.root()); }

    @Command(name = "new", description = "Create a new, empty project file.")
    static final class New implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Parameters(index = "0", paramLabel = "PROJECT.tamga") Path project;

        @Override public Integer call() {
            try (ProjectSession s = ProjectSession.create(project)) {
                spec.commandLine().getOut().println("Created " + s.file() + " (project \u201C" + s.project().name() + "\u201D).");
            }
            return 0;
        }
    }

    @Command(name = "import", description = {"Import transcripts into a project; folders are read recursively.",
            "Formats: Word (.docx, .doc), LibreOffice/WPS (.odt), .rtf, .pdf (its text layer), .html, subtitles (.srt, .vtt), plain text (.txt, .md).",
            "Speaker turns (Interviewer:, Q:/A:, 受访者：, [00:01:23] Name:, <v Name>) are found in every document.",
            "With `import qdpx FILE.qdpx PROJECT.tamga`: a whole REFI-QDA project into a new project file."},
            subcommands = ExchangeCommand.ImportQdpx.class)
    static final class Import implements Callable<Integer> {
        @Spec CommandSpec spec;
        // optional for picocli, so that `import qdpx …` does not need them; checked in call()
        @Parameters(index = "0", arity = "0..1", paramLabel = "PROJECT") String project;
        @Parameters(index = "1..*", arity = "0..*", paramLabel = "FILE_OR_FOLDER") List<Path> files;
        @Option(names = "--language", paramLabel = "xx", description = "Language of all files, an ISO 639 code (en, zh, mn, ru, ja, ko, kk, khk …); detected (en, zh, mn, ru, ja, ko) when omitted.")
        String language;

        @Override public Integer call() {
            if (project == null || files == null || files.isEmpty()) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), project == null
                        ? "Missing required parameters: 'PROJECT.tamga', 'FILE_OR_FOLDER'"
                        : "Missing required parameter: 'FILE_OR_FOLDER'");
            }
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try (ProjectSession s = open(project)) {
                ImportReport r = s.importing().importFiles(files, language, (i, n, f) -> { });
                for (Document d : r.imported()) out.printf(Locale.ROOT, "imported  %s  (%s)%n", d.name(), r.describe(d));
                for (ImportReport.Duplicate d : r.duplicates()) {
                    out.printf(Locale.ROOT, "already   %s  (same text as document \u201C%s\u201D; not imported again)%n", d.file(), d.existingDocument());
                }
                for (ImportReport.Skipped k : r.skipped()) out.printf(Locale.ROOT, "skipped   %s  (%s)%n", k.file(), k.reason());
                for (ImportReport.Failure f : r.failures()) err.println("tamga: " + f.message());
                out.printf(Locale.ROOT, "%d imported, %d already in the project, %d skipped, %d failed.%n",
                        r.imported().size(), r.duplicates().size(), r.skipped().size(), r.failures().size());
                return r.ok() ? 0 : 1;
            }
        }
    }

    @Command(name = "code", description = "Code a passage: apply CODE to positions START..END of a document.")
    static final class CodeCmd implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Parameters(index = "0", paramLabel = "PROJECT") String project;
        @Option(names = "--document", required = true, paramLabel = "NAME") String document;
        @Option(names = "--start", required = true, paramLabel = "S", description = "First code point of the passage (0-based).") int start;
        @Option(names = "--end", required = true, paramLabel = "E", description = "Code point after the passage (exclusive).") int end;
        @Option(names = "--code", required = true, paramLabel = "CODE", description = "Code name, either half of a bilingual name, or a path like 'Capability/Health'.") String code;
        @Option(names = "--coder", paramLabel = "NAME", description = "Who codes (default: your user name; on a shared project, the coder name its owner gave your login).") String coder;
        @Option(names = "--memo", paramLabel = "TEXT") String memo;

        @Override public Integer call() {
            try (ProjectSession s = open(project)) {
                Document doc = s.documents().resolve(document);
                Code c = s.codebook().resolve(code);
                Coding coding = s.coding().apply(doc, start, end, c, coder, memo);
                String passage = s.documents().text(doc).codePoints().skip(start).limit(end - start)
                        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
                spec.commandLine().getOut().printf(Locale.ROOT, "coded %s %d-%d with \u201C%s\u201D (coding %s): %s%n",
                        doc.name(), start, end, c.name(), coding.guid(), Output.oneLine(passage, 120));
            }
            return 0;
        }
    }

    @Command(name = "uncode", description = "Remove a coding (by the id that `code` and `codings` print).")
    static final class Uncode implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Parameters(index = "0", paramLabel = "PROJECT") String project;
        @Option(names = "--coding", required = true, paramLabel = "ID") String coding;

        @Override public Integer call() {
            try (ProjectSession s = open(project)) {
                Coding c = s.coding().byGuid(coding);
                s.coding().remove(c);
                spec.commandLine().getOut().println("removed coding " + c.guid());
            }
            return 0;
        }
    }

    @Command(name = "info", description = "Show what a project holds: documents, codes, codings, coders.")
    static final class Info implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Parameters(index = "0", paramLabel = "PROJECT") String project;

        @Override public Integer call() {
            try (ProjectSession s = open(project)) {
                print(spec.commandLine().getOut(), s);
            }
            return 0;
        }

        static void print(PrintWriter out, ProjectSession s) {
            ProjectSession.Summary sum = s.summary();
            out.println("project    " + sum.name() + "  (" + s.where() + ")");
            out.printf(Locale.ROOT, "documents  %d  (%,d characters)%n", sum.documents(), sum.characters());
            out.println("codes      " + sum.codes());
            out.println("codings    " + sum.codings());
            out.println("coders     " + sum.coders() + (sum.coders() == 0 ? "" : "  (" + String.join(", ",
                    s.coding().coders().stream().map(org.tamga.model.Coder::name).toList()) + ")"));
            s.member().ifPresent(m -> out.println("you        " + m.login() + ", " + m.role().word()
                    + (m.coder() != null ? ", coding as " + m.coder() : "")));
            s.readOnly().ifPresent(sentence -> out.println("read-only  " + sentence));
        }
    }

    @Command(name = "documents", description = "List the documents of a project, with where they came from (format, size, title, author, dates) and their speaker turns.")
    static final class Documents implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Parameters(index = "0", paramLabel = "PROJECT") String project;

        @Override public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (ProjectSession s = open(project)) {
                out.println("document\tlanguage\tcharacters\tcodings\tsource_file\tencoding\tformat\tsize\ttitle\tauthor\tcreated\tmodified\tturns");
                for (Document d : s.documents().all()) {
                    DocumentSource src = s.documents().source(d);
                    out.println(String.join("\t", Output.field(d.name()), d.language(), String.valueOf(d.length()),
                            String.valueOf(s.coding().ofDocument(d).size()), Output.field(d.sourceFile()), Output.field(d.sourceEncoding()),
                            Output.field(src.format()), src.size() == null ? "" : String.valueOf(src.size()), Output.field(src.title()),
                            Output.field(src.author()), src.created() == null ? "" : src.created().toString(),
                            src.modified() == null ? "" : src.modified().toString(), String.valueOf(s.speakers().turns(d).size())));
                }
            }
            return 0;
        }
    }

    @Command(name = "document", description = "Show one document: where it came from (file, format, size, title, author, dates), its speakers and its turns.")
    static final class DocumentCmd implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Parameters(index = "0", paramLabel = "PROJECT") String project;
        @Parameters(index = "1", paramLabel = "NAME") String name;

        @Override public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (ProjectSession s = open(project)) {
                Document d = s.documents().resolve(name);
                DocumentSource src = s.documents().source(d);
                out.println("document     " + d.name());
                out.println("source file  " + nz(d.sourceFile()) + (src.size() == null ? "" : String.format(Locale.ROOT, "  (%,d bytes)", src.size())));
                out.println("format       " + nz(src.format()) + (d.sourceEncoding() == null || d.sourceEncoding().equals(src.format()) ? "" : "  (" + d.sourceEncoding() + ")"));
                out.println("title        " + nz(src.title()));
                out.println("author       " + nz(src.author()));
                out.println("created      " + (src.created() == null ? "" : src.created()));
                out.println("modified     " + (src.modified() == null ? "" : src.modified()));
                out.println("imported     " + d.importedAt());
                out.printf(Locale.ROOT, "language     %s%ncharacters   %,d%n", d.language(), d.length());
                var attributes = s.cases().of(d);
                out.println("cases        " + String.join(", ", attributes.cases()));
                out.println("attributes   " + attributes.values().entrySet().stream().map(e -> e.getKey() + " = " + e.getValue()
                        + (attributes.own().containsKey(e.getKey()) ? "" : " (from its case)")).collect(java.util.stream.Collectors.joining("; ")));
                var turns = s.speakers().turns(d);
                var speakers = s.speakers().speakers(d);
                out.println("speakers     " + (speakers.isEmpty() ? "(no speaker turns found)" : String.join(", ",
                        speakers.stream().map(p -> p.name() + " " + p.turns()).toList())));
                if (!turns.isEmpty()) {
                    out.println();
                    out.println("speaker\tstart\tend\ttime\ttext");
                    String text = s.documents().text(d);
                    var positions = new org.tamga.core.text.Positions(text);
                    for (var t : turns) {
                        out.println(String.join("\t", Output.field(t.speaker()), String.valueOf(t.start()), String.valueOf(t.end()),
                                time(t.timeStartMs()) + (t.timeEndMs() == null ? "" : "-" + time(t.timeEndMs())),
                                Output.fieldCut(positions.substring(t.start(), t.end()), 60)));
                    }
                }
            }
            return 0;
        }

        private static String nz(String s) { return s == null ? "" : s; }

        static String time(Long ms) {
            if (ms == null) return "";
            long s = ms / 1000;
            return String.format(Locale.ROOT, "%02d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
        }
    }

    @Command(name = "codes", description = "Show the codebook as a tree.")
    static final class Codes implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Parameters(index = "0", paramLabel = "PROJECT") String project;

        @Override public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (ProjectSession s = open(project)) {
                Codebook book = s.codebook().codebook();
                if (book.size() == 0) out.println("(the codebook is empty: import one with `tamga codebook import`)");
                for (Code c : book.codes()) out.println("  ".repeat(book.depth(c)) + c.name());
            }
            return 0;
        }
    }

    @Command(name = "memo", description = {"Write a memo: on a document, a code or a coding (replaces its memo),",
            "or, with none of these, a new memo of the project (an analytic note; list them with `memos`)."})
    static final class Memo implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Parameters(index = "0", paramLabel = "PROJECT") String project;
        @Parameters(index = "1", paramLabel = "TEXT") String text;
        @Option(names = "--document", paramLabel = "NAME") String document;
        @Option(names = "--code", paramLabel = "CODE") String code;
        @Option(names = "--coding", paramLabel = "ID") String coding;
        @Option(names = "--title", paramLabel = "TITLE", description = "Title of a project memo.") String title;
        @Option(names = "--coder", paramLabel = "NAME", description = "Who writes a project memo (default: your user name).") String coder;

        @Override public Integer call() {
            try (ProjectSession s = open(project)) {
                String what;
                if (document != null) { s.documents().setMemo(s.documents().resolve(document), text); what = "document " + document; }
                else if (code != null) { Code c = s.codebook().resolve(code); s.codebook().setMemo(c.id(), text); what = "code " + c.name(); }
                else if (coding != null) { s.coding().setMemo(s.coding().byGuid(coding), text); what = "coding " + coding; }
                else { s.addMemo(title, text, coder); what = "the project (memo " + s.memos().size() + ")"; }
                spec.commandLine().getOut().println("memo saved on " + what);
            }
            return 0;
        }
    }

    @Command(name = "memos", description = "List the project's memos.")
    static final class Memos implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Parameters(index = "0", paramLabel = "PROJECT") String project;

        @Override public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (ProjectSession s = open(project)) {
                var coders = s.coding().coders();
                for (org.tamga.model.Memo m : s.memos()) {
                    String who = coders.stream().filter(c -> m.coderId() != null && c.id() == m.coderId())
                            .map(org.tamga.model.Coder::name).findFirst().orElse("");
                    out.printf(Locale.ROOT, "%s  %s%s%n%s%n%n", m.createdAt(), who, m.title() == null ? "" : "  " + m.title(), m.text());
                }
            }
            return 0;
        }
    }

    @Command(name = "sample", description = {"Create (or reopen) the sample project: six fictional interviews, the shipped codebook,",
            "codings by two coders, attributes and cases; then open it in the window (or, without a display or with --no-window, print its summary)."})
    static final class Sample implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Parameters(index = "0", arity = "0..1", paramLabel = "PROJECT.tamga", defaultValue = "tamga-sample.tamga") Path project;
        @Option(names = "--no-window", description = "Print the summary instead of opening the window.") boolean noWindow;

        @Override public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            boolean existed = Files.exists(project);
            if (!noWindow && Window.available()) {
                if (!existed) {
                    try (ProjectSession s = SampleProject.create(project, CacheFolders.root())) {
                        out.println("Created the sample project " + s.file().toAbsolutePath());
                    }
                }
                Window.open(project.toString());
                return 0;
            }
            try (ProjectSession s = existed ? open(project) : SampleProject.create(project, CacheFolders.root())) {
                out.println((existed ? "Opened the sample project " : "Created the sample project ") + s.file().toAbsolutePath());
                Info.print(out, s);
                out.println();
                out.println("Try:  java -jar target/tamga.jar search " + project + " 贫困");
                out.println("      java -jar target/tamga.jar codings " + project + " --code \"Dependency on outside help\"");
                out.println("      java -jar target/tamga.jar report frequencies " + project + " --format xlsx --output frequencies.xlsx");
            }
            return 0;
        }
    }

    static List<Document> documents(ProjectSession s, List<String> names) {
        List<Document> out = new ArrayList<>();
        if (names != null) for (String n : names) out.add(s.documents().resolve(n));
        return out;
    }

    /**
     * The documents named, narrowed to those whose attributes hold the values given as NAME=VALUE;
     * empty (all documents) when neither is given. Refused when nothing is left.
     */
    static List<Document> documents(ProjectSession s, List<String> names, List<String> attributes) {
        List<Document> named = documents(s, names);
        if (attributes == null || attributes.isEmpty()) return named;
        java.util.Map<String, String> wanted = new java.util.LinkedHashMap<>();
        for (String a : attributes) {
            int eq = a.indexOf('=');
            if (eq <= 0) throw new org.tamga.model.TamgaException("Give an attribute as NAME=VALUE, e.g. --attribute 性别=女 (not \u201C" + a + "\u201D).");
            wanted.put(a.substring(0, eq).strip(), a.substring(eq + 1));
        }
        List<Document> matching = s.cases().documentsWhere(wanted);
        if (named.isEmpty()) return matching;
        java.util.Set<Long> ids = new java.util.HashSet<>();
        for (Document d : matching) ids.add(d.id());
        List<Document> both = named.stream().filter(d -> ids.contains(d.id())).toList();
        if (both.isEmpty()) throw new org.tamga.model.TamgaException("None of the documents named has the attributes given.");
        return both;
    }
}
