package org.tamga.gui;

import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.ToolBar;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import org.tamga.core.CodingService;
import org.tamga.core.ImportReport;
import org.tamga.core.SearchService;
import org.tamga.model.Code;
import org.tamga.model.Codebook;
import org.tamga.model.Coding;
import org.tamga.model.Document;
import org.tamga.report.FrequencyReport;
import org.tamga.report.ReportWriter;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The main window: a welcome screen until a project is open, then the workbench — documents and
 * codebook on the left, the transcript with coding highlights and stripes in the centre, search,
 * retrieval and reports below, memos and codings at the cursor on the right.
 */
public final class MainWindow {
    private final Stage stage;
    private final ProjectModel model;
    private final Settings settings;
    private final Path sampleFile;
    private I18n i18n;

    DocumentPane documentPane;
    CodebookPane codebookPane;
    SearchPane searchPane;
    RetrievalPane retrievalPane;
    ReportPane reportPane;
    DetailPane detailPane;
    ListView<ProjectModel.DocumentItem> documentList;
    TabPane bottomTabs;
    private Label statusLabel;
    private HBox progressBox;

    public MainWindow(Stage stage, ProjectModel model, Settings settings, Path sampleFile) {
        this.stage = stage;
        this.model = model;
        this.settings = settings;
        this.sampleFile = sampleFile;
        // the coder's name is remembered from one session to the next, as the language is
        if (settings.coder() != null) model.coder.set(settings.coder());
        model.coder.addListener((o, a, name) -> settings.setCoder(name));
        Locale chosen = settings.language();
        this.i18n = new I18n(chosen != null ? chosen : Locale.getDefault());
        model.error.addListener((o, a, message) -> {
            if (message == null) return;
            model.error.set(null);
            Alert alert = new Alert(Alert.AlertType.ERROR, message, ButtonType.OK);
            alert.setTitle(i18n.t("error.title"));
            alert.setHeaderText(null);
            alert.initOwner(stage);
            alert.show();
        });
    }

    public I18n i18n() { return i18n; }

    public ProjectModel model() { return model; }

    /** Shows the window: the workbench if a project is open, else the welcome screen. */
    public void show() {
        Scene scene = new Scene(model.isOpen() ? workbench() : welcome(), 1280, 800);
        scene.getStylesheets().add(MainWindow.class.getResource("tamga.css").toExternalForm());
        stage.setScene(scene);
        stage.setTitle(title());
        stage.setOnCloseRequest(e -> model.close());
        stage.show();
    }

    private String title() {
        return model.projectName.get() == null ? i18n.t("app.title") : model.projectName.get() + " — " + i18n.t("app.title");
    }

    private void setRoot(Parent root) {
        stage.getScene().setRoot(root);
        stage.setTitle(title());
    }

    // ---- welcome -----------------------------------------------------------------------------

    private Parent welcome() {
        Label title = new Label(i18n.t("app.title"));
        title.getStyleClass().add("welcome-title");
        Label tagline = new Label(i18n.t("app.tagline"));
        Button newProject = new Button(i18n.t("welcome.new"));
        newProject.setOnAction(e -> newProject());
        Button open = new Button(i18n.t("welcome.open"));
        open.setOnAction(e -> openProjectDialog());
        Button sample = new Button(i18n.t("welcome.sample"));
        sample.setId("openSample");
        sample.setDefaultButton(true);
        sample.setOnAction(e -> openSample());
        VBox recent = new VBox(4, new Label(i18n.t("welcome.recent")));
        List<Path> recents = settings.recentProjects();
        if (recents.isEmpty()) recent.getChildren().add(new Label(i18n.t("welcome.none")));
        for (Path p : recents) {
            Hyperlink link = new Hyperlink(p.getFileName() + "  (" + p.getParent() + ")");
            link.setOnAction(e -> openProject(p));
            recent.getChildren().add(link);
        }
        VBox box = new VBox(14, title, tagline, new HBox(10, newProject, open, sample), recent);
        box.setAlignment(Pos.CENTER_LEFT);
        box.setPadding(new Insets(60));
        box.setMaxWidth(720);
        BorderPane root = new BorderPane(box);
        root.setTop(menuBar(false));
        root.getStyleClass().add("welcome");
        return root;
    }

    public void openProject(Path file) {
        model.open(file, this::opened);
    }

    public void openSample() {
        model.openSample(sampleFile, this::opened);
    }

