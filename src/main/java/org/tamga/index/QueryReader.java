package org.tamga.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.intervals.IntervalQuery;
import org.apache.lucene.queries.intervals.Intervals;
import org.apache.lucene.queries.intervals.IntervalsSource;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.WildcardQuery;
import org.apache.lucene.util.BytesRef;
import org.tamga.model.TamgaException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the query language (README, "Search syntax") into a {@link SearchQuery}:
 * <pre>
 * query   := either
 * either  := without ( OR without )*
 * without := all ( NOT all )*                     passage-level unless Options.excludeDocuments
 * all     := near ( [AND] near | -near )*          words side by side must all occur; -x is NOT x
 * near    := unit ( ( NEAR/n | SAMETURN ) unit )*
 * unit    := [+] ( "( " either ")" | "a phrase"[~n] | word[~[n]] )
 * </pre>
 * A word is analysed as the index analyses texts: a word of several tokens (草场, 阿Q, COVID-19)
 * becomes a phrase of them. {@code \} makes the next character literal. {@code [ ] { } ^} are reserved.
 */
final class QueryReader {
    /** The most words a wildcard inside a phrase or NEAR may stand for. */
    static final int MAX_EXPANSIONS = 1024;
    private static final String HAN = StandardTokenizer.TOKEN_TYPES[StandardTokenizer.IDEOGRAPHIC];
    private static final Pattern NEAR = Pattern.compile("NEAR/(\\d{1,4})");
    private static final String SYNTAX = "Use words, \"phrases\", AND, OR, NOT, a NEAR/5 b, a SAMETURN b, * and ? wildcards, word~ for fuzzy, \"a b\"~5 for proximity.";

    private final String query;
    private final Analyzer analyzer;
    private final SearchQuery.Options options;
    private final List<Tok> tokens = new ArrayList<>();
    private int at;
    private final List<Query> leafQueries = new ArrayList<>();

    private QueryReader(String query, Analyzer queryAnalyzer, SearchQuery.Options options) {
        this.query = query;
        this.analyzer = queryAnalyzer;
        this.options = options;
    }

    static SearchQuery read(String query, Analyzer queryAnalyzer, SearchQuery.Options options) {
        if (query == null || query.isBlank()) throw new TamgaException("The search is empty: type a word or phrase.");
        QueryReader r = new QueryReader(query, queryAnalyzer, options);
        r.lex();
        P tree = r.either();
        if (r.at < r.tokens.size()) throw r.error("\u201C" + r.tokens.get(r.at).text + "\u201D was not expected there");
        SearchQuery.Node root = r.compile(tree);
        return new SearchQuery(query, root, r.leafQueries);
    }

    // ---------------------------------------------------------------- lexing

    private enum Kind { WORD, PHRASE, OPEN, CLOSE, AND, OR, NOT, NEAR, SAMETURN, MINUS, PLUS }

    /** A token of the query; a word keeps which of its characters were escaped. */
    private record Tok(Kind kind, String text, boolean[] literal, int number) {}

    private TamgaException error(String reason) {
        return new TamgaException("Cannot understand the search \u201C" + query + "\u201D (" + reason + "). " + SYNTAX);
    }

