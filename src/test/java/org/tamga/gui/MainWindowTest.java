package org.tamga.gui;

import javafx.scene.control.TableRow;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.tamga.core.SearchService;
import org.tamga.model.Coding;
import org.tamga.report.FrequencyReport;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The real window, headless, on a 1366×768 screen: open the sample project → open a document →
 * select text → apply a code → the coding shows in retrieval and the frequency report → undo
 * removes it → a Chinese search finds its hits and clicking one selects it in the document. The
 * background work runs when the test drains it, so nothing here waits on a clock.
 */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
    @TempDir static Path dir;
    WindowFixture w;

    @Start
    void start(Stage stage) { w = new WindowFixture(stage, dir, true); }

    private List<SearchService.Hit> hits() { return List.copyOf(w.workbench().search.results.getItems()); }

    @Test
    void codeAPassageSeeItInRetrievalAndReportUndoItThenSearchInChinese(FxRobot robot) {
        w.openSample(robot);
        w.openDocument(robot, "访谈02");
        String text = w.workbench().transcript.shown().text();
        int before = w.codingsOf("Health");

        // select the first line with the keyboard, as a researcher would
        robot.clickOn("#documentText");
        robot.press(KeyCode.CONTROL, KeyCode.HOME).release(KeyCode.HOME, KeyCode.CONTROL);
        robot.press(KeyCode.SHIFT, KeyCode.END).release(KeyCode.END, KeyCode.SHIFT);
        w.drain();
        int[] selection = w.workbench().transcript.selection();
        String firstLine = text.substring(0, text.indexOf('\n'));
        assertEquals(0, selection[0]);
        assertEquals(firstLine.codePointCount(0, firstLine.length()), selection[1], "the first line is selected");

        // double-click the code in the codebook: the selection is coded
        robot.doubleClickOn(w.codeCell(robot, "Health"));
        w.drain();
        assertEquals(before + 1, w.codingsOf("Health"));
        Coding made = w.workbench().transcript.shown().codings().stream().filter(c -> c.start() == 0 && c.end() == selection[1]).findFirst().orElseThrow();
        assertTrue(w.workbench().transcript.codesOfParagraph(0).stream().anyMatch(c -> c.name().startsWith("Health")), "a coding stripe in the margin");
        assertTrue(w.workbench().transcript.area.getStyleAtPosition(2).contains("-rtfx-background-color"), "the passage is highlighted");
        assertTrue(w.model.status.get().startsWith("Coded 1 passage with “Health"), "the status line in words: " + w.model.status.get());
        assertEquals("Coding as: Tester", w.window.coderButton.getText(), "the toolbar shows who is coding");

        // retrieval shows it whole (the code is selected in the tree by the double-click)
        w.tab(robot, "Retrieval");
        assertTrue(w.workbench().retrieval.list.getItems().stream().anyMatch(r -> r.segment().coding().guid().equals(made.guid()) && r.segment().text().equals(firstLine)));

        // and the frequency report counts it
        w.tab(robot, "Frequencies");
        assertEquals(before + 1, rowCodings(w.workbench().report, "Health"));

        // undo removes it everywhere
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        w.drain();
        assertEquals(before, w.codingsOf("Health"));
        assertEquals(before, rowCodings(w.workbench().report, "Health"));
        assertTrue(w.workbench().retrieval.list.getItems().stream().noneMatch(r -> r.segment().coding().guid().equals(made.guid())));
        assertTrue(w.workbench().transcript.shown().codings().stream().noneMatch(c -> c.guid().equals(made.guid())));
        assertTrue(w.model.status.get().startsWith("Undone: coding with “Health"), w.model.status.get());
        // and redo brings it back with the same identity
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.Z).release(KeyCode.Z, KeyCode.SHIFT, KeyCode.CONTROL);
        w.drain();
        assertTrue(w.workbench().transcript.shown().codings().stream().anyMatch(c -> c.guid().equals(made.guid())));

        // a Chinese search (Ctrl+F goes to the search field): hits, and a click selects the hit in its document
        robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        w.drain();
        assertTrue(w.workbench().search.query.isFocused(), "Ctrl+F puts the cursor in the search field");
        robot.write("贫困户").type(KeyCode.ENTER);
        w.drain();
        assertTrue(hits().size() >= 3, "hits: " + hits().size());
        for (SearchService.Hit h : hits()) assertEquals("贫困户", h.match());
        assertTrue(w.workbench().search.count.getText().matches("\\d+ hits in \\d+ documents"), w.workbench().search.count.getText());
        SearchService.Hit target = hits().stream().filter(h -> !h.document().name().startsWith("访谈02")).findFirst().orElseThrow();
        robot.interact(() -> w.workbench().search.results.scrollTo(target));
        TableRow<?> row = robot.lookup("#searchResults .table-row-cell").match((TableRow<?> r) -> r.getItem() == target).query();
        robot.clickOn(row);
        w.drain();
        assertEquals(target.document().guid(), w.workbench().transcript.shown().document().guid());
        assertArrayEquals(new int[]{target.start(), target.end()}, w.workbench().transcript.selection());
        assertEquals("贫困户", w.workbench().transcript.area.getSelectedText());
        assertEquals(target.document().guid(), w.workbench().documents.list.getSelectionModel().getSelectedItem().document().guid(),
                "the document list follows the jump");
    }

    static int rowCodings(ReportPane pane, String name) {
        FrequencyReport report = pane.report();
        if (report == null) return -1;
        return report.rows().stream().filter(r -> r.code().name().startsWith(name)).mapToInt(r -> r.own().codings()).findFirst().orElse(-1);
    }

    @Test
    void inVivoCodingMakesANewCodeAndUndoTakesItAway(FxRobot robot) {
        w.openSample(robot);
        w.openDocument(robot, "interview05");
        int codes = w.model.codebook.get().size();
        robot.interact(() -> w.workbench().transcript.select(0, 9));
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.V).release(KeyCode.V, KeyCode.SHIFT, KeyCode.CONTROL);
        w.drain();
        assertEquals(codes + 1, w.model.codebook.get().size());
        String words = w.workbench().transcript.shown().text().substring(0, 9).strip();
        assertTrue(w.model.codebook.get().codes().stream().anyMatch(c -> c.name().equals(words)), "named with the selected words");
        robot.clickOn("#undoButton");
        w.drain();
        assertEquals(codes, w.model.codebook.get().size());
    }

    @Test
    void codingWithoutASelectionIsRefusedWithANotificationNotAnErrorDialog(FxRobot robot) {
        w.openSample(robot);
        w.openDocument(robot, "interview05");
        int before = w.codingsOf("Health");
        robot.interact(() -> w.workbench().transcript.select(5, 5));
        robot.doubleClickOn(w.codeCell(robot, "Health"));
        w.drain();
        assertEquals("Select the passage to code first.", w.window.notifier().last.get());
        assertEquals(before, w.codingsOf("Health"));
        assertTrue(robot.lookup(".dialog-pane").tryQuery().isEmpty(), "no dialog to click away");
    }

    @Test
    void theSearchCanBeLimitedToOneSpeaker(FxRobot robot) {
        w.openSample(robot);
        w.openDocument(robot, "访谈01");
        robot.clickOn("#searchField").write("贫困").type(KeyCode.ENTER);
        w.drain();
        int all = hits().size();
        assertTrue(all >= 5, "all hits: " + all);
        robot.clickOn("#searchFilters");
        robot.clickOn("#speakerFilter");
        w.drain();
        assertTrue(w.workbench().search.speaker.getItems().contains("访谈者"));
        robot.interact(() -> { w.workbench().search.speaker.hide(); w.workbench().search.speaker.setValue("访谈者"); });
        w.drain();
        assertTrue(!hits().isEmpty() && hits().size() < all, hits().size() + " of " + all);
        try (var session = org.tamga.core.ProjectSession.open(w.model.projectFile.get(), dir.resolve("cache-check"))) {
            for (var hit : hits()) {
                String text = session.documents().text(hit.document());
                int at = text.offsetByCodePoints(0, hit.start());
                assertTrue(text.lastIndexOf("访谈者：", at) > text.lastIndexOf("受访者：", at), "a hit in the interviewer's turn: " + hit.context().line());
            }
        }
    }

    @Test
    void ctrlDigitAppliesARecentCodeAndTheBoundariesOfACodingCanBeMoved(FxRobot robot) {
        w.openSample(robot);
        w.openDocument(robot, "interview06");
        robot.interact(() -> w.workbench().transcript.select(10, 20));
        robot.doubleClickOn(w.codeCell(robot, "Education and knowledge"));
        w.drain();
        assertTrue(w.workbench().transcript.shown().codings().stream().anyMatch(c -> c.start() == 10 && c.end() == 20), "the first coding");
        robot.interact(() -> w.workbench().transcript.select(30, 45));
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.CONTROL);
        w.drain();
        assertTrue(w.workbench().transcript.shown().codings().stream().anyMatch(c -> c.start() == 30 && c.end() == 45
                && w.model.codebook.get().byId(c.codeId()).orElseThrow().name().startsWith("Education and knowledge")), "Ctrl+1 codes with the most recent code");
        // the codings at the cursor: move the boundaries of the one at 30–45 to a new selection
        robot.interact(() -> w.workbench().transcript.select(35, 35));
        w.drain();
        assertTrue(w.workbench().detail.codings.getItems().stream().anyMatch(c -> c.start() == 30), "the coding at the cursor");
        robot.interact(() -> w.workbench().transcript.area.selectRange(w.workbench().transcript.shown().positions().toUtf16(32),
                w.workbench().transcript.shown().positions().toUtf16(50)));
        robot.clickOn(robot.lookup(".button").match((javafx.scene.control.Button b) -> b.getText().equals("Set to selection")).<javafx.scene.control.Button>query());
        w.drain();
        assertTrue(w.workbench().transcript.shown().codings().stream().anyMatch(c -> c.start() == 32 && c.end() == 50), "new boundaries");
    }

    @Test
    void retrievalOfSeveralCodesAtOnceShowsEveryPassageWhole(FxRobot robot) {
        w.openSample(robot);
        w.openDocument(robot, "访谈01");
        robot.clickOn(w.codeCell(robot, "Pastoral knowledge"));
        robot.press(KeyCode.CONTROL).clickOn(w.codeCell(robot, "Rights and participation")).release(KeyCode.CONTROL);
        w.drain();
        int pastoral = w.codingsOf("Pastoral knowledge"), rights = w.codingsOf("Rights and participation");
        assertEquals(pastoral + rights, w.workbench().retrieval.list.getItems().size());
        assertTrue(w.workbench().retrieval.title.getText().contains(" + "), w.workbench().retrieval.title.getText());
        // a double-click jumps to the passage, selected, its start at the top of the view
        w.tab(robot, "Retrieval");
        var retrieved = w.workbench().retrieval.list.getItems().getLast();
        var segment = retrieved.segment();
        // each passage whole, with its speaker and the words around it
        assertEquals(segment.text(), retrieved.quote().text());
        assertTrue(retrieved.quote().speaker() != null && !retrieved.quote().before().isEmpty(), "speaker and context: " + retrieved.quote());
        robot.interact(() -> { w.workbench().retrieval.list.getSelectionModel().select(retrieved); w.workbench().retrieval.list.scrollTo(retrieved); });
        robot.interact(() -> w.workbench().retrieval.list.requestFocus());
        robot.type(KeyCode.ENTER);
        w.drain();
        assertEquals(segment.document().guid(), w.workbench().transcript.shown().document().guid());
        assertArrayEquals(new int[]{segment.coding().start(), segment.coding().end()}, w.workbench().transcript.selection());

        // the passages as a quote report for a paper, written in the background
        Path docx = dir.resolve("quotes-" + System.nanoTime() + ".docx");
        Path html = dir.resolve("quotes-" + System.nanoTime() + ".html");
        robot.interact(() -> {
            w.model.queries().exportQuotes(w.workbench().retrieval.current(), true, docx, null);
            w.model.queries().exportQuotes(w.workbench().retrieval.current(), true, html, null);
        });
        w.drain();
        try (var in = java.nio.file.Files.newInputStream(docx); var doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(in)) {
            String all = doc.getParagraphs().stream().map(org.apache.poi.xwpf.usermodel.XWPFParagraph::getText).reduce("", (a, b) -> a + "\n" + b);
            for (var r : w.workbench().retrieval.list.getItems()) assertTrue(all.contains(r.segment().text()), "in the DOCX: " + r.segment().text());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        String page;
        try { page = java.nio.file.Files.readString(html); } catch (java.io.IOException e) { throw new java.io.UncheckedIOException(e); }
        assertTrue(page.contains(segment.text()) && page.contains(retrieved.quote().speaker()), "the HTML holds the passage and its speaker");
    }

    @Test
    void theLanguageSwitchesWithoutLosingTheWorkbench(FxRobot robot) {
        robot.interact(() -> w.window.switchLanguage(Locale.SIMPLIFIED_CHINESE));
        assertFalse(robot.lookup("打开示例项目").queryAll().isEmpty(), "the welcome screen in Chinese");
        w.openSample(robot);
        assertFalse(robot.lookup("编码本").queryAll().isEmpty());
        assertFalse(robot.lookup("文件").queryAll().isEmpty());
        w.openDocument(robot, "访谈03");
        robot.clickOn("#searchField").write("草场").type(KeyCode.ENTER);
        w.drain();
        int found = hits().size();
        assertTrue(found > 0);
        robot.interact(() -> w.workbench().tabs.getSelectionModel().select(1));
        robot.interact(() -> w.workbench().main.setDividerPositions(0.3, 0.7));
        double[] dividers = w.workbench().main.getDividerPositions();

        robot.interact(() -> w.window.switchLanguage(Locale.ENGLISH));
        w.drain();
        assertFalse(robot.lookup("Codebook").queryAll().isEmpty());
        assertEquals("草场", w.workbench().search.query.getText(), "the query stays");
        assertEquals(found, hits().size(), "the hits stay");
        assertEquals(1, w.workbench().tabs.getSelectionModel().getSelectedIndex(), "the tab stays");
        assertArrayEquals(dividers, w.workbench().main.getDividerPositions(), 0.01, "the panes keep their sizes");
        assertTrue(w.workbench().transcript.shown().document().name().startsWith("访谈03"), "the document stays open");
    }

    @Test
    void anAttributeOfTheOpenDocumentIsSetInADialogAndUndone(FxRobot robot) {
        w.openSample(robot);
        w.openDocument(robot, "访谈03");
        String before = w.workbench().detail.documentAttributes.getText();
        assertTrue(before.contains("职业: 村干部"), "the sample's own attributes: " + before);
        robot.interact(w.workbench().detail.setAttribute::fire);
        w.drain();
        javafx.scene.control.ComboBox<?> name = robot.lookup("#attributeName").queryAs(javafx.scene.control.ComboBox.class);
        javafx.scene.control.TextField value = robot.lookup("#attributeValue").queryAs(javafx.scene.control.TextField.class);
        robot.interact(() -> { name.getEditor().setText("旗县 · Banner"); value.setText("锡林郭勒 ᠰᠢᠯᠢ"); });
        robot.clickOn(robot.lookup(".dialog-pane .button").match((javafx.scene.control.Button b) -> "OK".equals(b.getText())).queryAs(javafx.scene.control.Button.class));
        w.drain();
        assertTrue(w.workbench().detail.documentAttributes.getText().contains("旗县 · Banner: 锡林郭勒 ᠰᠢᠯᠢ"), w.workbench().detail.documentAttributes.getText());
        try (var session = org.tamga.core.ProjectSession.open(w.model.projectFile.get(), dir.resolve("cache-check"))) {
            assertEquals("锡林郭勒 ᠰᠢᠯᠢ",
                    session.cases().of(session.documents().resolve(w.workbench().transcript.shown().document().name())).own().get("旗县 · Banner"), "stored in the project");
        }
        robot.clickOn("#undoButton");
        w.drain();
        assertEquals(before, w.workbench().detail.documentAttributes.getText());
    }

    @Test
    void theReportAndTheSearchCountOnlyTheDocumentsWithTheChosenAttributeValues(FxRobot robot) {
        w.openSample(robot);
        w.openDocument(robot, "访谈04");
        var her = w.workbench().transcript.shown().document();
        robot.interact(() -> w.model.documents().setAttribute(her, "性别 · Gender", "女"));
        w.drain();
        assertTrue(w.workbench().detail.documentAttributes.getText().contains("性别 · Gender: 女"), w.workbench().detail.documentAttributes.getText());
        robot.interact(() -> w.workbench().tabs.getSelectionModel().select(2));
        w.drain();
        ReportPane report = w.workbench().report;
        assertEquals(6, report.report().documents().size());
        assertTrue(report.attribute.getItems().contains("性别 · Gender"));
        // the chart is the report layer's layout (ADR 33), laid out when its tab is in front: a whole label for every code with codings
        robot.interact(() -> ((javafx.scene.control.TabPane) report.root.lookup("#reportTabs")).getSelectionModel().select(1));
        w.drain();
        assertNotNull(report.chart.drawing(), "the chart is drawn");
        assertEquals(org.tamga.report.chart.CodeRows.of(report.report()).size(),
                report.chart.drawing().labels(org.tamga.report.chart.Drawing.Role.CODE).size());
        int all = report.report().rows().stream().mapToInt(r -> r.own().codings()).sum();
        robot.interact(() -> report.attribute.setValue("性别 · Gender"));
        w.drain();
        assertEquals(List.of(her.guid()), report.report().documents().stream().map(d -> d.guid()).toList(), "only her interview");
        int hers = report.report().rows().stream().mapToInt(r -> r.own().codings()).sum();
        assertEquals(w.workbench().transcript.shown().codings().size(), hers, "the codings of her interview only");
        assertTrue(hers < all, hers + " of " + all);
        robot.interact(() -> report.attribute.setValue("All documents"));
        w.drain();
        assertEquals(6, report.report().documents().size());

        // the search panel chooses documents the same way, several values at once
        robot.interact(() -> w.model.documents().setAttribute(w.model.documentItems.getFirst().document(), "性别 · Gender", "男"));
        w.drain();
        robot.interact(() -> w.workbench().tabs.getSelectionModel().select(0));
        robot.clickOn("#searchField").write("草场").type(KeyCode.ENTER);
        w.drain();
        assertTrue(hits().stream().map(h -> h.document().guid()).distinct().count() > 1, "hits in several documents");
        SearchPane search = w.workbench().search;
        robot.clickOn("#searchFilters");
        robot.clickOn("#searchAttribute");
        w.drain();
        robot.interact(() -> { search.attribute.hide(); search.attribute.setValue("性别 · Gender"); });
        w.drain();
        assertEquals(List.of("女", "男"), search.values.getItems().sorted().stream().toList());
        robot.interact(() -> { search.values.getCheckModel().clearChecks(); search.values.getCheckModel().check("女"); });
        w.drain();
        assertTrue(!hits().isEmpty() && hits().stream().allMatch(h -> h.document().guid().equals(her.guid())), "only her hits");
        assertEquals("Filters (1)", search.filtersButton.getText(), "the button says a filter is on");
        robot.interact(() -> search.values.getCheckModel().check("男"));
        w.drain();
        assertTrue(hits().stream().map(h -> h.document().guid()).distinct().count() >= 1
                && hits().stream().allMatch(h -> h.document().guid().equals(her.guid())
                || h.document().guid().equals(w.model.documentItems.getFirst().document().guid())), "the hits of both values' documents");
    }

    @Test
    void aDocumentIsPutInANewCaseAndUndoTakesTheCaseAwayAgain(FxRobot robot) {
        w.openSample(robot);
        w.openDocument(robot, "访谈02");
        String before = w.workbench().detail.documentAttributes.getText();
        robot.interact(w.workbench().detail.addToCase::fire);
        w.drain();
        javafx.scene.control.ComboBox<?> name = robot.lookup("#caseName").queryAs(javafx.scene.control.ComboBox.class);
        robot.interact(() -> name.getEditor().setText("王家 · Wang household"));
        robot.clickOn(robot.lookup(".dialog-pane .button").match((javafx.scene.control.Button b) -> "OK".equals(b.getText())).queryAs(javafx.scene.control.Button.class));
        w.drain();
        assertTrue(w.workbench().detail.documentAttributes.getText().contains("王家 · Wang household"), w.workbench().detail.documentAttributes.getText());
        String doc = w.workbench().transcript.shown().document().guid();
        try (var session = org.tamga.core.ProjectSession.open(w.model.projectFile.get(), dir.resolve("cache-check"))) {
            var cases = session.cases().caseViews().stream().filter(c -> c.c().name().startsWith("王家")).toList();
            assertEquals(1, cases.size(), "the new case, beside the sample's three places");
            assertEquals(List.of(doc), cases.getFirst().documents().stream().map(org.tamga.model.Document::guid).toList());
        }
        robot.clickOn("#undoButton");
        w.drain();
        assertEquals(before, w.workbench().detail.documentAttributes.getText());
        try (var session = org.tamga.core.ProjectSession.open(w.model.projectFile.get(), dir.resolve("cache-check"))) {
            assertTrue(session.cases().cases().stream().noneMatch(c -> c.name().startsWith("王家")), "the case this made is gone with the undo");
        }
    }
}
