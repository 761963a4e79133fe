package org.tamga.index;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A searcher that ranks a large index on every core (ADR 50): the index is cut into one slice of
 * documents per core, splitting large segments where needed, and each slice is scored on its own
 * thread (the calling one included). A query whose candidates are spread over a whole 100,000-document
 * index (a Chinese word is a phrase of frequent characters) is ranked in half the time on two cores.
 * An index of fewer than {@link #PARALLEL_FROM} documents is searched on the calling thread alone,
 * where handing work to other threads would cost more than it saves.
 */
final class ParallelSearcher extends IndexSearcher {
    static final int PARALLEL_FROM = 20_000;
    private static final int THREADS = Math.max(1, Math.min(8, Runtime.getRuntime().availableProcessors()));
    private static final ExecutorService POOL = Executors.newFixedThreadPool(THREADS, new ThreadNamer());

    /** Searchers for a {@link org.apache.lucene.search.SearcherManager}. */
    static final SearcherFactory FACTORY = new SearcherFactory() {
        @Override
        public IndexSearcher newSearcher(IndexReader reader, IndexReader previousReader) { return of(reader); }
    };

    private final int threads;

    ParallelSearcher(IndexReader reader, int threads) {
        super(reader, POOL);
        this.threads = threads;
    }

    /** A searcher of {@code reader}: on every core if it is large, else on the calling thread. */
    static IndexSearcher of(IndexReader reader) { return of(reader, PARALLEL_FROM); }

    static IndexSearcher of(IndexReader reader, int parallelFrom) {
        return THREADS > 1 && reader.maxDoc() >= parallelFrom ? new ParallelSearcher(reader, THREADS) : new IndexSearcher(reader);
    }

    /** One slice per thread, of about the same number of documents; a segment larger than that is split. */
    @Override
    protected LeafSlice[] slices(List<LeafReaderContext> leaves) {
        long total = 0;
        for (LeafReaderContext leaf : leaves) total += leaf.reader().maxDoc();
        int perSlice = (int) Math.max(1, (total + threads - 1) / threads);
        return slices(leaves, perSlice, Integer.MAX_VALUE, true);
    }

    private static final class ThreadNamer implements java.util.concurrent.ThreadFactory {
        private final AtomicInteger n = new AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "tamga-search-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
    }
}
