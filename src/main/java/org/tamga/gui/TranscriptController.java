package org.tamga.gui;

import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;
import org.tamga.model.Code;
import org.tamga.model.Coding;
import org.tamga.model.Document;

import java.util.List;

/**
 * Coding in the transcript: the open document is shown with its codings, the codings at the
 * cursor follow the caret, a code dragged onto the text or chosen from the context menu or with
 * Ctrl+1…9 codes the selection, and a jump from search or retrieval selects its passage.
 */
final class TranscriptController {
    private final ProjectModel model;
    private final I18n i18n;
    private final DocumentPane transcript;
    private final DetailPane detail;
    private final CodebookPane codebook;

    TranscriptController(ProjectModel model, I18n i18n, DocumentPane transcript, DetailPane detail, CodebookPane codebook) {
        this.model = model;
        this.i18n = i18n;
        this.transcript = transcript;
        this.detail = detail;
        this.codebook = codebook;
        model.openDocument.addListener((o, a, b) -> refresh());
        model.codebook.addListener((o, a, b) -> { if (model.openDocument.get() != null) refresh(); });
        refresh();
        transcript.area.caretPositionProperty().addListener((o, a, b) -> detail.showCodings(transcript.codingsAt(transcript.caret())));
        transcript.area.setOnDragOver(e -> {
            String s = e.getDragboard().getString();
            if (s != null && s.startsWith(CodebookPane.DRAG_PREFIX)) e.acceptTransferModes(TransferMode.COPY);
            e.consume();
        });
        transcript.area.setOnDragDropped(e -> {
            String s = e.getDragboard().getString();
            Code code = s == null ? null : model.codebook.get().byGuid(s.substring(CodebookPane.DRAG_PREFIX.length())).orElse(null);
            if (code != null) applyToSelection(code);
            e.setDropCompleted(code != null);
            e.consume();
        });
        transcript.area.setOnContextMenuRequested(e -> {
            contextMenu().show(transcript.area, e.getScreenX(), e.getScreenY());
            e.consume();
        });
        transcript.loading.visibleProperty().bind(model.loadingDocument);
    }

    private void refresh() {
        ProjectModel.OpenDocument od = model.openDocument.get();
        if (od == null) {
            transcript.show(null, model.codebook.get(), i18n.t("document.none"));
            detail.showDocument(null);
            return;
        }
        transcript.show(od, model.codebook.get(), i18n.t("document.info", od.document().name(), od.document().language(),
                od.document().length(), od.codings().size()));
        detail.showDocument(od);
        detail.showCodings(transcript.codingsAt(transcript.caret()));
    }

    private ContextMenu contextMenu() {
        ContextMenu menu = new ContextMenu();
        Code selected = codebook.selected();
        if (selected != null) {
            MenuItem apply = new MenuItem(i18n.t("menu.code.applyThis", selected.name()));
            apply.setOnAction(a -> applyToSelection(selected));
            menu.getItems().add(apply);
        }
        int i = 1;
        for (Code recent : model.recentCodes) {
            MenuItem item = new MenuItem(recent.name() + "   Ctrl+" + i++);
            item.setOnAction(a -> applyToSelection(recent));
            menu.getItems().add(item);
        }
        MenuItem inVivo = new MenuItem(i18n.t("menu.code.inVivo"));
        inVivo.setOnAction(a -> inVivo());
        menu.getItems().addAll(new SeparatorMenuItem(), inVivo);
        List<Coding> here = transcript.codingsAt(transcript.caret());
        if (!here.isEmpty()) menu.getItems().add(new SeparatorMenuItem());
        for (Coding c : here) {
            String name = model.codebook.get().byId(c.codeId()).map(Code::name).orElse("?");
            MenuItem remove = new MenuItem(i18n.t("menu.code.removeThis", name, model.coderNames.get().getOrDefault(c.coderId(), "")));
            remove.setOnAction(a -> model.coding().remove(c));
            menu.getItems().add(remove);
        }
        return menu;
    }

    /** Ctrl+1…9: code the selection with a recent code. Returns true if the key was taken. */
    boolean recentCodeKey(KeyEvent e) {
        if (!e.isShortcutDown() || e.isShiftDown() || e.isAltDown()) return false;
        int n = -1;
        if (e.getCode().isDigitKey()) {
            n = e.getCode().ordinal() >= KeyCode.NUMPAD1.ordinal() && e.getCode().ordinal() <= KeyCode.NUMPAD9.ordinal()
                    ? e.getCode().ordinal() - KeyCode.NUMPAD1.ordinal() : e.getCode().getCode() - KeyCode.DIGIT1.getCode();
        }
        if (n < 0 || n >= model.recentCodes.size()) return false;
        applyToSelection(model.recentCodes.get(n));
        return true;
    }

    /** Codes the selected text with {@code code}. */
    void applyToSelection(Code code) {
        int[] sel = transcript.selection();
        model.coding().apply(code, sel[0], sel[1], null);
    }

    void inVivo() {
        int[] sel = transcript.selection();
        model.coding().inVivo(sel[0], sel[1], null);
    }

    /** Opens a document (if it is not open) and selects [start, end), placed as asked. */
    void jumpTo(Document doc, int start, int end, DocumentPane.Placement placement) {
        ProjectModel.OpenDocument od = model.openDocument.get();
        if (od != null && od.document().guid().equals(doc.guid())) { transcript.select(start, end, placement); return; }
        model.openDocument(doc, opened -> javafx.application.Platform.runLater(() -> transcript.select(start, end, placement)));
    }
}
