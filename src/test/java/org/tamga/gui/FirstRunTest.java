package org.tamga.gui;

import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.tamga.core.CodingService;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** The first run asks who is coding, prefilled; the name is kept and never blank. */
@ExtendWith(ApplicationExtension.class)
class FirstRunTest {
    @TempDir static Path dir;
    WindowFixture w;

    @Start
    void start(Stage stage) { w = new WindowFixture(stage, dir, false); }

    @Test
    void theFirstRunAsksForTheCodersName(FxRobot robot) {
        robot.clickOn("#openSample");
        w.drain();
        ComboBox<?> name = robot.lookup("#coderName").queryAs(ComboBox.class);
        assertEquals(CodingService.defaultCoder(), name.getEditor().getText(), "prefilled with the system's user name");
        robot.interact(() -> name.getEditor().setText("乌云 Uyun"));
        robot.clickOn(robot.lookup(".dialog-pane .button").match((Button b) -> "OK".equals(b.getText())).queryAs(Button.class));
        w.drain();
        assertEquals("乌云 Uyun", w.model.coder.get());
        assertEquals("Coding as: 乌云 Uyun", w.window.coderButton.getText());
        assertEquals("乌云 Uyun", w.settings.coder());
        assertTrue(w.settings.coderConfirmed(), "asked once");
        robot.interact(() -> w.model.coder.set("  "));
        assertEquals("乌云 Uyun", w.model.coder.get(), "never blank");
    }
}
