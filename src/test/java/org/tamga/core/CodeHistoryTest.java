package org.tamga.core;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tamga.model.Code;
import org.tamga.model.CodeEvent;
import org.tamga.model.CodeEvent.Kind;
import org.tamga.model.Document;
import org.tamga.store.Migrations;
import org.tamga.store.ProjectStore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The codes' history (ADR 46): every change of the codebook, by whom and when; undo; upgrades; merging projects. */
class CodeHistoryTest {
    /** Traditional Mongolian with its narrow no-break space (U+202F) before the suffix. */
    static final String MONGOLIAN = "ᠮᠠᠯᠴᠢᠨ\u202Fᠤ ᠠᠮᠢᠳᠤᠷᠠᠯ";
    static final String CYRILLIC = "Малчдын амьдрал";
    @TempDir Path dir;

    private ProjectSession create(String name) { return ProjectSession.create(dir.resolve(name), dir.resolve("cache")); }

    private ProjectSession open(Path p) { return ProjectSession.open(p, dir.resolve("cache")); }

    /** Each event as "kind old → new by coder (detail)". */
    private static List<String> lines(List<CodeEvent> events) {
        List<String> out = new ArrayList<>();
        for (CodeEvent e : events) {
            out.add(e.kind().word() + " " + e.oldValue() + " → " + e.newValue() + " by " + e.coder() + (e.detail() == null ? "" : " (" + e.detail() + ")"));
        }
        return out;
    }

    private static List<String> history(ProjectSession s, Code c) { return lines(s.codebook().history(c).events()); }

    @Test
    void everyChangeOfTheCodebookIsRecordedUnderTheSessionsCoderInUnicode() {
        try (ProjectSession s = create("历史.tamga")) {
            CodebookService cb = s.codebook();
            assertEquals(CodingService.defaultCoder(), s.coder(), "the system's user at first");
            s.setCoder("  Долгор 🐎 ");
            assertEquals("Долгор 🐎", s.coder());
            Instant before = Instant.now();
            Code life = cb.create(null, CYRILLIC, null, "#112233");
            Code fate = cb.create(null, "Fatalism", "认命", null);
            Code herd = cb.create(life.id(), MONGOLIAN, null, null);
            cb.rename(fate.id(), "Fatalism (宿命论)");
            cb.rename(fate.id(), "Fatalism (宿命论)"); // no change: nothing recorded
            s.setCoder("李伟");
            cb.describe(fate.id(), "把贫困归于命运 — 'it is fate'");
            cb.describe(fate.id(), "把贫困归于命运 — 'it is fate'");
            cb.recolour(fate.id(), "#AA0000");
            cb.recolour(fate.id(), "#aa0000"); // the same colour
            cb.setMemo(fate.id(), "a memo is the researcher's note, not the codebook");
            cb.move(herd.id(), fate.id());
            cb.move(herd.id(), null);

            assertEquals(List.of(
                    "created null → Fatalism by Долгор 🐎",
                    "renamed Fatalism → Fatalism (宿命论) by Долгор 🐎",
                    "described 认命 → 把贫困归于命运 — 'it is fate' by 李伟",
                    "recoloured null → #AA0000 by 李伟"), history(s, fate));
            assertEquals(List.of(
                    "created null → " + MONGOLIAN + " by Долгор 🐎",
                    "moved " + CYRILLIC + " → Fatalism (宿命论) by 李伟",
                    "moved Fatalism (宿命论) → null by 李伟"), history(s, herd));
            CodebookService.History all = cb.history();
            assertEquals(8, all.events().size());
            assertEquals(s.project().createdAt(), all.keptSince(), "a new project keeps its history from its creation");
            for (CodeEvent e : all.events()) {
                assertFalse(e.at().isBefore(before.minusMillis(1)), "times are the moments of the changes");
                assertNotNull(e.guid());
            }
        }
    }

