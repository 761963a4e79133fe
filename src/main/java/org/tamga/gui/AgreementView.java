package org.tamga.gui;

import javafx.collections.ListChangeListener;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.controlsfx.control.CheckComboBox;
import org.tamga.core.AgreementService;
import org.tamga.core.AgreementUnit;
import org.tamga.model.Code;
import org.tamga.report.AgreementReport;
import org.tamga.report.AgreementWriter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The Agreement view: how far the chosen coders agree, per code and over all codes (or per
 * document), on the chosen unit — percent agreement, Cohen's κ, Fleiss' κ, Krippendorff's α and
 * its unitized form, the numbers the core computes and {@code tamga agreement} writes. Whose
 * codings are compared is chosen here, not by the window's "Showing" choice; the documents and the
 * speaker follow the Analysis area's limits. Double-clicking a code lists where its first two
 * coders differ.
 */
final class AgreementView {
    /** Where exports go, and where a code's disagreements are listed. */
    interface Actions {
        void export(AgreementReport report, AgreementWriter.Table table, String format);
        void disagreements(List<String> coders, Code code);
    }

    final BorderPane root = new BorderPane();
    final CheckComboBox<String> coders = new CheckComboBox<>();
    final ComboBox<AgreementUnit> unit = new ComboBox<>();
    final ComboBox<AgreementService.Coverage> coverage = new ComboBox<>();
    final CheckBox children;
    final ComboBox<AgreementWriter.Table> rows = new ComboBox<>();
    final TableView<AgreementReport.Row> table = new TableView<>();
    final Label summary = new Label();
    private final TableColumn<AgreementReport.Row, String> documentColumn;
    private final ProjectModel model;
    private final I18n i18n;
    private final Actions actions;
    private AgreementReport report;
    private boolean offering;

