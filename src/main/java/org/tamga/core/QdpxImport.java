package org.tamga.core;

import org.tamga.core.importing.DocumentReader;
import org.tamga.core.importing.Extracted;
import org.tamga.core.importing.Refusal;
import org.tamga.core.text.ForeignPositions;
import org.tamga.core.text.ForeignPositions.Evidence;
import org.tamga.core.text.ForeignPositions.Rule;
import org.tamga.core.text.LanguageDetector;
import org.tamga.core.text.NamedPassages;
import org.tamga.core.text.TextDecoder;
import org.tamga.exchange.CodeNode;
import org.tamga.exchange.ExchangeException;
import org.tamga.exchange.Guids;
import org.tamga.exchange.QdpxArchive;
import org.tamga.exchange.QdpxProject;
import org.tamga.exchange.QdpxProject.Link;
import org.tamga.exchange.QdpxProject.Note;
import org.tamga.exchange.QdpxProject.OtherSelection;
import org.tamga.exchange.QdpxProject.Selection;
import org.tamga.exchange.QdpxProject.Source;
import org.tamga.exchange.QdpxProject.SourceKind;
import org.tamga.exchange.QdpxProject.User;
import org.tamga.exchange.QdpxProject.Variable;
import org.tamga.exchange.QdpxProject.VariableValue;
import org.tamga.exchange.UnsafeArchiveException;
import org.tamga.model.Attribute;
import org.tamga.model.Case;
import org.tamga.model.Code;
import org.tamga.model.Coder;
import org.tamga.model.Document;
import org.tamga.store.DocumentRepository;
import org.tamga.store.ProjectStore;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Maps one REFI-QDA project onto a new, empty Tamga project, inside one transaction (see
 * docs/adr/0021 for what maps to what, 0022 for DOCX and PDF sources without plain text). Whatever
 * cannot be carried over is named in the report with the reason; nothing is dropped silently.
 */
final class QdpxImport {
    static final String UNKNOWN_CODER = "(unknown coder)";

    private final ProjectStore store;
    private final QdpxArchive archive;
    private final QdpxProject project;
    private final Path externalFolder;

    private final List<String> adjusted = new ArrayList<>();
    private final List<String> skipped = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    private final Map<String, Long> coderByUser = new HashMap<>();
    private final Set<String> coderNames = new HashSet<>();
    private Long fallbackCoder;
    private int unattributed;
    private final Map<String, Long> codeByGuid = new HashMap<>();
    /** Source GUID → the document made of it (two sources with the same text share one). */
    private final Map<String, Document> documentBySource = new HashMap<>();
    private final Map<String, Note> notes = new LinkedHashMap<>();
    private final Map<String, String> noteTexts = new HashMap<>();
    /** Element GUID → notes linked to it through {@code <Links>} (NVivo's annotations). */
    private final Map<String, List<String>> linkedNotes = new HashMap<>();
    private final Set<String> consumedNotes = new HashSet<>();
    /** GUIDs taken so far, per kind of element (each is unique only within its own table). */
    private final Map<String, Set<String>> usedGuids = new HashMap<>();

    QdpxImport(ProjectSession session, QdpxArchive archive, Path externalFolder) {
        this.store = session.store();
        this.archive = archive;
        this.project = archive.project();
        this.externalFolder = externalFolder;
    }

    /**
     * A source whose text could be read, with how it was stored; {@code formatted} when Tamga's document
     * importer read it from the source's DOCX or PDF (no plain text of it in the file).
     */
    private record Prepared(Source source, ForeignPositions text, String encoding, Formatted formatted) {}

    /** The source's formatted document ({@code path} as the file names it) and what the document importer read from it. */
    private record Formatted(String path, String format, Extracted extracted) {}

