package org.tamga.gui;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.controlsfx.control.textfield.TextFields;
import org.tamga.model.Code;
import org.tamga.model.Codebook;

import java.util.List;
import java.util.Locale;

/** The small dialogs of the codebook: a new code, a new name, the code to merge into (typed, auto-completed), deleting. */
final class CodeDialogs {
    private final Stage stage;
    private final ProjectModel model;
    private final I18n i18n;

    CodeDialogs(Stage stage, ProjectModel model, I18n i18n) {
        this.stage = stage;
        this.model = model;
        this.i18n = i18n;
    }

    void newCode(Code parent) {
        TextInputDialog d = new TextInputDialog();
        d.setHeaderText(i18n.t(parent == null ? "codes.new" : "codes.newChild") + (parent == null ? "" : ": " + parent.name()));
        d.setContentText(i18n.t("codes.name.prompt"));
        d.getEditor().setId("newCodeName");
        d.initOwner(stage);
        d.showAndWait().filter(s -> !s.isBlank()).ifPresent(name -> model.codes().create(parent, name.strip(), null));
    }

    void rename(Code code) {
        TextInputDialog d = new TextInputDialog(code.name());
        d.setHeaderText(i18n.t("codes.rename"));
        d.setContentText(i18n.t("codes.name.prompt"));
        d.initOwner(stage);
        d.showAndWait().filter(s -> !s.isBlank() && !s.strip().equals(code.name())).ifPresent(name -> model.codes().rename(code, name.strip()));
    }

    /** Asks which code to merge {@code code} into: typed with auto-completion over the codebook's paths. */
    void merge(Code code) {
        Codebook book = model.codebook.get();
        List<Code> targets = book.codes().stream().filter(c -> book.withDescendants(code.id()).stream().noneMatch(d -> d.id() == c.id())).toList();
        if (targets.isEmpty()) return;
        List<String> paths = targets.stream().map(book::path).toList();
        TextField target = new TextField();
        target.setId("mergeTarget");
        target.setPromptText(i18n.t("codes.merge.type"));
        TextFields.bindAutoCompletion(target, r -> {
            String typed = r.getUserText() == null ? "" : r.getUserText().toLowerCase(Locale.ROOT);
            return paths.stream().filter(p -> p.toLowerCase(Locale.ROOT).contains(typed)).limit(15).toList();
        });
        Dialog<String> d = new Dialog<>();
        d.setHeaderText(i18n.t("codes.merge.prompt", code.name()));
        d.getDialogPane().setContent(new VBox(6, new Label(i18n.t("codes.merge.into")), target));
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        d.setResultConverter(b -> b == ButtonType.OK ? target.getText() : null);
        d.initOwner(stage);
        d.showAndWait().map(String::strip).flatMap(typed -> targets.stream()
                        .filter(c -> book.path(c).equals(typed) || c.name().equals(typed)).findFirst())
                .ifPresent(t -> model.codes().merge(code, t));
    }

    void delete(Code code) {
        Codebook book = model.codebook.get();
        int children = book.withDescendants(code.id()).size() - 1;
        int codings = book.withDescendants(code.id()).stream().mapToInt(c -> model.codeCounts.get().getOrDefault(c.id(), 0)).sum();
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, i18n.t("codes.delete.confirm", code.name(), children, codings), ButtonType.OK, ButtonType.CANCEL);
        a.setHeaderText(null);
        a.initOwner(stage);
        a.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> model.codes().delete(code));
    }
}
