package org.tamga.gui;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeCell;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.tamga.SharedServer;
import org.tamga.core.SampleProject;
import org.tamga.model.Code;
import org.tamga.model.Coding;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Two real windows on one shared project (ADR 48), as on two coders' laptops: each has its own
 * stage, view model, background work and index cache. What Saran does in her window, through its
 * controls, shows in Бат-Эрдэнэ's at that window's next look for outside changes — a look the
 * window makes by itself, every second or as soon as PostgreSQL's NOTIFY wakes it. The test runs
 * the work each window queued, and waits with a generous deadline for what must show: never a
 * fixed time, so a loaded machine only makes it slower.
 */
@ExtendWith(ApplicationExtension.class)
class SharedWindowsTest {
    private static final String SARAN = "Saran";
    private static final String BAT = "Бат-Эрдэнэ 🐎";
    /** A whole minute for what takes a second: the deadline is for a machine under load, not a wait. */
    private static final int DEADLINE_SECONDS = 60;

    @TempDir static Path dir;
    WindowFixture saran;
    WindowFixture bat;
    Stage second;

    @Start
    void start(Stage stage) {
        long n = System.nanoTime();
        second = new Stage();
        bat = new WindowFixture(second, dir.resolve("bat-" + n), BAT);
        saran = new WindowFixture(stage, dir.resolve("saran-" + n), SARAN);
    }

    @AfterEach
    void closeBoth(FxRobot robot) {
        for (WindowFixture w : List.of(saran, bat)) {
            if (w.model.isOpen()) {
                robot.interact(w.window::closeProject);
                w.drain();
            }
        }
        robot.interact(second::hide);
    }

    /** The sample project, published into a new database of the test server: its address. */
    private static String published() {
        Path file = dir.resolve("样本 ᠲᠠᠮᠭ᠎ᠠ-" + System.nanoTime() + ".tamga");
        return SharedServer.publishedSample(file);
    }

    private static void open(FxRobot robot, WindowFixture w, String address) {
        robot.interact(() -> w.window.openShared(address));
        w.drain();
        assertEquals(address, w.model.sharedAddress.get(), "opened: " + w.window.notifier().last.get());
        assertEquals(6, w.workbench().documents.list.getItems().size(), "the sample's documents");
    }

    /** The other window may cover this one (both are maximised): this one on top before the robot clicks in it. */
    private static void front(FxRobot robot, WindowFixture w) {
        robot.interact(w.stage::toFront);
        w.layout();
    }

    /**
     * Runs the window's queued work until {@code shown} holds. The look that makes it so is queued
     * by the window itself (its one-second timer, or its thread woken by the server's NOTIFY).
     */
    private static void seen(WindowFixture w, String what, Callable<Boolean> shown) { seen(w, what, shown, () -> ""); }

    /** As {@link #seen(WindowFixture, String, Callable)}; {@code now} says what is shown instead when the time is up. */
    private static void seen(WindowFixture w, String what, Callable<Boolean> shown, Supplier<?> now) {
        try {
            WaitForAsyncUtils.waitFor(DEADLINE_SECONDS, TimeUnit.SECONDS, () -> {
                w.drain();
                return shown.call();
            });
        } catch (TimeoutException e) {
            fail(what + ": not shown within " + DEADLINE_SECONDS + " s; shown: " + now.get());
        }
    }

    /** The number in the code's row of the window's codebook, as the coder reads it. */
    private static String shownCount(FxRobot robot, WindowFixture w, String code) {
        return ((Label) w.codeCell(robot, code).lookup(".count")).getText();
    }

    private static String shownText(FxRobot robot, WindowFixture w, String id) {
        return w.lookup(robot, id).queryAs(Label.class).getText();
    }

