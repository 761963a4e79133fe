package org.tamga.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tamga.cli.Cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The benchmark on a tiny corpus, in the normal test run, so that it cannot rot: the command as
 * the README gives it, the table, and results.json with the keys and sane values. The real runs
 * (1,000 and 10,000 transcripts) are in docs/benchmarks.md.
 */
class BenchSmokeTest {
    @TempDir Path work;

    static final List<String> KEYS = List.of("documents", "search_p95_ms", "regex_scan_ratio", "fts5_ratio", "import_mb_per_s",
            "report_1m_codings_ms", "open_warm_ms", "peak_heap_mb", "word_index_s", "words_all_ms", "words_tenth_ms", "words_speaker_ms",
            "words_code_ms", "words_stemmed_ms", "words_contexts_ms", "project_mb", "index_mb", "project_mb_per_text_mb", "index_mb_per_text_mb");

    @Test
    void benchOnATinyCorpusPrintsTheTableAndWritesResults() throws Exception {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Cli.run(new String[]{"bench", "--documents", "20", "--codings", "2000", "--warmup", "1", "--search-warmup-ms", "0", "--runs", "3",
                "--baseline-runs", "1", "--work", work.toString()}, new PrintWriter(out), new PrintWriter(err));
        assertEquals(0, code, err.toString());
        String table = out.toString();
        for (String expected : List.of("Tamga benchmark: 20 transcripts", "machine: ", "import + index (Tamga)", "sizes after the import", "FTS5 index (baseline)",
                "search: top 1,000 hits", "term ", "phrase ", "boolean ", "wildcard ", "chinese ", "frequency report",
                "2,000 codings", "word index (first use)", "20 documents in", "all documents: p50",
                "every tenth document (2)", "speaker Respondent", "all documents, stemmed", "word in context",
                "open project, index warm", "open project, index cold", "peak heap", "targets", "words_at_most_5_s")) {
            assertTrue(table.contains(expected), "missing \u201C" + expected + "\u201D in:\n" + table);
        }
        assertTrue(err.toString().contains("regular-expression scan"), err.toString());

        JsonNode json = new ObjectMapper().readTree(work.resolve("results.json").toFile());
        for (String key : KEYS) assertTrue(json.has(key), "results.json has " + key);
        assertEquals(20, json.get("documents").asInt());
        assertTrue(json.get("search_p95_ms").asDouble() > 0);
        assertTrue(json.get("regex_scan_ratio").asDouble() > 0);
        assertTrue(json.get("fts5_ratio").asDouble() > 0);
        assertTrue(json.get("import_mb_per_s").asDouble() > 0);
        // the project holds the text and more; the index is smaller than nothing only if it was not measured
        assertTrue(json.get("project_mb_per_text_mb").asDouble() > 1, json.toString());
        assertTrue(json.get("index_mb").asDouble() > 0, json.toString());
        assertTrue(json.get("report_1m_codings_ms").isNull(), "a million codings were not asked for");
        assertEquals(2000, json.get("reports").get(0).get("codings").asInt(), 2000 * 0.01);
        assertTrue(json.get("open_warm_ms").asDouble() > 0);
        assertTrue(json.get("word_index_s").asDouble() > 0);
        assertTrue(json.get("words_all_ms").asDouble() > 0);
        assertEquals(5, json.get("words").size(), "all, a tenth, a speaker, a code, stemmed");
        for (JsonNode w : json.get("words")) assertTrue(w.get("words").asInt() > 0, w.toString());
        assertTrue(json.get("open_cold_ms").asDouble() >= json.get("open_warm_ms").asDouble() * 0.5);
        double heap = json.get("peak_heap_mb").asDouble();
        assertTrue(heap > 0 && heap <= json.get("max_heap_mb").asDouble() + 1, "peak heap " + heap);
        assertTrue(json.get("corpus_mb").asDouble() > 0.1 && json.get("corpus_mb").asDouble() < 2);
        assertEquals(15, json.get("queries").size());
        for (JsonNode q : json.get("queries")) {
            assertTrue(q.get("p50_ms").asDouble() > 0, q.toString());
            int hits = q.get("hits").asInt();
            assertTrue(hits <= 1000, q.toString());
            // the three ways agree on what was found (up to how each tokenises the edges of words)
            assertEquals(hits, q.get("fts5_hits").asInt(), Math.max(3, hits * 0.25), q.toString());
            assertEquals(hits, q.get("regex_hits").asInt(), Math.max(3, hits * 0.25), q.toString());
        }
        assertTrue(Files.isDirectory(work.resolve("corpus")));

        // a second run reuses the corpus
        StringWriter again = new StringWriter();
        assertEquals(0, Cli.run(new String[]{"bench", "--documents", "5", "--codings", "100", "--warmup", "0", "--search-warmup-ms", "0", "--runs", "1",
                "--baseline-runs", "1", "--work", work.toString()}, new PrintWriter(again), new PrintWriter(new StringWriter())));
        assertEquals(5, new ObjectMapper().readTree(work.resolve("results.json").toFile()).get("documents").asInt());
    }

    @Test
    void badOptionsAreRefusedInOneLine() {
        StringWriter out = new StringWriter(), err = new StringWriter();
        assertEquals(1, Cli.run(new String[]{"bench", "--documents", "0", "--work", work.toString()}, new PrintWriter(out), new PrintWriter(err)));
        assertTrue(err.toString().startsWith("tamga: --documents must be at least 1"), err.toString());
    }
}