    QdpxImportReport run() {
        warnings.addAll(project.warnings());
        if (!ExchangeService.blank(project.description())) store.setProjectMemo(project.description().strip());
        for (Note n : project.notes()) {
            if (notes.putIfAbsent(n.guid(), n) != null) warnings.add("two notes share the GUID " + n.guid() + "; the second is a project memo of its own");
        }
        int otherLinks = links(project.links());
        users(project.users());
        codes(project.codes(), null, new HashMap<>());

        List<Prepared> prepared = new ArrayList<>();
        for (Source s : project.sources()) {
            Prepared p = prepare(s);
            if (p != null) prepared.add(p);
        }
        Evidence evidence = new Evidence();
        // positions on a formatted source count the tool's own plain text, not Tamga's: they tell nothing of how the tool counted
        for (Prepared p : prepared) {
            if (p.formatted() == null) for (Selection sel : p.source().selections()) evidence.add(p.text(), sel.start(), sel.end(), sel.name());
        }
        Rule preferred = preferredRule(project.origin());
        Rule rule = evidence.decide(preferred);
        for (Prepared p : prepared) document(p, rule);
        casesAndAttributes();
        List<Prepared> alsoFormatted = prepared.stream().filter(p -> p.formatted() == null && p.source().richTextPath() != null).toList();
        if (!alsoFormatted.isEmpty()) {
            adjusted.add(count(alsoFormatted.size(), "source") + " came with a formatted version (" + alsoFormatted.stream()
                    .map(p -> extension(p.source().richTextPath())).distinct().sorted()
                    .collect(Collectors.joining(", ")) + ") beside the plain text; Tamga imported the plain text, without the formatting");
        }

        int memos = leftoverNotes();
        notCarried(otherLinks);
        if (unattributed > 0) {
            Coder fallback = store.coders().byId(fallbackCoder).orElseThrow();
            adjusted.add(unattributed + (unattributed == 1 ? " coding names" : " codings name") + " no coder the file knows; "
                    + (unattributed == 1 ? "it was" : "they were") + " given to " + (fallback.name().equals(UNKNOWN_CODER)
                    ? "the coder \u201C" + UNKNOWN_CODER + "\u201D" : "the file's only user, \u201C" + fallback.name() + "\u201D"));
        }
        return new QdpxImportReport(null, archive.fileName(), project.origin(), store.documents().count(),
                store.codes().codebook().size(), store.codings().count(), store.coders().all().size(), memos,
                store.attributes().all().size(), store.cases().all().size(),
                describe(rule, preferred, evidence), adjusted, skipped, warnings);
    }

    // ---- users, codes, links --------------------------------------------------------------

    private void users(List<User> users) {
        for (User u : users) {
            if (coderByUser.containsKey(u.guid())) {
                warnings.add("the user " + u.guid() + " is listed twice; the first entry was kept");
                continue;
            }
            String name = ExchangeService.blank(u.name()) ? "User " + u.guid().substring(0, Math.min(8, u.guid().length())) : u.name().strip();
            String unique = name;
            for (int n = 2; coderNames.contains(unique); n++) unique = name + " (" + n + ")";
            if (!unique.equals(name)) adjusted.add("two users are called \u201C" + name + "\u201D; the second became the coder \u201C" + unique + "\u201D");
            coderNames.add(unique);
            Coder c = store.coders().insert(guid("coder", u.guid(), "user \u201C" + name + "\u201D"), unique);
            coderByUser.put(u.guid(), c.id());
        }
    }

    /** The coder of the first of these users the file knows; otherwise its only user, or the coder "(unknown coder)". */
    private long coder(String... userRefs) {
        for (String ref : userRefs) {
            Long id = ref == null ? null : coderByUser.get(ref);
            if (id != null) return id;
        }
        unattributed++;
        if (fallbackCoder == null) {
            if (coderByUser.size() == 1) {
                fallbackCoder = coderByUser.values().iterator().next();
            } else {
                String name = UNKNOWN_CODER;
                for (int n = 2; coderNames.contains(name); n++) name = UNKNOWN_CODER + " (" + n + ")";
                coderNames.add(name);
                fallbackCoder = store.coders().insert(null, name).id();
            }
        }
        return fallbackCoder;
    }

    private void codes(List<CodeNode> nodes, Long parentId, Map<Long, Set<String>> siblingNames) {
        for (CodeNode node : nodes) {
            String name = node.name().strip();
            Set<String> siblings = siblingNames.computeIfAbsent(parentId == null ? -1L : parentId, k -> new HashSet<>());
            String unique = name;
            for (int n = 2; siblings.contains(unique.toLowerCase(Locale.ROOT)); n++) unique = name + " (" + n + ")";
            if (!unique.equals(name)) adjusted.add("two codes at the same level are called \u201C" + name + "\u201D; the second is now \u201C" + unique + "\u201D");
            siblings.add(unique.toLowerCase(Locale.ROOT));
            String guid = node.guid();
            if (codeByGuid.containsKey(guid) || !taken("code").add(guid)) {
                guid = fresh("code");
                warnings.add("two codes share the GUID " + node.guid() + "; the second (\u201C" + unique + "\u201D) was given "
                        + guid + ", and codings that name " + node.guid() + " go to the first");
            }
            Code code = store.codes().insert(guid, parentId, unique, node.description(), node.color(), node.codable());
            List<String> refs = new ArrayList<>(project.codeNotes().getOrDefault(node.guid(), List.of()));
            refs.addAll(linkedNotes.getOrDefault(node.guid(), List.of()));
            String memo = noteTexts(refs);
            if (memo != null) {
                store.codes().update(new Code(code.id(), code.guid(), code.parentId(), code.name(), code.description(), code.color(),
                        code.codable(), code.order(), memo));
            }
            codeByGuid.putIfAbsent(node.guid(), code.id());
            codes(node.children(), code.id(), siblingNames);
        }
    }

