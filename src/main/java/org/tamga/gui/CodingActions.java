package org.tamga.gui;

import org.tamga.core.CodebookService;
import org.tamga.core.CodingService;
import org.tamga.model.Code;
import org.tamga.model.Coding;
import org.tamga.model.Document;
import org.tamga.model.TamgaException;

import java.util.List;
import java.util.function.Consumer;

/** Coding in the open project: a selection, search hits, in vivo; removing and changing codings. Every edit is undoable. */
public final class CodingActions {
    /** What a coding action made: the new codings, and how many passages were already coded so. */
    public record Coded(Code code, List<Coding> codings, int alreadyCoded) {}

    /** What an in-vivo coding made: the new code and its coding. */
    public record InVivo(Code code, Coding coding) {}

    private final ProjectModel model;

    CodingActions(ProjectModel model) { this.model = model; }

    private I18n i18n() { return model.i18n(); }

    /** Codes [start, end) (code points) of the open document with {@code code}. */
    public void apply(Code code, int start, int end, Consumer<Coded> then) {
        ProjectModel.OpenDocument od = model.openDocument.get();
        if (od == null) { model.refuse(i18n().t("refusal.noDocument")); return; }
        if (start >= end) { model.refuse(i18n().t("refusal.noSelection")); return; }
        Document doc = od.document();
        String who = model.coder.get();
        CodingService.Trace[] made = new CodingService.Trace[1];
        model.remember(code);
        model.edit(i18n().t("edit.code", code.name()), r -> i18n().t("status.coded", 1, code.name()),
                () -> {
                    CodingService coding = model.session().coding();
                    if (made[0] == null) {
                        Coding c = coding.apply(doc, start, end, currentCode(code), who);
                        made[0] = coding.trace(c);
                        return new Coded(code, List.of(c), 0);
                    }
                    return new Coded(code, List.of(coding.restore(made[0])), 0);
                },
                () -> model.session().coding().remove(made[0].guid()), then);
    }

    /** In-vivo coding: the selected words become a new top-level code, applied to the selection. */
    public void inVivo(int start, int end, Consumer<InVivo> then) {
        ProjectModel.OpenDocument od = model.openDocument.get();
        if (od == null || start >= end) { model.refuse(i18n().t("refusal.noInVivoSelection")); return; }
        String words = od.positions().substring(start, end).strip().replaceAll("\\s+", " ");
        String name = words.codePointCount(0, words.length()) > 60 ? words.substring(0, words.offsetByCodePoints(0, 60)) + "…" : words;
        Document doc = od.document();
        String who = model.coder.get();
        Code[] code = new Code[1];
        CodebookService.Snapshot[] deleted = new CodebookService.Snapshot[1];
        model.edit(i18n().t("edit.inVivo", name), r -> i18n().t("status.inVivo", name),
                () -> {
                    var s = model.session();
                    if (deleted[0] == null) {
                        code[0] = s.codebook().create(null, name, "In-vivo code from " + doc.name(), null);
                        return new InVivo(code[0], s.coding().apply(doc, start, end, code[0], who));
                    }
                    s.codebook().restore(deleted[0]);
                    Code back = s.codebook().codebook().byGuid(code[0].guid()).orElseThrow();
                    return new InVivo(back, s.coding().ofDocument(doc).stream().filter(c -> c.codeId() == back.id()).findFirst().orElse(null));
                },
                () -> {
                    var s = model.session();
                    deleted[0] = s.codebook().undoCreate(s.codebook().codebook().byGuid(code[0].guid()).orElseThrow().id());
                }, then);
    }

    public void remove(Coding coding) {
        CodingService.Trace[] trace = new CodingService.Trace[1];
        String name = codeName(coding);
        model.edit(i18n().t("edit.remove", name), r -> i18n().t("status.removed", name),
                () -> {
                    CodingService s = model.session().coding();
                    Coding now = s.byGuid(coding.guid());
                    trace[0] = s.trace(now);
                    s.remove(now.guid());
                    return trace[0];
                },
                () -> model.session().coding().restore(trace[0]), null);
    }

    public void changeRange(Coding coding, int start, int end) {
        String name = codeName(coding);
        model.edit(i18n().t("edit.range", name), r -> i18n().t("status.range", name, start, end),
                () -> { var s = model.session().coding(); return s.changeRange(s.byGuid(coding.guid()), start, end); },
                () -> { var s = model.session().coding(); s.changeRange(s.byGuid(coding.guid()), coding.start(), coding.end()); }, null);
    }

    public void setMemo(Coding coding, String memo) {
        String name = codeName(coding);
        model.edit(i18n().t("edit.codingMemo", name), r -> i18n().t("status.memo"),
                () -> { var s = model.session().coding(); return s.setMemo(s.byGuid(coding.guid()), memo); },
                () -> { var s = model.session().coding(); s.setMemo(s.byGuid(coding.guid()), coding.memo()); }, null);
    }

    /**
     * Keeps one coder's version of a passage where two coders differ: the other's codings there
     * become the same as the kept ones (one undoable step).
     */
    public void keep(org.tamga.core.AgreementService.Disagreement passage, String coder, Consumer<org.tamga.core.AgreementService.Acceptance> then) {
        org.tamga.core.AgreementService.Acceptance[] done = new org.tamga.core.AgreementService.Acceptance[1];
        String code = passage.code().name();
        model.edit(i18n().t("edit.keep", coder, code), r -> i18n().t("status.kept", coder, code, r.replaced()),
                () -> {
                    var agreement = model.session().agreement();
                    if (done[0] == null) done[0] = agreement.accept(passage, coder);
                    else agreement.redo(done[0]);
                    return done[0];
                },
                () -> model.session().agreement().undo(done[0]), then);
    }

    /** Writes a memo on a passage where two coders differ (undoable). */
    public void memo(org.tamga.core.AgreementService.Disagreement passage, String text, Consumer<org.tamga.model.Memo> then) {
        String who = model.coder.get();
        org.tamga.model.Memo[] written = new org.tamga.model.Memo[1];
        model.edit(i18n().t("edit.passageMemo", passage.code().name()), r -> i18n().t("status.memo"),
                () -> {
                    var agreement = model.session().agreement();
                    if (written[0] == null) written[0] = agreement.memo(passage, text, who);
                    else agreement.restoreMemo(written[0]);
                    return written[0];
                },
                () -> model.session().agreement().removeMemo(written[0]), then);
    }

    private String codeName(Coding coding) {
        return model.codebook.get().byId(coding.codeId()).map(Code::name).orElse("?");
    }

    /** The code as the project has it now (its row id may have changed with an undo of its deletion). */
    private Code currentCode(Code code) {
        return model.session().codebook().codebook().byGuid(code.guid())
                .orElseThrow(() -> new TamgaException(i18n().t("refusal.codeGone", code.name())));
    }
}
