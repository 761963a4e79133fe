package org.tamga.core;

import org.tamga.model.DamagedProjectException;
import org.tamga.model.TamgaException;
import org.tamga.store.ProjectFiles;
import org.tamga.util.AtomicWrite;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Properties;

/**
 * The check of a project when it is opened (ADR 41): SQLite's {@code PRAGMA quick_check}, through a
 * read-only connection, before anything may write to the file. A damaged project is refused with
 * a {@link DamagedProjectException} that says what is wrong and names the newest good backup.
 *
 * <p>The check reads every page, about a second for 400 MB. Files under {@link #alwaysBelow} are
 * checked on every open; a larger one only when it changed since Tamga last knew it to be good (its
 * size or time differ from the note kept in the cache folder, {@code checks/}), or when its last
 * check is more than {@link #every} old. Tamga's own sessions leave such a note when they close:
 * their writes go through SQLite and do not damage a file.
 */
final class Integrity {
    /** Files smaller than this are checked on every open (a few tens of milliseconds). */
    static final long ALWAYS_BELOW = 16L << 20;
    static final Duration EVERY = Duration.ofDays(1);
    private static final System.Logger LOG = System.getLogger("org.tamga.core");

    private final long alwaysBelow;
    private final Duration every;
    private final Clock clock;

    Integrity(long alwaysBelow, Duration every, Clock clock) {
        this.alwaysBelow = alwaysBelow;
        this.every = every;
        this.clock = clock;
    }

    static Integrity standard() { return new Integrity(ALWAYS_BELOW, EVERY, Clock.systemDefaultZone()); }

    /**
     * Checks the project unless a recent note says it is unchanged since its last good check.
     *
     * @return when the file was last known to be good
     * @throws DamagedProjectException if it is damaged (nothing has written to it)
     */
    Instant beforeOpen(Path file, Path cacheRoot) {
        Optional<Note> note = note(file, cacheRoot);
        FileState now = FileState.of(file);
        Instant at = clock.instant();
        if (now != null && now.size() >= alwaysBelow && note.isPresent() && note.get().state().equals(now)
                && note.get().checked().isAfter(at.minus(every))) {
            return note.get().checked();
        }
        ProjectFiles.Check check = ProjectFiles.quickCheck(file);
        switch (check.kind()) {
            case OK -> {
                remember(file, cacheRoot, at);
                return at;
            }
            case DAMAGED -> throw damaged(file, check.problem());
            default -> {
                // not an SQLite file, or someone else's: the store says so, unless it has backups, so was a project once
                Optional<Backups.Backup> good = Backups.newestGood(file);
                if (good.isPresent()) throw damaged(file, check.problem(), good);
                return null;
            }
        }
    }

    static DamagedProjectException damaged(Path file, String problem) { return damaged(file, problem, Backups.newestGood(file)); }

    private static DamagedProjectException damaged(Path file, String problem, Optional<Backups.Backup> good) {
        String name = file.getFileName().toString();
        StringBuilder m = new StringBuilder(name).append(" is damaged: ").append(problem).append(". Tamga has not written to it. ");
        if (good.isPresent()) {
            Backups.Backup b = good.get();
            m.append("The newest good backup is from ").append(Backups.local(b.made())).append(" (").append(b.documents()).append(" documents, ")
                    .append(b.codings()).append(" codings); restore it with: tamga restore \"").append(file).append("\" ").append(b.name());
        } else {
            m.append("It has no backup that passes SQLite's check; a copy of the file from before it was damaged may help.");
        }
        return new DamagedProjectException(m.toString(), file, problem, good.map(Backups.Backup::file).orElse(null),
                good.map(Backups.Backup::made).orElse(null), good.map(Backups.Backup::documents).orElse(0), good.map(Backups.Backup::codings).orElse(0));
    }

    /** Notes that the file, as it is now, is good as of {@code checked} (a session that began good closes so). */
    void remember(Path file, Path cacheRoot, Instant checked) {
        FileState state = FileState.of(file);
        if (state == null) return;
        Properties p = new Properties();
        p.setProperty("path", file.toAbsolutePath().normalize().toString());
        p.setProperty("size", String.valueOf(state.size()));
        p.setProperty("modified", String.valueOf(state.modified()));
        p.setProperty("checked", checked.toString());
        try {
            StringWriter text = new StringWriter();
            p.store(text, "the last good check of a project (a cache: deleting it costs one check)");
            Path notes = cacheRoot.resolve("checks");
            Files.createDirectories(notes);
            AtomicWrite.write(notes.resolve(key(file) + ".properties"), text.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException | TamgaException e) {
            // a cache that cannot be written costs a check at the next open, nothing more
            LOG.log(System.Logger.Level.DEBUG, "could not note the check of " + file, e);
        }
    }

    record FileState(long size, long modified) {
        static FileState of(Path file) {
            try {
                return new FileState(Files.size(file), Files.getLastModifiedTime(file).toMillis());
            } catch (IOException e) {
                return null;
            }
        }
    }

    record Note(FileState state, Instant checked) {}

    static Optional<Note> note(Path file, Path cacheRoot) {
        Path f = cacheRoot.resolve("checks").resolve(key(file) + ".properties");
        if (!Files.isRegularFile(f)) return Optional.empty();
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
            p.load(r);
            if (!file.toAbsolutePath().normalize().toString().equals(p.getProperty("path"))) return Optional.empty();
            return Optional.of(new Note(new FileState(Long.parseLong(p.getProperty("size")), Long.parseLong(p.getProperty("modified"))),
                    Instant.parse(p.getProperty("checked"))));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // an unreadable note: check again
        }
    }

    private static String key(Path file) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(file.toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
