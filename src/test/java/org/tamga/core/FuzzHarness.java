package org.tamga.core;

import org.tamga.exchange.ExchangeException;
import org.tamga.model.Coding;
import org.tamga.model.Document;
import org.tamga.model.Turn;
import org.tamga.store.ProjectStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The importers' fuzz harness (ADR 44): feeds inputs to the importers, one at a time on a worker thread, and
 * judges each. An input must give an import (that added exactly what its report says) or a refusal: one
 * line that names the file, without a stack trace, and the project exactly as before. Anything else is a
 * finding: a hang (no answer within the bound), a crash (any other Throwable: an exception, an
 * OutOfMemoryError, a StackOverflowError), a changed project, a bad message, a misreported import.
 */
final class FuzzHarness implements AutoCloseable {
    enum Verdict {
        IMPORTED, ALREADY_THERE, REFUSED, HANG, CRASH, CHANGED, BAD_MESSAGE, MISREPORTED;

        boolean finding() { return ordinal() >= HANG.ordinal(); }
    }

    /** What an import said: imported (or already there), or refused with this message. */
    record Outcome(Verdict verdict, String message) {
        static Outcome imported() { return new Outcome(Verdict.IMPORTED, null); }
        static Outcome alreadyThere() { return new Outcome(Verdict.ALREADY_THERE, null); }
        static Outcome refused(String message) { return new Outcome(Verdict.REFUSED, message); }
    }

    /** One way into a project: how a format is imported, and what the project holds. */
    interface Way extends AutoCloseable {
        /** What the project holds, compared before and after a refused import. */
        String state();

        /** Imports the file; an accepted import is checked to have added exactly what it reports (AssertionError if not). */
        Outcome importFile(Path file) throws Exception;

        /** Starts on a new project: after a hang (whose thread may still hold the old one), and now and then to keep it small. */
        void renew(boolean stuck);

        @Override
        void close();
    }

    /** The verdict on one input, and how long it took. */
    record Result(Verdict verdict, String detail, String message, long millis) {}

    private final long timeoutMillis;
    private ExecutorService worker = newWorker();

