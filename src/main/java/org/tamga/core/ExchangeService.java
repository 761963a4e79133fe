package org.tamga.core;

import org.tamga.core.text.Positions;
import org.tamga.exchange.CodeNode;
import org.tamga.exchange.Guids;
import org.tamga.exchange.QdpxArchive;
import org.tamga.exchange.QdpxProject;
import org.tamga.exchange.QdpxProject.Note;
import org.tamga.exchange.QdpxProject.Selection;
import org.tamga.exchange.QdpxProject.Source;
import org.tamga.exchange.QdpxProject.SourceKind;
import org.tamga.exchange.QdpxProject.User;
import org.tamga.model.Attribute;
import org.tamga.model.Case;
import org.tamga.model.Code;
import org.tamga.model.Coder;
import org.tamga.model.Coding;
import org.tamga.model.Document;
import org.tamga.model.Memo;
import org.tamga.model.Project;
import org.tamga.model.TamgaException;
import org.tamga.store.ProjectStore;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Exchanging whole projects with NVivo, ATLAS.ti, MAXQDA, QualCoder and Taguette as REFI-QDA
 * {@code .qdpx} archives (see docs/adr/0020 and 0021). Export writes the open project; import
 * builds a new project file from an archive, all or nothing.
 */
public final class ExchangeService {
    private final ProjectSession session;

    ExchangeService(ProjectSession session) { this.session = session; }

    /** What an export wrote. */
    public record ExportReport(Path file, int documents, int codes, int codings, int coders, int memos, int attributes, int cases) {}

    /**
     * Writes the project as a {@code .qdpx}: coders as users, the codebook (hierarchy, colours,
     * descriptions; code memos as notes), every document as a UTF-8 text source named by its GUID
     * with its codings as {@code PlainTextSelection → Coding → CodeRef} (positions in code points,
     * end exclusive; codings of the same passage share one selection), coding memos and project
     * memos as notes, the project's memo as its description. The {@code project.qde} is checked
     * against the REFI-QDA project schema before the file is written.
     */
    public ExportReport exportQdpx(Path file) {
        ProjectStore store = session.store();
        Project project = store.project();
        List<Coder> coders = store.coders().all();
        Map<Long, String> coderGuid = new HashMap<>();
        List<User> users = new ArrayList<>();
        for (Coder c : coders) {
            coderGuid.put(c.id(), c.guid());
            users.add(new User(c.guid(), c.name()));
        }
        var book = store.codes().codebook();
        Map<Long, Code> codes = new HashMap<>();
        List<Note> notes = new ArrayList<>();
        Map<String, List<String>> codeNotes = new LinkedHashMap<>();
        for (Code c : book.codes()) {
            codes.put(c.id(), c);
            if (!blank(c.memo())) {
                String note = Guids.derived("code-memo", c.guid());
                notes.add(new Note(note, c.name(), c.memo(), null, null, null, null, null));
                codeNotes.put(c.guid(), List.of(note));
            }
        }
        List<CodeNode> nodes = session.codebook().toNodes();
        List<Attribute> attributes = store.attributes().all();
        Map<Long, String> variableGuid = new HashMap<>();
        List<QdpxProject.Variable> variables = new ArrayList<>();
        for (Attribute a : attributes) {
            variableGuid.put(a.id(), a.guid());
            variables.add(new QdpxProject.Variable(a.guid(), a.name(), a.type().refiName(), a.description()));
        }
        Map<Long, Map<Long, String>> documentValues = store.attributes().allDocumentValues();
        List<Source> sources = new ArrayList<>();
        Map<String, Long> documentIds = new HashMap<>();
        int codingCount = 0;
        for (Document d : store.documents().all()) {
            documentIds.put(d.guid(), d.id());
            List<Coding> codings = new ArrayList<>(store.codings().ofDocument(d.id()));
            codings.sort(Comparator.comparingInt(Coding::start).thenComparingInt(Coding::end).thenComparing(Coding::guid));
            codingCount += codings.size();
            Map<String, List<Coding>> byPassage = new LinkedHashMap<>();
            for (Coding c : codings) byPassage.computeIfAbsent(c.start() + ":" + c.end(), k -> new ArrayList<>()).add(c);
            Positions text = byPassage.isEmpty() ? null : new Positions(store.documents().text(d.id()));
            List<Selection> selections = new ArrayList<>();
            for (List<Coding> same : byPassage.values()) {
                Coding first = same.getFirst();
                List<QdpxProject.Coding> out = new ArrayList<>();
                Instant created = null;
                for (Coding c : same) {
                    List<String> memo = List.of();
                    if (!blank(c.memo())) {
                        String note = Guids.derived("coding-memo", c.guid());
                        notes.add(new Note(note, codes.get(c.codeId()).name(), c.memo(), null, null, coderGuid.get(c.coderId()),
                                c.createdAt(), null));
                        memo = List.of(note);
                    }
                    out.add(new QdpxProject.Coding(c.guid(), codes.get(c.codeId()).guid(), coderGuid.get(c.coderId()), c.createdAt(), memo));
                    if (c.createdAt() != null && (created == null || c.createdAt().isBefore(created))) created = c.createdAt();
                }
                selections.add(new Selection(Guids.derived("selection", d.guid() + ":" + first.start() + ":" + first.end()),
                        excerpt(text.substring(first.start(), first.end())), first.start(), first.end(), null,
                        coderGuid.get(first.coderId()), created, out, List.of()));
            }
            sources.add(new Source(SourceKind.TEXT, d.guid(), d.name(), d.memo(), null, d.importedAt(),
                    "internal://" + d.guid() + ".txt", null, null, null, selections, List.of(), List.of(),
                    values(documentValues.getOrDefault(d.id(), Map.of()), variableGuid), List.of(), 0));
        }
        List<String> projectNotes = new ArrayList<>();
        List<Memo> memos = store.memos().all();
        for (Memo m : memos) {
            notes.add(new Note(m.guid(), m.title(), m.text(), null, null, m.coderId() == null ? null : coderGuid.get(m.coderId()),
                    m.createdAt(), m.modifiedAt()));
            projectNotes.add(m.guid());
        }
        Map<Long, String> documentGuid = new HashMap<>();
        documentIds.forEach((guid, id) -> documentGuid.put(id, guid));
        Map<Long, List<Long>> members = store.cases().documents();
        Map<Long, Map<Long, String>> caseValues = store.cases().values();
        List<QdpxProject.Case> cases = new ArrayList<>();
        for (Case c : store.cases().all()) {
            cases.add(new QdpxProject.Case(c.guid(), c.name(), c.memo(),
                    members.getOrDefault(c.id(), List.of()).stream().map(documentGuid::get).sorted().toList(), // the same order at every export
                    values(caseValues.getOrDefault(c.id(), Map.of()), variableGuid), 0, 0));
        }
        QdpxProject qdpx = new QdpxProject(project.name(), origin(), project.memo(), project.createdAt(), users, nodes, codeNotes,
                variables, cases, sources, notes, List.of(), projectNotes, 0, 0, List.of());
        QdpxArchive.write(qdpx, s -> store.documents().text(documentIds.get(s.guid())), file);
        return new ExportReport(file, sources.size(), book.size(), codingCount, coders.size(), memos.size(), attributes.size(), cases.size());
    }

