package org.tamga.gui;

import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Blind coding: "only my codings" hides the other coders' work everywhere the window shows codings
 * (counts, the transcript's codings, retrieval, the report, the analyses), "the codings of: …"
 * compares, and "everyone's" brings it all back. The sample's 访谈01 holds 5 codings by Saran and
 * 3 by Li Wei; the tester codes as "Tester".
 */
@ExtendWith(ApplicationExtension.class)
class BlindCodingTest {
    @TempDir static Path dir;
    WindowFixture w;

    @Start
    void start(Stage stage) { w = new WindowFixture(stage, dir, true); }

    private int codingsInList(String prefix) {
        return w.workbench().documents.list.getItems().stream().filter(d -> d.document().name().startsWith(prefix))
                .mapToInt(ProjectModel.DocumentItem::codings).findFirst().orElseThrow();
    }

    private int total() { return w.model.codeCounts.get().values().stream().mapToInt(Integer::intValue).sum(); }

    private void choose(FxRobot robot, String id) {
        robot.clickOn("#showingButton");
        robot.clickOn("#" + id);
        w.drain();
    }

    @Test
    void onlyMineHidesTheOthersCodingsUntilEveryoneIsShownAgain(FxRobot robot) {
        w.openSample(robot);
        w.openDocument(robot, "访谈01");
        assertEquals(8, codingsInList("访谈01"));
        assertEquals(8, w.model.openDocument.get().codings().size());
        assertEquals(45, total());
        assertEquals("Showing: everyone", robot.lookup("#showingButton").queryAs(javafx.scene.control.MenuButton.class).getText());

        choose(robot, "showOnlyMine");
        assertEquals("Showing: only mine", robot.lookup("#showingButton").queryAs(javafx.scene.control.MenuButton.class).getText());
        assertEquals(0, codingsInList("访谈01"), "the tester has coded nothing yet");
        assertEquals(0, w.model.openDocument.get().codings().size(), "no highlights, stripes or codings at the cursor");
        assertEquals(0, total(), "no counts in the codebook");

        // my own coding appears at once
        robot.interact(() -> w.model.coding().apply(w.code("Health"), 40, 52, null));
        w.drain();
        assertEquals(1, codingsInList("访谈01"));
        assertEquals(1, w.model.openDocument.get().codings().size());
        assertEquals(1, w.codingsOf("Health"));

        // retrieval and the analyses follow the choice
        robot.interact(() -> w.workbench().codebook.select(w.code("Health")));
        w.drain();
        w.tab(robot, "Retrieval");
        assertEquals(1, w.workbench().retrieval.list.getItems().size(), "only my Health passage");
        w.tab(robot, "Analysis");
        robot.interact(() -> w.workbench().analysis.views.getSelectionModel().select(1));
        w.drain();
        assertEquals(1, w.workbench().analysis.crosstab().total().codings(), "the crosstab counts my one coding");

        // compare: Li Wei's codings only
        robot.interact(() -> { w.model.onlyMine.set(false); w.model.shownCoders.set(Set.of("Li Wei")); });
        w.drain();
        assertEquals("Showing: Li Wei", robot.lookup("#showingButton").queryAs(javafx.scene.control.MenuButton.class).getText());
        assertEquals(3, codingsInList("访谈01"));
        assertEquals(20, total(), "Li Wei's 20 codings in the sample");
        assertEquals(20, w.workbench().analysis.crosstab().total().codings());

        choose(robot, "showEveryone");
        assertEquals(9, codingsInList("访谈01"), "everyone's again: the sample's 8 and mine");
        assertEquals(46, total());
    }
}
