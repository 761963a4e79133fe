package org.tamga.gui;

import javafx.collections.transformation.FilteredList;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.control.textfield.TextFields;
import org.tamga.model.Document;

import java.util.Locale;
import java.util.function.Consumer;

/** The documents of the project: a clearable name filter, the list with each document's codings; a click opens one. */
final class DocumentsView {
    final TextField filter = TextFields.createClearableTextField();
    final ListView<ProjectModel.DocumentItem> list = new ListView<>();
    final Label count = new Label();
    final VBox root;
    private final ProjectModel model;

    DocumentsView(ProjectModel model, I18n i18n, Consumer<Document> open) {
        this.model = model;
        filter.setId("documentFilter");
        filter.setPromptText(i18n.t("documents.filter"));
        list.setId("documentList");
        count.getStyleClass().add("count");
        FilteredList<ProjectModel.DocumentItem> filtered = new FilteredList<>(model.documentItems, d -> true);
        filter.textProperty().addListener((o, a, b) -> filtered.setPredicate(d -> b == null || b.isBlank()
                || d.document().name().toLowerCase(Locale.ROOT).contains(b.toLowerCase(Locale.ROOT))));
        list.setItems(filtered);
        Runnable counted = () -> count.setText(i18n.t("documents.total", model.documentItems.size()));
        model.documentItems.addListener((javafx.collections.ListChangeListener<ProjectModel.DocumentItem>) c -> counted.run());
        counted.run();
        list.setCellFactory(l -> new ListCell<>() {
            private final Label name = new Label();
            private final Label codings = new Label();
            private final HBox box;
            {
                Region spacer = new Region();
                HBox.setHgrow(spacer, Priority.ALWAYS);
                name.setMinWidth(0);
                codings.getStyleClass().add("count");
                codings.setMinWidth(Region.USE_PREF_SIZE);
                box = new HBox(6, name, spacer, codings);
            }
            @Override protected void updateItem(ProjectModel.DocumentItem item, boolean empty) {
                super.updateItem(item, empty);
                setText(null);
                if (empty || item == null) { setGraphic(null); setTooltip(null); return; }
                name.setText(item.document().name());
                codings.setText(item.codings() == 0 ? "" : String.valueOf(item.codings()));
                setTooltip(new Tooltip(item.document().name() + "\n" + i18n.t("documents.codings", item.codings())));
                setGraphic(box);
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, a, item) -> {
            if (model.updating()) return; // the list was refreshed under the selection
            ProjectModel.OpenDocument shown = model.openDocument.get();
            if (item != null && (shown == null || !shown.document().guid().equals(item.document().guid()))) open.accept(item.document());
        });
        // the list follows the open document (a jump from search or retrieval), without reopening it
        model.openDocument.addListener((o, a, od) -> select(od == null ? null : od.document()));
        model.documentItems.addListener((javafx.collections.ListChangeListener<ProjectModel.DocumentItem>) c -> {
            ProjectModel.OpenDocument od = model.openDocument.get();
            javafx.application.Platform.runLater(() -> select(od == null ? null : od.document()));
        });
        BorderPane head = new BorderPane();
        head.setLeft(Workbench.header(i18n.t("documents.title")));
        head.setRight(count);
        root = new VBox(4, head, filter, list);
        VBox.setVgrow(list, Priority.ALWAYS);
        root.setPadding(new Insets(4));
    }

    /** Selects a document in the list (null: nothing), without opening it again. */
    void select(Document doc) {
        if (doc == null) { list.getSelectionModel().clearSelection(); return; }
        ProjectModel.DocumentItem selected = list.getSelectionModel().getSelectedItem();
        if (selected != null && selected.document().guid().equals(doc.guid())) return;
        for (ProjectModel.DocumentItem item : list.getItems()) {
            if (item.document().guid().equals(doc.guid())) { list.getSelectionModel().select(item); return; }
        }
    }

    boolean isEmpty() { return model.documentItems.isEmpty(); }
}
