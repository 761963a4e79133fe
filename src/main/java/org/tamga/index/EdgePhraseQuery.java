package org.tamga.index;

import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.AutomatonQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A phrase whose first or last word may go on in the text beyond what the query says (a query with
 * Han characters is a substring search: 阿Q finds the 阿Q of 阿Quei). Those positions hold an
 * automaton (a prefix or a leading wildcard); when the query is run, they are expanded to the
 * words of the index that match, and the phrase becomes a {@link MultiPhraseQuery} of them.
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
        MultiPhraseQuery.Builder b = new MultiPhraseQuery.Builder();
        Terms all = MultiTerms.getTerms(searcher.getIndexReader(), SearchIndex.TEXT);
        for (int i = 0; i < positions.length; i++) {
            Term[] at = terms[i];
            if (patterns[i] != null) {
                if (all == null) return new MatchNoDocsQuery();
                List<Term> found = new ArrayList<>();
                TermsEnum te = patterns[i].getCompiled().getTermsEnum(all);
                for (BytesRef t = te.next(); t != null; t = te.next()) {
                    if (found.size() == MAX_TERMS) throw new IllegalStateException("more than " + MAX_TERMS + " words match " + patterns[i]);
                    found.add(new Term(SearchIndex.TEXT, BytesRef.deepCopyOf(t)));
                }
                if (found.isEmpty()) return new MatchNoDocsQuery();
                at = found.toArray(Term[]::new);
            }
            b.add(at, positions[i]);
        }
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
