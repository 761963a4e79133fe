package org.tamga.gui;

import javafx.geometry.Pos;
import javafx.scene.control.TableCell;
import javafx.scene.layout.HBox;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;

/**
 * A table cell that draws its string in runs, each in the face of its script (ADR 33): English in
 * the Latin face, Chinese in the CJK one, traditional Mongolian in the Mongolian one. One line; what
 * does not fit is clipped on the side away from the alignment (a right-aligned left context loses
 * its beginning, as a concordance should).
 */
final class ScriptCell<S> extends TableCell<S, String> {
    private final HBox line = new HBox();
    private final String[] styleClasses;

    /**
     * @param alignment    where the text sits in the cell (CENTER_LEFT, CENTER, CENTER_RIGHT)
     * @param styleClasses classes for the text nodes (tamga.css: {@code kwic-text}, {@code kwic-match})
     */
    ScriptCell(Pos alignment, String... styleClasses) {
        this.styleClasses = styleClasses;
        line.setAlignment(alignment);
        line.setMinWidth(0);
        line.setFillHeight(false);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(line.widthProperty());
        clip.heightProperty().bind(line.heightProperty());
        line.setClip(clip);
        // the column decides the width, never the text (a long context must not widen its column)
        line.prefWidthProperty().bind(widthProperty().subtract(6));
        line.setMaxWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        setContentDisplay(javafx.scene.control.ContentDisplay.GRAPHIC_ONLY);
        setText(null);
        getStyleClass().add("script-cell");
    }

    @Override
    protected void updateItem(String item, boolean empty) {
        super.updateItem(item, empty);
        setText(null);
        if (empty || item == null) {
            setGraphic(null);
            return;
        }
        line.getChildren().setAll(Fonts.texts(item, 0, styleClasses));
        setGraphic(line);
    }

    /** The text shown, joined from its runs (for tests). */
    String shown() {
        StringBuilder b = new StringBuilder();
        for (var n : line.getChildren()) b.append(((Text) n).getText());
        return b.toString();
    }
}
