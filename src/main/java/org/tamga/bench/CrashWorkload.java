package org.tamga.bench;

import org.tamga.core.Backups;
import org.tamga.core.CodingService;
import org.tamga.core.ImportReport;
import org.tamga.core.ImportService;
import org.tamga.core.ProjectSession;
import org.tamga.model.Code;
import org.tamga.model.Document;
import org.tamga.model.TamgaException;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The process the crash harness kills (ADR 43): opens a project and runs a seeded random mix of what a
 * researcher does, through the core services as the window and the command line do — imports of
 * small transcripts (Chinese, Mongolian in Cyrillic and in the traditional script, emoji, and a
 * token found in no other document), single codings and bursts of codings, memos, new and renamed
 * codes, merges of coders' copies, backups and restores — until it is killed.
 *
 * <p>It says what it does on standard output, one line each, flushed at once: {@code opening},
 * {@code ready}, then per operation {@code begin STEP KIND CHANGE…} before it starts (what the
 * project will hold once it is committed: {@code +FACT}, {@code -FACT}, {@code =BACKUP} for the
 * backup's content, {@code @COPY} for what merging that copy adds) and {@code ack STEP KIND [NAME]}
 * only after the commit returned. Fields are separated by tabs. A fact is a line of text that
 * {@link CrashHarness#facts} reads back from a project: {@link #document}, {@link #coding},
 * {@link #memo}, {@link #code}.
 */
public final class CrashWorkload {
    static final String OPENING = "opening", READY = "ready", BEGIN = "begin", ACK = "ack";
    /** The file in the work folder that lists the backups the harness knows the content of, one name a line. */
    static final String KNOWN_BACKUPS = "backups.txt";
    /** The folder in the work folder with the coders' copies that are merged. */
    static final String COPIES = "副本";
    /** Names of the copies' documents and codes begin so; the workload does not rename a copy's code. */
    static final String COPY_PREFIX = "合并";

    /** The operations and how often each is chosen (out of the sum). */
    enum Op {
        IMPORT(18), CODING(18), BURST(12), MEMO(9), NEW_CODE(8), RENAME(8), MERGE(9), BACKUP(9), RESTORE(9);
        final int weight;
        Op(int weight) { this.weight = weight; }
        String word() { return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'); }
    }

    private final ProjectSession session;
    private final Path work;
    private final Random random;
    private final PrintStream out;
    private final List<String> backups = new ArrayList<>();
    private long step;

    private CrashWorkload(ProjectSession session, Path work, Random random, PrintStream out, long start) {
        this.session = session;
        this.work = work;
        this.random = random;
        this.out = out;
        this.step = start;
    }

    /** {@code PROJECT CACHE WORK SEED START [STEPS]}: runs until killed (or STEPS operations). */
    public static void main(String[] args) {
        // the harness holds this process's standard input open: when the harness is gone, so is this process
        Thread.ofPlatform().daemon().name("crash-workload-orphan").start(() -> {
            try {
                while (System.in.read() != -1) { /* nothing is sent */ }
            } catch (IOException e) {
                // closed: the same as the end
            }
            Runtime.getRuntime().halt(3);
        });
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        run(Path.of(args[0]), Path.of(args[1]), Path.of(args[2]), Long.parseLong(args[3]), Long.parseLong(args[4]),
                args.length > 5 ? Integer.parseInt(args[5]) : Integer.MAX_VALUE, out);
    }

    /**
     * Opens the project and runs {@code steps} operations numbered from {@code start}, chosen by
     * {@code seed} and {@code start}; returns the next step's number.
     */
    public static long run(Path project, Path cacheRoot, Path work, long seed, long start, int steps, PrintStream out) {
        out.println(OPENING);
        try (ProjectSession session = ProjectSession.open(project, cacheRoot)) {
            session.ensureIndex();
            CrashWorkload w = new CrashWorkload(session, work, new Random(seed * 1_000_003L + start), out, start);
            w.backups.addAll(knownBackups(work));
            out.println(READY);
            for (int i = 0; i < steps; i++) w.next();
            return w.step;
        }
    }

    static List<String> knownBackups(Path work) {
        Path f = work.resolve(KNOWN_BACKUPS);
        if (!Files.isRegularFile(f)) return List.of();
        try {
            return Files.readAllLines(f, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new TamgaException("Cannot read " + f + ": " + e.getMessage(), e);
        }
    }

    // ---- facts: what a project holds, one line of text each ------------------------------------

    static String document(String name, String sha256) { return "D|" + name + "|" + sha256; }
    static String coding(String coder, String document, int start, int end, String codeGuid) {
        return "C|" + coder + "|" + document + "|" + start + "|" + end + "|" + codeGuid;
    }
    static String memo(String text) { return "M|" + text; }
    static String code(String name) { return "K|" + name; }

    /** The word in a document's text found in no other document: {@code tamgaq} and letters for the step and the file. */
    static String token(String kind, long step, int file) {
        StringBuilder b = new StringBuilder();
        for (long n = step * 10 + file; ; n /= 26) {
            b.append((char) ('a' + (int) (n % 26)));
            if (n < 26) break;
        }
        return "tamgaq" + kind + b.reverse();
    }

    /** A short transcript in three scripts, with turns, and {@code token} twice; {@code paragraphs} long. */
    static String transcript(String token, long step, int paragraphs) {
        StringBuilder t = new StringBuilder();
        t.append("访谈者：请介绍一下您家的草场，").append(token).append("。\n");
        t.append("受访者：我们家有三百只羊 🐑，草场退化了 ").append(step).append(" 年。\n");
        for (int p = 0; p < paragraphs; p++) {
            t.append("Interviewer: Танай өрх хэдэн малтай вэ? 🐎 ").append(p).append('\n');
            t.append("Respondent: ᠮᠣᠩᠭᠣᠯ ᠬᠡᠯᠡ, 牧民 grassland subsidy 补贴 🐪\n");
        }
        t.append("受访者：").append(token).append(" 完。\n");
        return t.toString();
    }

    // ---- the operations ------------------------------------------------------------------------

    private void next() {
        long s = step++;
        int total = Stream.of(Op.values()).mapToInt(o -> o.weight).sum();
        int r = random.nextInt(total);
        Op op = Op.IMPORT;
        for (Op o : Op.values()) {
            if (r < o.weight) { op = o; break; }
            r -= o.weight;
        }
        if (session.documents().all().isEmpty() && (op == Op.CODING || op == Op.BURST)) op = Op.IMPORT;
        if (backups.isEmpty() && op == Op.RESTORE) op = Op.BACKUP;
        switch (op) {
            case IMPORT -> importFiles(s);
            case CODING -> coding(s);
            case BURST -> burst(s);
            case MEMO -> memo(s);
            case NEW_CODE -> newCode(s);
            case RENAME -> rename(s);
            case MERGE -> merge(s);
            case BACKUP -> backup(s);
            case RESTORE -> restore(s);
        }
    }

    private void begin(long s, Op op, List<String> changes) {
        List<String> fields = new ArrayList<>(List.of(BEGIN, String.valueOf(s), op.word()));
        fields.addAll(changes);
        out.println(String.join("\t", fields));
    }

    private void ack(long s, Op op, String... more) {
        List<String> fields = new ArrayList<>(List.of(ACK, String.valueOf(s), op.word()));
        fields.addAll(List.of(more));
        out.println(String.join("\t", fields));
    }

    private void importFiles(long s) {
        Path folder = work.resolve("导入").resolve("s" + s);
        List<Path> files = new ArrayList<>();
        List<String> changes = new ArrayList<>();
        int n = 1 + random.nextInt(3);
        try {
            Files.createDirectories(folder);
            for (int i = 0; i < n; i++) {
                String name = "访谈 s" + s + "-" + i + " 🐎";
                String text = transcript(token("s", s, i), s, 1 + random.nextInt(40));
                Path f = folder.resolve(name + ".txt");
                Files.writeString(f, text, StandardCharsets.UTF_8);
                files.add(f);
                changes.add("+" + document(name, ImportService.sha256(text)));
            }
        } catch (IOException e) {
            throw new TamgaException("Cannot write the files to import in " + folder + ": " + e.getMessage(), e);
        }
        begin(s, Op.IMPORT, changes);
        ImportReport report = session.importing().importFiles(files, null);
        if (report.imported().size() != n) throw new TamgaException("The import of step " + s + " imported " + report.imported().size() + " of " + n + " files.");
        ack(s, Op.IMPORT);
    }

    private Document anyDocument() {
        List<Document> docs = session.documents().all();
        return docs.get(random.nextInt(docs.size()));
    }

    private Code anyCode() {
        List<Code> codes = session.codebook().codebook().codes().stream().filter(Code::codable).toList();
        return codes.get(random.nextInt(codes.size()));
    }

    private void coding(long s) {
        Document d = anyDocument();
        Code c = anyCode();
        int start = random.nextInt(d.length());
        int end = start + 1 + random.nextInt(Math.min(60, d.length() - start));
        String coder = "编码员 s" + s;
        begin(s, Op.CODING, List.of("+" + coding(coder, d.name(), start, end, c.guid())));
        session.coding().apply(d, start, end, c, coder, "备注 🐫 s" + s);
        ack(s, Op.CODING);
    }

    private void burst(long s) {
        String coder = "批量 Батаа s" + s;
        List<CodingService.Passage> passages = new ArrayList<>();
        Set<String> changes = new LinkedHashSet<>();
        int n = 2 + random.nextInt(30);
        for (int i = 0; i < n; i++) {
            Document d = anyDocument();
            Code c = anyCode();
            int start = random.nextInt(d.length());
            int end = start + 1 + random.nextInt(Math.min(60, d.length() - start));
            if (changes.add("+" + coding(coder, d.name(), start, end, c.guid()))) passages.add(new CodingService.Passage(d, start, end, c, coder));
        }
        begin(s, Op.BURST, List.copyOf(changes));
        session.coding().applyAll(passages);
        ack(s, Op.BURST);
    }

    private void memo(long s) {
        String text = "备忘 s" + s + ": Малчид ᠮᠠᠯᠴᠢᠨ 草场 🐪";
        begin(s, Op.MEMO, List.of("+" + memo(text)));
        session.addMemo("备忘 s" + s, text, "Батболд");
        ack(s, Op.MEMO);
    }

    private void newCode(long s) {
        String name = "码 n" + s + " ᠮᠠᠯ";
        begin(s, Op.NEW_CODE, List.of("+" + code(name)));
        session.codebook().create(null, name, "定义 🐎 s" + s, null);
        ack(s, Op.NEW_CODE);
    }

    private void rename(long s) {
        List<Code> own = session.codebook().codebook().codes().stream().filter(c -> !c.name().startsWith(COPY_PREFIX)).toList();
        Code c = own.get(random.nextInt(own.size()));
        String name = "码 r" + s + " Өвс";
        begin(s, Op.RENAME, List.of("-" + code(c.name()), "+" + code(name)));
        session.codebook().rename(c.id(), name);
        ack(s, Op.RENAME);
    }

    private void merge(long s) {
        List<Path> copies;
        try (Stream<Path> list = Files.list(work.resolve(COPIES))) {
            copies = list.filter(p -> p.getFileName().toString().endsWith(".tamga")).sorted().toList();
        } catch (IOException e) {
            throw new TamgaException("Cannot list the copies to merge: " + e.getMessage(), e);
        }
        Path copy = copies.get(random.nextInt(copies.size()));
        begin(s, Op.MERGE, List.of("@" + copy.getFileName()));
        session.merging().merge(List.of(copy), false);
        ack(s, Op.MERGE);
    }

    private void backup(long s) {
        begin(s, Op.BACKUP, List.of());
        Backups.Backup b = session.backUpNow();
        ack(s, Op.BACKUP, b.name());
        backups.add(b.name());
    }

    private void restore(long s) {
        String name = backups.get(random.nextInt(backups.size()));
        begin(s, Op.RESTORE, List.of("=" + name));
        session.restore(Backups.folder(session.file()).resolve(name));
        ack(s, Op.RESTORE);
    }
}
