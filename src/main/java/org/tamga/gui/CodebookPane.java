package org.tamga.gui;

import javafx.geometry.Pos;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.MouseButton;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;
import javafx.scene.paint.Color;
import org.tamga.model.Code;
import org.tamga.model.Codebook;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The codebook tree: colour swatches, whole (wrapped) bilingual names, coding counts in a column of
 * their own, double-click or Enter to code, drag to code, drag to move, a context menu; above it a
 * field that finds a code by name as it is typed (auto-completed) and codes the selection with it
 * on Enter.
 */
final class CodebookPane {
    static final String DRAG_PREFIX = "tamga-code:";
    final TreeView<Code> tree = new TreeView<>();
    final javafx.scene.control.TextField filter = org.controlsfx.control.textfield.TextFields.createClearableTextField();
    private final ProjectModel model;
    private final Actions actions;

    /** What the tree asks the window to do. */
    interface Actions {
        void apply(Code code);
        void newCode(Code parent);
        void rename(Code code);
        void define(Code code);
        void merge(Code code);
        void delete(Code code);
    }

    CodebookPane(ProjectModel model, I18n i18n, Actions actions) {
        this.model = model;
        this.actions = actions;
        tree.setId("codeTree");
        tree.setShowRoot(false);
        tree.getSelectionModel().setSelectionMode(javafx.scene.control.SelectionMode.MULTIPLE);
        tree.setCellFactory(t -> new CodeCell(i18n));
        // Enter codes the selection with the selected code, as a double-click on it does
        tree.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER && !e.isShortcutDown() && selected() != null) {
                actions.apply(selected());
                e.consume();
            }
        });
        filter.setId("codeFinder");
        filter.setPromptText(i18n.t("codes.find"));
        filter.setTooltip(new javafx.scene.control.Tooltip(i18n.t("codes.find.tip")));
        org.controlsfx.control.textfield.TextFields.bindAutoCompletion(filter, request -> {
            String typed = request.getUserText() == null ? "" : request.getUserText().strip().toLowerCase(java.util.Locale.ROOT);
            if (typed.isEmpty()) return java.util.List.<String>of();
            return model.codebook.get().codes().stream().map(Code::name)
                    .filter(n -> n.toLowerCase(java.util.Locale.ROOT).contains(typed)).limit(12).toList();
        });
        filter.textProperty().addListener((o, a, typed) -> {
            Code found = find(typed);
            if (found != null) select(found);
        });
        filter.setOnAction(e -> {
            Code found = find(filter.getText());
            if (found != null) { actions.apply(found); filter.clear(); }
        });
        // after a coding the codebook is read again but unchanged: then only the counts are redrawn
        model.codebook.addListener((o, a, b) -> { if (a == null || !sameTree(a, b)) rebuild(b); else tree.refresh(); });
        model.codeCounts.addListener((o, a, b) -> tree.refresh());
        tree.widthProperty().addListener((o, a, b) -> { if (Math.abs(a.doubleValue() - b.doubleValue()) > 4) tree.refresh(); });
        rebuild(model.codebook.get());
    }

    /** The code of exactly this name, else the first whose name contains the text (case-insensitive). */
    Code find(String typed) {
        if (typed == null || typed.isBlank()) return null;
        String t = typed.strip().toLowerCase(java.util.Locale.ROOT);
        java.util.List<Code> codes = model.codebook.get().codes();
        return codes.stream().filter(c -> c.name().toLowerCase(java.util.Locale.ROOT).equals(t)).findFirst()
                .orElse(codes.stream().filter(c -> c.name().toLowerCase(java.util.Locale.ROOT).contains(t)).findFirst().orElse(null));
    }

    Code selected() {
        TreeItem<Code> item = tree.getSelectionModel().getSelectedItem();
        return item == null ? null : item.getValue();
    }

    /** All selected codes (retrieval of several codes at once). */
    java.util.List<Code> selectedCodes() {
        return tree.getSelectionModel().getSelectedItems().stream().filter(java.util.Objects::nonNull)
                .map(TreeItem::getValue).filter(java.util.Objects::nonNull).toList();
    }

    void select(Code code) {
        find(tree.getRoot(), code.guid(), item -> tree.getSelectionModel().select(item));
    }

    private void rebuild(Codebook book) {
        Set<String> expanded = new HashSet<>();
        collectExpanded(tree.getRoot(), expanded);
        boolean first = tree.getRoot() == null;
        String selectedGuid = selected() == null ? null : selected().guid();
        TreeItem<Code> root = new TreeItem<>();
        Map<Long, TreeItem<Code>> items = new HashMap<>();
        for (Code c : book.codes()) {
            TreeItem<Code> item = new TreeItem<>(c);
            item.setExpanded(first || expanded.contains(c.guid()));
            items.put(c.id(), item);
            TreeItem<Code> parent = c.parentId() == null ? root : items.getOrDefault(c.parentId(), root);
            parent.getChildren().add(item);
        }
        tree.setRoot(root);
        if (selectedGuid != null) find(root, selectedGuid, item -> tree.getSelectionModel().select(item));
    }

    /** Same codes with the same names, places, colours and definitions. */
    static boolean sameTree(Codebook a, Codebook b) {
        if (a.size() != b.size()) return false;
        for (int i = 0; i < a.size(); i++) {
            Code x = a.codes().get(i), y = b.codes().get(i);
            if (!x.equals(y)) return false;
        }
        return true;
    }

    private static void collectExpanded(TreeItem<Code> item, Set<String> out) {
        if (item == null) return;
        if (item.getValue() != null && item.isExpanded()) out.add(item.getValue().guid());
        for (TreeItem<Code> child : item.getChildren()) collectExpanded(child, out);
    }

    private static void find(TreeItem<Code> item, String guid, Consumer<TreeItem<Code>> found) {
        if (item == null) return;
        if (item.getValue() != null && item.getValue().guid().equals(guid)) { found.accept(item); return; }
        for (TreeItem<Code> child : item.getChildren()) find(child, guid, found);
    }

    private final class CodeCell extends TreeCell<Code> {
        private final Rectangle swatch = new Rectangle(12, 12);
        private final Label name = new Label();
        private final Label count = new Label();
        private final HBox box;

        CodeCell(I18n i18n) {
            count.getStyleClass().add("count");
            name.getStyleClass().add("code-name");
            count.setMinWidth(34);
            count.setPrefWidth(34);
            count.setAlignment(Pos.CENTER_RIGHT);
            name.setMinWidth(0);
            name.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(name, Priority.ALWAYS);
            box = new HBox(6, swatch, name, count);

            box.setAlignment(Pos.CENTER_LEFT);
            swatch.setArcWidth(4);
            swatch.setArcHeight(4);
            swatch.setStroke(Color.gray(0.5));

            MenuItem newChild = new MenuItem(i18n.t("codes.newChild"));
            newChild.setOnAction(e -> actions.newCode(getItem()));
            MenuItem rename = new MenuItem(i18n.t("codes.rename"));
            rename.setOnAction(e -> actions.rename(getItem()));
            MenuItem define = new MenuItem(i18n.t("codes.define"));
            define.setOnAction(e -> actions.define(getItem()));
            MenuItem top = new MenuItem(i18n.t("codes.moveTop"));
            top.setOnAction(e -> model.codes().move(getItem(), null));
            MenuItem merge = new MenuItem(i18n.t("codes.merge"));
            merge.setOnAction(e -> actions.merge(getItem()));
            MenuItem delete = new MenuItem(i18n.t("codes.delete"));
            delete.setOnAction(e -> actions.delete(getItem()));
            MenuItem apply = new MenuItem(i18n.t("menu.code.apply"));
            apply.setOnAction(e -> actions.apply(getItem()));
            ContextMenu menu = new ContextMenu(apply, new SeparatorMenuItem(), newChild, rename, define, top, merge,
                    new SeparatorMenuItem(), delete);

            setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && getItem() != null) {
                    actions.apply(getItem());
                    e.consume();
                }
            });
            setOnDragDetected(e -> {
                if (getItem() == null) return;
                Dragboard db = startDragAndDrop(TransferMode.COPY_OR_MOVE);
                ClipboardContent content = new ClipboardContent();
                content.putString(DRAG_PREFIX + getItem().guid());
                db.setContent(content);
                e.consume();
            });
            setOnDragOver(e -> {
                String s = e.getDragboard().getString();
                if (s != null && s.startsWith(DRAG_PREFIX) && getItem() != null && !s.endsWith(getItem().guid())) {
                    e.acceptTransferModes(TransferMode.MOVE);
                }
                e.consume();
            });
            setOnDragDropped(e -> {
                String s = e.getDragboard().getString();
                Code target = getItem();
                Code dragged = s == null ? null : model.codebook.get().byGuid(s.substring(DRAG_PREFIX.length())).orElse(null);
                if (dragged != null && target != null) model.codes().move(dragged, target);
                e.setDropCompleted(dragged != null);
                e.consume();
            });
            emptyProperty().addListener((o, a, empty) -> setContextMenu(empty ? null : menu));
        }

        @Override
        protected void updateItem(Code code, boolean empty) {
            super.updateItem(code, empty);
            if (empty || code == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            swatch.setFill(Color.web(code.color() == null ? CodingStyles.DEFAULT_COLOUR : code.color()));
            // a bilingual name ("Health · 健康") shows each language on its own line; the tooltip has it whole
            name.setText(code.name().replace(" \u00B7 ", "\n"));
            // as wide as the tree less this row's indentation: the count stays in its column, a long line ends in "…"
            double width = Math.max(80, tree.getWidth() - 45 - 13 * Math.max(0, tree.getTreeItemLevel(getTreeItem())));
            box.setPrefWidth(width);
            box.setMaxWidth(width);
            Integer n = model.codeCounts.get().get(code.id());
            count.setText(n == null || n == 0 ? "" : String.valueOf(n));
            javafx.scene.control.Tooltip tip = new javafx.scene.control.Tooltip(code.name()
                    + (code.description() == null || code.description().isBlank() ? "" : "\n\n" + code.description()));
            tip.setWrapText(true);
            tip.setMaxWidth(420);
            setTooltip(tip);
            setText(null);
            setGraphic(box);
        }
    }
}
