package org.tamga.core;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class SampleProjectTest {
    @TempDir Path dir;

    @Test
    void theSampleProjectHasInterviewsTheCodebookAndCodingsByTwoCoders() {
        try (ProjectSession s = SampleProject.create(dir.resolve("sample.tamga"), dir.resolve("cache"))) {
            ProjectSession.Summary sum = s.summary();
            assertEquals(SampleProject.transcriptNames().size(), sum.documents());
            assertEquals(6, sum.documents());
            assertEquals(28, sum.codes());
            assertEquals(2, sum.coders());
            assertTrue(sum.codings() >= 30, "codings: " + sum.codings());
            assertTrue(s.documents().all().stream().anyMatch(d -> d.language().equals("zh")));
            assertTrue(s.documents().all().stream().anyMatch(d -> d.language().equals("en")));
            var hits = s.search().search(SearchService.Request.of("贫困")).hits();
            assertTrue(hits.stream().anyMatch(h -> h.context().right().startsWith("户")), "贫困 inside 贫困户");
            var dependency = s.coding().retrieve(s.codebook().resolve("等靠要"), true, null);
            assertFalse(dependency.isEmpty());
            for (var seg : dependency) assertFalse(seg.text().isBlank());
        }
    }
}