    /** Links between a note and something else attach the note to it (NVivo links annotations so); the others are counted. */
    private int links(List<Link> links) {
        int other = 0;
        for (Link l : links) {
            if (l.origin() != null && notes.containsKey(l.origin()) && l.target() != null && !notes.containsKey(l.target())) {
                linkedNotes.computeIfAbsent(l.target(), k -> new ArrayList<>()).add(l.origin());
            } else if (l.target() != null && notes.containsKey(l.target()) && l.origin() != null && !notes.containsKey(l.origin())) {
                linkedNotes.computeIfAbsent(l.origin(), k -> new ArrayList<>()).add(l.target());
            } else {
                other++;
            }
        }
        return other;
    }

    // ---- sources ----------------------------------------------------------------------------

    /** Reads a source's text as the tool stored it, or reports why it is not imported. */
    private Prepared prepare(Source s) {
        String label = s.kind().word() + " \u201C" + s.name() + "\u201D";
        switch (s.kind()) {
            case PICTURE, AUDIO, VIDEO -> {
                notImported(s, label, "Tamga imports text; pictures, audio and video stay in the tool they came from");
                return null;
            }
            case PDF, TEXT -> {
                if (!s.hasPlainText()) return formattedSource(s, label, null);
            }
        }
        String raw = null;
        String encoding = null;
        String problem = null;
        if (s.plainTextPath() != null) {
            try {
                TextDecoder.Decoded d = TextDecoder.decodeKeepingLineEndings(archive.read(s.plainTextPath(), externalFolder));
                raw = d.text();
                encoding = d.encoding();
            } catch (UnsafeArchiveException e) {
                throw e;
            } catch (ExchangeException e) {
                problem = e.reason();
            } catch (TextDecoder.UndecodableException e) {
                problem = "its text file " + s.plainTextPath() + " cannot be read: " + e.getMessage();
            }
        }
        if (raw == null && s.plainTextContent() != null) {
            raw = s.plainTextContent();
            if (raw.startsWith("\uFEFF")) raw = raw.substring(1);
            encoding = "inline in project.qde";
            if (problem != null) warnings.add(label + ": " + problem + "; its text was taken from project.qde instead");
            if (raw.isBlank()) {
                notImported(s, label, "its text is empty");
                return null;
            }
        }
        if (raw == null) {
            if (formattedPath(s) != null) return formattedSource(s, label, problem);
            notImported(s, label, problem);
            return null;
        }
        if (raw.length() > DocumentReader.MAX_CHARACTERS) {
            // the limit of every other format (a source's text file is bounded in bytes only, and 100 MB hold 100 million characters)
            notImported(s, label, DocumentReader.TOO_MANY_CHARACTERS);
            return null;
        }
        if (s.kind() == SourceKind.PDF) {
            adjusted.add(label + ": its plain-text representation was imported as a document (the PDF itself stays in the tool it came from)");
        }
        return new Prepared(s, new ForeignPositions(raw), encoding, null);
    }

    /** The formatted document of a text or PDF source: the DOCX a text source names, the PDF of a PDF source; null when none. */
    private static String formattedPath(Source s) {
        String path = switch (s.kind()) {
            case TEXT -> s.richTextPath();
            case PDF -> s.path();
            default -> null;
        };
        return ExchangeService.blank(path) ? null : path;
    }

    /**
     * A source the file gives no plain text of (a DOCX named by {@code richTextPath}, a PDF without
     * the text of its {@code <Representation>}), or whose plain text could not be read
     * ({@code plainTextProblem}): its DOCX or PDF is read from the archive (bounded by its limits)
     * by Tamga's document importer, as {@code import} reads such a file. If that cannot be done, the
     * source is reported with the reason.
     */
    private Prepared formattedSource(Source s, String label, String plainTextProblem) {
        String path = formattedPath(s);
        if (path == null) {
            notImported(s, label, plainTextProblem != null ? plainTextProblem : "the file gives no text for it");
            return null;
        }
        String ext = ExchangeService.lower(extension(path));
        if (!DocumentReader.DOCUMENT_EXTENSIONS.contains(ext)) ext = s.kind() == SourceKind.PDF ? "pdf" : "docx";
        String what = "its " + ext.toUpperCase(Locale.ROOT) + " (" + path + ")";
        String before = plainTextProblem == null ? "" : plainTextProblem + "; ";
        byte[] bytes;
        try {
            bytes = archive.read(path, externalFolder);
        } catch (UnsafeArchiveException e) {
            throw e;
        } catch (ExchangeException e) {
            notImported(s, label, before + "the .qdpx has no plain text of it, and " + what + " cannot be read: " + e.reason());
            return null;
        }
        Extracted extracted;
        try {
            extracted = DocumentReader.read(bytes, ext, null);
        } catch (Refusal r) {
            notImported(s, label, before + "the .qdpx has no plain text of it, and Tamga's document importer cannot read " + what + ": " + r.getMessage());
            return null;
        }
        if (plainTextProblem != null) warnings.add(label + ": " + plainTextProblem + "; its text was read from " + what + " instead");
        return new Prepared(s, new ForeignPositions(extracted.text()), extracted.source().format(),
                new Formatted(path, ext.toUpperCase(Locale.ROOT), extracted));
    }

