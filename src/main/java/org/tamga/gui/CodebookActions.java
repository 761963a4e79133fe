package org.tamga.gui;

import org.tamga.core.CodebookService;
import org.tamga.core.ProjectSession;
import org.tamga.model.Code;
import org.tamga.model.TamgaException;

import java.nio.file.Path;
import java.util.function.Consumer;

/** Changes to the codebook: create, rename, define, recolour, memo, move, merge, delete (undoable), and its import. */
public final class CodebookActions {
    private static final String[] PALETTE = {"#F4A261", "#8AB17D", "#7FB7BE", "#E9C46A", "#B5838D", "#9AA5E8", "#E76F51", "#C3B1E1"};
    private final ProjectModel model;

    CodebookActions(ProjectModel model) { this.model = model; }

    private I18n i18n() { return model.i18n(); }

    private Code byGuid(String guid) {
        return model.session().codebook().codebook().byGuid(guid)
                .orElseThrow(() -> new TamgaException(i18n().t("refusal.codeGone", guid)));
    }

    public void create(Code parent, String name, Consumer<Code> then) {
        Code[] made = new Code[1];
        CodebookService.Snapshot[] deleted = new CodebookService.Snapshot[1];
        String parentGuid = parent == null ? null : parent.guid();
        model.edit(i18n().t("edit.newCode", name), c -> i18n().t("status.newCode", name),
                () -> {
                    ProjectSession s = model.session();
                    if (deleted[0] == null) {
                        int n = s.codebook().codebook().size();
                        made[0] = s.codebook().create(parentGuid == null ? null : byGuid(parentGuid).id(), name, null, PALETTE[n % PALETTE.length]);
                        return made[0];
                    }
                    s.codebook().restore(deleted[0]);
                    return byGuid(made[0].guid());
                },
                () -> deleted[0] = model.session().codebook().undoCreate(byGuid(made[0].guid()).id()), then);
    }

    public void rename(Code code, String name) {
        model.edit(i18n().t("edit.rename", code.name()), r -> i18n().t("status.renamed", code.name(), name),
                () -> { model.session().codebook().rename(byGuid(code.guid()).id(), name); return name; },
                () -> model.session().codebook().rename(byGuid(code.guid()).id(), code.name()), null);
    }

    public void describe(Code code, String description) {
        model.edit(i18n().t("edit.definition", code.name()), r -> i18n().t("status.definition", code.name()),
                () -> { model.session().codebook().describe(byGuid(code.guid()).id(), description); return description; },
                () -> model.session().codebook().describe(byGuid(code.guid()).id(), code.description()), null);
    }

    public void recolour(Code code, String colour) {
        model.edit(i18n().t("edit.colour", code.name()), r -> i18n().t("status.colour", code.name()),
                () -> { model.session().codebook().recolour(byGuid(code.guid()).id(), colour); return colour; },
                () -> model.session().codebook().recolour(byGuid(code.guid()).id(), code.color()), null);
    }

    public void setMemo(Code code, String memo) {
        model.edit(i18n().t("edit.codeMemo", code.name()), r -> i18n().t("status.memo"),
                () -> { model.session().codebook().setMemo(byGuid(code.guid()).id(), memo); return memo; },
                () -> model.session().codebook().setMemo(byGuid(code.guid()).id(), code.memo()), null);
    }

    /** Moves a code under {@code newParent} (null: to the top level). */
    public void move(Code code, Code newParent) {
        String oldParentGuid = code.parentId() == null ? null : model.codebook.get().byId(code.parentId()).map(Code::guid).orElse(null);
        String newParentGuid = newParent == null ? null : newParent.guid();
        model.edit(i18n().t("edit.move", code.name()), r -> i18n().t("status.moved", code.name()),
                () -> { model.session().codebook().move(byGuid(code.guid()).id(), newParentGuid == null ? null : byGuid(newParentGuid).id()); return code; },
                () -> model.session().codebook().move(byGuid(code.guid()).id(), oldParentGuid == null ? null : byGuid(oldParentGuid).id()), null);
    }

    public void delete(Code code) {
        CodebookService.Snapshot[] deleted = new CodebookService.Snapshot[1];
        model.edit(i18n().t("edit.delete", code.name()), r -> i18n().t("status.deleted", code.name(), r.codings().size()),
                () -> deleted[0] = model.session().codebook().delete(byGuid(code.guid()).id()),
                () -> model.session().codebook().restore(deleted[0]), null);
    }

    public void merge(Code source, Code target) {
        CodebookService.Merge[] merge = new CodebookService.Merge[1];
        model.edit(i18n().t("edit.merge", source.name(), target.name()), r -> i18n().t("status.merged", source.name(), target.name(), r.codings()),
                () -> merge[0] = model.session().codebook().merge(byGuid(source.guid()).id(), byGuid(target.guid()).id()),
                () -> model.session().codebook().unmerge(merge[0]), null);
    }

    /** Reads a code's history (ADR 46); {@code then} gets it on the JavaFX thread. */
    public void history(Code code, Consumer<CodebookService.History> then) {
        model.read(i18n().t("task.read"), s -> s.codebook().history(code), then);
    }

    /** Imports a REFI-QDA codebook (.qdc) into the project (not undoable: the window confirms first). */
    public void importQdc(Path file, Consumer<CodebookService.MergeReport> then) {
        model.change(i18n().t("task.importCodebook", file.getFileName()), s -> s.codebook().importQdc(file), then);
    }
}
