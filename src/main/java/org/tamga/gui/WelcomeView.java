package org.tamga.gui;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.control.MenuBar;

import java.util.List;
import java.util.function.Consumer;

/** The welcome screen: new, open, the sample, recent projects; and, while a project opens, what is being done. */
final class WelcomeView {
    final BorderPane root = new BorderPane();
    final Label opening = new Label();
    final ProgressIndicator spinner = new ProgressIndicator();

    WelcomeView(I18n i18n, MenuBar menus, List<Settings.Recent> recents, Runnable newProject, Runnable open, Runnable sample,
                Consumer<Settings.Recent> openRecent, TaskExecutor tasks) {
        Label title = new Label(i18n.t("app.title"));
        title.getStyleClass().add("welcome-title");
        Label tagline = new Label(i18n.t("app.tagline"));
        Button newButton = new Button(i18n.t("welcome.new"));
        newButton.setOnAction(e -> newProject.run());
        Button openButton = new Button(i18n.t("welcome.open"));
        openButton.setOnAction(e -> open.run());
        Button sampleButton = new Button(i18n.t("welcome.sample"));
        sampleButton.setId("openSample");
        sampleButton.setDefaultButton(true);
        sampleButton.setOnAction(e -> sample.run());
        VBox recent = new VBox(4, new Label(i18n.t("welcome.recent")));
        if (recents.isEmpty()) recent.getChildren().add(new Label(i18n.t("welcome.none")));
        for (Settings.Recent p : recents) {
            // a file by its name, then its folder; a shared project by its address
            Hyperlink link = new Hyperlink(p.shared() ? p.address() : p.file().getFileName() + "  (" + p.file().getParent() + ")");
            link.getStyleClass().add("recent-project");
            link.setMnemonicParsing(false);
            link.setOnAction(e -> openRecent.accept(p));
            recent.getChildren().add(link);
        }
        // opening a project (and catching up its index) can take a while on a slow machine: say so
        spinner.setPrefSize(22, 22);
        opening.setId("openingMessage");
        opening.textProperty().bind(tasks.message);
        HBox progress = new HBox(8, spinner, opening);
        progress.setAlignment(Pos.CENTER_LEFT);
        progress.visibleProperty().bind(tasks.pending.greaterThan(0));
        for (Button b : List.of(newButton, openButton, sampleButton)) b.disableProperty().bind(tasks.pending.greaterThan(0));
        VBox box = new VBox(14, title, tagline, new HBox(10, newButton, openButton, sampleButton), progress, recent);
        box.setAlignment(Pos.CENTER_LEFT);
        box.setPadding(new Insets(60));
        box.setMaxWidth(720);
        root.setCenter(box);
        root.setTop(menus);
        root.getStyleClass().add("welcome");
    }

    Parent root() { return root; }
}
