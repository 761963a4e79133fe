package org.tamga.gui;

import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.tamga.report.Cooccurrence;
import org.tamga.report.Crosstab;
import org.tamga.report.chart.Drawing;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The Analysis area on the sample project: co-occurrence and code × attribute tables, heatmaps, and passages that open the transcript. */
@ExtendWith(ApplicationExtension.class)
class AnalysisPaneTest {
    @TempDir static Path dir;
    WindowFixture w;

    @Start
    void start(Stage stage) { w = new WindowFixture(stage, dir, true); }

    private AnalysisPane analysis() { return w.workbench().analysis; }

    private <T> void choose(FxRobot robot, ComboBox<T> box, T value) {
        robot.interact(() -> box.setValue(value));
        w.drain();
    }

    private void openPassage(FxRobot robot, String listId, int index) {
        w.layout();
        ListCell<?> cell = robot.lookup("#" + listId + " .list-cell").match((ListCell<?> c) -> c.getIndex() == index && c.getItem() != null).query();
        // a click, then Enter (as double-click, the same handler): a double-click's two clicks can be
        // too far apart on a loaded machine to count as one
        robot.clickOn(cell).type(javafx.scene.input.KeyCode.ENTER);
        w.drain();
    }

    @Test
    void cooccurrencePairsDrillDownToPassagesThatOpenTheTranscript(FxRobot robot) {
        w.openSample(robot);
        w.tab(robot, "Analysis");
        Cooccurrence overlap = analysis().cooccurrence();
        assertNotNull(overlap, "the view in front is computed when the tab opens");
        assertEquals(Cooccurrence.Kind.OVERLAP, overlap.rule().kind());
        // the sample's overlapping codings of two codes (as report cooccurrence --long lists them)
        assertEquals(4, analysis().pairs.getItems().size());
        var names = analysis().pairs.getItems().stream()
                .map(p -> overlap.codes().get(p[0]).name().split(" · ")[0] + " + " + overlap.codes().get(p[1]).name().split(" · ")[0]).toList();
        assertTrue(names.contains("Exogenous mechanism + Endogenous mechanism"), names.toString());

        choose(robot, analysis().rule, Cooccurrence.Kind.PARAGRAPH);
        assertEquals(Cooccurrence.Kind.PARAGRAPH, analysis().cooccurrence().rule().kind());
        assertEquals(7, analysis().pairs.getItems().size(), "seven pairs share a paragraph");

        int row = -1;
        for (int i = 0; i < analysis().pairs.getItems().size(); i++) {
            int[] p = analysis().pairs.getItems().get(i);
            if (analysis().cooccurrence().codes().get(p[0]).name().startsWith("Interventions")) row = i;
        }
        assertTrue(row >= 0);
        int chosen = row;
        robot.interact(() -> analysis().pairs.getSelectionModel().select(chosen));
        w.drain();
        assertEquals(1, analysis().coPassages.getItems().size());
        AnalysisPane.Passage passage = analysis().coPassages.getItems().get(0);
        assertTrue(passage.text().contains("[Interventions · 扶贫措施]") && passage.text().contains("[Spiritual civilisation · 精神文明建设]"), passage.text());
        assertTrue(analysis().coPassagesTitle.getText().startsWith("1 passage where"), analysis().coPassagesTitle.getText());

        openPassage(robot, "cooccurrencePassages", 0);
        var shown = w.workbench().transcript.shown();
        assertEquals(passage.document().name(), shown.document().name(), "the passage's transcript is open");
        assertEquals(List.of(passage.start(), passage.end()),
                List.of(w.workbench().transcript.selection()[0], w.workbench().transcript.selection()[1]), "and the paragraph selected");

        // the heatmap of the same numbers
        robot.interact(() -> ((javafx.scene.control.TabPane) analysis().root.lookup("#cooccurrenceTabs")).getSelectionModel().select(1));
        w.drain();
        robot.interact(analysis().coHeatmap::settleNow);
        Drawing heat = analysis().coHeatmap.drawing();
        assertNotNull(heat);
        assertEquals(14, heat.labels(Drawing.Role.CELL).size(), "each of the 7 pairs twice, once on each side of the diagonal");
    }

