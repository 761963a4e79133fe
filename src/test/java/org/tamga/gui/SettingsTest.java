package org.tamga.gui;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tamga.model.TamgaException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

    @Test
    void theFirstRunWelcomeIsSeenOnceAndEarlierCodersCountAsWelcomed() {
        Settings fresh = new Settings(dir.resolve("fresh"));
        assertFalse(fresh.welcomed(), "no settings yet: the first run");
        fresh.setWelcomed();
        assertTrue(new Settings(dir.resolve("fresh")).welcomed(), "kept for the next start");
        Settings earlier = new Settings(dir.resolve("earlier"));
        earlier.setCoder("Сарана");
        assertFalse(earlier.welcomed(), "a name alone is not an answer");
        earlier.setCoderConfirmed();
        assertTrue(new Settings(dir.resolve("earlier")).welcomed(), "settings from before the welcome, whose coder said her name");
    }

    private Path project(String name) throws IOException {
        return Files.writeString(dir.resolve(name), "a project", StandardCharsets.UTF_8);
    }

    @Test
    void recentProjectsHoldFilesAndSharedProjectsNewestFirstBetweenSessions() throws IOException {
        Path file = project("访谈 Монгол ᠮᠣᠩᠭᠣᠯ 🐎.tamga");
        String address = "postgresql://db.example.org:5432/хээрийн_ажил";
        Settings first = new Settings(dir.resolve("config"));
        assertEquals(List.of(), first.recentProjects());
        first.addRecent(file);
        first.addRecent(address);
        Settings next = new Settings(dir.resolve("config"));
        assertEquals(List.of(Settings.Recent.ofAddress(address), Settings.Recent.ofFile(file)), next.recentProjects());
        Settings.Recent shared = next.recentProjects().getFirst();
        assertTrue(shared.shared());
        assertEquals(address, shared.address());
        assertEquals(address, shared.toString(), "the menu shows the address as it is");
        assertFalse(next.recentProjects().getLast().shared());
        assertEquals(file.toAbsolutePath().normalize(), next.recentProjects().getLast().file());

        // opened again: to the top, not listed twice
        next.addRecent(file);
        next.addRecent(dir.resolve(".").resolve(file.getFileName()));
        assertEquals(List.of(Settings.Recent.ofFile(file), Settings.Recent.ofAddress(address)), new Settings(dir.resolve("config")).recentProjects());
        // postgres:// is the same address, remembered as Tamga shows it
        next.addRecent(address.replace("postgresql://", "postgres://"));
        assertEquals(List.of(Settings.Recent.ofAddress(address), Settings.Recent.ofFile(file)), new Settings(dir.resolve("config")).recentProjects());
    }

    @Test
    void theListKeepsTheEightNewestAndForgetsFilesThatAreGone() throws IOException {
        Settings s = new Settings(dir.resolve("config"));
        List<Settings.Recent> added = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            if (i % 2 == 0) {
                Path f = project("项目 " + i + ".tamga");
                s.addRecent(f);
                added.addFirst(Settings.Recent.ofFile(f));
            } else {
                String a = "postgresql://localhost:" + (5430 + i) + "/project_" + i;
                s.addRecent(a);
                added.addFirst(Settings.Recent.ofAddress(a));
            }
        }
        assertEquals(added.subList(0, 8), new Settings(dir.resolve("config")).recentProjects(), "the eight newest, newest first");
        Files.delete(added.get(1).file());
        assertEquals(7, new Settings(dir.resolve("config")).recentProjects().size(), "a file that is gone is not offered");
        assertTrue(new Settings(dir.resolve("config")).recentProjects().contains(added.get(0)), "an address is kept: the server may be away only now");
    }

    @Test
    void settingsWrittenBeforeSharedProjectsAreReadAsTheyWere() throws IOException {
        Path a = project("样本 ᠲᠠᠮᠭ᠎ᠠ.tamga");
        Path b = project("Бат-Эрдэнэ.tamga");
        // as an earlier Tamga wrote it (Properties.store: ':' and '=' escaped, other text as it is)
        String old = "#Tamga settings\n#Mon Nov 30 10:00:00 UTC 2026\ncoder=Saran\nlanguage=zh-CN\n"
                + "recent.0=" + escaped(a) + "\nrecent.1=" + escaped(dir.resolve("gone.tamga")) + "\nrecent.2=" + escaped(b) + "\n";
        Path config = Files.createDirectories(dir.resolve("old"));
        Files.writeString(config.resolve("settings.properties"), old, StandardCharsets.UTF_8);
        Settings s = new Settings(config);
        assertEquals(List.of(Settings.Recent.ofFile(a), Settings.Recent.ofFile(b)), s.recentProjects());
        assertEquals("Saran", s.coder());
        s.addRecent("postgresql://localhost:5432/田野");
        assertEquals(List.of(Settings.Recent.ofAddress("postgresql://localhost:5432/田野"), Settings.Recent.ofFile(a), Settings.Recent.ofFile(b)),
                new Settings(config).recentProjects());
    }

    private static String escaped(Path p) {
        return p.toAbsolutePath().toString().replace("\\", "\\\\").replace(":", "\\:").replace("=", "\\=");
    }

    @Test
    void anAddressWithAUserOrPasswordIsNeverKept() throws IOException {
        Path config = dir.resolve("config");
        Settings s = new Settings(config);
        s.addRecent("postgresql://localhost:5432/fieldwork");
        assertThrows(TamgaException.class, () -> s.addRecent("postgresql://saran:s3cret@localhost:5432/fieldwork"));
        assertThrows(TamgaException.class, () -> s.addRecent("postgresql://localhost:5432/fieldwork?user=saran&password=s3cret"));
        assertEquals(List.of(Settings.Recent.ofAddress("postgresql://localhost:5432/fieldwork")), new Settings(config).recentProjects());
        assertFalse(Files.readString(config.resolve("settings.properties"), StandardCharsets.UTF_8).contains("s3cret"));
        // one written into the file by hand is not offered either
        Files.writeString(config.resolve("settings.properties"), "recent.0=postgresql\\://saran\\:s3cret@localhost/fieldwork\n", StandardCharsets.UTF_8);
        assertEquals(List.of(), new Settings(config).recentProjects());
    }
}
