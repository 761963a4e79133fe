package org.tamga.core;

import org.tamga.core.text.TurnLabels;
import org.tamga.index.SearchIndex;
import org.tamga.index.TextIndex;
import org.tamga.index.WordIndex;
import org.tamga.model.Project;
import org.tamga.model.TamgaException;
import org.tamga.store.DocumentRepository;
import org.tamga.store.Migrations;
import org.tamga.store.ProjectStore;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One open project: the facade that the window and the command line both use. It owns the
 * project file (the source of truth) and the search index (a cache kept in the user's cache
 * folder, opened and caught up with the project on first use).
 */
public final class ProjectSession implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger("org.tamga.core");
    /** The project format this Tamga writes. */
    private static final int FORMAT = Migrations.shipped().latestVersion();

    /** The open file; replaced only when the file itself was replaced from outside (see {@link #changedOutside}). */
    private volatile ProjectStore store;
    private final Path cacheRoot;
    private final Integrity integrity;
    private SearchIndex index;
    private IndexSync lastSync;
    /** When the file was last known to pass SQLite's check (null: not known); noted again when the session closes. */
    private final Instant knownGood;
    /** What the file was when opened (its inode, or on Windows its creation time): another one means it was replaced. */
    private Object identity;
    /** Connections to a file that was replaced while open: kept, not closed, until the session closes (see {@link #reopen}). */
    private final List<ProjectStore> replaced = new ArrayList<>();
    /** The last backup this session made, and this connection's changes and data version then. */
    private Path lastBackup;
    private long backupChanges = -1;
    private int backupDataVersion;
    private WordIndex words;

    private final DocumentService documents = new DocumentService(this);
    private final ImportService importing = new ImportService(this);
    private final CodebookService codebook = new CodebookService(this);
    private final CodingService coding = new CodingService(this);
    private final SearchService search = new SearchService(this);
    private final ReportService reports = new ReportService(this);
    private final SpeakerService speakers = new SpeakerService(this);
    private final ExchangeService exchange = new ExchangeService(this);
    private final CaseService cases = new CaseService(this);
    private final PassageUnits units = new PassageUnits(this);
    private final AutocodeService autocode = new AutocodeService(this);
    private final MergeService merging = new MergeService(this);
    private final AnalysisService analysis = new AnalysisService(this);
    private final AgreementService agreement = new AgreementService(this);
    private final WordService wordService = new WordService(this);

    private ProjectSession(ProjectStore store, Path cacheRoot, Integrity integrity, Instant knownGood) {
        this.store = store;
        this.cacheRoot = cacheRoot;
        this.integrity = integrity;
        this.knownGood = knownGood;
        this.seenDataVersion = store.dataVersion();
        this.identity = store.shared() ? null : identity(store.file());
    }

    /** The file's data version when this session last looked (see {@link #changedOutside}). */
    private int seenDataVersion;

    /**
     * Whether another process or connection has committed to the project since the last look (the
     * command line importing while the window is open, a second window): true once per change.
     * This session's own writes do not count.
     */
    public synchronized boolean changedOutside() {
        if (store.shared()) return changedOnServer();
        Object file = identity(store.file());
        boolean fileReplaced = file != null && !file.equals(identity);
        if (fileReplaced || store.schemaVersion() < FORMAT) {
            // the file was replaced (a backup put back by hand, or over a file SQLite could no longer read),
            // or a backup of an older format was restored: read it afresh
            reopen(fileReplaced);
            return true;
        }
        int now = store.dataVersion();
        boolean changed = now != seenDataVersion;
        seenDataVersion = now;
        return changed;
    }

    /** Why the shared project's server cannot be reached now (null while it can). */
    private volatile String serverAway;

    /** Why the shared project's server cannot be reached, as {@link #changedOutside} last found; empty while it can be (and for a file). */
    public java.util.Optional<String> serverAway() { return java.util.Optional.ofNullable(serverAway); }

    /**
     * {@link #changedOutside} for a shared project: the others' changes since the last look. When the
     * connection is gone, a new one is tried; while none can be made, {@link #serverAway} says why
     * (edits fail with a message meanwhile: nothing is queued), and once one is, everything counts as
     * changed, so that the window reads it all again.
     */
    private boolean changedOnServer() {
        try {
            int now = store.dataVersion();
            boolean changed = now != seenDataVersion || serverAway != null;
            seenDataVersion = now;
            serverAway = null;
            return changed;
        } catch (TamgaException e) {
            ProjectStore fresh;
            try {
                fresh = ProjectStore.openShared(store.server().orElseThrow(), store.login());
            } catch (TamgaException again) {
                serverAway = again.getMessage();
                LOG.log(System.Logger.Level.DEBUG, "the shared project's server cannot be reached", again);
                return false;
            }
            ProjectStore old = store;
            store = fresh;
            try { old.close(); } catch (TamgaException ignored) { /* the old connection is gone anyway */ }
            bindCoder();
            fresh.announce(coder);
            seenDataVersion = fresh.dataVersion();
            serverAway = null;
            return true;
        }
    }

    /** Wakes whoever waits for the others' changes to a shared project (see {@link #listenForChanges}). */
    public interface ChangeWaiter extends AutoCloseable {
        /** Waits up to {@code millis} ms; true as soon as a change was committed, false when the time ran out or the server is away. */
        boolean await(int millis);
        @Override void close();
    }

    /**
     * For a shared project: a waiter woken by every committed change (PostgreSQL's LISTEN/NOTIFY,
     * ADR 48) on a connection of its own, so that a window looks with {@link #changedOutside} at
     * once rather than at its next look a second later. Empty for a file.
     */
    public java.util.Optional<ChangeWaiter> listenForChanges() {
        if (!store.shared()) return java.util.Optional.empty();
        String address = store.server().orElseThrow();
        return java.util.Optional.of(new ChangeWaiter() {
            private ProjectStore.ChangeListener listener;

            @Override public boolean await(int millis) {
                try {
                    synchronized (this) { if (listener == null) listener = store.listen(); }
                    return listener.await(millis);
                } catch (TamgaException e) {
                    // the server went away: the next look says so; listening starts again once it is back
                    synchronized (this) { if (listener != null) listener.close(); listener = null; }
                    LOG.log(System.Logger.Level.DEBUG, "listening to " + address, e);
                    return false;
                }
            }

            @Override public synchronized void close() { if (listener != null) listener.close(); listener = null; }
        });
    }

    /** The coders working on this shared project now, in Tamga on other connections (none for a file). */
    public List<String> othersWorking() {
        try {
            return store.othersWorking();
        } catch (TamgaException e) {
            return List.of();
        }
    }

    /**
     * Opens the project file again. A connection to a file that was replaced is not closed: SQLite
     * would then delete the write-ahead log by its name, which may by now be the new file's.
     */
    private void reopen(boolean fileReplaced) {
        ProjectStore old = store;
        Path file = old.file();
        if (fileReplaced) replaced.add(old); else old.close();
        if (index != null) {
            try { index.close(); } catch (TamgaException e) { LOG.log(System.Logger.Level.WARNING, "closing the index", e); }
            index = null;
        }
        store = readOnlyReason != null ? ProjectStore.openReadOnly(file, readOnlyReason)
                : ProjectStore.open(file, from -> Backups.beforeDestructive(file, "upgrade-v" + from));
        identity = identity(file);
        seenDataVersion = store.dataVersion();
        backupChanges = -1;
    }

    private static void deleteQuietly(Path folder) {
        try (var walk = Files.walk(folder)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "could not delete the temporary index " + folder, e);
        }
    }

    /** The file's identity: its inode where the system has one, else its creation time; null if it is gone. */
    private static Object identity(Path file) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return a.fileKey() != null ? a.fileKey() : a.creationTime();
        } catch (IOException e) {
            return null;
        }
    }

    /** Brings the index in line with the project again: after a change from outside, documents may have come or gone. */
    public synchronized IndexSync catchUpIndex() {
        if (index == null) return ensureIndex();
        lastSync = catchUp(index, searchFolder, null);
        return lastSync;
    }

    /** Creates a new project file; its name is the file name without {@code .tamga}. */
    public static ProjectSession create(Path file) { return create(file, CacheFolders.root()); }

    public static ProjectSession create(Path file, Path cacheRoot) {
        Path f = withExtension(file);
        String name = f.getFileName().toString();
        name = name.substring(0, name.length() - ProjectStore.EXTENSION.length());
        return create(f, name, cacheRoot);
    }

    /** Creates a new project file whose project is called {@code name}, whatever the file is called (an import builds it under a temporary name). */
    public static ProjectSession create(Path file, String name, Path cacheRoot) {
        return new ProjectSession(ProjectStore.create(file, name), cacheRoot, Integrity.standard(), Instant.now());
    }

    public static ProjectSession open(Path file) { return open(file, CacheFolders.root()); }

    /**
     * Opens a shared project on a PostgreSQL server (ADR 48) by its address
     * ({@code postgresql://host:5432/database}); the user and password come from {@code PGUSER},
     * {@code PGPASSWORD} or {@code ~/.pgpass}. Its search index is kept in this computer's cache,
     * as for a project file, and caught up with the server when it is used.
     */
    public static ProjectSession openShared(String address, Path cacheRoot) { return openShared(address, cacheRoot, null); }

    /**
     * Opens a shared project as {@code login} (null: {@code PGUSER}, or the system user). A coder's
     * codings are made under the coder name the project's owner gave the login (ADR 49): the session's
     * coder is that name, whatever {@link #setCoder} is told; a reader's session refuses every edit.
     */
    public static ProjectSession openShared(String address, Path cacheRoot, String login) {
        ProjectSession s = new ProjectSession(ProjectStore.openShared(address, login), cacheRoot, Integrity.standard(), null);
        s.bindCoder();
        s.store.announce(s.coder);
        return s;
    }

    /** The coder name a coder of a shared project codes under (ADR 49); null when the session may code under any name. */
    private volatile String boundCoder;

    private void bindCoder() {
        boundCoder = store.member().filter(m -> m.role() == org.tamga.model.Member.Role.CODER).map(org.tamga.model.Member::coder).orElse(null);
        if (boundCoder != null) coder = boundCoder;
    }

    /** On a shared project: who this session is there, and what it may do (ADR 49); empty for a project file. */
    public java.util.Optional<org.tamga.model.Member> member() { return store.member(); }

    /** The members of a shared project and their roles (empty for a file). */
    public java.util.List<org.tamga.model.Member> members() { return store.members(); }

    /** Makes a login a member of this shared project with {@code role}, or changes its role; owners only. */
    public void setMember(String login, org.tamga.model.Member.Role role, String coderName) { store.setMember(login, role, coderName); }

    /** Takes a login's membership of this shared project away; owners only. */
    public void removeMember(String login) { store.removeMember(login); }

    /** The coder name this session's codings must be made under, when the project says so (a coder of a shared project). */
    public java.util.Optional<String> boundCoder() { return java.util.Optional.ofNullable(boundCoder); }

    /** Opens a project file or, for a {@code postgresql://} address, a shared project. */
    public static ProjectSession open(String fileOrAddress, Path cacheRoot) {
        return ProjectStore.isSharedAddress(fileOrAddress) ? openShared(fileOrAddress, cacheRoot) : open(Path.of(fileOrAddress), cacheRoot);
    }

    /** Whether this is a shared project on a server rather than a project file. */
    public boolean shared() { return store.shared(); }

    /** Where the project is, as the researcher names it: the file, or the shared project's address. */
    public String where() { return store.server().orElseGet(() -> store.file().toString()); }

    /** The project file's name, or the shared project's address: how messages name the project. */
    public String name() { return store.server().orElseGet(() -> store.file().getFileName().toString()); }

    /**
     * Writes a project file holding everything the project holds now: for a shared project, the
     * copy a researcher takes into the field (it merges back with {@link MergeService}).
     */
    public void copyTo(Path file) { store.copyTo(file); }

    /**
     * Opens a project: SQLite checks it first (a damaged file is refused with a
     * {@link org.tamga.model.DamagedProjectException} and never written to), an older format is
     * upgraded after a backup, and the day's backup is made if the newest is more than a day old.
     */
    public static ProjectSession open(Path file, Path cacheRoot) { return open(file, cacheRoot, Integrity.standard()); }

    static ProjectSession open(Path file, Path cacheRoot, Integrity integrity) {
        String readOnly = Files.isRegularFile(file) ? ProjectStore.readOnlyReason(file) : null;
        if (readOnly != null) return openReadOnly(file, cacheRoot, integrity, readOnly);
        Instant good = Files.isRegularFile(file) ? integrity.beforeOpen(file, cacheRoot) : null;
        ProjectSession s = new ProjectSession(ProjectStore.open(file, from -> Backups.beforeDestructive(file, "upgrade-v" + from)),
                cacheRoot, integrity, good);
        try {
            Backups.dailyIfDue(file).ifPresent(b -> s.madeBackup(b.file()));
        } catch (TamgaException e) {
            // the project opens all the same; the next open tries again, and a destructive change is refused without its backup
            Warnings.warn("the day's backup of " + file.getFileName() + " could not be made: " + e.getMessage());
        }
        return s;
    }

    /**
     * Opens a project for reading only (ADR 45), wherever it is: a project in a folder that cannot be
     * written, on read-only media, or one the caller wants left untouched. Reading, searching, reports
     * and exports work; every edit is refused with a one-line reason ({@link #readOnly}). No backup
     * is made; the index is kept in the cache folder as usual.
     */
    public static ProjectSession openReadOnly(Path file, Path cacheRoot) {
        String reason = Files.isRegularFile(file) ? ProjectStore.readOnlyReason(file) : null;
        return openReadOnly(file, cacheRoot, Integrity.standard(), reason != null ? reason : "it was opened for reading only");
    }

    private static ProjectSession openReadOnly(Path file, Path cacheRoot, Integrity integrity, String reason) {
        Instant good = Files.isRegularFile(file) ? integrity.beforeOpen(file, cacheRoot) : null;
        ProjectSession s = new ProjectSession(ProjectStore.openReadOnly(file, reason), cacheRoot, integrity, good);
        s.readOnlyReason = reason;
        LOG.log(System.Logger.Level.DEBUG, "opened {0} for reading only: {1}", file, reason);
        return s;
    }

    /** Why this project was opened for reading only (as {@link ProjectStore#readOnlyReason} words it); null when it is open for writing. */
    private String readOnlyReason;

    /** When the project is open for reading only: the sentence that refuses every edit ("P.tamga is read-only (…): edits are refused."). */
    public java.util.Optional<String> readOnly() { return store.readOnly(); }

    /** Refuses an edit with the read-only sentence before anything is done, when the project is open for reading only. */
    void refuseIfReadOnly() {
        var refusal = store.readOnly();
        if (refusal.isPresent()) throw new TamgaException(refusal.get());
    }

    // ---- backups -----------------------------------------------------------------------------

    /**
     * Backs the project up before a change that cannot be taken back ({@code reason}: "delete-code",
     * "merge" …), unless this session's last backup already holds its current state (nothing was
     * written since, here or elsewhere). Returns the backup. If none can be made, a
     * {@link TamgaException} says why, and the change must not be made.
     */
    public synchronized Path beforeDestructive(String reason) {
        refuseIfReadOnly();
        if (lastBackup != null && backupChanges == store.totalChanges() && backupDataVersion == store.dataVersion()
                && Files.isRegularFile(lastBackup)) {
            return lastBackup;
        }
        return madeBackup(store.shared() ? Backups.beforeDestructiveShared(store, reason) : Backups.beforeDestructive(file(), reason));
    }

    private synchronized Path madeBackup(Path backup) {
        lastBackup = backup;
        backupChanges = store.totalChanges();
        backupDataVersion = store.dataVersion();
        return backup;
    }

    /** The project's backups, newest first (see {@link Backups#list}). */
    public List<Backups.Backup> backups() {
        refuseIfShared("list its backups");
        return Backups.list(file());
    }

    /** A shared project is backed up on its server: the file-based backups do not apply. */
    private void refuseIfShared(String what) {
        if (store.shared()) {
            throw new TamgaException("Cannot " + what + " here: " + where() + " is a shared project, backed up on its server "
                    + "(ask its owner; pg_dump makes a copy). The copies Tamga makes before a change that cannot be taken back are in "
                    + Backups.sharedFolder(project().guid()) + "; `tamga copy` takes a project file of it at any time.");
        }
    }

    /** Makes a backup now, by hand: Tamga never deletes it. */
    public synchronized Backups.Backup backUpNow() {
        refuseIfShared("back it up");
        Backups.Backup b = Backups.backUp(file(), Backups.MANUAL);
        madeBackup(b.file());
        return b;
    }

    /**
     * Restores a backup into the open project (the current state is backed up first) and reads
     * it in: afterwards {@link #changedOutside} has been answered, and the index is caught up.
     */
    public synchronized Backups.Restored restore(Path backup) {
        refuseIfReadOnly();
        refuseIfShared("restore a backup");
        Backups.Restored r = Backups.restore(file(), backup);
        changedOutside();
        catchUpIndex();
        return r;
    }

    /** {@code study} → {@code study.tamga}; a name that has the extension stays as it is. */
    public static Path withExtension(Path file) {
        String name = file.getFileName().toString();
        return name.toLowerCase(java.util.Locale.ROOT).endsWith(ProjectStore.EXTENSION)
                ? file : file.resolveSibling(name + ProjectStore.EXTENSION);
    }

    public Project project() { return store.project(); }

    public Path file() { return store.file(); }

    /** The project's description (shown with the project; exchanged as the REFI-QDA project description). */
    public void setProjectMemo(String memo) { store.setProjectMemo(memo); }

    /** Adds a free-standing memo (an analytic note on the project) by a coder. */
    public org.tamga.model.Memo addMemo(String title, String text, String coderName) {
        if (text == null || text.isBlank()) throw new TamgaException("A memo needs some text.");
        String who = coderName == null || coderName.isBlank() ? coder : coderName.strip();
        return store.inTransaction(() -> store.memos().insert(title, text, store.coders().getOrCreate(who).id()));
    }

    /** The free-standing memos, oldest first. */
    public java.util.List<org.tamga.model.Memo> memos() { return store.memos().all(); }

    /** Who is changing the project in this session: each change of the codebook is recorded under this name (ADR 46). */
    private volatile String coder = CodingService.defaultCoder();

    /** The coder this session's changes of the codebook are recorded under (at first the system's user name). */
    public String coder() { return coder; }

    /** Says who makes the changes from now on; a blank name means the system's user name. */
    public void setCoder(String name) {
        String next = boundCoder != null ? boundCoder : name == null || name.isBlank() ? CodingService.defaultCoder() : name.strip();
        boolean changed = !next.equals(coder);
        coder = next;
        if (changed && store.shared()) store.announce(coder);
    }

    /** The project file; only core services use it. */
    ProjectStore store() { return store; }

    public DocumentService documents() { return documents; }
    public ImportService importing() { return importing; }
    public CodebookService codebook() { return codebook; }
    public CodingService coding() { return coding; }
    public SearchService search() { return search; }
    public ReportService reports() { return reports; }
    public SpeakerService speakers() { return speakers; }
    public ExchangeService exchange() { return exchange; }
    /** Cases, the documents in them, and the attributes of documents and cases. */
    public CaseService cases() { return cases; }
    /** Sentences, paragraphs and turns around a passage: what bulk coding widens a hit to. */
    public PassageUnits units() { return units; }
    /** Bulk coding of search hits: plan, apply, undo. */
    public AutocodeService autocode() { return autocode; }
    /** Merging coders' copies of the project into this one. */
    public MergeService merging() { return merging; }

    /** Co-occurrence and code × attribute / code × case tables. */
    public AnalysisService analysis() { return analysis; }
    /** Inter-coder agreement, the passages where coders differ, and accepting one coder's version. */
    public AgreementService agreement() { return agreement; }
    /** Word frequencies by language, and the places of a word (ADR 38). */
    public WordService words() { return wordService; }

    /** Counts for a summary line: documents, codes, codings, coders. */
    public record Summary(String name, int documents, int codes, int codings, int coders, long characters) {}

    public Summary summary() {
        long chars = store.documents().all().stream().mapToLong(d -> d.length()).sum();
        return new Summary(project().name(), store.documents().count(), store.codes().codebook().size(),
                store.codings().count(), store.coders().all().size(), chars);
    }

    /** How the index was brought in line with the project when it was opened. */
    /**
     * How the index was brought in line with the project: {@code inMemory} when it was built in memory
     * (another process held its folder and had no index to read yet), {@code shared} when it reads the
     * index of another process that holds its folder, with what that index lacks added here (ADR 45).
     */
    public record IndexSync(Path folder, int added, int removed, boolean inMemory, boolean shared) {}

    public Path indexFolder() {
        return cacheRoot.resolve("index").resolve(project().guid() + sharedMark() + "-f" + SearchIndex.FORMAT);
    }

    /** A shared project's indexes are kept apart from those of a file of the same project (its published or copied file). */
    private String sharedMark() {
        return store.server().map(a -> "-s" + Integer.toHexString(a.hashCode())).orElse("");
    }

    /** The search index, opened and caught up with the project on first use. */
    synchronized SearchIndex index() {
        if (index == null) {
            searchFolder = indexFolder();
            index = openIndex(searchFolder, SearchIndex::open, "search index", f -> searchFolder = f);
            lastSync = catchUp(index, searchFolder, null);
        }
        return index;
    }

    /** Where the search and the word index are kept now: their folders in the cache, or temporary ones (see {@link #openIndex}). */
    private Path searchFolder, wordFolder;
    /** Temporary folders of indexes that could not be kept in the cache folder: deleted when the session closes. */
    private final List<Path> temporaryIndexes = new ArrayList<>();
    private final List<String> warnings = new java.util.concurrent.CopyOnWriteArrayList<>();

    /**
     * What Tamga worked around while this project was open, one line each (an index that could not
     * be kept in the cache folder): logged and shown on the command line as they happen; the window
     * shows them in its status line.
     */
    public List<String> warnings() { return List.copyOf(warnings); }

    private void warn(String line) {
        warnings.add(line);
        Warnings.warn(line);
    }

    /**
     * Opens an index in its folder in the cache; where that cannot be done — a plain file where the
     * folder should be, a cache folder that is a file or cannot be written — a fresh index in a
     * temporary folder instead (ADR 45), with a warning: search and import go on working, and the
     * index is rebuilt there from the project, as after the cache was deleted.
     */
    private <T> T openIndex(Path folder, java.util.function.Function<Path, T> opener, String what, java.util.function.Consumer<Path> usedFolder) {
        try {
            return opener.apply(folder);
        } catch (TamgaException e) {
            Path temporary;
            try {
                temporary = Files.createTempDirectory("tamga-index");
            } catch (IOException io) {
                e.addSuppressed(io);
                throw e;
            }
            temporaryIndexes.add(temporary);
            usedFolder.accept(temporary);
            LOG.log(System.Logger.Level.DEBUG, "the " + what + " cannot be kept in " + folder, e);
            warn("The " + what + " cannot be kept in " + folder + " (" + why(e) + "), so a fresh one is made in "
                    + temporary + " for as long as the project is open.");
            return opener.apply(temporary);
        }
    }

    /** Why a folder could not be used, in a few words. */
    private static String why(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.nio.file.FileAlreadyExistsException || t instanceof java.nio.file.NotDirectoryException) {
                return "a file is in the way of the folder";
            }
            if (t instanceof java.nio.file.AccessDeniedException) return "it cannot be written";
            if (t instanceof java.nio.file.FileSystemException f && f.getReason() != null) return f.getReason();
            if (t.getCause() == null) return t.getMessage();
        }
        return e.getMessage();
    }

    /** Where the word index is kept: beside the search index, with its own format number. */
    public Path wordIndexFolder() {
        return cacheRoot.resolve("index").resolve(project().guid() + sharedMark() + "-w" + WordIndex.FORMAT);
    }

    /** Told how far building an index has come: documents indexed of those missing. */
    @FunctionalInterface
    public interface Progress { void indexed(int documents, int of); }

    /**
     * The word index, opened on first use and caught up with the project on every call (comparing
     * the GUIDs takes milliseconds; the first time every text is segmented, about a minute for
     * 10,000 transcripts on two cores).
     */
    synchronized WordIndex wordIndex(Progress progress) {
        if (words == null) {
            wordFolder = wordIndexFolder();
            words = openIndex(wordFolder, WordIndex::open, "word index", f -> wordFolder = f);
        }
        lastWordSync = catchUp(words, wordFolder, progress);
        return words;
    }

    private IndexSync lastWordSync;

    /** How the word index was last brought in line with the project (null before its first use). */
    synchronized IndexSync lastWordSync() { return lastWordSync; }

    /** Adds to an index what the project has and the index lacks, and removes the rest. */
    private IndexSync catchUp(TextIndex target, Path folder, Progress progress) {
        Set<String> indexed = target.documentGuids();
        Set<String> inProject = new HashSet<>(store.documents().guids());
        Set<String> missing = new HashSet<>(inProject);
        missing.removeAll(indexed);
        Set<String> extra = new HashSet<>(indexed);
        extra.removeAll(inProject);
        for (String guid : extra) target.remove(guid);
        if (!missing.isEmpty()) {
            // only the missing texts are read, a batch at a time, and indexed on all cores
            DocumentRepository docs = store.documents();
            List<String> wanted = List.copyOf(missing);
            try (ParallelIndexing indexing = new ParallelIndexing(target)) {
                for (int from = 0; from < wanted.size(); from += CATCH_UP_BATCH) {
                    var texts = docs.withTexts(wanted.subList(from, Math.min(wanted.size(), from + CATCH_UP_BATCH)));
                    if (target instanceof WordIndex w) {
                        // the word index leaves out the speakers' labels, which it finds from the turns
                        var turns = store.turns().ofDocuments(texts.values().stream().map(t -> t.document().id()).toList());
                        for (var e : texts.entrySet()) {
                            String text = new String(e.getValue().utf8(), StandardCharsets.UTF_8);
                            int[] labels = TurnLabels.ranges(text, turns.getOrDefault(e.getValue().document().id(), List.of()));
                            indexing.run(text.length(), () -> w.put(e.getKey(), text, labels));
                        }
                    } else {
                        for (var e : texts.entrySet()) indexing.put(e.getKey(), new String(e.getValue().utf8(), StandardCharsets.UTF_8));
                    }
                    if (progress != null) progress.indexed(Math.min(wanted.size(), from + CATCH_UP_BATCH), wanted.size());
                }
                indexing.finish();
            }
        }
        if (!missing.isEmpty() || !extra.isEmpty()) target.commit();
        return new IndexSync(folder, missing.size(), extra.size(), target.isInMemory(), target.isShared());
    }

    /** After this session changed the documents itself (a merge): catches the index up if it is open; otherwise its first use will. */
    synchronized void refreshIndexIfOpen() {
        if (index != null) lastSync = catchUp(index, searchFolder, null);
        if (words != null) lastWordSync = catchUp(words, wordFolder, null);
    }

    /** Documents whose texts are read together when the index catches up. */
    private static final int CATCH_UP_BATCH = 200;

    /** Opens the index if needed and says how it was caught up. */
    public synchronized IndexSync ensureIndex() {
        index();
        return lastSync;
    }

    @Override
    public synchronized void close() {
        TamgaException failure = null;
        if (index != null) {
            try { index.close(); } catch (TamgaException e) { failure = e; }
            index = null;
        }
        if (words != null) {
            try { words.close(); } catch (TamgaException e) { if (failure == null) failure = e; }
            words = null;
        }
        store.close();
        for (ProjectStore old : replaced) {
            try { old.close(); } catch (TamgaException e) { LOG.log(System.Logger.Level.DEBUG, "closing a replaced file", e); }
        }
        replaced.clear();
        for (Path temporary : temporaryIndexes) deleteQuietly(temporary);
        temporaryIndexes.clear();
        // the session's own writes went through SQLite: the file is as good as it was when opened
        if (knownGood != null && !store.shared() && Objects.equals(identity, identity(store.file()))) integrity.remember(store.file(), cacheRoot, knownGood);
        if (failure != null) throw failure;
    }
}
