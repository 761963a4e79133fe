package org.tamga.core;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tamga.model.Code;
import org.tamga.model.Coding;
import org.tamga.model.Document;
import org.tamga.model.TamgaException;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The passages where two coders differ, accepting one version (one undoable step), and memos on a passage. */
class DisagreementsTest {
    @TempDir Path dir;
    ProjectSession s;
    Document d1, d2;
    Code land, degradation, money;

    @BeforeEach
    void open() {
        s = ProjectSession.create(dir.resolve("p.tamga"), dir.resolve("cache"));
        d1 = SessionFixtures.importText(s, dir.resolve("in"), "一 paragraphs", AgreementServiceTest.D1);
        d2 = SessionFixtures.importText(s, dir.resolve("in"), "二 turns", AgreementServiceTest.D2);
        land = s.codebook().create(null, "Land · 草场", null, null);
        degradation = s.codebook().create(land.id(), "Degradation · 退化", null, null);
        money = s.codebook().create(null, "Money · 钱", null, null);
        // as AgreementServiceTest.codeD1
        code(d1, 0, 5, land, "Saran");
        code(d1, 3, 7, land, "Saran");
        code(d1, 2, 7, degradation, "Saran");
        code(d1, 8, 13, money, "Saran");
        code(d1, 14, 28, land, "Saran");
        code(d1, 0, 7, land, "Bolor");
        code(d1, 3, 6, degradation, "Bolor");
        code(d1, 14, 18, degradation, "Bolor");
        code(d1, 8, 12, money, "Bolor");
        code(d1, 29, 31, land, "Bolor");
    }

    @AfterEach
    void close() { s.close(); }

    void code(Document d, int start, int end, Code c, String coder) { s.coding().apply(d, start, end, c, coder); }

    List<AgreementService.Disagreement> list(List<Code> codes, boolean children, int tolerance) {
        return s.agreement().disagreements(new Scope(List.of("Saran", "Bolor"), List.of(d1), null), codes, children, tolerance);
    }

    static List<String> brief(List<AgreementService.Disagreement> ds) {
        return ds.stream().map(d -> d.start() + "-" + d.end() + " " + d.code().name() + " " + d.kindLabel() + " " + d.difference() + " " + d.text()).toList();
    }

    /** Snapshot of the codings of D1: code, coder id, positions, GUID; in a stable order. */
    List<String> codings() {
        return s.coding().ofDocument(d1).stream().sorted(Comparator.comparing(Coding::guid))
                .map(c -> c.codeId() + "/" + c.coderId() + "/" + c.start() + "-" + c.end() + "/" + c.guid()).toList();
    }

    /**
     * By hand. Land: Saran [0,5)+[3,7) and Bolor [0,7) agree; Saran's [14,28) and Bolor's [29,31) stand alone.
     * Degradation: Saran [2,7) against Bolor [3,6): one character differs at each end; Bolor's [14,18) alone.
     * Money: Saran [8,13) against Bolor [8,12): 。 differs.
     */
    @Test
    void passagesByHand() {
        List<AgreementService.Disagreement> all = list(List.of(), false, 0);
        assertEquals(List.of(
                "2-7 Degradation · 退化 boundaries 1 退化了🐑。",
                "8-13 Money · 钱 boundaries 1 补贴不够。",
                "14-18 Degradation · 退化 only Bolor 4 Малч",
                "14-28 Land · 草场 only Saran 14 Малчид нүүсэн.",
                "29-31 Land · 草场 only Bolor 2 𠀀好"), brief(all));
        AgreementService.Disagreement first = all.getFirst();
        assertEquals(AgreementService.Kind.BOUNDARIES, first.kind());
        assertEquals(List.of(List.of(2, 7)), first.codingsA().stream().map(c -> List.of(c.start(), c.end())).toList());
        assertEquals(List.of(List.of(3, 6)), first.codingsB().stream().map(c -> List.of(c.start(), c.end())).toList());
        assertEquals("Land · 草场 › Degradation · 退化", first.codePath());
        assertEquals("Saran", first.coderA());
        assertEquals(AgreementService.Kind.ONLY_A, all.get(3).kind());
        assertEquals(AgreementService.Kind.ONLY_B, all.get(4).kind());

        // boundaries within one character are the same
        assertEquals(List.of("14-18 Degradation · 退化 only Bolor 4 Малч", "14-28 Land · 草场 only Saran 14 Малчид нүүсэн.",
                "29-31 Land · 草场 only Bolor 2 𠀀好"), brief(list(List.of(), false, 1)));

        // Land with its child: Saran [0,7) [14,28), Bolor [0,7) [14,18) [29,31)
        assertEquals(List.of("14-28 Land · 草场 boundaries 10 Малчид нүүсэн.", "29-31 Land · 草场 only Bolor 2 𠀀好"),
                brief(list(List.of(land), true, 0)));
        AgreementService.Disagreement merged = list(List.of(land), true, 0).getFirst();
        assertEquals(2, merged.codingsB().size() + merged.codingsA().size(), "Saran's Land and Bolor's Degradation");
    }