    private static String extension(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? "no extension" : path.substring(dot + 1).toUpperCase(Locale.ROOT);
    }

    private void notImported(Source s, String label, String reason) {
        int selections = s.selections().size() + s.otherSelections().size();
        int codings = s.codings().size() + s.selections().stream().mapToInt(x -> x.codings().size()).sum()
                + s.otherSelections().stream().mapToInt(OtherSelection::codings).sum();
        List<String> lost = new ArrayList<>();
        if (selections > 0) lost.add(count(selections, "selection"));
        if (codings > 0) lost.add(count(codings, "coding"));
        if (s.transcripts() > 0) lost.add(count(s.transcripts(), "transcript"));
        skipped.add(label + ": " + reason + (lost.isEmpty() ? "" : " (not carried over with it: " + String.join(", ", lost) + ")"));
    }

    /** Per-document tallies of what had to be changed or left out. */
    private static final class Tally {
        int pastEnd, startsPastEnd, startsPastEndCodings, empty, reversed, negative, unknownCode, duplicates, uncoded, comments;
        long furthest;
        final Set<String> unknownCodes = new java.util.TreeSet<>();
    }

    private void document(Prepared p, Rule rule) {
        Source s = p.source();
        ForeignPositions ft = p.text();
        String text = ft.text();
        String label = "\u201C" + s.name() + "\u201D";
        DocumentRepository docs = store.documents();
        String sha = ImportService.sha256(text);
        Document doc;
        var same = docs.bySha256(sha);
        if (same.isPresent()) {
            doc = same.get();
            adjusted.add(label + " has the same text as \u201C" + doc.name() + "\u201D; Tamga keeps one document, and its codings were added to it");
        } else {
            String name = s.name().strip();
            String unique = name;
            for (int n = 2; docs.nameExists(unique); n++) unique = name + " (" + n + ")";
            if (!unique.equals(name)) adjusted.add("two sources are called " + label + "; the second is the document \u201C" + unique + "\u201D");
            Formatted f = p.formatted();
            doc = docs.insert(new DocumentRepository.NewDocument(guid("document", s.guid(), "source " + label), unique, LanguageDetector.detect(text),
                    text, ft.length(), f == null ? archive.fileName() : archive.fileName() + " (" + f.path() + ")", p.encoding(), sha,
                    s.created() == null ? Instant.now() : s.created()));
            // as `import` stores a document it read: the speaker turns of the text, and the file's metadata
            store.turns().insertAll(doc.id(), ImportService.turns(text));
            if (f != null) docs.setSource(doc.id(), f.extracted().source());
        }
        documentBySource.putIfAbsent(s.guid(), doc);
        List<String> refs = new ArrayList<>(s.notes());
        refs.addAll(linkedNotes.getOrDefault(s.guid(), List.of()));
        String memo = join(doc.memo(), s.description(), noteTexts(refs));
        if (memo != null && !memo.equals(doc.memo())) docs.setMemo(doc.id(), memo);

        Tally t = new Tally();
        Set<String> seen = new HashSet<>();
        int length = ft.length();
        // on a formatted source the tool's positions count its own plain text, which the file lacks: the selected text places them
        List<NamedPassages.Result> named = p.formatted() == null ? null : NamedPassages.place(text,
                s.selections().stream().map(x -> new NamedPassages.Wanted(x.name(), x.start(), x.end())).toList());
        Map<NamedPassages.Reason, int[]> notPlaced = new java.util.EnumMap<>(NamedPassages.Reason.class);
        for (int i = 0; i < s.selections().size(); i++) {
            Selection sel = s.selections().get(i);
            long start, end;
            if (named != null) {
                NamedPassages.Result r = named.get(i);
                if (!r.placed()) {
                    int[] n = notPlaced.computeIfAbsent(r.reason(), k -> new int[2]);
                    n[0]++;
                    n[1] += sel.codings().size();
                    continue;
                }
                start = r.start();
                end = r.end();
            } else {
                start = ft.toTamga(sel.start(), rule);
                end = ft.toTamga(sel.end(), rule);
                if (start < 0 || end < 0) { t.negative++; continue; }
                if (start > end) { long x = start; start = end; end = x; t.reversed++; }
                if (start >= length) { t.startsPastEnd++; t.startsPastEndCodings += sel.codings().size(); continue; }
                if (end > length) { t.pastEnd++; t.furthest = Math.max(t.furthest, end); end = length; }
                if (start == end) { t.empty++; continue; }
            }
            List<String> selectionNotes = new ArrayList<>(sel.notes());
            selectionNotes.addAll(linkedNotes.getOrDefault(sel.guid(), List.of()));
            if (sel.codings().isEmpty()) {
                comment(doc, sel, (int) start, (int) end, ft, selectionNotes, t);
                continue;
            }
            String selectionMemo = join(sel.description(), noteTexts(selectionNotes));
            for (QdpxProject.Coding c : sel.codings()) {
                code(doc, c, (int) start, (int) end, selectionMemo, sel.creatingUser(), sel.created(), s.creatingUser(), seen, t);
            }
        }
        if (!s.codings().isEmpty()) {
            for (QdpxProject.Coding c : s.codings()) code(doc, c, 0, length, null, null, null, s.creatingUser(), seen, t);
            adjusted.add(label + ": " + count(s.codings().size(), "coding") + " of the whole source became "
                    + (s.codings().size() == 1 ? "a coding" : "codings") + " of its whole text (0\u2013" + length + ")");
        }
        if (p.formatted() != null) formattedReport(s, p.formatted(), notPlaced);
        report(label, length, t);
        int areas = s.otherSelections().size();
        if (areas > 0) {
            int codings = s.otherSelections().stream().mapToInt(OtherSelection::codings).sum();
            skipped.add(label + ": " + count(areas, "PDF area selection") + " with " + count(codings, "coding")
                    + " (areas of pages, not passages of text; Tamga codes text only)");
        }
    }

