package org.tamga.gui;

import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import org.tamga.core.Backups;


/**
 * File › Backups…: the open project's backups (when, why, size, documents, codings), with Back up
 * now and Restore…. Everything is read and written on the background executor; a restore asks
 * first and says that the current state is backed up before.
 */
final class BackupsDialog {
    final Dialog<Void> dialog = new Dialog<>();
    final TableView<Backups.Backup> table = new TableView<>();
    final Button backUpNow = new Button();
    final Button restore = new Button();
    private final ProjectModel model;
    private final I18n i18n;
    private final Notifier notifier;

    BackupsDialog(Stage owner, ProjectModel model, I18n i18n, Notifier notifier) {
        this.model = model;
        this.i18n = i18n;
        this.notifier = notifier;
        table.setId("backupsTable");
        table.setPlaceholder(new Label(i18n.t("backups.none")));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(Controls.<Backups.Backup, String>column(i18n.t("backups.made"), b -> Backups.local(b.made()), 140));
        table.getColumns().add(Controls.<Backups.Backup, String>column(i18n.t("backups.reason"), this::reason, 200));
        table.getColumns().add(Controls.<Backups.Backup, String>column(i18n.t("backups.size"), b -> Backups.size(b.bytes()), 80));
        table.getColumns().add(Controls.<Backups.Backup, String>column(i18n.t("backups.documents"), b -> b.documents() < 0 ? "" : String.valueOf(b.documents()), 80));
        table.getColumns().add(Controls.<Backups.Backup, String>column(i18n.t("backups.codings"), b -> b.codings() < 0 ? "" : String.valueOf(b.codings()), 80));
        table.setPrefSize(640, 300);
        backUpNow.setId("backUpNow");
        backUpNow.setText(i18n.t("backups.now"));
        backUpNow.setOnAction(e -> model.backUpNow(b -> refresh()));
        restore.setId("restoreBackup");
        restore.setText(i18n.t("backups.restore"));
        restore.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        restore.setOnAction(e -> askToRestore(table.getSelectionModel().getSelectedItem()));
        Label header = new Label(i18n.t("backups.header", model.projectFile.get() == null ? "" : model.projectFile.get().getFileName(),
                model.projectFile.get() == null ? "" : Backups.folder(model.projectFile.get())));
        header.setWrapText(true);
        header.setMaxWidth(640);
        VBox content = new VBox(8, header, table, new HBox(8, backUpNow, restore));
        VBox.setVgrow(table, Priority.ALWAYS);
        dialog.setTitle(i18n.t("backups.title"));
        dialog.setHeaderText(null);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().setId("backupsDialog");
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        dialog.initOwner(owner);
        dialog.initModality(Modality.NONE);
        dialog.setResizable(true);
    }

    void show() {
        dialog.show();
        refresh();
    }

    /** Reads the list again (in the background). */
    void refresh() { model.backups(list -> table.getItems().setAll(list)); }

    private void askToRestore(Backups.Backup b) {
        if (b == null) return;
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, i18n.t("backups.restore.confirm", Backups.local(b.made()),
                Math.max(0, b.documents()), Math.max(0, b.codings())), ButtonType.OK, ButtonType.CANCEL);
        a.setHeaderText(null);
        a.getDialogPane().setId("restoreConfirm");
        a.initOwner(dialog.getDialogPane().getScene().getWindow());
        a.showAndWait().filter(r -> r == ButtonType.OK).ifPresent(r -> model.restore(b, done -> {
            refresh();
            notifier.told(model.status.get());
        }));
    }

    /** The reason in the window's words ("before deleting a code"); one Tamga does not know stays as it is. */
    String reason(Backups.Backup b) {
        String r = b.reason().startsWith(Backups.BEFORE + "upgrade") ? Backups.BEFORE + "upgrade" : b.reason();
        String said = i18n.t("backups.reason." + r);
        return said.startsWith("!") ? b.reason() : said;
    }

}
