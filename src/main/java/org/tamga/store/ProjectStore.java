package org.tamga.store;

import org.tamga.model.DiskFullException;
import org.tamga.model.Member;
import org.tamga.model.Project;
import org.tamga.model.TamgaException;
import org.tamga.util.DiskSpace;
import org.sqlite.SQLiteConfig;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

/**
 * One open {@code *.tamga} file: the only class that opens JDBC connections. A project file is an
 * SQLite database marked with {@link #APPLICATION_ID} whose {@code user_version} is its schema
 * version. Every edit runs in a transaction ({@link #inTransaction}); the journal is WAL with
 * {@code synchronous=FULL} (set only once a file is known to be a Tamga project, so that opening
 * someone else's database by mistake leaves it untouched), so a crash or kill never loses a committed edit.
 */
public final class ProjectStore implements AutoCloseable {

    /** "TAMG" in ASCII: marks an SQLite file as a Tamga project. */
    public static final int APPLICATION_ID = 0x54414D47;
    public static final String EXTENSION = ".tamga";

    /** The project file; null for a shared project on a server ({@link #server}). */
    private final Path file;
    /** The file messages name: {@link #file} itself, or the project a copy for reading was made of ({@link #openCopy}). */
    private final Path shownAs;
    /** The shared project's address without user or password (ADR 48); null for a project file. */
    private final String server;
    private final Dialect dialect;
    private final Connection connection;
    private final DocumentRepository documents;
    private final CodeRepository codes;
    private final CodingRepository codings;
    private final CoderRepository coders;
    private final MemoRepository memos;
    private final TurnRepository turns;
    private final AttributeRepository attributes;
    private final CaseRepository cases;
    private final CodeHistoryRepository codeHistory;
    private Path migrationBackup;
    /** The sentence that refuses edits when the project is open for reading only; null otherwise. */
    private String readOnly;
    private Reading.How reading;
    /** On a shared project: who this connection is and what it may do (ADR 49); null for a file. */
    private Member member;
    /** The login a shared project was opened as; null for the default one or a file. */
    private String login;
    /** The temporary folder of a copy opened for reading, deleted when it is closed; null otherwise. */
    private Path scratch;
    /** Statements prepared once and kept until the project closes ({@link #kept}). */
    private final java.util.Map<String, PreparedStatement> kept = new java.util.HashMap<>();

    private ProjectStore(Path file, Connection connection) {
        this(file, file, connection);
    }

    private ProjectStore(Path file, Path shownAs, Connection connection) {
        this(file, shownAs, null, Dialect.SQLITE, connection);
    }

    private ProjectStore(Path file, Path shownAs, String server, Dialect dialect, Connection connection) {
        this.file = file;
        this.shownAs = shownAs;
        this.server = server;
        this.dialect = dialect;
        this.connection = connection;
        this.documents = new DocumentRepository(this);
        this.codes = new CodeRepository(this);
        this.codings = new CodingRepository(this);
        this.coders = new CoderRepository(this);
        this.memos = new MemoRepository(this);
        this.turns = new TurnRepository(this);
        this.attributes = new AttributeRepository(this);
        this.cases = new CaseRepository(this);
        this.codeHistory = new CodeHistoryRepository(this);
    }

    /** Creates a new, empty project file; refuses to overwrite an existing file. */
    public static ProjectStore create(Path file, String projectName) {
        return create(file, projectName, Migrations.shipped());
    }

    static ProjectStore create(Path file, String projectName, Migrations migrations) {
        if (Files.exists(file)) {
            throw new TamgaException(file + " already exists; choose another name or open it instead.");
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new TamgaException("Cannot create " + file + ": the folder " + parent + " does not exist.");
        }
        ProjectStore store = new ProjectStore(file, connect(file));
        try {
            store.execute("PRAGMA journal_mode = WAL");
            store.execute("PRAGMA application_id = " + APPLICATION_ID);
            store.migrate(0, migrations);
            store.inTransaction(() -> {
                try (PreparedStatement ps = store.prepare(
                        "INSERT INTO project(id, guid, name, created_at) VALUES (1, ?, ?, ?)")) {
                    ps.setString(1, UUID.randomUUID().toString());
                    ps.setString(2, projectName);
                    ps.setString(3, timestamp(Instant.now()));
                    ps.executeUpdate();
                }
                return null;
            });
            return store;
        } catch (RuntimeException e) {
            store.close();
            try { Files.deleteIfExists(file); } catch (IOException ignored) { /* best effort */ }
            throw e;
        }
    }