    @Test
    void codesByAttributeCellsOpenTheirCodings(FxRobot robot) {
        w.openSample(robot);
        w.tab(robot, "Analysis");
        robot.interact(() -> analysis().views.getSelectionModel().select(1));
        w.drain();
        assertEquals(List.of("职业", "性别", "年龄", "访谈日期", "区域", "Cases"), analysis().columns.getItems(), "the attributes, then the cases");
        Crosstab t = analysis().crosstab();
        assertNotNull(t);
        assertEquals(List.of("职业"), t.dimensions());
        assertEquals(List.of("农户", "教师", "村干部", "牧民", "返乡青年"), t.columns().stream().map(Crosstab.Column::label).toList());
        int dependency = -1;
        for (int r = 0; r < t.codes().size(); r++) if (t.codes().get(r).name().startsWith("Dependency on outside help")) dependency = r;
        int herders = 3;
        assertEquals(1, t.cell(dependency, herders).codings(), "Dorj's one passage: report crosstab says the same");
        int d = dependency;
        robot.interact(() -> analysis().selectCell(d, herders));
        w.drain();
        assertEquals(1, analysis().crossPassages.getItems().size());
        assertEquals("interview05_herder_family_Dorj", analysis().crossPassages.getItems().get(0).document().name());
        openPassage(robot, "crosstabPassages", 0);
        assertEquals("interview05_herder_family_Dorj", w.workbench().transcript.shown().document().name());

        // age in bands, nested under the area, shown as a share of each row
        choose(robot, analysis().columns, "区域");
        choose(robot, analysis().nested, "年龄");
        assertFalse(analysis().bands.isDisabled(), "age is a number: it can be banded");
        robot.interact(() -> { analysis().bands.setText("40,60"); analysis().bands.getOnAction().handle(null); });
        w.drain();
        assertEquals(List.of("农区 × 40–59", "牧区 × under 40", "牧区 × 40–59", "牧区 × 60+"),
                analysis().crosstab().columns().stream().map(Crosstab.Column::label).toList());
        choose(robot, analysis().percent, Crosstab.Percent.ROW);
        assertEquals(6, analysis().crossTable.getColumns().size(), "code, four columns, total");
        Object total = analysis().crossTable.getColumns().get(5).getCellData(d);
        assertEquals(2L, total, "the row total stays a count");
        Object share = analysis().crossTable.getColumns().get(2).getCellData(d);
        assertEquals(50.0, share, "one of Dependency's two codings is a pastoral under-40's (the teacher, 38)");

        choose(robot, analysis().columns, "Cases");
        assertEquals(List.of("case"), analysis().crosstab().dimensions());
        assertTrue(analysis().bands.isDisabled(), "cases are not banded");

        // limited to the women's interviews (王秀兰, 其其格, Sarnai): only their occupations are columns
        choose(robot, analysis().columns, "职业");
        choose(robot, analysis().nested, "(nothing)");
        choose(robot, analysis().limitAttribute, "性别");
        choose(robot, analysis().limitValue, "女");
        assertEquals(List.of("农户", "教师", "返乡青年"), analysis().crosstab().columns().stream().map(Crosstab.Column::label).toList());
        assertTrue(analysis().limitSpeaker.getItems().contains("受访者"), analysis().limitSpeaker.getItems().toString());
        choose(robot, analysis().limitAttribute, "All documents");
        assertEquals(5, analysis().crosstab().columns().size(), "all five occupations again");
    }

    @Test
    void wordFrequenciesListTheirPlacesThatOpenTheTranscript(FxRobot robot) {
        w.openSample(robot);
        w.tab(robot, "Analysis");
        robot.interact(() -> analysis().views.getSelectionModel().select(2));
        w.drain();
        var words = analysis().words.words();
        assertNotNull(words, "counted when the view comes to the front");
        assertFalse(analysis().words.table.getItems().isEmpty());
        assertEquals(List.of("zh", "en", "mn").stream().filter(l -> !words.rows(l).isEmpty()).toList(),
                words.rows().stream().map(org.tamga.report.WordFrequencies.Row::language).distinct().toList(), "by language, in order");
        // Chinese only, then the most frequent Chinese word's places
        robot.interact(() -> analysis().words.language.setValue("zh"));
        w.drain();
        var zh = analysis().words.words();
        assertTrue(zh.rows().stream().allMatch(r -> r.language().equals("zh")));
        var first = zh.rows().getFirst();
        assertTrue(first.word().codePoints().allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN), first.word());
        robot.interact(() -> analysis().words.table.getSelectionModel().select(0));
        w.drain();
        assertEquals(first.count(), analysis().words.places.getItems().size(), "every place of the word, as counted");
        var place = analysis().words.places.getItems().get(0);
        assertEquals(first.word(), place.match());
        w.layout();
        ListCell<?> cell = robot.lookup("#wordPlaces .list-cell").match((ListCell<?> c) -> c.getIndex() == 0 && c.getItem() != null).query();
        robot.clickOn(cell).type(javafx.scene.input.KeyCode.ENTER);
        w.drain();
        assertEquals(place.document().name(), w.workbench().transcript.shown().document().name());
        assertEquals(place.start(), w.workbench().transcript.selection()[0]);
    }
}
