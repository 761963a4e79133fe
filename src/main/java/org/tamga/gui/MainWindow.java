package org.tamga.gui;

import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.controlsfx.control.StatusBar;
import org.controlsfx.control.textfield.TextFields;
import org.tamga.core.Diagnostics;
import org.tamga.core.ProjectSession;
import org.tamga.model.Code;
import org.tamga.model.DamagedProjectException;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The main window: the welcome screen until a project is open, then the {@link Workbench}. It
 * owns the stage (its size, place and layout are remembered per project), the menus and the
 * status bar, who is coding, the language, and closing without cutting off running work. The
 * workflows live in their own classes: {@link TranscriptController}, {@link ImportExport},
 * {@link CodeDialogs}, {@link BulkCoding} and the panes.
 */
public final class MainWindow implements WorkbenchMenus.Actions {
    private final Stage stage;
    private final ProjectModel model;
    private final Settings settings;
    private final Path sampleFile;
    private final Notifier notifier;
    private I18n i18n;
    private Runnable exit = Platform::exit;

    Workbench workbench;
    TranscriptController transcript;
    ImportExport files;
    CodeDialogs dialogs;
    BulkCoding bulk;
    BackupsDialog backupsDialog;
    WelcomeView welcome;
    Button coderButton;
    /** The first run's tour of the sample, while it is on; null otherwise. */
    Tour tour;
    /** The first-run welcome is shown until the coder leaves it (it is never shown again). */
    private boolean firstRun;
    /** The name typed on the first-run welcome, kept when the language changes. */
    private String firstRunName;
    private boolean tourPending;
    StatusBar statusBar;

    public MainWindow(Stage stage, ProjectModel model, Settings settings, Path sampleFile) {
        Fonts.load(); // the bundled faces before anything is styled: JavaFX's fallback then reaches them (ADR 33)
        this.stage = stage;
        this.model = model;
        this.settings = settings;
        this.sampleFile = sampleFile;
        this.firstRun = !settings.welcomed();
        if (settings.coder() != null) model.coder.set(settings.coder());
        model.coder.addListener((o, a, name) -> settings.setCoder(name));
        Locale chosen = settings.language();
        this.i18n = new I18n(chosen != null ? chosen : Locale.getDefault());
        model.setI18n(i18n);
        this.notifier = new Notifier(stage, i18n);
        model.tasks.onFailure(t -> {
            model.loadingDocument.set(false);
            if (t instanceof DamagedProjectException d) damaged(d); else notifier.failed(t);
        });
    }

    public I18n i18n() { return i18n; }

    public ProjectModel model() { return model; }

    Notifier notifier() { return notifier; }

    /** What closing the window does once the work is finished (tests keep the toolkit running). */
    void setOnExit(Runnable exit) { this.exit = exit; }

    /** Shows the window, maximised the first time, then where and as large as it was left. */
    public void show() {
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        double[] was = settings.window();
        double w = was == null ? screen.getWidth() : Math.min(was[2], screen.getWidth());
        double h = was == null ? screen.getHeight() : Math.min(was[3], screen.getHeight());
        Scene scene = new Scene(model.isOpen() ? workbenchRoot(Workbench.State.standard()) : welcomeRoot(), w, h);
        scene.getStylesheets().add(MainWindow.class.getResource("tamga.css").toExternalForm());
        scene.addEventFilter(KeyEvent.KEY_PRESSED, this::keys);
        stage.setScene(scene);
        stage.setMinWidth(800);
        stage.setMinHeight(560);
        if (was != null && screen.contains(was[0] + 40, was[1] + 40)) { stage.setX(was[0]); stage.setY(was[1]); }
        stage.setMaximized(was == null || was[4] > 0);
        stage.setTitle(title());
        stage.setOnCloseRequest(e -> { e.consume(); quit(); });
        stage.show();
    }

    private String title() {
        if (model.projectName.get() == null) return i18n.t("app.title");
        return model.projectName.get() + (model.readOnly.get() == null ? "" : " (" + i18n.t("title.readOnly") + ")") + " — " + i18n.t("app.title");
    }

    private void setRoot(Parent root) {
        stage.getScene().setRoot(root);
        stage.setTitle(title());
    }