    @Test
    void aPassageCodedInOneWindowIsCountedInTheOthersCodebookAndEachListsTheOtherAsWorking(FxRobot robot) {
        String address = published();
        open(robot, bat, address);
        open(robot, saran, address);
        front(robot, bat);
        bat.openDocument(robot, "访谈02");
        front(robot, saran);
        saran.openDocument(robot, "访谈02");
        int before = saran.codingsOf("Health");
        assertTrue(before > 0, "the sample has Health codings");
        assertEquals(String.valueOf(before), shownCount(robot, bat, "Health"));

        // Saran selects the first line with the keyboard, clicks Health and presses Enter (as a
        // double-click does; a double-click's two clicks can be too far apart on a loaded machine)
        robot.clickOn(saran.lookup(robot, "#documentText").<Node>query());
        robot.press(KeyCode.CONTROL, KeyCode.HOME).release(KeyCode.HOME, KeyCode.CONTROL);
        robot.press(KeyCode.SHIFT, KeyCode.END).release(KeyCode.END, KeyCode.SHIFT);
        saran.drain();
        int[] selection = saran.workbench().transcript.selection();
        assertEquals(0, selection[0]);
        assertTrue(selection[1] > 0, "the first line is selected");
        robot.clickOn(saran.codeCell(robot, "Health")).type(KeyCode.ENTER);
        saran.drain();
        assertEquals(before + 1, saran.codingsOf("Health"), "coded in Saran's window: " + saran.window.notifier().last.get());
        Coding made = saran.workbench().transcript.shown().codings().stream()
                .filter(c -> c.start() == 0 && c.end() == selection[1]).findFirst().orElseThrow();

        // Бат-Эрдэнэ's window, untouched, shows it after its own next look
        seen(bat, "Saran's coding in Бат-Эрдэнэ's window", () -> bat.codingsOf("Health") == before + 1);
        assertEquals(String.valueOf(before + 1), shownCount(robot, bat, "Health"), "the count in Бат-Эрдэнэ's codebook");
        assertTrue(bat.workbench().transcript.shown().codings().stream().anyMatch(c -> c.guid().equals(made.guid())),
                "the passage is coded in the same document open there");
        assertEquals(bat.window.i18n().t("status.outside"), shownText(robot, bat, "#statusText"));
        String alsoSaran = bat.window.i18n().t("shared.others", SARAN);
        seen(bat, "Saran as also working", () -> alsoSaran.equals(shownText(robot, bat, "#sharedStatus")), () -> shownText(robot, bat, "#sharedStatus"));
        // the server keeps a connection's name in 63 ASCII characters: Бат-Эрдэнэ's, percent-encoded, loses the horse
        String alsoBat = saran.window.i18n().t("shared.others", "Бат-Эрдэнэ");
        seen(saran, "Бат-Эрдэнэ as also working", () -> alsoBat.equals(shownText(robot, saran, "#sharedStatus")), () -> shownText(robot, saran, "#sharedStatus"));
        assertEquals(before + 1, saran.codingsOf("Health"), "Saran's own window counts her coding once");
    }

    @Test
    void aCodeRenamedInOneWindowShowsRenamedInTheOtherWokenByTheServerAlone(FxRobot robot) {
        String address = published();
        open(robot, bat, address);
        open(robot, saran, address);
        // Бат-Эрдэнэ's window no longer looks every second: only the server's NOTIFY can make it look
        robot.interact(() -> bat.window.watchOutsideChanges(false));
        bat.drain();
        String database = address.substring(address.lastIndexOf('/') + 1);
        seen(bat, "both windows listening", () -> Integer.parseInt(SharedServer.ask("SELECT count(*) FROM pg_stat_activity WHERE datname = '"
                + database + "' AND query = 'LISTEN tamga_changes' AND state = 'idle'")) == 2);
        int looks = bat.model.outsideChanges.get();
        String old = bat.code("Fatalism").name();
        String renamed = "Хувь тавилан ᠬᠤᠪᠢ ᠲᠠᠪᠢᠯᠠᠩ 🙏";

        // Rename… from the code's menu in Saran's window
        front(robot, saran);
        TreeCell<Code> cell = saran.codeCell(robot, "Fatalism");
        robot.clickOn(cell);
        saran.drain();
        MenuItem rename = cell.getContextMenu().getItems().stream().filter(i -> "Rename…".equals(i.getText())).findFirst().orElseThrow();
        Platform.runLater(rename::fire);
        saran.layout();
        TextField editor = robot.lookup(".dialog-pane .text-field").queryAs(TextField.class);
        robot.interact(() -> editor.setText(renamed));
        robot.clickOn(robot.lookup(".dialog-pane .button").match((Button b) -> "OK".equals(b.getText())).queryAs(Button.class));
        saran.drain();
        assertEquals(renamed, saran.code(renamed).name(), "renamed in Saran's window");

        seen(bat, "the new name in Бат-Эрдэнэ's window", () -> bat.model.codebook.get().codes().stream().anyMatch(c -> c.name().equals(renamed)));
        assertEquals(renamed, ((Label) bat.codeCell(robot, renamed).lookup(".code-name")).getText(), "the codebook's row shows the new name");
        assertTrue(bat.model.codebook.get().codes().stream().noneMatch(c -> c.name().equals(old)), "and the old name is gone");
        assertEquals(looks + 1, bat.model.outsideChanges.get(), "read once, woken by the server");
        assertEquals(bat.window.i18n().t("status.outside"), shownText(robot, bat, "#statusText"));
    }

