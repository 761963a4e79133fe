package org.tamga.gui;

import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import org.tamga.core.Backups;
import org.tamga.core.CodebookService;
import org.tamga.model.Code;
import org.tamga.model.CodeEvent;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The selected code's history, in the right-hand pane beside its definition (ADR 46): newest first,
 * one change a row — what happened, then who and when — the whole change in the row's tooltip. It is
 * read again after every change, so a rename shows at once.
 */
final class CodeHistoryList {
    final Label title = new Label();
    final ListView<CodeEvent> list = new ListView<>();
    final VBox root = new VBox(2, title, list);
    private final ProjectModel model;
    private final I18n i18n;
    private final Label placeholder = new Label();
    private Code code;

    CodeHistoryList(ProjectModel model, I18n i18n) {
        this.model = model;
        this.i18n = i18n;
        title.setText(i18n.t("detail.history"));
        list.setId("codeHistory");
        // three changes seen at once: the pane stays short enough for a 1366×768 screen
        list.setPrefHeight(118);
        list.setMinHeight(60);
        placeholder.setWrapText(true);
        list.setPlaceholder(placeholder);
        list.setCellFactory(l -> new ListCell<>() {
            @Override protected void updateItem(CodeEvent e, boolean empty) {
                super.updateItem(e, empty);
                if (empty || e == null) { setText(null); setTooltip(null); return; }
                setText(what(e) + "\n" + e.coder() + " \u00B7 " + Backups.local(e.at()));
                setTooltip(new Tooltip(whole(e)));
            }
            {
                // as wide as the list, never wider: a long definition ends in "…" rather than a scroll bar
                setPrefWidth(0);
            }
        });
        // a window's earlier workbench (another project) is out of the scene and reads nothing
        model.revision.addListener((o, a, b) -> { if (root.getScene() != null) reload(); });
    }

    /** Shows the history of {@code c} (null: none). */
    void show(Code c) {
        code = c;
        reload();
    }

    private void reload() {
        Code c = code;
        if (c == null || !model.isOpen()) {
            list.getItems().clear();
            title.setText(i18n.t("detail.history"));
            placeholder.setText("");
            return;
        }
        model.codes().history(c, h -> {
            if (code != null && code.guid().equals(c.guid())) apply(h);
        });
    }

    private void apply(CodebookService.History h) {
        String since = Backups.local(h.keptSince());
        title.setText(i18n.t("detail.history.since", since));
        placeholder.setText(i18n.t("detail.history.none", since));
        List<CodeEvent> newestFirst = new ArrayList<>(h.events());
        Collections.reverse(newestFirst);
        list.getItems().setAll(newestFirst);
    }

    /** The change on one line: {@code renamed “Fatalism” → “Fatalism (宿命论)”}. */
    String what(CodeEvent e) {
        String old = value(e, e.oldValue()), now = value(e, e.newValue());
        String values = switch (e.kind()) {
            case CREATED, RESTORED, ADDED_BY_MERGE, KEPT_CODE -> now;
            case DELETED -> old;
            case KEPT_NAME, KEPT_COLOUR, KEPT_PLACE, KEPT_DEFINITION, KEPT_KIND -> i18n.t("history.not", now, old);
            default -> old + " \u2192 " + now;
        };
        return i18n.t("history.kind." + e.kind().word()) + "  " + values;
    }

    /** Everything about the change, for the tooltip: when, who, what, and where it came from. */
    String whole(CodeEvent e) {
        return Backups.local(e.at()) + "  " + e.coder() + "\n" + what(e)
                + (e.detail() == null ? "" : "\n" + i18n.t("history.from", e.detail()));
    }

    private String value(CodeEvent e, String v) {
        if (v == null || v.isBlank()) {
            return i18n.t(e.kind() == CodeEvent.Kind.MOVED || e.kind() == CodeEvent.Kind.KEPT_PLACE ? "history.topLevel" : "history.none");
        }
        return "\u201C" + v.strip() + "\u201D";
    }
}
