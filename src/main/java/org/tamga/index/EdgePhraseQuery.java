package org.tamga.index;

import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.AutomatonQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A phrase whose positions may stand for several words: the simplified and traditional forms of a
 * Han character, or, where a query with Han characters has a letter or digit at an end, every word
 * that goes on from it (a substring search: 阿Q finds the 阿Q of 阿Quei), given as an automaton (a
 * prefix or a leading wildcard). When the query is run, each position keeps the words the index
 * has; the phrase becomes a {@link PhraseQuery} if one is left at each, else a {@link MultiPhraseQuery}.
 */
final class EdgePhraseQuery extends Query {
    /** The most words one position may stand for. */
    static final int MAX_TERMS = 100_000;

    private final Term[][] terms;          // the words at each position, or null where an automaton stands
    private final AutomatonQuery[] patterns; // the automaton at each position, or null
    private final int[] positions;

    EdgePhraseQuery(Term[][] terms, AutomatonQuery[] patterns, int[] positions) {
        this.terms = terms;
        this.patterns = patterns;
        this.positions = positions;
    }

    @Override
    public Query rewrite(IndexSearcher searcher) throws IOException {
        Terms all = MultiTerms.getTerms(searcher.getIndexReader(), SearchIndex.TEXT);
        Term[][] found = new Term[positions.length][];
        boolean single = true;
        for (int i = 0; i < positions.length; i++) {
            Term[] at = terms[i];
            if (patterns[i] == null && at.length > 1) {
                // the forms of a character that the texts do not have are left out (most traditional forms, in simplified texts)
                List<Term> present = new ArrayList<>(at.length);
                for (Term t : at) if (searcher.getIndexReader().docFreq(t) > 0) present.add(t);
                if (present.isEmpty()) return new MatchNoDocsQuery();
                at = present.toArray(Term[]::new);
            }
            if (patterns[i] != null) {
                if (all == null) return new MatchNoDocsQuery();
                List<Term> matching = new ArrayList<>();
                TermsEnum te = patterns[i].getCompiled().getTermsEnum(all);
                for (BytesRef t = te.next(); t != null; t = te.next()) {
                    if (matching.size() == MAX_TERMS) throw new IllegalStateException("more than " + MAX_TERMS + " words match " + patterns[i]);
                    matching.add(new Term(SearchIndex.TEXT, BytesRef.deepCopyOf(t)));
                }
                if (matching.isEmpty()) return new MatchNoDocsQuery();
                at = matching.toArray(Term[]::new);
            }
            found[i] = at;
            single &= at.length == 1;
        }
        if (single) {
            PhraseQuery.Builder b = new PhraseQuery.Builder();
            for (int i = 0; i < positions.length; i++) b.add(found[i][0], positions[i]);
            return b.build();
        }
        MultiPhraseQuery.Builder b = new MultiPhraseQuery.Builder();
        for (int i = 0; i < positions.length; i++) b.add(found[i], positions[i]);
        return b.build();
    }

    @Override
    public void visit(QueryVisitor visitor) { visitor.visitLeaf(this); }

    @Override
    public String toString(String field) {
        StringBuilder sb = new StringBuilder("edge\"");
        for (int i = 0; i < positions.length; i++) {
            if (i > 0) sb.append(' ');
            sb.append(patterns[i] != null ? patterns[i].toString(field) : Arrays.toString(terms[i]));
        }
        return sb.append('"').toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EdgePhraseQuery q && Arrays.deepEquals(terms, q.terms) && Arrays.equals(patterns, q.patterns)
                && Arrays.equals(positions, q.positions);
    }

    @Override
    public int hashCode() { return Objects.hash(Arrays.deepHashCode(terms), Arrays.hashCode(patterns), Arrays.hashCode(positions)); }
}
