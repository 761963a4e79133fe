package org.tamga.core.text;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/** Positions over UTF-8 bytes agree with {@link Positions} over the decoded text, everywhere. */
class Utf8PositionsTest {
    static final String[] PIECES = {"a", "grassland ", "草", "场", "。", "\n", "𠀀", "🐑", "é", "ө", "ᠮᠣᠩ", "\t", "—", "  ", "Ab12"};

    static String text(Random rnd, int pieces) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < pieces; i++) b.append(PIECES[rnd.nextInt(PIECES.length)]);
        return b.toString();
    }

    /** UTF-16 offsets at code point boundaries, ascending. */
    static List<Integer> boundaries(String text) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i <= text.length(); i = i < text.length() ? text.offsetByCodePoints(i, 1) : i + 1) out.add(i);
        return out;
    }

    @Test
    void everyOffsetGivesTheCodePointAndTheTextThatPositionsGives() {
        Random rnd = new Random(6);
        for (int round = 0; round < 200; round++) {
            String text = text(rnd, 1 + rnd.nextInt(80));
            Positions reference = new Positions(text);
            Utf8Positions utf8 = new Utf8Positions(text.getBytes(StandardCharsets.UTF_8));
            List<Integer> offsets = boundaries(text);
            for (int k = 0; k < offsets.size(); k++) {
                int start16 = offsets.get(k);
                Utf8Positions.Place start = utf8.at(start16);
                assertEquals(reference.toCodePoint(start16), start.codePoint(), text + " @" + start16);
                int end16 = offsets.get(Math.min(offsets.size() - 1, k + rnd.nextInt(4)));
                Utf8Positions.Place end = utf8.after(start, end16);
                int s = start.codePoint(), e = end.codePoint();
                assertEquals(reference.toCodePoint(end16), e);
                assertEquals(reference.substring(s, e), utf8.text(start.byteOffset(), end.byteOffset()));
                int context = rnd.nextInt(6);
                assertEquals(Kwic.of(reference, s, e, context), utf8.kwic(start, end, context), text + " " + s + "-" + e);
            }
        }
    }

    @Test
    void longWalksEightBytesAtATimeLandOnTheSameCodePoints() {
        Random rnd = new Random(8);
        for (int round = 0; round < 50; round++) {
            String text = text(rnd, 2000 + rnd.nextInt(3000));
            Positions reference = new Positions(text);
            Utf8Positions utf8 = new Utf8Positions(text.getBytes(StandardCharsets.UTF_8));
            List<Integer> offsets = boundaries(text);
            for (int k = rnd.nextInt(50); k < offsets.size(); k += 1 + rnd.nextInt(400)) {
                int o = offsets.get(k);
                Utf8Positions.Place p = utf8.at(o);
                assertEquals(reference.toCodePoint(o), p.codePoint(), "offset " + o);
                assertEquals(o, p.utf16());
                assertEquals(text.substring(0, o).getBytes(StandardCharsets.UTF_8).length, p.byteOffset());
                Utf8Positions.Place far = utf8.after(p, offsets.get(Math.min(offsets.size() - 1, k + rnd.nextInt(300))));
                assertEquals(reference.toCodePoint(far.utf16()), far.codePoint());
            }
            Utf8Positions.Place end = new Utf8Positions(text.getBytes(StandardCharsets.UTF_8)).at(text.length());
            assertEquals(reference.length(), end.codePoint());
        }
    }

    @Test
    void askingForAnEarlierOffsetStartsAgainFromTheBeginning() {
        String text = "访谈者：🐑 您家有多少羊？ grassland 𠀀巴 and more plain ASCII text to walk eight bytes at a time";
        Positions reference = new Positions(text);
        Utf8Positions utf8 = new Utf8Positions(text.getBytes(StandardCharsets.UTF_8));
        int[] order = {text.length(), 3, text.indexOf("grass"), 0, text.indexOf("𠀀") + 2, text.indexOf("ASCII")};
        for (int o : order) assertEquals(reference.toCodePoint(o), utf8.at(o).codePoint(), "offset " + o);
        Utf8Positions.Place late = utf8.at(text.indexOf("more"));
        Utf8Positions.Place earlier = utf8.after(late, text.indexOf("grass"));
        assertEquals(reference.toCodePoint(text.indexOf("grass")), earlier.codePoint());
    }

    @Test
    void contextStopsAtTheEdgesOfTheText() {
        String text = "🐑草场";
        Utf8Positions utf8 = new Utf8Positions(text.getBytes(StandardCharsets.UTF_8));
        Utf8Positions.Place s = utf8.at(2), e = utf8.after(s, 4);
        assertEquals(new Kwic("🐑", "草场", ""), utf8.kwic(s, e, 40));
        assertEquals(0, utf8.back(s.byteOffset(), 40));
        assertEquals(text.getBytes(StandardCharsets.UTF_8).length, utf8.forward(e.byteOffset(), 40));
    }
}
