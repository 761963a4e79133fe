package org.tamga.index;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A large index is ranked on every core, with the same documents in the same order and scores as on one thread. */
class ParallelSearcherTest {
    private static final String[] WORDS = {"草场", "贫困户", "补贴", "grassland", "fence", "herd", "малчин", "ᠮᠠᠯ", "the", "summer", "camp", "😀"};

    @Test
    void rankingOnSeveralThreadsGivesWhatOneThreadGives() throws Exception {
        try (Directory dir = new ByteBuffersDirectory()) {
            // four segments of unequal size, the largest larger than a slice, so that it is split
            IndexWriterConfig config = new IndexWriterConfig(SearchIndex.analyzer()).setMergePolicy(NoMergePolicy.INSTANCE);
            Random random = new Random(13);
            try (IndexWriter writer = new IndexWriter(dir, config)) {
                for (int size : new int[] {2_400, 300, 200, 100}) {
                    for (int i = 0; i < size; i++) {
                        StringBuilder text = new StringBuilder();
                        int words = 5 + random.nextInt(40);
                        for (int w = 0; w < words; w++) text.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
                        Document d = new Document();
                        d.add(new TextField(SearchIndex.TEXT, text.toString(), Field.Store.NO));
                        writer.addDocument(d);
                    }
                    writer.commit();
                }
            }
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                assertEquals(4, reader.leaves().size());
                IndexSearcher parallel = new ParallelSearcher(reader, 2);
                IndexSearcher serial = new IndexSearcher(reader);
                IndexSearcher.LeafSlice[] slices = parallel.getSlices();
                assertTrue(slices.length >= 2, "one slice per thread at least: " + slices.length);
                int docs = 0;
                for (IndexSearcher.LeafSlice s : slices) for (IndexSearcher.LeafReaderContextPartition p : s.partitions) {
                    docs += p.maxDocId == Integer.MAX_VALUE ? p.ctx.reader().maxDoc() - p.minDocId : p.maxDocId - p.minDocId;
                }
                assertEquals(reader.maxDoc(), docs, "every document is in exactly one slice");

                List<Query> queries = List.of(
                        new TermQuery(new Term(SearchIndex.TEXT, "fence")),
                        new PhraseQuery(SearchIndex.TEXT, "贫", "困", "户"),
                        new PhraseQuery(SearchIndex.TEXT, "summer", "camp"),
                        new BooleanQuery.Builder()
                                .add(new TermQuery(new Term(SearchIndex.TEXT, "малчин")), BooleanClause.Occur.MUST)
                                .add(new TermQuery(new Term(SearchIndex.TEXT, "herd")), BooleanClause.Occur.SHOULD).build());
                for (Query q : queries) {
                    for (int n : new int[] {10, 1_001}) {
                        TopDocs one = serial.search(q, n);
                        TopDocs many = parallel.search(q, n);
                        assertNotEquals(0, one.scoreDocs.length, q.toString());
                        assertArrayEquals(docs(one), docs(many), q + ", top " + n);
                        ScoreDoc after = one.scoreDocs[one.scoreDocs.length / 2];
                        assertArrayEquals(docs(serial.searchAfter(after, q, n)), docs(parallel.searchAfter(after, q, n)), q + " after " + after);
                    }
                }
            }
        }
    }

    @Test
    void aSmallIndexIsSearchedOnTheCallingThread() throws Exception {
        try (Directory dir = new ByteBuffersDirectory()) {
            try (IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(SearchIndex.analyzer()))) {
                Document d = new Document();
                d.add(new TextField(SearchIndex.TEXT, "草场 grassland", Field.Store.NO));
                writer.addDocument(d);
            }
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                IndexSearcher small = ParallelSearcher.of(reader);
                assertEquals(IndexSearcher.class, small.getClass());
                assertEquals(1, small.getSlices().length);
                if (Runtime.getRuntime().availableProcessors() > 1) assertInstanceOf(ParallelSearcher.class, ParallelSearcher.of(reader, 1));
            }
        }
    }

    private static long[] docs(TopDocs top) {
        long[] out = new long[top.scoreDocs.length * 2L > Integer.MAX_VALUE ? 0 : top.scoreDocs.length * 2];
        for (int i = 0; i < top.scoreDocs.length; i++) {
            out[2 * i] = top.scoreDocs[i].doc;
            out[2 * i + 1] = Float.floatToIntBits(top.scoreDocs[i].score);
        }
        return out;
    }
}
