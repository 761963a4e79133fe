package org.tamga.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tamga.util.SuppressForbidden;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.*;
import static org.tamga.cli.CliTest.tamga;

/** The command line writes the same digits under every default locale (issue 14 item 4, ADR 36). */
class LocaleCliTest {
    @TempDir Path dir;

    @Test
    @SuppressForbidden(reason = "checks that the default locale really writes other digits")
    void timesAndCountsAreAsciiUnderAnArabicLocale() throws Exception {
        Locale before = Locale.getDefault(), format = Locale.getDefault(Locale.Category.FORMAT),
                display = Locale.getDefault(Locale.Category.DISPLAY);
        try {
            Locale.setDefault(Locale.forLanguageTag("ar-EG"));
            assertNotEquals("1,234", String.format("%,d", 1234), "this locale writes other digits");
            Path project = dir.resolve("p.tamga");
            assertEquals(0, tamga("new", project).code());
            Path srt = dir.resolve("cues.srt");
            StringBuilder long_ = new StringBuilder();
            for (int i = 0; i < 120; i++) long_.append("the pasture was shared. ");
            Files.writeString(srt, "1\n00:00:01,000 --> 00:00:02,000\nQ: Ready?\n\n2\n01:02:03,500 --> 01:02:04,000\nA: "
                    + long_.toString().strip() + "\n", StandardCharsets.UTF_8);
            CliTest.Run imported = tamga("import", project, srt);
            assertEquals(0, imported.code(), imported.err());
            assertTrue(imported.out().matches("(?s).*\\(en, 2,\\d{3} characters, .*"), imported.out());

            CliTest.Run doc = tamga("document", project, "cues");
            assertEquals(0, doc.code(), doc.err());
            assertTrue(doc.out().contains("\t00:00:01-00:00:02\t"), doc.out());
            assertTrue(doc.out().contains("\t01:02:03-01:02:04\t"), doc.out());
            assertTrue(doc.out().chars().noneMatch(c -> c >= 0x0660 && c <= 0x0669), "no Arabic-Indic digit: " + doc.out());
        } finally {
            Locale.setDefault(before);
            Locale.setDefault(Locale.Category.FORMAT, format);
            Locale.setDefault(Locale.Category.DISPLAY, display);
        }
    }
}
