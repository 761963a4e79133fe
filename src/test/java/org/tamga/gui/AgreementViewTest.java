package org.tamga.gui;

import javafx.scene.control.ListCell;
import javafx.scene.control.TableRow;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.tamga.core.AgreementService;
import org.tamga.core.AgreementUnit;
import org.tamga.core.ProjectSession;
import org.tamga.core.Scope;
import org.tamga.model.Coding;
import org.tamga.report.AgreementReport;
import org.tamga.report.AgreementWriter;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The Agreement and Disagreements views on the sample project, whose two coders (Saran and Li
 * Wei) coded the same interviews differently: the numbers are the core's for the coders, unit and
 * rows chosen; a code's disagreements open the transcript with both coders' codings shown (also
 * while coding blind), side by side; keeping one version is one undo step; a memo stays with its
 * passage.
 */
@ExtendWith(ApplicationExtension.class)
class AgreementViewTest {
    @TempDir static Path dir;
    WindowFixture w;

    @Start
    void start(Stage stage) { w = new WindowFixture(stage, dir, true); }

    private AnalysisPane analysis() { return w.workbench().analysis; }

    private void view(FxRobot robot, int index) {
        w.tab(robot, "Analysis");
        robot.interact(() -> analysis().views.getSelectionModel().select(index));
        w.drain();
    }

    /** What the core says, read through a second session on the same file. */
    private AgreementReport expected(AgreementUnit unit) {
        try (ProjectSession s = ProjectSession.open(w.model.projectFile.get(), dir.resolve("second-cache"))) {
            return s.agreement().agreement(new AgreementService.Request(new Scope(List.of("Li Wei", "Saran"), List.of(), null),
                    List.of(), false, unit, null));
        }
    }

    @Test
    void agreementOfTheTwoCodersIsTheCoresForTheUnitAndRowsChosen(FxRobot robot) {
        w.openSample(robot);
        view(robot, 3);
        AgreementView v = analysis().agreement;
        assertEquals(List.of("Li Wei", "Saran"), v.chosenCoders(), "every coder of the project is ticked at first");
        AgreementReport shown = v.report();
        assertNotNull(shown, "computed when the view opens");
        assertEquals(expected(AgreementUnit.CHARACTER), shown);
        assertEquals(shown.byCode(), v.table.getItems());
        assertEquals(AgreementReport.ALL_CODES, v.table.getItems().getLast().code(), "the last row is over all codes");
        assertTrue(v.summary.getText().startsWith("Li Wei, Saran · 6 documents · Characters · over all codes: "
                + AgreementView.format(shown.overall().values().percentAgreement() * 100, 1, "%")), v.summary.getText());
        assertTrue(v.summary.getText().contains("Cohen’s κ " + AgreementView.format(shown.overall().values().cohenKappa(), 3, "")), v.summary.getText());

        // documents as units
        robot.interact(() -> v.unit.setValue(AgreementUnit.DOCUMENT));
        w.drain();
        assertEquals(expected(AgreementUnit.DOCUMENT), v.report());
        assertEquals("document", v.report().unit());

        // per document
        robot.interact(() -> v.rows.setValue(AgreementWriter.Table.BY_DOCUMENT));
        w.drain();
        assertEquals(v.report().byDocument(), v.table.getItems());
        assertTrue(v.table.getColumns().getFirst().isVisible(), "the document column shows");
        assertTrue(v.table.getItems().stream().map(AgreementReport.Row::document).collect(Collectors.toSet()).contains("访谈01_牧民_巴特尔"));

        // exported as shown: the document rows, read back
        Path tsv = dir.resolve("一致性 agreement.tsv");
        AgreementReport perDocument = v.report();
        robot.interact(() -> w.window.files.exportAgreement(perDocument, AgreementWriter.Table.BY_DOCUMENT, "tsv", tsv));
        w.drain();
        List<String> lines = readLines(tsv);
        assertTrue(lines.getFirst().startsWith("document\tcode\tcoders\tunit\tunits\tpercent_agreement\tcohen_kappa"), lines.getFirst());
        assertEquals(perDocument.byDocument().size() + 1, lines.size());

        // one coder is no comparison
        robot.interact(() -> v.coders.getCheckModel().clearCheck("Li Wei"));
        w.drain();
        assertNull(v.report());
        assertTrue(v.table.getItems().isEmpty());
        assertEquals("Tick two or more coders to compare.", v.summary.getText());
    }

