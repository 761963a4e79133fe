package org.tamga.bench;

import org.tamga.core.Backups;
import org.tamga.core.CodingService;
import org.tamga.core.ImportService;
import org.tamga.core.ProjectSession;
import org.tamga.core.SearchService;
import org.tamga.model.Code;
import org.tamga.model.Document;
import org.tamga.model.Memo;
import org.tamga.model.TamgaException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The crash harness (ADR 43): kills a {@link CrashWorkload} in a child JVM at seeded random moments,
 * again and again on the same project, so that damage would accumulate, and after every kill checks
 * what a researcher relies on: SQLite's full check ({@code PRAGMA integrity_check}) passes, the
 * project opens, every write the child acknowledged is there (a restore acknowledged makes the
 * backup's content what is expected), the operation killed half-way is all there or not at all, and
 * a search (the index caught up as on opening) finds every document at its token.
 *
 * <p>The moment of each kill is chosen from the child's own output, not the clock alone: after its
 * n-th line ({@code opening}, {@code ready} or the start of an operation), and then a random number
 * of milliseconds, so that kills land in every operation on a loaded machine too.
 */
public final class CrashHarness {
    /** The longest the child may stay silent before the harness gives up on it. */
    private static final long SILENCE_MS = 180_000;
    private static final String END = "\u0000end";
    private static final Pattern TOKEN = Pattern.compile("tamgaq[a-z]+");

    /** What one run found. {@code killedIn}: the operation running at each kill, by kind. */
    public record Summary(int kills, long acknowledged, int lost, int unopenable, int integrityFailures, int staleSearches,
                          int torn, int workloadErrors, double seconds, Map<String, Integer> killedIn, int documents, int codings) {
        public boolean clean() { return lost == 0 && unopenable == 0 && integrityFailures == 0 && staleSearches == 0 && torn == 0 && workloadErrors == 0; }
    }

    /** What a check after a kill found: writes lost, whether SQLite's check failed or the project did not open, stale searches, a torn operation. */
    record Verdict(Set<String> lost, String integrity, String unopenable, List<String> stale, boolean torn, Set<String> found,
                   Set<String> unexpected, Set<String> missing) {
        boolean clean() { return lost.isEmpty() && integrity == null && unopenable == null && stale.isEmpty() && !torn; }
    }

    /** An operation begun and not (yet) acknowledged: its step, kind and changes. */
    private record Pending(long step, String kind, List<String> changes) {}

    private final Path work, project, cache;
    private final long seed;
    private final Random random;
    private final Consumer<String> progress;
    /** What the project holds: everything acknowledged so far (and what an operation killed half-way was found to have done). */
    private Set<String> expected = new TreeSet<>();
    /** The content of each backup the child made and acknowledged, by file name. */
    private final Map<String, Set<String>> backups = new LinkedHashMap<>();
    /** What merging each copy adds, by file name. */
    private final Map<String, Set<String>> copies = new HashMap<>();
    private Pending pending;
    /** The current child's lines, kept for the report of a kill that found something wrong. */
    private List<String> log;
    private long nextStep;
    private long acknowledged;
    private String lastLine;

    /** A harness working in {@code work} (made if needed): the project, its cache folder, the copies to merge. */
    public CrashHarness(Path work, long seed, Consumer<String> progress) {
        this.work = work.toAbsolutePath();
        this.project = this.work.resolve("项目 🐑.tamga");
        this.cache = this.work.resolve("cache");
        this.seed = seed;
        this.random = new Random(seed);
        this.progress = progress;
    }

    public Path project() { return project; }

    // ---- preparing -------------------------------------------------------------------------

    /** Creates the project (a few codes and transcripts) and three coders' copies of it, each with work of its own to merge. */
    void prepare() {
        try {
            Files.createDirectories(work.resolve(CrashWorkload.COPIES));
            Files.createDirectories(work.resolve("tmp"));
        } catch (IOException e) {
            throw new TamgaException("Cannot create " + work + ": " + e.getMessage(), e);
        }
        if (Files.exists(project)) throw new TamgaException("The crash harness needs a folder of its own: " + project + " exists already.");
        try (ProjectSession s = ProjectSession.create(project, cache)) {
            for (String name : List.of("草场 Grassland", "Малчин · 牧民", "ᠮᠠᠯ Livestock", "Subsidy 补贴 💰")) s.codebook().create(null, name, null, null);
            importTexts(s, "基础 b", "b", 2);
            expected = facts(s);
        }
        for (int i = 0; i < 3; i++) {
            Path copy = work.resolve(CrashWorkload.COPIES).resolve(CrashWorkload.COPY_PREFIX + " 副本 " + i + ".tamga");
            Backups.backUpTo(project, copy);
            try (ProjectSession s = ProjectSession.open(copy, work.resolve("cache-copies"))) {
                Code own = s.codebook().create(null, CrashWorkload.COPY_PREFIX + "码 c" + i + " ᠬᠠᠮᠲᠤ", null, null);
                List<Document> docs = importTexts(s, CrashWorkload.COPY_PREFIX + " c" + i + "-", "c" + (char) ('a' + i), 2);
                Code base = s.codebook().codebook().codes().getFirst();
                for (Document d : docs) {
                    s.coding().apply(d, 2, 9, own, "副本编码员 " + i);
                    s.coding().apply(d, 0, 3, base, "副本编码员 " + i);
                }
                s.addMemo("副本 " + i, "副本备忘 " + i + " 🐑 ᠮᠣᠩᠭᠣᠯ", "Дорж");
                Set<String> added = facts(s);
                added.removeAll(expected);
                copies.put(copy.getFileName().toString(), added);
            }
        }
        progress.accept("prepared " + project + ": " + expected.size() + " facts, 3 copies to merge");
    }

    /** Imports {@code n} transcripts named {@code prefix} and a number, with tokens {@code tamgaq}, {@code kind} (letters) and letters. */
    private List<Document> importTexts(ProjectSession s, String prefix, String kind, int n) {
        Path folder = work.resolve("导入").resolve(kind);
        List<Path> files = new ArrayList<>();
        try {
            Files.createDirectories(folder);
            for (int i = 0; i < n; i++) {
                Path f = folder.resolve(prefix + i + " 🐎.txt");
                Files.writeString(f, CrashWorkload.transcript(CrashWorkload.token(kind, 0, i), i, 3), StandardCharsets.UTF_8);
                files.add(f);
            }
        } catch (IOException e) {
            throw new TamgaException("Cannot write the texts to import: " + e.getMessage(), e);
        }
        return s.importing().importFiles(files, null).imported();
    }

    // ---- reading what a project holds ----------------------------------------------------------

    /** Everything the workload writes, as facts: documents (name and the SHA-256 of the text), codings, memos, code names. */
    static Set<String> facts(ProjectSession s) {
        Set<String> f = new TreeSet<>();
        for (Document d : s.documents().all()) f.add(CrashWorkload.document(d.name(), ImportService.sha256(s.documents().text(d))));
        for (CodingService.Segment g : s.coding().all(null)) {
            f.add(CrashWorkload.coding(g.coder(), g.document().name(), g.coding().start(), g.coding().end(), g.code().guid()));
        }
        for (Memo m : s.memos()) f.add(CrashWorkload.memo(m.text()));
        for (Code c : s.codebook().codebook().codes()) f.add(CrashWorkload.code(c.name()));
        return f;
    }

    // ---- the child's lines ---------------------------------------------------------------------

    /** Takes one line of the child's output into the expectations. */
    void accept(String line) {
        lastLine = line;
        if (log != null) log.add(line);
        String[] f = line.split("\t");
        if (f[0].equals(CrashWorkload.BEGIN)) {
            pending = new Pending(Long.parseLong(f[1]), f[2], List.of(f).subList(3, f.length));
            nextStep = Math.max(nextStep, pending.step() + 1);
        } else if (f[0].equals(CrashWorkload.ACK)) {
            if (pending == null || pending.step() != Long.parseLong(f[1])) throw new TamgaException("An acknowledgement of an operation that did not begin: " + line);
            expected = applied(pending, expected);
            if (pending.kind().equals("backup")) backups.put(f[3], new TreeSet<>(expected));
            pending = null;
            acknowledged++;
        }
    }

    /** What the project holds after {@code p} is done on {@code before}. */
    private Set<String> applied(Pending p, Set<String> before) {
        Set<String> after = new TreeSet<>(before);
        for (String change : p.changes()) {
            String rest = change.substring(1);
            switch (change.charAt(0)) {
                case '+' -> after.add(rest);
                case '-' -> after.remove(rest);
                case '@' -> after.addAll(known(copies, rest, "copy"));
                case '=' -> { after.clear(); after.addAll(known(backups, rest, "backup")); }
                default -> throw new TamgaException("Not a change: " + change);
            }
        }
        return after;
    }

    private static Set<String> known(Map<String, Set<String>> map, String name, String what) {
        Set<String> s = map.get(name);
        if (s == null) throw new TamgaException("The workload used a " + what + " the harness does not know: " + name);
        return s;
    }

    // ---- checking ------------------------------------------------------------------------------

    /**
     * Checks the project after a kill: SQLite's full check, opening it, the facts against what was
     * expected (with the operation that was running done, not done, or for an import any of its
     * files done: an import commits its files in batches), and a search for every document's token.
     * The expectations become what was found, so that one failure is counted once.
     */
    Verdict verify() {
        List<Set<String>> candidates = new ArrayList<>();
        candidates.add(expected);
        Set<String> adds = new HashSet<>();
        if (pending != null) {
            candidates.add(applied(pending, expected));
            for (String c : pending.changes()) if (c.startsWith("+")) adds.add(c.substring(1));
        }
        String integrity = Backups.checkFully(project).orElse(null);
        ProjectSession s;
        try {
            s = ProjectSession.open(project, cache);
        } catch (TamgaException e) {
            return new Verdict(Set.of(), integrity, String.valueOf(e.getMessage()), List.of(), false, Set.of(), Set.of(), Set.of());
        }
        try (s) {
            Set<String> found = facts(s);
            if (pending != null && pending.kind().equals("import")) {
                Set<String> some = new TreeSet<>(expected);
                for (String a : adds) if (found.contains(a)) some.add(a);
                candidates.add(some);
            }
            Set<String> required = new TreeSet<>(candidates.getFirst());
            for (Set<String> c : candidates) required.retainAll(c);
            Set<String> lost = new TreeSet<>(required);
            lost.removeAll(found);
            Set<String> withLost = new TreeSet<>(found);
            withLost.addAll(lost);
            boolean torn = !candidates.contains(withLost);
            // for the report: what was found and not expected (with the operation done), and what was expected and not found
            Set<String> unexpected = new TreeSet<>(found);
            for (Set<String> c : candidates) unexpected.removeAll(c);
            Set<String> missing = new TreeSet<>(candidates.getLast());
            missing.removeAll(found);
            List<String> stale = stale(s);
            expected = found;
            pending = null;
            return new Verdict(lost, integrity, null, stale, torn, found, unexpected, torn ? missing : Set.of());
        }
    }

    /** The documents a search for their token does not find where it is (or finds elsewhere). */
    private static List<String> stale(ProjectSession s) {
        List<String> out = new ArrayList<>();
        for (Document d : s.documents().all()) {
            Matcher m = TOKEN.matcher(s.documents().text(d));
            if (!m.find()) { out.add(d.name() + " (no token)"); continue; }
            String token = m.group();
            List<SearchService.Hit> hits = s.search().search(SearchService.Request.of(token)).hits();
            boolean right = hits.size() == 2 && hits.stream().allMatch(h -> h.document().guid().equals(d.guid()) && h.match().equals(token));
            if (!right) out.add(d.name() + ": " + hits.size() + " hits for " + token);
        }
        return out;
    }

    // ---- killing -------------------------------------------------------------------------------

    /** Prepares the project and kills the workload {@code kills} times; stops early when the project no longer opens. */
    public Summary run(int kills) {
        long t0 = System.nanoTime();
        prepare();
        int lost = 0, unopenable = 0, integrity = 0, stale = 0, torn = 0, errors = 0, done = 0;
        Map<String, Integer> killedIn = new TreeMap<>();
        for (int k = 1; k <= kills; k++) {
            int line = random.nextInt(7);
            int delay = random.nextInt(4) == 0 ? 0 : random.nextInt(600);
            log = new ArrayList<>();
            Child child = runChild(line, delay);
            done++;
            if (child.error() != null) errors++;
            killedIn.merge(child.killedIn(), 1, Integer::sum);
            Verdict v = verify();
            lost += v.lost().size();
            if (v.integrity() != null) integrity++;
            if (v.unopenable() != null) unopenable++;
            if (!v.stale().isEmpty()) stale++;
            if (v.torn()) torn++;
            progress.accept(String.format(Locale.ROOT, "kill %d/%d in %s (line %d + %d ms): %d acknowledged so far, %s",
                    k, kills, child.killedIn(), line, delay, acknowledged, v.clean() && child.error() == null ? "ok" : describe(v, child)));
            if (!v.clean() || child.error() != null) keepLog(k);
            if (v.unopenable() != null) break;
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        int documents = 0, codings = 0;
        for (String f : expected) { if (f.startsWith("D|")) documents++; else if (f.startsWith("C|")) codings++; }
        return new Summary(done, acknowledged, lost, unopenable, integrity, stale, torn, errors, seconds, killedIn, documents, codings);
    }

    private static String describe(Verdict v, Child child) {
        List<String> p = new ArrayList<>();
        if (child.error() != null) p.add("the workload failed: " + child.error());
        if (!v.lost().isEmpty()) p.add("LOST " + v.lost());
        if (v.integrity() != null) p.add("INTEGRITY " + v.integrity());
        if (v.unopenable() != null) p.add("UNOPENABLE " + v.unopenable());
        if (!v.stale().isEmpty()) p.add("STALE " + v.stale());
        if (v.torn()) p.add("TORN: found and not expected " + v.unexpected() + ", expected with the operation done and not found " + v.missing());
        return String.join("; ", p);
    }

    /** How a child ended: the operation it was in when killed, or why it ended by itself. */
    private record Child(String killedIn, String error) {}

    /** Starts the workload, kills it {@code delayMs} after its {@code line}-th line, and takes in every line it printed. */
    private Child runChild(int line, int delayMs) {
        writeKnownBackups();
        Path err = work.resolve("child-stderr.txt");
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = List.of(java, "--enable-native-access=ALL-UNNAMED", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Dfile.encoding=UTF-8", "-Dstdout.encoding=UTF-8", "-Djava.io.tmpdir=" + work.resolve("tmp"),
                "-cp", System.getProperty("java.class.path"), CrashWorkload.class.getName(),
                project.toString(), cache.toString(), work.toString(), String.valueOf(seed), String.valueOf(nextStep));
        Process p;
        try {
            p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.to(err.toFile())).start();
        } catch (IOException e) {
            throw new TamgaException("Cannot start the workload: " + e.getMessage(), e);
        }
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = Thread.ofPlatform().daemon().name("crash-harness-reader").start(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String l; (l = r.readLine()) != null; ) lines.add(l);
            } catch (IOException e) {
                // the pipe closes when the child dies
            } finally {
                lines.add(END);
            }
        });
        String error = null;
        boolean ended = false;
        try {
            int seen = 0;
            long killAt = -1;
            while (true) {
                long now = System.nanoTime();
                long wait = killAt < 0 ? SILENCE_MS : TimeUnit.NANOSECONDS.toMillis(killAt - now);
                if (killAt >= 0 && wait <= 0) break;
                String l = lines.poll(wait, TimeUnit.MILLISECONDS);
                if (l == null) {
                    if (killAt >= 0) break;
                    error = "silent for " + SILENCE_MS / 1000 + " s";
                    break;
                }
                if (l.equals(END)) { ended = true; break; }
                accept(l);
                if ((l.equals(CrashWorkload.OPENING) || l.equals(CrashWorkload.READY) || l.startsWith(CrashWorkload.BEGIN + "\t")) && seen++ == line) {
                    killAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(delayMs);
                }
            }
            p.destroyForcibly();
            if (!p.waitFor(60, TimeUnit.SECONDS)) throw new TamgaException("The workload did not die within a minute of being killed.");
            if (!ended) {
                for (String l; !(l = lines.take()).equals(END); ) accept(l);
            }
            reader.join();
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new TamgaException("The crash harness was interrupted.", e);
        }
        if (ended) error = "it ended by itself (exit " + p.exitValue() + "): " + tail(err);
        String in = pending != null ? pending.kind() : CrashWorkload.OPENING.equals(lastLine) ? "opening" : lastLine == null ? "starting" : "between operations";
        return new Child(in, error);
    }

    /** Keeps the lines of the child of a kill that found something wrong, in {@code kill-K.txt} in the work folder. */
    private void keepLog(int kill) {
        try {
            Files.writeString(work.resolve("kill-" + kill + ".txt"), String.join("\n", log) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            progress.accept("could not keep the lines of kill " + kill + ": " + e.getMessage());
        }
    }

    private void writeKnownBackups() {
        try {
            Files.writeString(work.resolve(CrashWorkload.KNOWN_BACKUPS), String.join("\n", backups.keySet()) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new TamgaException("Cannot write " + CrashWorkload.KNOWN_BACKUPS + ": " + e.getMessage(), e);
        }
    }

    private static String tail(Path file) {
        try {
            List<String> l = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join(" | ", l.subList(Math.max(0, l.size() - 8), l.size()));
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    /** The summary as the table in docs/reliability.md, and the operations killed in. */
    public static void print(Summary s, PrintWriter out) {
        out.println("kills  acknowledged writes  lost  unopenable  integrity failures  stale searches  torn operations  workload errors  time");
        out.println(String.format(Locale.ROOT, "%5d  %19d  %4d  %10d  %18d  %14d  %15d  %15d  %.0f s",
                s.kills(), s.acknowledged(), s.lost(), s.unopenable(), s.integrityFailures(), s.staleSearches(), s.torn(), s.workloadErrors(), s.seconds()));
        StringBuilder b = new StringBuilder("killed in: ");
        s.killedIn().forEach((k, n) -> b.append(k).append(' ').append(n).append(", "));
        b.setLength(b.length() - 2);
        out.println(b);
        out.println("the project at the end: " + s.documents() + " documents, " + s.codings() + " codings");
    }

    /** What the project is expected to hold (the test adds a write that was never made). */
    Set<String> expected() { return expected; }
}
