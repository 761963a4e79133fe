package org.tamga.gui;

import com.sun.javafx.font.CompositeFontResource;
import com.sun.javafx.font.FontResource;
import com.sun.javafx.font.PGFont;
import com.sun.javafx.font.PrismFontFactory;
import javafx.scene.Scene;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.fxmisc.richtext.InlineCssTextArea;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tamga.core.text.Positions;
import org.tamga.model.Code;
import org.tamga.model.Codebook;
import org.tamga.model.Coding;
import org.tamga.model.Document;
import org.tamga.util.BundledFonts;
import org.tamga.util.BundledFontsTest;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The bundled faces in JavaFX, headless (ADR 33): each family resolves to the bundled file and has a
 * glyph of its own for every character given to it; the transcript sets the family per script run;
 * the search field, which cannot mix families, shows every script through JavaFX's fallback to the
 * bundled faces. Glyphs are looked up with JavaFX's own font machinery (com.sun.javafx.font), as
 * the text nodes draw them.
 */
@ExtendWith(ApplicationExtension.class)
class FontsTest {
    Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Fonts.load();
    }

    /** The glyph JavaFX draws for a code point in a family: slot in the high byte (0 = the family itself), 0 = missing. */
    static int glyph(String family, int codePoint) {
        PGFont font = PrismFontFactory.getFontFactory().createFont(family, 15f);
        return font.getFontResource().getGlyphMapper().charToGlyph(codePoint);
    }

    static String slotFont(String family, int glyph) {
        FontResource r = PrismFontFactory.getFontFactory().createFont(family, 15f).getFontResource();
        return r instanceof CompositeFontResource c ? c.getSlotResource(glyph >>> 24).getFamilyName() : r.getFamilyName();
    }

    @Test
    void eachFamilyIsTheBundledFileAndHasItsOwnGlyphForEveryCharacterGivenToIt() {
        for (BundledFonts.Face face : BundledFonts.Face.values()) {
            assertEquals(face.family(), Font.font(face.family(), 15).getFamily(), "JavaFX knows " + face.family());
        }
        assertEquals("Noto Sans", Fonts.family(org.tamga.util.ScriptRuns.Script.CYRILLIC));
        assertEquals("Droid Sans Fallback", Fonts.family(org.tamga.util.ScriptRuns.Script.HAN));
        assertEquals("Noto Sans Mongolian", Fonts.family(org.tamga.util.ScriptRuns.Script.MONGOLIAN));
        int checked = 0;
        for (String text : BundledFontsTest.SAMPLES.values()) {
            for (BundledFonts.Run r : BundledFonts.runs(text)) {
                String family = Fonts.family(r.face());
                for (int i = r.start(); i < r.end(); ) {
                    int cp = text.codePointAt(i);
                    i += Character.charCount(cp);
                    if (Character.getType(cp) == Character.FORMAT || Character.getType(cp) == Character.NON_SPACING_MARK && cp >= 0x180B && cp <= 0x180D) continue;
                    int g = glyph(family, cp);
                    assertNotEquals(0, g & 0xFFFFFF, family + " has no glyph for U+" + Integer.toHexString(cp) + " in \u201C" + text + "\u201D");
                    assertEquals(0, g >>> 24, family + " draws U+" + Integer.toHexString(cp) + " itself, not from a fallback ("
                            + slotFont(family, g) + ")");
                    checked++;
                }
            }
        }
        assertTrue(checked > 200, "characters checked: " + checked);
    }

    @Test
    void theSearchFieldIsLatinFirstAndShowsChineseAndMongolianByFallback(FxRobot robot) {
        TextField field = new TextField("阿Q说 ᠮᠣᠩᠭᠣᠯ малчин don’t");
        field.setId("searchField");
        robot.interact(() -> {
            Scene scene = new Scene(new StackPane(field), 400, 80);
            scene.getStylesheets().add(MainWindow.class.getResource("tamga.css").toExternalForm());
            stage.setScene(scene);
            stage.show();
            field.applyCss();
        });
        assertEquals(Fonts.uiFamily(), field.getFont().getFamily(), "one family: JavaFX reads only the first of a CSS list");
        assertEquals("Noto Sans", field.getFont().getFamily());
        String text = field.getText();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int g = glyph(field.getFont().getFamily(), c);
            assertNotEquals(0, g & 0xFFFFFF, "no box for " + c);
            if (c == '’' || c == 'd' || c == 'м') assertEquals(0, g >>> 24, c + " in the Latin face itself");
        }
    }

    @Test
    void theTranscriptSetsTheFamilyPerScriptRunWithTheCodingStyles(FxRobot robot) {
        String text = "阿Q说 ᠮᠣᠩᠭᠣᠯ малчин don’t.\n访谈者：你们家有多少只羊？\nWe don’t have sheep any more.";
        Codebook book = new Codebook(List.of(new Code(1, "g1", null, "A", null, "#AABBCC", true, 0, null)));
        Coding coding = new Coding(1, "c1", 7, 1, 1, 2, 14, null, Instant.EPOCH); // "说 ᠮᠣᠩᠭᠣᠯ мал…"
        DocumentPane pane = new DocumentPane(new I18n(java.util.Locale.ENGLISH));
        robot.interact(() -> {
            stage.setScene(new Scene(pane.root, 600, 300));
            stage.show();
            pane.show(open(text, List.of(coding)), book, "");
        });
        robot.interact(() -> pane.area.layout());
        InlineCssTextArea area = pane.area;
        // every character's style names the family of its face, and the coding keeps its background
        List<BundledFonts.Run> runs = BundledFonts.runs(text);
        for (BundledFonts.Run r : runs) {
            for (int i = r.start(); i < r.end(); i++) {
                if (text.charAt(i) == '\n') continue; // not a styled character in the area
                String style = area.getStyleOfChar(i);
                assertTrue(style.startsWith(Fonts.css(r.face())), "char " + i + " (" + text.charAt(i) + ") styled " + style);
                assertEquals(i >= 2 && i < 14, style.contains("-rtfx-background-color: #AABBCC"), "coding at " + i + ": " + style);
            }
        }
        // the text nodes really are in those families
        List<String> seen = new ArrayList<>();
        for (var node : area.lookupAll(".text")) {
            if (node instanceof Text t && !t.getText().isEmpty()) {
                seen.add(t.getText() + "=" + t.getFont().getFamily());
                for (BundledFonts.Run r : BundledFonts.runs(t.getText())) {
                    if (t.getText().isBlank()) continue;
                    assertEquals(Fonts.family(r.face()), t.getFont().getFamily(), "\u201C" + t.getText() + "\u201D");
                }
            }
        }
        assertTrue(seen.stream().anyMatch(s -> s.contains("ᠮᠣᠩᠭᠣᠯ") && s.endsWith("=Noto Sans Mongolian")), seen.toString());
        assertTrue(seen.stream().anyMatch(s -> s.contains("羊") && s.endsWith("=Droid Sans Fallback")), seen.toString());
        assertTrue(seen.stream().anyMatch(s -> s.contains("don’t have") && s.endsWith("=Noto Sans")), seen.toString());
    }

    /** 60,000 characters of mixed transcript: the faces are computed once, and a restyle walks only its range. */
    @Test
    void aLongDocumentIsSplitOnceAndQuickly() {
        StringBuilder b = new StringBuilder();
        String[] lines = {"访谈者：你们家现在有多少只羊？草场承包以后变化大吗？\n", "受访者：我们家 don’t have many now — 大概 120 只。\n",
                "ᠮᠣᠩᠭᠣᠯ ᠮᠠᠯᠴᠢᠨ малчин өвөл.\n"};
        for (int i = 0; b.length() < 60_000; i++) b.append(lines[i % lines.length]);
        String text = b.toString();
        FontRuns.of(text); // warm up
        long t0 = System.nanoTime();
        FontRuns runs = FontRuns.of(text);
        long split = System.nanoTime() - t0;
        assertTrue(runs.size() > 1000, "runs: " + runs.size());
        assertTrue(split < 500_000_000L, "splitting 60,000 characters took " + split / 1_000_000 + " ms");
        List<CodingStyles.Run> coding = List.of(new CodingStyles.Run(100, ""), new CodingStyles.Run(200, "-rtfx-background-color: #AABBCC;"));
        int[] total = {0};
        List<String> styles = new ArrayList<>();
        runs.styles(coding, 5000, (style, length) -> { total[0] += length; styles.add(style); });
        assertEquals(300, total[0], "the range exactly");
        for (int i = 0; i < styles.size(); i++) assertTrue(styles.get(i).startsWith("-fx-font-family: "), styles.get(i));
        assertEquals(runs.faceAt(5000), faceOf(styles.getFirst()));
    }

    private static BundledFonts.Face faceOf(String style) {
        for (BundledFonts.Face f : BundledFonts.Face.values()) if (style.startsWith(Fonts.css(f))) return f;
        return null;
    }

    static ProjectModel.OpenDocument open(String text, List<Coding> codings) {
        Document d = new Document(7, "guid-7", "mixed", "zh", text.codePointCount(0, text.length()), "mixed.txt", "UTF-8", "sha", Instant.EPOCH, null);
        return new ProjectModel.OpenDocument(d, text, new Positions(text), codings, null, List.of(), null);
    }
}