    private void lex() {
        String q = query;
        int i = 0, n = q.length();
        while (i < n) {
            char c = q.charAt(i);
            if (Character.isWhitespace(c) || c == '\u3000') { i++; continue; }
            if (c == '(') { tokens.add(new Tok(Kind.OPEN, "(", null, 0)); i++; continue; }
            if (c == ')') { tokens.add(new Tok(Kind.CLOSE, ")", null, 0)); i++; continue; }
            if ((c == '-' || c == '+') && i + 1 < n && !Character.isWhitespace(q.charAt(i + 1)) && q.charAt(i + 1) != ')') {
                tokens.add(new Tok(c == '-' ? Kind.MINUS : Kind.PLUS, String.valueOf(c), null, 0));
                i++;
                continue;
            }
            if (c == '"' || c == '\u201C') {
                char close = c == '"' ? '"' : '\u201D';
                StringBuilder sb = new StringBuilder();
                int j = i + 1;
                boolean closed = false;
                while (j < n) {
                    char d = q.charAt(j);
                    if (d == '\\' && j + 1 < n) { sb.append(q.charAt(j + 1)); j += 2; continue; }
                    if (d == close) { closed = true; j++; break; }
                    sb.append(d);
                    j++;
                }
                if (!closed) throw error("a phrase is not closed with " + close);
                int slop = 0;
                if (j < n && q.charAt(j) == '~') {
                    int k = j + 1;
                    while (k < n && Character.isDigit(q.charAt(k)) && k - j <= 4) k++;
                    if (k == j + 1) throw error("~ after a phrase needs a number of words: \"a b\"~5");
                    slop = Integer.parseInt(q.substring(j + 1, k));
                    j = k;
                }
                tokens.add(new Tok(Kind.PHRASE, sb.toString(), null, slop));
                i = j;
                continue;
            }
            // a word: up to white space, a bracket or a quote
            StringBuilder sb = new StringBuilder();
            List<Boolean> lit = new ArrayList<>();
            int j = i;
            boolean escaped = false;
            while (j < n) {
                char d = q.charAt(j);
                if (d == '\\' && j + 1 < n) { sb.append(q.charAt(j + 1)); lit.add(true); j += 2; escaped = true; continue; }
                if (Character.isWhitespace(d) || d == '\u3000' || d == '(' || d == ')' || d == '"') break;
                if (d == '[' || d == ']' || d == '{' || d == '}' || d == '^') throw error(d + " is reserved; put \\ before it to search for it");
                sb.append(d);
                lit.add(false);
                j++;
            }
            String w = sb.toString();
            boolean[] literal = new boolean[lit.size()];
            for (int k = 0; k < literal.length; k++) literal[k] = lit.get(k);
            Kind op = escaped ? null : switch (w) {
                case "AND", "&&" -> Kind.AND;
                case "OR", "||" -> Kind.OR;
                case "NOT" -> Kind.NOT;
                case "SAMETURN" -> Kind.SAMETURN;
                default -> null;
            };
            Matcher near = NEAR.matcher(w);
            if (op != null) tokens.add(new Tok(op, w, null, 0));
            else if (!escaped && near.matches()) tokens.add(new Tok(Kind.NEAR, w, null, Integer.parseInt(near.group(1))));
            else if (!escaped && (w.equals("NEAR") || w.startsWith("NEAR/"))) throw error("NEAR needs a number of words: a NEAR/5 b");
            else tokens.add(new Tok(Kind.WORD, w, literal, 0));
            i = j;
        }
    }

    // ---------------------------------------------------------------- parsing into a tree of P

    private sealed interface P permits PLeaf, PAll, PAny, PNot, PNear, PSame, PNeg {}
    private record PLeaf(Spec spec, ExactText exact, String text) implements P {}
    private record PAll(List<P> parts) implements P {}
    private record PAny(List<P> parts) implements P {}
    private record PNot(P include, P exclude) implements P {}
    private record PNear(P left, P right, int words) implements P {}
    private record PSame(P left, P right) implements P {}
    private record PNeg(P part) implements P {}

    private Tok peek() { return at < tokens.size() ? tokens.get(at) : null; }

    private boolean peekIs(Kind k) { Tok t = peek(); return t != null && t.kind == k; }

    private P either() {
        List<P> parts = new ArrayList<>(List.of(without()));
        while (peekIs(Kind.OR)) { at++; parts.add(without()); }
        return parts.size() == 1 ? parts.getFirst() : new PAny(parts);
    }

    private P without() {
        P left = all("NOT");
        while (peekIs(Kind.NOT)) { at++; left = new PNot(left, all(null)); }
        return left;
    }

    private boolean startsUnit(Tok t) {
        return t != null && (t.kind == Kind.WORD || t.kind == Kind.PHRASE || t.kind == Kind.OPEN || t.kind == Kind.MINUS || t.kind == Kind.PLUS);
    }

