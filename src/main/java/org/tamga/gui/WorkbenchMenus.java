package org.tamga.gui;

import javafx.beans.binding.Bindings;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

import java.util.List;
import java.util.Locale;

/** The menu bar: File, Edit, Code, View and Help, with the shortcuts the README names. */
final class WorkbenchMenus {
    /** What the menus ask the window to do. */
    interface Actions {
        void newProject();
        void openProjectDialog();
        /** Opens a project from the list of recent projects: a file, or a shared project by its address. */
        void openRecent(Settings.Recent project);
        void openSharedDialog();
        void openSample();
        void closeProject();
        void quit();
        void importDocuments();
        void importFolder();
        void importCodebook();
        void importQdpx();
        void mergeProjects();
        void exportCodebook();
        void exportQdpx();
        void backups();
        void find();
        void applySelectedCode();
        void inVivo();
        void newCode(boolean child);
        void toggle(Workbench.Pane pane);
        boolean collapsed(Workbench.Pane pane);
        void switchLanguage(Locale locale);
        void changeCoder();
        void about();
        void copyDiagnostics();
    }

    private WorkbenchMenus() { }

    static MenuBar build(I18n i18n, ProjectModel model, List<Settings.Recent> recents, boolean projectOpen, Actions a) {
        Menu file = new Menu(i18n.t("menu.file"));
        MenuItem newP = item(i18n, "menu.file.new", a::newProject);
        newP.setAccelerator(new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN));
        MenuItem open = item(i18n, "menu.file.open", a::openProjectDialog);
        open.setAccelerator(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN));
        Menu recent = new Menu(i18n.t("menu.file.recent"));
        recent.setId("recentMenu");
        for (Settings.Recent p : recents) {
            MenuItem r = new MenuItem(p.toString());
            r.setMnemonicParsing(false);
            r.setOnAction(e -> a.openRecent(p));
            recent.getItems().add(r);
        }
        recent.setDisable(recents.isEmpty());
        MenuItem openShared = item(i18n, "menu.file.openShared", a::openSharedDialog);
        openShared.setId("openSharedMenu");
        file.getItems().addAll(newP, open, openShared, item(i18n, "menu.file.sample", a::openSample), recent,
                item(i18n, "menu.file.importQdpx", a::importQdpx));
        if (projectOpen) {
            MenuItem importDocs = item(i18n, "menu.file.importDocuments", a::importDocuments);
            importDocs.setAccelerator(new KeyCodeCombination(KeyCode.I, KeyCombination.SHORTCUT_DOWN));
            MenuItem importFolder = item(i18n, "menu.file.importFolder", a::importFolder);
            importFolder.setId("importFolderMenu");
            importFolder.setAccelerator(new KeyCodeCombination(KeyCode.I, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
            MenuItem merge = item(i18n, "menu.file.merge", a::mergeProjects);
            merge.setId("mergeMenu");
            MenuItem backups = item(i18n, "menu.file.backups", a::backups);
            backups.setId("backupsMenu");
            MenuItem close = item(i18n, "menu.file.close", a::closeProject);
            close.setAccelerator(new KeyCodeCombination(KeyCode.W, KeyCombination.SHORTCUT_DOWN));
            file.getItems().addAll(new SeparatorMenuItem(), importDocs, importFolder, item(i18n, "menu.file.importCodebook", a::importCodebook),
                    merge, new SeparatorMenuItem(), item(i18n, "menu.file.exportCodebook", a::exportCodebook), item(i18n, "menu.file.exportQdpx", a::exportQdpx),
                    new SeparatorMenuItem(), backups, new SeparatorMenuItem(), close);
        }
        MenuItem quit = item(i18n, "menu.file.quit", a::quit);
        quit.setAccelerator(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN));
        file.getItems().addAll(new SeparatorMenuItem(), quit);

        Menu edit = new Menu(i18n.t("menu.edit"));
        if (projectOpen) {
            MenuItem undo = item(i18n, "menu.edit.undo", model::undo);
            undo.setId("undoMenu");
            undo.setAccelerator(new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN));
            undo.disableProperty().bind(model.canUndo.not());
            undo.textProperty().bind(Bindings.createStringBinding(() -> model.undoText.get().isEmpty()
                    ? i18n.t("menu.edit.undo") : i18n.t("menu.edit.undoWhat", model.undoText.get()), model.undoText));
            MenuItem redo = item(i18n, "menu.edit.redo", model::redo);
            redo.setAccelerator(new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
            redo.disableProperty().bind(model.canRedo.not());
            redo.textProperty().bind(Bindings.createStringBinding(() -> model.redoText.get().isEmpty()
                    ? i18n.t("menu.edit.redo") : i18n.t("menu.edit.redoWhat", model.redoText.get()), model.redoText));
            MenuItem find = item(i18n, "menu.edit.find", a::find);
            find.setAccelerator(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN));
            MenuItem coder = item(i18n, "menu.edit.coder", a::changeCoder);
            edit.getItems().addAll(undo, redo, new SeparatorMenuItem(), find, new SeparatorMenuItem(), coder);
        }
        Menu code = new Menu(i18n.t("menu.code"));
        if (projectOpen) {
            MenuItem apply = item(i18n, "menu.code.apply", a::applySelectedCode);
            apply.setAccelerator(new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN));
            MenuItem inVivo = item(i18n, "menu.code.inVivo", a::inVivo);
            inVivo.setAccelerator(new KeyCodeCombination(KeyCode.V, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
            code.getItems().addAll(item(i18n, "menu.code.new", () -> a.newCode(false)), item(i18n, "menu.code.newChild", () -> a.newCode(true)), apply, inVivo);
        }
        Menu view = new Menu(i18n.t("menu.view"));
        if (projectOpen) {
            view.getItems().addAll(pane(i18n, a, Workbench.Pane.LEFT, "menu.view.left", KeyCode.D),
                    pane(i18n, a, Workbench.Pane.BOTTOM, "menu.view.bottom", KeyCode.B),
                    pane(i18n, a, Workbench.Pane.RIGHT, "menu.view.right", KeyCode.R), new SeparatorMenuItem());
        }
        Menu language = new Menu(i18n.t("menu.view.language"));
        ToggleGroup group = new ToggleGroup();
        for (Locale l : I18n.LANGUAGES) {
            RadioMenuItem item = new RadioMenuItem(I18n.name(l));
            item.setToggleGroup(group);
            item.setSelected(l.equals(i18n.locale()));
            item.setOnAction(e -> a.switchLanguage(l));
            language.getItems().add(item);
        }
        view.getItems().add(language);
        Menu help = new Menu(i18n.t("menu.help"));
        help.getItems().addAll(item(i18n, "menu.help.diagnostics", a::copyDiagnostics), new SeparatorMenuItem(), item(i18n, "menu.help.about", a::about));
        MenuBar bar = new MenuBar(file, edit, code, view, help);
        bar.setId("menuBar");
        return bar;
    }

    /** A View menu item that collapses or restores a pane, ticked while the pane is shown. */
    private static CheckMenuItem pane(I18n i18n, Actions a, Workbench.Pane pane, String key, KeyCode shortcut) {
        CheckMenuItem item = new CheckMenuItem(i18n.t(key));
        item.setSelected(!a.collapsed(pane));
        item.setAccelerator(new KeyCodeCombination(shortcut, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        item.setOnAction(e -> { a.toggle(pane); item.setSelected(!a.collapsed(pane)); });
        return item;
    }

    private static MenuItem item(I18n i18n, String key, Runnable action) {
        MenuItem m = new MenuItem(i18n.t(key));
        m.setOnAction(e -> action.run());
        return m;
    }
}
