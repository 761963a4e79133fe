package org.tamga.gui;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.*;

class SettingsTest {
    @TempDir Path dir;

    @Test
    void theCodersNameAndTheLanguageAreRememberedBetweenSessions() {
        Settings first = new Settings(dir);
        assertNull(first.coder(), "nobody has worked here yet");
        first.setCoder("  乌云 Saran ");
        first.setLanguage(Locale.SIMPLIFIED_CHINESE);
        first.setCoder(" ");
        Settings next = new Settings(dir);
        assertEquals("乌云 Saran", next.coder(), "a blank name does not replace the one given before");
        assertEquals(Locale.SIMPLIFIED_CHINESE, next.language());
    }
}
