package org.tamga.gui;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.tamga.core.CodingService;
import org.tamga.model.Coding;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Tamga's very first start, driven through the real window: the welcome asks who is coding and in
 * which language, both are kept and used; the sample opens with a three-step tour that points at
 * the window's own controls and can be ended; nothing modal comes up; the next start does not
 * welcome her again.
 */
@ExtendWith(ApplicationExtension.class)
class WelcomeTourTest {
    private static final String SARANA = "Сарана";
    @TempDir static Path dir;
    WindowFixture w;
    Stage again;

    @Start
    void start(Stage stage) { w = new WindowFixture(stage, dir.resolve("first-" + System.nanoTime()), null, true); }

    @AfterEach
    void close(FxRobot robot) {
        if (w.model.isOpen()) {
            robot.interact(w.window::closeProject);
            w.drain();
        }
        for (javafx.stage.Window win : robot.listWindows()) {
            if (win != w.stage && win instanceof Stage s) robot.interact(s::close);
        }
    }

    @Test
    void theFirstStartAsksNameAndLanguageToursTheSampleAndDoesNotComeBack(FxRobot robot) {
        // the first start: the welcome asks who is coding (prefilled) and in which language
        assertNotNull(w.window.welcome.firstRunPanel, "the first-run welcome");
        TextField name = w.lookup(robot, "#firstRunCoder").queryAs(TextField.class);
        assertEquals(CodingService.defaultCoder(), name.getText(), "prefilled with the system's user name");
        robot.interact(name::clear);
        robot.clickOn(name).write(SARANA);
        assertEquals(SARANA, name.getText());

        // 简体中文: the window speaks it at once, the name typed is kept, the choice is saved
        robot.clickOn("#firstRunLanguage");
        w.layout();
        robot.clickOn(robot.lookup(".list-cell").match((ListCell<?> c) -> "简体中文".equals(c.getText())).<Node>query());
        w.layout();
        assertEquals(Locale.SIMPLIFIED_CHINESE, w.window.i18n().locale());
        assertEquals(Locale.SIMPLIFIED_CHINESE, w.settings.language(), "the language is kept for the next start");
        assertNotNull(w.window.welcome.firstRunPanel, "still the first-run welcome, in Chinese");
        assertEquals(SARANA, w.lookup(robot, "#firstRunCoder").queryAs(TextField.class).getText(), "the name typed survives the change");
        Button tour = w.lookup(robot, "#startTour").queryAs(Button.class);
        assertEquals("打开示例项目并参观导览", tour.getText());

        // a link to the README opens its section beside the window, in a window that is not modal
        robot.clickOn(w.lookup(robot, ".readme-link").match((Hyperlink h) -> "搜索语法".equals(h.getText())).<Node>query());
        w.layout();
        TextArea readme = robot.lookup("#readmeText").queryAs(TextArea.class);
        assertTrue(readme.getText().startsWith("**Search syntax**"), readme.getText());
        assertEquals(javafx.stage.Modality.NONE, ((Stage) readme.getScene().getWindow()).getModality());
        robot.interact(((Stage) readme.getScene().getWindow())::close);

        // the sample with a tour: the name is hers from now on, and nothing modal asks it again
        robot.clickOn(tour);
        w.drain();
        assertEquals(6, w.workbench().documents.list.getItems().size(), "the sample's documents");
        w.drain(); // the first document opens
        assertEquals(SARANA, w.model.coder.get());
        assertEquals(SARANA, w.settings.coder());
        assertTrue(w.settings.coderConfirmed());
        assertEquals("编码者：" + SARANA, w.window.coderButton.getText());
        assertTrue(robot.lookup(".dialog-pane").tryQuery().isEmpty(), "no dialog");
        I18n zh = w.window.i18n();

        // step 1: code a passage — the transcript and the codebook are outlined
        assertTrue(w.lookup(robot, "#tourBar").tryQuery().isPresent(), "the tour's bar");
        assertEquals(zh.t("tour.step", 1, 3, zh.t("tour.code.title")), label(robot, "#tourTitle"));
        assertTrue(w.workbench().codebook.tree.getStyleClass().contains(Tour.TARGET), "the codebook is pointed at");
        assertTrue(w.workbench().transcript.root.getStyleClass().contains(Tour.TARGET), "the transcript is pointed at");
        assertNotNull(w.workbench().transcript.shown(), "a document is open");
        int before = w.codingsOf("Health");
        robot.clickOn(w.lookup(robot, "#documentText").<Node>query());
        robot.press(KeyCode.CONTROL, KeyCode.HOME).release(KeyCode.HOME, KeyCode.CONTROL);
        robot.press(KeyCode.SHIFT, KeyCode.END).release(KeyCode.END, KeyCode.SHIFT);
        w.drain();
        int[] selection = w.workbench().transcript.selection();
        assertTrue(selection[1] > selection[0], "a passage is selected");
        robot.clickOn(w.codeCell(robot, "Health")).type(KeyCode.ENTER);
        w.drain();
        assertEquals(before + 1, w.codingsOf("Health"), "coded: " + w.window.notifier().last.get());
        Coding made = w.workbench().transcript.shown().codings().stream()
                .filter(c -> c.start() == selection[0] && c.end() == selection[1]).findFirst().orElseThrow();
        assertEquals(SARANA, w.model.coderNames.get().get(made.coderId()), "the coding is recorded under her name");

        // step 2: search — the search field is outlined, its tab in front
        robot.clickOn("#tourNext");
        w.layout();
        assertEquals(zh.t("tour.step", 2, 3, zh.t("tour.search.title")), label(robot, "#tourTitle"));
        assertTrue(w.workbench().search.query.getStyleClass().contains(Tour.TARGET), "the search field is pointed at");
        assertFalse(w.workbench().codebook.tree.getStyleClass().contains(Tour.TARGET), "the last step's outline is gone");
        assertEquals(0, w.workbench().tabs.getSelectionModel().getSelectedIndex());

        // step 3: the report — its tab in front, outlined; the last step's button says it is done
        robot.clickOn("#tourNext");
        w.layout();
        assertEquals(zh.t("tour.step", 3, 3, zh.t("tour.report.title")), label(robot, "#tourTitle"));
        assertEquals(2, w.workbench().tabs.getSelectionModel().getSelectedIndex(), "the report's tab");
        assertTrue(w.workbench().report.root.getStyleClass().contains(Tour.TARGET), "the report is pointed at");
        assertEquals(zh.t("tour.done"), w.lookup(robot, "#tourNext").queryAs(Button.class).getText());
        assertTrue(label(robot, "#tourText").contains("“" + zh.t("report.title") + "”标签页"), "the tab by the name it shows: " + label(robot, "#tourText"));

        // the language changed during the tour: the same step, in the other language, on the rebuilt workbench
        robot.interact(() -> w.window.switchLanguage(Locale.ENGLISH));
        w.drain();
        assertEquals("Step 3 of 3: See the report", label(robot, "#tourTitle"));
        assertTrue(w.workbench().report.root.getStyleClass().contains(Tour.TARGET), "the new workbench's report is pointed at");
        robot.interact(() -> w.window.switchLanguage(Locale.SIMPLIFIED_CHINESE));
        w.drain();
        assertEquals(zh.t("tour.step", 3, 3, zh.t("tour.report.title")), label(robot, "#tourTitle"));

        // ended: the bar and the outlines go, and the window is as usual
        robot.clickOn("#tourEnd");
        w.layout();
        assertTrue(w.lookup(robot, "#tourBar").tryQuery().isEmpty(), "the tour's bar is gone");
        assertTrue(w.lookup(robot, "." + Tour.TARGET).tryQuery().isEmpty(), "no outline is left");
        assertNull(w.window.tour);
        assertTrue(w.settings.welcomed());

        // the next start: no first-run welcome; her name and language are used
        WindowFixture[] next = new WindowFixture[1];
        robot.interact(() -> {
            again = new Stage();
            next[0] = new WindowFixture(again, dir.resolve("again-" + System.nanoTime()), w.config);
        });
        next[0].layout();
        assertNull(next[0].window.welcome.firstRunPanel, "not welcomed again");
        assertTrue(next[0].lookup(robot, "#firstRunPanel").tryQuery().isEmpty());
        assertEquals(SARANA, next[0].model.coder.get());
        assertEquals(Locale.SIMPLIFIED_CHINESE, next[0].window.i18n().locale());
        assertTrue(next[0].lookup(robot, "#openSample").queryAs(Button.class).isDefaultButton(), "the usual welcome");
    }

    private static String label(FxRobot robot, String id) { return robot.lookup(id).queryAs(Label.class).getText(); }
}