    private void opened() {
        settings.addRecent(model.projectFile.get());
        setRoot(workbench());
        // start with the first document rather than an empty page
        if (!documentList.getItems().isEmpty()) documentList.getSelectionModel().selectFirst();
    }

    private void newProject() {
        FileChooser chooser = new FileChooser();
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Tamga project", "*.tamga"));
        File f = chooser.showSaveDialog(stage);
        if (f != null) model.create(org.tamga.core.ProjectSession.withExtension(f.toPath()), this::opened);
    }

    private void openProjectDialog() {
        FileChooser chooser = new FileChooser();
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Tamga project", "*.tamga"));
        File f = chooser.showOpenDialog(stage);
        if (f != null) openProject(f.toPath());
    }

    // ---- workbench ---------------------------------------------------------------------------

    private Parent workbench() {
        documentPane = new DocumentPane(i18n);
        codebookPane = new CodebookPane(model, i18n, new CodebookPane.Actions() {
            public void apply(Code code) { applyToSelection(code); }
            public void newCode(Code parent) { askNewCode(parent); }
            public void rename(Code code) { askRename(code); }
            public void define(Code code) { codebookPane.select(code); detailPane.codeDefinition.requestFocus(); }
            public void merge(Code code) { askMerge(code); }
            public void delete(Code code) { askDelete(code); }
        });
        detailPane = new DetailPane(model, i18n, () -> documentPane.selection());
        searchPane = new SearchPane(model, i18n, codebookPane::selected, (hit, codeIt) -> jumpTo(hit.document(), hit.start(), hit.end()));
        retrievalPane = new RetrievalPane(model, i18n, seg -> jumpTo(seg.document(), seg.coding().start(), seg.coding().end()), this::exportSegments);
        reportPane = new ReportPane(model, i18n, new ReportPane.Exports() {
            public void csv(FrequencyReport r) { saveAs("frequencies.csv", "*.csv", p -> ReportWriter.csv(r, ReportWriter.Table.FREQUENCIES, p)); }
            public void xlsx(FrequencyReport r) { saveAs("frequencies.xlsx", "*.xlsx", p -> ReportWriter.xlsx(r, ReportWriter.Table.FREQUENCIES, p)); }
            public void png(ReportPane pane) { saveAs("codings-per-code.png", "*.png", pane::writeChartPng); }
        });

        // documents list with filter
        TextField filter = new TextField();
        filter.setId("documentFilter");
        filter.setPromptText(i18n.t("documents.filter"));
        documentList = new ListView<>();
        documentList.setId("documentList");
        var filtered = new javafx.collections.transformation.FilteredList<>(model.documents, d -> true);
        filter.textProperty().addListener((o, a, b) -> filtered.setPredicate(d -> b == null || b.isBlank()
                || d.document().name().toLowerCase(Locale.ROOT).contains(b.toLowerCase(Locale.ROOT))));
        documentList.setItems(filtered);
        documentList.setCellFactory(l -> new ListCell<>() {
            @Override protected void updateItem(ProjectModel.DocumentItem item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : i18n.t("documents.count", item.document().name(), item.codings()));
            }
        });
        documentList.getSelectionModel().selectedItemProperty().addListener((o, a, item) -> {
            if (item != null && (documentPane.shown() == null || !documentPane.shown().document().guid().equals(item.document().guid()))) {
                model.openDocument(item.document(), null);
            }
        });
        VBox docs = new VBox(4, header(i18n.t("documents.title")), filter, documentList);
        VBox.setVgrow(documentList, Priority.ALWAYS);
        docs.setPadding(new Insets(4));
        Label hint = new Label(i18n.t("codes.applyHint"));
        hint.setWrapText(true);
        hint.getStyleClass().add("hint");
        VBox codes = new VBox(4, header(i18n.t("codes.title")), codebookPane.tree, hint);
        VBox.setVgrow(codebookPane.tree, Priority.ALWAYS);
        codes.setPadding(new Insets(4));
        SplitPane left = new SplitPane(docs, codes);
        left.setOrientation(Orientation.VERTICAL);
        left.setDividerPositions(0.35);

        bottomTabs = new TabPane(new Tab(i18n.t("search.title"), searchPane.root), new Tab(i18n.t("retrieval.title"), retrievalPane.root),
                new Tab(i18n.t("report.title"), reportPane.root));
        bottomTabs.setId("bottomTabs");
        bottomTabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        bottomTabs.getSelectionModel().selectedIndexProperty().addListener((o, a, i) -> { if (i.intValue() == 2) reportPane.refresh(); });
        SplitPane centre = new SplitPane(documentPane.root, bottomTabs);
        centre.setOrientation(Orientation.VERTICAL);
        centre.setDividerPositions(0.62);