    /** What the report says of a source whose text Tamga's document importer read: where it came from, and which codings found their passage. */
    private void formattedReport(Source s, Formatted f, Map<NamedPassages.Reason, int[]> notPlaced) {
        String label = s.kind().word() + " \u201C" + s.name() + "\u201D";
        int all = s.codings().size() + s.selections().stream().mapToInt(x -> x.codings().size()).sum();
        int lost = notPlaced.values().stream().mapToInt(n -> n[1]).sum();
        String codings = all == 0 ? "it has no codings"
                : "of its " + count(all, "coding") + ", " + (all - lost) + " placed where the text their selection names occurs in Tamga's text, "
                  + lost + " not placed" + (lost == 0 ? "" : " (the tool's positions count its own plain text of the document, which the .qdpx"
                  + " does not include, so only the selected text can show where a passage lies)");
        adjusted.add(label + ": its text was read from its " + f.format() + " (" + f.path() + ") by Tamga's document importer, as Tamga"
                + " imports a " + f.format() + " file (the .qdpx gives no plain text of it that Tamga could read); " + codings);
        for (var e : notPlaced.entrySet()) {
            skipped.add(label + ": " + count(e.getValue()[0], "selection") + " with " + count(e.getValue()[1], "coding")
                    + " not carried over: " + why(e.getKey()));
        }
    }

    private static String why(NamedPassages.Reason reason) {
        return switch (reason) {
            case NO_NAME -> "no name says what text was selected, so where the passage lies in Tamga's text cannot be told";
            case CUT_NAME -> "the name gives only the beginning of the selected text (it is cut with \u201C\u2026\u201D), so where the passage ends cannot be told";
            case NOT_THE_TEXT -> "the name is not the selected text (it is shorter or longer than the passage), so it cannot show where the passage lies";
            case NOT_FOUND -> "the selected text (the selection's name) does not occur near the selection's position in the text Tamga read";
            case AMBIGUOUS -> "the selected text occurs more than once near the selection's position, and which one was meant cannot be told";
        };
    }

    private void code(Document doc, QdpxProject.Coding c, int start, int end, String selectionMemo, String selectionUser,
                      Instant selectionCreated, String sourceUser, Set<String> seen, Tally t) {
        Long codeId = c.code() == null ? null : codeByGuid.get(c.code());
        if (codeId == null) {
            t.unknownCode++;
            t.unknownCodes.add(c.code() == null ? "(none)" : c.code());
            return;
        }
        long coderId = coder(c.creatingUser(), selectionUser, sourceUser);
        if (!seen.add(codeId + ":" + coderId + ":" + start + ":" + end)) {
            t.duplicates++;
            return;
        }
        List<String> refs = new ArrayList<>(c.notes());
        refs.addAll(linkedNotes.getOrDefault(c.guid(), List.of()));
        String memo = join(selectionMemo, noteTexts(refs));
        Instant created = c.created() != null ? c.created() : selectionCreated != null ? selectionCreated : Instant.now();
        String guid = Guids.isValid(c.guid()) && taken("coding").add(c.guid()) ? c.guid() : fresh("coding");
        store.codings().insert(guid, doc.id(), codeId, coderId, start, end, memo, created);
    }

