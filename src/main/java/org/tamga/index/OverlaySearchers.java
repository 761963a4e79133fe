package org.tamga.index;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FilterLeafReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiReader;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ReferenceManager;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.FixedBitSet;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Searchers over another Tamga's index and an overlay of this one's own (ADR 45): the holder's last
 * commit, read through a read-only {@link DirectoryReader} that needs no lock, with the documents it
 * lacks added to a small in-memory index and the ones the project no longer has hidden. Each
 * searcher is one {@link MultiReader} of the holder's segments (their live documents less the
 * hidden ones) and the overlay's; a refresh builds a new one from the overlay's latest state.
 */
final class OverlaySearchers extends ReferenceManager<IndexSearcher> {
    private final DirectoryReader base;
    private final IndexWriter overlay;
    private final Set<String> hidden;

    OverlaySearchers(DirectoryReader base, IndexWriter overlay, Set<String> hidden) throws IOException {
        this.base = base;
        this.overlay = overlay;
        this.hidden = hidden;
        current = searcher();
    }

    private IndexSearcher searcher() throws IOException {
        List<IndexReader> parts = new ArrayList<>();
        try {
            for (LeafReaderContext leaf : base.leaves()) parts.add(new Hiding(leaf.reader(), hiddenIn(leaf.reader())));
            parts.add(DirectoryReader.open(overlay));
            return ParallelSearcher.of(new MultiReader(parts.toArray(IndexReader[]::new), true));
        } catch (IOException | RuntimeException e) {
            for (IndexReader r : parts) r.close();
            throw e;
        }
    }

    /** The holder's live documents of a segment less those hidden here, or null when none of them is hidden. */
    private FixedBitSet hiddenIn(LeafReader leaf) throws IOException {
        FixedBitSet live = null;
        for (String guid : hidden) {
            PostingsEnum docs = leaf.postings(new Term(SearchIndex.GUID, guid));
            if (docs == null) continue;
            for (int d = docs.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = docs.nextDoc()) {
                if (live == null) {
                    live = new FixedBitSet(leaf.maxDoc());
                    Bits holders = leaf.getLiveDocs();
                    for (int i = 0; i < leaf.maxDoc(); i++) if (holders == null || holders.get(i)) live.set(i);
                }
                live.clear(d);
            }
        }
        return live;
    }

    /** A segment of the holder's index with some of its documents hidden; it holds a reference to the segment while open. */
    private static final class Hiding extends FilterLeafReader {
        private final Bits live;
        private final int numDocs;

        Hiding(LeafReader in, FixedBitSet hiddenLive) {
            super(in);
            in.incRef();
            this.live = hiddenLive != null ? hiddenLive : in.getLiveDocs();
            this.numDocs = hiddenLive != null ? hiddenLive.cardinality() : in.numDocs();
        }

        @Override public Bits getLiveDocs() { return live; }

        @Override public int numDocs() { return numDocs; }

        /** Same postings as the holder's segment: caches keyed by its core stay right (live documents are applied after them). */
        @Override public CacheHelper getCoreCacheHelper() { return in.getCoreCacheHelper(); }

        /** Other live documents than the segment's: not cached as the segment. */
        @Override public CacheHelper getReaderCacheHelper() { return null; }

        @Override protected void doClose() throws IOException { in.decRef(); }
    }

    @Override protected void decRef(IndexSearcher s) throws IOException { s.getIndexReader().decRef(); }

    @Override protected IndexSearcher refreshIfNeeded(IndexSearcher old) throws IOException { return searcher(); }

    @Override protected boolean tryIncRef(IndexSearcher s) { return s.getIndexReader().tryIncRef(); }

    @Override protected int getRefCount(IndexSearcher s) { return s.getIndexReader().getRefCount(); }
}
