package org.tamga.gui;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.util.StringConverter;

import java.util.function.Function;

/** The small pieces every view of the window builds its bars and tables from. */
final class Controls {
    private Controls() {}

    /** A bar of controls that wraps onto a second line on a narrow window instead of cutting them off. */
    static FlowPane bar(Node... items) {
        FlowPane bar = new FlowPane(10, 6, items);
        for (Node n : items) {
            if (n instanceof Control c) c.setMinWidth(Control.USE_PREF_SIZE);
            if (n instanceof HBox h) h.setAlignment(Pos.CENTER_LEFT);
        }
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6));
        return bar;
    }

    /** A menu item with the window's words for {@code key}. */
    static MenuItem item(I18n i18n, String key, Runnable action) {
        MenuItem m = new MenuItem(i18n.t(key));
        m.setOnAction(e -> action.run());
        return m;
    }

    /** The Export… button of a view. */
    static MenuButton exportMenu(I18n i18n, String id, MenuItem... items) {
        MenuButton b = new MenuButton(i18n.t("analysis.export"), null, items);
        b.setId(id);
        return b;
    }

    /** A read-only table column showing {@code value} of each row. */
    static <S, T> TableColumn<S, T> column(String title, Function<S, T> value, double width) {
        TableColumn<S, T> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    /** Shows a choice in words; a null choice shows as nothing. */
    static <T> StringConverter<T> converter(Function<T, String> show) { return converter(show, ""); }

    /** Shows a choice in words; the null choice ("all codes", "all text") as {@code whenNull}. */
    static <T> StringConverter<T> converter(Function<T, String> show, String whenNull) {
        return new StringConverter<>() {
            @Override public String toString(T t) { return t == null ? whenNull : show.apply(t); }
            @Override public T fromString(String s) { return null; }
        };
    }
}