    /** A selection without a code but with a comment (MAXQDA, NVivo annotations): kept as a project memo, since Tamga keeps memos only on codings. */
    private void comment(Document doc, Selection sel, int start, int end, ForeignPositions ft, List<String> noteRefs, Tally t) {
        String text = join(sel.description(), noteTexts(noteRefs));
        if (text == null) {
            t.uncoded++;
            return;
        }
        t.comments++;
        String passage = ExchangeService.excerpt(new org.tamga.core.text.Positions(ft.text()).substring(start, end));
        Long coderId = sel.creatingUser() == null ? null : coderByUser.get(sel.creatingUser());
        store.memos().insert(fresh("memo"), "Comment on \u201C" + doc.name() + "\u201D " + start + "\u2013" + end + ": " + passage,
                text, coderId, sel.created(), null);
    }

    private void report(String label, int length, Tally t) {
        if (t.pastEnd > 0) {
            adjusted.add(label + ": " + count(t.pastEnd, "selection") + (t.pastEnd == 1 ? " runs" : " run") + " past the end of the text (to "
                    + t.furthest + "; the text has " + length + " characters) and " + (t.pastEnd == 1 ? "was" : "were") + " cut at its end");
        }
        if (t.reversed > 0) adjusted.add(label + ": " + count(t.reversed, "selection") + " ended before " + (t.reversed == 1 ? "it" : "they") + " started and " + (t.reversed == 1 ? "was" : "were") + " read the other way round");
        if (t.startsPastEnd > 0) {
            skipped.add(label + ": " + count(t.startsPastEnd, "selection") + " with " + count(t.startsPastEndCodings, "coding")
                    + (t.startsPastEnd == 1 ? " starts" : " start") + " after the end of the text (" + length + " characters)");
        }
        if (t.negative > 0) skipped.add(label + ": " + count(t.negative, "selection") + " with negative positions");
        if (t.empty > 0) skipped.add(label + ": " + count(t.empty, "empty selection") + " (start equals end)");
        if (t.unknownCode > 0) {
            skipped.add(label + ": " + count(t.unknownCode, "coding") + " of codes that are not in the file's codebook ("
                    + String.join(", ", t.unknownCodes) + ")");
        }
        if (t.duplicates > 0) adjusted.add(label + ": " + count(t.duplicates, "coding") + " repeated the same code, coder and passage; each was imported once");
        if (t.uncoded > 0) skipped.add(label + ": " + count(t.uncoded, "selection") + " without a code or comment (Tamga keeps coded passages only)");
        if (t.comments > 0) {
            adjusted.add(label + ": " + count(t.comments, "comment") + " on passages without a code became project memos"
                    + " (Tamga keeps memos on coded passages only)");
        }
    }

    // ---- notes ------------------------------------------------------------------------------

    /** The texts of these notes, joined; marks them as used. */
    private String noteTexts(List<String> refs) {
        List<String> parts = new ArrayList<>();
        for (String ref : refs) {
            Note n = notes.get(ref);
            if (n == null) continue;
            consumedNotes.add(ref);
            parts.add(noteText(n));
        }
        return join(parts.toArray(String[]::new));
    }

    private String noteText(Note n) {
        return noteTexts.computeIfAbsent(n.guid(), g -> {
            String text = n.text();
            if (ExchangeService.blank(text) && n.plainTextPath() != null) {
                try {
                    text = TextDecoder.decode(archive.read(n.plainTextPath(), externalFolder)).text();
                } catch (UnsafeArchiveException e) {
                    throw e;
                } catch (ExchangeException e) {
                    warnings.add("note \u201C" + (n.name() == null ? n.guid() : n.name()) + "\u201D: " + e.reason());
                } catch (TextDecoder.UndecodableException e) {
                    warnings.add("note \u201C" + (n.name() == null ? n.guid() : n.name()) + "\u201D: its text file cannot be read: " + e.getMessage());
                }
            }
            if (ExchangeService.blank(text)) text = n.description();
            return ExchangeService.blank(text) ? "" : text.strip();
        });
    }

    /** Notes not attached to anything Tamga imported become project memos (with their GUIDs, authors and times). */
    private int leftoverNotes() {
        int empty = 0;
        for (Note n : notes.values()) {
            if (consumedNotes.contains(n.guid())) continue;
            String text = noteText(n);
            if (text.isEmpty()) { empty++; continue; }
            Long coderId = n.creatingUser() == null ? null : coderByUser.get(n.creatingUser());
            String guid = Guids.isValid(n.guid()) && taken("memo").add(n.guid()) ? n.guid() : fresh("memo");
            store.memos().insert(guid, n.name(), text, coderId, n.created(), n.modified());
        }
        if (empty > 0) skipped.add(count(empty, "empty note") + " (no text)");
        return store.memos().all().size();
    }

    // ---- variables and cases ----------------------------------------------------------------

    /** Attribute values stored, and those not carried over, counted for the report. */
    private int documentValues, unnamedCaseValues, caseValues, valuesOfSourcesNotImported, valuesOfUnknownVariables;
    private final Map<String, Attribute> attributeByVariable = new HashMap<>();

