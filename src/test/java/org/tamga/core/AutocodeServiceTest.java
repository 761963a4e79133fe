package org.tamga.core;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tamga.model.Code;
import org.tamga.model.Coding;
import org.tamga.model.Document;
import org.tamga.model.TamgaException;
import org.tamga.model.Turn;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/** Bulk coding of search hits widened to sentences, turns and paragraphs, in Chinese, Mongolian and English. */
class AutocodeServiceTest {
    // 🐑 first: code points and UTF-16 differ everywhere after it
    static final String ZH = "🐑 访谈记录\n\n访谈者：草场怎么样？\n\n受访者：草场退化了，草场越来越少。我们搬走了。\n冬天草场不够。\n\n访谈者：还有别的吗？\n\n受访者：没有了。\n";
    static final String MN = "Судлаач: Бэлчээр ямар байна?\nМалчин: Бэлчээр муу болсон. Өвс ургахгүй.\nСудлаач: Яагаад?\nМалчин: Ган болсон, бэлчээр хомс.\n";
    static final String MONG = "ᠮᠠᠯᠴᠢᠨ\u202Fᠤ ᠪᠡᠯᠴᠢᠭᠡᠷ ᠮᠠᠭᠤ᠃ ᠣᠳᠣ ᠰᠠᠢᠨ᠃\n\nᠪᠡᠯᠴᠢᠭᠡᠷ ᠬᠣᠮᠰᠠ᠉\n";
    static final String EN = "Field notes, no speakers here. The grassland was poor. Herders said the grassland recovered later.\n\nA new paragraph on grassland.\n";

    @TempDir Path dir;
    ProjectSession session;
    Document zh, mn, mong, en;
    Code grassland;

    @BeforeEach
    void open() {
        session = ProjectSession.create(dir.resolve("p.tamga"), dir.resolve("cache"));
        zh = SessionFixtures.importText(session, dir.resolve("in"), "访谈01", ZH);
        mn = SessionFixtures.importText(session, dir.resolve("in"), "ярилцлага-02", MN);
        mong = SessionFixtures.importText(session, dir.resolve("in"), "ᠮᠣᠩᠭᠣᠯ-03", MONG);
        en = SessionFixtures.importText(session, dir.resolve("in"), "notes-04", EN);
        grassland = session.codebook().create(null, "草场 · Grassland", null, null);
    }

    @AfterEach
    void close() { session.close(); }

    List<String> passages(String query, CodingUnit unit) {
        return session.autocode().plan(SearchService.Request.of(query), unit, grassland, "Saran").toCode().stream()
                .map(AutocodeService.Passage::text).toList();
    }

    int codings() { return session.summary().codings(); }

    @Test
    void twoHitsInOneSentenceAreOnePassage() {
        AutocodeService.Plan plan = session.autocode().plan(SearchService.Request.of("草场"), CodingUnit.SENTENCE, grassland, "Saran");
        assertEquals(List.of("草场怎么样？", "草场退化了，草场越来越少。", "冬天草场不够。"), plan.toCode().stream().map(AutocodeService.Passage::text).toList());
        assertEquals(4, plan.hits());
        assertEquals(List.of(1, 2, 1), plan.toCode().stream().map(AutocodeService.Passage::hits).toList());
        assertEquals(1, plan.documentsToCode());
        assertEquals(List.of(3), plan.documents().stream().map(AutocodeService.DocumentCount::passages).toList());
        // positions are code points into the stored text
        String stored = session.documents().text(zh);
        for (AutocodeService.Passage p : plan.toCode()) assertEquals(p.text(), SessionFixtures.cpSubstring(stored, p.start(), p.end()));
    }

    @Test
    void matchesStayAsTheyAre() {
        assertEquals(List.of("草场", "草场", "草场", "草场"), passages("草场", CodingUnit.MATCH));
    }

    @Test
    void mongolianInBothScriptsBySentence() {
        assertEquals(List.of("Бэлчээр ямар байна?", "Бэлчээр муу болсон.", "Ган болсон, бэлчээр хомс."), passages("бэлчээр", CodingUnit.SENTENCE));
        assertEquals(List.of("ᠮᠠᠯᠴᠢᠨ\u202Fᠤ ᠪᠡᠯᠴᠢᠭᠡᠷ ᠮᠠᠭᠤ᠃", "ᠪᠡᠯᠴᠢᠭᠡᠷ ᠬᠣᠮᠰᠠ᠉"), passages("ᠪᠡᠯᠴᠢᠭᠡᠷ", CodingUnit.SENTENCE));
    }