    private Parent welcomeRoot() {
        welcome = new WelcomeView(i18n, menus(false), settings.recentProjects(), leavingFirstRun(this::newProject),
                leavingFirstRun(this::openProjectDialog), leavingFirstRun(this::openSample),
                p -> { leaveFirstRun(); openRecent(p); }, model.tasks, firstRun ? firstRunActions() : null);
        if (firstRun) settings.setWelcomed(); // shown once: a second start shows the usual welcome
        workbench = null;
        return welcome.root();
    }

    // ---- the first run -----------------------------------------------------------------------

    private WelcomeView.FirstRun firstRunActions() {
        return new WelcomeView.FirstRun() {
            @Override public String coder() { return firstRunName != null ? firstRunName : model.coder.get(); }
            @Override public void language(Locale language) {
                firstRunName = welcome.coderName.getText();
                switchLanguage(language);
            }
            @Override public void tour() {
                leaveFirstRun();
                tourPending = true;
                openSample();
            }
            @Override public void readme(String heading) { ReadmeView.show(stage, i18n, heading); }
        };
    }

    private Runnable leavingFirstRun(Runnable action) {
        return () -> { leaveFirstRun(); action.run(); };
    }

    /** The coder leaves the first-run welcome: the name typed there is hers from now on (never asked again). */
    private void leaveFirstRun() {
        if (!firstRun) return;
        firstRun = false;
        String name = welcome == null ? "" : welcome.coderName.getText().strip();
        if (!name.isEmpty()) model.coder.set(name);
        settings.setCoderConfirmed();
        if (welcome != null && welcome.firstRunPanel != null && welcome.firstRunPanel.getParent() instanceof javafx.scene.layout.Pane p) {
            p.getChildren().remove(welcome.firstRunPanel);
        }
    }

    /** Ends the tour (its bar has gone already). */
    private void tourEnded() { tour = null; }

    // ---- opening and closing projects --------------------------------------------------------

    public void openProject(Path file) { saveLayout(); model.open(file, this::opened); }

    @Override public void openRecent(Settings.Recent project) {
        if (project.shared()) openShared(project.address()); else openProject(project.file());
    }

    @Override public void openSample() { saveLayout(); model.openSample(sampleFile, this::opened); }

