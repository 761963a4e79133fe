package org.tamga.gui;

import org.tamga.core.ImportReport;
import org.tamga.core.ImportService;
import org.tamga.model.Attribute;
import org.tamga.model.Case;
import org.tamga.model.Document;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** The project's documents: importing, memos, attributes, cases, speakers. */
public final class DocumentActions {
    /** A speaker renamed: how many turns changed. */
    public record Renamed(String from, String to, int turns) {}

    private final ProjectModel model;

    DocumentActions(ProjectModel model) { this.model = model; }

    private I18n i18n() { return model.i18n(); }

    /**
     * Imports files and folders in the background with progress; the handle's cancel stops it
     * between files. The open document stays open (the list is refreshed around it).
     */
    public TaskExecutor.Handle importFiles(List<Path> paths, Consumer<ImportReport> then) {
        ProjectModel.OpenDocument current = model.openDocument.get();
        Document open = current == null ? null : current.document();
        TaskExecutor.Handle[] handle = new TaskExecutor.Handle[1];
        handle[0] = model.tasks.run(i18n().t("task.import"), progress -> {
            var s = model.session();
            ImportReport report = s.importing().importFiles(paths, null, new ImportService.Progress() {
                public void file(int index, int total, Path file) {
                    progress.update(index, total, i18n().t("import.progress", file.getFileName(), index + 1, total));
                }
                public boolean cancelled() { return progress.cancelled(); }
            });
            return new Imported(report, model.snapshot(s, open, current));
        }, imported -> {
            model.apply(imported.snapshot);
            model.status.set(summary(imported.report));
            then.accept(imported.report);
        });
        return handle[0];
    }

    private record Imported(ImportReport report, ProjectModel.Snapshot snapshot) {}

    /** "Imported 3 documents (1,204 speaker turns); 1 already in the project; 0 skipped; 1 failed." */
    public String summary(ImportReport r) {
        return i18n().t("import.summary", r.imported().size(), r.duplicates().size(), r.skipped().size(), r.failures().size())
                + (r.imported().isEmpty() ? "" : " " + i18n().t("import.turns", r.turns()));
    }

    public void setMemo(Document document, String memo) {
        String before = document.memo();
        model.edit(i18n().t("edit.documentMemo", document.name()), r -> i18n().t("status.memo"),
                () -> { model.session().documents().setMemo(document, memo); return memo; },
                () -> model.session().documents().setMemo(document, before), null);
    }

    /** Sets (a blank value removes) a document's value of an attribute, made as text if the project has none of that name; undoable. */
    public void setAttribute(Document document, String attribute, String value) {
        ProjectModel.OpenDocument current = model.openDocument.get();
        String before = current == null || current.attributes() == null ? null : current.attributes().own().entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(attribute.strip())).map(Map.Entry::getValue).findFirst().orElse(null);
        String v = value == null ? "" : value.strip();
        model.edit(i18n().t("edit.attribute", attribute.strip(), document.name()), r -> i18n().t("status.attribute", attribute.strip(), v, document.name()),
                () -> { model.session().cases().setValue(document, attribute, value, null); return v; },
                () -> model.session().cases().setValue(document, attribute, before, null), null);
    }

    /** Puts a document in the case called {@code name}, made if the project has none; undo takes it out (and deletes the case if this made it). */
    public void addToCase(Document document, String name) {
        String n = name.strip();
        boolean[] made = new boolean[1];
        model.edit(i18n().t("edit.case", document.name(), n), r -> i18n().t("status.case", document.name(), n),
                () -> {
                    var cases = model.session().cases();
                    made[0] = cases.findCase(n).isEmpty();
                    cases.addToCase(n, List.of(document));
                    return n;
                },
                () -> model.session().cases().findCase(n).ifPresent(c -> {
                    if (made[0]) model.session().cases().deleteCase(c); else model.session().cases().removeFromCase(c, List.of(document));
                }), null);
    }

    /** Corrects a speaker's name in one document (null: in all); renaming to an existing speaker merges the two. Not undoable: the window asks first. */
    public void renameSpeaker(String from, String to, Document document, Consumer<Renamed> then) {
        model.change(i18n().t("task.renameSpeaker", from), s -> new Renamed(from, to, s.speakers().rename(from, to, document)), r -> {
            model.status.set(i18n().t("status.speakerRenamed", r.from(), r.to(), r.turns()));
            if (then != null) then.accept(r);
        });
    }

    public void caseNames(Consumer<List<String>> then) {
        model.read(i18n().t("task.read"), s -> s.cases().cases().stream().map(Case::name).toList(), then);
    }

    public void attributes(Consumer<List<Attribute>> then) {
        model.read(i18n().t("task.read"), s -> s.cases().attributes(), then);
    }
}
