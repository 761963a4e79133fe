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
        if (sources.isEmpty()) throw new TamgaException("Name at least one project to merge into " + session.file().getFileName() + ".");
        List<ProjectStore> opened = new ArrayList<>();
        try {
            for (Path p : sources) {
                if (sameFile(p, session.file())) {
                    throw new TamgaException("Cannot merge " + p + " into itself: it is the project being merged into.");
                }
                opened.add(ProjectStore.openCopy(p));
            }
            ProjectStore target = session.store();
            Set<String> codesBefore = new HashSet<>();
            for (Code c : target.codes().codebook().codes()) codesBefore.add(c.guid());
            if (dryRun) {
                return new MergeReport(session.file(), true, null, target.rolledBack(() -> mergeAll(opened, sources, codesBefore)));
            }
            Path backup = backup();
            List<MergeReport.Source> results;
            try {
                results = target.inTransaction(() -> mergeAll(opened, sources, codesBefore));
            } catch (RuntimeException e) {
                deleteQuietly(backup);
                throw e;
            }
            MergeReport report = new MergeReport(session.file(), false, backup, results);
            if (!report.changed()) {
                deleteQuietly(backup); // nothing was written: the project is its own copy
                return new MergeReport(session.file(), false, null, results);
            }
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
                out.add(new ProjectMerge(session.store(), opened.get(i), file, codesBefore).run());
            } catch (TamgaException e) {
                throw new TamgaException("Merging " + file.getFileName() + " into " + session.file().getFileName() + " failed, so nothing was merged"
                        + " and the project is as it was: " + e.getMessage(), e);
            }
        }
        return out;
    }

    /**
     * The copy of the project written beside it before a merge writes to it:
     * {@code NAME.tamga.before-merge-YYYYMMDD-HHMMSS.bak} (UTC), a consistent SQLite copy. The one
     * place a merge makes its backup, so that it can be handed to a general backup service later.
     */
    Path backup() {
        Path file = session.file().toAbsolutePath();
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT).withZone(ZoneOffset.UTC).format(Instant.now());
        String base = file.getFileName() + ".before-merge-" + stamp;
        Path backup = file.resolveSibling(base + ".bak");
        for (int n = 2; Files.exists(backup); n++) backup = file.resolveSibling(base + "-" + n + ".bak");
        session.store().copyTo(backup);
        return backup;
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.exists(a) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a copy of a project that did not change: harmless if it stays
        }
    }
}
