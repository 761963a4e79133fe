package org.tamga.index;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiBits;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;
import org.tamga.model.DiskFullException;
import org.tamga.model.TamgaException;
import org.tamga.util.DiskSpace;
import org.tartarus.snowball.ext.EnglishStemmer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * The word index (ADR 38): for each document, the words that word frequencies count
 * ({@link WordSplitter}: Chinese segmented, English and Mongolian Cyrillic in lower case,
 * traditional Mongolian stems), each with its code point positions. Like the search index it is a
 * cache of the project (documents by GUID, texts not stored) in a folder of its own, built on first
 * use and caught up with the project on every use; it is separate from the search index so that
 * importing and searching do not pay for segmenting Chinese into words.
 *
 * <p>Counting reads the term dictionary, never the texts: for all documents each word's count and
 * number of documents are the index's own statistics; for some documents, or some passages of them
 * (a speaker's turns, the passages coded with a code), each word's postings are walked, with their
 * positions when passages are asked for.
 */
public final class WordIndex implements TextIndex, AutoCloseable {
    /** Changes whenever the way words are indexed changes; an index of another format is rebuilt. */
    public static final int FORMAT = 1;
    public static final String CHINESE = WordSplitter.ZH, ENGLISH = WordSplitter.EN, MONGOLIAN = WordSplitter.MN;
    /** The languages whose words are counted, in the order reports list them. */
    public static final List<String> LANGUAGES = List.of(CHINESE, ENGLISH, MONGOLIAN);

    static final String GUID = "guid";
    static final String WORDS = "words";
    private static final String FORMAT_KEY = "tamga.words.format";

    private static final FieldType WORDS_TYPE = new FieldType();
    static {
        WORDS_TYPE.setTokenized(true);
        WORDS_TYPE.setStored(false);
        WORDS_TYPE.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        WORDS_TYPE.freeze();
    }

    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final boolean inMemory;
    private final ThreadLocal<WordSplitter> splitters = ThreadLocal.withInitial(WordSplitter::new);

    /** The folder whose disk a failed write names; null in memory. */
    private Path folder;

    private WordIndex(Directory directory, boolean inMemory) throws IOException {
        this.directory = directory;
        this.inMemory = inMemory;
        // every field is given as tokens already; the analyzer is never asked
        IndexWriterConfig config = new IndexWriterConfig(new StandardAnalyzer());
        config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
        config.setRAMBufferSizeMB(64);
        this.writer = new IndexWriter(directory, config);
        this.searchers = new SearcherManager(writer, null);
    }

    /**
     * Opens the word index in {@code folder}, creating it if needed. One of another format or a
     * damaged one is deleted and started afresh; if another process holds the folder, the index is
     * kept in memory for this session.
     */
    public static WordIndex open(Path folder) {
        try {
            Files.createDirectories(folder);
            FSDirectory dir = FSDirectory.open(folder);
            try {
                if (DirectoryReader.indexExists(dir) && !currentFormat(dir)) {
                    dir.close();
                    SearchIndex.deleteFolder(folder);
                    Files.createDirectories(folder);
                    dir = FSDirectory.open(folder);
                }
                return new WordIndex(dir, false).in(folder);
            } catch (LockObtainFailedException e) {
                dir.close();
                return inMemory();
            } catch (IOException | RuntimeException e) {
                dir.close();
                SearchIndex.deleteFolder(folder);
                Files.createDirectories(folder);
                return new WordIndex(FSDirectory.open(folder), false).in(folder);
            }
        } catch (IOException e) {
            throw new TamgaException("Cannot open the word index in " + folder + ": " + e.getMessage(), e);
        }
    }

    /** A word index in memory only (tests, or a folder locked by another Tamga). */
    private WordIndex in(Path where) {
        this.folder = where;
        return this;
    }

    /** A failed write of the index: a full disk is named as such (the project itself is not touched by it). */
    private TamgaException failed(String what, IOException e) {
        if (folder != null && DiskSpace.full(e)) {
            return new DiskFullException(folder, "the word index could not be saved (the project itself is as it was)", e);
        }
        return new TamgaException(what + ": " + e.getMessage(), e);
    }

    public static WordIndex inMemory() {
        try {
            return new WordIndex(new ByteBuffersDirectory(), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean currentFormat(Directory dir) throws IOException {
        try (DirectoryReader reader = DirectoryReader.open(dir)) {
            return String.valueOf(FORMAT).equals(reader.getIndexCommit().getUserData().get(FORMAT_KEY));
        }
    }

    @Override
    public boolean isInMemory() { return inMemory; }

    /** The GUIDs, read from their doc values (catching up runs on every use: 10,000 stored documents would take a noticeable while). */
    @Override
    public Set<String> documentGuids() {
        return withReader(reader -> {
            Set<String> out = new HashSet<>();
            for (LeafReaderContext leaf : reader.leaves()) {
                SortedDocValues guids = DocValues.getSorted(leaf.reader(), GUID);
                Bits live = leaf.reader().getLiveDocs();
                for (int d = guids.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = guids.nextDoc()) {
                    if (live == null || live.get(d)) out.add(guids.lookupOrd(guids.ordValue()).utf8ToString());
                }
            }
            return out;
        });
    }

    @Override
    public void put(String documentGuid, String text) { put(documentGuid, text, new int[0]); }

    /**
     * Adds a document's words but those that share a character with one of the passages of
     * {@code skip} (code points [start, end) pairs, sorted: the speaker labels of its turns).
     */
    public void put(String documentGuid, String text, int[] skip) {
        List<WordSplitter.Word> words = splitters.get().split(text);
        if (skip.length > 0) {
            Passages labels = new Passages(List.of(skip));
            words = words.stream().filter(w -> !labels.overlapsEach(w.start(), w.end())).toList();
        }
        Document doc = new Document();
        doc.add(new StringField(GUID, documentGuid, Field.Store.NO));
        doc.add(new SortedDocValuesField(GUID, new BytesRef(documentGuid)));
        doc.add(new Field(WORDS, new Tokens(words, text.codePointCount(0, text.length())), WORDS_TYPE));
        try {
            writer.updateDocument(new Term(GUID, documentGuid), doc);
        } catch (IOException e) {
            throw failed("Cannot add a document to the word index", e);
        }
    }

    @Override
    public void remove(String documentGuid) {
        try {
            writer.deleteDocuments(new Term(GUID, documentGuid));
        } catch (IOException e) {
            throw failed("Cannot remove a document from the word index", e);
        }
    }

    @Override
    public void commit() {
        try {
            writer.setLiveCommitData(Map.of(FORMAT_KEY, String.valueOf(FORMAT)).entrySet());
            writer.commit();
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw failed("Cannot save the word index", e);
        }
    }

    /** The words of a document as given to the index, offsets in code points. */
    private static final class Tokens extends TokenStream {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final OffsetAttribute offsets = addAttribute(OffsetAttribute.class);
        private final PositionIncrementAttribute increments = addAttribute(PositionIncrementAttribute.class);
        private final List<WordSplitter.Word> words;
        private final int length;
        private int next;

        Tokens(List<WordSplitter.Word> words, int length) {
            this.words = words;
            this.length = length;
        }

        @Override
        public boolean incrementToken() {
            if (next == words.size()) return false;
            clearAttributes();
            WordSplitter.Word w = words.get(next++);
            term.setEmpty().append(w.text());
            offsets.setOffset(w.start(), w.end());
            increments.setPositionIncrement(1);
            return true;
        }

        @Override
        public void end() throws IOException {
            super.end();
            offsets.setOffset(length, length);
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            next = 0;
        }
    }

    // ---- counting ------------------------------------------------------------------------------

    /** A word as it is counted: the stop-word lists given to {@link Request} must be read through this. */
    public static String normalise(String word) { return WordSplitter.normalise(word == null ? null : word.strip()); }

    /** The language of a counted word (zh, en or mn), or null if Tamga does not count words of its script. */
    public static String language(String word) { return WordSplitter.language(word); }

    /** The English Snowball (Porter2) stem of a lower-case word. */
    public static String stem(String word) {
        EnglishStemmer stemmer = new EnglishStemmer();
        stemmer.setCurrent(word);
        stemmer.stem();
        return stemmer.getCurrent();
    }

    /**
     * Parts of a document where words count: each set is a list of passages [start, end) in code
     * points, sorted and not overlapping; a word counts when it shares a character with a passage
     * of every set (a speaker's turns and the passages coded with a code, say).
     */
    public record Passages(List<int[]> sets) {
        public Passages {
            sets = List.copyOf(sets);
        }

        /** Passages from unordered, possibly overlapping [start, end) pairs: sorted and merged. */
        public static int[] merged(List<int[]> spans) {
            List<int[]> sorted = new ArrayList<>(spans);
            sorted.sort(Comparator.comparingInt(a -> a[0]));
            int[] out = new int[sorted.size() * 2];
            int n = 0;
            for (int[] s : sorted) {
                if (s[1] <= s[0]) continue;
                if (n > 0 && s[0] <= out[n - 1]) out[n - 1] = Math.max(out[n - 1], s[1]);
                else { out[n++] = s[0]; out[n++] = s[1]; }
            }
            return Arrays.copyOf(out, n);
        }

        boolean overlapsEach(int start, int end) {
            for (int[] set : sets) if (!overlaps(set, start, end)) return false;
            return true;
        }

        /**
         * Counts the words among {@code n} places (start and end of each in turn, in order) that
         * share a character with a passage of every set: the first place is looked up, the others
         * walk forward from it, so that a frequent word costs one pass over the passages.
         */
        int countOverlapping(int[] places, int n) {
            int[] at = new int[sets.size()];
            int found = 0;
            for (int i = 0; i < n; i++) {
                int start = places[2 * i], end = places[2 * i + 1];
                boolean inEvery = true;
                for (int s = 0; s < at.length; s++) {
                    int[] set = sets.get(s);
                    int k = i == 0 ? firstEndingAfter(set, start) : at[s];
                    while (k < set.length / 2 && set[2 * k + 1] <= start) k++;
                    at[s] = k;
                    if (k == set.length / 2 || set[2 * k] >= end) inEvery = false;
                }
                if (inEvery) found++;
            }
            return found;
        }

        /** The first passage of a set that ends after {@code position} (or the number of passages). */
        private static int firstEndingAfter(int[] set, int position) {
            int lo = 0, hi = set.length / 2;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (set[2 * mid + 1] <= position) lo = mid + 1; else hi = mid;
            }
            return lo;
        }

        private static boolean overlaps(int[] set, int start, int end) {
            // the last passage that starts before the word ends; it overlaps if it ends after the word starts
            int lo = 0, hi = set.length / 2 - 1, found = -1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                if (set[mid * 2] < end) { found = mid; lo = mid + 1; } else hi = mid - 1;
            }
            return found >= 0 && set[found * 2 + 1] > start;
        }
    }

    /**
     * What to count.
     *
     * @param languages languages whose words are counted (a subset of {@link #LANGUAGES})
     * @param minLength words shorter than this many characters (code points) are left out
     * @param stopWords words left out, as {@link #normalise} gives them
     * @param stem      English words are counted by their Snowball stem, each stem under its most frequent form
     * @param top       at most this many words per language, the most frequent
     * @param documents the documents counted, by GUID, each with the passages where words count (null: the
     *                  whole document); null for every document
     */
    public record Request(Collection<String> languages, int minLength, Set<String> stopWords, boolean stem, int top,
                          Map<String, Passages> documents) {
        public Request {
            languages = List.copyOf(languages);
            stopWords = Set.copyOf(stopWords);
        }
    }

    /**
     * A counted word: its language, the word (for a stem, its most frequent form), how often it
     * occurs, in how many documents, and the forms counted under it (most frequent first).
     */
    public record Word(String language, String word, long count, int documents, List<String> forms) {}

    /** Most frequent first, then by the word (code point order). */
    public static final Comparator<Word> ORDER = Comparator.comparingLong(Word::count).reversed()
            .thenComparing(Word::word, WordIndex::compareCodePoints);

    static int compareCodePoints(String a, String b) {
        int i = 0, j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i), y = b.codePointAt(j);
            if (x != y) return Integer.compare(x, y);
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    /** The most frequent words of each language asked for, all of them in {@link #ORDER}. */
    public List<Word> count(Request request) {
        return withReader(reader -> new Counting(reader, request).run());
    }

    /** Where a word counted by {@link #count} occurs: a document and code points [start, end). */
    public record Occurrence(String documentGuid, int start, int end) {}

    /**
     * Every occurrence of a word as {@link #count} counted it with the same request (with
     * {@code stem}, of every form of its stem that was counted), by document, in order.
     */
    public List<Occurrence> occurrences(Request request, String word) {
        String w = normalise(word);
        if (w == null) return List.of();
        return withReader(reader -> new Counting(reader, request).occurrences(w));
    }

    /** One count over one reader: the documents and passages asked for, as Lucene document numbers. */
    private static final class Counting {
        private final IndexReader reader;
        private final Request request;
        private final Bits live;
        /** Documents counted (null: all live ones), their numbers in order, and the passages of each (null: the whole document). */
        private final FixedBitSet wanted;
        private final int[] wantedDocs;
        private final Passages[] passages;
        private final boolean anyPassages;
        private final Set<String> languages;

        Counting(IndexReader reader, Request request) throws IOException {
            this.reader = reader;
            this.request = request;
            this.live = MultiBits.getLiveDocs(reader);
            this.languages = new HashSet<>(request.languages());
            if (request.documents() == null) {
                wanted = null;
                wantedDocs = null;
                passages = null;
                anyPassages = false;
                return;
            }
            wanted = new FixedBitSet(Math.max(1, reader.maxDoc()));
            passages = new Passages[reader.maxDoc()];
            boolean any = false;
            // a GUID's live document, leaf by leaf
            for (LeafReaderContext leaf : reader.leaves()) {
                Terms guids = leaf.reader().terms(GUID);
                if (guids == null) continue;
                TermsEnum te = guids.iterator();
                Bits leafLive = leaf.reader().getLiveDocs();
                PostingsEnum pe = null;
                for (Map.Entry<String, Passages> e : request.documents().entrySet()) {
                    if (!te.seekExact(new BytesRef(e.getKey()))) continue;
                    pe = te.postings(pe, PostingsEnum.NONE);
                    for (int d = pe.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = pe.nextDoc()) {
                        if (leafLive != null && !leafLive.get(d)) continue;
                        wanted.set(leaf.docBase + d);
                        passages[leaf.docBase + d] = e.getValue();
                        any |= e.getValue() != null;
                    }
                }
            }
            anyPassages = any;
            int[] docs = new int[wanted.cardinality()];
            int n = 0;
            for (int d = wanted.nextSetBit(0); d != DocIdSetIterator.NO_MORE_DOCS; d = d + 1 < wanted.length() ? wanted.nextSetBit(d + 1) : DocIdSetIterator.NO_MORE_DOCS) {
                docs[n++] = d;
            }
            wantedDocs = docs;
        }

        /** A word's count and documents, found by walking its postings. */
        private long walkCount;
        private int walkDocuments;
        private PostingsEnum postings;

        /** Counts the current term of {@code te} in the documents and passages asked for. */
        private void walk(TermsEnum te, FixedBitSet union) throws IOException {
            walkCount = 0;
            walkDocuments = 0;
            postings = te.postings(postings, anyPassages ? PostingsEnum.OFFSETS : PostingsEnum.FREQS);
            if (wanted == null) {
                for (int d = postings.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = postings.nextDoc()) {
                    if (live == null || live.get(d)) take(d, union);
                }
            } else if (wantedDocs.length * 8L < reader.maxDoc()) {
                // few documents: leap from one to the next
                int i = 0;
                while (i < wantedDocs.length) {
                    int d = postings.advance(wantedDocs[i]);
                    if (d == DocIdSetIterator.NO_MORE_DOCS) break;
                    while (i < wantedDocs.length && wantedDocs[i] < d) i++;
                    if (i < wantedDocs.length && wantedDocs[i] == d) {
                        take(d, union);
                        i++;
                    }
                }
            } else {
                for (int d = postings.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = postings.nextDoc()) {
                    if (wanted.get(d)) take(d, union);
                }
            }
        }

        /** The places of the current word in the current document: start and end of each in turn. */
        private int[] places = new int[64];

        private void take(int doc, FixedBitSet union) throws IOException {
            Passages p = passages == null ? null : passages[doc];
            int found;
            if (p == null) {
                found = postings.freq();
            } else {
                int freq = postings.freq();
                if (places.length < 2 * freq) places = new int[Math.max(2 * freq, 2 * places.length)];
                for (int k = 0; k < freq; k++) {
                    postings.nextPosition();
                    places[2 * k] = postings.startOffset();
                    places[2 * k + 1] = postings.endOffset();
                }
                found = p.countOverlapping(places, freq);
            }
            if (found == 0) return;
            walkCount += found;
            walkDocuments++;
            if (union != null) union.set(doc);
        }

        /** Whether a term's word is counted at all: its language asked for, long enough, not a stop word. */
        private String countedLanguage(String word) {
            String language = language(word);
            if (language == null || !languages.contains(language)) return null;
            if (word.codePointCount(0, word.length()) < request.minLength()) return null;
            if (request.stopWords().contains(word)) return null;
            return language;
        }

        List<Word> run() throws IOException {
            Terms terms = MultiTerms.getTerms(reader, WORDS);
            if (terms == null) return List.of();
            Map<String, Top> tops = new HashMap<>();
            for (String l : request.languages()) tops.put(l, new Top(request.top()));
            TermsEnum te = terms.iterator();
            if (wanted != null || live != null) {
                walkMostFrequentFirst(te, tops);
            } else {
                // every document, none deleted: the index's statistics are the counts
                Map<String, Stem> stems = new HashMap<>();
                for (BytesRef t = te.next(); t != null; t = te.next()) {
                    String word = t.utf8ToString();
                    String language = countedLanguage(word);
                    if (language == null) continue;
                    long count = te.totalTermFreq();
                    int documents = te.docFreq();
                    if (request.stem() && language.equals(ENGLISH)) {
                        stems.computeIfAbsent(stem(word), k -> new Stem()).add(word, count, documents);
                    } else {
                        tops.get(language).offer(new Word(language, word, count, documents, List.of(word)));
                    }
                }
                if (request.stem() && tops.containsKey(ENGLISH)) {
                    Top english = tops.get(ENGLISH);
                    for (Stem s : stems.values()) english.offer(s.word());
                    // a stem of several forms: its documents are those of any form
                    List<Word> kept = english.words();
                    english = new Top(request.top());
                    for (Word w : kept) english.offer(w.forms().size() == 1 ? w : withUnionDocuments(te, w));
                    tops.put(ENGLISH, english);
                }
            }
            List<Word> out = new ArrayList<>();
            for (Top top : tops.values()) out.addAll(top.words());
            out.sort(ORDER);
            return out;
        }

        /** A word that may be counted, and the most it can count: its occurrences in every document. */
        private record Candidate(String word, long total) {}

        /**
         * Some documents, some passages or deleted documents: postings must be walked. A word can
         * count at most its occurrences in all documents (the index's statistic), so words are walked
         * from the most frequent down, and a language is done when its top N is full and no word left
         * could reach its last: at 10,000 transcripts a few thousand words are walked, not every word.
         */
        private void walkMostFrequentFirst(TermsEnum te, Map<String, Top> tops) throws IOException {
            Map<String, List<Candidate>> candidates = new HashMap<>();
            Map<String, List<Candidate>> stems = new HashMap<>();
            for (BytesRef t = te.next(); t != null; t = te.next()) {
                String word = t.utf8ToString();
                String language = countedLanguage(word);
                if (language == null) continue;
                Candidate c = new Candidate(word, te.totalTermFreq());
                if (request.stem() && language.equals(ENGLISH)) stems.computeIfAbsent(stem(word), k -> new ArrayList<>()).add(c);
                else candidates.computeIfAbsent(language, k -> new ArrayList<>()).add(c);
            }
            for (var e : candidates.entrySet()) {
                Top top = tops.get(e.getKey());
                List<Candidate> list = e.getValue();
                list.sort(Comparator.comparingLong(Candidate::total).reversed());
                for (Candidate c : list) {
                    if (top.full() && c.total() < top.last().count()) break;
                    if (!te.seekExact(new BytesRef(c.word()))) continue;
                    walk(te, null);
                    if (walkCount > 0) top.offer(new Word(e.getKey(), c.word(), walkCount, walkDocuments, List.of(c.word())));
                }
            }
            if (stems.isEmpty()) return;
            // English stems: a stem can count at most the occurrences of all its forms
            List<List<Candidate>> groups = new ArrayList<>(stems.values());
            groups.sort(Comparator.comparingLong((List<Candidate> g) -> g.stream().mapToLong(Candidate::total).sum()).reversed());
            Top english = tops.get(ENGLISH);
            FixedBitSet union = new FixedBitSet(Math.max(1, reader.maxDoc()));
            for (List<Candidate> group : groups) {
                long bound = group.stream().mapToLong(Candidate::total).sum();
                if (english.full() && bound < english.last().count()) break;
                Stem s = new Stem();
                union.clear();
                for (Candidate c : group) {
                    if (!te.seekExact(new BytesRef(c.word()))) continue;
                    walk(te, union);
                    if (walkCount > 0) s.add(c.word(), walkCount, walkDocuments);
                }
                if (s.count == 0) continue;
                Word w = s.word();
                english.offer(new Word(ENGLISH, w.word(), w.count(), union.cardinality(), w.forms()));
            }
        }

        private Word withUnionDocuments(TermsEnum te, Word w) throws IOException {
            FixedBitSet union = new FixedBitSet(Math.max(1, reader.maxDoc()));
            for (String form : w.forms()) {
                if (!te.seekExact(new BytesRef(form))) continue;
                walk(te, union);
            }
            return new Word(w.language(), w.word(), w.count(), union.cardinality(), w.forms());
        }

        /** The forms counted for a word (its stem's forms with {@code stem}), then their occurrences. */
        List<Occurrence> occurrences(String word) throws IOException {
            Terms terms = MultiTerms.getTerms(reader, WORDS);
            String language = language(word);
            if (terms == null || language == null || !languages.contains(language)) return List.of();
            List<String> forms = new ArrayList<>();
            TermsEnum te = terms.iterator();
            if (request.stem() && language.equals(ENGLISH)) {
                // the forms counted under the word's stem
                String key = stem(word);
                for (BytesRef t = te.next(); t != null; t = te.next()) {
                    String w = t.utf8ToString();
                    if (ENGLISH.equals(countedLanguage(w)) && stem(w).equals(key)) forms.add(w);
                }
            } else if (countedLanguage(word) != null) {
                forms.add(word);
            }
            List<long[]> found = new ArrayList<>();
            PostingsEnum pe = null;
            for (String form : forms) {
                if (!te.seekExact(new BytesRef(form))) continue;
                pe = te.postings(pe, PostingsEnum.OFFSETS);
                for (int d = pe.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = pe.nextDoc()) {
                    if (live != null && !live.get(d)) continue;
                    if (wanted != null && !wanted.get(d)) continue;
                    Passages p = passages == null ? null : passages[d];
                    int freq = pe.freq();
                    for (int k = 0; k < freq; k++) {
                        pe.nextPosition();
                        int s = pe.startOffset(), e = pe.endOffset();
                        if (p == null || p.overlapsEach(s, e)) found.add(new long[]{d, s, e});
                    }
                }
            }
            found.sort(Comparator.<long[]>comparingLong(a -> a[0]).thenComparingLong(a -> a[1]));
            List<LeafReaderContext> leaves = reader.leaves();
            List<Occurrence> out = new ArrayList<>(found.size());
            long lastDoc = -1;
            int lastLeaf = -1;
            SortedDocValues guids = null;
            String guid = null;
            for (long[] f : found) {
                if (f[0] != lastDoc) {
                    int doc = (int) f[0], leaf = ReaderUtil.subIndex(doc, leaves);
                    if (leaf != lastLeaf) {
                        guids = DocValues.getSorted(leaves.get(leaf).reader(), GUID);
                        lastLeaf = leaf;
                    }
                    if (!guids.advanceExact(doc - leaves.get(leaf).docBase)) throw new IOException("a document without its GUID");
                    guid = guids.lookupOrd(guids.ordValue()).utf8ToString();
                    lastDoc = f[0];
                }
                out.add(new Occurrence(guid, (int) f[1], (int) f[2]));
            }
            return out;
        }
    }

    /** The forms of one English stem as they are counted. */
    private static final class Stem {
        private final List<String> forms = new ArrayList<>(2);
        private final List<Long> counts = new ArrayList<>(2);
        private long count;
        private int documents;

        void add(String form, long n, int docs) {
            forms.add(form);
            counts.add(n);
            count += n;
            documents = docs; // the documents of a single form; several forms are counted again later
        }

        Word word() {
            Integer[] order = new Integer[forms.size()];
            for (int i = 0; i < order.length; i++) order[i] = i;
            Arrays.sort(order, Comparator.<Integer>comparingLong(i -> -counts.get(i)).thenComparing(i -> forms.get(i), WordIndex::compareCodePoints));
            List<String> sorted = new ArrayList<>(order.length);
            for (Integer i : order) sorted.add(forms.get(i));
            return new Word(ENGLISH, sorted.getFirst(), count, documents, sorted);
        }
    }

    /** The {@code n} first words in {@link #ORDER}. */
    private static final class Top {
        private final int n;
        private final PriorityQueue<Word> worst = new PriorityQueue<>(ORDER.reversed());

        Top(int n) { this.n = n; }

        boolean full() { return worst.size() >= n; }

        /** The last word kept (the least frequent); only when {@link #full}. */
        Word last() { return worst.peek(); }

        void offer(Word w) {
            if (worst.size() < n) {
                worst.add(w);
            } else if (ORDER.compare(w, worst.peek()) < 0) {
                worst.poll();
                worst.add(w);
            }
        }

        List<Word> words() {
            List<Word> out = new ArrayList<>(worst);
            out.sort(ORDER);
            return out;
        }
    }

    @FunctionalInterface
    private interface ReaderWork<T> { T run(IndexReader reader) throws IOException; }

    private <T> T withReader(ReaderWork<T> work) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return work.run(searcher.getIndexReader());
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new TamgaException("The word index could not be read: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            searchers.close();
            writer.close();
            directory.close();
        } catch (IOException e) {
            throw new TamgaException("Cannot close the word index: " + e.getMessage(), e);
        }
    }
}
