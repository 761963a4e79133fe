package org.tamga.gui;

import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

class I18nTest {
    static Properties load(String name) throws Exception {
        Properties p = new Properties();
        try (InputStream in = I18nTest.class.getResourceAsStream("/org/tamga/gui/" + name)) {
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void chineseHasEveryEnglishKeyAndDiffersWhereItShould() throws Exception {
        Properties en = load("messages.properties"), zh = load("messages_zh_CN.properties");
        assertEquals(en.stringPropertyNames(), zh.stringPropertyNames());
        assertEquals("文件", new I18n(Locale.SIMPLIFIED_CHINESE).t("menu.file"));
        assertEquals("File", new I18n(Locale.ENGLISH).t("menu.file"));
        Set<String> same = new java.util.TreeSet<>();
        for (String k : en.stringPropertyNames()) if (en.getProperty(k).equals(zh.getProperty(k))) same.add(k);
        // status.serverAway is the placeholder {0} alone (the message comes from the store), the same in every language
        assertEquals(Set.of("error.title", "status.serverAway"), same, "every string is translated");
    }

    @Test
    void theSystemLocaleChoosesTheLanguage() {
        assertEquals(Locale.SIMPLIFIED_CHINESE, I18n.supported(Locale.TRADITIONAL_CHINESE));
        assertEquals(Locale.SIMPLIFIED_CHINESE, I18n.supported(Locale.forLanguageTag("zh-Hans-CN")));
        assertEquals(Locale.ENGLISH, I18n.supported(Locale.GERMANY));
        assertEquals(Locale.ENGLISH, I18n.supported(null));
        assertEquals("3 hits in 2 documents", new I18n(Locale.ENGLISH).t("search.count", 3, 2));
        assertEquals("2 个文档中共 3 处命中", new I18n(Locale.CHINA).t("search.count", 3, 2));
    }

    @Test
    void countsHaveTheirPluralForms() {
        I18n en = new I18n(Locale.ENGLISH);
        assertEquals("1 document", en.t("documents.total", 1));
        assertEquals("4 documents", en.t("documents.total", 4));
        assertEquals("1 hit in 1 document", en.t("search.count", 1, 1));
        assertEquals("1,204 hits in 12 documents", en.t("search.count", 1204, 12));
        assertEquals("Coded 1 passage with “Health”.", en.t("status.coded", 1, "Health"));
        assertEquals("Coded 12 passages (sentence) with “草场”; 3 were coded so already.", en.t("status.codedUnit", 12, "草场", "sentence", 3));
        assertEquals("4 个文档", new I18n(Locale.CHINA).t("documents.total", 4));
    }
}
