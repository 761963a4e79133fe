package org.tamga.core;

import org.tamga.model.TamgaException;
import org.tamga.store.ProjectFiles;
import org.tamga.store.ProjectStore;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Moving a project between a file and a PostgreSQL server (ADR 48): publishing a project file as a
 * shared project, and taking a copy of a shared project into a file for work without a network
 * (it merges back with {@link MergeService}).
 */
public final class SharedProjects {
    private SharedProjects() {}

    /** Whether {@code text} is the address of a shared project ({@code postgresql://…}) rather than a project file. */
    public static boolean isAddress(String text) { return text != null && ProjectStore.isSharedAddress(text); }

    /**
     * The address as Tamga shows and remembers it; refused (a {@link TamgaException} that says
     * why) when it holds a user name or password or names no database.
     */
    public static String address(String text) { return ProjectStore.sharedAddress(text); }

    /** What publishing or copying moved. */
    public record Moved(String project, long rows, int documents, int codings) {}

    /**
     * Puts the project file on the server at {@code address}, whose database must hold no Tamga
     * project: all of it in one transaction, or nothing. The file is checked first (a damaged one is
     * refused) and left as it is.
     */
    public static Moved publish(Path file, String address) {
        if (!Files.isRegularFile(file)) throw new TamgaException("Cannot publish " + file + ": no such project file.");
        ProjectFiles.Check check = ProjectFiles.quickCheck(file);
        if (!check.ok()) {
            throw new TamgaException("Cannot publish " + file + ": " + (check.problem() != null ? "it is damaged (" + check.problem() + ")"
                    : "it is not a Tamga project") + ".");
        }
        long rows = ProjectStore.publish(file, address);
        try (ProjectSession shared = ProjectSession.openShared(address, CacheFolders.root())) {
            ProjectSession.Summary s = shared.summary();
            return new Moved(s.name(), rows, s.documents(), s.codings());
        }
    }

    /** Writes a new project file holding everything the shared project holds now (one consistent snapshot). */
    public static Moved copy(String address, Path file, Path cacheRoot) {
        Path target = ProjectSession.withExtension(file);
        if (Files.exists(target)) throw new TamgaException("Cannot copy " + address + " to " + target + ": that file exists already.");
        try (ProjectSession shared = ProjectSession.openShared(address, cacheRoot)) {
            shared.copyTo(target);
        }
        try (ProjectStore copy = ProjectStore.open(target)) {
            return new Moved(copy.project().name(), -1, copy.documents().count(), copy.codings().count());
        }
    }
}