    /**
     * Variables → attributes; values on a source, or on an unnamed case with one source (as MAXQDA
     * and Quirkos give a document its variables) → that document's values; every other case → a
     * case with the documents of its sources and its values (see docs/adr/0023).
     */
    private void casesAndAttributes() {
        Set<String> names = new HashSet<>();
        for (Variable v : project.variables()) {
            if (attributeByVariable.containsKey(v.guid())) {
                warnings.add("the variable " + v.guid() + " is listed twice; the first entry was kept");
                continue;
            }
            String name = ExchangeService.blank(v.name()) ? "Variable " + v.guid().substring(0, Math.min(8, v.guid().length())) : v.name().strip();
            String unique = name;
            for (int n = 2; names.contains(unique.toLowerCase(Locale.ROOT)); n++) unique = name + " (" + n + ")";
            if (!unique.equals(name)) adjusted.add("two variables are called \u201C" + name + "\u201D; the second is the attribute \u201C" + unique + "\u201D");
            names.add(unique.toLowerCase(Locale.ROOT));
            Attribute.Type type = Attribute.Type.of(v.type());
            if (type == null) {
                type = Attribute.Type.TEXT;
                adjusted.add("the variable \u201C" + unique + "\u201D has the type \u201C" + v.type() + "\u201D, which REFI-QDA does not know; its values are kept as text");
            }
            attributeByVariable.put(v.guid(), store.attributes().insert(guid("attribute", v.guid(), "the variable \u201C" + unique + "\u201D"),
                    unique, type, ExchangeService.blank(v.description()) ? null : v.description().strip()));
        }
        for (Source s : project.sources()) {
            if (s.values().isEmpty()) continue;
            Document d = documentBySource.get(s.guid());
            if (d == null) { valuesOfSourcesNotImported += s.values().size(); continue; }
            for (VariableValue v : s.values()) if (value(v, "\u201C" + d.name() + "\u201D", x -> documentValue(d, x))) documentValues++;
        }
        Set<String> caseNames = new HashSet<>();
        int unnamed = 0;
        for (QdpxProject.Case c : project.cases()) {
            List<Document> docs = c.sources().stream().map(documentBySource::get).filter(java.util.Objects::nonNull).distinct().toList();
            int missing = (int) c.sources().stream().filter(g -> !documentBySource.containsKey(g)).count();
            if (ExchangeService.blank(c.name()) && c.sources().size() == 1 && c.selections() == 0) {
                if (docs.isEmpty()) { valuesOfSourcesNotImported += c.values().size(); continue; }
                Document d = docs.getFirst();
                for (VariableValue v : c.values()) if (value(v, "\u201C" + d.name() + "\u201D", x -> documentValue(d, x))) unnamedCaseValues++;
                continue;
            }
            String name = ExchangeService.blank(c.name()) ? "Case " + (++unnamed) : c.name().strip();
            String unique = name;
            for (int n = 2; caseNames.contains(unique.toLowerCase(Locale.ROOT)); n++) unique = name + " (" + n + ")";
            if (!unique.equals(name)) adjusted.add("two cases are called \u201C" + name + "\u201D; the second is the case \u201C" + unique + "\u201D");
            caseNames.add(unique.toLowerCase(Locale.ROOT));
            Case tc = store.cases().insert(guid("case", c.guid(), "the case \u201C" + unique + "\u201D"), unique,
                    ExchangeService.blank(c.description()) ? null : c.description().strip());
            for (Document d : docs) store.cases().addDocument(tc.id(), d.id());
            String label = "case \u201C" + unique + "\u201D";
            for (VariableValue v : c.values()) {
                if (value(v, "the " + label, x -> store.cases().setValue(tc.id(), x.attribute().id(), x.value()))) caseValues++;
            }
            if (missing > 0) skipped.add(label + ": " + missing + (missing == 1 ? " of its sources was" : " of its sources were")
                    + " not imported (see above), so " + (missing == 1 ? "it is" : "they are") + " not in the case");
            if (c.selections() > 0) {
                skipped.add(label + ": " + count(c.selections(), "passage") + " (SelectionRef) in it; Tamga's cases hold whole documents, so only "
                        + (docs.isEmpty() ? "the case and its values" : "its " + count(docs.size(), "document") + " and its values") + " came with it");
            }
            if (c.codes() > 0) skipped.add(label + ": its links to " + count(c.codes(), "code") + " (CodeRef); Tamga does not link cases to codes");
        }
        if (valuesOfSourcesNotImported > 0) {
            skipped.add(count(valuesOfSourcesNotImported, "attribute value") + " of sources that were not imported (see above)");
        }
        if (valuesOfUnknownVariables > 0) {
            skipped.add(count(valuesOfUnknownVariables, "attribute value") + " naming a variable the file does not define");
        }
        if (unnamedCaseValues > 0) {
            adjusted.add(count(unnamedCaseValues, "attribute value") + " given through unnamed cases with one source each (as MAXQDA"
                    + " writes a document's variables) became values of those documents");
        }
    }