    private P all(String before) {
        List<P> positive = new ArrayList<>(), negative = new ArrayList<>();
        while (true) {
            Tok t = peek();
            if (t != null && t.kind == Kind.AND) {
                if (positive.isEmpty() && negative.isEmpty()) throw error("AND needs something before it");
                at++;
                if (!startsUnit(peek())) throw error("AND needs something after it");
                continue;
            }
            if (!startsUnit(t)) break;
            P p = near();
            if (p instanceof PNeg neg) negative.add(neg.part()); else positive.add(p);
        }
        if (positive.isEmpty() && negative.isEmpty()) {
            Tok t = peek();
            throw error(t == null ? "it ends where a word was expected" : "\u201C" + t.text + "\u201D needs a word before it");
        }
        if (positive.isEmpty()) throw error("it says only what to leave out; say what to find, then NOT");
        P include = positive.size() == 1 ? positive.getFirst() : new PAll(positive);
        if (negative.isEmpty()) return include;
        return new PNot(include, negative.size() == 1 ? negative.getFirst() : new PAny(negative));
    }

    private P near() {
        P left = unit();
        while (peekIs(Kind.NEAR) || peekIs(Kind.SAMETURN)) {
            Tok op = tokens.get(at++);
            if (!startsUnit(peek())) throw error(op.text + " needs something after it");
            P right = unit();
            if (left instanceof PNeg || right instanceof PNeg) throw error(op.text + " cannot join a word left out with -");
            left = op.kind == Kind.NEAR ? new PNear(left, right, op.number) : new PSame(left, right);
        }
        return left;
    }

    private P unit() {
        Tok t = peek();
        if (t == null) throw error("it ends where a word was expected");
        at++;
        switch (t.kind) {
            case MINUS -> { return new PNeg(unit()); }
            case PLUS -> { return unit(); }
            case OPEN -> {
                P inside = either();
                if (!peekIs(Kind.CLOSE)) throw error("a bracket is not closed with )");
                at++;
                return inside;
            }
            case PHRASE -> { return phrase(t.text, null, t.number, true); }
            case WORD -> { return word(t.text, t.literal); }
            default -> throw error("\u201C" + t.text + "\u201D needs a word before it");
        }
    }

    // ---------------------------------------------------------------- words and phrases

    /** What the index looks for at one position. */
    private sealed interface Slot permits Terms, Prefix, Wildcard, Fuzzy {}
    private record Terms(String[] terms) implements Slot {}
    private record Prefix(String prefix) implements Slot {}
    private record Wildcard(String pattern) implements Slot {}
    private record Fuzzy(String term, int edits) implements Slot {}

    /** A leaf before it is numbered: slots at positions (with slop), or an intervals source (NEAR). */
    private record Spec(List<Slot> slots, int[] positions, int slop, IntervalsSource near) {
        Query query() {
            if (near != null) return new IntervalQuery(SearchIndex.TEXT, near);
            if (slots.size() == 1) return slotQuery(slots.getFirst());
            if (slots.stream().allMatch(s -> s instanceof Terms)) {
                boolean simple = slots.stream().allMatch(s -> ((Terms) s).terms().length == 1);
                if (!simple && slop == 0) {
                    Term[][] terms = new Term[slots.size()][];
                    for (int i = 0; i < slots.size(); i++) terms[i] = Arrays.stream(((Terms) slots.get(i)).terms()).map(x -> new Term(SearchIndex.TEXT, x)).toArray(Term[]::new);
                    return new EdgePhraseQuery(terms, new org.apache.lucene.search.AutomatonQuery[slots.size()], positions);
                }
                if (simple) {
                    PhraseQuery.Builder b = new PhraseQuery.Builder().setSlop(slop);
                    for (int i = 0; i < slots.size(); i++) b.add(new Term(SearchIndex.TEXT, ((Terms) slots.get(i)).terms()[0]), positions[i]);
                    return b.build();
                }
                MultiPhraseQuery.Builder b = new MultiPhraseQuery.Builder().setSlop(slop);
                for (int i = 0; i < slots.size(); i++) {
                    String[] ts = ((Terms) slots.get(i)).terms();
                    Term[] terms = new Term[ts.length];
                    for (int k = 0; k < ts.length; k++) terms[k] = new Term(SearchIndex.TEXT, ts[k]);
                    b.add(terms, positions[i]);
                }
                return b.build();
            }
            if (slop == 0 && slots.stream().noneMatch(s -> s instanceof Fuzzy)) {
                Term[][] terms = new Term[slots.size()][];
                org.apache.lucene.search.AutomatonQuery[] patterns = new org.apache.lucene.search.AutomatonQuery[slots.size()];
                for (int i = 0; i < slots.size(); i++) {
                    switch (slots.get(i)) {
                        case Terms t -> terms[i] = Arrays.stream(t.terms()).map(x -> new Term(SearchIndex.TEXT, x)).toArray(Term[]::new);
                        case Prefix p -> patterns[i] = new PrefixQuery(new Term(SearchIndex.TEXT, p.prefix()));
                        case Wildcard w -> patterns[i] = new WildcardQuery(new Term(SearchIndex.TEXT, w.pattern()));
                        case Fuzzy f -> throw new IllegalStateException();
                    }
                }
                return new EdgePhraseQuery(terms, patterns, positions);
            }
            return new IntervalQuery(SearchIndex.TEXT, source());
        }