    @Test
    void mergingDeletingAndRestoringCodesAreRecordedOnEveryCodeTheyTouch() throws IOException {
        try (ProjectSession s = create("p.tamga")) {
            s.setCoder("Saran");
            CodebookService cb = s.codebook();
            Code cap = cb.create(null, "Capability · 可行能力", null, null);
            Code edu = cb.create(cap.id(), "Education 📚", null, null);
            Code school = cb.create(null, "Schooling", null, null);
            Code pupil = cb.create(school.id(), "Pupils · 学生", null, null);
            Path text = Files.writeString(dir.resolve("访谈.txt"), "孩子上学的事情我们很着急。");
            Document doc = s.importing().importFiles(List.of(text), null).imported().getFirst();
            s.coding().apply(doc, 0, 4, school, "Saran");

            CodebookService.Merge merge = cb.merge(school.id(), edu.id());
            assertEquals(List.of("created null → Schooling by Saran",
                    "merged-into Schooling → Capability · 可行能力 › Education 📚 by Saran"), history(s, school));
            assertEquals(List.of("created null → Education 📚 by Saran",
                    "merged-in Schooling → Capability · 可行能力 › Education 📚 by Saran"), history(s, edu));
            assertEquals("moved Schooling → Capability · 可行能力 › Education 📚 by Saran", history(s, pupil).getLast(), "its child moved with it");

            s.setCoder("Bilguun");
            cb.unmerge(merge);
            assertEquals("merge-undone Schooling → Capability · 可行能力 › Education 📚 by Bilguun", history(s, school).getLast());
            assertEquals("merge-undone Schooling → Capability · 可行能力 › Education 📚 by Bilguun", history(s, edu).getLast());
            assertEquals("moved Capability · 可行能力 › Education 📚 → Schooling by Bilguun", history(s, pupil).getLast(), "and back");

            CodebookService.Snapshot deleted = cb.delete(cap.id());
            assertEquals("deleted Capability · 可行能力 › Education 📚 → null by Bilguun", history(s, edu).getLast(), "children are deleted with their parent");
            assertEquals("deleted Capability · 可行能力 → null by Bilguun", history(s, cap).getLast());
            assertTrue(cb.codebook().byGuid(edu.guid()).isEmpty());
            assertEquals(2, cb.history().events().stream().filter(e -> e.kind() == Kind.DELETED).count(),
                    "the history of deleted codes is kept");
            cb.restore(deleted);
            assertEquals("restored null → Capability · 可行能力 › Education 📚 by Bilguun", history(s, edu).getLast());

            Code made = cb.create(null, "in vivo 草场", null, null);
            CodebookService.Snapshot undone = cb.undoCreate(made.id());
            cb.restore(undone);
            assertEquals(List.of("created null → in vivo 草场 by Bilguun", "deleted in vivo 草场 → null by Bilguun",
                    "restored null → in vivo 草场 by Bilguun"), history(s, made), "an undone creation, and its redo");
        }
    }

    @Test
    void anUndoneRenameIsAnotherRenameAndTheHistoryOnlyGrows() {
        try (ProjectSession s = create("undo.tamga")) {
            s.setCoder("Dolgor");
            Code c = s.codebook().create(null, "Fatalism", null, null);
            EditHistory undo = new EditHistory(10);
            s.codebook().rename(c.id(), "Fatalism (宿命论)");
            undo.done(new EditHistory.Edit() {
                @Override public String description() { return "rename"; }
                @Override public void undo() { s.codebook().rename(c.id(), "Fatalism"); }
                @Override public void redo() { s.codebook().rename(c.id(), "Fatalism (宿命论)"); }
            });
            s.setCoder("Saran");
            undo.undo();
            undo.redo();
            assertEquals(List.of("created null → Fatalism by Dolgor", "renamed Fatalism → Fatalism (宿命论) by Dolgor",
                    "renamed Fatalism (宿命论) → Fatalism by Saran", "renamed Fatalism → Fatalism (宿命论) by Saran"), history(s, c));
        }
    }

    @Test
    void aCodebookFileImportedRecordsTheCodesItAddsAndTheBlanksItFillsIn() throws IOException {
        try (ProjectSession s = create("qdc.tamga")) {
            s.setCoder("Батбаяр");
            Code health = s.codebook().create(null, "Health · 健康", null, null);
            Path file = dir.resolve("团队 codebook.qdc");
            Files.writeString(file, """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>
                      <Code guid="%s1" name="Health · 健康" isCodable="true" color="#00FF00"><Description>身体状况</Description></Code>
                      <Code guid="0d9a3c1e-2222-4a59-9b0a-3f1d2c3b4a50" name="%s2" isCodable="true"/>
                    </Codes></CodeBook>""".replace("%s1", health.guid()).replace("%s2", MONGOLIAN));
            s.codebook().importQdc(file);
            assertEquals(List.of("created null → Health · 健康 by Батбаяр", "described null → 身体状况 by Батбаяр (团队 codebook.qdc)",
                    "recoloured null → #00FF00 by Батбаяр (团队 codebook.qdc)"), history(s, health));
            assertEquals(List.of("created null → " + MONGOLIAN + " by Батбаяр (团队 codebook.qdc)"),
                    history(s, s.codebook().codebook().byGuid("0d9a3c1e-2222-4a59-9b0a-3f1d2c3b4a50").orElseThrow()));
            int events = s.codebook().history().events().size();
            s.codebook().importQdc(file);
            assertEquals(events, s.codebook().history().events().size(), "importing the same file again changes nothing, and records nothing");
        }
    }

