package org.tamga.gui;

import javafx.scene.control.Labeled;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableRow;
import javafx.scene.control.TreeCell;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.tamga.core.SearchService;
import org.tamga.model.Code;
import org.tamga.model.Coding;
import org.tamga.report.FrequencyReport;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The real window, headless: open the sample project → open a document → select text → apply a
 * code → the coding shows in the retrieval view and the frequency report → undo removes it → a
 * Chinese search finds its hits and clicking one selects it in the document.
 */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
    @TempDir static Path dir;
    MainWindow window;
    ProjectModel model;

    @Start
    void start(Stage stage) {
        model = new ProjectModel(dir.resolve("cache"));
        window = new MainWindow(stage, model, new Settings(dir.resolve("config")), dir.resolve("sample-" + System.nanoTime() + ".tamga"));
        window.switchLanguageQuietly(Locale.ENGLISH);
        window.show();
    }

    static void waitFor(String what, Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
        } catch (java.util.concurrent.TimeoutException e) {
            fail("timed out waiting for: " + what);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void openSampleAndDocument(FxRobot robot, String documentPrefix) {
        robot.clickOn("#openSample");
        waitFor("the sample's documents", () -> window.documentList != null && window.documentList.getItems().size() == 6);
        ListCell<?> cell = robot.lookup("#documentList .list-cell").match((ListCell<?> c) -> c.getText() != null
                && c.getText().startsWith(documentPrefix)).query();
        robot.clickOn(cell);
        waitFor("the document to open", () -> window.documentPane.shown() != null
                && window.documentPane.shown().document().name().startsWith(documentPrefix)
                && window.documentPane.area.getLength() > 1000);
    }

    private TreeCell<Code> codeCell(FxRobot robot, String namePrefix) {
        return robot.lookup("#codeTree .tree-cell").match((TreeCell<Code> c) -> c.getItem() != null
                && c.getItem().name().startsWith(namePrefix)).query();
    }

    private int codingsOf(String codeName) {
        Code code = model.codebook.get().codes().stream().filter(c -> c.name().startsWith(codeName)).findFirst().orElseThrow();
        return model.codeCounts.get().getOrDefault(code.id(), 0);
    }

    @Test
    void codeAPassageSeeItInRetrievalAndReportUndoItThenSearchInChinese(FxRobot robot) {
        openSampleAndDocument(robot, "访谈02");
        String text = window.documentPane.shown().text();
        int before = codingsOf("Health");

        // select the first line with the keyboard, as a researcher would
        robot.clickOn("#documentText");
        robot.press(KeyCode.CONTROL, KeyCode.HOME).release(KeyCode.HOME, KeyCode.CONTROL);
        robot.press(KeyCode.SHIFT, KeyCode.END).release(KeyCode.END, KeyCode.SHIFT);
        WaitForAsyncUtils.waitForFxEvents();
        int[] selection = window.documentPane.selection();
        String firstLine = text.substring(0, text.indexOf('\n'));
        assertEquals(0, selection[0]);
        assertEquals(firstLine.codePointCount(0, firstLine.length()), selection[1], "the first line is selected");

        // double-click the code in the codebook: the selection is coded
        robot.doubleClickOn(codeCell(robot, "Health"));
        waitFor("the coding", () -> codingsOf("Health") == before + 1);
        List<Coding> codings = window.documentPane.shown().codings();
        Coding made = codings.stream().filter(c -> c.start() == 0 && c.end() == selection[1]).findFirst().orElseThrow();
        assertTrue(window.documentPane.codesOfParagraph(0).stream().anyMatch(c -> c.name().startsWith("Health")), "a coding stripe in the margin");
        assertTrue(window.documentPane.area.getStyleAtPosition(2).contains("-rtfx-background-color"), "the passage is highlighted");

        // retrieval shows it (the code is selected in the tree by the double-click)
        robot.clickOn(robot.lookup(".tab").match((javafx.scene.Node n) -> n.lookup(".tab-label") instanceof Labeled l && l.getText().equals("Retrieval")).<javafx.scene.Node>query());
        waitFor("the retrieval table", () -> window.retrievalPane.table.getItems().stream()
                .anyMatch(s -> s.coding().guid().equals(made.guid()) && s.text().equals(firstLine)));

        // and the frequency report counts it
        robot.clickOn(robot.lookup(".tab").match((javafx.scene.Node n) -> n.lookup(".tab-label") instanceof Labeled l && l.getText().equals("Frequencies")).<javafx.scene.Node>query());
        waitFor("the report", () -> rowCodings(window.reportPane, "Health") == before + 1);

        // undo removes it everywhere
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        waitFor("undo", () -> codingsOf("Health") == before);
        waitFor("the report after undo", () -> rowCodings(window.reportPane, "Health") == before);
        waitFor("the retrieval after undo", () -> window.retrievalPane.table.getItems().stream().noneMatch(s -> s.coding().guid().equals(made.guid())));
        assertTrue(window.documentPane.shown().codings().stream().noneMatch(c -> c.guid().equals(made.guid())));
        // and redo brings it back with the same identity
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.Z).release(KeyCode.Z, KeyCode.SHIFT, KeyCode.CONTROL);
        waitFor("redo", () -> window.documentPane.shown().codings().stream().anyMatch(c -> c.guid().equals(made.guid())));

        // a Chinese search: hits, and a click selects the hit in its document
        robot.clickOn(robot.lookup(".tab").match((javafx.scene.Node n) -> n.lookup(".tab-label") instanceof Labeled l && l.getText().equals("Search")).<javafx.scene.Node>query());
        robot.clickOn("#searchField").write("贫困户").type(KeyCode.ENTER);
        waitFor("search hits", () -> window.searchHits().size() >= 3);
        for (SearchService.Hit h : window.searchHits()) assertEquals("贫困户", h.match());
        SearchService.Hit target = window.searchHits().stream().filter(h -> !h.document().name().startsWith("访谈02")).findFirst().orElseThrow();
        TableRow<?> row = robot.lookup("#searchResults .table-row-cell").match((TableRow<?> r) -> r.getItem() == target).query();
        robot.clickOn(row);
        waitFor("the hit's document", () -> window.documentPane.shown().document().guid().equals(target.document().guid())
                && window.documentPane.selection()[0] == target.start() && window.documentPane.selection()[1] == target.end());
        assertEquals("贫困户", window.documentPane.area.getSelectedText());
    }

    private static int rowCodings(ReportPane pane, String name) {
        FrequencyReport report = pane.report();
        if (report == null) return -1;
        return pane.table.getItems().stream().filter(r -> r.code().name().startsWith(name)).mapToInt(r -> r.own().codings()).findFirst().orElse(-1);
    }

    @Test
    void inVivoCodingMakesANewCodeAndUndoTakesItAway(FxRobot robot) {
        openSampleAndDocument(robot, "interview05");
        int codes = model.codebook.get().size();
        robot.interact(() -> window.documentPane.select(0, 9));
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.V).release(KeyCode.V, KeyCode.SHIFT, KeyCode.CONTROL);
        waitFor("the in-vivo code", () -> model.codebook.get().size() == codes + 1);
        String words = window.documentPane.shown().text().substring(0, 9).strip();
        assertTrue(model.codebook.get().codes().stream().anyMatch(c -> c.name().equals(words)), "named with the selected words");
        robot.clickOn("#undoButton");
        waitFor("undo", () -> model.codebook.get().size() == codes);
    }

    @Test
    void theSearchCanBeLimitedToOneSpeaker(FxRobot robot) {
        openSampleAndDocument(robot, "访谈01");
        robot.clickOn("#searchField").write("贫困").type(KeyCode.ENTER);
        waitFor("all hits", () -> window.searchHits().size() >= 5);
        int all = window.searchHits().size();
        robot.clickOn("#speakerFilter");
        waitFor("the speakers", () -> window.searchPane.speaker.getItems().contains("访谈者"));
        robot.interact(() -> window.searchPane.speaker.setValue("访谈者"));
        waitFor("the interviewer's hits", () -> !window.searchHits().isEmpty() && window.searchHits().size() < all);
        try (var session = org.tamga.core.ProjectSession.open(model.projectFile.get(), dir.resolve("cache-check"))) {
            for (var hit : window.searchHits()) {
                String text = session.documents().text(hit.document());
                int at = text.offsetByCodePoints(0, hit.start());
                assertTrue(text.lastIndexOf("访谈者：", at) > text.lastIndexOf("受访者：", at),
                        "a hit in the interviewer's turn: " + hit.context().line());
            }
        }
    }

    @Test
    void ctrlDigitAppliesARecentCodeAndTheContextOfACodingCanBeMoved(FxRobot robot) {
        openSampleAndDocument(robot, "interview06");
        robot.interact(() -> window.documentPane.select(10, 20));
        robot.doubleClickOn(codeCell(robot, "Education and knowledge"));
        waitFor("the first coding", () -> window.documentPane.shown().codings().stream().anyMatch(c -> c.start() == 10 && c.end() == 20));
        robot.interact(() -> window.documentPane.select(30, 45));
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.CONTROL);
        waitFor("Ctrl+1 codes with the most recent code", () -> window.documentPane.shown().codings().stream()
                .anyMatch(c -> c.start() == 30 && c.end() == 45 && model.codebook.get().byId(c.codeId()).orElseThrow().name().startsWith("Education and knowledge")));
        // the codings at the cursor: move the boundaries of the one at 30–45 to a new selection
        robot.interact(() -> { window.documentPane.select(35, 35); });
        waitFor("the coding at the cursor", () -> window.detailPane.codings.getItems().stream().anyMatch(c -> c.start() == 30));
        robot.interact(() -> window.documentPane.area.selectRange(window.documentPane.shown().positions().toUtf16(32),
                window.documentPane.shown().positions().toUtf16(50)));
        javafx.scene.control.Button setRange = robot.lookup(".button").match((javafx.scene.control.Button b) -> b.getText().equals("Set to selection")).query();
        robot.interact(setRange::fire); // below the fold of the right-hand pane in the test's window size
        waitFor("new boundaries", () -> window.documentPane.shown().codings().stream().anyMatch(c -> c.start() == 32 && c.end() == 50));
    }

    @Test
    void retrievalOfSeveralCodesAtOnce(FxRobot robot) {
        openSampleAndDocument(robot, "访谈01");
        robot.clickOn(codeCell(robot, "Pastoral knowledge"));
        robot.press(KeyCode.CONTROL).clickOn(codeCell(robot, "Rights and participation")).release(KeyCode.CONTROL);
        int pastoral = codingsOf("Pastoral knowledge"), rights = codingsOf("Rights and participation");
        waitFor("both codes' segments", () -> window.retrievalPane.table.getItems().size() == pastoral + rights);
        assertTrue(window.retrievalPane.title.getText().contains(" + "), window.retrievalPane.title.getText());
    }

    @Test
    void theWindowSpeaksChinese(FxRobot robot) {
        robot.interact(() -> window.switchLanguage(Locale.SIMPLIFIED_CHINESE));
        assertFalse(robot.lookup("打开示例项目").queryAll().isEmpty(), "the welcome screen in Chinese");
        robot.clickOn("#openSample");
        waitFor("the workbench", () -> window.documentList != null && window.documentList.getItems().size() == 6);
        assertFalse(robot.lookup("编码本").queryAll().isEmpty());
        assertFalse(robot.lookup("文件").queryAll().isEmpty());
        robot.interact(() -> window.switchLanguage(Locale.ENGLISH));
        assertFalse(robot.lookup("Codebook").queryAll().isEmpty());
    }

    @Test
    void anAttributeOfTheOpenDocumentIsSetInADialogAndUndone(FxRobot robot) {
        openSampleAndDocument(robot, "访谈03");
        assertEquals("No attributes yet", window.detailPane.documentAttributes.getText());
        robot.interact(window.detailPane.setAttribute::fire); // below the fold of the right-hand pane in the test's window size
        waitFor("the dialog", () -> robot.lookup("#attributeValue").tryQuery().isPresent());
        javafx.scene.control.ComboBox<?> name = robot.lookup("#attributeName").queryAs(javafx.scene.control.ComboBox.class);
        javafx.scene.control.TextField value = robot.lookup("#attributeValue").queryAs(javafx.scene.control.TextField.class);
        robot.interact(() -> { name.getEditor().setText("旗县 · Banner"); value.setText("锡林郭勒 ᠰᠢᠯᠢ"); });
        robot.clickOn(robot.lookup(".dialog-pane .button").match((javafx.scene.control.Button b) -> "OK".equals(b.getText()))
                .queryAs(javafx.scene.control.Button.class));
        waitFor("the value in the pane", () -> window.detailPane.documentAttributes.getText().equals("旗县 · Banner: 锡林郭勒 ᠰᠢᠯᠢ"));
        try (var session = org.tamga.core.ProjectSession.open(model.projectFile.get(), dir.resolve("cache-check"))) {
            assertEquals(java.util.Map.of("旗县 · Banner", "锡林郭勒 ᠰᠢᠯᠢ"),
                    session.cases().of(session.documents().resolve(window.documentPane.shown().document().name())).own(), "stored in the project");
        }
        robot.clickOn("#undoButton");
        waitFor("undo removes it", () -> window.detailPane.documentAttributes.getText().equals("No attributes yet"));
    }

    @Test
    void theFrequencyReportCountsTheCodesOfTheDocumentsWithOneAttributeValue(FxRobot robot) {
        openSampleAndDocument(robot, "访谈04");
        var her = window.documentPane.shown().document();
        robot.interact(() -> model.setAttribute(her, "性别 · Gender", "女"));
        waitFor("her attribute", () -> window.detailPane.documentAttributes.getText().equals("性别 · Gender: 女"));
        robot.interact(() -> window.bottomTabs.getSelectionModel().select(2));
        waitFor("the report of every document", () -> window.reportPane.report() != null && window.reportPane.report().documents().size() == 6
                && window.reportPane.attribute.getItems().contains("性别 · Gender"));
        // the chart is the report layer's layout (ADR 33), laid out when its tab is in front: a whole label for every code with codings
        robot.interact(() -> ((javafx.scene.control.TabPane) window.reportPane.root.lookup("#reportTabs")).getSelectionModel().select(1));
        waitFor("the chart", () -> window.reportPane.chart.drawing() != null);
        assertEquals(org.tamga.report.chart.CodeRows.of(window.reportPane.report()).size(),
                window.reportPane.chart.drawing().labels(org.tamga.report.chart.Drawing.Role.CODE).size());
        int all = window.reportPane.report().rows().stream().mapToInt(r -> r.own().codings()).sum();
        robot.interact(() -> window.reportPane.attribute.setValue("性别 · Gender"));
        waitFor("only her interview", () -> window.reportPane.report().documents().size() == 1);
        assertEquals(her.guid(), window.reportPane.report().documents().getFirst().guid());
        assertEquals("女", window.reportPane.value.getValue());
        int hers = window.reportPane.report().rows().stream().mapToInt(r -> r.own().codings()).sum();
        assertEquals(window.documentPane.shown().codings().size(), hers, "the codings of her interview only");
        assertTrue(hers < all, hers + " of " + all);
        robot.interact(() -> window.reportPane.attribute.setValue("All documents"));
        waitFor("every document again", () -> window.reportPane.report().documents().size() == 6);

        // the search panel chooses documents the same way
        robot.interact(() -> window.bottomTabs.getSelectionModel().select(0));
        robot.clickOn("#searchField").write("\u8349\u573a").type(KeyCode.ENTER); // 草场
        waitFor("hits in several documents", () -> window.searchHits().stream().map(h -> h.document().guid()).distinct().count() > 1);
        robot.clickOn("#searchAttribute");
        waitFor("her value to choose", () -> window.searchPane.attribute.getItems().contains("性别 · Gender = 女"));
        robot.interact(() -> { window.searchPane.attribute.hide(); window.searchPane.attribute.setValue("性别 · Gender = 女"); });
        waitFor("only her hits", () -> !window.searchHits().isEmpty()
                && window.searchHits().stream().allMatch(h -> h.document().guid().equals(her.guid())));
    }

    @Test
    void aDocumentIsPutInANewCaseAndUndoTakesTheCaseAwayAgain(FxRobot robot) {
        openSampleAndDocument(robot, "访谈02");
        robot.interact(window.detailPane.addToCase::fire); // below the fold of the right-hand pane in the test's window size
        waitFor("the dialog", () -> robot.lookup("#caseName").tryQuery().isPresent());
        javafx.scene.control.ComboBox<?> name = robot.lookup("#caseName").queryAs(javafx.scene.control.ComboBox.class);
        robot.interact(() -> name.getEditor().setText("王家 · Wang household"));
        robot.clickOn(robot.lookup(".dialog-pane .button").match((javafx.scene.control.Button b) -> "OK".equals(b.getText()))
                .queryAs(javafx.scene.control.Button.class));
        waitFor("the case in the pane", () -> window.detailPane.documentAttributes.getText().equals("Cases: 王家 · Wang household"));
        String doc = window.documentPane.shown().document().guid();
        try (var session = org.tamga.core.ProjectSession.open(model.projectFile.get(), dir.resolve("cache-check"))) {
            var cases = session.cases().caseViews();
            assertEquals(1, cases.size());
            assertEquals(List.of(doc), cases.getFirst().documents().stream().map(org.tamga.model.Document::guid).toList());
        }
        robot.clickOn("#undoButton");
        waitFor("undo", () -> window.detailPane.documentAttributes.getText().equals("No attributes yet"));
        try (var session = org.tamga.core.ProjectSession.open(model.projectFile.get(), dir.resolve("cache-check"))) {
            assertEquals(List.of(), session.cases().cases(), "the case this made is gone with the undo");
        }
    }
}
