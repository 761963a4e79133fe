package org.tamga.core;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tamga.core.FuzzHarness.Outcome;
import org.tamga.core.FuzzHarness.Result;
import org.tamga.core.FuzzHarness.Verdict;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile input, fuzzed (issue 14 item 7, ADR 44): every importer — plain text in every encoding Tamga reads,
 * .docx, .doc, .odt, .rtf, .pdf, .html, .srt, .vtt, .qdc codebooks, .qdpx projects — is fed the committed seeds
 * (src/test/resources/fuzz-seeds) and seeded mutations of them. Every input must give an import or a one-line
 * refusal that names the file, within a bound, without a crash, and a refusal must leave the project as it
 * was. In the normal suite a brief run; by hand a long one (docs/reliability.md):
 *
 * <pre>./mvnw -o test -Dtest='ImportFuzzTest#everyInput*' -Djacoco.skip=true -Dtamga.fuzz.inputs=12000 -Dtamga.fuzz.seed=1</pre>
 *
 * Properties: {@code tamga.fuzz.inputs} (default 300), {@code tamga.fuzz.seed}, {@code tamga.fuzz.seconds} (a time
 * limit; 35 s in the brief run, none when inputs are given), {@code tamga.fuzz.timeout} (seconds one input may
 * take, 20), {@code tamga.fuzz.only} (inputs to run alone, to reproduce findings: 48,1253), {@code tamga.fuzz.report} (a file
 * the summary is also written to), {@code tamga.fuzz.findings} (where findings are saved, target/fuzz-findings).
 */
class ImportFuzzTest {
    @TempDir Path tmp;

    static final long DEFAULT_SEED = 44;

    @Test
    void everyInputGivesAnImportOrAOneLineRefusalWithinTheBoundAndARefusalChangesNothing() throws IOException {
        long seed = Long.getLong("tamga.fuzz.seed", DEFAULT_SEED);
        boolean brief = System.getProperty("tamga.fuzz.inputs") == null;
        int inputs = Integer.getInteger("tamga.fuzz.inputs", 300);
        long seconds = Long.getLong("tamga.fuzz.seconds", brief ? 35 : 365L * 24 * 3600);
        long timeout = Long.getLong("tamga.fuzz.timeout", 20);
        List<Integer> only = java.util.Arrays.stream(System.getProperty("tamga.fuzz.only", "").split(","))
                .filter(s -> !s.isBlank()).map(s -> Integer.valueOf(s.strip())).toList();
        Path findings = Path.of(System.getProperty("tamga.fuzz.findings", "target/fuzz-findings"));
        List<FuzzSeeds.Seed> seeds = FuzzSeeds.load();

        FuzzHarness.Run run = FuzzHarness.run(seeds, seed, inputs, only, System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds),
                TimeUnit.SECONDS.toMillis(timeout), tmp, findings, 200);
        String summary = run.summary(seed);
        System.out.println(summary);
        String report = System.getProperty("tamga.fuzz.report");
        if (report != null) Files.writeString(Path.of(report), summary, StandardCharsets.UTF_8);