    @Test
    void anOlderProjectIsBackedUpUpgradedAndKeepsItsHistoryFromThenWithoutInventingAny() {
        Path file = dir.resolve("旧 v4.tamga");
        String guid;
        try (ProjectStore store = org.tamga.store.OldProjects.create(file, "旧", 4)) {
            guid = store.codes().insert(null, null, "Fatalism", null, null, true).guid();
        }
        Instant before = Instant.now();
        try (ProjectSession s = open(file)) {
            assertEquals(Migrations.shipped().latestVersion(), s.store().schemaVersion());
            Code c = s.codebook().codebook().byGuid(guid).orElseThrow();
            CodebookService.History h = s.codebook().history(c);
            assertEquals(List.of(), h.events(), "no invented history for a code that was there before");
            assertFalse(h.keptSince().isBefore(before.minusMillis(1)), "kept since the upgrade: " + h.keptSince());
            s.setCoder("Dolgor");
            s.codebook().rename(c.id(), "Fatalism (宿命论)");
            assertEquals(List.of("renamed Fatalism → Fatalism (宿命论) by Dolgor"), history(s, c));
        }
        List<Backups.Backup> upgrades = Backups.list(file).stream().filter(b -> b.reason().equals("before-upgrade-v4")).toList();
        assertEquals(1, upgrades.size(), "the version 4 file was backed up before its upgrade: " + Backups.list(file));
        assertEquals(4, org.tamga.store.ProjectFiles.inspect(upgrades.getFirst().file(), org.tamga.store.ProjectFiles.Depth.QUICK).version());
    }

    // ---- merging projects ---------------------------------------------------------------------

    /** Two copies of a project with Livelihood › Herding made by Saran, one coding: a.tamga and b.tamga. */
    private Path[] twoCopies() throws IOException {
        Path a = dir.resolve("a.tamga");
        try (ProjectSession s = ProjectSession.create(a, dir.resolve("cache"))) {
            s.setCoder("Saran");
            SessionFixtures.importText(s, dir.resolve("texts"), "访谈 1", "受访者：我们春天接羔，夏天转场。\n");
            Code l = s.codebook().create(null, "Livelihood", null, null);
            Code h = s.codebook().create(l.id(), "Herding", null, null);
            s.coding().apply(s.documents().all().getFirst(), 0, 5, h, "Saran");
        }
        return new Path[]{a, Files.copy(a, dir.resolve("b.tamga"))};
    }

    private MergeReport merge(Path target, Path source, String coder) {
        try (ProjectSession s = open(target)) {
            s.setCoder(coder);
            return s.merging().merge(List.of(source), false);
        }
    }

    @Test
    void aMergeBringsTheCopysHistoryOnceAndRecordsWhatItKeptOnce() throws IOException {
        Path[] ab = twoCopies();
        try (ProjectSession s = open(ab[1])) {
            s.setCoder("Bilguun");
            s.codebook().rename(s.codebook().resolve("Herding").id(), "ᠮᠠᠯᠵᠢᠯ 🐎");
            s.codebook().describe(s.codebook().resolve("Livelihood").id(), "生计 · " + CYRILLIC);
            Code gone = s.codebook().create(null, "Temporary", null, null);
            s.codebook().delete(gone.id());
        }
        MergeReport r = merge(ab[0], ab[1], "Dolgor");
        assertTrue(r.changed());
        MergeReport.Tally events = r.sources().getFirst().tally(MergeReport.Kind.HISTORY);
        assertEquals(new MergeReport.Tally(6, 2), events,
                "the copy's rename, definition, made and deleted code, the merge's own two; the two events both copies had are there already");
        try (ProjectSession s = open(ab[0])) {
            Code herding = s.codebook().resolve("Herding");
            assertEquals(List.of("created null → Herding by Saran", "renamed Herding → ᠮᠠᠯᠵᠢᠯ 🐎 by Bilguun",
                    "kept-name ᠮᠠᠯᠵᠢᠯ 🐎 → Herding by Dolgor (b.tamga)"), history(s, herding));
            assertEquals(List.of("created null → Livelihood by Saran", "described null → 生计 · " + CYRILLIC + " by Bilguun",
                    "described null → 生计 · " + CYRILLIC + " by Dolgor (b.tamga)"), history(s, s.codebook().resolve("Livelihood")),
                    "the copy's change, and the merge taking it into the target's blank definition");
            assertEquals(List.of(Kind.CREATED, Kind.DELETED), s.codebook().history().events().stream()
                    .filter(e -> "Temporary".equals(e.newValue()) || "Temporary".equals(e.oldValue())).map(CodeEvent::kind).toList(),
                    "the history of a code the copy made and deleted comes too");
        }
        MergeReport again = merge(ab[0], ab[1], "Dolgor");
        assertFalse(again.changed(), "merging the same copy again changes nothing");
        assertEquals(new MergeReport.Tally(0, 6), again.sources().getFirst().tally(MergeReport.Kind.HISTORY));
        MergeReport byAnother = merge(ab[0], ab[1], "Saran");
        assertFalse(byAnother.changed(), "whoever merges it");
        try (ProjectSession s = open(ab[0])) {
            assertEquals(8, s.codebook().history().events().size());
        }
        // and back: the target's events go to the copy, each once
        MergeReport back = merge(ab[1], ab[0], "Bilguun");
        try (ProjectSession s = open(ab[1])) {
            List<String> herding = history(s, s.codebook().resolve("ᠮᠠᠯᠵᠢᠯ 🐎"));
            assertEquals(List.of("created null → Herding by Saran", "renamed Herding → ᠮᠠᠯᠵᠢᠯ 🐎 by Bilguun",
                    "kept-name ᠮᠠᠯᠵᠢᠯ 🐎 → Herding by Dolgor (b.tamga)", "kept-name Herding → ᠮᠠᠯᠵᠢᠯ 🐎 by Bilguun (a.tamga)"), herding);
        }
        assertTrue(back.changed());
        assertFalse(merge(ab[1], ab[0], "Bilguun").changed());
    }