    /** Attribute values (attribute id → value) as REFI-QDA variable values, in the attributes' order. */
    private static List<QdpxProject.VariableValue> values(Map<Long, String> values, Map<Long, String> variableGuid) {
        return values.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> new QdpxProject.VariableValue(variableGuid.get(e.getKey()), e.getValue())).toList();
    }

    /** The {@code origin} Tamga writes into the files it exports. */
    static String origin() {
        String v = ExchangeService.class.getPackage().getImplementationVersion();
        return v == null ? "Tamga" : "Tamga " + v;
    }

    /** A selection's name: its passage on one line, cut after 60 characters (as ATLAS.ti and MAXQDA name theirs). */
    static String excerpt(String passage) {
        String flat = passage.strip().replaceAll("\\s+", " ");
        int max = 60;
        if (flat.codePointCount(0, flat.length()) <= max) return flat;
        return flat.substring(0, flat.offsetByCodePoints(0, max)).strip() + "…";
    }

    // ---- import -------------------------------------------------------------------------------

    /** Imports a {@code .qdpx} into a new project; files a source names {@code relative://} are looked for beside the archive. */
    public static QdpxImportReport importQdpx(Path qdpx, Path project) {
        Path beside = qdpx.toAbsolutePath().getParent();
        return importQdpx(qdpx, project, beside, CacheFolders.root());
    }

    /**
     * Imports a {@code .qdpx} made by another tool (or by Tamga) into a NEW project file. The
     * project is built under a temporary name beside the target and moved into place only when
     * complete: a failed import leaves nothing behind, and an existing file is never overwritten.
     *
     * @param externalFolder where files named {@code relative://…} are looked for (only there, never above it)
     */
    public static QdpxImportReport importQdpx(Path qdpx, Path project, Path externalFolder, Path cacheRoot) {
        Path target = ProjectSession.withExtension(project).toAbsolutePath();
        if (Files.exists(target)) {
            throw new TamgaException(target.getFileName() + " already exists; importing a QDPX file creates a new project,"
                    + " so choose a name that is not taken.");
        }
        Path folder = target.getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new TamgaException("Cannot create " + project + ": the folder " + folder + " does not exist.");
        }
        String fileName = target.getFileName().toString();
        String name = fileName.substring(0, fileName.length() - ProjectStore.EXTENSION.length());
        try (QdpxArchive archive = QdpxArchive.open(qdpx)) {
            Path temporary = folder.resolve("." + fileName + "." + UUID.randomUUID() + ".importing");
            QdpxImportReport report;
            ProjectSession session = ProjectSession.create(temporary, name, cacheRoot);
            try {
                report = session.store().inTransaction(() -> new QdpxImport(session, archive, externalFolder).run());
                session.close();
            } catch (RuntimeException e) {
                try { session.close(); } catch (RuntimeException ignored) { /* the file is deleted anyway */ }
                deleteQuietly(temporary);
                throw e;
            }
            try {
                moveIntoPlace(temporary, target);
            } catch (IOException e) {
                deleteQuietly(temporary);
                if (e instanceof FileAlreadyExistsException) {
                    throw new TamgaException(target.getFileName() + " appeared while importing; it was left as it is and nothing was imported.");
                }
                throw new TamgaException("Cannot create " + target + ": " + e.getMessage(), e);
            }
            return report.at(target);
        }
    }

    /** A rename within one folder; without REPLACE_EXISTING it refuses a file that appeared meanwhile. */
    private static void moveIntoPlace(Path temporary, Path target) throws IOException {
        Files.move(temporary, target);
    }

    private static void deleteQuietly(Path projectFile) {
        for (String suffix : List.of("", "-wal", "-shm", "-journal")) {
            try { Files.deleteIfExists(projectFile.resolveSibling(projectFile.getFileName() + suffix)); } catch (IOException ignored) { /* best effort */ }
        }
    }

    static boolean blank(String s) { return s == null || s.isBlank(); }

    static String lower(String s) { return s == null ? "" : s.toLowerCase(Locale.ROOT); }
}