    @Test
    void aSharedProjectIsInTheRecentProjectsAndOpensAgainFromTheMenuAndTheWelcomeScreen(FxRobot robot) {
        String address = published();
        // File › Open shared project…: the address typed into the dialog
        Platform.runLater(saran.window::openSharedDialog);
        saran.layout();
        TextField typed = robot.lookup("#sharedAddress").queryAs(TextField.class);
        robot.interact(() -> typed.setText(address));
        robot.clickOn(robot.lookup(".dialog-pane .button").match((Button b) -> "OK".equals(b.getText())).queryAs(Button.class));
        saran.drain();
        assertEquals(address, saran.model.sharedAddress.get(), "opened: " + saran.window.notifier().last.get());

        // then a project file
        Path file = dir.resolve("访谈 Монгол ᠮᠣᠩᠭᠣᠯ-" + System.nanoTime() + ".tamga");
        SampleProject.create(file, dir.resolve("cache-file")).close();
        robot.interact(() -> saran.window.openProject(file));
        saran.drain();
        assertEquals(file.toAbsolutePath(), saran.model.projectFile.get().toAbsolutePath());
        assertNull(saran.model.sharedAddress.get());
        assertEquals(List.of(Settings.Recent.ofFile(file), Settings.Recent.ofAddress(address)), saran.settings.recentProjects());

        // File › Open Recent › the address
        MenuBar bar = saran.lookup(robot, "#menuBar").queryAs(MenuBar.class);
        Menu recent = (Menu) bar.getMenus().getFirst().getItems().stream().filter(i -> "recentMenu".equals(i.getId())).findFirst().orElseThrow();
        assertEquals(List.of(file.toAbsolutePath().normalize().toString(), address), recent.getItems().stream().map(MenuItem::getText).toList());
        robot.interact(() -> recent.getItems().get(1).fire());
        saran.drain();
        assertEquals(address, saran.model.sharedAddress.get(), "the shared project again: " + saran.window.notifier().last.get());
        assertNull(saran.model.projectFile.get());
        assertEquals(6, saran.workbench().documents.list.getItems().size());
        assertEquals(List.of(Settings.Recent.ofAddress(address), Settings.Recent.ofFile(file)), saran.settings.recentProjects(), "newest first");

        // and, the project closed, from the welcome screen's list
        robot.interact(saran.window::closeProject);
        saran.drain();
        Hyperlink link = saran.lookup(robot, ".recent-project").match((Hyperlink h) -> address.equals(h.getText())).queryAs(Hyperlink.class);
        robot.clickOn(link);
        saran.drain();
        assertEquals(address, saran.model.sharedAddress.get(), "opened from the welcome screen: " + saran.window.notifier().last.get());
        assertEquals(6, saran.workbench().documents.list.getItems().size());
    }
}
