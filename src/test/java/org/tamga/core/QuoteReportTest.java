package org.tamga.core;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tamga.model.Code;
import org.tamga.model.Coding;
import org.tamga.model.Document;
import org.tamga.report.QuoteReport;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/** The data of a quote report: paragraph numbers, speakers and their times, context, memos, from retrieval. */
class QuoteReportTest {
    static final String ZH = "访谈记录 🐑\n\n[00:00:05] 访谈者：草场怎么样？\n\n[00:01:23] 受访者：草场退化了，草场越来越少。我们搬走了。\n冬天草场不够。\n";
    static final String EN = "First paragraph here.\n\nThe grassland was poor, said the herders who moved away.\n";

    @TempDir Path dir;
    ProjectSession session;
    Document zh, en;
    Code grassland;

    @BeforeEach
    void open() {
        session = ProjectSession.create(dir.resolve("牧区.tamga"), dir.resolve("cache"));
        zh = SessionFixtures.importText(session, dir.resolve("in"), "访谈01", ZH);
        en = SessionFixtures.importText(session, dir.resolve("in"), "notes", EN);
        grassland = session.codebook().create(null, "草场 · Grassland", null, null);
    }

    @AfterEach
    void close() { session.close(); }

    Coding code(Document d, String text, String passage, String coder) {
        int i = text.indexOf(passage);
        int s = text.codePointCount(0, i);
        return session.coding().apply(d, s, s + passage.codePointCount(0, passage.length()), grassland, coder);
    }

    @Test
    void quotesCarryWhereWhoWhatAndContext() {
        Coding answer = code(zh, ZH, "草场退化了，草场越来越少。", "Saran");
        session.coding().setMemo(answer, "<b>退化</b> memo");
        code(zh, ZH, "冬天草场不够。", "Bolor");
        code(en, EN, "grassland was poor", "Saran");

        List<CodingService.Segment> segments = session.coding().retrieve(grassland, true, Set.of());
        QuoteReport report = session.reports().quotes(segments, List.of(grassland), 16);
        assertEquals("牧区", report.project());
        assertEquals(List.of("草场 · Grassland"), report.codes());
        assertEquals(3, report.quotes().size());
        assertEquals(2, report.documents());

        QuoteReport.Quote notes = report.quotes().get(0);
        assertEquals(List.of("notes", "en", 27, 45, 2, 2), List.of(notes.document(), notes.language(), notes.start(), notes.end(),
                notes.paragraph(), notes.lastParagraph()));
        assertNull(notes.speaker(), "no turns in this document");
        assertEquals("…here. The", notes.before(), "16 code points back would start inside \"paragraph\"; line breaks flattened");
        assertEquals(", said the…", notes.after(), "\"herders\" would be cut, so it is left out");
        assertEquals("grassland was poor", notes.text());

        QuoteReport.Quote q = report.quotes().get(1);
        assertEquals(List.of("访谈01", "zh", 3, 3, "受访者", 83_000L, "Saran", "草场 · Grassland"),
                List.of(q.document(), q.language(), q.paragraph(), q.lastParagraph(), q.speaker(), q.timeMs(), q.coder(), q.code()));
        assertEquals("草场退化了，草场越来越少。", q.text());
        assertEquals("<b>退化</b> memo", q.memo());
        assertEquals("…[00:01:23] 受访者：", q.before());
        assertEquals("我们搬走了。 冬天草场不够。", q.after(), "to the end of the text: no ellipsis");

        QuoteReport.Quote winter = report.quotes().get(2);
        assertEquals(4, winter.paragraph(), "blank lines are not counted");
        assertEquals("受访者", winter.speaker(), "the second paragraph of the same turn");
        assertEquals("Bolor", winter.coder());
        assertEquals("", winter.after(), "nothing after the end of the text");
        assertNull(winter.memo());

        QuoteReport wide = session.reports().quotes(segments, List.of(), 1000);
        assertEquals("访谈记录 🐑 [00:00:05] 访谈者：草场怎么样？ [00:01:23] 受访者：", wide.quotes().get(1).before(), "nothing cut: no ellipsis");
        assertEquals(List.of(), wide.codes());
    }

    @Test
    void aPassageOverSeveralParagraphsSaysSo() {
        String passage = "我们搬走了。\n冬天草场不够。";
        code(zh, ZH, passage, "Saran");
        QuoteReport.Quote q = session.reports().quotes(session.coding().retrieve(grassland, false, Set.of()), List.of(grassland), 5).quotes().getFirst();
        assertEquals(passage, q.text(), "the passage keeps its line break");
        assertEquals("\u00B6 3\u20134", q.paragraphs());
    }
}
