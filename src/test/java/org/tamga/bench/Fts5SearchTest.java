package org.tamga.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The FTS5 baseline finds what Tamga finds, at the same code point positions. */
class Fts5SearchTest {
    @TempDir Path tmp;

    static final String ZH = "访谈者：您家是贫困户吗？\n受访者：𠀀巴说以前是贫困户，贫。困不算。\n";
    static final String EN = "Interviewer: Is the Grassland fenced?\nRespondent: the grassland, yes; grasslands too. 🐑 grassland\n";

    @Test
    void hanCharactersBecomeTokensAndHighlightsMapBackToCodePoints() {
        String spaced = Fts5Search.spaced("贫困户 ok𠀀");
        assertEquals("贫 困 户  ok𠀀 ", spaced);
        StringBuilder original = new StringBuilder();
        String highlighted = "\u0002贫 困\u0003 户  ok\u0002𠀀\u0003 ";
        List<int[]> ranges = Fts5Search.unmark(highlighted, original);
        assertEquals("贫困户 ok𠀀", original.toString());
        assertEquals(2, ranges.size());
        assertArrayEquals(new int[]{0, 2}, ranges.get(0));
        assertArrayEquals(new int[]{6, 7}, ranges.get(1));
    }

    @Test
    void searchesGiveTheSamePositionsAsASubstringSearch() throws Exception {
        Path zh = Files.writeString(tmp.resolve("zh.txt"), ZH), en = Files.writeString(tmp.resolve("en.txt"), EN);
        try (Fts5Search fts = Fts5Search.build(tmp.resolve("fts.db"), List.of(zh, en))) {
            List<Fts5Search.Hit> hits = fts.search("\"贫 困\"", 10, 3);
            assertEquals(3, hits.size(), "贫。困 across punctuation counts for FTS5 (Tamga does not count it)");
            Fts5Search.Hit first = hits.stream().filter(h -> h.start() == 7).findFirst().orElseThrow();
            assertEquals(9, first.end());
            assertEquals("zh", first.document());
            assertEquals("贫困", first.context().match());
            Fts5Search.Hit second = hits.stream().filter(h -> h.start() == 23).findFirst().orElseThrow(() -> new AssertionError("𠀀 counts as one"));
            assertEquals("以前是", second.context().left());
            assertEquals("户，贫", second.context().right());

            List<Fts5Search.Hit> grass = fts.search("grassland", 10, 5);
            assertEquals(3, grass.size());
            assertEquals(List.of(20, 54, 88), grass.stream().map(Fts5Search.Hit::start).sorted().toList());
            assertEquals(2, fts.search("grassland", 2, 5).size(), "stops at the limit");
            assertEquals(4, fts.search("grass*", 10, 5).size());
        }
    }
}