    @Test
    void aCodeMatchedByNameTakesTheCopysHistoryAndCodesAddedOrKeptByTheMergeSaySo() throws IOException {
        Path a = dir.resolve("a.tamga"), b = dir.resolve("b.tamga");
        try (ProjectSession s = ProjectSession.create(a, dir.resolve("cache"))) {
            s.setCoder("Saran");
            SessionFixtures.importText(s, dir.resolve("texts-a"), "访谈 1", "受访者：我们春天接羔，夏天转场。\n");
            Code kept = s.codebook().create(null, "Only here", null, "#101010");
            s.coding().apply(s.documents().all().getFirst(), 0, 3, kept, "Saran");
            s.codebook().create(null, "Fatalism · 宿命论", null, "#101010");
            s.codebook().create(null, "Taken", null, null);
        }
        try (ProjectSession s = ProjectSession.create(b, dir.resolve("cache"))) { // made on its own: other GUIDs
            s.setCoder("Bilguun");
            Code f = s.codebook().create(null, "fatalism · 宿命论", null, "#202020");
            s.codebook().create(f.id(), "宿命 🙏", null, null);
            s.codebook().create(null, "Taken", null, null);
        }
        merge(a, b, "Dolgor");
        try (ProjectSession s = open(a)) {
            Code f = s.codebook().resolve("Fatalism · 宿命论");
            assertEquals(List.of("created null → Fatalism · 宿命论 by Saran", "created null → fatalism · 宿命论 by Bilguun",
                    "kept-name fatalism · 宿命论 → Fatalism · 宿命论 by Dolgor (b.tamga)",
                    "kept-colour #202020 → #101010 by Dolgor (b.tamga)").stream().sorted().toList(), history(s, f).stream().sorted().toList(),
                    "the copy's events of its code of the same name are on the target's code");
            Code child = s.codebook().resolve("宿命 🙏");
            assertEquals(List.of("created null → 宿命 🙏 by Bilguun", "added-by-merge null → Fatalism · 宿命论 › 宿命 🙏 by Dolgor (b.tamga)"),
                    history(s, child), "made in the copy, then added by the merge");
            assertEquals("kept-code null → Only here by Dolgor (b.tamga)", history(s, s.codebook().resolve("Only here")).getLast());
        }
    }

    @Test
    void aDryRunRecordsNothing() throws IOException {
        Path[] ab = twoCopies();
        try (ProjectSession s = open(ab[1])) { s.codebook().rename(s.codebook().resolve("Herding").id(), "Camels 🐪"); }
        try (ProjectSession s = open(ab[0])) {
            int before = s.codebook().history().events().size();
            MergeReport dry = s.merging().merge(List.of(ab[1]), true);
            assertEquals(new MergeReport.Tally(2, 2), dry.sources().getFirst().tally(MergeReport.Kind.HISTORY));
            assertEquals(before, s.codebook().history().events().size());
        }
    }
}