        FuzzHarness.Tally all = run.total();
        assertEquals(List.of(), run.findings.stream().map(f -> "input " + f.input() + " (" + f.format() + " from " + f.seed() + ", "
                + String.join("; ", f.steps()) + "): " + f.verdict() + ": " + f.detail()).toList(), summary);
        assertEquals(0, all.hangs + all.crashes + all.changed + all.badMessages + all.misreported, summary);
        if (only.isEmpty()) {
            assertEquals(List.of(), run.seedsNotImported, "every seed imports as it is");
            assertTrue(run.inputs >= seeds.size() + 2L * run.formats.size(), "every format was fuzzed: " + summary);
            for (var e : run.formats.entrySet()) {
                assertTrue(e.getValue().refusals > 0 || e.getValue().inputs < 10, "some mutations of " + e.getKey() + " are refused: " + summary);
            }
        }
    }

    /** A way in that does what it is told: the harness must see every kind of failure. */
    static final class Fake implements FuzzHarness.Way {
        String state = "documents 0";
        final CountDownLatch release = new CountDownLatch(1);
        java.util.function.Function<Path, Outcome> behaviour;
        int renewed;

        @Override public String state() { return state; }
        @Override public Outcome importFile(Path file) { return behaviour.apply(file); }
        @Override public void renew(boolean stuck) { renewed++; }
        @Override public void close() { release.countDown(); }
    }

    @Test
    void theHarnessCountsCrashesHangsChangedProjectsBadMessagesAndMisreportedImports() throws Exception {
        Path file = Files.writeString(tmp.resolve(FuzzHarness.inputName(7, "docx")), "x");
        String name = file.getFileName().toString();
        try (FuzzHarness harness = new FuzzHarness(1_000); Fake fake = new Fake()) {
            fake.behaviour = f -> Outcome.refused("Cannot import " + f + ": it is damaged.");
            assertEquals(Verdict.REFUSED, harness.attempt(fake, file).verdict(), "a good refusal");
            fake.behaviour = f -> Outcome.imported();
            assertEquals(Verdict.IMPORTED, harness.attempt(fake, file).verdict());

            fake.behaviour = f -> { throw new IllegalStateException("a reader that throws"); };
            Result crash = harness.attempt(fake, file);
            assertEquals(Verdict.CRASH, crash.verdict());
            assertTrue(crash.detail().contains("IllegalStateException: a reader that throws"), crash.detail());
            fake.behaviour = f -> { throw new StackOverflowError(); };
            assertEquals(Verdict.CRASH, harness.attempt(fake, file).verdict(), "an Error is a crash");
            fake.behaviour = f -> { throw new OutOfMemoryError("Java heap space"); };
            assertEquals(Verdict.CRASH, harness.attempt(fake, file).verdict());

            fake.behaviour = f -> {
                try {
                    fake.release.await();   // until interrupted by the harness, or the test ends
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return Outcome.imported();
            };
            Result hang = harness.attempt(fake, file);
            assertEquals(Verdict.HANG, hang.verdict());
            assertEquals(1, fake.renewed, "after a hang the project is renewed");
            fake.behaviour = f -> Outcome.refused("Cannot import " + f + ": it is damaged.");
            assertEquals(Verdict.REFUSED, harness.attempt(fake, file).verdict(), "the harness goes on after a hang, on a new thread");

            fake.behaviour = f -> {
                fake.state = "documents 1";
                return Outcome.refused("Cannot import " + f + ": it is damaged.");
            };
            Result changed = harness.attempt(fake, file);
            assertEquals(Verdict.CHANGED, changed.verdict());
            assertTrue(changed.detail().contains("documents 0 \u2192 documents 1"), changed.detail());

            for (String bad : List.of("Cannot import " + name + ":\nit is damaged.", "Cannot import: it is damaged.",
                    "Cannot import " + name + ": java.lang.NullPointerException at org.tamga.X.y(X.java:12)", "")) {
                fake.behaviour = f -> Outcome.refused(bad);
                assertEquals(Verdict.BAD_MESSAGE, harness.attempt(fake, file).verdict(), bad);
            }
            fake.behaviour = f -> { throw new AssertionError("a library's own assert"); };
            assertEquals(Verdict.CRASH, harness.attempt(fake, file).verdict(), "an assert in a library is a crash");
            fake.behaviour = f -> { throw new FuzzHarness.Misreported("3 turns reported, 2 added"); };
            Result misreported = harness.attempt(fake, file);
            assertEquals(Verdict.MISREPORTED, misreported.verdict());
            assertEquals("3 turns reported, 2 added", misreported.detail());
        }
    }

    @Test
    void theSameSeedGivesTheSameInputs() {
        byte[] seed = FuzzSeeds.load().stream().filter(s -> s.format().equals("docx")).findFirst().orElseThrow().bytes();
        for (long s = 0; s < 20; s++) {
            FuzzMutator a = new FuzzMutator(s), b = new FuzzMutator(s);
            assertTrue(java.util.Arrays.equals(a.mutate(seed, seed, "docx"), b.mutate(seed, seed, "docx")), "seed " + s);
            assertEquals(a.steps, b.steps);
        }
        String steps = java.util.stream.LongStream.range(0, 200).mapToObj(s -> {
            FuzzMutator m = new FuzzMutator(s);
            m.mutate(seed, seed, "docx");
            return String.join(";", m.steps);
        }).collect(Collectors.joining("\n"));
        assertTrue(steps.contains("in entry word/document.xml:") && steps.contains("xml: ") && steps.contains("truncate"),
                "the mutations reach inside the zip and its XML as well as the raw bytes");
    }

    /**
     * What the fuzz test found, kept fixed (src/test/resources/fuzz-findings, each a mutation of a seed): an RTF on
     * which Tika's own {@code assert} fails (a crash under -ea), a codebook whose parser complaint held a line
     * break, an .odt whose content type, quoted in the refusal, was 40,000 characters long.
     */
    @Test
    void theInputsTheFuzzerFoundGiveOneLineRefusals() throws IOException {
        try (FuzzHarness harness = new FuzzHarness(TimeUnit.SECONDS.toMillis(60));
             FuzzHarness.Documents documents = new FuzzHarness.Documents(Files.createDirectories(tmp.resolve("documents")));
             FuzzHarness.Codebooks codebooks = new FuzzHarness.Codebooks(Files.createDirectories(tmp.resolve("codebooks")))) {
            for (String name : List.of("rtf-assertion-in-tika.rtf", "qdc-line-break-in-parser-message.qdc", "odt-40000-character-content-type.odt")) {
                Path file = tmp.resolve(FuzzHarness.inputName(1, name.substring(name.lastIndexOf('.') + 1)));
                try (var in = ImportFuzzTest.class.getResourceAsStream("/fuzz-findings/" + name)) {
                    Files.write(file, in.readAllBytes());
                }
                Result r = harness.attempt(name.endsWith(".qdc") ? codebooks : documents, file);
                assertEquals(Verdict.REFUSED, r.verdict(), name + ": " + r.detail() + " " + r.message());
                assertTrue(r.message().length() < 600, r.message());
                Files.delete(file);
            }
        }
    }

    /**
     * Found by the long fuzz run (seed 1): subtitles with a line of 100,000 {@code <} (or {@code <v }) and no
     * {@code >} hung the import (the tag pattern's backtracking, minutes), and an .odt whose content.xml
     * declares a million-character XML version kept the JDK's parser busy for 26 s, and jsoup took 20 s over an HTML
     * page of tables nested 100,000 deep. They now answer at once.
     */
    @Test
    void longUnclosedTagsEndlessXmlDeclarationsAndNestedTablesAnswerAtOnce() throws IOException {
        String cue = "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n<v 访谈者>你好 ";
        Path vtt = Files.writeString(tmp.resolve(FuzzHarness.inputName(1, "vtt")), cue + "<".repeat(200_000) + "\n\n"
                + "00:00:04.000 --> 00:00:05.000\n" + "<v ".repeat(100_000) + "\n", StandardCharsets.UTF_8);
        Path odt = org.tamga.Fixtures.odt(tmp.resolve("plain.odt"), "Ярилцлага", "Өлзий", List.of("Асуулт: Хэдэн малтай вэ?"));
        java.util.Map<String, byte[]> parts = FuzzMutator.entries(Files.readAllBytes(odt));
        org.tamga.exchange.Zips damaged = org.tamga.exchange.Zips.archive();
        parts.forEach((name, bytes) -> damaged.add(name, name.equals("content.xml")
                ? new String(bytes, StandardCharsets.UTF_8).replace("version=\"1.0\"", "version=\"" + "ᠮ".repeat(1_000_000) + "\"")
                        .getBytes(StandardCharsets.UTF_8) : bytes));
        Path bad = damaged.writeTo(tmp.resolve(FuzzHarness.inputName(2, "odt")));
        Path tables = Files.writeString(tmp.resolve(FuzzHarness.inputName(3, "html")), "<html><body><p>R: 我们村有一百户。</p>"
                + "<TABLE><tr><td>".repeat(100_000) + "</body></html>", StandardCharsets.UTF_8);
        Path manyTables = Files.writeString(tmp.resolve(FuzzHarness.inputName(4, "html")), "<html><body><p>R: 我们村有一百户。</p>"
                + "<table><tr><td>牛</td><td>11</td></tr></table>".repeat(150) + "</body></html>", StandardCharsets.UTF_8);
        try (FuzzHarness harness = new FuzzHarness(TimeUnit.SECONDS.toMillis(60));
             FuzzHarness.Documents documents = new FuzzHarness.Documents(Files.createDirectories(tmp.resolve("documents")))) {
            Result nested = harness.attempt(documents, tables);
            assertEquals(Verdict.REFUSED, nested.verdict(), nested.detail());
            assertTrue(nested.message().contains("its tables are nested more than 100 deep"), nested.message());
            assertTrue(nested.millis() < 30_000, nested.millis() + " ms");
            assertEquals(Verdict.IMPORTED, harness.attempt(documents, manyTables).verdict(), "150 tables one after another are no nesting");
            Result subtitles = harness.attempt(documents, vtt);
            assertEquals(Verdict.IMPORTED, subtitles.verdict(), subtitles.detail() + " " + subtitles.message());
            assertTrue(subtitles.millis() < 30_000, subtitles.millis() + " ms");
            Result declaration = harness.attempt(documents, bad);
            assertEquals(Verdict.REFUSED, declaration.verdict(), declaration.detail());
            assertTrue(declaration.message().contains("its part content.xml starts an XML declaration (<?xml \u2026 ?>) that does not end within 1024 characters"),
                    declaration.message());
        }
    }

    /**
     * Found by the fuzz test: merging a codebook read the whole codebook again for every code it merged, so a
     * file of 1,000 codes took 10 s and one of 5,000 codes 78 s (the time grew with the square of the codes).
     * Now 5,000 codes take about 5 s; the bound here is generous for a loaded machine.
     */
    @Test
    void aCodebookOfThousandsOfCodesMergesInTimeInProportionToItsSize() {
        StringBuilder qdc = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\"><Codes>");
        int n = 3000;
        for (int i = 0; i < n; i++) {
            qdc.append(String.format(java.util.Locale.ROOT, "<Code guid=\"00000000-0000-4000-8000-%012d\" name=\"代码 ᠺᠣᠳ %d\" isCodable=\"true\">", i, i));
            qdc.append(i % 3 == 2 ? "</Code></Code></Code>" : "");
        }
        qdc.append("</Codes></CodeBook>");
        try (ProjectSession session = ProjectSession.create(tmp.resolve("大 codebook.tamga"), tmp.resolve("cache"))) {
            Path file = Files.writeString(tmp.resolve("代码本 Код 🐑.qdc"), qdc, StandardCharsets.UTF_8);
            long began = System.nanoTime();
            CodebookService.MergeReport report = session.codebook().importQdc(file);
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - began);
            assertEquals(n, report.added());
            assertEquals(n, session.codebook().codebook().size());
            assertEquals(n / 3, session.codebook().codebook().roots().size());
            assertTrue(seconds < 60, n + " codes took " + seconds + " s");
            CodebookService.MergeReport again = session.codebook().importQdc(file);
            assertEquals(0, again.added());
            assertEquals(n, again.unchanged(), "every code is found again by its GUID");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
