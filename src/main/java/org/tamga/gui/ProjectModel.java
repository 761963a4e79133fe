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
import org.tamga.core.Backups;
import org.tamga.core.CacheFolders;
import org.tamga.core.CaseService;
import org.tamga.core.EditHistory;
import org.tamga.core.ProjectSession;
import org.tamga.core.SampleProject;
import org.tamga.core.SpeakerService;
import org.tamga.core.text.Positions;
import org.tamga.model.Code;
import org.tamga.model.Codebook;
import org.tamga.model.Coder;
import org.tamga.model.Coding;
import org.tamga.model.Document;
import org.tamga.model.DocumentSource;
import org.tamga.model.TamgaException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The view model of the open project: what the window shows (documents, codebook, the open
 * document and its codings, the undo state) as JavaFX properties, changed on the JavaFX thread
 * only. The actions live in four small classes — {@link #coding()}, {@link #codes()},
 * {@link #documents()} and {@link #queries()} — that run their work through the
 * {@link TaskExecutor} given here and return typed results.
 *
 * <p>The undo history belongs to one open project: it is made new on every open and close, and
 * an edit replays only in the session it was made in (by GUIDs), so an undo can never reach
 * another project.
 */
public final class ProjectModel implements AutoCloseable {
    /** A document in the list, with its number of codings. */
    public record DocumentItem(Document document, int codings) {}

    /** The document in the centre: its text, positions helper, codings, source, speakers and attributes. */
    public record OpenDocument(Document document, String text, Positions positions, List<Coding> codings,
                               DocumentSource source, List<SpeakerService.Speaker> speakers,
                               CaseService.DocumentAttributes attributes) {}

    /** What opening a project gave. */
    public record Opened(String name, Path file, int documents, int codes, int codings) {}

    /** What an undo or redo did. */
    public record Stepped(boolean undo, String description) {}

    final TaskExecutor tasks;
    private final Path cacheRoot;
    /** Read and written on the task thread only. */
    private ProjectSession session;
    /** The open project's history; a new one on every open and close (task thread). */
    private EditHistory history = new EditHistory(500);
    private volatile I18n i18n = new I18n(Locale.ENGLISH);

    public final StringProperty projectName = new SimpleStringProperty();
    public final ObjectProperty<Path> projectFile = new SimpleObjectProperty<>();
    /** The address of the open shared project (ADR 48); null for a project file. */
    public final javafx.beans.property.StringProperty sharedAddress = new javafx.beans.property.SimpleStringProperty();
    /** On a shared project: who this window is there and what it may do (ADR 49); null for a project file. */
    public final javafx.beans.property.ObjectProperty<org.tamga.model.Member> member = new SimpleObjectProperty<>();
    /** Who else works on the open shared project now, by coder name; empty for a file. */
    public final javafx.beans.property.ObjectProperty<List<String>> othersWorking = new SimpleObjectProperty<>(List.of());
    /** Why the shared project's server cannot be reached (null while it can, and for a file). */
    public final javafx.beans.property.StringProperty serverAway = new javafx.beans.property.SimpleStringProperty();
    /** True while a project is open (JavaFX thread). */
    public final BooleanProperty open = new SimpleBooleanProperty();
    /**
     * When the open project is read-only (a folder that cannot be written, read-only media; ADR 45):
     * the sentence that says so and why; null when it can be edited (JavaFX thread).
     */
    public final StringProperty readOnly = new SimpleStringProperty();
    /** Plain-words status line: what was done last. */
    public final StringProperty status = new SimpleStringProperty("");
    public final ObservableList<DocumentItem> documentItems = FXCollections.observableArrayList();
    public final ObjectProperty<Codebook> codebook = new SimpleObjectProperty<>(new Codebook(List.of()));
    public final ObjectProperty<Map<Long, Integer>> codeCounts = new SimpleObjectProperty<>(Map.of());
    public final ObjectProperty<OpenDocument> openDocument = new SimpleObjectProperty<>();
    /** True while a document is being read for the centre (a large one takes a moment). */
    public final BooleanProperty loadingDocument = new SimpleBooleanProperty();
    public final ObservableList<Code> recentCodes = FXCollections.observableArrayList();
    /** Who is coding: never blank. */
    public final StringProperty coder = new SimpleStringProperty(org.tamga.core.CodingService.defaultCoder());
    public final ObservableList<String> coders = FXCollections.observableArrayList();
    /** Coder id → name, for showing who made a coding. */
    public final ObjectProperty<Map<Long, String>> coderNames = new SimpleObjectProperty<>(Map.of());
    public final BooleanProperty canUndo = new SimpleBooleanProperty();
    public final BooleanProperty canRedo = new SimpleBooleanProperty();
    public final StringProperty undoText = new SimpleStringProperty("");
    public final StringProperty redoText = new SimpleStringProperty("");
    /** Goes up when changes made outside this window (the command line, a second window) were read in. */
    public final IntegerProperty outsideChanges = new SimpleIntegerProperty();
    /** Goes up after every change of codings or codes, so that retrieval and reports refresh. */
    public final IntegerProperty revision = new SimpleIntegerProperty();
    /**
     * Whose codings the window shows — counts, highlights, stripes, the codings at the cursor,
     * retrieval and the reports: everyone's (empty), some coders' (to compare), or with
     * {@link #onlyMine} only the current coder's (blind coding).
     */
    public final ObjectProperty<java.util.Set<String>> shownCoders = new SimpleObjectProperty<>(java.util.Set.of());
    public final BooleanProperty onlyMine = new SimpleBooleanProperty();
    /** {@link #coder}, for the task thread: the open session records the codebook's changes under this name (ADR 46). */
    private volatile String coderNow = coder.get();
    /** What {@link #shownCoders} and {@link #onlyMine} come to, for the task thread. */
    private volatile java.util.Set<String> visibleCoders = java.util.Set.of();

    private final CodingActions coding = new CodingActions(this);
    private final CodebookActions codes = new CodebookActions(this);
    private final DocumentActions documents = new DocumentActions(this);
    private final Queries queries = new Queries(this);

    public ProjectModel(Path cacheRoot, TaskExecutor tasks) {
        this.cacheRoot = cacheRoot;
        this.tasks = tasks;
        coder.addListener((o, was, now) -> { if (now == null || now.isBlank()) coder.set(was == null || was.isBlank() ? org.tamga.core.CodingService.defaultCoder() : was); });
        coder.addListener((o, was, now) -> coderNow = coder.get());
        javafx.beans.InvalidationListener shown = o -> {
            java.util.Set<String> now = onlyMine.get() ? java.util.Set.of(coder.get()) : java.util.Set.copyOf(shownCoders.get());
            if (now.equals(visibleCoders)) return;
            visibleCoders = now;
            reread();
        };
        shownCoders.addListener(shown);
        onlyMine.addListener(shown);
        coder.addListener(shown);
    }

    /** The coders whose codings the window shows now (empty: everyone's). */
    public java.util.Set<String> visibleCoders() { return visibleCoders; }

    /** Reads again everything shown (after the choice of whose codings to show changed). */
    private void reread() {
        if (!isOpen()) return;
        OpenDocument current = openDocument.get();
        Document open = current == null ? null : current.document();
        tasks.run(i18n == null ? "" : i18n.t("task.read"), p -> snapshot(session, open, current), this::apply);
    }

    public ProjectModel(Path cacheRoot) { this(cacheRoot, TaskExecutor.background()); }

    public ProjectModel() { this(CacheFolders.root()); }

    public CodingActions coding() { return coding; }
    public CodebookActions codes() { return codes; }
    public DocumentActions documents() { return documents; }
    public Queries queries() { return queries; }
    public TaskExecutor tasks() { return tasks; }

    /** The window's words, for status lines and undo descriptions. */
    public void setI18n(I18n i18n) { this.i18n = i18n; }
    I18n i18n() { return i18n; }

    public boolean isOpen() { return open.get(); }

    /** An ordinary refusal ("Select the passage to code first."): shown as a notification, not an error. */
    void refuse(String message) { tasks.fail(new TamgaException(message)); }

    // ---- opening and closing -----------------------------------------------------------------

    public void open(Path file, Consumer<Opened> then) {
        load(i18n.t("task.opening", file.getFileName()), () -> ProjectSession.open(file, cacheRoot), then);
    }

    /** Opens a shared project on a PostgreSQL server by its address (ADR 48). */
    public void openShared(String address, Consumer<Opened> then) { openShared(address, null, then); }

    /** Opens a shared project as {@code login} (null: PGUSER, or the system user), with what its role allows (ADR 49). */
    public void openShared(String address, String login, Consumer<Opened> then) {
        load(i18n.t("task.opening", address), () -> {
            ProjectSession s = ProjectSession.openShared(address, cacheRoot, login);
            s.setCoder(coderNow);
            return s;
        }, then);
    }

    public void create(Path file, Consumer<Opened> then) {
        load(i18n.t("task.creating", file.getFileName()), () -> ProjectSession.create(file, cacheRoot), then);
    }

    /** Opens the sample project in {@code file}, creating it first if it does not exist. */
    public void openSample(Path file, Consumer<Opened> then) {
        load(i18n.t("task.opening", file.getFileName()), () -> {
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

    private void load(String title, Supplier<ProjectSession> opener, Consumer<Opened> then) {
        tasks.run(title, progress -> {
            closeSession();
            ProjectSession s = opener.get();
            progress.update(0, 0, i18n.t("task.index"));
            try {
                s.ensureIndex(); // caught up now rather than on the first search
            } catch (RuntimeException e) {
                s.close();
                throw e;
            }
            session = s;
            waiter = s.listenForChanges().orElse(null);
            history = new EditHistory(500);
            return new Loaded(snapshot(s, null, null), s.readOnly().orElse(null), String.join(" ", s.warnings()), s.shared() ? s.where() : null,
                    s.member().orElse(null));
        }, loaded -> {
            Snapshot snap = loaded.snapshot();
            openDocument.set(null);
            recentCodes.clear();
            apply(snap);
            readOnly.set(loaded.readOnly());
            projectName.set(snap.name);
            projectFile.set(snap.file);
            sharedAddress.set(loaded.shared());
            member.set(loaded.member());
            // a coder of a shared project codes under the name its owner gave the login (ADR 49)
            if (loaded.member() != null && loaded.member().coder() != null) coder.set(loaded.member().coder());
            serverAway.set(null);
            othersWorking.set(List.of());
            open.set(true);
            updateHistory(new EditHistory(1));
            // what the researcher must know about how it is open: read-only, an index in a temporary folder
            status.set(loaded.readOnly() == null ? loaded.warnings() : (loaded.readOnly() + " " + loaded.warnings()).strip());
            if (then != null) then.accept(new Opened(snap.name, snap.file, snap.documents.size(), snap.codebook.size(),
                    snap.counts.values().stream().mapToInt(Integer::intValue).sum()));
        });
    }

    /** What opening read: the window's snapshot, the read-only sentence (or null), and the session's warnings in one line. */
    private record Loaded(Snapshot snapshot, String readOnly, String warnings, String shared, org.tamga.model.Member member) {}

    /** Closes the open project (the index is committed); its undo history goes with it. */
    public void closeProject(Runnable then) {
        tasks.run(i18n.t("task.closing"), p -> { closeSession(); return Boolean.TRUE; }, ok -> {
            open.set(false);
            openDocument.set(null);
            documentItems.clear();
            codebook.set(new Codebook(List.of()));
            codeCounts.set(Map.of());
            recentCodes.clear();
            projectName.set(null);
            projectFile.set(null);
            sharedAddress.set(null);
            member.set(null);
            othersWorking.set(List.of());
            serverAway.set(null);
            readOnly.set(null);
            updateHistory(new EditHistory(1));
            if (then != null) then.run();
        });
    }

    /** Task thread: closes the session, and forgets its history. */
    /** Woken by the others' changes to the open shared project (null for a file). */
    private volatile ProjectSession.ChangeWaiter waiter;

    /**
     * Waits (on a thread of the caller's, never the window's) up to {@code millis} ms for a change to
     * the open shared project; true as soon as one was committed. False at once for a file.
     */
    public boolean awaitOutsideChange(int millis) {
        ProjectSession.ChangeWaiter w = waiter;
        return w != null && w.await(millis);
    }

    private void closeSession() {
        history = new EditHistory(500);
        ProjectSession.ChangeWaiter w = waiter;
        waiter = null;
        if (w != null) w.close();
        if (session != null) {
            ProjectSession s = session;
            session = null;
            s.close();
        }
    }

    /** The open session, on the task thread; a clear refusal when none is open. */
    ProjectSession session() {
        if (session == null) throw new TamgaException(i18n.t("refusal.noProject"));
        session.setCoder(coderNow);
        return session;
    }

    // ---- what the window shows ---------------------------------------------------------------

    /** Everything the window shows, read in one go on the task thread. */
    record Snapshot(String name, Path file, List<DocumentItem> documents, Codebook codebook,
                    Map<Long, Integer> counts, List<Coder> coders, OpenDocument open) {}

    /**
     * Reads what the window shows. When the open document stays the same, its text and positions
     * are reused (a document's text never changes): after an edit only its codings are read again.
     */
    Snapshot snapshot(ProjectSession s, Document open, OpenDocument current) {
        java.util.Set<String> who = visibleCoders;
        Map<Long, Integer> perDocument = s.coding().countsByDocument(who);
        List<DocumentItem> docs = new ArrayList<>();
        Document fresh = null;
        for (Document d : s.documents().all()) {
            docs.add(new DocumentItem(d, perDocument.getOrDefault(d.id(), 0)));
            if (open != null && d.guid().equals(open.guid())) fresh = d;
        }
        OpenDocument od = null;
        if (fresh != null) {
            boolean same = current != null && current.document().guid().equals(fresh.guid());
            String text = same ? current.text() : s.documents().text(fresh);
            od = new OpenDocument(fresh, text, same ? current.positions() : new Positions(text), s.coding().ofDocument(fresh, who),
                    s.documents().source(fresh), s.speakers().speakers(fresh), s.cases().of(fresh));
        }
        return new Snapshot(s.project().name(), s.file(), docs, s.codebook().codebook(), s.coding().countsByCode(who),
                s.coding().coders(), od);
    }

    /** True while the lists are being replaced with what was read: a selection that moves then is no researcher's choice. */
    public boolean updating() { return updating; }
    private boolean updating;

    void apply(Snapshot snap) {
        updating = true;
        try {
            documentItems.setAll(snap.documents);
        } finally {
            updating = false;
        }
        codebook.set(snap.codebook);
        codeCounts.set(snap.counts);
        Map<Long, String> byId = new HashMap<>();
        List<String> names = new ArrayList<>();
        for (Coder c : snap.coders) { byId.put(c.id(), c.name()); names.add(c.name()); }
        coderNames.set(byId);
        String who = coder.get();
        if (!names.contains(who)) names.add(who);
        if (!names.equals(coders)) coders.setAll(names);
        if (snap.open != null) openDocument.set(snap.open);
        // recent codes may have been renamed or deleted
        recentCodes.setAll(recentCodes.stream().map(c -> snap.codebook.byGuid(c.guid()).orElse(null)).filter(Objects::nonNull).toList());
        revision.set(revision.get() + 1);
    }

    /** Reads something off the open project on the task thread; {@code then} gets it on the JavaFX thread. */
    <T> void read(String title, Function<ProjectSession, T> work, Consumer<T> then) {
        tasks.run(title, p -> work.apply(session()), then);
    }

    /**
     * Runs an edit on the task thread, records it in the open project's history, then refreshes
     * what the window shows. {@code doIt} runs for the edit and again for every redo; it returns
     * the edit's result. {@code undoIt} takes it back. Both run only in the session they were made in.
     *
     * @param label  what the Undo menu names ("coding with “Health”")
     * @param done   the status line afterwards, from the result ("Coded 1 passage with “Health”.")
     */
    <R> void edit(String label, Function<R, String> done, Supplier<R> doIt, Runnable undoIt, Consumer<R> then) {
        OpenDocument current = openDocument.get();
        Document open = current == null ? null : current.document();
        tasks.run(label, p -> {
            ProjectSession madeIn = session();
            R result = doIt.get();
            EditHistory h = history;
            h.done(new EditHistory.Edit() {
                public String description() { return label; }
                public void undo() { inSession(madeIn); undoIt.run(); }
                public void redo() { inSession(madeIn); var unused = doIt.get(); } // the edit again; its result was shown the first time
            });
            return new Edited<>(result, snapshot(madeIn, open, current), h);
        }, edited -> {
            apply(edited.snapshot);
            updateHistory(edited.history);
            String message = done == null ? null : done.apply(edited.result);
            if (message != null) status.set(message);
            if (then != null) then.accept(edited.result);
        });
    }

    private record Edited<R>(R result, Snapshot snapshot, EditHistory history) {}

    private void inSession(ProjectSession madeIn) {
        if (session != madeIn) throw new IllegalStateException("an edit of another project was about to be replayed");
    }

    /** Runs a change that is not undoable (the window asks first), then refreshes. */
    <R> void change(String title, Function<ProjectSession, R> work, Consumer<R> then) {
        OpenDocument current = openDocument.get();
        Document open = current == null ? null : current.document();
        tasks.run(title, p -> {
            R result = work.apply(session());
            return new Edited<>(result, snapshot(session, open, null), history);
        }, edited -> {
            apply(edited.snapshot);
            if (then != null) then.accept(edited.result);
        });
    }

    /**
     * Merges coders' copies of the open project into it ({@code dryRun}: says what merging would do
     * and writes nothing), then refreshes what the window shows. A merge is not undoable: the undo
     * history before it is cleared (its steps would replay over what the merge brought), and the
     * copy the merge writes beside the project is the way back.
     */
    public void merge(List<Path> sources, boolean dryRun, Consumer<org.tamga.core.MergeReport> then) {
        String names = sources.size() == 1 ? sources.getFirst().getFileName().toString() : String.valueOf(sources.size());
        if (dryRun) {
            read(i18n.t("task.mergeDry", names), s -> s.merging().merge(sources, true), then);
            return;
        }
        OpenDocument current = openDocument.get();
        Document open = current == null ? null : current.document();
        tasks.run(i18n.t("task.merge", names), p -> {
            ProjectSession s = session();
            org.tamga.core.MergeReport report = s.merging().merge(sources, false);
            if (report.changed()) history = new EditHistory(500);
            return new Edited<>(report, snapshot(s, open, current), history);
        }, edited -> {
            apply(edited.snapshot);
            updateHistory(edited.history);
            if (then != null) then.accept(edited.result);
        });
    }

    private void updateHistory(EditHistory h) {
        canUndo.set(h.canUndo());
        canRedo.set(h.canRedo());
        undoText.set(h.nextUndo() == null ? "" : h.nextUndo());
        redoText.set(h.nextRedo() == null ? "" : h.nextRedo());
    }

    public void undo() { step(true, null); }

    public void redo() { step(false, null); }

    /** Undoes (or redoes) the last edit of the open project; {@code then} is told what it was (null: nothing to do). */
    public void step(boolean back, Consumer<Stepped> then) {
        OpenDocument current = openDocument.get();
        Document open = current == null ? null : current.document();
        tasks.run(i18n.t(back ? "task.undo" : "task.redo"), p -> {
            if (session == null) return null;
            EditHistory h = history;
            EditHistory.Edit e = back ? h.undo() : h.redo();
            return new Edited<>(e == null ? null : new Stepped(back, e.description()), snapshot(session, open, current), h);
        }, edited -> {
            if (edited == null) { if (then != null) then.accept(null); return; }
            apply(edited.snapshot);
            updateHistory(edited.history);
            if (edited.result != null) status.set(i18n.t(back ? "status.undone" : "status.redone", edited.result.description()));
            if (then != null) then.accept(edited.result);
        });
    }

    /**
     * Looks whether another process changed the project (the window asks every second); if so,
     * the index catches up and everything shown is read again. Quiet when nothing changed.
     */
    public void checkOutsideChanges() {
        if (!isOpen()) return;
        OpenDocument current = openDocument.get();
        Document open = current == null ? null : current.document();
        tasks.run("", p -> {
            if (session == null) return null;
            boolean changed = session.changedOutside();
            Outside seen = new Outside(changed ? catchUpAndRead(open, current) : null, session.othersWorking(), session.serverAway().orElse(null));
            return seen;
        }, seen -> {
            if (seen == null) return;
            if (sharedAddress.get() != null) {
                boolean wasAway = serverAway.get() != null;
                othersWorking.set(seen.others());
                serverAway.set(seen.away());
                if (seen.away() != null) status.set(i18n.t("status.serverAway", seen.away()));
                else if (wasAway) status.set(i18n.t("status.serverBack", sharedAddress.get()));
            }
            if (seen.snapshot() == null) return;
            applyReadAgain(seen.snapshot(), open);
            outsideChanges.set(outsideChanges.get() + 1);
            if (seen.away() == null && status.get() != null && !status.get().equals(i18n.t("status.serverBack", sharedAddress.get()))) {
                status.set(i18n.t("status.outside"));
            }
        });
    }

    /** What a look for outside changes found: what was read again (null if nothing changed), who else works, whether the server is away. */
    private record Outside(Snapshot snapshot, List<String> others, String away) {}

    private Snapshot catchUpAndRead(Document open, OpenDocument current) {
        session.catchUpIndex();
        return snapshot(session, open, current);
    }

    /** Shows what was read again after a change from outside or a restore: a document that is gone is no longer shown. */
    private void applyReadAgain(Snapshot snap, Document open) {
        apply(snap);
        if (open != null && snap.open() == null) openDocument.set(null);
    }

    // ---- backups -------------------------------------------------------------------------------

    /** The open project's backups, newest first, with what each holds (read in the background). */
    public void backups(Consumer<List<Backups.Backup>> then) {
        read(i18n.t("task.backups"), ProjectSession::backups, then);
    }

    /** Backs the open project up now (a backup made by hand: Tamga never deletes it). */
    public void backUpNow(Consumer<Backups.Backup> then) {
        read(i18n.t("task.backup"), ProjectSession::backUpNow, b -> {
            status.set(i18n.t("status.backedUp", b.file()));
            if (then != null) then.accept(b);
        });
    }

    /**
     * Restores a backup into the open project (its current state is backed up first), then shows
     * the restored state: documents, codebook, counts, the open document if it is still there. The
     * undo history goes: its edits belong to the state before.
     */
    public void restore(Backups.Backup backup, Consumer<Backups.Restored> then) {
        OpenDocument current = openDocument.get();
        Document open = current == null ? null : current.document();
        tasks.run(i18n.t("task.restore", backup.name()), p -> {
            ProjectSession s = session();
            Backups.Restored r = s.restore(backup.file());
            history = new EditHistory(500);
            return new Edited<>(r, snapshot(s, open, current), history);
        }, edited -> {
            applyReadAgain(edited.snapshot, open);
            updateHistory(edited.history);
            Backups.Restored r = edited.result;
            status.set(i18n.t("status.restored", Backups.local(r.from().made()), r.before() == null ? "" : r.before().file()));
            if (then != null) then.accept(r);
        });
    }

    /** Restores a backup over a project that could not be opened (damaged), then opens it. */
    public void restoreAndOpen(Path file, Path backup, Consumer<Opened> then) {
        load(i18n.t("task.restore", backup.getFileName()), () -> {
            Backups.restore(file, backup);
            return ProjectSession.open(file, cacheRoot);
        }, then);
    }


    /** Opens a document in the centre. */
    public void openDocument(Document document, Consumer<OpenDocument> then) {
        loadingDocument.set(true);
        tasks.run(i18n.t("task.openDocument", document.name()), p -> {
            ProjectSession s = session();
            String text = s.documents().text(document);
            return new OpenDocument(document, text, new Positions(text), s.coding().ofDocument(document, visibleCoders),
                    s.documents().source(document), s.speakers().speakers(document), s.cases().of(document));
        }, od -> {
            loadingDocument.set(false);
            openDocument.set(od);
            if (then != null) then.accept(od);
        });
    }

    /** The diagnostics report (versions, the project's schema and path, folders, the log's last lines), read on the task thread. */
    public void diagnostics(String javafx, String version, Consumer<String> then) {
        tasks.run(i18n.t("task.read"), p -> org.tamga.core.Diagnostics.report(session, javafx, version), then);
    }

    void remember(Code code) {
        recentCodes.removeIf(c -> c.guid().equals(code.guid()));
        recentCodes.addFirst(code);
        while (recentCodes.size() > 9) recentCodes.removeLast();
    }

    /**
     * Closes the project and stops the task thread, waiting at most {@code timeout} for running
     * work (an import, the index's commit) to finish; true if everything finished.
     */
    public boolean shutdown(java.time.Duration timeout) {
        tasks.run("close", p -> { closeSession(); return Boolean.TRUE; }, null);
        tasks.shutdown();
        try {
            return tasks.awaitIdle(timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() { shutdown(java.time.Duration.ofSeconds(30)); }
}
