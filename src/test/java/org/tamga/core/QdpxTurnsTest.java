package org.tamga.core;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** A text source from a .qdpx gets its speaker turns, as a transcript imported from a file does. */
class QdpxTurnsTest {
    @TempDir Path dir;

    @Test
    void turnsSurviveAnExchangeRoundTrip() throws Exception {
        Path txt = dir.resolve("访谈07.txt");
        Files.writeString(txt, "访谈者：草场够吗？\n\n受访者：不够，要租。\n\n访谈者：租谁的？\n\n受访者：邻居的。\n");
        Path qdpx = dir.resolve("exchange.qdpx");
        List<SpeakerService.Speaker> before;
        try (ProjectSession s = ProjectSession.create(dir.resolve("a.tamga"), dir.resolve("cache"))) {
            s.importing().importFiles(List.of(txt), null);
            before = s.speakers().speakers(null);
            s.exchange().exportQdpx(qdpx);
        }
        assertEquals(2, before.size());
        QdpxImportReport report = ExchangeService.importQdpx(qdpx, dir.resolve("b.tamga"), dir, dir.resolve("cache"));
        try (ProjectSession s = ProjectSession.open(report.project(), dir.resolve("cache"))) {
            assertEquals(before, s.speakers().speakers(null));
            assertEquals(4, s.speakers().count());
        }
    }
}
