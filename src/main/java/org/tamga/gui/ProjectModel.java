package org.tamga.gui;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.tamga.core.CodebookService;
import org.tamga.core.CodingService;
import org.tamga.core.EditHistory;
import org.tamga.core.ImportReport;
import org.tamga.core.ImportService;
import org.tamga.core.ProjectSession;
import org.tamga.core.SampleProject;
import org.tamga.core.SearchService;
import org.tamga.core.CacheFolders;
import org.tamga.core.text.Positions;
import org.tamga.model.Code;
import org.tamga.model.Codebook;
import org.tamga.model.Coding;
import org.tamga.model.Document;
import org.tamga.model.TamgaException;
import org.tamga.report.FrequencyReport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The view model of an open project: what the window shows (documents, codebook, the open
 * document and its codings, undo state) and every action a researcher takes. All project work
 * runs on {@link Background}; properties change on the JavaFX thread only.
 */
public final class ProjectModel implements AutoCloseable {
    /** A document in the list, with its number of codings. */
    public record DocumentItem(Document document, int codings) {}

    /** The document in the centre: its text, positions helper and codings. */
    public record OpenDocument(Document document, String text, Positions positions, List<Coding> codings,
                               org.tamga.model.DocumentSource source, List<org.tamga.core.SpeakerService.Speaker> speakers,
                               org.tamga.core.CaseService.DocumentAttributes attributes) {}

    private final Background background;
    private final Path cacheRoot;
    private final EditHistory history = new EditHistory(500);
    private ProjectSession session;

    public final StringProperty projectName = new SimpleStringProperty();
    public final ObjectProperty<Path> projectFile = new SimpleObjectProperty<>();
    public final StringProperty error = new SimpleStringProperty();
    public final StringProperty status = new SimpleStringProperty("");
    public final ObservableList<DocumentItem> documents = FXCollections.observableArrayList();
    public final ObjectProperty<Codebook> codebook = new SimpleObjectProperty<>(new Codebook(List.of()));
    public final ObjectProperty<Map<Long, Integer>> codeCounts = new SimpleObjectProperty<>(Map.of());
    public final ObjectProperty<OpenDocument> openDocument = new SimpleObjectProperty<>();
    public final ObservableList<Code> recentCodes = FXCollections.observableArrayList();
    public final StringProperty coder = new SimpleStringProperty(CodingService.defaultCoder());
    public final ObservableList<String> coders = FXCollections.observableArrayList();
    /** Coder id → name, for showing who made a coding. */
    public final ObjectProperty<Map<Long, String>> coderNames = new SimpleObjectProperty<>(Map.of());
    public final BooleanProperty canUndo = new SimpleBooleanProperty();
    public final BooleanProperty canRedo = new SimpleBooleanProperty();
    public final StringProperty undoText = new SimpleStringProperty("");
    public final StringProperty redoText = new SimpleStringProperty("");
    /** Goes up after every change of codings or codes, so that retrieval and reports refresh. */
    public final IntegerProperty revision = new SimpleIntegerProperty();

    public ProjectModel(Path cacheRoot) {
        this.cacheRoot = cacheRoot;
        this.background = new Background(message -> error.set(message));
    }

    public ProjectModel() { this(CacheFolders.root()); }

    public boolean isOpen() { return session != null; }

    // ---- opening -----------------------------------------------------------------------------

    public void open(Path file, Runnable then) { load(() -> ProjectSession.open(file, cacheRoot), then); }

    public void create(Path file, Runnable then) { load(() -> ProjectSession.create(file, cacheRoot), then); }

    /** Opens the sample project in {@code file}, creating it first if it does not exist. */
    public void openSample(Path file, Runnable then) {
        load(() -> {
            if (Files.exists(file)) return ProjectSession.open(file, cacheRoot);
            try {
                Path parent = file.toAbsolutePath().getParent();
                if (parent != null) Files.createDirectories(parent);
            } catch (java.io.IOException e) {
                throw new TamgaException("Cannot create the folder for the sample project: " + e.getMessage(), e);
            }
            return SampleProject.create(file, cacheRoot);
        }, then);
    }

    private void load(java.util.function.Supplier<ProjectSession> opener, Runnable then) {
        status.set("…");
        background.run(() -> {
            if (session != null) session.close();
            session = null;
            ProjectSession s = opener.get();
            s.ensureIndex(); // the index is caught up now rather than on the first search
            session = s;
            return snapshot(s, null);
        }, snap -> {
            history.setListener(h -> { });
            openDocument.set(null);
            recentCodes.clear();
            apply(snap);
            projectName.set(snap.name);
            projectFile.set(snap.file);
            updateHistory();
            status.set("");
            then.run();
        });
    }