    @Test
    void acceptingOneVersionIsOneUndoableStep() {
        List<String> before = codings();
        AgreementService.Disagreement moneyPassage = list(List.of(money), false, 0).getFirst();
        EditHistory history = new EditHistory(10);
        AgreementService.Acceptance accepted = s.agreement().accept(moneyPassage, "bolor");
        history.done(new EditHistory.Edit() {
            @Override public String description() { return "accept Bolor's version"; }
            @Override public void undo() { s.agreement().undo(accepted); }
            @Override public void redo() { s.agreement().redo(accepted); }
        });
        assertEquals("Bolor", accepted.kept());
        assertEquals("Saran", accepted.replaced());
        assertEquals(1, accepted.removed().size());
        assertEquals(1, accepted.added().size());
        assertEquals("Saran", accepted.added().getFirst().coder());
        assertEquals(List.of(8, 12), List.of(accepted.added().getFirst().start(), accepted.added().getFirst().end()));
        assertNull(accepted.added().getFirst().memo());
        assertEquals(List.of(), list(List.of(money), false, 0), "the coders agree on the passage now");
        var agreement = s.agreement().agreement(new AgreementService.Request(new Scope(List.of("Saran", "Bolor"), List.of(d1), null),
                List.of(money), false, AgreementUnit.PARAGRAPH, null));
        assertEquals(1.0, agreement.byCode().getFirst().values().percentAgreement());
        List<String> after = codings();

        history.undo();
        assertEquals(before, codings(), "undo puts back Saran's coding with its GUID and takes the copy away");
        assertEquals(1, list(List.of(money), false, 0).size());
        history.redo();
        assertEquals(after, codings(), "redo makes the same copy (same GUID) again");
    }

    @Test
    void acceptingWhatOnlyOneCoderCoded() {
        List<AgreementService.Disagreement> landPassages = list(List.of(land), false, 0);
        AgreementService.Disagreement onlySaran = landPassages.get(0), onlyBolor = landPassages.get(1);
        AgreementService.Acceptance copy = s.agreement().accept(onlySaran, "Saran");
        assertEquals(List.of(), copy.removed());
        assertEquals("Bolor", copy.added().getFirst().coder());
        AgreementService.Acceptance drop = s.agreement().accept(onlyBolor, "Saran");
        assertEquals(List.of(), drop.added());
        assertEquals("Bolor", drop.removed().getFirst().coder());
        assertEquals(List.of(), list(List.of(land), false, 0));
        s.agreement().undo(drop);
        s.agreement().undo(copy);
        assertEquals(2, list(List.of(land), false, 0).size());
    }

    @Test
    void refusedWhenThePassageChangedOrTheCoderIsNotOneOfThem() {
        AgreementService.Disagreement moneyPassage = list(List.of(money), false, 0).getFirst();
        TamgaException other = assertThrows(TamgaException.class, () -> s.agreement().accept(moneyPassage, "Дорж"));
        assertEquals("\u201CДорж\u201D is not one of this passage's coders (Saran, Bolor).", other.getMessage());
        Coding saran = moneyPassage.codingsA().getFirst();
        s.coding().changeRange(saran, 8, 11);
        List<String> before = codings();
        TamgaException changed = assertThrows(TamgaException.class, () -> s.agreement().accept(moneyPassage, "Bolor"));
        assertEquals("The passage 8\u201313 of \u201C一 paragraphs\u201D has changed since the disagreements were listed; list them again.", changed.getMessage());
        assertEquals(before, codings(), "nothing changed");
    }