    FuzzHarness(long timeoutMillis) { this.timeoutMillis = timeoutMillis; }

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "tamga-fuzz-import");
            t.setDaemon(true);
            return t;
        });
    }

    Result attempt(Way way, Path file) {
        String before = way.state();
        long began = System.nanoTime();
        Future<Outcome> job = worker.submit(() -> way.importFile(file));
        Outcome outcome;
        try {
            outcome = job.get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            job.cancel(true);
            worker.shutdownNow();   // its thread may never come back: a new one for the next input
            worker = newWorker();
            way.renew(true);
            return new Result(Verdict.HANG, "no answer within " + timeoutMillis + " ms", null, millis(began));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the fuzz run was interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Misreported m) return new Result(Verdict.MISREPORTED, m.getMessage(), null, millis(began));
            return new Result(Verdict.CRASH, describe(cause), null, millis(began));
        }
        long took = millis(began);
        if (outcome.verdict() != Verdict.REFUSED) return new Result(outcome.verdict(), null, null, took);
        String after = way.state();
        String problem = messageProblem(outcome.message(), file.getFileName().toString());
        if (!after.equals(before)) {
            return new Result(Verdict.CHANGED, "refused, but the project changed: " + before + " \u2192 " + after
                    + (problem == null ? "" : "; and the message " + problem), outcome.message(), took);
        }
        if (problem != null) return new Result(Verdict.BAD_MESSAGE, "the message " + problem, outcome.message(), took);
        return new Result(Verdict.REFUSED, null, outcome.message(), took);
    }

    private static long millis(long began) { return (System.nanoTime() - began) / 1_000_000; }

    private static final Pattern STACK_FRAME = Pattern.compile("\\bat [\\w$.]+\\([\\w$]*\\.java:\\d+\\)|\tat |Caused by: ");

    /** What is wrong with a refusal's message, or null: it must be one line that names the file, without a stack trace. */
    static String messageProblem(String message, String fileName) {
        if (message == null || message.isBlank()) return "is empty";
        if (message.indexOf('\n') >= 0 || message.indexOf('\r') >= 0) return "has more than one line";
        if (STACK_FRAME.matcher(message).find()) return "holds a stack trace";
        if (!message.contains(fileName)) return "does not name the file";
        if (message.length() > 2_000) return "is longer than 2,000 characters";
        return null;
    }

    /** Whether a refusal speaks of Java rather than of the file (noted in the summary, not a finding). */
    static boolean technical(String message) {
        return message != null && Pattern.compile("Exception|Error\\b|java\\.|javax\\.|org\\.apache|\\bnull\\b|Cannot invoke").matcher(message).find();
    }

    static String describe(Throwable t) {
        StringBuilder b = new StringBuilder(t.toString());
        StackTraceElement[] frames = t.getStackTrace();
        for (int i = 0; i < Math.min(frames.length, 8); i++) b.append(" | at ").append(frames[i]);
        if (t.getCause() != null && t.getCause() != t) b.append(" | caused by ").append(t.getCause());
        return b.toString().replace('\n', ' ');
    }

    @Override
    public void close() { worker.shutdownNow(); }

    // ---- what a project holds -----------------------------------------------------------------------------

    /** Counts and a checksum of everything a project holds: documents, their turns, codes, codings, coders, memos, cases, attributes. */
    static String state(ProjectStore store) {
        int documents = store.documents().count(), turns = store.turns().count(), codings = store.codings().count();
        int codes = store.codes().codebook().size();
        String all = String.join("\u0000", String.valueOf(store.project()), String.valueOf(store.documents().all()),
                String.valueOf(store.turns().speakers(null)), String.valueOf(store.codes().codebook().codes()),
                String.valueOf(store.codings().all()), String.valueOf(store.coders().all()), String.valueOf(store.memos().all()),
                String.valueOf(store.cases().all()), String.valueOf(store.attributes().all()), String.valueOf(store.codeHistory().all()));
        return "documents " + documents + ", turns " + turns + ", codes " + codes + ", codings " + codings + ", sha256 " + sha256(all).substring(0, 16);
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An import that did not add what it reported (an AssertionError from a library's own {@code assert} is a crash). */
    static final class Misreported extends AssertionError {
        Misreported(String what) { super(what); }
    }

    static void check(boolean condition, String what) {
        if (!condition) throw new Misreported(what);
    }

    /** A message as the summary shows it: escaped line breaks, at most 300 characters. */
    static String shown(String message) {
        String flat = message.replace("\n", "\\n").replace("\r", "\\r");
        return flat.length() <= 300 ? flat : flat.substring(0, 300) + "\u2026 (" + String.format(Locale.ROOT, "%,d", flat.length()) + " characters)";
    }

    // ---- the ways in --------------------------------------------------------------------------------------

    /** A way into one project at a time, a new one now and then: what it holds is its state. */
    abstract static class SessionWay implements Way {
        final Path dir;
        private final String name;
        ProjectSession session;
        int generation;

        /** Starts on the first project ({@link #prepare} sees only the fields of this class). */
        SessionWay(Path dir, String name) {
            this.dir = dir;
            this.name = name;
            renew(false);
        }

        /** Puts into a new project what it holds before the first input (nothing, unless overridden). */
        void prepare() { }

        @Override
        public String state() { return FuzzHarness.state(session.store()); }

        @Override
        public void renew(boolean stuck) {
            if (session != null) closeSoon(session, stuck, dir);
            generation++;
            session = ProjectSession.create(dir.resolve(name + " " + generation + ".tamga"), dir.resolve("cache " + generation));
            prepare();
        }

        @Override
        public void close() { session.close(); }
    }

    /** Transcripts (every format of {@link ImportService}) imported into one project. */
    static final class Documents extends SessionWay {
        Documents(Path dir) {
            super(dir, "项目");
        }

        @Override
        public Outcome importFile(Path file) {
            ProjectStore store = session.store();
            int documents = store.documents().count(), turns = store.turns().count(), codings = store.codings().count();
            ImportReport report = session.importing().importFiles(List.of(file), null);
            int answers = report.imported().size() + report.duplicates().size() + report.failures().size() + report.skipped().size();
            check(answers == 1 && !report.cancelled(), "one file gave " + answers + " answers: " + report);
            if (!report.failures().isEmpty()) return Outcome.refused(report.failures().getFirst().message());
            check(report.skipped().isEmpty(), "the file was skipped: " + report.skipped());
            if (!report.duplicates().isEmpty()) {
                check(store.documents().count() == documents && store.turns().count() == turns, "a file already there added something");
                return Outcome.alreadyThere();
            }
            Document d = report.imported().getFirst();
            check(store.documents().count() == documents + 1, "one document imported, " + (store.documents().count() - documents) + " added");
            check(store.turns().count() == turns + report.turns(), report.turns() + " turns reported, " + (store.turns().count() - turns) + " added");
            check(store.codings().count() == codings, "an import added codings");
            String text = session.documents().text(d);
            check(!text.isBlank(), "an empty document was imported");
            check(text.codePointCount(0, text.length()) == d.length(), "the document's length is not its text's");
            check(ImportService.sha256(text).equals(d.sha256()), "the document's SHA-256 is not its text's");
            List<Turn> stored = session.speakers().turns(d);
            check(stored.size() == report.turns(d), report.turns(d) + " turns reported for the document, " + stored.size() + " stored");
            for (Turn t : stored) check(0 <= t.start() && t.start() <= t.end() && t.end() <= d.length(), "a turn outside its text: " + t);
            return Outcome.imported();
        }
    }

    /** REFI-QDA codebooks (.qdc) merged into a project that has documents, codes and codings already. */
    static final class Codebooks extends SessionWay {
        Codebooks(Path dir) {
            super(dir, "代码本");
        }

        @Override
        public Outcome importFile(Path file) {
            int turns = session.store().turns().count();
            ProjectStore store = session.store();
            int codes = store.codes().codebook().size(), documents = store.documents().count(), codings = store.codings().count();
            CodebookService.MergeReport report;
            try {
                report = session.codebook().importQdc(file);
            } catch (ExchangeException e) {
                return Outcome.refused(e.getMessage());
            }
            int added = store.codes().codebook().size() - codes;
            check(added == report.added(), report.added() + " codes reported added, " + added + " added");
            check(store.documents().count() == documents && store.codings().count() == codings && store.turns().count() == turns,
                    "a codebook changed documents, codings or turns");
            return report.added() == 0 && report.filledIn() == 0 ? Outcome.alreadyThere() : Outcome.imported();
        }

        @Override
        void prepare() {
            Document a = SessionFixtures.importText(session, dir.resolve("texts " + generation), "访谈 巴特尔", FuzzSeeds.INTERVIEW);
            var livelihood = session.codebook().create(null, "生计 Амьжиргаа", "how a household lives", "#228B22");
            var loss = session.codebook().create(livelihood.id(), "雪灾 Зуд", null, null);
            session.coding().apply(a, 24, 40, loss, "Saran");
        }
    }

    /** REFI-QDA projects (.qdpx), each imported as a new project file in a folder of their own. */
    static final class Projects implements Way {
        private final Path dir;
        private final Path cache;
        private Path out;
        private int generation;
        private int n;

        Projects(Path dir) {
            this.dir = dir;
            this.cache = dir.resolve("cache");
            renew(false);
        }

        /** The files in the folder the projects are made in (a refused import leaves nothing there, not even a temporary file). */
        @Override
        public String state() {
            try (Stream<Path> files = Files.list(out)) {
                return files.map(p -> p.getFileName().toString()).sorted().toList().toString();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public Outcome importFile(Path file) {
            Path target = out.resolve("导入 " + (++n) + ".tamga");
            QdpxImportReport report;
            try {
                report = ExchangeService.importQdpx(file, target, file.getParent(), cache);
            } catch (ExchangeException e) {
                check(!Files.exists(target), "a refused .qdpx left its project behind");
                return Outcome.refused(e.getMessage());
            }
            try (ProjectSession s = ProjectSession.open(target, cache)) {
                ProjectStore store = s.store();
                check(store.documents().count() == report.documents(), report.documents() + " documents reported, " + store.documents().count() + " in the project");
                check(store.codes().codebook().size() == report.codes(), report.codes() + " codes reported, " + store.codes().codebook().size() + " in the project");
                check(store.codings().count() == report.codings(), report.codings() + " codings reported, " + store.codings().count() + " in the project");
                check(store.coders().all().size() == report.coders(), "coders reported and in the project differ");
                check(store.cases().all().size() == report.cases(), "cases reported and in the project differ");
                check(store.attributes().all().size() == report.attributes(), "attributes reported and in the project differ");
                Map<Long, Integer> lengths = new LinkedHashMap<>();
                for (Document d : store.documents().all()) {
                    String text = s.documents().text(d);
                    check(text.codePointCount(0, text.length()) == d.length(), "a document's length is not its text's");
                    lengths.put(d.id(), d.length());
                }
                for (Coding c : store.codings().all()) {
                    check(0 <= c.start() && c.start() < c.end() && c.end() <= lengths.get(c.documentId()), "a coding outside its document: " + c);
                }
            }
            deleteProject(target);
            return Outcome.imported();
        }

        @Override
        public void renew(boolean stuck) {
            generation++;
            try {
                out = Files.createDirectories(dir.resolve("projects " + generation));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() { }
    }

    /** Closes a project that is done with and deletes it with its index, or, after a hang, leaves it to a thread of its own. */
    private static void closeSoon(ProjectSession session, boolean stuck, Path dir) {
        if (!stuck) {
            Path file = session.file();
            session.close();
            deleteProject(file);
            String name = file.getFileName().toString();
            deleteTree(dir.resolve("cache " + name.substring(name.lastIndexOf(' ') + 1, name.length() - ".tamga".length())));
            return;
        }
        // a thread that hangs may hold the session: closing it must not hang the run as well
        Thread closer = new Thread(session::close, "tamga-fuzz-close");
        closer.setDaemon(true);
        closer.start();
    }

    static void deleteProject(Path project) {
        for (String suffix : List.of("", "-wal", "-shm", "-journal")) {
            try {
                Files.deleteIfExists(project.resolveSibling(project.getFileName() + suffix));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) return;
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- a run --------------------------------------------------------------------------------------------

    /** The figures of one format (or of one encoding of plain text). */
    static final class Tally {
        int inputs, imports, alreadyThere, refusals, hangs, crashes, changed, badMessages, misreported, technical;
        long slowestMillis = -1, millis;
        int slowestInput = -1;
        List<String> slowestSteps = List.of();

        void add(int input, Result r, List<String> steps) {
            inputs++;
            switch (r.verdict()) {
                case IMPORTED -> imports++;
                case ALREADY_THERE -> { imports++; alreadyThere++; }
                case REFUSED -> refusals++;
                case HANG -> hangs++;
                case CRASH -> crashes++;
                case CHANGED -> changed++;
                case BAD_MESSAGE -> badMessages++;
                case MISREPORTED -> misreported++;
            }
            if (technical(r.message())) technical++;
            millis += r.millis();
            if (r.millis() > slowestMillis) {
                slowestMillis = r.millis();
                slowestInput = input;
                slowestSteps = steps;
            }
        }

        int findings() { return hangs + crashes + changed + badMessages + misreported; }
    }

    /** An input that is a finding: what it was made from, what was done to it, and what happened. */
    record Finding(int input, String format, String seed, Verdict verdict, String detail, String message, List<String> steps, Path saved) {}

    /** A whole run: the tally per format and per text encoding, the findings. */
    static final class Run {
        final Map<String, Tally> formats = new LinkedHashMap<>();
        final Map<String, Tally> encodings = new LinkedHashMap<>();
        final List<Finding> findings = new ArrayList<>();
        final List<String> seedsNotImported = new ArrayList<>();
        final Map<String, List<String>> technicalExamples = new LinkedHashMap<>();
        int inputs;
        long millis;
        boolean stoppedByTime;

        Tally total() {
            Tally t = new Tally();
            for (Tally f : formats.values()) {
                t.inputs += f.inputs; t.imports += f.imports; t.alreadyThere += f.alreadyThere; t.refusals += f.refusals; t.hangs += f.hangs;
                t.crashes += f.crashes; t.changed += f.changed; t.badMessages += f.badMessages; t.misreported += f.misreported;
                t.technical += f.technical; t.millis += f.millis;
                if (f.slowestMillis > t.slowestMillis) { t.slowestMillis = f.slowestMillis; t.slowestInput = f.slowestInput; t.slowestSteps = f.slowestSteps; }
            }
            return t;
        }

        String summary(long seed) {
            StringBuilder b = new StringBuilder();
            b.append(String.format(Locale.ROOT, "Fuzzing the importers: seed %d, %d inputs in %d s%s%n%n", seed, inputs, millis / 1000,
                    stoppedByTime ? " (stopped at the time limit)" : ""));
            table(b, "format", formats, true);
            b.append(String.format(Locale.ROOT, "%nPlain text by the encoding of its seed:%n%n"));
            table(b, "seed", encodings, false);
            b.append(String.format(Locale.ROOT, "%nThe slowest input of each format:%n"));
            formats.forEach((f, t) -> b.append(String.format(Locale.ROOT, "  %s: input %d, %,d ms: %s%n", f, t.slowestInput, t.slowestMillis,
                    shown(String.join("; ", t.slowestSteps)))));
            if (!technicalExamples.isEmpty()) {
                b.append(String.format(Locale.ROOT, "%nRefusals that speak of Java rather than of the file (not findings; examples):%n"));
                technicalExamples.forEach((f, list) -> list.forEach(m -> b.append("  ").append(f).append(": ").append(shown(m)).append(System.lineSeparator())));
            }
            if (!findings.isEmpty()) {
                b.append(String.format(Locale.ROOT, "%nFindings:%n"));
                for (Finding f : findings) {
                    b.append(String.format(Locale.ROOT, "  input %d (%s, from %s, %s): %s: %s%s%n", f.input(), f.format(), f.seed(),
                            String.join("; ", f.steps()), f.verdict(), f.detail() == null ? null : shown(f.detail()), f.saved() == null ? "" : " [saved as " + f.saved() + "]"));
                    if (f.message() != null) b.append("    message: ").append(shown(f.message())).append(System.lineSeparator());
                }
            }
            return b.toString();
        }

        private void table(StringBuilder b, String first, Map<String, Tally> rows, boolean withTotal) {
            b.append("| ").append(first).append(" | inputs | imports (already there) | refusals | hangs | crashes | changed projects | bad messages | misreported | mean | slowest |")
                    .append(System.lineSeparator()).append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|").append(System.lineSeparator());
            rows.forEach((name, t) -> row(b, name, t));
            if (withTotal) row(b, "**all**", total());
        }

        private static void row(StringBuilder b, String name, Tally t) {
            b.append(String.format(Locale.ROOT, "| %s | %,d | %,d (%,d) | %,d | %d | %d | %d | %d | %d | %,d ms | %s |%n", name, t.inputs, t.imports,
                    t.alreadyThere, t.refusals, t.hangs, t.crashes, t.changed, t.badMessages, t.misreported, t.inputs == 0 ? 0 : t.millis / t.inputs,
                    t.slowestInput < 0 ? "" : String.format(Locale.ROOT, "%,d ms (input %d)", t.slowestMillis, t.slowestInput)));
        }
    }

    /** A name of an input: Chinese, Mongolian in both scripts, an emoji, and its number. */
    static String inputName(int input, String extension) {
        return "访谈 Ярилцлага ᠮᠣᠩᠭᠣᠯ 🐑 " + input + "." + extension;
    }

    /**
     * Runs {@code inputs} inputs (the seeds as they are first, then mutations, the formats in turn) until
     * the deadline ({@link System#nanoTime}); {@code only}, if not empty, names the inputs to run alone (to reproduce findings).
     */
    static Run run(List<FuzzSeeds.Seed> seeds, long seed, int inputs, List<Integer> only, long deadlineNanos, long timeoutMillis, Path work,
                   Path findingsFolder, int renewEvery) {
        Run run = new Run();
        List<String> formats = seeds.stream().map(FuzzSeeds.Seed::format).distinct().toList();
        Path in;
        try {
            in = Files.createDirectories(work.resolve("in"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long began = System.nanoTime();
        try (FuzzHarness harness = new FuzzHarness(timeoutMillis);
             Documents documents = new Documents(Files.createDirectories(work.resolve("documents")));
             Codebooks codebooks = new Codebooks(Files.createDirectories(work.resolve("codebooks")));
             Projects projects = new Projects(Files.createDirectories(work.resolve("projects")))) {
            int used = 0;
            List<Integer> order = only.isEmpty() ? java.util.stream.IntStream.range(0, inputs).boxed().toList() : only;
            for (int i : order) {
                if (i >= seeds.size() && System.nanoTime() > deadlineNanos) {
                    run.stoppedByTime = true;
                    break;
                }
                java.util.Random pick = new java.util.Random(seed * 1_000_003L + i);
                FuzzSeeds.Seed from;
                byte[] bytes;
                List<String> steps;
                if (i < seeds.size()) {
                    from = seeds.get(i);
                    bytes = from.bytes();
                    steps = List.of("the seed as it is");
                } else {
                    String format = formats.get((i - seeds.size()) % formats.size());
                    List<FuzzSeeds.Seed> ofFormat = seeds.stream().filter(s -> s.format().equals(format)).toList();
                    from = ofFormat.get(pick.nextInt(ofFormat.size()));
                    FuzzSeeds.Seed other = pick.nextInt(5) > 0 ? ofFormat.get(pick.nextInt(ofFormat.size())) : seeds.get(pick.nextInt(seeds.size()));
                    FuzzMutator mutator = new FuzzMutator(pick.nextLong());
                    bytes = mutator.mutate(from.bytes(), other.bytes(), format);
                    steps = List.copyOf(mutator.steps);
                }
                Path file = in.resolve(inputName(i, from.extension()));
                Files.write(file, bytes);
                Way way = switch (from.format()) {
                    case "qdc" -> codebooks;
                    case "qdpx" -> projects;
                    default -> documents;
                };
                Result result = harness.attempt(way, file);
                run.inputs++;
                run.formats.computeIfAbsent(from.format(), k -> new Tally()).add(i, result, steps);
                if (from.format().equals("txt")) run.encodings.computeIfAbsent(from.label(), k -> new Tally()).add(i, result, steps);
                if (technical(result.message())) {
                    List<String> examples = run.technicalExamples.computeIfAbsent(from.format(), k -> new ArrayList<>());
                    if (examples.size() < 3) examples.add(result.message());
                }
                if (i < seeds.size() && result.verdict() != Verdict.IMPORTED && result.verdict() != Verdict.ALREADY_THERE) {
                    run.seedsNotImported.add(from.label() + " (" + from.format() + "): " + result.verdict() + " " + result.message());
                }
                Path saved = null;
                if (result.verdict().finding()) {
                    Files.createDirectories(findingsFolder);
                    saved = findingsFolder.resolve(seed + "-" + i + "-" + result.verdict().name().toLowerCase(Locale.ROOT) + "." + from.extension());
                    Files.copy(file, saved, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    run.findings.add(new Finding(i, from.format(), from.label(), result.verdict(), result.detail(), result.message(), steps, saved));
                }
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    file.toFile().deleteOnExit();   // a parser given up on may still hold it
                }
                if (++used % renewEvery == 0) {
                    documents.renew(false);
                    codebooks.renew(false);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        run.millis = (System.nanoTime() - began) / 1_000_000;
        return run;
    }
}
