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
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.Weight;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.BytesRef;
import org.tamga.model.TamgaException;

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
public final class SearchIndex implements AutoCloseable {
    /** Changes whenever the way texts are indexed changes; an index of another format is rebuilt. */
    public static final int FORMAT = 2;
    static final String GUID = "guid";
    static final String TEXT = "text";
    private static final String FORMAT_KEY = "tamga.index.format";

    private static final FieldType TEXT_TYPE = new FieldType();
    static {
        TEXT_TYPE.setTokenized(true);
        TEXT_TYPE.setStored(false);
        TEXT_TYPE.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        TEXT_TYPE.freeze();
    }

    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final Analyzer analyzer;
    private final boolean inMemory;

    private SearchIndex(Directory directory, boolean inMemory) throws IOException {
        this.directory = directory;
        this.inMemory = inMemory;
        this.analyzer = analyzer();
        IndexWriterConfig config = new IndexWriterConfig(analyzer);
        config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
        config.setRAMBufferSizeMB(64);
        this.writer = new IndexWriter(directory, config);
        this.searchers = new SearcherManager(writer, null);
    }

    /** The analyzer of the text field (and of queries against it). */
    public static Analyzer analyzer() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                StandardTokenizer tokenizer = new StandardTokenizer();
                TokenStream stream = new ICUFoldingFilter(new HanGapFilter(tokenizer));
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
                return new SearchIndex(dir, false);
            } catch (LockObtainFailedException e) {
                dir.close();
                return inMemory();
            } catch (IOException | RuntimeException e) {
                // a damaged cache: throw it away and rebuild
                dir.close();
                deleteFolder(folder);
                Files.createDirectories(folder);
                return new SearchIndex(FSDirectory.open(folder), false);
            }
        } catch (IOException e) {
            throw new TamgaException("Cannot open the search index in " + folder + ": " + e.getMessage(), e);
        }
    }

    /** An index that lives in memory only (tests, or a folder locked by another Tamga). */
    public static SearchIndex inMemory() {
        try {
            return new SearchIndex(new ByteBuffersDirectory(), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean isInMemory() { return inMemory; }

    private static boolean currentFormat(Directory dir) throws IOException {
        try (DirectoryReader reader = DirectoryReader.open(dir)) {
            Map<String, String> data = reader.getIndexCommit().getUserData();
            return String.valueOf(FORMAT).equals(data.get(FORMAT_KEY));
        }
    }

    private static void deleteFolder(Path folder) throws IOException {
        if (!Files.exists(folder)) return;
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    /** GUIDs of the documents in the index. */
    public Set<String> documentGuids() {
        return withSearcher(searcher -> {
            Set<String> out = new HashSet<>();
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                StoredFields fields = leaf.reader().storedFields();
                var live = leaf.reader().getLiveDocs();
                for (int i = 0; i < leaf.reader().maxDoc(); i++) {
                    if (live != null && !live.get(i)) continue;
                    out.add(fields.document(i, Set.of(GUID)).get(GUID));
                }
            }
            return out;
        });
    }

    /** Adds a document's text (or replaces it, if the GUID is indexed already). */
    public void put(String documentGuid, String text) {
        Document doc = new Document();
        doc.add(new StringField(GUID, documentGuid, Field.Store.YES));
        doc.add(new Field(TEXT, text, TEXT_TYPE));
        try {
            writer.updateDocument(new Term(GUID, documentGuid), doc);
        } catch (IOException e) {
            throw new TamgaException("Cannot add a document to the search index: " + e.getMessage(), e);
        }
    }

    public void remove(String documentGuid) {
        try {
            writer.deleteDocuments(new Term(GUID, documentGuid));
        } catch (IOException e) {
            throw new TamgaException("Cannot remove a document from the search index: " + e.getMessage(), e);
        }
    }

    /** Makes the changes durable and visible to searches. */
    public void commit() {
        try {
            writer.setLiveCommitData(Map.of(FORMAT_KEY, String.valueOf(FORMAT)).entrySet());
            writer.commit();
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new TamgaException("Cannot save the search index: " + e.getMessage(), e);
        }
    }

    /**
     * The result of a search: hits in order of document relevance, then position; the number of
     * documents they are in; whether {@code maxHits} cut the list short.
     */
    public record Result(List<IndexHit> hits, int matchingDocuments, boolean truncated) {}

    /**
     * Documents ranked by the first page of a search: a fifth of the hits wanted (a document that
     * matches at all usually matches several times), at least 50; each further page is four times larger.
     */
    private static final int FIRST_PAGE = 50;
    private static final int MAX_PAGE = 50_000;

    /**
     * Finds every match of {@code queryText}. Syntax: words, "phrases", AND/OR/NOT (AND is the
     * default between words), wildcards {@code * ?}, fuzzy {@code ~}, proximity {@code "a b"~5}.
     *
     * @param onlyDocuments GUIDs to restrict the search to, or null for all documents
     * @param maxHits       stop after this many hits (the result says if it stopped)
     */
    public Result search(String queryText, Collection<String> onlyDocuments, int maxHits) {
        Query parsed = parse(queryText);
        BooleanQuery.Builder builder = new BooleanQuery.Builder().add(parsed, BooleanClause.Occur.MUST);
        if (onlyDocuments != null) {
            List<BytesRef> terms = onlyDocuments.stream().map(BytesRef::new).toList();
            builder.add(new TermInSetQuery(GUID, terms), BooleanClause.Occur.FILTER);
        }
        Query query = builder.build();
        return withSearcher(searcher -> {
            // rewritten once (a wildcard or fuzzy query walks the term dictionary to rewrite), for the matches and the ranking alike
            Query rewritten = searcher.rewrite(query);
            Weight weight = searcher.createWeight(rewritten, ScoreMode.COMPLETE_NO_SCORES, 1f);
            List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
            StoredFields[] stored = new StoredFields[leaves.size()];
            List<IndexHit> hits = new ArrayList<>();
            boolean truncated = false;
            int documents = 0;
            // documents best first, a page at a time: the first pages usually hold enough hits, so the
            // rest of the matching documents are neither ranked in full nor asked for their matches
            ScoreDoc after = null;
            int page = (int) Math.max(FIRST_PAGE, Math.min(MAX_PAGE, maxHits / 5L));
            pages:
            while (true) {
                TopDocs top = searcher.searchAfter(after, rewritten, page);
                for (ScoreDoc sd : top.scoreDocs) {
                    int leafIndex = ReaderUtil.subIndex(sd.doc, leaves);
                    LeafReaderContext leaf = leaves.get(leafIndex);
                    int local = sd.doc - leaf.docBase;
                    Matches matches = weight.matches(leaf, local);
                    if (matches == null) continue;
                    MatchesIterator it = matches.getMatches(TEXT);
                    if (it == null) continue;
                    String guid = null;
                    while (it.next()) {
                        if (hits.size() >= maxHits) { truncated = true; break pages; }
                        if (guid == null) {
                            if (stored[leafIndex] == null) stored[leafIndex] = leaf.reader().storedFields();
                            guid = stored[leafIndex].document(local, Set.of(GUID)).get(GUID);
                            documents++;
                        }
                        hits.add(new IndexHit(guid, it.startOffset(), it.endOffset(), sd.score));
                    }
                }
                if (top.scoreDocs.length < page) break;
                after = top.scoreDocs[top.scoreDocs.length - 1];
                page = (int) Math.min(MAX_PAGE, page * 4L);
            }
            return new Result(hits, documents, truncated);
        });
    }

    private Query parse(String queryText) {
        if (queryText == null || queryText.isBlank()) throw new TamgaException("The search is empty: type a word or phrase.");
        QueryParser parser = new QueryParser(TEXT, analyzer);
        parser.setSplitOnWhitespace(true);
        parser.setDefaultOperator(QueryParser.Operator.AND);
        parser.setAutoGeneratePhraseQueries(true);
        parser.setAllowLeadingWildcard(true);
        try {
            return parser.parse(queryText);
        } catch (ParseException | RuntimeException e) {
            String reason = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
            throw new TamgaException("Cannot understand the search \u201C" + queryText + "\u201D (" + reason
                    + "). Use words, \"phrases\", AND/OR/NOT, * and ? wildcards, word~ for fuzzy, \"a b\"~5 for proximity.", e);
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
        } catch (IOException e) {
            throw new TamgaException("Cannot close the search index: " + e.getMessage(), e);
        }
    }
}
