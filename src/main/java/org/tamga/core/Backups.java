package org.tamga.core;

import org.tamga.model.DiskFullException;
import org.tamga.model.TamgaException;
import org.tamga.util.DiskSpace;
import org.tamga.store.Migrations;
import org.tamga.store.ProjectFiles;
import org.tamga.util.AtomicWrite;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Backups of a project (ADR 41): consistent copies ({@code VACUUM INTO}), each checked by SQLite
 * after it is written, kept in a folder beside the project ({@code study.tamga.backups/}) under
 * names that sort by time and say why they were made ({@code 2026-12-02T081503Z-daily.bak}).
 * One is made when a project is opened and the newest is more than a day old, and one before every
 * change that cannot be taken back (deleting a code that has codings, deleting documents, merging,
 * upgrading the file's format, restoring); the old ones are rotated away. Restoring puts a backup's
 * content back into the project after backing up the current state.
 *
 * <p>Other parts of Tamga call {@link #beforeDestructive(Path, String)} before they destroy
 * something (or {@link ProjectSession#beforeDestructive}, which skips the copy when nothing changed
 * since the session's last one).
 */
public final class Backups {
    /** The folder beside {@code study.tamga}: {@code study.tamga.backups}. */
    public static final String FOLDER_SUFFIX = ".backups";
    /** How many backups are kept: a properties file in the backups folder. */
    public static final String KEEP_FILE = "keep.properties";
    /** Made on opening, when the newest backup is older than this. */
    static final Duration DAILY_AFTER = Duration.ofDays(1);

    /** Why a backup was made: on opening, once a day. */
    public static final String DAILY = "daily";
    /** By the researcher (File › Backups… › Back up now, {@code tamga backup}): never deleted by Tamga. */
    public static final String MANUAL = "manual";
    /** A byte-for-byte copy of a damaged project, made before a backup was restored over it: never deleted by Tamga. */
    public static final String DAMAGED = "damaged";
    /** Before a change that cannot be taken back: {@code before-delete-code}, {@code before-merge}, {@code before-upgrade-v3}, {@code before-restore}. */
    public static final String BEFORE = "before-";

    private static final System.Logger LOG = System.getLogger("org.tamga.core");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final Pattern NAME = Pattern.compile("(\\d{4}-\\d{2}-\\d{2}T\\d{6}Z)-([a-z0-9][a-z0-9-]*)\\.bak");
    /** The copies an older Tamga made beside the project before upgrading it: {@code study.tamga.v2-20250712-081500.bak}. */
    private static final Pattern OLD_NAME = Pattern.compile("\\.v(\\d+)-(\\d{8}-\\d{6})\\.bak");
    private static final DateTimeFormatter OLD_STAMP = DateTimeFormatter.ofPattern("uuuuMMdd-HHmmss", Locale.ROOT).withZone(ZoneOffset.UTC);

    private Backups() {}

    /**
     * One backup: when and why it was made, its size, and what it holds ({@code documents} and
     * {@code codings} are -1 when they could not be read; then {@code problem} says why).
     */
    public record Backup(Path file, Instant made, String reason, long bytes, int documents, int codings, String problem) {
        public boolean readable() { return problem == null; }
        public String name() { return file.getFileName().toString(); }
        /** Made by Tamga on its own (daily, or before a destructive change): these are rotated. */
        public boolean automatic() { return reason.equals(DAILY) || reason.startsWith(BEFORE); }
    }

    /**
     * How many backups are kept: the {@code daily} newest daily backups (one a day at most, made on
     * opening), the newest daily backup of each of the last {@code weekly} weeks, and the
     * {@code before} newest made before a destructive change. Backups made by hand, and copies of
     * damaged files, are never deleted by Tamga; nor is the newest backup, whatever the numbers say.
     */
    public record Keep(int daily, int weekly, int before) {
        public static final Keep STANDARD = new Keep(7, 4, 5);

        public Keep {
            if (daily < 0 || weekly < 0 || before < 0) throw new TamgaException("The numbers of backups to keep cannot be negative.");
        }
    }

    /** What a restore did: the backup whose content the project now has, and the backup of the state before. */
    public record Restored(Backup from, Backup before) {}

    /** A time as the researcher reads it, in her own time zone, to the minute: {@code 2026-12-02 16:15}. */
    public static String local(Instant t) {
        return DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm", Locale.ROOT).withZone(java.time.ZoneId.systemDefault()).format(t);
    }

    /** A file's size in words: {@code 268 KB}, {@code 1.2 MB}, {@code 3.40 GB}. */
    public static String size(long bytes) {
        if (bytes < 1024) return bytes + " bytes";
        if (bytes < 1024 * 1024) return String.format(Locale.ROOT, "%.0f KB", Math.ceil(bytes / 1024.0));
        if (bytes < 1024L * 1024 * 1024) return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
        return String.format(Locale.ROOT, "%.2f GB", bytes / (1024.0 * 1024 * 1024));
    }

    /** The folder of a project's backups. */
    public static Path folder(Path project) {
        Path p = project.toAbsolutePath();
        return p.resolveSibling(p.getFileName() + FOLDER_SUFFIX);
    }

    // ---- making backups ----------------------------------------------------------------------

    /**
     * Backs up the project before a change that cannot be taken back, and says where the copy is.
     * {@code reason} is a word or two ("merge", "delete-code"); the file is named
     * {@code …-before-merge.bak}. If the copy cannot be made or fails its check, a
     * {@link TamgaException} says why, and the caller should not make the change.
     */
    public static Path beforeDestructive(Path project, String reason) {
        return backUp(project, BEFORE + slug(reason)).file();
    }

    /**
     * Where the copies of a shared project (ADR 48) made before changes that cannot be taken back
     * are kept on this computer: the user's data folder ({@code tamga.data.dir},
     * {@code $XDG_DATA_HOME/tamga}, {@code ~/Library/Application Support/Tamga},
     * {@code %APPDATA%\Tamga}), by the project's GUID.
     */
    public static Path sharedFolder(String projectGuid) {
        return CacheFolders.dataRoot().resolve("shared").resolve(projectGuid + FOLDER_SUFFIX);
    }

    /** Copies a shared project into {@link #sharedFolder} before a change that cannot be taken back, and says where. */
    static Path beforeDestructiveShared(org.tamga.store.ProjectStore shared, String reason) {
        Path folder = sharedFolder(shared.project().guid());
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new TamgaException("Could not keep a copy of " + shared.server().orElse("") + " before the change: cannot create the folder "
                    + folder + " (" + e.getMessage() + ").", e);
        }
        Instant made = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Path target = folder.resolve(name(made, BEFORE + slug(reason)));
        while (Files.exists(target)) { made = made.plusSeconds(1); target = folder.resolve(name(made, BEFORE + slug(reason))); }
        shared.copyTo(target);
        LOG.log(System.Logger.Level.DEBUG, "copied {0} to {1}", shared.server().orElse(""), target);
        return target;
    }

    /** Makes a backup in the project's backups folder, checks it, then rotates the old ones. */
    public static Backup backUp(Path project, String reason) { return backUp(project, reason, Clock.systemDefaultZone()); }

    static Backup backUp(Path project, String reason, Clock clock) { return backUp(project, reason, clock, Set.of()); }

    /** … and the rotation afterwards leaves {@code spare} alone (the backup a restore is about to read). */
    private static Backup backUp(Path project, String reason, Clock clock, Set<Path> spare) {
        refuseUnlessProject(project, "back up");
        Path folder = folder(project);
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new TamgaException("Could not back up " + project.getFileName() + ": cannot create the folder " + folder + " (" + e.getMessage() + ").", e);
        }
        Instant made = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Path target = folder.resolve(name(made, reason));
        while (Files.exists(target)) { made = made.plusSeconds(1); target = folder.resolve(name(made, reason)); }
        Backup backup = writeChecked(project, target, made, reason);
        rotate(project, keep(project), clock, spare);
        LOG.log(System.Logger.Level.DEBUG, "backed up {0} to {1}", project, target);
        return backup;
    }

    /** {@code tamga backup P.tamga FILE}: a checked copy in a file of the researcher's choosing (not rotated). */
    public static Backup backUpTo(Path project, Path file) {
        refuseUnlessProject(project, "back up");
        Path target = file.toAbsolutePath();
        if (Files.exists(target)) throw new TamgaException("Cannot back up to " + file + ": the file exists already; choose another name.");
        if (target.getParent() == null || !Files.isDirectory(target.getParent())) {
            throw new TamgaException("Cannot back up to " + file + ": the folder " + target.getParent() + " does not exist.");
        }
        return writeChecked(project, target, Instant.now().truncatedTo(ChronoUnit.SECONDS), MANUAL);
    }

    /** Writes the copy under a temporary name, checks it with {@code quick_check}, and only then gives it its name. */
    private static Backup writeChecked(Path project, Path target, Instant made, String reason) {
        Path tmp = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            ProjectFiles.copy(project, tmp);
            ProjectFiles.Contents c = ProjectFiles.inspect(tmp, ProjectFiles.Depth.QUICK);
            if (!c.check().ok()) {
                throw new TamgaException("Could not back up " + project.getFileName() + ": the copy failed SQLite's check ("
                        + c.check().problem() + "). The project may be damaged: see tamga backups " + project.getFileName() + ".");
            }
            move(tmp, target);
            return new Backup(target, made, reason, Files.size(target), c.documents(), c.codings(), null);
        } catch (DiskFullException e) {
            throw new DiskFullException(target.getParent(), "the backup of " + project.getFileName() + " was not made", e);
        } catch (IOException e) {
            if (DiskSpace.full(e)) throw new DiskFullException(target.getParent(), "the backup of " + project.getFileName() + " was not made", e);
            throw new TamgaException("Could not back up " + project.getFileName() + ": " + e.getMessage(), e);
        } finally {
            try { Files.deleteIfExists(tmp); } catch (IOException ignored) { /* best effort */ }
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static void refuseUnlessProject(Path project, String what) {
        if (!Files.isRegularFile(project)) throw new TamgaException("Cannot " + what + " " + project + ": no such project file.");
        ProjectFiles.Check header = ProjectFiles.header(project);
        if (header.kind() == ProjectFiles.Kind.NOT_SQLITE || header.kind() == ProjectFiles.Kind.NOT_TAMGA) {
            throw new TamgaException("Cannot " + what + " " + project + ": " + header.problem() + ".");
        }
    }

    /** Makes the day's backup if the newest daily one is more than a day old (or there is none). */
    public static Optional<Backup> dailyIfDue(Path project) { return dailyIfDue(project, Clock.systemDefaultZone()); }

    static Optional<Backup> dailyIfDue(Path project, Clock clock) {
        Optional<Instant> newest = named(project).stream().filter(b -> b.reason().equals(DAILY)).map(Backup::made).max(Comparator.naturalOrder());
        if (newest.isPresent() && newest.get().isAfter(clock.instant().minus(DAILY_AFTER))) return Optional.empty();
        return Optional.of(backUp(project, DAILY, clock));
    }

    static String name(Instant made, String reason) { return STAMP.format(made) + "-" + reason + ".bak"; }

    /** A reason as a file name part: lower-case letters, digits and hyphens. */
    static String slug(String reason) {
        String s = reason.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (s.isEmpty()) throw new TamgaException("A backup needs a reason, such as \u201Cmerge\u201D.");
        return s;
    }

    // ---- listing -----------------------------------------------------------------------------

    /**
     * The project's backups, newest first, with what each holds (read from it, read-only): those in
     * its backups folder, and the copies an older Tamga made beside it before upgrading it.
     */
    public static List<Backup> list(Path project) {
        List<Backup> out = new ArrayList<>();
        for (Backup b : all(project)) {
            if (b.reason().equals(DAMAGED)) {
                // kept byte for byte for recovery: not opened here (SQLite would add side files to it)
                out.add(new Backup(b.file(), b.made(), b.reason(), b.bytes(), -1, -1, "the damaged project, kept as it was"));
                continue;
            }
            ProjectFiles.Contents c = ProjectFiles.inspect(b.file(), ProjectFiles.Depth.COUNTS);
            out.add(new Backup(b.file(), b.made(), b.reason(), b.bytes(), c.documents(), c.codings(), c.check().problem()));
        }
        return out;
    }

    /** The newest backup that passes SQLite's check ({@code quick_check}), if any: the one to restore when the project is damaged. */
    public static Optional<Backup> newestGood(Path project) {
        for (Backup b : all(project)) {
            if (b.reason().equals(DAMAGED)) continue;
            ProjectFiles.Contents c = ProjectFiles.inspect(b.file(), ProjectFiles.Depth.QUICK);
            if (c.check().ok()) return Optional.of(new Backup(b.file(), b.made(), b.reason(), b.bytes(), c.documents(), c.codings(), null));
        }
        return Optional.empty();
    }

    /** Every backup file, newest first, without opening any. */
    private static List<Backup> all(Path project) {
        List<Backup> out = new ArrayList<>(named(project));
        Path p = project.toAbsolutePath();
        String base = p.getFileName().toString();
        Path parent = p.getParent();
        if (parent != null && Files.isDirectory(parent)) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(parent, glob(base) + ".v*.bak")) {
                for (Path f : files) {
                    Matcher m = OLD_NAME.matcher(f.getFileName().toString().substring(base.length()));
                    if (!m.matches() || !Files.isRegularFile(f)) continue;
                    Instant made = parseOr(m.group(2), OLD_STAMP, f);
                    out.add(new Backup(f, made, BEFORE + "upgrade-v" + m.group(1), size(f), -1, -1, null));
                }
            } catch (IOException e) {
                throw new TamgaException("Cannot list the backups beside " + project + ": " + e.getMessage(), e);
            }
        }
        out.sort(NEWEST_FIRST);
        return out;
    }

    /** By the time in the name, then (two made in one second) by the file's time, then by name. */
    private static final Comparator<Backup> NEWEST_FIRST = Comparator.comparing(Backup::made)
            .thenComparing(b -> modified(b.file())).thenComparing(Backup::name).reversed();

    /** The backups in the project's folder, newest first (names read only). */
    private static List<Backup> named(Path project) {
        Path folder = folder(project);
        List<Backup> out = new ArrayList<>();
        if (!Files.isDirectory(folder)) return out;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*.bak")) {
            for (Path f : files) {
                if (!Files.isRegularFile(f)) continue;
                Matcher m = NAME.matcher(f.getFileName().toString());
                Instant made = m.matches() ? parseOr(m.group(1), STAMP, f) : modified(f);
                out.add(new Backup(f, made, m.matches() ? m.group(2) : "", size(f), -1, -1, null));
            }
        } catch (IOException e) {
            throw new TamgaException("Cannot list the backups in " + folder + ": " + e.getMessage(), e);
        }
        out.sort(NEWEST_FIRST);
        return out;
    }

    private static String glob(String literal) { return literal.replaceAll("([*?\\[\\]{}\\\\])", "\\\\$1"); }

    private static Instant parseOr(String stamp, DateTimeFormatter format, Path file) {
        try {
            return Instant.from(format.parse(stamp));
        } catch (DateTimeParseException e) {
            return modified(file);
        }
    }

    private static Instant modified(Path f) {
        try {
            return Files.getLastModifiedTime(f).toInstant();
        } catch (IOException e) {
            return Instant.EPOCH;
        }
    }

    private static long size(Path f) {
        try {
            return Files.size(f);
        } catch (IOException e) {
            return -1;
        }
    }

    /**
     * The backup a researcher names: its number in {@link #list} (1 is the newest), its file name
     * in the backups folder, or the path of any backup file.
     */
    public static Path resolve(Path project, String which) {
        String w = which.strip();
        if (w.matches("\\d{1,6}")) {
            List<Backup> all = all(project);
            int n = Integer.parseInt(w);
            if (n < 1 || n > all.size()) {
                throw new TamgaException("There is no backup number " + n + " of " + project.getFileName() + " (it has "
                        + all.size() + "; see: tamga backups " + project.getFileName() + ").");
            }
            return all.get(n - 1).file();
        }
        Path inFolder = folder(project).resolve(w);
        if (!w.contains("/") && !w.contains("\\") && Files.isRegularFile(inFolder)) return inFolder;
        Path path = Path.of(w);
        if (Files.isRegularFile(path)) return path;
        throw new TamgaException("No backup \u201C" + which + "\u201D of " + project.getFileName()
                + ": give its number or file name from `tamga backups " + project.getFileName() + "`, or the path of a backup file.");
    }

    // ---- rotation ----------------------------------------------------------------------------

    /** How many backups of this project are kept: its {@value #KEEP_FILE}, or {@link Keep#STANDARD}. */
    public static Keep keep(Path project) {
        Path file = folder(project).resolve(KEEP_FILE);
        if (!Files.isRegularFile(file)) return Keep.STANDARD;
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException | IllegalArgumentException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot read " + file + "; keeping backups as usual", e);
            return Keep.STANDARD;
        }
        return new Keep(number(p, "daily", Keep.STANDARD.daily(), file), number(p, "weekly", Keep.STANDARD.weekly(), file),
                number(p, "before", Keep.STANDARD.before(), file));
    }

    private static int number(Properties p, String key, int standard, Path file) {
        String v = p.getProperty(key);
        if (v == null) return standard;
        try {
            int n = Integer.parseInt(v.strip());
            if (n >= 0) return n;
        } catch (NumberFormatException ignored) {
            // said below
        }
        LOG.log(System.Logger.Level.WARNING, "{0}: {1}={2} is not a number of backups; keeping {3}", file, key, v, standard);
        return standard;
    }

    /** Sets how many backups of this project are kept (written to its {@value #KEEP_FILE}), and rotates now. */
    public static void setKeep(Path project, Keep keep) {
        Path folder = folder(project);
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new TamgaException("Cannot create the folder " + folder + ": " + e.getMessage(), e);
        }
        Properties p = new Properties();
        p.setProperty("daily", String.valueOf(keep.daily()));
        p.setProperty("weekly", String.valueOf(keep.weekly()));
        p.setProperty("before", String.valueOf(keep.before()));
        StringWriter text = new StringWriter();
        try {
            p.store(text, "How many backups Tamga keeps: the <daily> newest daily ones, the newest daily one of each of the last <weekly> weeks,"
                    + " and the <before> newest made before a destructive change (backups made by hand are always kept)");
        } catch (IOException e) {
            throw new IllegalStateException(e); // a StringWriter does not fail
        }
        AtomicWrite.write(folder.resolve(KEEP_FILE), text.toString().getBytes(StandardCharsets.UTF_8));
        rotate(project, keep, Clock.systemDefaultZone());
    }

    /**
     * Deletes the automatic backups that {@code keep} does not keep; returns the deleted files.
     * Weeks are ISO weeks in the clock's time zone.
     */
    static List<Path> rotate(Path project, Keep keep, Clock clock) { return rotate(project, keep, clock, Set.of()); }

    private static List<Path> rotate(Path project, Keep keep, Clock clock, Set<Path> spare) {
        List<Backup> all = named(project);
        if (all.isEmpty()) return List.of();
        Set<Path> kept = new HashSet<>();
        for (Path p : spare) kept.add(p.toAbsolutePath().normalize());
        kept.add(all.getFirst().file()); // the newest is never deleted
        List<Backup> automatic = all.stream().filter(Backup::automatic).toList();
        List<Backup> daily = automatic.stream().filter(b -> b.reason().equals(DAILY)).toList();
        daily.stream().limit(keep.daily()).forEach(b -> kept.add(b.file()));
        newestOfEach(daily, b -> {
            LocalDate d = LocalDate.ofInstant(b.made(), clock.getZone());
            return d.get(IsoFields.WEEK_BASED_YEAR) * 100 + d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
        }, keep.weekly(), kept);
        automatic.stream().filter(b -> b.reason().startsWith(BEFORE)).limit(keep.before()).forEach(b -> kept.add(b.file()));
        List<Path> deleted = new ArrayList<>();
        for (Backup b : automatic) {
            if (kept.contains(b.file()) || kept.contains(b.file().toAbsolutePath().normalize())) continue;
            try {
                Files.deleteIfExists(b.file());
                deleted.add(b.file());
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "could not delete the old backup " + b.file(), e);
            }
        }
        return deleted;
    }

    /** Keeps the newest backup of each of the {@code n} newest periods that have one ({@code backups} newest first). */
    private static void newestOfEach(List<Backup> backups, Function<Backup, Object> period, int n, Set<Path> kept) {
        Set<Object> seen = new HashSet<>();
        for (Backup b : backups) {
            if (seen.size() >= n) return;
            if (seen.add(period.apply(b))) kept.add(b.file());
        }
    }

    /**
     * SQLite's full check of a project file or a backup ({@code PRAGMA integrity_check}, every page
     * and every index against its table), through a read-only connection that never writes to it:
     * empty when the file passes, else what is wrong in SQLite's words. Slower than the check on
     * opening ({@code quick_check}); the crash harness runs it after every kill (ADR 43).
     */
    public static Optional<String> checkFully(Path file) {
        ProjectFiles.Contents c = ProjectFiles.inspect(file, ProjectFiles.Depth.FULL);
        return c.check().ok() ? Optional.empty() : Optional.of(c.check().problem());
    }

    // ---- restoring ---------------------------------------------------------------------------

    /**
     * Puts a backup's content back into the project. The backup must pass SQLite's full check
     * ({@code integrity_check}) and be a backup of this project; the current state is backed up
     * first (a damaged project is copied byte for byte). The content is written into the project
     * through SQLite, so that a window that has it open sees the change; only a project whose
     * first page SQLite cannot read is replaced as a file.
     */
    public static Restored restore(Path project, Path backup) { return restore(project, backup, Clock.systemDefaultZone()); }

    static Restored restore(Path project, Path backup, Clock clock) {
        if (!Files.isRegularFile(backup)) throw new TamgaException("Cannot restore from " + backup + ": no such file.");
        ProjectFiles.Contents from = ProjectFiles.inspect(backup, ProjectFiles.Depth.FULL);
        switch (from.check().kind()) {
            case NOT_SQLITE, NOT_TAMGA -> throw new TamgaException("Cannot restore from " + backup + ": it is not a Tamga project ("
                    + from.check().problem() + ").");
            case DAMAGED -> throw new TamgaException("Cannot restore from " + backup + ": it is damaged (" + from.check().problem()
                    + "). Choose another backup.");
            case OK -> { }
        }
        int latest = Migrations.shipped().latestVersion();
        if (from.version() > latest) {
            throw new TamgaException("Cannot restore from " + backup + ": it was saved by a newer Tamga (project format " + from.version()
                    + "; this Tamga reads up to " + latest + "). Update Tamga.");
        }
        Backup restoredFrom = new Backup(backup, madeOf(backup), reasonOf(backup), size(backup), from.documents(), from.codings(), null);
        if (!Files.exists(project)) {
            ProjectFiles.replace(project, backup);
            return new Restored(restoredFrom, null);
        }
        ProjectFiles.Contents now = ProjectFiles.inspect(project, ProjectFiles.Depth.COUNTS);
        if (now.guid() != null && from.guid() != null && !now.guid().equals(from.guid())) {
            throw new TamgaException("Cannot restore from " + backup + ": it is a backup of another project (\u201C" + from.name()
                    + "\u201D), not of " + project.getFileName() + ".");
        }
        ProjectFiles.Check current = ProjectFiles.quickCheck(project);
        Backup before = current.ok() ? backUp(project, BEFORE + "restore", clock, Set.of(backup.toAbsolutePath())) : copyDamaged(project, clock);
        boolean readable = ProjectFiles.header(project).ok();
        String failed = readable ? ProjectFiles.restoreInPlace(project, backup) : "its first page is damaged";
        // SQLite's backup may give up on a busy project and still say it is done: the content says whether it was copied
        for (int attempt = 1; readable && failed == null && !ProjectFiles.sameContent(project, backup); attempt++) {
            if (attempt == 3) {
                throw new TamgaException("Could not restore " + backup.getFileName() + " into " + project.getFileName()
                        + ": the project stayed busy (another window or command writing to it?), and nothing of the backup was put in. "
                        + "Try again once the other program has finished; the state before is in " + before.file() + ".");
            }
            LOG.log(System.Logger.Level.DEBUG, "restoring {0}: the backup was not copied in (busy?); trying again", project);
            failed = ProjectFiles.restoreInPlace(project, backup);
        }
        if (failed == null) {
            ProjectFiles.Check after = ProjectFiles.quickCheck(project);
            if (!after.ok()) failed = after.problem();
        }
        if (failed != null) {
            LOG.log(System.Logger.Level.DEBUG, "restoring {0} through SQLite did not work ({1}); replacing the file", project, failed);
            ProjectFiles.replace(project, backup);
            ProjectFiles.Check after = ProjectFiles.quickCheck(project);
            if (!after.ok()) {
                throw new TamgaException("Restoring " + backup.getFileName() + " into " + project.getFileName() + " failed (" + after.problem()
                        + "); the state before is in " + before.file() + ".");
            }
        }
        LOG.log(System.Logger.Level.DEBUG, "restored {0} from {1}; the state before is in {2}", project, backup, before.file());
        return new Restored(restoredFrom, before);
    }

    /** A damaged project, copied byte for byte (with its write-ahead log, if it has one) before a backup is restored over it. */
    private static Backup copyDamaged(Path project, Clock clock) {
        Path folder = folder(project);
        try {
            Files.createDirectories(folder);
            Instant made = clock.instant().truncatedTo(ChronoUnit.SECONDS);
            Path target = folder.resolve(name(made, DAMAGED));
            while (Files.exists(target)) { made = made.plusSeconds(1); target = folder.resolve(name(made, DAMAGED)); }
            Path tmp = folder.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
            try {
                Files.copy(project, tmp);
                Path wal = ProjectFiles.sideFile(project, "-wal");
                if (Files.isRegularFile(wal) && Files.size(wal) > 0) Files.copy(wal, ProjectFiles.sideFile(target, "-wal"), StandardCopyOption.REPLACE_EXISTING);
                move(tmp, target);
            } finally {
                Files.deleteIfExists(tmp);
            }
            return new Backup(target, made, DAMAGED, Files.size(target), -1, -1, "damaged");
        } catch (IOException e) {
            if (DiskSpace.full(e)) throw new DiskFullException(folder(project), "the copy of the damaged " + project.getFileName()
                    + " was not made, so nothing was restored", e);
            throw new TamgaException("Could not keep a copy of the damaged " + project.getFileName() + " before restoring (" + e.getMessage()
                    + "); nothing was changed.", e);
        }
    }

    private static Instant madeOf(Path backup) {
        Matcher m = NAME.matcher(backup.getFileName().toString());
        return m.matches() ? parseOr(m.group(1), STAMP, backup) : modified(backup);
    }

    private static String reasonOf(Path backup) {
        Matcher m = NAME.matcher(backup.getFileName().toString());
        return m.matches() ? m.group(2) : "";
    }
}
