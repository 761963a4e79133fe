package org.tamga.gui;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The window's words, from {@code org/tamga/gui/messages*.properties} (English and 简体中文). */
public final class I18n {
    public static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE);
    private final ResourceBundle bundle;
    private final Locale locale;

    public I18n(Locale locale) {
        this.locale = supported(locale);
        this.bundle = ResourceBundle.getBundle("org.tamga.gui.messages", this.locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** Chinese for a Chinese system, English otherwise. */
    public static Locale supported(Locale wanted) {
        if (wanted != null && "zh".equals(wanted.getLanguage())) return Locale.SIMPLIFIED_CHINESE;
        return Locale.ENGLISH;
    }

    public Locale locale() { return locale; }

    /** A language's name as its speakers write it, for the menus that offer it. */
    public static String name(Locale language) { return "zh".equals(language.getLanguage()) ? "简体中文" : "English"; }

    public String t(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    public ResourceBundle bundle() { return bundle; }
}