    private record Valued(Attribute attribute, String value) {}

    /** Checks one value against its variable and hands it on; false (and reported) when it cannot be kept. */
    private boolean value(VariableValue v, String of, java.util.function.Consumer<Valued> keep) {
        Attribute a = v.variable() == null ? null : attributeByVariable.get(v.variable());
        if (a == null) { valuesOfUnknownVariables++; return false; }
        if (v.value() == null || v.value().isBlank()) return false;
        String normal = a.type().normalise(a.type() == Attribute.Type.TEXT ? v.value().strip() : v.value());
        if (normal == null) {
            skipped.add("the value \u201C" + v.value().strip() + "\u201D of \u201C" + a.name() + "\u201D for " + of + ": it is not "
                    + a.type().example() + ", as the variable's type (" + a.type().refiName() + ") wants");
            return false;
        }
        keep.accept(new Valued(a, normal));
        return true;
    }

    private void documentValue(Document d, Valued v) {
        String before = store.attributes().documentValues(d.id()).get(v.attribute().id());
        if (before != null && !before.equals(v.value())) {
            adjusted.add("\u201C" + d.name() + "\u201D is given two values of \u201C" + v.attribute().name() + "\u201D (\u201C" + before
                    + "\u201D and \u201C" + v.value() + "\u201D); the first was kept");
            return;
        }
        store.attributes().setDocumentValue(d.id(), v.attribute().id(), v.value());
    }

    // ---- what Tamga does not have -----------------------------------------------------------

    private void notCarried(int otherLinks) {
        if (project.sets() > 0) skipped.add(count(project.sets(), "set") + ": Tamga has no sets");
        if (project.graphs() > 0) skipped.add(count(project.graphs(), "graph") + ": Tamga has no graphs");
        if (otherLinks > 0) skipped.add(count(otherLinks, "link") + " between codes, sources or passages: Tamga has no links");
    }

    // ---- positions --------------------------------------------------------------------------

    /** ATLAS.ti counts a CRLF as one character (QualCoder's importer found so); MAXQDA wants CRLF files counted the same way. */
    static Rule preferredRule(String origin) {
        String o = ExchangeService.lower(origin);
        return o.contains("atlas") || o.contains("maxqda") ? Rule.CRLF_AS_ONE : Rule.STANDARD;
    }

    static String describe(Rule rule, Rule preferred, Evidence e) {
        if (!e.sawCrlf() && !e.sawSupplementary()) {
            return "positions read as Unicode code points, as REFI-QDA counts them (no selected text has Windows line breaks"
                    + " or characters outside the Basic Multilingual Plane, so no other reading was possible)";
        }
        List<String> parts = new ArrayList<>();
        if (e.sawCrlf()) {
            parts.add(rule.crlfAsTwo() ? "a Windows line break (CRLF) counted as two characters, as REFI-QDA counts it"
                    : "a Windows line break (CRLF) counted as one character, not two as REFI-QDA counts it");
        }
        if (e.sawSupplementary()) {
            parts.add(rule.utf16Units() ? "an emoji or rare CJK character counted as two (UTF-16 units, not code points)"
                    : "an emoji or rare CJK character counted as one (code points)");
        }
        String basis = e.telling() > 0
                ? "judged from " + e.telling() + " of " + count(e.selections(), "selection") + " that read differently by each rule"
                : "no selection reads differently by either rule, so "
                  + (rule == preferred && preferred != Rule.STANDARD ? "the file's tool's known rule was used" : "REFI-QDA's rule was used");
        return "positions: " + String.join("; ", parts) + " (" + basis + ")";
    }

    // ---- helpers ----------------------------------------------------------------------------

    /** The file's GUID if it is one and not yet taken, otherwise a new one (and a warning when it was malformed). */
    private String guid(String kind, String fromFile, String what) {
        if (Guids.isValid(fromFile) && taken(kind).add(fromFile)) return fromFile;
        String fresh = fresh(kind);
        warnings.add(what + " had " + (Guids.isValid(fromFile) ? "a GUID used twice" : "an invalid GUID \u201C" + fromFile + "\u201D")
                + "; it was given " + fresh);
        return fresh;
    }

    private Set<String> taken(String kind) { return usedGuids.computeIfAbsent(kind, k -> new HashSet<>()); }

    private String fresh(String kind) {
        String g = Guids.fresh();
        taken(kind).add(g);
        return g;
    }

    static String join(String... parts) {
        List<String> out = new ArrayList<>();
        for (String p : parts) if (!ExchangeService.blank(p) && !out.contains(p.strip())) out.add(p.strip());
        return out.isEmpty() ? null : String.join("\n\n", out);
    }

    static String count(long n, String word) { return n + " " + word + (n == 1 ? "" : "s"); }
}