    /** Everything the window shows, read in one go on the background thread. */
    private record Snapshot(String name, Path file, List<DocumentItem> documents, Codebook codebook,
                            Map<Long, Integer> counts, List<org.tamga.model.Coder> coders, OpenDocument open) {}

    private Snapshot snapshot(ProjectSession s, Document open) {
        return snapshot(s, open, null);
    }

    /**
     * Reads what the window shows. When the open document stays the same, its text and positions
     * are reused (a document's text never changes): after an edit only its codings are read again.
     */
    private Snapshot snapshot(ProjectSession s, Document open, OpenDocument current) {
        Map<Long, Integer> perDocument = s.coding().countsByDocument();
        List<DocumentItem> docs = new ArrayList<>();
        Document fresh = null;
        for (Document d : s.documents().all()) {
            docs.add(new DocumentItem(d, perDocument.getOrDefault(d.id(), 0)));
            if (open != null && d.guid().equals(open.guid())) fresh = d;
        }
        OpenDocument od = null;
        if (fresh != null) {
            if (current != null && current.document().guid().equals(fresh.guid())) {
                od = new OpenDocument(fresh, current.text(), current.positions(), s.coding().ofDocument(fresh),
                        s.documents().source(fresh), s.speakers().speakers(fresh), s.cases().of(fresh));
            } else {
                String text = s.documents().text(fresh);
                od = new OpenDocument(fresh, text, new Positions(text), s.coding().ofDocument(fresh),
                        s.documents().source(fresh), s.speakers().speakers(fresh), s.cases().of(fresh));
            }
        }
        return new Snapshot(s.project().name(), s.file(), docs, s.codebook().codebook(), s.coding().countsByCode(),
                s.coding().coders(), od);
    }

    private void apply(Snapshot snap) {
        documents.setAll(snap.documents);
        codebook.set(snap.codebook);
        codeCounts.set(snap.counts);
        List<String> names = new ArrayList<>(snap.coders.stream().map(org.tamga.model.Coder::name).toList());
        Map<Long, String> byId = new java.util.HashMap<>();
        for (org.tamga.model.Coder c : snap.coders) byId.put(c.id(), c.name());
        coderNames.set(byId);
        if (!names.contains(coder.get())) names.add(coder.get());
        coders.setAll(names);
        if (snap.open != null) openDocument.set(snap.open);
        // recent codes may have been renamed or deleted
        recentCodes.setAll(recentCodes.stream().map(c -> snap.codebook.byGuid(c.guid()).orElse(null))
                .filter(java.util.Objects::nonNull).toList());
        revision.set(revision.get() + 1);
    }

    /** Runs an edit in the background, records it for undo, then refreshes what the window shows. */
    private void edit(String description, Runnable redo, Runnable undo, Runnable then) {
        OpenDocument current = openDocument.get();
        Document open = current == null ? null : current.document();
        background.run(() -> {
            redo.run();
            history.done(new EditHistory.Edit() {
                public String description() { return description; }
                public void undo() { undo.run(); }
                public void redo() { redo.run(); }
            });
            return snapshot(session, open, current);
        }, snap -> {
            apply(snap);
            updateHistory();
            status.set(description);
            if (then != null) then.run();
        });
    }

    private void updateHistory() {
        canUndo.set(history.canUndo());
        canRedo.set(history.canRedo());
        undoText.set(history.nextUndo() == null ? "" : history.nextUndo());
        redoText.set(history.nextRedo() == null ? "" : history.nextRedo());
    }

    public void undo() { step(true); }

    public void redo() { step(false); }

    private void step(boolean back) {
        OpenDocument current = openDocument.get();
        Document open = current == null ? null : current.document();
        background.run(() -> {
            EditHistory.Edit e = back ? history.undo() : history.redo();
            return new Object[]{e, snapshot(session, open, current)};
        }, result -> {
            apply((Snapshot) result[1]);
            updateHistory();
            EditHistory.Edit e = (EditHistory.Edit) result[0];
            if (e != null) status.set((back ? "↶ " : "↷ ") + e.description());
        });
    }

    // ---- documents ---------------------------------------------------------------------------

    public void openDocument(Document document, Runnable then) {
        background.run(() -> {
            String text = session.documents().text(document);
            return new OpenDocument(document, text, new Positions(text), session.coding().ofDocument(document),
                    session.documents().source(document), session.speakers().speakers(document), session.cases().of(document));
        }, od -> {
            openDocument.set(od);
            if (then != null) then.run();
        });
    }