    @Test
    void memoOnAPassage() {
        AgreementService.Disagreement p = list(List.of(), false, 0).get(3);
        var memo = s.agreement().memo(p, "Малчид: Saran reads the herders' move as land loss.", "Saran");
        assertEquals("Disagreement on \u201CLand · 草场\u201D in \u201C一 paragraphs\u201D 14\u201328 (Saran / Bolor)", memo.title());
        assertEquals(1, s.memos().size());
        assertThrows(TamgaException.class, () -> s.agreement().memo(p, " ", "Saran"));

        // the passage's memos are found by its title; another passage has none
        s.addMemo("Round 2", "not on a passage", "Bolor");
        assertEquals(List.of(memo.guid()), s.agreement().memos(p).stream().map(org.tamga.model.Memo::guid).toList());
        assertEquals(List.of(), s.agreement().memos(list(List.of(), false, 0).get(0)));
        // taken back (undo) and put back (redo) with its GUID and text
        s.agreement().removeMemo(memo);
        assertEquals(List.of(), s.agreement().memos(p));
        s.agreement().removeMemo(memo);
        assertEquals(1, s.memos().size(), "removing it twice leaves the other memo alone");
        s.agreement().restoreMemo(memo);
        s.agreement().restoreMemo(memo);
        var back = s.agreement().memos(p);
        assertEquals(1, back.size(), "put back once");
        assertEquals(memo.guid(), back.getFirst().guid());
        assertEquals(memo.text(), back.getFirst().text());
    }

    @Test
    void aSpeakersPassagesOnly() {
        code(d2, 4, 6, land, "Saran");    // in the interviewer's question
        code(d2, 15, 20, land, "Bolor");  // in the answer
        List<AgreementService.Disagreement> all = s.agreement().disagreements(new Scope(List.of("Saran", "Bolor"), List.of(d2), null), List.of(), false, 0);
        assertEquals(List.of("4-6 Land · 草场 only Saran 2 草场", "15-20 Land · 草场 only Bolor 5 草场退化了"), brief(all));
        List<AgreementService.Disagreement> answers = s.agreement().disagreements(new Scope(List.of("Saran", "Bolor"), List.of(d2), "受访者"), List.of(), false, 0);
        assertEquals(List.of("15-20 Land · 草场 only Bolor 5 草场退化了"), brief(answers));
        // documents in the scope's order (by name), then positions
        List<AgreementService.Disagreement> both = s.agreement().disagreements(new Scope(List.of("Saran", "Bolor"), List.of(), null), List.of(land), false, 0);
        assertEquals(List.of("一 paragraphs", "一 paragraphs", "二 turns", "二 turns"), both.stream().map(d -> d.document().name()).toList());
    }

    @Test
    void refusals() {
        TamgaException tolerance = assertThrows(TamgaException.class, () -> list(List.of(), false, -1));
        assertEquals("The tolerance is a number of characters, 0 or more (not -1).", tolerance.getMessage());
        TamgaException three = assertThrows(TamgaException.class,
                () -> s.agreement().disagreements(new Scope(List.of("Saran", "Bolor", "Saran2"), List.of(), null), List.of(), false, 0));
        assertTrue(three.getMessage().startsWith("No coder \u201CSaran2\u201D"), three.getMessage());
        code(d1, 0, 2, land, "Дорж");
        TamgaException many = assertThrows(TamgaException.class,
                () -> s.agreement().disagreements(new Scope(List.of("Saran", "Bolor", "Дорж"), List.of(), null), List.of(), false, 0));
        assertEquals("Name exactly 2 coders to compare (3 named).", many.getMessage());
        TamgaException one = assertThrows(TamgaException.class,
                () -> s.agreement().disagreements(new Scope(List.of("Saran"), List.of(), null), List.of(), false, 0));
        assertEquals("Name two coders to compare (1 named; coders: Bolor, Saran, Дорж).", one.getMessage());
    }
}
