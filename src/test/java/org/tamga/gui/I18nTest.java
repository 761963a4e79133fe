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
        assertEquals(Set.of("error.title"), same, "every string is translated");
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
}
