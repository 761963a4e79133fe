package org.tamga.util;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tamga.util.BundledFonts.Face;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.io.InputStream;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The font-coverage test (ADR 33): for sample text in every script Tamga claims, the face chosen for
 * each character has a glyph for it — proven on the very files in the jar with AWT, which reads
 * them independently of Tamga's own cmap reader. Runs headless: no system font is involved.
 */
public class BundledFontsTest {
    public static final Map<String, String> SAMPLES = new LinkedHashMap<>();
    static {
        SAMPLES.put("English", "We don’t sell the sheep — “the grass is gone,” she said; it’s 2019 (or so)… Ulaanbaatar’s prices: 5% & $3!");
        SAMPLES.put("Mongolian Cyrillic", "Өвөр Монголын малчин үүлэн доор: Үүрээ ө ү Ө Ү ё Ё «хонь» — 2019 он.");
        SAMPLES.put("traditional Mongolian", "ᠮᠣᠩᠭᠣᠯ ᠪᠢᠴᠢᠭ᠌ ᠮᠣᠩᠭᠣᠯ\u202Fᠤᠨ ᠬᠡᠯᠡ ᠠ\u180Eᠠ ᠮᠠᠯᠴᠢᠨ᠂ ᠨᠤᠲᠤᠭ᠃");
        SAMPLES.put("Chinese, simplified", "贫困户说：“草场承包以后，我们搬到了镇上。”禁牧、补贴、生态移民——这些都不是“等靠要”。");
        SAMPLES.put("Chinese, traditional", "臺灣學者說：「草場與遊牧」；鄉親們對貧困戶問題很關心。");
        SAMPLES.put("mixed", "阿Q说 ᠮᠣᠩᠭᠣᠯ малчин don’t（草场）");
    }

    static final Map<Face, Font> AWT = new EnumMap<>(Face.class);

    @BeforeAll
    static void load() throws Exception {
        assertEquals("true", System.getProperty("java.awt.headless"), "the tests run headless, as CI does");
        for (Face f : Face.values()) {
            try (InputStream in = BundledFonts.open(f.regular())) {
                Font font = Font.createFont(Font.TRUETYPE_FONT, in);
                assertEquals(f.family(), font.getFamily(java.util.Locale.ROOT), "the family the file declares");
                AWT.put(f, font.deriveFont(20f));
            }
        }
    }

    @Test
    void everyCharacterOfEverySampleHasAGlyphInTheFaceChosenForIt() {
        for (var sample : SAMPLES.entrySet()) {
            String text = sample.getValue();
            List<BundledFonts.Run> runs = BundledFonts.runs(text);
            int covered = 0;
            for (BundledFonts.Run r : runs) {
                String part = text.substring(r.start(), r.end());
                Font font = AWT.get(r.face());
                assertEquals(-1, font.canDisplayUpTo(part), sample.getKey() + ": " + r.face() + " lacks a glyph in \u201C" + part + "\u201D");
                // rendering, not only the cmap: no glyph of the run is the missing-glyph box
                GlyphVector glyphs = font.createGlyphVector(new FontRenderContext(null, true, true), part);
                for (int g = 0; g < glyphs.getNumGlyphs(); g++) {
                    assertNotEquals(font.getMissingGlyphCode(), glyphs.getGlyphCode(g), sample.getKey() + ": a box in \u201C" + part + "\u201D");
                }
                covered += r.length();
            }
            assertEquals(text.length(), covered, "the runs cover the whole sample");
        }
    }

    @Test
    void eachScriptGetsItsOwnFace() {
        assertEquals(List.of(Face.LATIN), faces(SAMPLES.get("English")), "English, its quotes and apostrophes in the Latin face");
        assertEquals(List.of(Face.LATIN), faces(SAMPLES.get("Mongolian Cyrillic")));
        assertEquals(List.of(Face.MONGOLIAN), faces(SAMPLES.get("traditional Mongolian")));
        List<BundledFonts.Run> chinese = BundledFonts.runs(SAMPLES.get("Chinese, simplified"));
        String text = SAMPLES.get("Chinese, simplified");
        for (BundledFonts.Run r : chinese) {
            String part = text.substring(r.start(), r.end());
            if (r.face() != Face.CJK) assertTrue(part.chars().allMatch(c -> c >= 0x2010 && c <= 0x206F),
                    "only general punctuation that Droid Sans Fallback lacks (“ ” ——) leaves the CJK face: " + part);
        }
        String mixed = SAMPLES.get("mixed");
        assertEquals(List.of("阿=CJK", "Q=LATIN", "说 =CJK", "ᠮᠣᠩᠭᠣᠯ =MONGOLIAN", "малчин don’t=LATIN", "（草场）=CJK"),
                BundledFonts.runs(mixed).stream().map(r -> mixed.substring(r.start(), r.end()) + "=" + r.face()).toList());
    }

