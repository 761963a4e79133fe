package org.tamga.core;

import org.tamga.core.text.Utf8Positions;
import org.tamga.index.WordIndex;
import org.tamga.model.Code;
import org.tamga.model.Coder;
import org.tamga.model.Document;
import org.tamga.model.TamgaException;
import org.tamga.model.Turn;
import org.tamga.report.WordFrequencies;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Word frequencies by language (ADR 38): the most frequent words of all or some documents, from
 * the word index (never by reading the texts again), and the places of one word as
 * keyword-in-context lines. Words are counted in the whole documents of the scope (coders do not
 * limit them), or only in what one speaker said, or only in the passages coded with a code
 * (by the scope's coders, if it names any); a word counts when it shares a character with such a
 * passage. Speakers' labels are never counted.
 */
public final class WordService {
    public static final int DEFAULT_TOP = 100;
    /** The languages whose words are counted: Chinese, English, Mongolian. */
    public static final List<String> LANGUAGES = WordIndex.LANGUAGES;
    private static final String STOP_WORDS = "/org/tamga/stopwords/";

    private final ProjectSession session;

    WordService(ProjectSession session) { this.session = session; }

    /**
     * What to count.
     *
     * @param scope     documents, coders (they limit only {@code code}'s passages) and speaker
     * @param languages zh, en and/or mn (empty: all three)
     * @param top       the most frequent words of each language, at most this many
     * @param stem      English words by their Snowball stem, under their most frequent form
     * @param minLength words of fewer characters are left out
     * @param stopWords words left out (see {@link #stopWords}), in any case or width
     * @param code      only words in passages coded with this code or one below it, or null
     */
    public record Request(Scope scope, List<String> languages, int top, boolean stem, int minLength, Set<String> stopWords, Code code) {
        public Request {
            scope = scope == null ? Scope.all() : scope;
            List<String> langs = new ArrayList<>();
            for (String l : languages == null ? List.<String>of() : languages) {
                String lang = l.strip().toLowerCase(Locale.ROOT);
                if (!LANGUAGES.contains(lang)) {
                    throw new TamgaException("Tamga counts the words of zh (Chinese), en (English) and mn (Mongolian), not \u201C" + l + "\u201D.");
                }
                if (!langs.contains(lang)) langs.add(lang);
            }
            languages = langs.isEmpty() ? LANGUAGES : LANGUAGES.stream().filter(langs::contains).toList();
            if (top < 1) throw new TamgaException("The number of words per language must be at least 1 (not " + top + ").");
            if (minLength < 1) throw new TamgaException("The minimum word length must be at least 1 (not " + minLength + ").");
            stopWords = stopWords == null ? Set.of() : Set.copyOf(stopWords);
        }

        /** All languages, the 100 most frequent words of each, no stemming, the shipped stop words. */
        public static Request of(Scope scope) {
            return new Request(scope, List.of(), DEFAULT_TOP, false, 1, shippedStopWords(), null);
        }

        public Request languages(List<String> l) { return new Request(scope, l, top, stem, minLength, stopWords, code); }
        public Request top(int n) { return new Request(scope, languages, n, stem, minLength, stopWords, code); }
        public Request stem(boolean on) { return new Request(scope, languages, top, on, minLength, stopWords, code); }
        public Request minLength(int n) { return new Request(scope, languages, top, stem, n, stopWords, code); }
        public Request stopWords(Set<String> words) { return new Request(scope, languages, top, stem, minLength, words, code); }
        public Request code(Code c) { return new Request(scope, languages, top, stem, minLength, stopWords, c); }
    }

    /**
     * Brings the word index in line with the project now (it is otherwise done by the first count):
     * the first time, every text is segmented, about a minute for 10,000 transcripts on two cores.
     */
    public ProjectSession.IndexSync prepare(ProjectSession.Progress progress) {
        synchronized (session) {
            session.wordIndex(progress);
            return session.lastWordSync();
        }
    }

    /** The most frequent words of each language asked for. */
    public WordFrequencies frequencies(Request request) {
        Where where = where(request);
        List<WordIndex.Word> words = where.empty ? List.of() : session.wordIndex(null).count(indexRequest(request, where));
        List<WordFrequencies.Row> rows = new ArrayList<>(words.size());
        for (WordIndex.Word w : words) rows.add(new WordFrequencies.Row(w.language(), w.word(), w.count(), w.documents(), w.forms()));
        int documents = request.scope().documents().isEmpty() ? session.store().documents().count() : request.scope().documents().size();
        WordFrequencies.Settings settings = new WordFrequencies.Settings(request.stem(), request.minLength(), request.top(),
                request.stopWords().size(), request.scope().speaker(), request.code() == null ? null : request.code().name());
        return new WordFrequencies(session.project().name(), documents, request.languages(), settings, rows);
    }

    /**
     * The places of a word as {@link #frequencies} counted it with the same request (with stemming,
     * of every form of its stem), as keyword-in-context lines: by document (in the order of the
     * document list), then by position; at most {@code limit}, with {@code context} characters on
     * either side. {@code documents} of the result counts the documents of the lines returned.
     */
    public SearchService.Result contexts(Request request, String word, int context, int limit) {
        if (limit < 1) throw new TamgaException("The number of lines must be at least 1 (not " + limit + ").");
        if (context < 0) throw new TamgaException("The context must be 0 characters or more (not " + context + ").");
        Where where = where(request);
        if (where.empty || word == null || word.isBlank()) return new SearchService.Result(List.of(), 0, false);
        List<WordIndex.Occurrence> found = session.wordIndex(null).occurrences(indexRequest(request, where), word);
        if (found.isEmpty()) return new SearchService.Result(List.of(), 0, false);
        Map<String, List<WordIndex.Occurrence>> byDocument = new HashMap<>();
        for (WordIndex.Occurrence o : found) byDocument.computeIfAbsent(o.documentGuid(), k -> new ArrayList<>()).add(o);
        // documents in the order of the document list, the lines of each in order, up to the limit
        List<Document> order = new ArrayList<>();
        for (Document d : session.store().documents().all()) if (byDocument.containsKey(d.guid())) order.add(d);
        List<SearchService.Hit> hits = new ArrayList<>();
        boolean truncated = false;
        int documents = 0;
        for (int from = 0; from < order.size() && !truncated; from += TEXT_BATCH) {
            List<Document> batch = order.subList(from, Math.min(order.size(), from + TEXT_BATCH));
            var texts = session.store().documents().withTexts(batch.stream().map(Document::guid).toList());
            for (Document d : batch) {
                var t = texts.get(d.guid());
                if (t == null) continue; // deleted since the index was read
                Utf8Positions p = new Utf8Positions(t.utf8());
                Utf8Positions.Place at = new Utf8Positions.Place(0, 0, 0);
                boolean any = false;
                for (WordIndex.Occurrence o : byDocument.get(d.guid())) {
                    if (hits.size() == limit) { truncated = true; break; }
                    Utf8Positions.Place start = p.forward(at, o.start() - at.codePoint());
                    Utf8Positions.Place end = p.forward(start, o.end() - o.start());
                    hits.add(new SearchService.Hit(t.document(), o.start(), o.end(), p.text(start.byteOffset(), end.byteOffset()),
                            p.kwic(start, end, context)));
                    at = start;
                    any = true;
                }
                if (any) documents++;
                if (truncated) break;
            }
        }
        return new SearchService.Result(hits, documents, truncated);
    }

    private static final int TEXT_BATCH = 200;

    /** The documents and passages a request counts, by GUID (null: every document, whole). */
    private record Where(Map<String, WordIndex.Passages> documents, boolean empty) {}

    private Where where(Request request) {
        Scope scope = request.scope();
        boolean some = !scope.documents().isEmpty();
        if (!some && scope.speaker() == null && request.code() == null) return new Where(null, false);
        List<Document> docs = some ? scope.documents() : session.store().documents().all();
        Map<Long, List<Turn>> spoken = scope.speaker() == null ? null : session.speakers().turnsByDocument(scope.speaker());
        Map<Long, List<int[]>> coded = request.code() == null ? null : codedPassages(request.code(), scope.coders());
        Map<String, WordIndex.Passages> out = new LinkedHashMap<>();
        for (Document d : docs) {
            List<int[]> sets = new ArrayList<>(2);
            if (spoken != null) {
                List<Turn> turns = spoken.get(d.id());
                if (turns == null) continue;
                sets.add(WordIndex.Passages.merged(turns.stream().map(t -> new int[]{t.start(), t.end()}).toList()));
            }
            if (coded != null) {
                List<int[]> spans = coded.get(d.id());
                if (spans == null) continue;
                sets.add(WordIndex.Passages.merged(spans));
            }
            out.put(d.guid(), sets.isEmpty() ? null : new WordIndex.Passages(sets));
        }
        return new Where(out, out.isEmpty());
    }

    /** The passages coded with a code or one below it, by the coders named (all when none), by document id. */
    private Map<Long, List<int[]>> codedPassages(Code code, List<String> coderNames) {
        var store = session.store();
        Set<Long> coderIds = new HashSet<>();
        if (!coderNames.isEmpty()) {
            List<Coder> coders = store.coders().all();
            for (String name : coderNames) {
                Coder coder = coders.stream().filter(c -> c.name().equalsIgnoreCase(name.strip())).findFirst()
                        .orElseThrow(() -> new TamgaException("No coder \u201C" + name + "\u201D in the project (coders: "
                                + String.join(", ", coders.stream().map(Coder::name).toList()) + ")."));
                coderIds.add(coder.id());
            }
        }
        Set<Long> codeIds = new HashSet<>();
        for (Code c : store.codes().codebook().withDescendants(code.id())) codeIds.add(c.id());
        Map<Long, List<int[]>> out = new HashMap<>();
        // only document, code and positions are read (the frequency report's way), the coders filtered in SQL
        store.codings().forEachSpan(coderIds, (documentId, codeId, start, end) -> {
            if (codeIds.contains(codeId)) out.computeIfAbsent(documentId, k -> new ArrayList<>()).add(new int[]{start, end});
        });
        return out;
    }

    private static WordIndex.Request indexRequest(Request r, Where where) {
        return new WordIndex.Request(r.languages(), r.minLength(), r.stopWords(), r.stem(), r.top(), where.documents());
    }

    // ---- stop words -------------------------------------------------------------------------

    /** The stop-word list Tamga ships for a language (zh, en or mn), as written in its file, comments included. */
    public static String shippedStopWordFile(String language) {
        String lang = language == null ? "" : language.strip().toLowerCase(Locale.ROOT);
        if (!LANGUAGES.contains(lang)) {
            throw new TamgaException("Tamga ships stop words for zh, en and mn, not \u201C" + language + "\u201D.");
        }
        try (InputStream in = WordService.class.getResourceAsStream(STOP_WORDS + lang + ".txt")) {
            if (in == null) throw new IllegalStateException("the stop-word list " + lang + ".txt is missing from Tamga's jar");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new TamgaException("Cannot read the stop-word list " + lang + ".txt: " + e.getMessage(), e);
        }
    }

    /** The stop words Tamga ships, of all three languages, as they are counted. */
    public static Set<String> shippedStopWords() {
        Set<String> out = new LinkedHashSet<>();
        for (String l : LANGUAGES) out.addAll(words(shippedStopWordFile(l)));
        return out;
    }

    /**
     * Stop words: the shipped lists (if {@code shipped}) and the words of each file, one word a line
     * (UTF-8; {@code #} begins a comment; blank lines and words Tamga does not count, such as numbers,
     * are ignored).
     */
    public static Set<String> stopWords(boolean shipped, Collection<Path> files) {
        Set<String> out = shipped ? new LinkedHashSet<>(shippedStopWords()) : new LinkedHashSet<>();
        for (Path f : files == null ? List.<Path>of() : files) {
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(f);
            } catch (NoSuchFileException e) {
                throw new TamgaException("Cannot read the stop-word list " + f + ": there is no such file.", e);
            } catch (IOException e) {
                throw new TamgaException("Cannot read the stop-word list " + f + ": " + e.getMessage(), e);
            }
            String text;
            try {
                text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            } catch (CharacterCodingException e) {
                throw new TamgaException("Cannot read the stop-word list " + f + ": it is not UTF-8 text (save it as UTF-8).", e);
            }
            out.addAll(words(text));
        }
        return out;
    }

    /** The words of a stop-word list's text, as they are counted. */
    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            int hash = line.indexOf('#');
            String w = WordIndex.normalise((hash >= 0 ? line.substring(0, hash) : line).replace("\uFEFF", ""));
            if (w != null) out.add(w);
        }
        return out;
    }
}
