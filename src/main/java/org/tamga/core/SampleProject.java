package org.tamga.core;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.tamga.model.Code;
import org.tamga.model.Document;
import org.tamga.model.TamgaException;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The ready-made sample project: six fictional interviews with herders, farmers, a village cadre,
 * a returning youth and a teacher (Chinese and English), the shipped research codebook, codings
 * by two coders, the interviewees' attributes (职业, 性别, 年龄, 访谈日期) and the three places they
 * live in as cases (with their 区域, pastoral or farming). It is built through the same services a researcher uses (import, codebook
 * import, coding), from resources in the jar.
 */
public final class SampleProject {
    public static final String CODEBOOK = "/codebooks/poverty-capability-local-knowledge.qdc";
    private static final String SAMPLE = "/sample/";
    /** The sample coder who made the sample's codebook. */
    static final String CODEBOOK_AUTHOR = "Saran";

    private SampleProject() {}

    /** Creates the sample project in {@code file} (which must not exist yet). */
    public static ProjectSession create(Path file, Path cacheRoot) {
        Path work;
        try {
            work = Files.createTempDirectory("tamga-sample");
        } catch (IOException e) {
            throw new TamgaException("Cannot create a temporary folder for the sample project: " + e.getMessage(), e);
        }
        ProjectSession session = ProjectSession.create(file, cacheRoot);
        try {
            Path transcripts = Files.createDirectories(work.resolve("transcripts"));
            for (String name : lines(SAMPLE + "documents.txt")) {
                copy(SAMPLE + "transcripts/" + name, transcripts.resolve(name));
            }
            ImportReport report = session.importing().importFiles(List.of(transcripts), null);
            if (!report.ok()) throw new TamgaException(report.failures().getFirst().message());
            Path codebook = work.resolve("codebook.qdc");
            copy(CODEBOOK, codebook);
            // the codebook is the sample's first coder's: its history starts with her making it (ADR 46)
            String coder = session.coder();
            session.setCoder(CODEBOOK_AUTHOR);
            session.codebook().importQdc(codebook);
            session.setCoder(coder);
            applyCodings(session);
            applyAttributesAndCases(session);
            return session;
        } catch (IOException | RuntimeException e) {
            session.close();
            try { Files.deleteIfExists(file); } catch (IOException ignored) { /* best effort */ }
            if (e instanceof TamgaException t) throw t;
            throw new TamgaException("Cannot build the sample project: " + e.getMessage(), e);
        } finally {
            deleteQuietly(work);
        }
    }

    private static void applyCodings(ProjectSession session) {
        try (Reader reader = new InputStreamReader(resource(SAMPLE + "codings.tsv"), StandardCharsets.UTF_8)) {
            CSVFormat tsv = CSVFormat.TDF.builder().setHeader().setSkipHeaderRecord(true).setQuote(null).get();
            for (CSVRecord row : tsv.parse(reader)) {
                Document doc = session.documents().resolve(row.get("document"));
                String text = session.documents().text(doc);
                String passage = row.get("passage");
                int utf16 = text.indexOf(passage);
                if (utf16 < 0) throw new IllegalStateException("sample passage not found in " + doc.name() + ": " + passage);
                int start = text.codePointCount(0, utf16);
                int end = start + passage.codePointCount(0, passage.length());
                Code code = session.codebook().resolve(row.get("code"));
                var coding = session.coding().apply(doc, start, end, code, row.get("coder"));
                String memo = row.get("memo");
                if (memo != null && !memo.isBlank()) session.coding().setMemo(coding, memo.strip());
            }
        } catch (IOException e) {
            throw new IllegalStateException("sample codings unreadable", e);
        }
    }

    /** The interviewees' attributes (occupation, gender, age, date) and the places they live in as cases, with the place's area. */
    private static void applyAttributesAndCases(ProjectSession session) {
        CSVFormat tsv = CSVFormat.TDF.builder().setHeader().setSkipHeaderRecord(true).setQuote(null).get();
        try (Reader reader = new InputStreamReader(resource(SAMPLE + "attributes.tsv"), StandardCharsets.UTF_8)) {
            for (CSVRecord row : tsv.parse(reader)) {
                session.cases().setValue(session.documents().resolve(row.get("document")), row.get("attribute"), row.get("value"),
                        org.tamga.model.Attribute.Type.of(row.get("type")));
            }
        } catch (IOException e) {
            throw new IllegalStateException("sample attributes unreadable", e);
        }
        try (Reader reader = new InputStreamReader(resource(SAMPLE + "cases.tsv"), StandardCharsets.UTF_8)) {
            for (CSVRecord row : tsv.parse(reader)) {
                session.cases().createCase(row.get("case"), null);
                List<Document> docs = new ArrayList<>();
                for (String name : row.get("documents").split("\\|")) docs.add(session.documents().resolve(name));
                session.cases().addToCase(row.get("case"), docs);
                session.cases().setValue(session.cases().resolveCase(row.get("case")), row.get("attribute"), row.get("value"),
                        org.tamga.model.Attribute.Type.of(row.get("type")));
            }
        } catch (IOException e) {
            throw new IllegalStateException("sample cases unreadable", e);
        }
    }

    private static List<String> lines(String resource) {
        try (InputStream in = resource(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(l -> !l.isEmpty()).toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void copy(String resource, Path target) {
        try (InputStream in = resource(resource)) {
            Files.copy(in, target);
        } catch (IOException e) {
            throw new IllegalStateException("cannot copy " + resource, e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = SampleProject.class.getResourceAsStream(name);
        if (in == null) throw new IllegalStateException("missing resource " + name);
        return in;
    }

    private static void deleteQuietly(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a temporary folder: the system cleans it up
        }
    }

    /** All resources the sample uses, for tests. */
    static List<String> transcriptNames() { return new ArrayList<>(lines(SAMPLE + "documents.txt")); }
}
