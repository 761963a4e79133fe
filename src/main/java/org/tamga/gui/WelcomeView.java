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
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The welcome screen: new, open, the sample, recent projects; and, while a project opens, what is
 * being done. The first time Tamga starts it also asks who is coding and in which language, offers
 * the sample with a short tour, and points to the README's sections — in the screen itself, not
 * in a dialog.
 */
final class WelcomeView {
    /** The README's sections the first run points to: the key of their link's words, and the heading in README.md. */
    static final List<String[]> README_SECTIONS = List.of(
            new String[]{"firstRun.readme.window", "The window"},
            new String[]{"firstRun.readme.search", "Search syntax"},
            new String[]{"firstRun.readme.report", "The frequency report"},
            new String[]{"firstRun.readme.import", "Importing transcripts"},
            new String[]{"firstRun.readme.teamwork", "Teamwork"},
            new String[]{"firstRun.readme.backups", "Backups"});

    /** What the first run's questions and offers do. */
    interface FirstRun {
        /** The name to offer: the one typed before the language changed, or the system's user name. */
        String coder();
        /** Switches the window to this language at once (the name typed so far is kept). */
        void language(Locale language);
        /** Opens the sample project and starts the tour. */
        void tour();
        /** Shows a section of the README (its heading). */
        void readme(String heading);
    }

    final BorderPane root = new BorderPane();
    final Label opening = new Label();
    final ProgressIndicator spinner = new ProgressIndicator();
    /** The coder's name, on the first run (otherwise not shown). */
    final javafx.scene.control.TextField coderName = new javafx.scene.control.TextField();
    /** The first run's questions and offers, or null when Tamga has been started before. */
    final VBox firstRunPanel;

    WelcomeView(I18n i18n, MenuBar menus, List<Settings.Recent> recents, Runnable newProject, Runnable open, Runnable sample,
                Consumer<Settings.Recent> openRecent, TaskExecutor tasks, FirstRun first) {
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
        firstRunPanel = first == null ? null : firstRun(i18n, first, tasks);
        if (first != null) sampleButton.setDefaultButton(false);
        VBox box = new VBox(14, title, tagline);
        if (firstRunPanel != null) box.getChildren().add(firstRunPanel);
        box.getChildren().addAll(new HBox(10, newButton, openButton, sampleButton), progress, recent);
        box.setAlignment(Pos.CENTER_LEFT);
        box.setPadding(new Insets(60));
        box.setMaxWidth(720);
        root.setCenter(box);
        root.setTop(menus);
        root.getStyleClass().add("welcome");
    }

    Parent root() { return root; }

    /** Your name, the language, the sample with a tour, the README's sections. */
    private VBox firstRun(I18n i18n, FirstRun first, TaskExecutor tasks) {
        Label hello = new Label(i18n.t("firstRun.title"));
        hello.getStyleClass().add("first-run-title");
        Label why = new Label(i18n.t("firstRun.why"));
        why.setWrapText(true);
        coderName.setId("firstRunCoder");
        coderName.setText(first.coder());
        coderName.setPrefColumnCount(22);
        javafx.scene.control.ComboBox<Locale> language = new javafx.scene.control.ComboBox<>(
                javafx.collections.FXCollections.observableArrayList(I18n.LANGUAGES));
        language.setId("firstRunLanguage");
        language.setConverter(new javafx.util.StringConverter<>() {
            @Override public String toString(Locale l) { return l == null ? "" : I18n.name(l); }
            @Override public Locale fromString(String s) { return I18n.LANGUAGES.stream().filter(l -> I18n.name(l).equals(s)).findFirst().orElse(null); }
        });
        language.getSelectionModel().select(i18n.locale());
        language.setOnAction(e -> {
            Locale chosen = language.getValue();
            if (chosen != null && !chosen.equals(i18n.locale())) first.language(chosen);
        });
        javafx.scene.layout.GridPane questions = new javafx.scene.layout.GridPane();
        questions.setHgap(10);
        questions.setVgap(6);
        Label nameLabel = new Label(i18n.t("coder.prompt"));
        nameLabel.setLabelFor(coderName);
        Label languageLabel = new Label(i18n.t("menu.view.language"));
        languageLabel.setLabelFor(language);
        questions.addRow(0, nameLabel, coderName);
        questions.addRow(1, languageLabel, language);
        Button tour = new Button(i18n.t("firstRun.tour"));
        tour.setId("startTour");
        tour.setDefaultButton(true);
        tour.disableProperty().bind(tasks.pending.greaterThan(0));
        tour.setOnAction(e -> first.tour());
        Label tourText = new Label(i18n.t("firstRun.tourText"));
        tourText.setWrapText(true);
        javafx.scene.layout.FlowPane links = new javafx.scene.layout.FlowPane(4, 2);
        links.getChildren().add(new Label(i18n.t("firstRun.readme")));
        for (String[] section : README_SECTIONS) {
            Hyperlink link = new Hyperlink(i18n.t(section[0]));
            link.getStyleClass().add("readme-link");
            link.setOnAction(e -> first.readme(section[1]));
            links.getChildren().add(link);
        }
        VBox panel = new VBox(10, hello, why, questions, new HBox(10, tour), tourText, links);
        panel.setId("firstRunPanel");
        panel.getStyleClass().add("first-run");
        return panel;
    }
}