    /**
     * Makes the copy of a project that is kept before its format is upgraded, and says where it is
     * (the core decides where backups go, ADR 41). Called with no transaction open; a failure
     * (a {@code TamgaException}) stops the upgrade with the file unchanged.
     */
    @FunctionalInterface
    public interface BeforeUpgrade {
        Path backUp(int fromVersion);

        /** For files that are known to be current: an upgrade is refused rather than made without a copy. */
        BeforeUpgrade REFUSE = v -> { throw new TamgaException("The project's format (version " + v
                + ") must be upgraded, and that needs a backup first: open it with Tamga."); };
    }

    /** Opens an existing project of this Tamga's format, refusing files that are not Tamga projects or are too new or too old. */
    public static ProjectStore open(Path file) {
        return open(file, Migrations.shipped(), BeforeUpgrade.REFUSE);
    }

    /** Opens an existing project; an older one is upgraded after {@code beforeUpgrade} has made its copy. */
    public static ProjectStore open(Path file, BeforeUpgrade beforeUpgrade) {
        return open(file, Migrations.shipped(), beforeUpgrade);
    }

    static ProjectStore open(Path file, Migrations migrations, BeforeUpgrade beforeUpgrade) {
        return open(file, file, migrations, beforeUpgrade);
    }

    private static ProjectStore open(Path file, Path shownAs, Migrations migrations, BeforeUpgrade beforeUpgrade) {
        if (!Files.isRegularFile(file)) {
            throw new TamgaException("Cannot open " + shownAs + ": no such project file.");
        }
        checkSqliteHeader(file, shownAs);
        ProjectStore store = new ProjectStore(file, shownAs, connect(file, shownAs));
        try {
            int applicationId = store.pragmaInt("application_id");
            if (applicationId != APPLICATION_ID) {
                throw new TamgaException("Cannot open " + shownAs
                        + ": it is an SQLite database but not a Tamga project.");
            }
            int version = store.pragmaInt("user_version");
            if (version > migrations.latestVersion()) {
                throw new TamgaException("Cannot open " + shownAs + ": it was saved by a newer Tamga (project format "
                        + version + "; this Tamga reads up to " + migrations.latestVersion() + "). Update Tamga.");
            }
            // only now, once the file is known to be ours, may its journal mode change
            store.execute("PRAGMA journal_mode = WAL");
            if (version < migrations.latestVersion()) {
                store.migrationBackup = beforeUpgrade.backUp(version);
                store.migrate(version, migrations);
            }
            return store;
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /** Whether {@code text} is the address of a shared project ({@code postgresql://…}) rather than a file (ADR 48). */
    public static boolean isSharedAddress(String text) { return Servers.isAddress(text); }

    /**
     * A shared project's address as Tamga shows and remembers it ({@code postgresql://…}); refused
     * with a message when it holds a user name or password, names no database, or is no address.
     */
    public static String sharedAddress(String address) { return Servers.checked(address); }

    /**
     * Opens a shared project on a PostgreSQL server (ADR 48), refusing a database that holds no
     * Tamga project or one of another format. The user and password come from {@code PGUSER},
     * {@code PGPASSWORD} or {@code ~/.pgpass}.
     */
    public static ProjectStore openShared(String address) { return openShared(address, null); }

    /**
     * Opens a shared project as {@code login} (null: {@code PGUSER}, or the system user), with what
     * that login's role allows (ADR 49): a reader's store refuses every edit as a read-only one does.
     */
    public static ProjectStore openShared(String address, String login) {
        String shown = Servers.checked(address);
        Connection c = Servers.connect(shown, login);
        ProjectStore store = new ProjectStore(null, null, shown, Dialect.POSTGRESQL, c);
        store.login = login;
        try {
            if (!Servers.holdsProject(c)) {
                throw new TamgaException("Cannot open " + shown + ": the database holds no Tamga project (put one there with "
                        + "tamga publish PROJECT.tamga " + shown + ").");
            }
            if (!Servers.canRead(c)) {
                throw new TamgaException("Cannot open " + shown + ": " + Servers.sessionUser(c) + " is not a member of this shared project. "
                        + "An owner adds it with: tamga members " + shown + " --add " + Servers.sessionUser(c) + " --role coder");
            }
            int version = store.schemaVersion();
            int latest = Migrations.shipped().latestVersion();
            if (version != latest) {
                throw new TamgaException("Cannot open " + shown + ": it holds a project of format " + version + ", and this Tamga "
                        + (version > latest ? "reads up to " + latest + ". Update Tamga." : "works with format " + latest + " on a server."));
            }
            store.member = Servers.me(store);
            if (store.member.role() == Member.Role.READER) {
                store.readOnly = store.member.login() + " is a reader of " + shown + ": you can read, search and export it, but not change it.";
            }
            return store;
        } catch (SQLException e) {
            store.close();
            throw new TamgaException("Cannot open " + shown + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /**
     * Puts a project file on a server (ADR 48): the database must hold no Tamga project; all of
     * the project is copied in one transaction, or nothing. Returns the rows copied.
     */
    public static long publish(Path file, String address) {
        String shown = Servers.checked(address);
        try (ProjectStore source = open(file)) {
            if (source.schemaVersion() != Migrations.shipped().latestVersion()) {
                throw new TamgaException("Cannot publish " + file + ": open it with this Tamga first to bring its format up to date.");
            }
            try (Connection c = Servers.connect(shown)) {
                if (Servers.holdsProject(c)) {
                    throw new TamgaException("Cannot publish " + file.getFileName() + " to " + shown
                            + ": that database holds a Tamga project already (publish into an empty database).");
                }
                c.setAutoCommit(false);
                try {
                    Servers.createSchema(c, Migrations.shipped().latestVersion());
                    long rows;
                    synchronized (source) {
                        rows = Servers.copyRows(source.connection, Dialect.SQLITE, c, Dialect.POSTGRESQL);
                    }
                    Servers.installRoles(c);
                    c.commit();
                    return rows;
                } catch (SQLException | RuntimeException e) {
                    c.rollback();
                    throw e;
                }
            }
        } catch (SQLException e) {
            throw new TamgaException("Cannot publish " + file.getFileName() + " to " + shown + ": " + e.getMessage(), e);
        }
    }

    private static void checkSqliteHeader(Path file, Path shownAs) {
        byte[] expected = "SQLite format 3\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] header = new byte[expected.length];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(header, 0, header.length);
        } catch (IOException e) {
            throw new TamgaException("Cannot open " + shownAs + ": " + e.getMessage(), e);
        }
        if (read < header.length || !Arrays.equals(header, expected)) {
            throw new TamgaException("Cannot open " + shownAs + ": it is not a Tamga project (not an SQLite database).");
        }
    }

    /**
     * Opens someone else's project for reading without touching it: the file (and its write-ahead
     * log, if it has one) is copied into a temporary folder, and the copy is opened (and upgraded,
     * when it is from an older Tamga) and checked. Nothing ever opens the file itself, so not a
     * byte of it, nor of its folder, changes. Messages name the file, not the copy; the copy is
     * deleted when the store is closed. A file that is not a Tamga project, is from a newer Tamga
     * or is damaged is refused with a message saying which.
     */
    public static ProjectStore openCopy(Path file) {
        if (!Files.isRegularFile(file)) throw new TamgaException("Cannot open " + file + ": no such project file.");
        checkSqliteHeader(file, file);
        Path scratch;
        try {
            scratch = Files.createTempDirectory("tamga-read");
        } catch (IOException e) {
            throw new TamgaException("Cannot read " + file + ": no temporary folder for a copy of it (" + e.getMessage() + ").", e);
        }
        try {
            Path copy = scratch.resolve("copy" + EXTENSION);
            Files.copy(file, copy);
            Path wal = file.resolveSibling(file.getFileName() + "-wal");
            if (Files.isRegularFile(wal)) Files.copy(wal, scratch.resolve(copy.getFileName() + "-wal"));
            ProjectStore store = open(copy, file, Migrations.shipped(), v -> null); // a temporary copy: upgraded without a backup
            store.scratch = scratch;
            String problem = store.damage();
            if (problem != null) {
                store.close();
                throw new TamgaException("Cannot open " + file + ": it is damaged (" + problem + ").");
            }
            return store;
        } catch (IOException e) {
            deleteFolder(scratch);
            throw new TamgaException("Cannot read " + file + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            deleteFolder(scratch);
            throw e;
        }
    }

    /** What SQLite's quick check and the foreign-key check find wrong with the file, or null when nothing. */
    private String damage() {
        try (Statement st = connection.createStatement()) {
            try (ResultSet rs = st.executeQuery("PRAGMA quick_check")) {
                String first = rs.next() ? rs.getString(1) : "ok";
                if (!"ok".equals(first)) return first;
            }
            try (ResultSet rs = st.executeQuery("PRAGMA foreign_key_check")) {
                if (rs.next()) return "a row of " + rs.getString(1) + " refers to a row of " + rs.getString(3) + " that is not there";
            }
            return null;
        } catch (SQLException e) {
            return e.getMessage();
        }
    }

    private static void deleteFolder(Path folder) {
        if (folder == null) return;
        try (var walk = Files.walk(folder)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a temporary folder: the system cleans it up
        }
    }

    private static Connection connect(Path file) { return connect(file, file); }

    private static Connection connect(Path file, Path shownAs) {
        try {
            return connect(file, false);
        } catch (SQLException e) {
            throw new TamgaException("Cannot open " + shownAs + ": " + e.getMessage(), e);
        }
    }

    /** A connection with Tamga's settings; a read-only one never writes to the file, not even a checkpoint of its journal. */
    static Connection connect(Path file, boolean readOnly) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), settings(readOnly).toProperties());
    }

    static SQLiteConfig settings(boolean readOnly) {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(readOnly);
        config.enforceForeignKeys(true);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout(10_000);
        return config;
    }

    /**
     * Why Tamga cannot write a project where it is, in words that follow "read-only (…)": the disk
     * is read-only, its folder cannot be written (SQLite writes its journal beside the file), or
     * the file cannot be written; null when it can be written.
     */
    public static String readOnlyReason(Path file) {
        Path absolute = file.toAbsolutePath();
        try {
            if (Files.getFileStore(absolute).isReadOnly()) return "the disk holding it is read-only";
        } catch (IOException e) {
            // no answer: the folder and the file say
        }
        Path folder = absolute.getParent();
        if (folder != null && !Files.isWritable(folder)) return "the folder " + folder + " cannot be written";
        if (!Files.isWritable(absolute)) return "the file cannot be written";
        return null;
    }

    /**
     * Opens a project for reading only (ADR 45): through a read-only connection, or where SQLite
     * cannot write beside the file, an immutable one or a copy (see {@link Reading}); a project of
     * an older format is upgraded in a temporary copy, never in place. Every edit is then refused
     * with a message that says the project is read-only and why ({@code reason}, as
     * {@link #readOnlyReason} words it). Nothing is ever written to the file or beside it, but
     * for the empty side files ({@code -wal}, {@code -shm}) SQLite makes where it can.
     */
    public static ProjectStore openReadOnly(Path file, String reason) {
        if (!Files.isRegularFile(file)) throw new TamgaException("Cannot open " + file + ": no such project file.");
        checkSqliteHeader(file, file);
        Reading reading;
        try {
            reading = Reading.of(file);
        } catch (SQLException e) {
            throw new TamgaException("Cannot open " + file + ": " + e.getMessage(), e);
        }
        ProjectStore store = new ProjectStore(file, file, reading.connection);
        store.scratch = reading.takeScratch();
        store.readOnly = file.getFileName() + " is read-only (" + reason + "): edits are refused.";
        store.reading = reading.how();
        try {
            if (store.pragmaInt("application_id") != APPLICATION_ID) {
                throw new TamgaException("Cannot open " + file + ": it is an SQLite database but not a Tamga project.");
            }
            Migrations migrations = Migrations.shipped();
            int version = store.pragmaInt("user_version");
            if (version > migrations.latestVersion()) {
                throw new TamgaException("Cannot open " + file + ": it was saved by a newer Tamga (project format "
                        + version + "; this Tamga reads up to " + migrations.latestVersion() + "). Update Tamga.");
            }
            if (version == migrations.latestVersion()) return store;
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        // an older format: upgraded in a copy, which is then read like the file
        store.close();
        ProjectStore upgraded = openCopy(file);
        Path scratch = upgraded.scratch;
        Path copy = upgraded.file;
        upgraded.scratch = null;
        upgraded.close();
        try {
            ProjectStore copyStore = new ProjectStore(file, file, connect(copy, true));
            copyStore.scratch = scratch;
            copyStore.readOnly = store.readOnly;
            copyStore.reading = Reading.How.COPY;
            return copyStore;
        } catch (SQLException e) {
            deleteFolder(scratch);
            throw new TamgaException("Cannot open " + file + ": " + e.getMessage(), e);
        }
    }

    /** Why edits are refused, as a whole sentence, when the project was opened read-only. */
    public java.util.Optional<String> readOnly() { return java.util.Optional.ofNullable(readOnly); }

    /** How a read-only project is read (null when it is open for writing). */
    Reading.How reading() { return reading; }

    /** VACUUM INTO writes a consistent copy of the project as this connection sees it, WAL content included. */
    private synchronized void vacuumInto(Path copy) throws SQLException {
        try (PreparedStatement ps = prepare("VACUUM INTO ?")) {
            ps.setString(1, copy.toAbsolutePath().toString());
            ps.executeUpdate();
        }
    }

    /**
     * Writes a consistent copy of the whole project, as committed so far, to {@code copy} (a new
     * file: an existing one is refused). Not inside a transaction.
     */
    public void copyTo(Path copy) {
        if (server != null) {
            Servers.copyTo(this, copy);
            return;
        }
        if (Files.exists(copy)) throw new TamgaException("Cannot write a copy of " + shownName() + " to " + copy + ": that file exists already.");
        try {
            vacuumInto(copy);
        } catch (SQLException e) {
            try { Files.deleteIfExists(copy); } catch (IOException ignored) { /* best effort: nothing half-written stays */ }
            if (full(e)) throw new DiskFullException(copy, "the copy of " + shownName() + " was not written", e);
            throw new TamgaException("Cannot write a copy of " + shownName() + " to " + copy + ": " + e.getMessage(), e);
        }
    }

    private void migrate(int fromVersion, Migrations migrations) {
        inTransaction(() -> {
            for (int v = fromVersion; v < migrations.latestVersion(); v++) {
                try (Statement st = connection.createStatement()) {
                    for (String sql : Migrations.statements(migrations.steps().get(v))) st.executeUpdate(sql);
                }
            }
            execute("PRAGMA user_version = " + migrations.latestVersion());
            return null;
        });
    }

    /** The copy made before this open upgraded the file's format, if it did. */
    public java.util.Optional<Path> migrationBackup() { return java.util.Optional.ofNullable(migrationBackup); }

    public Path file() { return file; }

    public int schemaVersion() { return server != null ? Servers.schemaVersion(this) : pragmaInt("user_version"); }

    /**
     * SQLite's {@code data_version}: it changes when another connection (another process, a second
     * window, a restored backup) commits to the file, and not for this connection's own writes.
     */
    public int dataVersion() { return server != null ? Servers.othersChanges(this) : pragmaInt("data_version"); }

    public Project project() {
        try (PreparedStatement ps = prepare("SELECT guid, name, created_at, memo FROM project WHERE id = 1");
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) throw new TamgaException(shownWhole() + " is damaged: it has no project record.");
            return new Project(rs.getString(1), rs.getString(2), instant(rs.getString(3)), rs.getString(4));
        } catch (SQLException e) {
            throw failure("read the project", e);
        }
    }

    public void setProjectMemo(String memo) {
        update("UPDATE project SET memo = ? WHERE id = 1", memo);
    }

    public DocumentRepository documents() { return documents; }
    public CodeRepository codes() { return codes; }
    public CodingRepository codings() { return codings; }
    public CoderRepository coders() { return coders; }
    public MemoRepository memos() { return memos; }
    public TurnRepository turns() { return turns; }
    public AttributeRepository attributes() { return attributes; }
    public CaseRepository cases() { return cases; }
    /** The history of the codes (ADR 46). */
    public CodeHistoryRepository codeHistory() { return codeHistory; }

    /** Rows this connection has inserted, changed or deleted since it was opened ({@code total_changes()}). */
    public synchronized long totalChanges() {
        if (server != null) return Servers.ownChanges(this);
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT total_changes()")) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (SQLException e) {
            throw failure("read the project", e);
        }
    }

    /** A unit of work that may throw SQL errors. */
    @FunctionalInterface
    public interface Work<T> { T run() throws SQLException; }

    /**
     * Runs {@code work} in one transaction: all of it is committed, or none of it.
     * Nested calls join the outer transaction.
     */
    public synchronized <T> T inTransaction(Work<T> work) {
        try {
            if (!connection.getAutoCommit()) return work.run();
            for (int attempt = 1; ; attempt++) {
                connection.setAutoCommit(false);
                T result;
                try {
                    result = work.run();
                    connection.commit();
                } catch (SQLException | RuntimeException e) {
                    forgetKept(e);
                    // SQLite may have rolled the transaction back itself (a full disk does): then rolling
                    // back and leaving it fail ("no transaction is active"), and must not hide the cause
                    try { connection.rollback(); } catch (SQLException r) { e.addSuppressed(r); }
                    try { connection.setAutoCommit(true); } catch (SQLException r) { e.addSuppressed(r); }
                    if (server != null && Servers.retryable(e)) {
                        // another coder's transaction met this one (a deadlock, a serialization failure):
                        // the server undid all of this one, so it is simply run again, a little later
                        if (attempt < TRIES) {
                            pause(attempt);
                            continue;
                        }
                        throw new TamgaException("Could not save the change in " + server + ": it met other coders' changes at the same "
                                + "moment " + TRIES + " times running, and nothing of it was saved. Try it again.", e);
                    }
                    throw e;
                }
                connection.setAutoCommit(true);
                return result;
            }
        } catch (SQLException e) {
            throw failure("save the change", e);
        }
    }

    /** How often a shared project's transaction is tried when it meets other coders' transactions ({@link Servers#retryable}). */
    static final int TRIES = 5;

    /** A short, growing, randomised wait before trying again, so that two transactions that met do not meet again at once. */
    private static void pause(int attempt) {
        try {
            Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(5, 20L * attempt + 10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TamgaException("Interrupted while saving a change; nothing of it was saved.", e);
        }
    }

    /**
     * Runs {@code work} as one item of a larger transaction: inside a transaction, under a savepoint,
     * so that a failure undoes this item only and the transaction goes on (the caller decides whether
     * to commit the rest); outside one, as a transaction of its own.
     */
    public synchronized <T> T inSavepoint(Work<T> work) {
        try {
            if (connection.getAutoCommit()) return inTransaction(work);
            kept("SAVEPOINT tamga_item").execute();
            try {
                T result = work.run();
                kept("RELEASE tamga_item").execute();
                return result;
            } catch (SQLException | RuntimeException e) {
                forgetKept(e);
                if (e instanceof DiskFullException || full(e)) {
                    // SQLite has rolled back the whole transaction: this is no failure of one item
                    throw e;
                }
                execute("ROLLBACK TO tamga_item");
                execute("RELEASE tamga_item");
                throw e;
            }
        } catch (SQLException e) {
            throw failure("save the change", e);
        }
    }

    /**
     * Runs {@code work} in one transaction and then undoes all of it, whatever happens: what a dry
     * run needs (the work sees its own changes; none of them is ever written to the file). Not
     * inside another transaction.
     */
    public synchronized <T> T rolledBack(Work<T> work) {
        try {
            if (!connection.getAutoCommit()) throw new IllegalStateException("a dry run cannot join a transaction");
            connection.setAutoCommit(false);
            try {
                return work.run();
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failure("try out the change", e);
        }
    }

    synchronized PreparedStatement prepare(String sql) throws SQLException {
        return connection.prepareStatement(dialect.sql(sql));
    }

    /**
     * A statement prepared once and kept open until the project closes: for the few that an import
     * runs for every document, where preparing them again each time was a tenth of the storing
     * thread's time (ADR 53). The caller binds every parameter, does not close it, and uses it while
     * it holds this store's lock (inside {@link #inTransaction}), so that no one else uses it at the
     * same time; a result set of an earlier use is closed by the next one.
     */
    synchronized PreparedStatement kept(String sql) throws SQLException {
        PreparedStatement ps = kept.get(sql);
        if (ps == null || ps.isClosed()) {
            ps = prepare(sql);
            kept.put(sql, ps);
        }
        return ps;
    }

    /**
     * Closes the kept statements after a failure: sqlite-jdbc may have finalised the one that failed
     * (a full disk does) without marking it closed, and the next use would fail for that alone.
     */
    private void forgetKept(Exception failure) {
        for (PreparedStatement ps : kept.values()) {
            try { ps.close(); } catch (SQLException e) { failure.addSuppressed(e); }
        }
        kept.clear();
    }

    /** The project file's name, or the shared project's address, as messages name it. */
    String shownName() { return server != null ? server : shownAs.getFileName().toString(); }

    private String shownWhole() { return server != null ? server : shownAs.toString(); }

    /** Whether this is a shared project on a server (ADR 48) rather than a project file. */
    public boolean shared() { return server != null; }

    /** The shared project's address (no user, no password), or empty for a project file. */
    public java.util.Optional<String> server() { return java.util.Optional.ofNullable(server); }

    Dialect dialect() { return dialect; }

    /** Tells the server who works through this connection, so that the others see it ({@link #othersWorking}). */
    public void announce(String coder) {
        if (server == null) return;
        Servers.announce(this, coder);
    }

    /** Something that waits for the others' changes to a shared project ({@link #listen}). */
    public interface ChangeListener extends AutoCloseable {
        /** Waits up to {@code millis} ms; true as soon as a change was committed (by anyone), false when the time ran out. */
        boolean await(int millis);
        @Override void close();
    }

    /**
     * For a shared project: a connection of its own that is woken by every committed change (PostgreSQL's
     * LISTEN/NOTIFY); the caller then looks with {@link #dataVersion} whether it was someone else's.
     */
    public ChangeListener listen() {
        if (server == null) throw new IllegalStateException("only a shared project has a server to listen to");
        Servers.Listener l = new Servers.Listener(server);
        return new ChangeListener() {
            @Override public boolean await(int millis) { return l.await(millis); }
            @Override public void close() { l.close(); }
        };
    }

    /** Who this connection is on a shared project and what it may do (ADR 49); empty for a project file. */
    public java.util.Optional<Member> member() { return java.util.Optional.ofNullable(member); }

    /** The members of a shared project and their roles; empty for a project file or a project published before roles. */
    public java.util.List<Member> members() {
        return server == null ? java.util.List.of() : Servers.members(this);
    }

    /** Makes a login of the server a member of this shared project, or changes its role (owners only; ADR 49). */
    public void setMember(String login, Member.Role role, String coder) {
        if (server == null) throw new TamgaException(shownName() + " is a project file: only a shared project has members.");
        Servers.setMember(this, login, role, coder);
    }

    /** Takes a login's membership of this shared project away (owners only). */
    public void removeMember(String login) {
        if (server == null) throw new TamgaException(shownName() + " is a project file: only a shared project has members.");
        Servers.removeMember(this, login);
    }

    /** The login a shared project was opened as (null: the default one), for a new connection after a lost one. */
    public String login() { return login; }

    /** The coders whose Tamga is connected to this shared project now, besides this one (none for a file). */
    public java.util.List<String> othersWorking() {
        return server == null ? java.util.List.of() : Servers.othersWorking(this);
    }

    /**
     * For a shared project, whether its connection to the server is encrypted, as the server sees it:
     * the TLS version and cipher (say "TLSv1.3, TLS_AES_256_GCM_SHA384"), or empty when it travels in
     * the clear. Empty for a project file, which has no connection to encrypt.
     */
    public java.util.Optional<String> encryption() {
        return server == null ? java.util.Optional.empty() : Servers.encryption(this);
    }

    /** Whether this shared project's connection to the server is encrypted (TLS); false for a project file. */
    public boolean encrypted() { return encryption().isPresent(); }

    Connection connection() { return connection; }

    synchronized int update(String sql, Object... params) {
        try (PreparedStatement ps = prepare(sql)) {
            bind(ps, params);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw failure("save the change", e);
        }
    }

    static void bind(PreparedStatement ps, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) ps.setObject(i + 1, params[i]);
    }

    private void execute(String sql) {
        try (Statement st = connection.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw failure("prepare the project file", e);
        }
    }

    private int pragmaInt(String name) {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("PRAGMA " + name)) {
            return rs.next() ? rs.getInt(1) : 0;
        } catch (SQLException e) {
            throw new TamgaException("Cannot open " + shownWhole() + ": it is not a Tamga project (" + e.getMessage() + ").", e);
        }
    }

    /**
     * The researcher's words for a failed statement: the one place where SQLite's errors become
     * messages. A full disk ({@code SQLITE_FULL}) is named as such; SQLite has then rolled the
     * transaction back, so nothing of the change is in the file.
     */
    TamgaException failure(String what, SQLException e) {
        if (server != null && Servers.unreachable(e)) {
            return new TamgaException("The server of " + server + " cannot be reached (" + e.getMessage() + "): Tamga could not " + what
                    + ", and nothing of it was saved. Tamga reconnects by itself when the server is back; nothing is queued.", e);
        }
        if (server != null) {
            String refused = Servers.refusal(e);
            if (refused != null) {
                // the grants refused it before the triggers could say why: say it in the role's words
                if (refused.startsWith("permission denied") && member != null) {
                    refused = member.role() == Member.Role.READER ? readOnly
                            : member.login() + " (" + member.role().word() + ") may not do this on " + server + " (the server says: " + refused + ").";
                }
                return new TamgaException(refused + " Nothing was saved.", e);
            }
        }
        if (readOnly != null && (e.getErrorCode() & 0xff) == SQLITE_READONLY) return new TamgaException(readOnly, e);
        if (server == null && full(e)) return new DiskFullException(shownAs, "Tamga could not " + what + ", and nothing of it was written", e);
        return new TamgaException("Could not " + what + " in " + shownName() + ": " + e.getMessage(), e);
    }

    /** SQLite's {@code SQLITE_FULL} (13): the disk, or the file's largest allowed size, is full. */
    static boolean full(Throwable e) {
        return e instanceof SQLException s && (s.getErrorCode() & 0xff) == SQLITE_FULL || DiskSpace.full(e);
    }

    private static final int SQLITE_FULL = 13;
    private static final int SQLITE_READONLY = 8;

    static String timestamp(Instant instant) { return instant.toString(); }

    static Instant instant(String text) {
        if (text == null) return null;
        Instant written = asWritten(text);
        return written != null ? written : Instant.parse(text);
    }

    /**
     * Reads a time as {@link #timestamp} writes it ({@code Instant.toString()}: {@code 2024-06-11T08:00:00Z},
     * with 3, 6 or 9 digits of fractions), without the general ISO parser, which costs more than the
     * rest of reading a row: a list of 10,000 documents or a million codings reads as many times.
     * Anything else gives null (and is left to {@link Instant#parse}).
     */
    static Instant asWritten(String t) {
        int n = t.length();
        if (n < 20 || n > 30 || t.charAt(n - 1) != 'Z' || t.charAt(4) != '-' || t.charAt(7) != '-' || t.charAt(10) != 'T'
                || t.charAt(13) != ':' || t.charAt(16) != ':') return null;
        int year = digits(t, 0, 4), month = digits(t, 5, 7), day = digits(t, 8, 10);
        int hour = digits(t, 11, 13), minute = digits(t, 14, 16), second = digits(t, 17, 19);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 59) return null;
        int nanos = 0;
        if (n > 20) {
            int fraction = n - 21;
            if (t.charAt(19) != '.' || fraction < 1 || fraction > 9) return null;
            int f = digits(t, 20, n - 1);
            if (f < 0) return null;
            for (int k = fraction; k < 9; k++) f *= 10;
            nanos = f;
        }
        try {
            long epochDay = java.time.LocalDate.of(year, month, day).toEpochDay();
            return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
        } catch (java.time.DateTimeException e) {
            return null; // 31 February: the general parser says what is wrong
        }
    }

    private static int digits(String t, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') return -1;
            v = v * 10 + (c - '0');
        }
        return v;
    }

    static String newGuid() { return UUID.randomUUID().toString(); }

    @Override
    public synchronized void close() {
        try {
            for (PreparedStatement ps : kept.values()) ps.close();
            kept.clear();
            if (!connection.isClosed()) connection.close();
        } catch (SQLException e) {
            throw failure("close the project", e);
        } finally {
            deleteFolder(scratch);
        }
    }
}
