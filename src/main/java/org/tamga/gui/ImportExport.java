package org.tamga.gui;

import javafx.concurrent.Task;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextArea;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import org.controlsfx.control.TaskProgressView;
import org.tamga.core.CodingService;
import org.tamga.core.ImportReport;
import org.tamga.core.ImportService;
import org.tamga.core.QdpxImportReport;
import org.tamga.report.FrequencyReport;
import org.tamga.report.ReportWriter;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Files in and out of the open project: importing documents (with a task view showing each file
 * and a Cancel button), codebooks and REFI-QDA projects, and every export. All of it runs in the
 * background; the window stays usable and says when it is done.
 */
final class ImportExport {
    /** Long imports, each with its progress and a cancel button (shown while there are any). */
    final TaskProgressView<Task<?>> imports = new TaskProgressView<>();
    private final Stage stage;
    private final ProjectModel model;
    private final I18n i18n;
    private final Notifier notifier;
    private final Consumer<Path> openProject;

    ImportExport(Stage stage, ProjectModel model, I18n i18n, Notifier notifier, Consumer<Path> openProject) {
        this.stage = stage;
        this.model = model;
        this.i18n = i18n;
        this.notifier = notifier;
        this.openProject = openProject;
        imports.setId("importTasks");
        imports.setPrefHeight(90);
        imports.managedProperty().bind(imports.visibleProperty());
        imports.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(imports.getTasks()));
    }

    // ---- import ------------------------------------------------------------------------------

    void importDocumentsDialog() {
        FileChooser chooser = new FileChooser();
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(i18n.t("import.transcripts"),
                ImportService.EXTENSIONS.stream().map(e -> "*." + e).toList()));
        List<File> files = chooser.showOpenMultipleDialog(stage);
        if (files != null) importPaths(files.stream().map(File::toPath).toList(), null);
    }

    void importFolderDialog() {
        File dir = new DirectoryChooser().showDialog(stage);
        if (dir != null) importPaths(List.of(dir.toPath()), null);
    }

    /**
     * The progress of one import in the task view: a JavaFX task that mirrors what the import
     * tells, so that the view's Cancel button stops the import between files.
     */
    static final class ImportTask extends Task<Void> {
        ImportTask(String title) { updateTitle(title); }
        @Override protected Void call() { return null; }
        void show(double done, double total, String message) { updateProgress(done, total); updateMessage(message); }
    }

    /** Imports files and folders in the background; a summary lists every file that failed and why. */
    void importPaths(List<Path> paths, Consumer<ImportReport> then) {
        ImportTask view = new ImportTask(i18n.t("import.title", paths.size() == 1 ? paths.getFirst().getFileName() : paths.size()));
        imports.getTasks().add(view);
        TaskExecutor.Handle handle = model.documents().importFiles(paths, report -> {
            imports.getTasks().remove(view);
            showImportSummary(report);
            if (then != null) then.accept(report);
        });
        // the task view shows the executor's progress while this import runs, and its Cancel stops it
        javafx.beans.value.ChangeListener<Object> follow = (o, a, b) -> view.show(model.tasks.progress.get() < 0 ? -1 : model.tasks.progress.get(), 1, model.tasks.message.get());
        model.tasks.progress.addListener(follow);
        model.tasks.message.addListener(follow);
        view.stateProperty().addListener((o, a, state) -> { if (state == javafx.concurrent.Worker.State.CANCELLED) handle.cancel(); });
        model.tasks.pending.addListener(new javafx.beans.value.ChangeListener<>() {
            @Override public void changed(javafx.beans.value.ObservableValue<? extends Number> o, Number a, Number b) {
                if (b.intValue() == 0 || !imports.getTasks().contains(view)) {
                    imports.getTasks().remove(view);
                    model.tasks.progress.removeListener(follow);
                    model.tasks.message.removeListener(follow);
                    model.tasks.pending.removeListener(this);
                }
            }
        });
    }

    private void showImportSummary(ImportReport r) {
        String summary = model.documents().summary(r);
        if (r.failures().isEmpty() && r.skipped().isEmpty()) { notifier.told(summary); return; }
        Alert a = new Alert(r.failures().isEmpty() ? Alert.AlertType.INFORMATION : Alert.AlertType.WARNING);
        a.setHeaderText(i18n.t("import.done"));
        a.setContentText(summary);
        List<String> lines = new ArrayList<>();
        if (!r.failures().isEmpty()) lines.add(i18n.t("import.failed"));
        for (ImportReport.Failure f : r.failures()) lines.add("• " + f.file().getFileName() + ": " + f.reason());
        for (ImportReport.Skipped s : r.skipped()) lines.add("– " + s.file().getFileName() + ": " + s.reason());
        for (var d : r.imported()) lines.add("✓ " + d.name() + " (" + r.describe(d) + ")");
        details(a, lines);
        a.initOwner(stage);
        a.show();
    }

    private static void details(Alert a, List<String> lines) {
        TextArea details = new TextArea(String.join("\n", lines));
        details.setEditable(false);
        details.setWrapText(true);
        a.getDialogPane().setExpandableContent(details);
        a.getDialogPane().setExpanded(true);
    }

    void importCodebookDialog() {
        FileChooser chooser = new FileChooser();
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(i18n.t("file.codebook"), "*.qdc"));
        File f = chooser.showOpenDialog(stage);
        if (f == null) return;
        model.codes().importQdc(f.toPath(), r -> {
            String text = i18n.t("codebook.imported", r.added(), r.unchanged(), r.conflicts().size());
            model.status.set(text);
            if (r.conflicts().isEmpty()) { notifier.told(text); return; }
            Alert a = new Alert(Alert.AlertType.INFORMATION, text, ButtonType.OK);
            a.setHeaderText(f.getName());
            details(a, r.conflicts());
            a.initOwner(stage);
            a.show();
        });
    }

    /** Asks for a .qdpx and a new project file, imports in the background, opens the result and shows the report. */
    void importQdpxDialog() {
        FileChooser source = new FileChooser();
        source.getExtensionFilters().add(new FileChooser.ExtensionFilter(i18n.t("file.qdpx"), "*.qdpx"));
        File qdpx = source.showOpenDialog(stage);
        if (qdpx == null) return;
        FileChooser target = new FileChooser();
        target.setInitialFileName(qdpx.getName().replaceFirst("(?i)\\.qdpx$", "") + ".tamga");
        target.getExtensionFilters().add(new FileChooser.ExtensionFilter(i18n.t("file.project"), "*.tamga"));
        File project = target.showSaveDialog(stage);
        if (project == null) return;
        model.queries().work(i18n.t("task.importQdpx", qdpx.getName()),
                p -> org.tamga.core.ExchangeService.importQdpx(qdpx.toPath(), project.toPath()), this::qdpxImported);
    }

    private void qdpxImported(QdpxImportReport report) {
        openProject.accept(report.project());
        List<String> lines = new ArrayList<>();
        lines.add(report.positions());
        lines.addAll(report.adjusted());
        lines.addAll(report.skipped());
        lines.addAll(report.warnings());
        Alert a = new Alert(Alert.AlertType.INFORMATION, i18n.t("qdpx.imported", report.file(), report.documents(), report.codes(),
                report.codings(), report.coders()), ButtonType.OK);
        details(a, lines);
        a.setHeaderText(null);
        a.initOwner(stage);
        a.show();
    }

    // ---- merging copies of the project -----------------------------------------------------

    /** File › Merge…: asks for one or more copies of the project, then {@link #mergePaths}. */
    void mergeDialog() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(i18n.t("merge.choose"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(i18n.t("file.project"), "*.tamga"));
        List<File> files = chooser.showOpenMultipleDialog(stage);
        if (files != null && !files.isEmpty()) mergePaths(files.stream().map(File::toPath).toList());
    }

    /**
     * Merges copies of the open project: first a dry run in the background, whose counts and
     * conflicts a dialog shows; OK merges (in the background; the window then shows the merged
     * project), Cancel leaves everything as it is. When the project already has everything, the
     * dialog only says so.
     */
    void mergePaths(List<Path> sources) {
        model.merge(sources, true, dry -> {
            Alert a = new Alert(dry.changed() ? Alert.AlertType.CONFIRMATION : Alert.AlertType.INFORMATION);
            a.getDialogPane().setId("mergeDialog");
            a.setTitle(i18n.t("merge.title"));
            a.setHeaderText(dry.changed() ? i18n.t("merge.confirm", names(sources), model.projectName.get())
                    : i18n.t("merge.nothing", model.projectName.get()));
            a.setContentText(summary(dry));
            if (!dry.conflicts().isEmpty()) {
                details(a, conflictLines(dry));
                a.getDialogPane().getExpandableContent().setId("mergeConflicts");
            }
            a.initOwner(stage);
            a.setOnHidden(e -> {
                if (dry.changed() && a.getResult() == ButtonType.OK) model.merge(sources, false, this::merged);
            });
            a.show();
        });
    }

    private void merged(org.tamga.core.MergeReport r) {
        String text = r.changed() ? i18n.t("merge.done", added(r), r.conflicts().size(), r.backup() == null ? "" : r.backup().getFileName().toString())
                : i18n.t("merge.nothing", model.projectName.get());
        model.status.set(text);
        notifier.told(text);
    }

    private static String names(List<Path> sources) {
        return String.join(", ", sources.stream().map(p -> p.getFileName().toString()).toList());
    }

    private static int added(org.tamga.core.MergeReport r) {
        return r.sources().stream().mapToInt(s -> s.tallies().values().stream().mapToInt(org.tamga.core.MergeReport.Tally::added).sum()).sum();
    }

    /** Per copy, what it would add and what the project has already; then how many conflicts. */
    private String summary(org.tamga.core.MergeReport r) {
        List<String> lines = new ArrayList<>();
        for (org.tamga.core.MergeReport.Source s : r.sources()) {
            lines.add(s.file().getFileName() + ":");
            for (org.tamga.core.MergeReport.Kind k : org.tamga.core.MergeReport.Kind.values()) {
                org.tamga.core.MergeReport.Tally t = s.tally(k);
                if (t.added() + t.already() > 0) lines.add("  " + i18n.t("merge.kind." + k.name().toLowerCase(java.util.Locale.ROOT), t.added(), t.already()));
            }
        }
        lines.add(i18n.t("merge.conflicts", r.conflicts().size()));
        return String.join("\n", lines);
    }

    private static List<String> conflictLines(org.tamga.core.MergeReport r) {
        return r.conflicts().stream().map(c -> "• " + c.kind().word() + ": " + c.item() + " — kept: " + c.kept() + "; other: " + c.other()
                + " (" + c.source() + ")").toList();
    }

    // ---- export ------------------------------------------------------------------------------

    /** Asks where to write, then writes in the background. */
    void saveAs(String suggested, String pattern, Consumer<Path> write) {
        FileChooser chooser = new FileChooser();
        chooser.setInitialFileName(suggested);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(pattern, pattern));
        File f = chooser.showSaveDialog(stage);
        if (f != null) write.accept(f.toPath());
    }

    /** Agreement as shown, as CSV, TSV or XLSX ({@code format}), written in the background. */
    void exportAgreement(org.tamga.report.AgreementReport report, org.tamga.report.AgreementWriter.Table table, String format, Path file) {
        write(file, x -> {
            switch (format) {
                case "xlsx" -> org.tamga.report.AgreementWriter.xlsx(report, table, file);
                case "tsv" -> org.tamga.report.AgreementWriter.tsv(report, table, file);
                default -> org.tamga.report.AgreementWriter.csv(report, table, file);
            }
            return file;
        });
    }

    void exportCodebook(Path file) {
        model.queries().export(file, s -> { s.codebook().exportQdc(file); return file; }, p -> notifier.told(i18n.t("status.exported", p)));
    }

    void exportQdpx(Path file) {
        model.queries().export(file, s -> s.exchange().exportQdpx(file), p -> notifier.told(i18n.t("status.exported", p)));
    }

    /** The frequency report as it is shown (its rows were read already): written off the JavaFX thread. */
    void exportFrequencies(FrequencyReport report, Path file, boolean xlsx) {
        model.queries().work(i18n.t("task.export", file.getFileName()), p -> {
            if (xlsx) ReportWriter.xlsx(report, ReportWriter.Table.FREQUENCIES, file);
            else ReportWriter.csv(report, ReportWriter.Table.FREQUENCIES, file);
            return file;
        }, this::written);
    }

    void exportSegmentsCsv(List<CodingService.Segment> segments, Path file) {
        model.queries().work(i18n.t("task.export", file.getFileName()), p -> {
            List<List<Object>> rows = new ArrayList<>();
            rows.add(List.of("document", "start", "end", "code", "coder", "text", "memo"));
            for (CodingService.Segment s : segments) {
                rows.add(List.of(s.document().name(), s.coding().start(), s.coding().end(), s.code().name(), s.coder(), s.text(),
                        s.coding().memo() == null ? "" : s.coding().memo()));
            }
            ReportWriter.csvRows(rows, file);
            return file;
        }, this::written);
    }

    /** Writes something the window has already drawn or read (a chart image) in the background. */
    void write(Path file, TaskExecutor.Work<?> work) {
        model.queries().work(i18n.t("task.export", file.getFileName()), p -> { work.run(p); return file; }, this::written);
    }

    private void written(Path file) {
        String text = i18n.t("status.exported", file.toString());
        model.status.set(text);
        notifier.told(text);
    }
}