    @Override public void newProject() {
        FileChooser chooser = new FileChooser();
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(i18n.t("file.project"), "*.tamga"));
        File f = chooser.showSaveDialog(stage);
        if (f != null) { saveLayout(); model.create(ProjectSession.withExtension(f.toPath()), this::opened); }
    }

    @Override public void openProjectDialog() {
        FileChooser chooser = new FileChooser();
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(i18n.t("file.project"), "*.tamga"));
        File f = chooser.showOpenDialog(stage);
        if (f != null) openProject(f.toPath());
    }

    /**
     * File › Open shared project…: the address of a project on a PostgreSQL server (ADR 48). The
     * user and password are not asked for here: they come from PGUSER and PGPASSWORD or ~/.pgpass.
     */
    @Override public void openSharedDialog() {
        javafx.scene.control.TextInputDialog d = new javafx.scene.control.TextInputDialog("postgresql://");
        d.initOwner(stage);
        d.setTitle(i18n.t("shared.title"));
        d.setHeaderText(i18n.t("shared.header"));
        d.setContentText(i18n.t("shared.address"));
        d.getEditor().setId("sharedAddress");
        d.getEditor().setPrefColumnCount(36);
        d.showAndWait().map(String::strip).filter(a -> !a.isEmpty()).ifPresent(this::openShared);
    }

    /** Opens the shared project at {@code address} in this window. */
    void openShared(String address) { saveLayout(); model.openShared(address, this::opened); }

    /** Every second, while a project is open and nothing else runs: has another process changed it? */
    private javafx.animation.Timeline watch;

    /** Starts or stops the once-a-second look (a test stops it to see that LISTEN alone wakes the window). */
    void watchOutsideChanges(boolean on) {
        if (watch == null) {
            watch = new javafx.animation.Timeline(new javafx.animation.KeyFrame(javafx.util.Duration.seconds(1), e -> {
                if (model.isOpen() && model.tasks.pending.get() == 0) model.checkOutsideChanges();
            }));
            watch.setCycleCount(javafx.animation.Animation.INDEFINITE);
        }
        if (on) watch.play(); else watch.stop();
    }

    /** For a shared project: a thread woken by the others' changes, so that they show at once (ADR 48). */
    private Thread listening;

    private void listenForChanges(boolean on) {
        if (listening != null) { listening.interrupt(); listening = null; }
        if (!on || model.sharedAddress.get() == null) return;
        Thread t = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                long start = System.nanoTime();
                if (model.awaitOutsideChange(1000)) {
                    Platform.runLater(() -> { if (model.isOpen() && model.tasks.pending.get() == 0) model.checkOutsideChanges(); });
                } else if (System.nanoTime() - start < 100_000_000L) {
                    // the server is away: the one-second look says so; try listening again a second later
                    try { Thread.sleep(1000); } catch (InterruptedException e) { return; }
                }
            }
        }, "tamga-listen");
        t.setDaemon(true);
        listening = t;
        t.start();
    }

    private void opened(ProjectModel.Opened opened) {
        watchOutsideChanges(true);
        listenForChanges(true);
        if (Boolean.getBoolean("tamga.timing")) {
            // java -Dtamga.timing=true -jar tamga.jar open P.tamga: how long from the JVM's start to the workbench
            long ms = System.currentTimeMillis() - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
            Platform.runLater(() -> System.out.println("workbench shown " + ms + " ms after the start of the JVM"));
        }
        if (opened.file() != null) settings.addRecent(opened.file());
        else if (model.sharedAddress.get() != null) settings.addRecent(model.sharedAddress.get()); // the address only: it never holds a password
        if (firstRun) {
            // opened past the first-run welcome's buttons (from the menu): what was typed there is offered when the name is asked
            firstRun = false;
            String typed = welcome == null ? "" : welcome.coderName.getText().strip();
            if (!typed.isEmpty()) model.coder.set(typed);
        }
        if (tourPending) { tourPending = false; tour = new Tour(this::tourEnded); }
        setRoot(workbenchRoot(Workbench.State.decode(opened.file() == null ? null : settings.layout(opened.file()))));
        // start with the first document rather than an empty page
        if (!workbench.documents.isEmpty()) workbench.documents.list.getSelectionModel().selectFirst();
        if (!settings.coderConfirmed()) Platform.runLater(this::askCoderFirstTime);
    }

    @Override public void closeProject() {
        watchOutsideChanges(false);
        listenForChanges(false);
        saveLayout();
        if (tour != null) tour.end();
        model.closeProject(() -> setRoot(welcomeRoot()));
    }

    /** Keeps the open project's layout for the next time it is opened. */
    private void saveLayout() {
        if (workbench != null && model.projectFile.get() != null) settings.setLayout(model.projectFile.get(), workbench.capture().encode());
    }

    /**
     * Closes the window without cutting off running work: the project is closed (the index
     * committed) on the task thread, waited for with a bounded time, and only then does Tamga exit.
     */
    @Override public void quit() {
        watchOutsideChanges(false);
        saveLayout();
        settings.setWindow(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), stage.isMaximized());
        if (model.tasks.pending.get() > 0) model.status.set(i18n.t("status.finishing"));
        Thread closer = new Thread(() -> {
            boolean finished = model.shutdown(Duration.ofSeconds(60));
            Platform.runLater(() -> {
                if (!finished) System.getLogger("org.tamga.gui").log(System.Logger.Level.WARNING, "closed with work still running after 60 s");
                stage.hide();
                exit.run();
            });
        }, "tamga-close");
        closer.start();
    }

    // ---- the workbench -----------------------------------------------------------------------

    private Parent workbenchRoot(Workbench.State state) {
        dialogs = new CodeDialogs(stage, model, i18n);
        files = new ImportExport(stage, model, i18n, notifier, this::openProject);
        DocumentPane documentPane = new DocumentPane(i18n);
        DocumentsView documents = new DocumentsView(model, i18n, doc -> model.openDocument(doc, null));
        CodebookPane[] codebook = new CodebookPane[1];
        TranscriptController[] t = new TranscriptController[1];
        codebook[0] = new CodebookPane(model, i18n, new CodebookPane.Actions() {
            public void apply(Code code) { t[0].applyToSelection(code); }
            public void newCode(Code parent) { dialogs.newCode(parent); }
            public void rename(Code code) { dialogs.rename(code); }
            public void define(Code code) { codebook[0].select(code); workbench.detail.codeDefinition.requestFocus(); }
            public void merge(Code code) { dialogs.merge(code); }
            public void delete(Code code) { dialogs.delete(code); }
        });
        DetailPane detail = new DetailPane(model, i18n, documentPane::selection);
        bulk = new BulkCoding(stage, model, i18n);
        SearchPane search = new SearchPane(model, i18n, codebook[0]::selected,
                hit -> t[0].jumpTo(hit.document(), hit.start(), hit.end(), DocumentPane.Placement.MIDDLE), bulk::ask);
        RetrievalPane retrieval = new RetrievalPane(model, i18n,
                seg -> t[0].jumpTo(seg.document(), seg.coding().start(), seg.coding().end(), DocumentPane.Placement.TOP), retrievalExports());
        ReportPane report = new ReportPane(model, i18n, new ReportPane.Exports() {
            public void csv(org.tamga.report.FrequencyReport r) { files.saveAs("frequencies.csv", "*.csv", p -> files.exportFrequencies(r, p, false)); }
            public void xlsx(org.tamga.report.FrequencyReport r) { files.saveAs("frequencies.xlsx", "*.xlsx", p -> files.exportFrequencies(r, p, true)); }
            public void png(ReportPane pane) { chart(pane.chartForPrint(), "codings-per-code.png", true); }
            public void svg(ReportPane pane) { chart(pane.chartForPrint(), "codings-per-code.svg", false); }
            public void heatmapPng(ReportPane pane) { chart(pane.heatmapForPrint(), "codings-per-code-and-document.png", true); }
            public void heatmapSvg(ReportPane pane) { chart(pane.heatmapForPrint(), "codings-per-code-and-document.svg", false); }
        });
        AnalysisPane analysis = new AnalysisPane(model, i18n, analysisActions(t));
        transcript = t[0] = new TranscriptController(model, i18n, documentPane, detail, codebook[0]);
        workbench = new Workbench(documents, codebook[0], documentPane, search, retrieval, report, analysis, detail, i18n);
        codebook[0].tree.getSelectionModel().selectedItemProperty().addListener((o, a, item) -> {
            Code c = item == null ? null : item.getValue();
            detail.showCode(c);
            search.updateCodeButton(c);
        });
        codebook[0].tree.getSelectionModel().getSelectedItems().addListener(
                (javafx.collections.ListChangeListener<javafx.scene.control.TreeItem<Code>>) change -> workbench.retrieve(codebook[0].selectedCodes()));
        workbench.restore(state);
        if (state.query() != null && !state.query().isBlank()) search.query.setText(state.query());

        BorderPane root = new BorderPane(workbench.root);
        // the first run's tour: a bar under the menus, pointing at the workbench's own controls
        root.setTop(tour == null ? topBar() : new VBox(topBar(), tour.attach(workbench, i18n, model.coder.get())));
        root.setBottom(new VBox(files.imports, statusBar()));
        root.setOnDragOver(e -> { if (e.getDragboard().hasFiles()) e.acceptTransferModes(TransferMode.COPY); });
        root.setOnDragDropped(e -> {
            boolean has = e.getDragboard().hasFiles();
            if (has) files.importPaths(e.getDragboard().getFiles().stream().map(File::toPath).toList(), null);
            e.setDropCompleted(has);
            e.consume();
        });
        return root;
    }

    /** A chart laid out now (on the JavaFX thread, from the report shown), written in the background. */
    private void chart(org.tamga.report.chart.Drawing drawing, String suggested, boolean png) {
        if (drawing == null) { notifier.refused(i18n.t("report.chart.none")); return; }
        files.saveAs(suggested, png ? "*.png" : "*.svg", p -> files.write(p, x -> {
            if (png) org.tamga.report.chart.PngWriter.write(drawing, org.tamga.report.chart.PngWriter.PRINT_DPI, p);
            else org.tamga.report.chart.SvgWriter.write(drawing, p);
            return p;
        }));
    }

    /** Where the Analysis area opens passages and writes its exports (in the background). */
    private AnalysisPane.Actions analysisActions(TranscriptController[] t) {
        return new AnalysisPane.Actions() {
            public void open(org.tamga.model.Document d, int start, int end) { t[0].jumpTo(d, start, end, DocumentPane.Placement.TOP); }
            public void cooccurrenceCsv(org.tamga.report.Cooccurrence table, boolean longLayout) {
                if (table == null) { notifier.refused(i18n.t("analysis.empty")); return; }
                files.saveAs(longLayout ? "cooccurrence-long.csv" : "cooccurrence.csv", "*.csv",
                        p -> files.write(p, x -> { org.tamga.report.AnalysisWriter.csv(table, longLayout, p); return p; }));
            }
            public void cooccurrenceXlsx(org.tamga.report.Cooccurrence table) {
                if (table == null) { notifier.refused(i18n.t("analysis.empty")); return; }
                files.saveAs("cooccurrence.xlsx", "*.xlsx", p -> files.write(p, x -> { org.tamga.report.AnalysisWriter.xlsx(table, p); return p; }));
            }
            public void crosstabCsv(org.tamga.report.Crosstab table, org.tamga.report.Crosstab.Count count, org.tamga.report.Crosstab.Percent percent, boolean longLayout) {
                if (table == null) { notifier.refused(i18n.t("analysis.empty")); return; }
                files.saveAs(longLayout ? "crosstab-long.csv" : "crosstab.csv", "*.csv",
                        p -> files.write(p, x -> { org.tamga.report.AnalysisWriter.csv(table, count, percent, longLayout, p); return p; }));
            }
            public void crosstabXlsx(org.tamga.report.Crosstab table, org.tamga.report.Crosstab.Count count) {
                if (table == null) { notifier.refused(i18n.t("analysis.empty")); return; }
                files.saveAs("crosstab.xlsx", "*.xlsx", p -> files.write(p, x -> { org.tamga.report.AnalysisWriter.xlsx(table, count, p); return p; }));
            }
            public void chart(org.tamga.report.chart.Drawing drawing, String suggested, boolean png) { MainWindow.this.chart(drawing, suggested, png); }
            public void wordsCsv(org.tamga.report.WordFrequencies words, boolean longLayout) {
                if (words == null) { notifier.refused(i18n.t("analysis.empty")); return; }
                files.saveAs(longLayout ? "words-long.csv" : "words.csv", "*.csv",
                        p -> files.write(p, x -> { org.tamga.report.WordWriter.csv(words, longLayout, p); return p; }));
            }
            public void agreement(org.tamga.report.AgreementReport r, org.tamga.report.AgreementWriter.Table table, String format) {
                if (r == null) { notifier.refused(i18n.t("agreement.chooseCoders")); return; }
                String name = (table == org.tamga.report.AgreementWriter.Table.BY_CODE ? "agreement." : "agreement-by-document.") + format;
                files.saveAs(name, "*." + format, p -> files.exportAgreement(r, table, format, p));
            }
            public void wordsXlsx(org.tamga.report.WordFrequencies words) {
                if (words == null) { notifier.refused(i18n.t("analysis.empty")); return; }
                files.saveAs("words.xlsx", "*.xlsx", p -> files.write(p, x -> { org.tamga.report.WordWriter.xlsx(words, false, p); return p; }));
            }
        };
    }

    private RetrievalPane.Exports retrievalExports() {
        return new RetrievalPane.Exports() {
            public void csv(List<org.tamga.core.CodingService.Segment> segments) {
                files.saveAs("passages.csv", "*.csv", p -> files.exportSegmentsCsv(segments, p));
            }
            public void docx(List<Code> codes, boolean withChildren) { files.saveAs("passages.docx", "*.docx", p -> model.queries().exportQuotes(codes, withChildren, p, notifierTold())); }
            public void html(List<Code> codes, boolean withChildren) { files.saveAs("passages.html", "*.html", p -> model.queries().exportQuotes(codes, withChildren, p, notifierTold())); }
        };
    }

    private java.util.function.Consumer<Path> notifierTold() { return p -> notifier.told(i18n.t("status.exported", p)); }

    /** The menu bar and, on the same line, undo, redo and who is coding: one line of the screen, not two. */
    private Parent topBar() {
        MenuBar menus = menus(true);
        Button undo = new Button("↶");
        undo.setId("undoButton");
        undo.disableProperty().bind(model.canUndo.not());
        undo.setOnAction(e -> model.undo());
        undo.setTooltip(new Tooltip(i18n.t("menu.edit.undo") + " (Ctrl+Z)"));
        Button redo = new Button("↷");
        redo.setId("redoButton");
        redo.disableProperty().bind(model.canRedo.not());
        redo.setOnAction(e -> model.redo());
        redo.setTooltip(new Tooltip(i18n.t("menu.edit.redo") + " (Ctrl+Shift+Z)"));
        coderButton = new Button();
        coderButton.setId("coderButton");
        coderButton.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> i18n.t("coder.as", model.coder.get()), model.coder));
        coderButton.setTooltip(new Tooltip(i18n.t("coder.tip")));
        coderButton.setOnAction(e -> changeCoder());
        // a coder of a shared project codes under the name the project's owner gave the login
        coderButton.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> model.member.get() != null && model.member.get().coder() != null, model.member));
        for (Button b : List.of(undo, redo, coderButton)) b.getStyleClass().add("bar-button");
        HBox tools = new HBox(4, undo, redo, showingButton(), coderButton);
        tools.setAlignment(Pos.CENTER_RIGHT);
        tools.getStyleClass().add("top-tools");
        HBox bar = new HBox(menus, tools);
        HBox.setHgrow(menus, Priority.ALWAYS);
        bar.getStyleClass().add("top-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    /**
     * Whose codings are shown: everyone's, only mine (blind coding), or some coders' to compare.
     * The menu is built when it opens, from the coders there are then.
     */
    private javafx.scene.control.MenuButton showingButton() {
        javafx.scene.control.MenuButton showing = new javafx.scene.control.MenuButton();
        showing.setId("showingButton");
        showing.getStyleClass().add("bar-button");
        showing.setTooltip(new Tooltip(i18n.t("showing.tip")));
        showing.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> model.onlyMine.get() ? i18n.t("showing.mine")
                        : model.shownCoders.get().isEmpty() ? i18n.t("showing.everyone")
                        : i18n.t("showing.some", String.join(", ", new java.util.TreeSet<>(model.shownCoders.get()))),
                model.onlyMine, model.shownCoders));
        showing.setOnShowing(e -> {
            javafx.scene.control.ToggleGroup group = new javafx.scene.control.ToggleGroup();
            javafx.scene.control.RadioMenuItem everyone = new javafx.scene.control.RadioMenuItem(i18n.t("showing.menu.everyone"));
            everyone.setId("showEveryone");
            everyone.setToggleGroup(group);
            everyone.setSelected(!model.onlyMine.get() && model.shownCoders.get().isEmpty());
            everyone.setOnAction(x -> { model.onlyMine.set(false); model.shownCoders.set(java.util.Set.of()); });
            javafx.scene.control.RadioMenuItem mine = new javafx.scene.control.RadioMenuItem(i18n.t("showing.menu.mine"));
            mine.setId("showOnlyMine");
            mine.setToggleGroup(group);
            mine.setSelected(model.onlyMine.get());
            mine.setOnAction(x -> { model.shownCoders.set(java.util.Set.of()); model.onlyMine.set(true); });
            List<javafx.scene.control.MenuItem> items = new java.util.ArrayList<>(List.of(everyone, mine, new javafx.scene.control.SeparatorMenuItem()));
            javafx.scene.control.MenuItem compare = new javafx.scene.control.MenuItem(i18n.t("showing.menu.compare"));
            compare.setDisable(true);
            items.add(compare);
            for (String name : model.coders) {
                javafx.scene.control.CheckMenuItem c = new javafx.scene.control.CheckMenuItem(name);
                c.setSelected(!model.onlyMine.get() && model.shownCoders.get().contains(name));
                c.setOnAction(x -> {
                    java.util.Set<String> now = new java.util.TreeSet<>(model.onlyMine.get() ? java.util.Set.of() : model.shownCoders.get());
                    if (c.isSelected()) now.add(name); else now.remove(name);
                    model.onlyMine.set(false);
                    model.shownCoders.set(java.util.Set.copyOf(now));
                });
                items.add(c);
            }
            showing.getItems().setAll(items);
        });
        // a placeholder item so that the button opens; the real items are made as it opens
        showing.getItems().add(new javafx.scene.control.MenuItem(i18n.t("showing.menu.everyone")));
        return showing;
    }

    private StatusBar statusBar() {
        statusBar = new StatusBar();
        statusBar.setId("statusBar");
        Label statusText = new Label();
        statusText.setId("statusText");
        statusText.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> model.tasks.pending.get() > 0 && !model.tasks.message.get().isEmpty() ? model.tasks.message.get() + "…" : model.status.get(),
                model.status, model.tasks.pending, model.tasks.message));
        Fonts.byScript(statusText); // a status naming a value in traditional Mongolian shows it in its face
        statusBar.setText("");
        statusBar.setGraphic(statusText);
        statusBar.progressProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                () -> model.tasks.pending.get() == 0 || model.tasks.message.get().isEmpty() ? 0 : model.tasks.progress.get(),
                model.tasks.pending, model.tasks.progress, model.tasks.message));
        Label project = new Label();
        project.textProperty().bind(model.projectName);
        project.getStyleClass().add("project-name");
        // a shared project: who else is working, or that the server cannot be reached
        Label shared = new Label();
        shared.setId("sharedStatus");
        shared.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> model.sharedAddress.get() == null ? ""
                : model.serverAway.get() != null ? i18n.t("shared.away")
                : model.othersWorking.get().isEmpty() ? i18n.t("shared.alone") : i18n.t("shared.others", String.join(", ", model.othersWorking.get())),
                model.sharedAddress, model.serverAway, model.othersWorking));
        shared.styleProperty().bind(javafx.beans.binding.Bindings.when(model.serverAway.isNotNull())
                .then("-fx-text-fill: #b00020; -fx-font-weight: bold;").otherwise(""));
        // who this window is on the project, and whether the connection to the server is encrypted (TLS)
        Tooltip you = new Tooltip();
        you.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> java.util.stream.Stream.of(
                youAre(model.member.get()), model.connection.get()).filter(t -> t != null && !t.isEmpty())
                .collect(java.util.stream.Collectors.joining("\n")), model.member, model.connection));
        shared.setTooltip(you);
        shared.setPadding(new javafx.geometry.Insets(0, 14, 0, 0));
        statusBar.getRightItems().addAll(shared, project);
        return statusBar;
    }

    private MenuBar menus(boolean projectOpen) {
        return WorkbenchMenus.build(i18n, model, settings.recentProjects(), projectOpen, this);
    }

    private void keys(KeyEvent e) {
        if (workbench == null) return;
        if (transcript.recentCodeKey(e)) { e.consume(); return; }
        if (e.isShortcutDown() && !e.isShiftDown() && e.getCode() == javafx.scene.input.KeyCode.Y) { model.redo(); e.consume(); }
    }

    // ---- menu actions ------------------------------------------------------------------------

    @Override public void importDocuments() { files.importDocumentsDialog(); }
    @Override public void importFolder() { files.importFolderDialog(); }
    @Override public void importCodebook() { files.importCodebookDialog(); }
    @Override public void importQdpx() {
        if (files == null) files = new ImportExport(stage, model, i18n, notifier, this::openProject);
        files.importQdpxDialog();
    }
    @Override public void mergeProjects() { files.mergeDialog(); }
    @Override public void exportCodebook() { files.saveAs("codebook.qdc", "*.qdc", files::exportCodebook); }
    @Override public void exportQdpx() { files.saveAs(model.projectName.get() + ".qdpx", "*.qdpx", files::exportQdpx); }

    /** File › Backups…: the list, Back up now, Restore…. */
    @Override public void backups() {
        if (!model.isOpen()) return;
        backupsDialog = new BackupsDialog(stage, model, i18n, notifier);
        backupsDialog.show();
    }

    /**
     * A project SQLite found damaged was not opened (nor written to): says what is wrong and offers
     * the newest good backup, which is restored (a copy of the damaged file is kept) and opened.
     */
    void damaged(DamagedProjectException d) {
        notifier.last.set(d.getMessage());
        Alert a;
        if (d.backup() == null) {
            a = new Alert(Alert.AlertType.ERROR, i18n.t("damaged.noBackup", d.problem()), ButtonType.OK);
        } else {
            ButtonType restore = new ButtonType(i18n.t("damaged.restore"), javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
            a = new Alert(Alert.AlertType.WARNING, i18n.t("damaged.text", d.problem(), org.tamga.core.Backups.local(d.backupMade()),
                    d.backupDocuments(), d.backupCodings()), restore, ButtonType.CANCEL);
            a.resultProperty().addListener((o, was, chosen) -> {
                if (chosen == restore) { saveLayout(); model.restoreAndOpen(d.file(), d.backup(), this::opened); }
            });
        }
        a.setTitle(i18n.t("damaged.title"));
        a.setHeaderText(i18n.t("damaged.header", d.file().getFileName()));
        a.getDialogPane().setId("damagedDialog");
        if (stage.isShowing()) a.initOwner(stage);
        a.show();
    }


    @Override public void find() {
        if (workbench == null) return;
        workbench.setCollapsed(Workbench.Pane.BOTTOM, false);
        workbench.tabs.getSelectionModel().select(0);
        workbench.search.query.requestFocus();
        workbench.search.query.selectAll();
    }

    @Override public void applySelectedCode() {
        Code c = workbench == null ? null : workbench.codebook.selected();
        if (c == null) notifier.refused(i18n.t("refusal.noCode")); else transcript.applyToSelection(c);
    }

    @Override public void inVivo() { transcript.inVivo(); }
    @Override public void newCode(boolean child) { dialogs.newCode(child ? workbench.codebook.selected() : null); }
    @Override public void toggle(Workbench.Pane pane) { if (workbench != null) workbench.toggle(pane); }
    @Override public boolean collapsed(Workbench.Pane pane) { return workbench != null && workbench.isCollapsed(pane); }

    /** Help › Copy diagnostics: the report goes to the clipboard, to paste into a bug report. */
    @Override public void copyDiagnostics() {
        String version = MainWindow.class.getPackage().getImplementationVersion();
        model.diagnostics(System.getProperty("javafx.runtime.version"), version == null ? "(development build)" : version, report -> {
            javafx.scene.input.ClipboardContent content = new javafx.scene.input.ClipboardContent();
            content.putString(report);
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
            notifier.told(i18n.t("status.diagnostics", Diagnostics.logFile(Diagnostics.logFolder())));
        });
    }

    @Override public void about() {
        Alert a = new Alert(Alert.AlertType.INFORMATION, i18n.t("about.text"), ButtonType.OK);
        a.setHeaderText(i18n.t("app.title"));
        a.initOwner(stage);
        a.show();
    }

    /** Uses a language from the start, without keeping it as a setting (tests, command-line choice). */
    void switchLanguageQuietly(Locale locale) {
        i18n = new I18n(locale);
        model.setI18n(i18n);
        notifier.setI18n(i18n);
    }

    /** Switches the window's language at once, keeping the workbench as it is (the setting is kept for the next start). */
    @Override public void switchLanguage(Locale locale) {
        settings.setLanguage(locale);
        Workbench.State state = workbench == null ? null : workbench.capture();
        List<Code> retrieved = workbench == null ? List.of() : workbench.retrieval.current();
        String codeGuid = workbench == null || workbench.codebook.selected() == null ? null : workbench.codebook.selected().guid();
        int[] selection = workbench == null ? null : workbench.transcript.selection();
        switchLanguageQuietly(locale);
        if (state == null) { setRoot(welcomeRoot()); return; }
        setRoot(workbenchRoot(state));
        if (codeGuid != null) model.codebook.get().byGuid(codeGuid).ifPresent(workbench.codebook::select);
        if (!retrieved.isEmpty()) workbench.retrieve(retrieved);
        ProjectModel.OpenDocument od = model.openDocument.get();
        if (od != null) {
            workbench.documents.select(od.document());
            if (selection[1] > selection[0]) Platform.runLater(() -> workbench.transcript.select(selection[0], selection[1]));
        }
    }

    // ---- who is coding -----------------------------------------------------------------------

    /** The first run asks who is coding (prefilled with the system's user name); never blank afterwards. */
    void askCoderFirstTime() {
        askCoder(i18n.t("coder.first"));
        settings.setCoderConfirmed();
    }

    /** "You are liwei, a coder of this shared project (coding as 李伟)." — or nothing for a project file. */
    private String youAre(org.tamga.model.Member m) {
        if (m == null) return "";
        String role = switch (m.role()) {
            case OWNER -> i18n.t("role.owner");
            case CODER -> i18n.t("role.coder", m.coder());
            case READER -> i18n.t("role.reader");
        };
        return i18n.t("shared.you", m.login(), role);
    }

    @Override public void changeCoder() {
        org.tamga.model.Member m = model.member.get();
        if (m != null && m.coder() != null) {
            model.refuse(i18n.t("coder.bound", m.coder()));
            return;
        }
        askCoder(i18n.t("coder.change"));
    }

    private void askCoder(String header) {
        ComboBox<String> name = new ComboBox<>(model.coders);
        name.setId("coderName");
        name.setEditable(true);
        name.getEditor().setText(model.coder.get());
        TextFields.bindAutoCompletion(name.getEditor(), model.coders);
        Dialog<String> d = new Dialog<>();
        d.setTitle(i18n.t("coder.title"));
        d.setHeaderText(header);
        d.getDialogPane().setContent(new VBox(6, new Label(i18n.t("coder.prompt")), name));
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        d.setResultConverter(b -> b == ButtonType.OK ? name.getEditor().getText() : null);
        d.initOwner(stage);
        d.showAndWait().map(String::strip).filter(s -> !s.isEmpty()).ifPresent(model.coder::set);
    }
}
