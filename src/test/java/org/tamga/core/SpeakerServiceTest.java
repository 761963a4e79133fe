package org.tamga.core;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tamga.model.Code;
import org.tamga.model.Document;
import org.tamga.model.TamgaException;
import org.tamga.report.FrequencyReport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.*;

/** Search, retrieval and the frequency report limited to one speaker; correcting the speaker list. */
class SpeakerServiceTest {
    // 🐑 before the turns: positions are code points
    static final String ZH = "🐑 访谈记录\n\n访谈者：您家是贫困户吗？\n\n受访者：以前是贫困户，现在脱贫了。\n培训很有用。\n\n访谈者：什么培训？\n\n受访者：养牛的培训。\n";
    static final String EN = "Q: Did the training help?\nA: The training helped.\nQ: And the subsidy?\nA: Less.\n";
    @TempDir Path dir;
    ProjectSession session;
    Document zh, en;
    Code poverty, training;

    @BeforeEach
    void open() throws Exception {
        session = ProjectSession.create(dir.resolve("p.tamga"), dir.resolve("cache"));
        Files.writeString(dir.resolve("访谈01.txt"), ZH);
        Files.writeString(dir.resolve("interview-02.txt"), EN);
        session.importing().importFiles(List.of(dir.resolve("访谈01.txt"), dir.resolve("interview-02.txt")), null);
        zh = session.documents().resolve("访谈01");
        en = session.documents().resolve("interview-02");
        poverty = session.codebook().create(null, "Poverty · 贫困", null, null);
        training = session.codebook().create(null, "Training · 培训", null, null);
    }

    @AfterEach
    void close() { session.close(); }

    static int cp(String text, String needle) { return text.codePointCount(0, text.indexOf(needle)); }

    @Test
    void speakersAreListedWithTheirTurnsDocumentsAndCharacters() {
        List<SpeakerService.Speaker> all = session.speakers().speakers(null);
        assertEquals(Set.of("访谈者", "受访者", "Q", "A"), all.stream().map(SpeakerService.Speaker::name).collect(Collectors.toSet()));
        SpeakerService.Speaker respondent = all.stream().filter(s -> s.name().equals("受访者")).findFirst().orElseThrow();
        assertEquals(2, respondent.turns());
        assertEquals(1, respondent.documents());
        assertEquals("以前是贫困户，现在脱贫了。\n培训很有用。".length() + "养牛的培训。".length(), respondent.characters());
        assertEquals(2, session.speakers().speakers(en).size());
    }

    @Test
    void searchKeepsOnlyHitsInWhatTheSpeakerSaid() {
        var all = session.search().search(SearchService.Request.of("贫困")).hits();
        assertEquals(2, all.size());
        var respondent = session.search().search(SearchService.Request.of("贫困").spokenBy("受访者")).hits();
        assertEquals(1, respondent.size());
        assertEquals(cp(ZH, "贫困户，现在"), respondent.getFirst().start());
        var interviewer = session.search().search(SearchService.Request.of("培训").spokenBy("访谈者")).hits();
        assertEquals(1, interviewer.size());
        assertEquals(cp(ZH, "培训？"), interviewer.getFirst().start());
        var answers = session.search().search(SearchService.Request.of("training OR 培训").spokenBy("a")).hits();
        assertEquals(List.of("interview-02 " + cp(EN, "training helped")),
                answers.stream().map(h -> h.document().name() + " " + h.start()).toList(), "names match ignoring case");
        assertTrue(session.search().search(SearchService.Request.of("访谈者").spokenBy("受访者")).hits().isEmpty(),
                "the labels themselves are not what the speaker said");
    }

    @Test
    void retrievalAndTheReportCountOnlyCodingsInTheSpeakersTurns() {
        // one coding in the question, one in the answer, one across both
        int q = cp(ZH, "贫困户吗"), a = cp(ZH, "贫困户，现在"), t = cp(ZH, "培训很有用");
        session.coding().apply(zh, q, q + 3, poverty, "Saran");
        session.coding().apply(zh, a, a + 3, poverty, "Saran");
        session.coding().apply(zh, q, t + 2, training, "Saran");
        int enA = cp(EN, "The training helped");
        session.coding().apply(en, enA, enA + 19, training, "Li Wei");

        assertEquals(2, session.coding().retrieve(poverty, true, Set.of()).size());
        var respondent = session.coding().retrieve(poverty, true, Set.of(), "受访者");
        assertEquals(1, respondent.size());
        assertEquals("贫困户", respondent.getFirst().text());
        assertEquals(1, session.coding().retrieve(poverty, true, Set.of(), "访谈者").size());
        assertEquals(2, session.coding().all(Set.of(), "受访者").size(), "the answer's coding and the one across question and answer");
        assertEquals(2, session.coding().all(Set.of(), "访谈者").size(), "the question's coding and the one across both");

        FrequencyReport all = session.reports().frequencies(List.of(), List.of());
        FrequencyReport answers = session.reports().frequencies(List.of(), List.of(), "受访者");
        Map<String, FrequencyReport.Counts> byCode = answers.rows().stream().collect(Collectors.toMap(r -> r.code().name(), FrequencyReport.Row::own));
        assertEquals(1, byCode.get("Poverty · 贫困").codings());
        assertEquals(3, byCode.get("Poverty · 贫困").codedCharacters());
        assertEquals(1, byCode.get("Training · 培训").codings(), "the English answer is A's, not 受访者's");
        assertEquals(2, all.rows().stream().filter(r -> r.code().id() == training.id()).findFirst().orElseThrow().own().codings());
        FrequencyReport ofA = session.reports().frequencies(List.of(), List.of(), "A");
        assertEquals(1, ofA.rows().stream().filter(r -> r.code().id() == training.id()).findFirst().orElseThrow().own().codings());
    }

    @Test
    void renamingCorrectsTheListAndRenamingToAnExistingSpeakerMerges() {
        assertEquals(2, session.speakers().rename("q", "Interviewer", null));
        assertEquals(2, session.speakers().rename("访谈者", "interviewer", null), "merged into the existing spelling");
        var names = session.speakers().speakers(null).stream().collect(Collectors.toMap(SpeakerService.Speaker::name, SpeakerService.Speaker::turns));
        assertEquals(Map.of("Interviewer", 4, "受访者", 2, "A", 2), names);
        assertEquals(1, session.speakers().rename("A", "Respondent", en) / 2, "two turns in one document");
        assertEquals(1, session.search().search(SearchService.Request.of("subsidy").spokenBy("Interviewer")).hits().size());
    }

    @Test
    void anUnknownSpeakerIsNamedWithTheKnownOnes() {
        TamgaException e = assertThrows(TamgaException.class, () -> session.search().search(SearchService.Request.of("贫困").spokenBy("Respondent")));
        assertTrue(e.getMessage().contains("Respondent") && e.getMessage().contains("受访者"), e.getMessage());
        assertThrows(TamgaException.class, () -> session.speakers().rename("受访者", " ", null));
    }

    @Test
    void deletingADocumentDeletesItsTurns() {
        session.documents().delete(en);
        assertEquals(Set.of("访谈者", "受访者"), session.speakers().speakers(null).stream().map(SpeakerService.Speaker::name).collect(Collectors.toSet()));
    }
}
