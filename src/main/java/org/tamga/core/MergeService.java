package org.tamga.core;

import org.tamga.model.Code;
import org.tamga.model.TamgaException;
import org.tamga.store.ProjectStore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Merging coders' copies of a project into the open one (docs/adr/0039): the documents, codes,
 * codings, coders, memos, attributes and cases of each copy come into this project, matched by
 * GUID (and by text, name or passage where GUIDs differ). All or nothing, in one transaction;
 * merging the same copy again changes nothing; a copy of the project is written beside it before
 * anything is; a dry run says what would happen and writes nothing. The copies are never changed:
 * each is read from a copy of its file.
 */
public final class MergeService {
    private final ProjectSession session;

    MergeService(ProjectSession session) { this.session = session; }

    /**
     * Merges the projects {@code sources} into this one, in order, or (with {@code dryRun}) says what
     * that would do without writing anything. A source that is not a Tamga project, is damaged, is
     * from a newer Tamga or is this project itself is refused, before anything is written.
     */
    public MergeReport merge(List<Path> sources, boolean dryRun) {
        session.refuseIfReadOnly();
        if (sources.isEmpty()) throw new TamgaException("Name at least one project to merge into " + session.name() + ".");
        List<ProjectStore> opened = new ArrayList<>();
        try {
            for (Path p : sources) {
                if (!session.shared() && sameFile(p, session.file())) {
                    throw new TamgaException("Cannot merge " + p + " into itself: it is the project being merged into.");
                }
                opened.add(ProjectStore.openCopy(p));
            }
            ProjectStore target = session.store();
            Set<String> codesBefore = new HashSet<>();
            for (Code c : target.codes().codebook().codes()) codesBefore.add(c.guid());
            if (dryRun) {
                return new MergeReport(session.name(), true, null, target.rolledBack(() -> mergeAll(opened, sources, codesBefore)));
            }
            // nothing to add: the project is not touched and no backup is made (merging the same copy again)
            List<MergeReport.Source> trial = target.rolledBack(() -> mergeAll(opened, sources, codesBefore));
            if (!new MergeReport(session.name(), true, null, trial).changed()) return new MergeReport(session.name(), false, null, trial);
            // the backup stays whatever happens next: it is the project as it was (ADR 41 rotates it with the others)
            Path backup = backup();
            List<MergeReport.Source> results = target.inTransaction(() -> mergeAll(opened, sources, codesBefore));
            MergeReport report = new MergeReport(session.name(), false, backup, results);
            session.refreshIndexIfOpen();
            return report;
        } finally {
            for (ProjectStore s : opened) s.close();
        }
    }

    private List<MergeReport.Source> mergeAll(List<ProjectStore> opened, List<Path> files, Set<String> codesBefore) {
        List<MergeReport.Source> out = new ArrayList<>();
        for (int i = 0; i < opened.size(); i++) {
            Path file = files.get(i);
            try {
                out.add(new ProjectMerge(session.store(), opened.get(i), file, codesBefore, session.coder()).run());
            } catch (TamgaException e) {
                throw new TamgaException("Merging " + file.getFileName() + " into " + session.name() + " failed, so nothing was merged"
                        + " and the project is as it was: " + e.getMessage(), e);
            }
        }
        return out;
    }

    /**
     * The backup of the project before a merge writes to it, in the project's backups
     * ({@link Backups}, ADR 41): {@code NAME.tamga.backups/…-before-merge.bak}, a checked copy of its
     * own (not the day's backup, so that the merge's "before" is easy to find and restore).
     */
    Path backup() { return session.shared() ? session.beforeDestructive("merge") : Backups.beforeDestructive(session.file(), "merge"); }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.exists(a) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
        }
    }

}