    AgreementView(ProjectModel model, I18n i18n, Actions actions) {
        this.model = model;
        this.i18n = i18n;
        this.actions = actions;
        coders.setId("agreementCoders");
        unit.setId("agreementUnit");
        unit.getItems().setAll(AgreementUnit.values());
        unit.setConverter(Controls.converter(u -> i18n.t("agreement.unit." + u.label())));
        unit.setValue(AgreementUnit.CHARACTER);
        coverage.setId("agreementCoverage");
        coverage.getItems().setAll(AgreementService.Coverage.values());
        coverage.setConverter(Controls.converter(c -> i18n.t("agreement.coverage." + c.label())));
        coverage.setValue(AgreementService.Coverage.WHOLE);
        Label coverageLabel = new Label(i18n.t("agreement.coverage"));
        HBox coverageBox = new HBox(6, coverageLabel, coverage);
        coverageBox.visibleProperty().bind(unit.valueProperty().isEqualTo(AgreementUnit.TURN).or(unit.valueProperty().isEqualTo(AgreementUnit.PARAGRAPH)));
        coverageBox.managedProperty().bind(coverageBox.visibleProperty());
        children = new CheckBox(i18n.t("analysis.withChildren"));
        children.setId("agreementChildren");
        rows.setId("agreementRows");
        rows.getItems().setAll(AgreementWriter.Table.values());
        rows.setConverter(Controls.converter(t -> i18n.t(t == AgreementWriter.Table.BY_CODE ? "agreement.rows.code" : "agreement.rows.document")));
        rows.setValue(AgreementWriter.Table.BY_CODE);

        coders.getCheckModel().getCheckedItems().addListener((ListChangeListener<String>) c -> { if (!offering) refresh(); });
        unit.valueProperty().addListener((o, a, b) -> refresh());
        coverage.valueProperty().addListener((o, a, b) -> refresh());
        children.selectedProperty().addListener((o, a, b) -> refresh());
        rows.valueProperty().addListener((o, a, b) -> show(report));

        MenuButton export = Controls.exportMenu(i18n, "agreementExport",
                Controls.item(i18n, "analysis.exportCsv", () -> actions.export(report, rows.getValue(), "csv")),
                Controls.item(i18n, "agreement.exportTsv", () -> actions.export(report, rows.getValue(), "tsv")),
                Controls.item(i18n, "analysis.exportXlsx", () -> actions.export(report, rows.getValue(), "xlsx")));

        table.setId("agreementTable");
        table.setPlaceholder(new Label(i18n.t("agreement.chooseCoders")));
        documentColumn = Controls.column(i18n.t("agreement.col.document"), r -> r.document() == null ? "" : r.document(), 170);
        List<TableColumn<AgreementReport.Row, ?>> columns = new ArrayList<>();
        columns.add(documentColumn);
        columns.add(Controls.<AgreementReport.Row, String>column(i18n.t("agreement.col.code"), AgreementReport.Row::code, 200));
        columns.add(Controls.<AgreementReport.Row, Long>column(i18n.t("agreement.col.units"), r -> r.values().units(), 60));
        columns.add(number(i18n.t("agreement.col.percent"), v -> v.percentAgreement() == null ? null : v.percentAgreement() * 100, 1, "%"));
        columns.add(number(i18n.t("agreement.col.cohen"), AgreementReport.Values::cohenKappa, 3, ""));
        columns.add(number(i18n.t("agreement.col.fleiss"), AgreementReport.Values::fleissKappa, 3, ""));
        columns.add(number(i18n.t("agreement.col.alpha"), AgreementReport.Values::krippendorffAlpha, 3, ""));
        columns.add(number(i18n.t("agreement.col.alphaU"), AgreementReport.Values::krippendorffAlphaUnitized, 3, ""));
        columns.add(Controls.<AgreementReport.Row, String>column(i18n.t("agreement.col.note"), r -> r.values().note(), 260));
        table.getColumns().setAll(columns);
        table.setRowFactory(t -> {
            TableRow<AgreementReport.Row> row = new TableRow<>() {
                @Override protected void updateItem(AgreementReport.Row item, boolean empty) {
                    super.updateItem(item, empty);
                    pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("total"), !empty && item != null && item.allCodes());
                    setTooltip(empty || item == null || item.values().note().isEmpty() ? null : new Tooltip(item.values().note()));
                }
            };
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) disagreementsOf(row.getItem());
            });
            return row;
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER) disagreementsOf(table.getSelectionModel().getSelectedItem());
        });

        summary.setId("agreementSummary");
        summary.setWrapText(true);
        summary.setPadding(new javafx.geometry.Insets(0, 6, 4, 6));
        VBox top = new VBox(Controls.bar(new HBox(6, new Label(i18n.t("agreement.coders")), coders),
                new HBox(6, new Label(i18n.t("agreement.unit")), unit), coverageBox, children,
                new HBox(6, new Label(i18n.t("agreement.rows")), rows), export), summary);
        root.setTop(top);
        root.setCenter(table);
        VBox.setVgrow(table, Priority.ALWAYS);
        root.setId("agreementView");
    }

    /** A column of a coefficient, rounded for reading; empty where it does not apply. */
    private TableColumn<AgreementReport.Row, String> number(String title, Function<AgreementReport.Values, Double> value, int decimals, String suffix) {
        TableColumn<AgreementReport.Row, String> c = Controls.column(title, r -> format(value.apply(r.values()), decimals, suffix), 82);
        c.setComparator((x, y) -> Double.compare(parse(x), parse(y)));
        c.setStyle("-fx-alignment: CENTER-RIGHT;");
        return c;
    }

    static String format(Double v, int decimals, String suffix) {
        return v == null || v.isNaN() ? "" : String.format(Locale.ROOT, "%." + decimals + "f", v) + suffix;
    }

    private static double parse(String s) {
        if (s == null || s.isEmpty()) return Double.NEGATIVE_INFINITY;
        return Double.parseDouble(s.endsWith("%") ? s.substring(0, s.length() - 1) : s);
    }

    private void disagreementsOf(AgreementReport.Row row) {
        if (row == null || report == null || report.coders().size() < 2) return;
        Code code = row.allCodes() ? null : model.codebook.get().byGuid(row.codeGuid()).orElse(null);
        actions.disagreements(report.coders(), code);
    }

    /** The coders there are, keeping the choice; the first time, all of them. */
    private void offerCoders() {
        List<String> names = new ArrayList<>(model.coderNames.get().values());
        names.sort(String.CASE_INSENSITIVE_ORDER);
        if (names.equals(coders.getItems())) return;
        offering = true;
        try {
            boolean first = coders.getItems().isEmpty();
            List<String> checked = new ArrayList<>(coders.getCheckModel().getCheckedItems());
            coders.getCheckModel().clearChecks();
            coders.getItems().setAll(names);
            for (String n : names) if (first || checked.contains(n)) coders.getCheckModel().check(n);
        } finally {
            offering = false;
        }
    }

    /** The coders ticked, in the list's order. */
    List<String> chosenCoders() {
        return coders.getItems().stream().filter(n -> coders.getCheckModel().isChecked(n)).toList();
    }

    /** Computes agreement for the coders, unit and limits chosen. */
    void refresh() {
        if (!model.isOpen()) return;
        offerCoders();
        List<String> who = chosenCoders();
        if (who.size() < 2) {
            report = null;
            table.getItems().clear();
            summary.setText(i18n.t("agreement.chooseCoders"));
            return;
        }
        model.queries().agreement(who, unit.getValue(), coverage.getValue(), children.isSelected(), this::show);
    }

    private void show(AgreementReport r) {
        report = r;
        if (r == null) { table.getItems().clear(); return; }
        boolean byDocument = rows.getValue() == AgreementWriter.Table.BY_DOCUMENT;
        documentColumn.setVisible(byDocument);
        table.getItems().setAll(byDocument ? r.byDocument() : r.byCode());
        AgreementReport.Values all = r.overall().values();
        summary.setText(i18n.t("agreement.summary", String.join(", ", r.coders()), r.documents(), unit.getConverter().toString(unit.getValue()),
                dash(format(all.percentAgreement() == null ? null : all.percentAgreement() * 100, 1, "%")),
                dash(format(all.cohenKappa(), 3, "")), dash(format(all.krippendorffAlpha(), 3, "")),
                dash(format(all.krippendorffAlphaUnitized(), 3, ""))));
    }

    private static String dash(String s) { return s.isEmpty() ? "\u2013" : s; }

    AgreementReport report() { return report; }

    /** Chooses the coders to compare (from a double-click elsewhere, or a test). */
    void choose(List<String> names) {
        offerCoders();
        offering = true;
        try {
            coders.getCheckModel().clearChecks();
            for (String n : names) if (coders.getItems().contains(n)) coders.getCheckModel().check(n);
        } finally {
            offering = false;
        }
        refresh();
    }
}
