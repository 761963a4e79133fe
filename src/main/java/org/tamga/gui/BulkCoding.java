package org.tamga.gui;

import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.tamga.core.AutocodeService;
import org.tamga.core.CodingService;
import org.tamga.core.CodingUnit;
import org.tamga.core.SearchService;
import org.tamga.model.Code;
import org.tamga.model.Coding;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Coding search hits at once, as NVivo and MAXQDA do: the researcher chooses the unit that is
 * coded — the match, its sentence, its speaker turn or its paragraph — sees how many passages that
 * makes before anything is changed, and codes them in one undo step.
 */
final class BulkCoding {
    private final Stage stage;
    private final ProjectModel model;
    private final I18n i18n;

    BulkCoding(Stage stage, ProjectModel model, I18n i18n) {
        this.stage = stage;
        this.model = model;
        this.i18n = i18n;
    }

    /** Works out which passages the hits make in a unit (nothing is changed). */
    void plan(Code code, List<SearchService.Hit> hits, CodingUnit unit, Consumer<AutocodeService.Plan> then) {
        String who = model.coder.get();
        model.read(i18n.t("task.plan"), s -> s.autocode().plan(hits, unit, s.codebook().codebook().byGuid(code.guid()).orElse(code), who), then);
    }

    /** Codes a plan's passages in one undoable step. */
    void apply(AutocodeService.Plan plan, Consumer<CodingActions.Coded> then) {
        Code code = plan.code();
        List<CodingService.Trace> made = new ArrayList<>();
        int[] skipped = new int[1];
        model.remember(code);
        model.edit(i18n.t("edit.codeMany", plan.passages(), code.name()),
                r -> i18n.t("status.codedUnit", r.codings().size(), code.name(), i18n.t("unit." + plan.unit().label()), r.alreadyCoded()),
                () -> {
                    var s = model.session();
                    List<Coding> codings = new ArrayList<>();
                    if (made.isEmpty()) {
                        AutocodeService.Applied applied = s.autocode().apply(plan);
                        for (Coding c : applied.codings()) { codings.add(c); made.add(s.coding().trace(c)); }
                        skipped[0] = applied.skipped() + plan.alreadyCoded().size();
                    } else {
                        for (CodingService.Trace t : made) codings.add(s.coding().restore(t)); // by GUIDs, as everything undo replays
                    }
                    return new CodingActions.Coded(code, codings, skipped[0]);
                },
                () -> { for (CodingService.Trace t : made) model.session().coding().remove(t.guid()); }, then);
    }

    /** The dialog: the unit, how many passages that makes, then OK codes them. */
    void ask(Code code, List<SearchService.Hit> hits) {
        Dialog<CodingUnit> d = new Dialog<>();
        d.setTitle(i18n.t("bulk.title"));
        d.setHeaderText(i18n.t("bulk.header", hits.size(), code.name()));
        ToggleGroup group = new ToggleGroup();
        VBox box = new VBox(6, new Label(i18n.t("bulk.unit")));
        for (CodingUnit u : CodingUnit.values()) {
            RadioButton b = new RadioButton(i18n.t("unit." + u.label() + ".long"));
            b.setId("unit-" + u.label());
            b.setUserData(u);
            b.setToggleGroup(group);
            box.getChildren().add(b);
        }
        Label preview = new Label();
        preview.setId("bulkPreview");
        preview.setWrapText(true);
        preview.setMaxWidth(440);
        box.getChildren().add(preview);
        box.setPadding(new Insets(6));
        d.getDialogPane().setContent(box);
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        AutocodeService.Plan[] planned = new AutocodeService.Plan[1];
        javafx.scene.Node ok = d.getDialogPane().lookupButton(ButtonType.OK);
        group.selectedToggleProperty().addListener((o, a, t) -> {
            if (t == null) return;
            CodingUnit unit = (CodingUnit) t.getUserData();
            ok.setDisable(true);
            preview.setText(i18n.t("bulk.counting"));
            plan(code, hits, unit, plan -> {
                if (group.getSelectedToggle() != t) return;
                planned[0] = plan;
                preview.setText(describe(plan));
                ok.setDisable(plan.isEmpty());
            });
        });
        group.selectToggle(group.getToggles().get(1)); // the sentence, as researchers usually want
        d.setResultConverter(b -> b == ButtonType.OK && planned[0] != null ? planned[0].unit() : null);
        d.initOwner(stage);
        d.showAndWait().ifPresent(unit -> { if (planned[0] != null && planned[0].unit() == unit) apply(planned[0], null); });
    }

    /** "12 passages in 4 documents will be coded (3 already coded; 2 hits had no turn, so their paragraph)". */
    String describe(AutocodeService.Plan plan) {
        String s = i18n.t("bulk.preview", plan.passages(), plan.documentsToCode(), plan.code().name(), plan.alreadyCoded().size());
        if (plan.paragraphsForTurns() > 0) s += " " + i18n.t("bulk.noTurns", plan.paragraphsForTurns());
        if (plan.truncated()) s += " " + i18n.t("bulk.truncated");
        return s;
    }
}