        IntervalsSource source() {
            if (near != null) return near;
            IntervalsSource[] s = new IntervalsSource[slots.size()];
            for (int i = 0; i < s.length; i++) s[i] = slotSource(slots.get(i));
            if (s.length == 1) return s[0];
            int holes = positions[positions.length - 1] - positions[0] - (positions.length - 1);
            if (holes == 0 && slop == 0) return Intervals.phrase(s);
            return Intervals.maxgaps(holes + slop, Intervals.ordered(s));
        }
    }

    private static Query slotQuery(Slot s) {
        return switch (s) {
            case Terms t when t.terms().length == 1 -> new TermQuery(new Term(SearchIndex.TEXT, t.terms()[0]));
            case Terms t -> {
                BooleanQuery.Builder b = new BooleanQuery.Builder();
                for (String term : t.terms()) b.add(new TermQuery(new Term(SearchIndex.TEXT, term)), BooleanClause.Occur.SHOULD);
                yield b.build();
            }
            case Prefix p -> new PrefixQuery(new Term(SearchIndex.TEXT, p.prefix()));
            case Wildcard w when prefixOnly(w.pattern()) -> new PrefixQuery(new Term(SearchIndex.TEXT, w.pattern().substring(0, w.pattern().length() - 1)));
            case Wildcard w -> new WildcardQuery(new Term(SearchIndex.TEXT, w.pattern()));
            case Fuzzy f -> new FuzzyQuery(new Term(SearchIndex.TEXT, f.term()), f.edits());
        };
    }

    /** {@code word*}: no wildcard but the last character, nothing escaped. */
    private static boolean prefixOnly(String pattern) {
        if (!pattern.endsWith("*") || pattern.length() < 2) return false;
        for (int i = 0; i < pattern.length() - 1; i++) {
            char c = pattern.charAt(i);
            if (c == '*' || c == '?' || c == '\\') return false;
        }
        return true;
    }

    private static IntervalsSource slotSource(Slot s) {
        return switch (s) {
            case Terms t when t.terms().length == 1 -> Intervals.term(t.terms()[0]);
            case Terms t -> Intervals.or(Arrays.stream(t.terms()).map(Intervals::term).toArray(IntervalsSource[]::new));
            case Prefix p -> Intervals.prefix(new BytesRef(p.prefix()), MAX_EXPANSIONS);
            case Wildcard w -> Intervals.wildcard(new BytesRef(w.pattern()), MAX_EXPANSIONS);
            case Fuzzy f -> Intervals.fuzzyTerm(f.term(), f.edits());
        };
    }

    /** A token of analysed query text. */
    private record Analysed(String term, int position, int start, int end, boolean han) {}