        javafx.scene.control.ScrollPane right = new javafx.scene.control.ScrollPane(detailPane.root);
        right.setFitToWidth(true);
        SplitPane main = new SplitPane(left, centre, right);
        main.setDividerPositions(0.24, 0.78);

        BorderPane root = new BorderPane(main);
        root.setTop(new VBox(menuBar(true), toolBar()));
        root.setBottom(statusBar());
        wireDocument();
        wireDropImport(root);
        wireKeys(root);
        return root;
    }

    private static Label header(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("pane-header");
        return l;
    }

    private void wireDocument() {
        Runnable refresh = () -> {
            ProjectModel.OpenDocument od = model.openDocument.get();
            if (od == null) { documentPane.show(null, model.codebook.get(), i18n.t("document.none")); detailPane.showDocument(null); return; }
            documentPane.show(od, model.codebook.get(), i18n.t("document.info", od.document().name(), od.document().language(),
                    od.document().length(), od.codings().size()));
            detailPane.showDocument(od);
            detailPane.showCodings(documentPane.codingsAt(documentPane.caret()));
        };
        model.openDocument.addListener((o, a, b) -> refresh.run());
        if (model.openDocument.get() != null) refresh.run();
        documentPane.area.caretPositionProperty().addListener((o, a, b) -> detailPane.showCodings(documentPane.codingsAt(documentPane.caret())));
        codebookPane.tree.getSelectionModel().selectedItemProperty().addListener((o, a, item) -> {
            Code c = item == null ? null : item.getValue();
            detailPane.showCode(c);
            searchPane.updateCodeButton(c);
        });
        codebookPane.tree.getSelectionModel().getSelectedItems().addListener((javafx.collections.ListChangeListener<javafx.scene.control.TreeItem<Code>>) change -> {
            List<Code> chosen = codebookPane.selectedCodes();
            if (!chosen.isEmpty()) retrievalPane.show(chosen);
        });
        // drag a code from the tree onto the text: code the selection
        documentPane.area.setOnDragOver(e -> {
            String s = e.getDragboard().getString();
            if (s != null && s.startsWith(CodebookPane.DRAG_PREFIX)) e.acceptTransferModes(TransferMode.COPY);
            e.consume();
        });
        documentPane.area.setOnDragDropped(e -> {
            String s = e.getDragboard().getString();
            Code code = s == null ? null : model.codebook.get().byGuid(s.substring(CodebookPane.DRAG_PREFIX.length())).orElse(null);
            if (code != null) applyToSelection(code);
            e.setDropCompleted(code != null);
            e.consume();
        });
        documentPane.area.setOnContextMenuRequested(e -> {
            ContextMenu menu = new ContextMenu();
            Code selected = codebookPane.selected();
            if (selected != null) {
                MenuItem apply = new MenuItem(i18n.t("search.codeHits", selected.name()).replaceFirst(".*“", "“"));
                apply.setText(i18n.t("menu.code.apply") + ": " + selected.name());
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
            inVivo.setOnAction(a -> { int[] sel = documentPane.selection(); model.inVivo(sel[0], sel[1], null); });
            menu.getItems().addAll(new SeparatorMenuItem(), inVivo);
            List<Coding> here = documentPane.codingsAt(documentPane.caret());
            if (!here.isEmpty()) menu.getItems().add(new SeparatorMenuItem());
            for (Coding c : here) {
                String name = model.codebook.get().byId(c.codeId()).map(Code::name).orElse("?");
                MenuItem remove = new MenuItem(i18n.t("menu.code.remove") + ": " + name + " (" + model.coderNames.get().getOrDefault(c.coderId(), "") + ")");
                remove.setOnAction(a -> model.removeCoding(c));
                menu.getItems().add(remove);
            }
            menu.show(documentPane.area, e.getScreenX(), e.getScreenY());
            e.consume();
        });
    }

    /** Codes the selected text with {@code code}. */
    void applyToSelection(Code code) {
        int[] sel = documentPane.selection();
        model.applyCode(code, sel[0], sel[1], null);
    }

    /** Opens a document (if it is not open) and selects [start, end). */
    void jumpTo(Document doc, int start, int end) {
        Runnable select = () -> Platform.runLater(() -> documentPane.select(start, end));
        ProjectModel.OpenDocument od = model.openDocument.get();
        if (od != null && od.document().guid().equals(doc.guid())) { select.run(); return; }
        model.openDocument(doc, () -> {
            for (ProjectModel.DocumentItem item : documentList.getItems()) {
                if (item.document().guid().equals(doc.guid())) documentList.getSelectionModel().select(item);
            }
            select.run();
        });
    }

    private MenuBar menuBar(boolean projectOpen) {
        Menu file = new Menu(i18n.t("menu.file"));
        MenuItem newP = item("menu.file.new", this::newProject);
        MenuItem open = item("menu.file.open", this::openProjectDialog);
        MenuItem sample = item("menu.file.sample", this::openSample);
        Menu recent = new Menu(i18n.t("menu.file.recent"));
        for (Path p : settings.recentProjects()) {
            MenuItem r = new MenuItem(p.toString());
            r.setOnAction(e -> openProject(p));
            recent.getItems().add(r);
        }
        MenuItem importQdpx = item("menu.file.importQdpx", this::importQdpxDialog);
        file.getItems().addAll(newP, open, sample, recent, importQdpx);
        if (projectOpen) {
            MenuItem importDocs = item("menu.file.importDocuments", this::importDocumentsDialog);
            importDocs.setAccelerator(new KeyCodeCombination(KeyCode.I, KeyCombination.SHORTCUT_DOWN));
            MenuItem importFolder = item("menu.file.importFolder", this::importFolderDialog);
            MenuItem importCodebook = item("menu.file.importCodebook", this::importCodebookDialog);
            MenuItem exportCodebook = item("menu.file.exportCodebook", () -> saveAs("codebook.qdc", "*.qdc",
                    p -> model.withSession(s -> { s.codebook().exportQdc(p); return p; }, x -> model.status.set(x.toString()))));
            MenuItem exportQdpx = item("menu.file.exportQdpx", () -> saveAs(model.projectName.get() + ".qdpx", "*.qdpx",
                    p -> model.withSession(s -> s.exchange().exportQdpx(p), r -> model.status.set(
                            i18n.t("qdpx.exported", r.file().getFileName(), r.documents(), r.codes(), r.codings())))));
            file.getItems().addAll(new SeparatorMenuItem(), importDocs, importFolder, importCodebook, exportCodebook, exportQdpx);
        }
        file.getItems().addAll(new SeparatorMenuItem(), item("menu.file.quit", () -> { model.close(); stage.close(); }));

        Menu edit = new Menu(i18n.t("menu.edit"));
        if (projectOpen) {
            MenuItem undo = item("menu.edit.undo", model::undo);
            undo.setId("undoMenu");
            undo.setAccelerator(new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN));
            undo.disableProperty().bind(model.canUndo.not());
            undo.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> model.undoText.get().isEmpty()
                    ? i18n.t("menu.edit.undo") : i18n.t("menu.edit.undoWhat", model.undoText.get()), model.undoText));
            MenuItem redo = item("menu.edit.redo", model::redo);
            redo.setAccelerator(new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
            redo.disableProperty().bind(model.canRedo.not());
            redo.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> model.redoText.get().isEmpty()
                    ? i18n.t("menu.edit.redo") : i18n.t("menu.edit.redoWhat", model.redoText.get()), model.redoText));
            edit.getItems().addAll(undo, redo);
        }
        Menu code = new Menu(i18n.t("menu.code"));
        if (projectOpen) {
            MenuItem newCode = item("menu.code.new", () -> askNewCode(null));
            MenuItem newChild = item("menu.code.newChild", () -> askNewCode(codebookPane.selected()));
            MenuItem apply = item("menu.code.apply", () -> { if (codebookPane.selected() != null) applyToSelection(codebookPane.selected()); });
            apply.setAccelerator(new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN));
            MenuItem inVivo = item("menu.code.inVivo", () -> { int[] sel = documentPane.selection(); model.inVivo(sel[0], sel[1], null); });
            inVivo.setAccelerator(new KeyCodeCombination(KeyCode.V, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
            code.getItems().addAll(newCode, newChild, apply, inVivo);
        }
        Menu view = new Menu(i18n.t("menu.view"));
        Menu language = new Menu(i18n.t("menu.view.language"));
        ToggleGroup group = new ToggleGroup();
        for (Locale l : I18n.LANGUAGES) {
            RadioMenuItem item = new RadioMenuItem(l.getDisplayLanguage(l) + (l.getCountry().isEmpty() ? "" : "（简体）"));
            item.setText(l.equals(Locale.ENGLISH) ? "English" : "简体中文");
            item.setToggleGroup(group);
            item.setSelected(l.equals(i18n.locale()));
            item.setOnAction(e -> switchLanguage(l));
            language.getItems().add(item);
        }
        view.getItems().add(language);
        Menu help = new Menu(i18n.t("menu.help"));
        help.getItems().add(item("menu.help.about", () -> {
            Alert a = new Alert(Alert.AlertType.INFORMATION, i18n.t("about.text"), ButtonType.OK);
            a.setHeaderText(i18n.t("app.title"));
            a.initOwner(stage);
            a.show();
        }));
        MenuBar bar = new MenuBar(file, edit, code, view, help);
        bar.setId("menuBar");
        return bar;
    }

    private MenuItem item(String key, Runnable action) {
        MenuItem m = new MenuItem(i18n.t(key));
        m.setOnAction(e -> action.run());
        return m;
    }

    /** Uses a language from the start, without keeping it as a setting (tests, command-line choice). */
    void switchLanguageQuietly(Locale locale) { i18n = new I18n(locale); }

    /** Switches the window's language at once (the setting is kept for the next start). */
    public void switchLanguage(Locale locale) {
        settings.setLanguage(locale);
        i18n = new I18n(locale);
        setRoot(model.isOpen() ? workbench() : welcome());
        if (model.isOpen() && model.openDocument.get() != null) model.openDocument.set(model.openDocument.get());
    }

    private ToolBar toolBar() {
        Button undo = new Button("↶");
        undo.setId("undoButton");
        undo.disableProperty().bind(model.canUndo.not());
        undo.setOnAction(e -> model.undo());
        Button redo = new Button("↷");
        redo.setId("redoButton");
        redo.disableProperty().bind(model.canRedo.not());
        redo.setOnAction(e -> model.redo());
        ComboBox<String> coder = new ComboBox<>(model.coders);
        coder.setId("coderBox");
        coder.setEditable(true);
        coder.setValue(model.coder.get());
        coder.valueProperty().addListener((o, a, b) -> { if (b != null && !b.isBlank()) model.coder.set(b.strip()); });
        Label project = new Label(model.projectName.get());
        project.getStyleClass().add("project-name");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        return new ToolBar(project, spacer, undo, redo, new Label(i18n.t("detail.coder") + ":"), coder);
    }

    private Parent statusBar() {
        statusLabel = new Label();
        statusLabel.setId("status");
        statusLabel.textProperty().bind(model.status);
        progressBox = new HBox(8);
        progressBox.setAlignment(Pos.CENTER_RIGHT);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, statusLabel, spacer, progressBox);
        bar.setPadding(new Insets(3, 8, 3, 8));
        bar.getStyleClass().add("status-bar");
        return bar;
    }

    private void wireKeys(Parent root) {
        root.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (!e.isShortcutDown() || e.isShiftDown()) {
                if (e.isShortcutDown() && e.isShiftDown() && e.getCode() == KeyCode.Z) { model.redo(); e.consume(); }
                return;
            }
            if (e.getCode() == KeyCode.Z) { model.undo(); e.consume(); return; }
            if (e.getCode() == KeyCode.Y) { model.redo(); e.consume(); return; }
            if (e.getCode() == KeyCode.F) { bottomTabs.getSelectionModel().select(0); searchPane.query.requestFocus(); e.consume(); return; }
            if (e.getCode().isDigitKey()) {
                int n = e.getCode().getCode() - KeyCode.DIGIT1.getCode();
                if (e.getCode().ordinal() >= KeyCode.NUMPAD1.ordinal() && e.getCode().ordinal() <= KeyCode.NUMPAD9.ordinal()) {
                    n = e.getCode().ordinal() - KeyCode.NUMPAD1.ordinal();
                }
                if (n >= 0 && n < model.recentCodes.size()) { applyToSelection(model.recentCodes.get(n)); e.consume(); }
            }
        });
    }

    // ---- import ------------------------------------------------------------------------------

    private void wireDropImport(Parent root) {
        root.setOnDragOver(e -> { if (e.getDragboard().hasFiles()) e.acceptTransferModes(TransferMode.COPY); });
        root.setOnDragDropped(e -> {
            if (e.getDragboard().hasFiles()) importPaths(e.getDragboard().getFiles().stream().map(File::toPath).toList());
            e.setDropCompleted(e.getDragboard().hasFiles());
            e.consume();
        });
    }

    private void importDocumentsDialog() {
        FileChooser chooser = new FileChooser();
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(i18n.t("import.transcripts"),
                org.tamga.core.ImportService.EXTENSIONS.stream().map(e -> "*." + e).toList()));
        List<File> files = chooser.showOpenMultipleDialog(stage);
        if (files != null) importPaths(files.stream().map(File::toPath).toList());
    }

    private void importFolderDialog() {
        File dir = new DirectoryChooser().showDialog(stage);
        if (dir != null) importPaths(List.of(dir.toPath()));
    }

    private void importCodebookDialog() {
        FileChooser chooser = new FileChooser();
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("REFI-QDA codebook", "*.qdc"));
        File f = chooser.showOpenDialog(stage);
        if (f == null) return;
        model.withSession(s -> s.codebook().importQdc(f.toPath()), r -> {
            model.open(model.projectFile.get(), () -> setRoot(workbench()));
            String text = r.added() + " / " + r.unchanged() + " / " + r.conflicts().size() + (r.conflicts().isEmpty() ? "" : "\n" + String.join("\n", r.conflicts()));
            Alert a = new Alert(Alert.AlertType.INFORMATION, text, ButtonType.OK);
            a.setHeaderText(f.getName());
            a.initOwner(stage);
            a.show();
        });
    }

    /** Asks for a .qdpx and a new project file, imports in the background, opens the result and shows the report. */
    private void importQdpxDialog() {
        FileChooser source = new FileChooser();
        source.getExtensionFilters().add(new FileChooser.ExtensionFilter("REFI-QDA project", "*.qdpx"));
        File qdpx = source.showOpenDialog(stage);
        if (qdpx == null) return;
        FileChooser target = new FileChooser();
        target.setInitialFileName(qdpx.getName().replaceFirst("(?i)\\.qdpx$", "") + ".tamga");
        target.getExtensionFilters().add(new FileChooser.ExtensionFilter("Tamga project", "*.tamga"));
        File project = target.showSaveDialog(stage);
        if (project == null) return;
        model.work(() -> org.tamga.core.ExchangeService.importQdpx(qdpx.toPath(), project.toPath()), report -> {
            openProject(report.project());
            List<String> lines = new ArrayList<>();
            lines.add(report.positions());
            lines.addAll(report.adjusted());
            lines.addAll(report.skipped());
            lines.addAll(report.warnings());
            Alert a = new Alert(Alert.AlertType.INFORMATION, i18n.t("qdpx.imported", report.file(), report.documents(), report.codes(),
                    report.codings(), report.coders()), ButtonType.OK);
            TextArea details = new TextArea(String.join("\n", lines));
            details.setEditable(false);
            details.setWrapText(true);
            a.getDialogPane().setExpandableContent(details);
            a.getDialogPane().setExpanded(true);
            a.setHeaderText(null);
            a.initOwner(stage);
            a.show();
        });
    }

    /** Imports files and folders with a progress bar, a cancel button and a summary of failures. */
    public void importPaths(List<Path> paths) {
        ProgressBar bar = new ProgressBar(0);
        bar.setId("importProgress");
        Label what = new Label();
        Button cancel = new Button(i18n.t("import.cancel"));
        AtomicBoolean cancelled = new AtomicBoolean();
        cancel.setOnAction(e -> cancelled.set(true));
        progressBox.getChildren().setAll(what, bar, cancel);
        model.importFiles(paths, (index, total, file) -> Platform.runLater(() -> {
            bar.setProgress(total == 0 ? 1 : (double) index / total);
            what.setText(i18n.t("import.progress", file.getFileName(), index + 1, total));
        }), cancelled, report -> {
            progressBox.getChildren().clear();
            showImportSummary(report);
        });
    }

    private void showImportSummary(ImportReport r) {
        String summary = i18n.t("import.summary", r.imported().size(), r.duplicates().size(), r.skipped().size(), r.failures().size())
                + (r.imported().isEmpty() ? "" : " " + i18n.t("import.turns", r.turns()));
        model.status.set(summary);
        if (r.failures().isEmpty() && r.skipped().isEmpty()) return;
        Alert a = new Alert(r.failures().isEmpty() ? Alert.AlertType.INFORMATION : Alert.AlertType.WARNING);
        a.setHeaderText(i18n.t("import.done"));
        a.setContentText(summary);
        List<String> lines = new ArrayList<>();
        if (!r.failures().isEmpty()) lines.add(i18n.t("import.failed"));
        for (ImportReport.Failure f : r.failures()) lines.add("• " + f.file().getFileName() + ": " + f.reason());
        for (ImportReport.Skipped s : r.skipped()) lines.add("– " + s.file().getFileName() + ": " + s.reason());
        for (var d : r.imported()) lines.add("✓ " + d.name() + " (" + r.describe(d) + ")");
        TextArea details = new TextArea(String.join("\n", lines));
        details.setEditable(false);
        details.setWrapText(true);
        a.getDialogPane().setExpandableContent(details);
        a.getDialogPane().setExpanded(true);
        a.initOwner(stage);
        a.show();
    }

    // ---- code dialogs ------------------------------------------------------------------------

    private void askNewCode(Code parent) {
        TextInputDialog d = new TextInputDialog();
        d.setHeaderText(i18n.t(parent == null ? "codes.new" : "codes.newChild") + (parent == null ? "" : ": " + parent.name()));
        d.setContentText(i18n.t("codes.name.prompt"));
        d.initOwner(stage);
        d.showAndWait().filter(s -> !s.isBlank()).ifPresent(name -> model.createCode(parent == null ? null : parent.id(), name.strip(), null));
    }

    private void askRename(Code code) {
        TextInputDialog d = new TextInputDialog(code.name());
        d.setHeaderText(i18n.t("codes.rename"));
        d.setContentText(i18n.t("codes.name.prompt"));
        d.initOwner(stage);
        d.showAndWait().filter(s -> !s.isBlank() && !s.strip().equals(code.name())).ifPresent(name -> model.renameCode(code, name.strip()));
    }

    private void askMerge(Code code) {
        Codebook book = model.codebook.get();
        List<String> targets = book.codes().stream().filter(c -> book.withDescendants(code.id()).stream().noneMatch(d -> d.id() == c.id()))
                .map(book::path).toList();
        if (targets.isEmpty()) return;
        ChoiceDialog<String> d = new ChoiceDialog<>(targets.getFirst(), targets);
        d.setHeaderText(i18n.t("codes.merge.prompt", code.name()));
        d.initOwner(stage);
        d.showAndWait().ifPresent(path -> book.codes().stream().filter(c -> book.path(c).equals(path)).findFirst()
                .ifPresent(target -> model.mergeCodes(code, target)));
    }

    private void askDelete(Code code) {
        Codebook book = model.codebook.get();
        int children = book.withDescendants(code.id()).size() - 1;
        int codings = book.withDescendants(code.id()).stream().mapToInt(c -> model.codeCounts.get().getOrDefault(c.id(), 0)).sum();
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, i18n.t("codes.delete.confirm", code.name(), children, codings), ButtonType.OK, ButtonType.CANCEL);
        a.setHeaderText(null);
        a.initOwner(stage);
        a.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> model.deleteCode(code));
    }

    // ---- exports -----------------------------------------------------------------------------

    private interface PathAction { void accept(Path p); }

    private void saveAs(String suggested, String pattern, PathAction action) {
        FileChooser chooser = new FileChooser();
        chooser.setInitialFileName(suggested);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(pattern, pattern));
        File f = chooser.showSaveDialog(stage);
        if (f == null) return;
        try {
            action.accept(f.toPath());
            model.status.set(f.toString());
        } catch (org.tamga.model.TamgaException e) {
            model.error.set(e.getMessage());
        }
    }

    private void exportSegments(List<CodingService.Segment> segments) {
        saveAs("segments.csv", "*.csv", p -> {
            List<List<Object>> rows = new ArrayList<>();
            rows.add(List.of("document", "start", "end", "code", "coder", "text", "memo"));
            for (CodingService.Segment s : segments) {
                rows.add(List.of(s.document().name(), s.coding().start(), s.coding().end(), s.code().name(), s.coder(), s.text(),
                        s.coding().memo() == null ? "" : s.coding().memo()));
            }
            ReportWriter.csvRows(rows, p);
        });
    }

    /** The search hits currently listed (for tests). */
    List<SearchService.Hit> searchHits() { return List.copyOf(searchPane.results.getItems()); }
}