    @Test
    void aCodesDisagreementsOpenSideBySideAndOneVersionIsKeptInOneUndoStep(FxRobot robot) {
        w.openSample(robot);
        robot.interact(() -> w.model.onlyMine.set(true)); // coding blind: the others' codings hidden
        w.drain();
        view(robot, 3);
        AgreementView v = analysis().agreement;
        int row = -1;
        for (int i = 0; i < v.table.getItems().size(); i++) if (v.table.getItems().get(i).code().startsWith("Ecological knowledge")) row = i;
        assertTrue(row >= 0);
        int chosen = row;
        robot.interact(() -> v.table.scrollTo(chosen));
        w.layout();
        TableRow<?> cell = robot.lookup("#agreementTable .table-row-cell").match((TableRow<?> r) -> r.getIndex() == chosen && r.getItem() != null).query();
        robot.clickOn(cell).type(KeyCode.ENTER); // as a double-click does; two clicks can be too far apart on a loaded machine
        w.drain();

        DisagreementsView d = analysis().disagreements;
        assertEquals(AnalysisPane.DISAGREEMENTS, analysis().views.getSelectionModel().getSelectedIndex(), "Enter (or a double-click) lists the code's disagreements");
        assertEquals("Li Wei", d.coderA.getValue());
        assertEquals("Saran", d.coderB.getValue());
        assertTrue(d.code.getValue().name().startsWith("Ecological knowledge"));
        List<AgreementService.Disagreement> listed = List.copyOf(d.list.getItems());
        assertFalse(listed.isEmpty());
        assertTrue(listed.stream().allMatch(x -> x.code().name().startsWith("Ecological knowledge")), "only that code's passages");
        assertTrue(d.title.getText().endsWith("where Li Wei and Saran differ"), d.title.getText());

        // Dorj's grey wormwood: coded by Saran only
        int dorj = -1;
        for (int i = 0; i < listed.size(); i++) if (listed.get(i).text().contains("grey wormwood")) dorj = i;
        assertTrue(dorj >= 0, listed.toString());
        AgreementService.Disagreement passage = listed.get(dorj);
        assertEquals(AgreementService.Kind.ONLY_B, passage.kind());
        int at = dorj;
        robot.interact(() -> d.list.scrollTo(at));
        w.layout();
        ListCell<?> item = robot.lookup("#disagreementsList .list-cell").match((ListCell<?> c) -> c.getIndex() == at && c.getItem() != null).query();
        robot.clickOn(item);
        w.drain();

        // the transcript there, with both coders' codings shown although only mine were
        assertEquals("interview05_herder_family_Dorj", w.workbench().transcript.shown().document().name());
        assertEquals(List.of(passage.start(), passage.end()), List.of(w.workbench().transcript.selection()[0], w.workbench().transcript.selection()[1]));
        assertEquals(Set.of("Li Wei", "Saran"), w.model.visibleCoders());
        assertTrue(w.model.openDocument.get().codings().stream().anyMatch(c -> c.start() == passage.start() && c.end() == passage.end()),
                "Saran's coding of the passage is in the transcript");

        // side by side: Li Wei did not code it, Saran coded all of it
        assertEquals("Li Wei: not coded", d.versionATitle.getText());
        assertEquals("Saran: coded " + passage.start() + "–" + passage.end(), d.versionBTitle.getText());
        assertEquals(passage.text(), texts(d.versionA, null));
        assertEquals("", texts(d.versionA, "version-coded"));
        assertEquals(passage.text(), texts(d.versionB, "version-coded"));
        assertEquals("Keep Saran’s version", d.keepB.getText());

        // keep Saran's version: Li Wei now has it too; the passage leaves the list; one undo brings it back
        long liWeiBefore = codingsOf("Li Wei", passage);
        robot.clickOn("#keepB");
        w.drain();
        assertEquals(liWeiBefore + 1, codingsOf("Li Wei", passage));
        assertEquals(listed.size() - 1, d.list.getItems().size());
        assertTrue(d.list.getItems().stream().noneMatch(x -> x.start() == passage.start() && x.document().equals(passage.document())));
        assertEquals("Kept Saran’s version of “" + passage.code().name() + "”: Li Wei’s codings there are now the same.", w.model.status.get());
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        w.drain();
        assertEquals(liWeiBefore, codingsOf("Li Wei", passage));
        assertEquals(listed.size(), d.list.getItems().size(), "the passage is a disagreement again");

        // a memo on the passage, in Mongolian and Chinese
        int back = d.list.getItems().indexOf(d.list.getItems().stream().filter(x -> x.text().contains("grey wormwood")).findFirst().orElseThrow());
        robot.interact(() -> d.list.getSelectionModel().select(back));
        w.drain();
        robot.clickOn("#disagreementMemo").write("Малчид: 蒿草 means overgrazing 🐑");
        robot.clickOn("#saveDisagreementMemo");
        w.drain();
        assertEquals("Tester: Малчид: 蒿草 means overgrazing 🐑", d.memos.getText());
        assertEquals("", d.memo.getText());
        assertEquals(1, d.shown().memos(d.selected()).size());
        w.layout();
        ListCell<?> noted = robot.lookup("#disagreementsList .list-cell").match((ListCell<?> c) -> c.getIndex() == back && c.getItem() != null).query();
        assertTrue(noted.getText().contains("✎ 1 memo"), "the list marks the passage: " + noted.getText());
        try (ProjectSession s = ProjectSession.open(w.model.projectFile.get(), dir.resolve("memo-cache"))) {
            assertEquals(List.of(AgreementService.memoTitle(passage)), s.memos().stream().map(org.tamga.model.Memo::title).toList());
        }
    }

    private static List<String> readLines(Path file) {
        try {
            return java.nio.file.Files.readAllLines(file, java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The codings of the open document by a coder, of the passage's code, covering the passage. */
    private long codingsOf(String coder, AgreementService.Disagreement p) {
        long id = w.model.coderNames.get().entrySet().stream().filter(e -> e.getValue().equals(coder)).findFirst().orElseThrow().getKey();
        List<Coding> all = w.model.openDocument.get().codings();
        return all.stream().filter(c -> c.coderId() == id && c.codeId() == p.code().id() && c.start() <= p.start() && c.end() >= p.end()).count();
    }

    /** The text of a version's runs with the style class given (null: all of them). */
    private static String texts(javafx.scene.text.TextFlow flow, String style) {
        return flow.getChildren().stream().map(Text.class::cast).filter(t -> style == null || t.getStyleClass().contains(style))
                .map(Text::getText).collect(Collectors.joining());
    }
}
