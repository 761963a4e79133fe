package org.tamga.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.icu.ICUFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ReferenceManager;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.WildcardQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.StringHelper;
import org.tamga.model.DiskFullException;
import org.tamga.model.TamgaException;
import org.tamga.util.DiskSpace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The full-text index of a project's documents: the only class that speaks Lucene. It is a cache
 * of the project file (documents are identified by GUID, texts are not stored) and can be deleted
 * and rebuilt at any time.
 *
 * <p>The {@code text} field is tokenised by Unicode word boundaries (UAX #29) and folded with ICU
 * (case, width, diacritics). Han characters become one token each, and a query word written in Han
 * becomes a phrase of its characters: a query for 贫困 therefore finds exactly the places a plain
 * substring search finds, inside 贫困户 too, with no minimum query length. Offsets of every token
 * are indexed, so every hit has exact positions.
 */
public final class SearchIndex implements TextIndex, AutoCloseable {
    /** Changes whenever the way texts are indexed changes; an index of another format is rebuilt. */
    public static final int FORMAT = 3;
    static final String GUID = "guid";
    static final String TEXT = "text";
    private static final String FORMAT_KEY = "tamga.index.format";
    /**
     * Memory for texts indexed but not yet written as a segment. It is taken only while many texts
     * are indexed at once (an import, a rebuild): at 100,000 transcripts 256 MB makes segments four
     * times larger than 64 MB did, so fewer merges rewrite them and fewer segments are searched.
     */
    static final int RAM_BUFFER_MB = 256;

    private static final FieldType TEXT_TYPE = new FieldType();
    static {
        TEXT_TYPE.setTokenized(true);
        TEXT_TYPE.setStored(false);
        TEXT_TYPE.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        TEXT_TYPE.freeze();
    }

    private final Directory directory;
    private final IndexWriter writer;
    private final ReferenceManager<IndexSearcher> searchers;
    private final Analyzer analyzer;
    private final Analyzer queryAnalyzer = analyzer(true);
    private final boolean inMemory;
    /** The folder whose disk a failed write names; null in memory. */
    private final Path folder;
    /** Reading another Tamga's index (ADR 45): its last commit, the GUIDs it has, and those of them hidden here. */
    private final DirectoryReader holders;
    private final Directory holdersDirectory;
    private final Set<String> holdersGuids;
    private final Set<String> hidden;

    private SearchIndex(Directory directory, boolean inMemory, Path folder) throws IOException {
        this(directory, inMemory, folder, null, null);
    }

    /**
     * @param holders the holder's last commit, read beside an in-memory {@code directory}; null for an index of its own
     */
    private SearchIndex(Directory directory, boolean inMemory, Path folder, DirectoryReader holders, Directory holdersDirectory) throws IOException {
        this.directory = directory;
        this.inMemory = inMemory;
        this.folder = folder;
        this.analyzer = analyzer();
        IndexWriterConfig config = new IndexWriterConfig(analyzer);
        config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
        config.setRAMBufferSizeMB(RAM_BUFFER_MB);
        this.writer = new IndexWriter(directory, config);
        this.holders = holders;
        this.holdersDirectory = holdersDirectory;
        if (holders == null) {
            this.holdersGuids = Set.of();
            this.hidden = Set.of();
            this.searchers = new SearcherManager(writer, ParallelSearcher.FACTORY);
        } else {
            this.holdersGuids = liveGuids(holders);
            this.hidden = java.util.concurrent.ConcurrentHashMap.newKeySet();
            this.searchers = new OverlaySearchers(holders, writer, hidden);
        }
    }

    /** The analyzer of the text field. */
    public static Analyzer analyzer() { return analyzer(false); }

    /**
     * The analyzer of the text field ({@code query == false}) or of query text against it: the same
     * but for words with Mongolian suffixes, whose parts are indexed each on their own and queried as
     * written ({@link NarrowSpaceFilter}).
     */
    static Analyzer analyzer(boolean query) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                StandardTokenizer tokenizer = new StandardTokenizer();
                TokenStream stream = new ICUFoldingFilter(new HanGapFilter(new NarrowSpaceFilter(tokenizer, query)));
                return new TokenStreamComponents(tokenizer, stream);
            }

            @Override
            protected TokenStream normalize(String fieldName, TokenStream in) {
                return new ICUFoldingFilter(in);
            }
        };
    }

    /**
     * Leaves a position free between two Han characters that are not adjacent in the text
     * (punctuation, white space or a line break between them makes no token): so the phrase that
     * a Han query becomes matches only where its characters stand side by side, as a substring.
     */
    static final class HanGapFilter extends TokenFilter {
        private static final String HAN = StandardTokenizer.TOKEN_TYPES[StandardTokenizer.IDEOGRAPHIC];
        private final OffsetAttribute offsets = addAttribute(OffsetAttribute.class);
        private final TypeAttribute types = addAttribute(TypeAttribute.class);
        private final PositionIncrementAttribute increments = addAttribute(PositionIncrementAttribute.class);
        private boolean previousHan;
        private int previousEnd;

        HanGapFilter(TokenStream input) { super(input); }

        @Override
        public boolean incrementToken() throws IOException {
            if (!input.incrementToken()) return false;
            boolean han = HAN.equals(types.type());
            if (han && previousHan && offsets.startOffset() > previousEnd) {
                increments.setPositionIncrement(increments.getPositionIncrement() + 1);
            }
            previousHan = han;
            previousEnd = offsets.endOffset();
            return true;
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            previousHan = false;
            previousEnd = 0;
        }
    }

    /**
     * Opens the index in {@code folder}, creating it if needed. An index of another format or a
     * damaged one is deleted and started afresh (the caller catches it up from the project). If
     * another process holds the folder, the index is kept in memory for this session.
     */
    public static SearchIndex open(Path folder) {
        try {
            Files.createDirectories(folder);
            FSDirectory dir = FSDirectory.open(folder);
            try {
                if (DirectoryReader.indexExists(dir) && !currentFormat(dir)) {
                    dir.close();
                    deleteFolder(folder);
                    Files.createDirectories(folder);
                    dir = FSDirectory.open(folder);
                }
                return new SearchIndex(dir, false, folder);
            } catch (LockObtainFailedException e) {
                dir.close();
                return holdersIndex(folder);
            } catch (IOException | RuntimeException e) {
                // a damaged cache: throw it away and rebuild
                dir.close();
                deleteFolder(folder);
                Files.createDirectories(folder);
                return new SearchIndex(FSDirectory.open(folder), false, folder);
            }
        } catch (IOException e) {
            throw new TamgaException("Cannot open the search index in " + folder + ": " + e.getMessage(), e);
        }
    }

    /**
     * The index of a folder another Tamga holds (ADR 45): its last commit, read without the lock, and
     * an in-memory overlay for what this session changes (the caller catches it up with the project
     * as with any index). When there is no commit of this format to read — the holder has only just
     * begun it — the index is built in memory instead.
     */
    private static SearchIndex holdersIndex(Path folder) throws IOException {
        FSDirectory dir = FSDirectory.open(folder);
        DirectoryReader holders = null;
        try {
            if (DirectoryReader.indexExists(dir)) {
                holders = DirectoryReader.open(dir);
                if (String.valueOf(FORMAT).equals(holders.getIndexCommit().getUserData().get(FORMAT_KEY))) {
                    return new SearchIndex(new ByteBuffersDirectory(), false, null, holders, dir);
                }
            }
        } catch (IOException | RuntimeException e) {
            // a commit that cannot be read (being replaced as it was opened): build in memory
        }
        if (holders != null) holders.close();
        dir.close();
        return inMemory();
    }

    /** An index that lives in memory only (tests, or a folder locked by another Tamga that has no commit to read). */
    public static SearchIndex inMemory() {
        try {
            return new SearchIndex(new ByteBuffersDirectory(), true, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean isInMemory() { return inMemory; }

    @Override
    public boolean isShared() { return holders != null; }

    private static Set<String> liveGuids(IndexReader reader) throws IOException {
        Set<String> out = new HashSet<>();
        for (LeafReaderContext leaf : reader.leaves()) {
            StoredFields fields = leaf.reader().storedFields();
            var live = leaf.reader().getLiveDocs();
            for (int i = 0; i < leaf.reader().maxDoc(); i++) {
                if (live != null && !live.get(i)) continue;
                out.add(fields.document(i, Set.of(GUID)).get(GUID));
            }
        }
        return out;
    }

    /** A failed write of the index: a full disk is named as such (the project itself is not touched by it). */
    private TamgaException failed(String what, IOException e) {
        if (folder != null && DiskSpace.full(e)) {
            return new DiskFullException(folder, "the search index could not be saved (the project itself is as it was)", e);
        }
        return new TamgaException(what + ": " + e.getMessage(), e);
    }

    private static boolean currentFormat(Directory dir) throws IOException {
        try (DirectoryReader reader = DirectoryReader.open(dir)) {
            Map<String, String> data = reader.getIndexCommit().getUserData();
            return String.valueOf(FORMAT).equals(data.get(FORMAT_KEY));
        }
    }

    static void deleteFolder(Path folder) throws IOException {
        if (!Files.exists(folder)) return;
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    @Override
    public Set<String> documentGuids() {
        return withSearcher(searcher -> liveGuids(searcher.getIndexReader()));
    }

    @Override
    public void put(String documentGuid, String text) {
        try {
            writer.updateDocument(new Term(GUID, documentGuid), document(documentGuid, text));
            if (holdersGuids.contains(documentGuid)) hidden.add(documentGuid); // the overlay's copy replaces the holder's
        } catch (IOException e) {
            throw failed("Cannot add a document to the search index", e);
        }
    }

    @Override
    public void add(String documentGuid, String text) {
        if (holdersGuids.contains(documentGuid)) {
            put(documentGuid, text);
            return;
        }
        try {
            writer.addDocument(document(documentGuid, text));
        } catch (IOException e) {
            throw failed("Cannot add a document to the search index", e);
        }
    }

    private static Document document(String documentGuid, String text) {
        Document doc = new Document();
        doc.add(new StringField(GUID, documentGuid, Field.Store.YES));
        doc.add(new Field(TEXT, text, TEXT_TYPE));
        return doc;
    }

    @Override
    public void remove(String documentGuid) {
        try {
            writer.deleteDocuments(new Term(GUID, documentGuid));
            if (holdersGuids.contains(documentGuid)) hidden.add(documentGuid);
        } catch (IOException e) {
            throw failed("Cannot remove a document from the search index", e);
        }
    }

    /**
     * Writes one buffer of texts indexed but not yet written as a segment, on the calling thread;
     * false when there was none. Threads that call it at once write different buffers, so an import
     * writes what its indexing threads hold on every core before it commits.
     */
    public boolean flushBuffer() {
        try {
            return writer.flushNextBuffer();
        } catch (IOException e) {
            throw failed("Cannot write the search index", e);
        }
    }

    /** Makes the changes durable (in the folder; in memory for an overlay) and visible to searches. */
    @Override
    public void commit() {
        try {
            writer.setLiveCommitData(Map.of(FORMAT_KEY, String.valueOf(FORMAT)).entrySet());
            writer.commit();
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw failed("Cannot save the search index", e);
        }
    }

    /** Reads a query (see {@link QueryReader} for the language); a query it cannot read throws a message saying why. */
    public SearchQuery parse(String queryText, SearchQuery.Options options) {
        try {
            return QueryReader.read(queryText, queryAnalyzer, options);
        } catch (TamgaException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new TamgaException("Cannot understand the search \u201C" + queryText + "\u201D (" + e.getMessage() + ").", e);
        }
    }

    /**
     * A document that may have hits, with the places where each leaf of the query matched in it:
     * {@code places[leaf]} holds UTF-16 offsets, start and end of each match in turn, in order.
     */
    public record DocumentPlaces(String documentGuid, float score, int[][] places) {}

    /**
     * Documents best first, a page at a time: the first page as many documents as hits wanted, and
     * one more (so that a search whose hits are one per document is ranked once, and a list cut at the
     * limit is known to be cut), at least 50; each further page is four times larger. Ranking a page
     * scores every candidate document of the index, so at 100,000 documents a second page doubles the
     * cost of a search.
     */
    private static final int FIRST_PAGE = 50;
    private static final int MAX_PAGE = 50_000;

    /**
     * The documents that may have hits of {@code query}, best first, each with its leaves' places,
     * read as they are asked for: the caller stops when it has enough hits, so the rest of the
     * matching documents are neither ranked in full nor asked for their matches. Close it.
     *
     * @param onlyDocuments GUIDs to restrict the search to, or null for all documents
     * @param wantedHits    how many hits the caller expects to want (sizes the first page)
     */
    public Cursor open(SearchQuery query, Collection<String> onlyDocuments, int wantedHits) {
        try {
            return new Cursor(query, onlyDocuments, wantedHits);
        } catch (IOException e) {
            throw new TamgaException("The search index could not be read: " + e.getMessage(), e);
        } catch (IllegalStateException e) {
            throw tooMany(query, e);
        }
    }

    private static TamgaException tooMany(SearchQuery query, RuntimeException e) {
        return new TamgaException("The search \u201C" + query.text() + "\u201D stands for too many words (a wildcard"
                + " that more than " + QueryReader.MAX_EXPANSIONS + " words match, beside other words or in NEAR): make it longer.", e);
    }

    /** The documents of a search, best first, with their places; see {@link #open}. */
    public final class Cursor implements AutoCloseable {
        private final SearchQuery query;
        private final IndexSearcher searcher;
        private final Query documents;
        private final Weight[] leaves;
        private final List<LeafReaderContext> segments;
        private final StoredFields[] stored;
        private ScoreDoc after;
        private ScoreDoc[] page = new ScoreDoc[0];
        private int next, pageSize;
        private boolean last;

        private Cursor(SearchQuery query, Collection<String> onlyDocuments, int wantedHits) throws IOException {
            this.query = query;
            this.searcher = searchers.acquire();
            try {
                // each leaf rewritten once (a wildcard or fuzzy query walks the term dictionary to rewrite), for its matches and the ranking alike
                List<Query> leafQueries = query.leafQueries();
                Query[] rewritten = new Query[leafQueries.size()];
                leaves = new Weight[rewritten.length];
                for (int i = 0; i < rewritten.length; i++) {
                    rewritten[i] = matchesNoWord(searcher, leafQueries.get(i)) ? new MatchNoDocsQuery("no word of the index matches it")
                            : searcher.rewrite(leafQueries.get(i));
                    leaves[i] = searcher.createWeight(rewritten[i], ScoreMode.COMPLETE_NO_SCORES, 1f);
                }
                Query docs = query.documentQuery(rewritten);
                if (onlyDocuments != null) {
                    List<BytesRef> terms = onlyDocuments.stream().map(BytesRef::new).toList();
                    docs = new BooleanQuery.Builder().add(docs, BooleanClause.Occur.MUST)
                            .add(new TermInSetQuery(GUID, terms), BooleanClause.Occur.FILTER).build();
                }
                documents = searcher.rewrite(docs);
                segments = searcher.getIndexReader().leaves();
                stored = new StoredFields[segments.size()];
                pageSize = (int) Math.max(FIRST_PAGE, Math.min(MAX_PAGE, wantedHits + 1L));
                // a wildcard that matches no word of the index: nothing to rank
                last = documents instanceof MatchNoDocsQuery;
            } catch (IOException | RuntimeException e) {
                searchers.release(searcher);
                throw e;
            }
        }

        /**
         * Whether {@code leaf} is a wildcard that no word of any segment matches: it is then known to
         * find nothing before any ranking begins, on this thread alone (ADR 53). A wildcard's cost is
         * otherwise set up again in every segment by every slice's thread.
         */
        private static boolean matchesNoWord(IndexSearcher searcher, Query leaf) throws IOException {
            if (!(leaf instanceof MultiTermQuery wildcard)) return false;
            BytesRef prefix = literalPrefix(wildcard);
            for (LeafReaderContext segment : searcher.getIndexReader().leaves()) {
                Terms terms = segment.reader().terms(wildcard.getField());
                if (terms == null) continue;
                if (prefix != null) {
                    // one seek in the term dictionary: far cheaper than walking it with the wildcard's automaton
                    TermsEnum words = terms.iterator();
                    if (words.seekCeil(prefix) == TermsEnum.SeekStatus.END || !StringHelper.startsWith(words.term(), prefix)) continue;
                    if (wildcard instanceof PrefixQuery) return false;
                }
                if (wildcard.getTermsEnum(terms).next() != null) return false;
            }
            return true;
        }

        /** The letters every word a wildcard matches begins with, or null when it may begin with anything. */
        static BytesRef literalPrefix(MultiTermQuery wildcard) {
            if (wildcard instanceof PrefixQuery p) return p.getPrefix().bytes().length > 0 ? p.getPrefix().bytes() : null;
            if (wildcard instanceof WildcardQuery w) {
                String pattern = w.getTerm().text();
                int end = 0;
                while (end < pattern.length() && "*?\\".indexOf(pattern.charAt(end)) < 0) end++;
                return end > 0 ? new BytesRef(pattern.substring(0, end)) : null;
            }
            return null;
        }

        /** Whether the search is known to find nothing without ranking (a wildcard no word matches, and nothing beside it). */
        boolean knownEmpty() { return last && page.length == 0 && after == null; }

        /** The next document that may have hits, or null when there are no more. */
        public DocumentPlaces next() {
            try {
                if (next == page.length) {
                    if (last) return null;
                    TopDocs top = searcher.searchAfter(after, documents, pageSize);
                    page = top.scoreDocs;
                    next = 0;
                    last = page.length < pageSize;
                    if (page.length == 0) return null;
                    after = page[page.length - 1];
                    pageSize = (int) Math.min(MAX_PAGE, pageSize * 4L);
                }
                ScoreDoc sd = page[next++];
                int segment = ReaderUtil.subIndex(sd.doc, segments);
                LeafReaderContext leaf = segments.get(segment);
                int local = sd.doc - leaf.docBase;
                int[][] places = new int[leaves.length][];
                for (int i = 0; i < leaves.length; i++) places[i] = places(leaves[i], leaf, local);
                if (stored[segment] == null) stored[segment] = leaf.reader().storedFields();
                String guid = stored[segment].document(local, Set.of(GUID)).get(GUID);
                return new DocumentPlaces(guid, sd.score, places);
            } catch (IOException e) {
                throw new TamgaException("The search index could not be read: " + e.getMessage(), e);
            } catch (IllegalStateException e) {
                throw tooMany(query, e);
            }
        }

        private static final int[] NONE = new int[0];

        private static int[] places(Weight weight, LeafReaderContext leaf, int doc) throws IOException {
            Matches matches = weight.matches(leaf, doc);
            if (matches == null) return NONE;
            MatchesIterator it = matches.getMatches(TEXT);
            if (it == null) return NONE;
            int[] out = new int[16];
            int n = 0;
            while (it.next()) {
                if (n + 2 > out.length) out = java.util.Arrays.copyOf(out, out.length * 2);
                out[n++] = it.startOffset();
                out[n++] = it.endOffset();
            }
            return n == out.length ? out : java.util.Arrays.copyOf(out, n);
        }

        @Override
        public void close() {
            try {
                searchers.release(searcher);
            } catch (IOException e) {
                throw new TamgaException("Cannot close the search index: " + e.getMessage(), e);
            }
        }
    }

    @FunctionalInterface
    private interface SearcherWork<T> { T run(IndexSearcher searcher) throws IOException; }

    private <T> T withSearcher(SearcherWork<T> work) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return work.run(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new TamgaException("The search index could not be read: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            searchers.close();
            writer.close();
            directory.close();
            if (holders != null) {
                holders.close();
                holdersDirectory.close();
            }
        } catch (IOException e) {
            throw failed("Cannot close the search index", e);
        }
    }
}