    /**
     * Corrects a speaker's name in the open document (or, with {@code everywhere}, in all documents);
     * renaming to an existing speaker merges the two. Not undoable: the window asks first.
     */
    public void renameSpeaker(String from, String to, boolean everywhere) {
        OpenDocument current = openDocument.get();
        Document doc = current == null ? null : current.document();
        background.run(() -> {
            int changed = session.speakers().rename(from, to, everywhere ? null : doc);
            return new Object[]{changed, snapshot(session, doc, null)};
        }, result -> {
            apply((Snapshot) result[1]);
            status.set("\u201C" + from + "\u201D \u2192 \u201C" + to + "\u201D: " + result[0]);
        });
    }

    /** Sets (a blank value removes) the open document's value of an attribute, made as text if the project has none of that name; undoable. */
    public void setAttribute(Document document, String attribute, String value) {
        OpenDocument current = openDocument.get();
        String before = current == null || current.attributes() == null ? null : current.attributes().own().entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(attribute.strip())).map(Map.Entry::getValue).findFirst().orElse(null);
        edit(attribute.strip() + " = " + (value == null ? "" : value.strip()) + " (" + document.name() + ")",
                () -> session.cases().setValue(document, attribute, value, null),
                () -> session.cases().setValue(document, attribute, before, null), null);
    }

    /**
     * Puts a document in the case called {@code name}, made if the project has none of that name;
     * undoable (undo takes it out again, and deletes the case if this made it).
     */
    public void addToCase(Document document, String name) {
        String n = name.strip();
        boolean[] made = new boolean[1];
        edit(document.name() + " \u2192 " + n,
                () -> {
                    made[0] = session.cases().findCase(n).isEmpty();
                    session.cases().addToCase(n, List.of(document));
                },
                () -> session.cases().findCase(n).ifPresent(c -> {
                    if (made[0]) session.cases().deleteCase(c); else session.cases().removeFromCase(c, List.of(document));
                }), null);
    }

    /** The names of the project's cases, for choosing one. */
    public void caseNames(Consumer<List<String>> then) {
        background.run(() -> session.cases().cases().stream().map(org.tamga.model.Case::name).toList(), then::accept);
    }

    /** The attributes the project has, for choosing one. */
    public void attributes(Consumer<List<org.tamga.model.Attribute>> then) {
        background.run(() -> session.cases().attributes(), then::accept);
    }

    public void setDocumentMemo(Document document, String memo) {
        String before = document.memo();
        edit("memo on " + document.name(),
                () -> session.documents().setMemo(document, memo),
                () -> session.documents().setMemo(document, before), null);
    }

    /** What the import is doing, for a progress bar. */
    public interface ImportProgress {
        void file(int index, int total, Path file);
    }

    /** Imports files and folders in the background; {@code cancel} stops it between files. */
    public void importFiles(List<Path> paths, ImportProgress progress, AtomicBoolean cancel, Consumer<ImportReport> then) {
        Document open = openDocument.get() == null ? null : openDocument.get().document();
        background.run(() -> {
            ImportReport report = session.importing().importFiles(paths, null, new ImportService.Progress() {
                public void file(int index, int total, Path file) { progress.file(index, total, file); }
                public boolean cancelled() { return cancel.get(); }
            });
            return new Object[]{report, snapshot(session, open)};
        }, result -> {
            apply((Snapshot) result[1]);
            then.accept((ImportReport) result[0]);
        });
    }

    // ---- coding ------------------------------------------------------------------------------

    /** Codes [start, end) (code points) of the open document with {@code code}. */
    public void applyCode(Code code, int start, int end, Runnable then) {
        OpenDocument od = openDocument.get();
        if (od == null) { error.set("Open a document first."); return; }
        if (start >= end) { error.set("Select the passage to code first."); return; }
        Document doc = od.document();
        String who = coder.get();
        Coding[] made = new Coding[1];
        remember(code);
        edit("apply \u201C" + code.name() + "\u201D",
                () -> {
                    if (made[0] == null) made[0] = session.coding().apply(doc, start, end, code, who);
                    else session.coding().restore(made[0]);
                },
                () -> session.coding().remove(made[0]), then);
    }

    /** Codes several search hits at once (one undo step). */
    public void applyCodeToHits(Code code, List<SearchService.Hit> hits, Runnable then) {
        String who = coder.get();
        List<Coding> made = new ArrayList<>();
        remember(code);
        edit("apply \u201C" + code.name() + "\u201D to " + hits.size() + " hits",
                () -> {
                    if (made.isEmpty()) {
                        for (SearchService.Hit h : hits) {
                            try {
                                made.add(session.coding().apply(h.document(), h.start(), h.end(), code, who));
                            } catch (TamgaException alreadyCoded) {
                                // a hit that is already coded with this code stays as it is
                            }
                        }
                    } else {
                        for (Coding c : made) session.coding().restore(c);
                    }
                },
                () -> { for (Coding c : made) session.coding().remove(c); }, then);
    }

    /** In-vivo coding: the selected words become a new top-level code, applied to the selection. */
    public void inVivo(int start, int end, Runnable then) {
        OpenDocument od = openDocument.get();
        if (od == null || start >= end) { error.set("Select the words to code in vivo first."); return; }
        String words = od.positions().substring(start, end).strip().replaceAll("\\s+", " ");
        String name = words.codePointCount(0, words.length()) > 60
                ? words.substring(0, words.offsetByCodePoints(0, 60)) + "…" : words;
        Document doc = od.document();
        String who = coder.get();
        Code[] code = new Code[1];
        CodebookService.Snapshot[] deleted = new CodebookService.Snapshot[1];
        edit("in-vivo code \u201C" + name + "\u201D",
                () -> {
                    if (deleted[0] == null) {
                        code[0] = session.codebook().create(null, name, "In-vivo code from " + doc.name(), null);
                        session.coding().apply(doc, start, end, code[0], who);
                    } else {
                        session.codebook().restore(deleted[0]);
                    }
                },
                () -> deleted[0] = session.codebook().delete(session.codebook().codebook().byGuid(code[0].guid()).orElseThrow().id()),
                then);
    }

    public void removeCoding(Coding coding) {
        edit("remove coding", () -> session.coding().remove(session.coding().byGuid(coding.guid())),
                () -> session.coding().restore(coding), null);
    }

    public void changeRange(Coding coding, int start, int end) {
        edit("change coding boundaries",
                () -> session.coding().changeRange(session.coding().byGuid(coding.guid()), start, end),
                () -> session.coding().changeRange(session.coding().byGuid(coding.guid()), coding.start(), coding.end()), null);
    }

    public void setCodingMemo(Coding coding, String memo) {
        edit("memo on coding", () -> session.coding().setMemo(session.coding().byGuid(coding.guid()), memo),
                () -> session.coding().setMemo(session.coding().byGuid(coding.guid()), coding.memo()), null);
    }

    private void remember(Code code) {
        recentCodes.removeIf(c -> c.guid().equals(code.guid()));
        recentCodes.addFirst(code);
        while (recentCodes.size() > 9) recentCodes.removeLast();
    }

    // ---- codebook ----------------------------------------------------------------------------

    public void createCode(Long parentId, String name, Runnable then) {
        Code[] made = new Code[1];
        CodebookService.Snapshot[] deleted = new CodebookService.Snapshot[1];
        edit("new code \u201C" + name + "\u201D",
                () -> {
                    if (deleted[0] == null) made[0] = session.codebook().create(parentId, name, null, nextColour());
                    else session.codebook().restore(deleted[0]);
                },
                () -> deleted[0] = session.codebook().delete(byGuid(made[0].guid()).id()), then);
    }

    public void renameCode(Code code, String name) {
        edit("rename \u201C" + code.name() + "\u201D", () -> session.codebook().rename(byGuid(code.guid()).id(), name),
                () -> session.codebook().rename(byGuid(code.guid()).id(), code.name()), null);
    }

    public void describeCode(Code code, String description) {
        edit("definition of \u201C" + code.name() + "\u201D",
                () -> session.codebook().describe(byGuid(code.guid()).id(), description),
                () -> session.codebook().describe(byGuid(code.guid()).id(), code.description()), null);
    }

    public void recolourCode(Code code, String colour) {
        edit("colour of \u201C" + code.name() + "\u201D", () -> session.codebook().recolour(byGuid(code.guid()).id(), colour),
                () -> session.codebook().recolour(byGuid(code.guid()).id(), code.color()), null);
    }

    public void setCodeMemo(Code code, String memo) {
        edit("memo on \u201C" + code.name() + "\u201D", () -> session.codebook().setMemo(byGuid(code.guid()).id(), memo),
                () -> session.codebook().setMemo(byGuid(code.guid()).id(), code.memo()), null);
    }

    /** Moves a code under {@code newParent} (null: to the top level). */
    public void moveCode(Code code, Code newParent) {
        Long oldParentGuidHolder = code.parentId();
        String oldParentGuid = oldParentGuidHolder == null ? null
                : codebook.get().byId(oldParentGuidHolder).map(Code::guid).orElse(null);
        edit("move \u201C" + code.name() + "\u201D",
                () -> session.codebook().move(byGuid(code.guid()).id(), newParent == null ? null : byGuid(newParent.guid()).id()),
                () -> session.codebook().move(byGuid(code.guid()).id(), oldParentGuid == null ? null : byGuid(oldParentGuid).id()), null);
    }

    public void deleteCode(Code code) {
        CodebookService.Snapshot[] deleted = new CodebookService.Snapshot[1];
        edit("delete \u201C" + code.name() + "\u201D", () -> deleted[0] = session.codebook().delete(byGuid(code.guid()).id()),
                () -> session.codebook().restore(deleted[0]), null);
    }

    public void mergeCodes(Code source, Code target) {
        CodebookService.Merge[] merge = new CodebookService.Merge[1];
        edit("merge \u201C" + source.name() + "\u201D into \u201C" + target.name() + "\u201D",
                () -> merge[0] = session.codebook().merge(byGuid(source.guid()).id(), byGuid(target.guid()).id()),
                () -> session.codebook().unmerge(merge[0]), null);
    }

    private Code byGuid(String guid) {
        return session.codebook().codebook().byGuid(guid)
                .orElseThrow(() -> new TamgaException("The code no longer exists."));
    }

    private static final String[] PALETTE = {"#F4A261", "#8AB17D", "#7FB7BE", "#E9C46A", "#B5838D", "#9AA5E8", "#E76F51", "#C3B1E1"};

    private String nextColour() {
        int n = session.codebook().codebook().size();
        return PALETTE[n % PALETTE.length];
    }

    // ---- search, retrieval, reports ----------------------------------------------------------

    public void search(SearchService.Request request, Consumer<SearchService.Result> then) { search(request, Map.of(), then); }

    /** A search over the documents whose attributes hold these values (all documents when there are none). */
    public void search(SearchService.Request request, Map<String, String> attributes, Consumer<SearchService.Result> then) {
        background.run(() -> session.search().search(attributes.isEmpty() ? request
                : request.inDocuments(session.cases().documentsWhere(attributes))), then);
    }

    /** Every segment coded with any of the codes (each once), in document and position order. */
    public void retrieve(List<Code> codes, boolean withChildren, Consumer<List<CodingService.Segment>> then) {
        background.run(() -> {
            Map<String, CodingService.Segment> byGuid = new java.util.LinkedHashMap<>();
            for (Code c : codes) for (CodingService.Segment seg : session.coding().retrieve(c, withChildren, Set.of())) byGuid.putIfAbsent(seg.coding().guid(), seg);
            List<CodingService.Segment> out = new ArrayList<>(byGuid.values());
            out.sort(java.util.Comparator.comparing((CodingService.Segment x) -> x.document().name(), String.CASE_INSENSITIVE_ORDER)
                    .thenComparingInt(x -> x.coding().start()));
            return out;
        }, then);
    }

    public void frequencies(Consumer<FrequencyReport> then) { frequencies(Map.of(), then); }

    /** The frequency report over the documents whose attributes hold these values (all documents when there are none). */
    public void frequencies(Map<String, String> attributes, Consumer<FrequencyReport> then) {
        background.run(() -> session.reports().frequencies(List.of(),
                attributes.isEmpty() ? List.of() : session.cases().documentsWhere(attributes)), then);
    }

    /** Every attribute with the values documents have of it, for choosing whose codes to count. */
    public void attributeValues(Consumer<Map<String, List<String>>> then) {
        background.run(() -> session.cases().valuesInUse(), then);
    }

    /** Runs work that needs no open project (e.g. importing a .qdpx into a new file) off the JavaFX thread. */
    public <T> void work(java.util.function.Supplier<T> work, Consumer<T> then) { background.run(work, then); }

    /** The speakers of the project (most turns first), for the search panel's speaker filter. */
    public void speakers(Consumer<List<String>> then) {
        background.run(() -> session.speakers().speakers(null).stream().map(org.tamga.core.SpeakerService.Speaker::name).toList(), then);
    }

    /** Runs arbitrary read-only work with the session (exports). */
    public <T> void withSession(java.util.function.Function<ProjectSession, T> work, Consumer<T> then) {
        background.run(() -> work.apply(session), then);
    }

    @Override
    public void close() {
        background.run(() -> { if (session != null) session.close(); session = null; }, () -> { });
        background.close();
    }
}
