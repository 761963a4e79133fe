package org.tamga.index;

import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;

import java.util.List;

/**
 * A parsed search: a tree whose leaves are what the index finds by itself (a word, a phrase, a
 * wildcard, a fuzzy word, {@code a NEAR/n b}) and whose inner nodes say how their hits combine. The
 * index matches documents and gives each leaf's places in them; what needs passages (speaker turns,
 * paragraphs), which the index does not know, is decided by the caller from the tree: see ADR 34.
 */
public final class SearchQuery {
    /**
     * How to read a query.
     *
     * @param chineseVariants  simplified and traditional Han characters find each other (草场 finds 草場)
     * @param excludeDocuments {@code NOT} (and {@code -}) removes whole documents, not only the passages with the excluded words
     */
    public record Options(boolean chineseVariants, boolean excludeDocuments) {
        public static final Options DEFAULT = new Options(true, false);
    }

    /** A node of the tree. */
    public sealed interface Node permits Leaf, All, Any, Without, SameTurn {}

    /**
     * What the index finds by itself. {@code exact}, if not null, must accept each of its hits (see
     * {@link ExactText}); {@code text} is the query text it came from, for messages.
     */
    public record Leaf(int id, ExactText exact, String text) implements Node {}

    /** Every part must have hits in the document ({@code AND}); the hits are all of theirs. */
    public record All(List<Node> parts) implements Node {}

    /** At least one part has hits ({@code OR}); the hits are all of theirs. */
    public record Any(List<Node> parts) implements Node {}

    /**
     * {@code include NOT exclude}: the hits of {@code include} in passages (speaker turns; lines
     * outside turns) without a hit of {@code exclude}, or, with {@code wholeDocuments}, in documents without one.
     */
    public record Without(Node include, Node exclude, boolean wholeDocuments) implements Node {}

    /** {@code left SAMETURN right}: the hits of either in a passage that has hits of both. */
    public record SameTurn(Node left, Node right) implements Node {}

    private final String text;
    private final Node root;
    private final List<Query> leaves;

    SearchQuery(String text, Node root, List<Query> leaves) {
        this.text = text;
        this.root = root;
        this.leaves = List.copyOf(leaves);
    }

    public String text() { return text; }

    public Node root() { return root; }

    /** Leaves in the tree; their ids run from 0. */
    public int leafCount() { return leaves.size(); }

    List<Query> leafQueries() { return leaves; }

    /** Whether deciding the hits needs the documents' passages (a passage NOT, or SAMETURN). */
    public boolean needsPassages() { return needsPassages(root); }

    private static boolean needsPassages(Node n) {
        return switch (n) {
            case Leaf l -> false;
            case All a -> a.parts().stream().anyMatch(SearchQuery::needsPassages);
            case Any a -> a.parts().stream().anyMatch(SearchQuery::needsPassages);
            case Without w -> !w.wholeDocuments() || needsPassages(w.include()) || needsPassages(w.exclude());
            case SameTurn s -> true;
        };
    }

    /** Whether every hit the index gives for this node is a hit as it stands (no leaf needs its text checked). */
    private static boolean exactInIndex(Node n) {
        return switch (n) {
            case Leaf l -> l.exact() == null;
            case All a -> a.parts().stream().allMatch(SearchQuery::exactInIndex);
            case Any a -> a.parts().stream().allMatch(SearchQuery::exactInIndex);
            case Without w -> w.wholeDocuments() && exactInIndex(w.include()) && exactInIndex(w.exclude());
            case SameTurn s -> false;
        };
    }

    /** The documents that may have hits, given the leaves' (rewritten) queries; ranked by it. */
    Query documentQuery(Query[] leafQueries) { return documents(root, leafQueries); }

    private static Query documents(Node n, Query[] q) {
        return switch (n) {
            case Leaf l -> q[l.id()];
            case All a -> {
                BooleanQuery.Builder b = new BooleanQuery.Builder();
                for (Node p : a.parts()) b.add(documents(p, q), BooleanClause.Occur.MUST);
                yield b.build();
            }
            case Any a -> {
                BooleanQuery.Builder b = new BooleanQuery.Builder();
                for (Node p : a.parts()) b.add(documents(p, q), BooleanClause.Occur.SHOULD);
                yield b.build();
            }
            case Without w -> {
                // a document with the excluded words is dropped here only if the index's hits of them are sure
                if (!w.wholeDocuments() || !exactInIndex(w.exclude())) yield documents(w.include(), q);
                yield new BooleanQuery.Builder().add(documents(w.include(), q), BooleanClause.Occur.MUST)
                        .add(documents(w.exclude(), q), BooleanClause.Occur.MUST_NOT).build();
            }
            case SameTurn s -> new BooleanQuery.Builder().add(documents(s.left(), q), BooleanClause.Occur.MUST)
                    .add(documents(s.right(), q), BooleanClause.Occur.MUST).build();
        };
    }
}