    @Test
    void turnsAreTheStoredTurns() {
        AutocodeService.Plan plan = session.autocode().plan(SearchService.Request.of("草场"), CodingUnit.TURN, grassland, null);
        List<Turn> turns = session.speakers().turns(zh);
        Turn question = turns.get(0), answer = turns.get(1);
        assertEquals("受访者", answer.speaker());
        assertEquals(List.of(List.of(question.start(), question.end()), List.of(answer.start(), answer.end())),
                plan.toCode().stream().map(p -> List.of(p.start(), p.end())).toList());
        assertEquals("草场退化了，草场越来越少。我们搬走了。\n冬天草场不够。", plan.toCode().get(1).text(), "a turn of two paragraphs, without its label");
        assertEquals(3, plan.toCode().get(1).hits());
        assertEquals(0, plan.paragraphsForTurns());
        assertEquals(CodingService.defaultCoder(), plan.coder(), "no coder named: the user");
    }

    @Test
    void aDocumentWithoutTurnsGetsParagraphsForTurnsAndSaysSo() {
        assertTrue(session.speakers().turns(en).isEmpty(), "fixture: no speakers");
        AutocodeService.Plan plan = session.autocode().plan(SearchService.Request.of("grassland"), CodingUnit.TURN, grassland, "Saran");
        assertEquals(List.of("Field notes, no speakers here. The grassland was poor. Herders said the grassland recovered later.",
                "A new paragraph on grassland."), plan.toCode().stream().map(AutocodeService.Passage::text).toList());
        assertEquals(List.of(CodingUnit.PARAGRAPH, CodingUnit.PARAGRAPH), plan.toCode().stream().map(AutocodeService.Passage::unit).toList());
        assertEquals(2, plan.paragraphsForTurns());
        assertEquals(CodingUnit.TURN, plan.unit());
    }

    @Test
    void paragraphsAreLines() {
        assertEquals(List.of("草场怎么样？", "草场退化了，草场越来越少。我们搬走了。", "冬天草场不够。"), passages("草场", CodingUnit.PARAGRAPH));
    }

    @Test
    void aPlanChangesNothingAndApplyCodesItInOneGo() {
        int before = codings();
        AutocodeService.Plan plan = session.autocode().plan(SearchService.Request.of("草场 OR grassland OR бэлчээр"), CodingUnit.SENTENCE, grassland, "Saran");
        assertEquals(before, codings(), "a plan (a dry run) codes nothing");
        assertTrue(session.coding().coders().stream().noneMatch(c -> c.name().equals("Saran")), "nor does it add the coder");
        assertEquals(3 + 3 + 3, plan.passages(), plan.toCode().toString());
        assertEquals(3, plan.documentsToCode());

        AutocodeService.Applied applied = session.autocode().apply(plan);
        assertEquals(before + plan.passages(), codings());
        assertEquals(plan.passages(), applied.codings().size());
        assertEquals(3, applied.documents());
        for (int i = 0; i < plan.passages(); i++) {
            AutocodeService.Passage p = plan.toCode().get(i);
            Coding c = applied.codings().get(i);
            assertEquals(List.of(p.document().id(), (long) p.start(), (long) p.end(), grassland.id()),
                    List.of(c.documentId(), (long) c.start(), (long) c.end(), c.codeId()));
        }
        List<CodingService.Segment> retrieved = session.coding().retrieve(grassland, false, Set.of("Saran"));
        assertTrue(retrieved.stream().anyMatch(s -> s.text().equals("草场退化了，草场越来越少。")), retrieved.toString());
    }