    private List<Analysed> analyse(String text) {
        List<Analysed> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(SearchIndex.TEXT, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
            OffsetAttribute off = ts.addAttribute(OffsetAttribute.class);
            TypeAttribute type = ts.addAttribute(TypeAttribute.class);
            ts.reset();
            int pos = -1;
            while (ts.incrementToken()) {
                pos += Math.max(1, inc.getPositionIncrement());
                out.add(new Analysed(term.toString(), pos, off.startOffset(), off.endOffset(), HAN.equals(type.type())));
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The terms a Han token stands for: itself, and its simplified and traditional forms if asked. */
    private String[] forms(Analysed a) {
        if (!a.han() || !options.chineseVariants()) return new String[]{a.term()};
        int cp = a.term().codePointAt(0);
        if (Character.charCount(cp) != a.term().length()) return new String[]{a.term()};
        Set<String> out = new LinkedHashSet<>();
        out.add(a.term());
        for (int f : ChineseVariants.forms(cp)) out.add(fold(new String(Character.toChars(f))));
        return out.toArray(String[]::new);
    }

    private String fold(String s) { return analyzer.normalize(SearchIndex.TEXT, s).utf8ToString(); }

    private static boolean hasHan(String s) {
        return s.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    private P word(String w, boolean[] literal) {
        boolean wildcard = false, star = false;
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            if (literal[i]) continue;
            if (c == '*') { wildcard = true; star = true; }
            if (c == '?') wildcard = true;
        }
        // fuzzy: word~ or word~N at the end
        int tilde = w.lastIndexOf('~');
        if (tilde >= 0 && !literal[tilde] && !wildcard) {
            String rest = w.substring(tilde + 1);
            String stem = w.substring(0, tilde);
            if (stem.isEmpty() || stem.indexOf('~') >= 0 && !literal[stem.indexOf('~')] || !rest.matches("[0-2]?"))
                throw error("fuzzy is word~, word~1 or word~2");
            int edits = rest.isEmpty() ? FuzzyQuery.defaultMaxEdits : Integer.parseInt(rest);
            List<Analysed> a = analyse(stem);
            if (a.size() != 1) throw error("fuzzy works on one word: " + w);
            return new PLeaf(new Spec(List.of(new Fuzzy(a.getFirst().term(), edits)), new int[]{0}, 0, null), null, w);
        }
        if (!wildcard) return phrase(w, literal, 0, false);
        if (hasHan(w)) {
            if (star) throw new TamgaException("Cannot search \u201C" + w + "\u201D: * after Chinese characters would stand for any number of"
                    + " characters. Chinese is searched character by character, so " + w.replaceAll("[*?]", "")
                    + " already finds every place it occurs, inside longer words too; use ? for exactly one character ("
                    + w.replace('*', '?') + ", or ?? for two).");
            return hanWildcard(w, literal);
        }
        // a wildcard over words: folded as texts are, escaped characters kept literal
        StringBuilder pattern = new StringBuilder();
        StringBuilder run = new StringBuilder();
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            if (!literal[i] && (c == '*' || c == '?')) {
                pattern.append(escapeWildcard(fold(run.toString())));
                run.setLength(0);
                pattern.append(c);
            } else {
                run.append(c);
            }
        }
        pattern.append(escapeWildcard(fold(run.toString())));
        return new PLeaf(new Spec(List.of(new Wildcard(pattern.toString())), new int[]{0}, 0, null), null, w);
    }

    private static String escapeWildcard(String s) {
        return s.replace("\\", "\\\\").replace("*", "\\*").replace("?", "\\?");
    }

    /** 草? 草?? ?场 草?场: Han characters side by side with one character (letter, digit, Han) for each ?. */
    private P hanWildcard(String w, boolean[] literal) {
        boolean[] any = new boolean[w.length()];
        List<Slot> slots = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        int before = 0, pos = 0, pendingAny = 0;
        StringBuilder run = new StringBuilder();
        for (int i = 0; i <= w.length(); i++) {
            boolean q = i < w.length() && !literal[i] && w.charAt(i) == '?';
            if (i < w.length() && !q) { run.append(w.charAt(i)); continue; }
            if (!run.isEmpty()) {
                List<Analysed> a = analyse(run.toString());
                for (int k = 0; k < a.size(); k++) {
                    if (slots.isEmpty()) { before = pendingAny; pos = 0; }
                    else if (k == 0) pos += 1 + pendingAny; // a hole for each ? between this run and the one before
                    else pos += a.get(k).position() - a.get(k - 1).position();
                    pendingAny = 0;
                    slots.add(new Terms(forms(a.get(k))));
                    positions.add(pos);
                }
                run.setLength(0);
            }
            if (q) { any[i] = true; pendingAny++; }
        }
        int after = pendingAny;
        if (slots.isEmpty()) throw error("? needs a character beside it, as in 草?");
        int[] p = positions.stream().mapToInt(Integer::intValue).toArray();
        ExactText exact = new ExactText(ExactText.pattern(w, options.chineseVariants(), any), false, false,
                options.chineseVariants(), before, after);
        return new PLeaf(new Spec(slots, p, 0, null), exact, w);
    }

    /**
     * A word or a quoted phrase: its tokens at their positions. Several tokens need their text checked
     * where they match (a phrase is the text as written, punctuation included); with Han among them, a
     * letter or digit at either end may go on in the text (阿Q finds 阿Quei).
     */
    private P phrase(String text, boolean[] literal, int slop, boolean quoted) {
        List<Analysed> a = analyse(text);
        if (a.isEmpty()) throw error("\u201C" + text + "\u201D has no letter, digit or character to search for");
        boolean anyHan = a.stream().anyMatch(Analysed::han);
        if (a.size() == 1 && slop == 0) {
            return new PLeaf(new Spec(List.of(new Terms(forms(a.getFirst()))), new int[]{0}, 0, null), null, text);
        }
        List<Slot> slots = new ArrayList<>();
        int[] positions = new int[a.size()];
        int first = a.getFirst().position();
        boolean openStart = slop == 0 && anyHan && !a.getFirst().han();
        boolean openEnd = slop == 0 && anyHan && !a.getLast().han();
        for (int i = 0; i < a.size(); i++) {
            Analysed t = a.get(i);
            positions[i] = t.position() - first;
            if (i == 0 && openStart) slots.add(new Wildcard("*" + escapeWildcard(t.term()) + (a.size() == 1 && openEnd ? "*" : "")));
            else if (i == a.size() - 1 && openEnd) slots.add(new Prefix(t.term()));
            else slots.add(new Terms(forms(t)));
        }
        // Han characters side by side in the query are side by side in the text where the index
        // matches them (HanGapFilter leaves a position free at every gap): no check needed
        boolean hanSideBySide = a.stream().allMatch(Analysed::han) && positions[positions.length - 1] == positions.length - 1;
        ExactText exact = null;
        if (slop == 0 && !hanSideBySide) {
            int from = a.getFirst().start(), to = a.stream().mapToInt(Analysed::end).max().orElseThrow();
            exact = new ExactText(ExactText.pattern(text.substring(from, to), options.chineseVariants(), null),
                    openStart, openEnd, options.chineseVariants(), 0, 0);
        }
        return new PLeaf(new Spec(slots, positions, slop, null), exact, text);
    }

    // ---------------------------------------------------------------- numbering the leaves

    private SearchQuery.Node compile(P p) {
        return switch (p) {
            case PLeaf l -> leaf(l.spec(), l.exact(), l.text());
            case PAll a -> new SearchQuery.All(a.parts().stream().map(this::compile).toList());
            case PAny a -> new SearchQuery.Any(a.parts().stream().map(this::compile).toList());
            case PNot n -> new SearchQuery.Without(compile(n.include()), compile(n.exclude()), options.excludeDocuments());
            case PSame s -> new SearchQuery.SameTurn(compile(s.left()), compile(s.right()));
            case PNear n -> {
                IntervalsSource near = Intervals.maxgaps(n.words(), Intervals.unordered(source(n.left()), source(n.right())));
                yield leaf(new Spec(List.of(), null, 0, near), null, describe(n));
            }
            case PNeg g -> throw error("- must stand before a word that is left out");
        };
    }

    private SearchQuery.Leaf leaf(Spec spec, ExactText exact, String text) {
        leafQueries.add(spec.query());
        return new SearchQuery.Leaf(leafQueries.size() - 1, exact, text);
    }

    private IntervalsSource source(P p) {
        return switch (p) {
            case PLeaf l -> l.spec().source();
            case PAny a -> Intervals.or(a.parts().stream().map(this::source).toArray(IntervalsSource[]::new));
            case PNear n -> Intervals.maxgaps(n.words(), Intervals.unordered(source(n.left()), source(n.right())));
            default -> throw error("NEAR joins words, phrases, wildcards and groups of them joined with OR, not AND, NOT or SAMETURN");
        };
    }

    private static String describe(P p) {
        return switch (p) {
            case PLeaf l -> l.text();
            case PNear n -> describe(n.left()) + " NEAR/" + n.words() + " " + describe(n.right());
            case PAny a -> "(" + String.join(" OR ", a.parts().stream().map(QueryReader::describe).toList()) + ")";
            default -> "…";
        };
    }
}
