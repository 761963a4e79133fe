package org.tamga.gui;

import javafx.scene.Scene;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** A section of the README, shipped inside Tamga, in a window of its own (not modal): help that works in the field, offline. */
final class ReadmeView {
    private ReadmeView() { }

    /** The README as shipped (org/tamga/gui/README.md), or null when this build has none. */
    static String readme() {
        try (InputStream in = ReadmeView.class.getResourceAsStream("README.md")) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * The section under {@code heading}: a "## heading" up to the next such heading, or a paragraph
     * that starts "**heading" up to the next one that starts in bold; "" when there is none.
     */
    static String section(String readme, String heading) {
        StringBuilder out = new StringBuilder();
        boolean in = false;
        boolean bold = false;
        for (String line : readme.split("\n", -1)) {
            if (!in) {
                if (line.startsWith("## " + heading)) in = true;
                else if (line.startsWith("**" + heading)) { in = true; bold = true; }
                if (in) out.append(line).append('\n');
                continue;
            }
            if (line.startsWith("# ") || line.startsWith("## ") || bold && line.startsWith("**")) break;
            out.append(line).append('\n');
        }
        return out.toString().strip();
    }

    /** Shows the section in a window over {@code owner}; the window stays usable. */
    static Stage show(Window owner, I18n i18n, String heading) {
        String readme = readme();
        String text = readme == null ? "" : section(readme, heading);
        TextArea area = new TextArea(text.isEmpty() ? i18n.t("firstRun.readmeMissing") : text);
        area.setId("readmeText");
        area.setEditable(false);
        area.setWrapText(true);
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle("README — " + heading);
        Scene scene = new Scene(area, 720, 520);
        stage.setScene(scene);
        stage.show();
        return stage;
    }
}