    @Test
    void passagesAlreadyCodedAreSkipped() {
        int[] sentence = range(session.documents().text(zh), "冬天草场不够。");
        session.coding().apply(zh, sentence[0], sentence[1], grassland, "Saran");
        AutocodeService.Plan plan = session.autocode().plan(SearchService.Request.of("草场"), CodingUnit.SENTENCE, grassland, "Saran");
        assertEquals(List.of("草场怎么样？", "草场退化了，草场越来越少。"), plan.toCode().stream().map(AutocodeService.Passage::text).toList());
        assertEquals(List.of("冬天草场不够。"), plan.alreadyCoded().stream().map(AutocodeService.Passage::text).toList());
        assertEquals(1, plan.documents().getFirst().alreadyCoded());

        int before = codings();
        session.autocode().apply(plan);
        assertEquals(before + 2, codings());
        AutocodeService.Plan again = session.autocode().plan(SearchService.Request.of("草场"), CodingUnit.SENTENCE, grassland, "Saran");
        assertTrue(again.isEmpty());
        assertEquals(3, again.alreadyCoded().size());
        // applying the first plan a second time codes nothing twice
        AutocodeService.Applied twice = session.autocode().apply(plan);
        assertEquals(List.of(), twice.codings());
        assertEquals(2, twice.skipped());
        assertEquals(before + 2, codings());

        // another coder's coding of the same passage is theirs: this coder's plan still codes it
        AutocodeService.Plan other = session.autocode().plan(SearchService.Request.of("草场"), CodingUnit.SENTENCE, grassland, "Bolor");
        assertEquals(3, other.passages());
    }

    @Test
    void selectedHitsOnly() {
        List<SearchService.Hit> hits = session.search().search(SearchService.Request.of("草场")).hits().stream()
                .sorted(java.util.Comparator.comparingInt(SearchService.Hit::start)).toList();
        assertEquals(4, hits.size());
        AutocodeService.Plan plan = session.autocode().plan(List.of(hits.get(1), hits.get(3)), CodingUnit.SENTENCE, grassland, "Saran");
        assertEquals(List.of("草场退化了，草场越来越少。", "冬天草场不够。"), plan.toCode().stream().map(AutocodeService.Passage::text).toList());
        assertEquals(2, plan.hits());
    }

    @Test
    void undoAndRedoAreOneStepEachAndRepeatable() {
        int before = codings();
        AutocodeService.Applied applied = session.autocode().apply(
                session.autocode().plan(SearchService.Request.of("草场"), CodingUnit.SENTENCE, grassland, "Saran"));
        assertEquals(before + 3, codings());
        for (int round = 0; round < 2; round++) {
            session.autocode().undo(applied);
            assertEquals(before, codings(), "undo " + round);
            session.autocode().redo(applied);
            assertEquals(before + 3, codings(), "redo " + round);
            for (Coding c : applied.codings()) assertEquals(c.start(), session.coding().byGuid(c.guid()).start(), "the same coding is back");
        }
    }

    @Test
    void aHeadingOrNoCodeIsRefused() {
        Code heading = session.codebook().create(null, "Land", null, null);
        TamgaException none = assertThrows(TamgaException.class,
                () -> session.autocode().plan(SearchService.Request.of("草场"), CodingUnit.SENTENCE, null, "Saran"));
        assertEquals("Say which code to apply.", none.getMessage());
        // a heading of an imported codebook (REFI-QDA isCodable="false")
        Code notCodable = new Code(heading.id(), heading.guid(), null, heading.name(), null, null, false, 0, null);
        TamgaException refused = assertThrows(TamgaException.class,
                () -> session.autocode().plan(SearchService.Request.of("草场"), CodingUnit.SENTENCE, notCodable, "Saran"));
        assertTrue(refused.getMessage().contains("heading"), refused.getMessage());
    }

    @Test
    void overlappingPassagesMergeAndTouchingOnesDoNot() {
        int m = CodingUnit.MATCH.ordinal(), t = CodingUnit.TURN.ordinal();
        List<int[]> merged = AutocodeService.merge(List.of(new int[]{10, 14, m, 1}, new int[]{0, 4, m, 1},
                new int[]{12, 20, t, 1}, new int[]{4, 8, m, 1}));
        assertEquals(List.of(List.of(0, 4, m, 1), List.of(4, 8, m, 1), List.of(10, 20, t, 2)),
                merged.stream().map(r -> List.of(r[0], r[1], r[2], r[3])).toList());
    }

    static int[] range(String text, String needle) {
        int i = text.indexOf(needle);
        int s = text.codePointCount(0, i);
        return new int[]{s, s + needle.codePointCount(0, needle.length())};
    }
}