    private static List<Face> faces(String text) {
        return BundledFonts.runs(text).stream().map(BundledFonts.Run::face).distinct().toList();
    }

    /** The check above can fail: the other faces really lack what the chosen one has. */
    @Test
    void theWrongFaceWouldShowBoxes() {
        assertNotEquals(-1, AWT.get(Face.CJK).canDisplayUpTo("ᠮᠣᠩᠭᠣᠯ"), "the CJK face has no Mongolian");
        assertNotEquals(-1, AWT.get(Face.LATIN).canDisplayUpTo("草场"), "the Latin face has no Chinese");
        assertNotEquals(-1, AWT.get(Face.MONGOLIAN).canDisplayUpTo("малчин"), "the Mongolian face has no Cyrillic");
        assertNotEquals(-1, AWT.get(Face.CJK).canDisplayUpTo("don’t"), "the CJK face has no curly apostrophe");
    }

    /** English apostrophes and quotes are narrow in the Latin face, as they are not in CJK fonts. */
    @Test
    void theLatinApostropheIsNotFullWidth() {
        Font latin = AWT.get(Face.LATIN);
        FontRenderContext frc = new FontRenderContext(null, true, true);
        for (String mark : List.of("’", "“", "”")) {
            double advance = latin.createGlyphVector(frc, mark).getGlyphMetrics(0).getAdvance();
            assertTrue(advance < 0.5 * latin.getSize(), mark + " is " + advance + " wide at " + latin.getSize() + " px");
        }
    }

    /** Tamga's cmap reader agrees with AWT on every character of the Basic Multilingual Plane and of Extension B. */
    @Test
    void theCmapReaderAgreesWithAwt() {
        for (Face f : Face.values()) {
            Font font = AWT.get(f);
            int differences = 0, first = -1, count = 0;
            for (int cp = 0x20; cp <= 0x2FFFF; cp++) {
                if (cp >= 0xD800 && cp <= 0xDFFF) continue;
                if (cp == 0x10000) cp = 0x20000;
                if (invisible(cp)) continue; // AWT maps controls and format characters to an invisible glyph in every font
                boolean awt = font.canDisplay(cp), ours = f.covers(cp);
                if (ours) count++;
                if (awt != ours && differences++ == 0) first = cp;
            }
            assertEquals(0, differences, f + ": first difference at U+" + Integer.toHexString(first));
            assertTrue(count > 200, f + " covers " + count);
        }
        assertTrue(Face.CJK.covers('贫') && Face.CJK.covers('臺') && Face.CJK.covers(0x3400), "Chinese, traditional and Extension A");
    }

    /** Default-ignorable and unassigned code points, which AWT reports displayable (as an invisible glyph) in any font. */
    private static boolean invisible(int cp) {
        int type = Character.getType(cp);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR || type == Character.UNASSIGNED
                || cp == 0x034F || cp == 0x17B4 || cp == 0x17B5 || (cp >= 0x180B && cp <= 0x180F) || (cp >= 0xFE00 && cp <= 0xFE0F);
    }

    @Test
    void theBoldLatinFileIsTheSameFamily() throws Exception {
        try (InputStream in = BundledFonts.open(Face.LATIN.bold())) {
            Font bold = Font.createFont(Font.TRUETYPE_FONT, in);
            assertEquals(Face.LATIN.family(), bold.getFamily(java.util.Locale.ROOT));
            assertTrue(bold.getFontName(java.util.Locale.ROOT).contains("Bold"), bold.getFontName());
        }
    }

    @Test
    void theLicencesShipBesideTheFonts() throws Exception {
        try (InputStream in = BundledFontsTest.class.getResourceAsStream("/org/tamga/fonts/OFL.txt")) {
            assertNotNull(in, "OFL.txt beside the Noto fonts");
            String ofl = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(ofl.contains("SIL OPEN FONT LICENSE") && ofl.contains("Version 1.1") && ofl.contains("Noto Sans Mongolian"));
        }
    }
}
