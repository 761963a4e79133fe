package org.tamga.gui;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;
import org.tamga.model.TamgaException;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * How the window tells the researcher that something did not happen. An ordinary refusal ("Select
 * the passage to code first.", a file that cannot be imported) is a notification that goes away by
 * itself and does not stop her work; an unexpected failure is logged with its stack trace and shown
 * in a dialog whose details hold the trace, to copy into a bug report.
 */
final class Notifier {
    private static final System.Logger LOG = System.getLogger("org.tamga.gui");
    /** The last thing said (for tests, and for the status bar's tooltip). */
    final StringProperty last = new SimpleStringProperty("");
    private final Stage stage;
    private I18n i18n;

    Notifier(Stage stage, I18n i18n) {
        this.stage = stage;
        this.i18n = i18n;
    }

    void setI18n(I18n i18n) { this.i18n = i18n; }

    void failed(Throwable t) {
        if (t instanceof TamgaException) { refused(t.getMessage()); return; }
        LOG.log(System.Logger.Level.ERROR, "unexpected failure", t);
        String message = t instanceof OutOfMemoryError ? i18n.t("error.memory")
                : i18n.t("error.unexpected", t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage()));
        last.set(message);
        Alert alert = new Alert(Alert.AlertType.ERROR, message, ButtonType.OK);
        alert.setTitle(i18n.t("error.title"));
        alert.setHeaderText(null);
        StringWriter trace = new StringWriter();
        t.printStackTrace(new PrintWriter(trace));
        TextArea details = new TextArea(trace.toString());
        details.setEditable(false);
        alert.getDialogPane().setExpandableContent(details);
        if (stage.isShowing()) alert.initOwner(stage);
        alert.show();
    }

    /** A plain refusal: a notification at the bottom right, gone after a few seconds. */
    void refused(String message) { notify(message, true); }

    /** Something done that is worth a word beyond the status line (an export written). */
    void told(String message) { notify(message, false); }

    private void notify(String message, boolean warning) {
        last.set(message);
        if (!stage.isShowing()) return;
        Notifications n = Notifications.create().text(message).owner(stage).position(Pos.BOTTOM_RIGHT)
                .hideAfter(Duration.seconds(warning ? 6 : 4));
        if (warning) n.showWarning(); else n.showInformation();
    }
}
