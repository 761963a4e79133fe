package org.tamga.bench;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One benchmark query, written three ways for the same meaning: Tamga's query syntax, FTS5's MATCH
 * syntax, and the regular expressions a scan would use (a document matches when every
 * {@code must} pattern is found in it, at least one {@code should} pattern if there are any, and no
 * {@code mustNot} pattern; its hits are the matches of the {@code must} and {@code should} patterns).
 */
record BenchQuery(String type, String tamga, String fts5, List<Pattern> must, List<Pattern> should, List<Pattern> mustNot) {

    static final List<String> TYPES = List.of("term", "phrase", "boolean", "wildcard", "chinese");
    /** Case-insensitive and Unicode-aware, as a researcher's search (and Python's re on text) is. */
    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS;

    /** The queries every run measures: for each type a frequent, a middling and a rare one. */
    static List<BenchQuery> standard() {
        String rare = CorpusGenerator.tailWord(300);
        return List.of(
                term("grassland"), term("fence"), term(rare),
                phrase("the grassland"), phrase("summer camp"), phrase("poverty alleviation"),
                new BenchQuery("boolean", "sheep AND cattle", "sheep AND cattle", List.of(word("sheep"), word("cattle")), List.of(), List.of()),
                new BenchQuery("boolean", "subsidy OR loan", "subsidy OR loan", List.of(), List.of(word("subsidy"), word("loan")), List.of()),
                new BenchQuery("boolean", "grassland NOT fence", "grassland NOT fence", List.of(word("grassland")), List.of(), List.of(word("fence"))),
                prefix("herd"), prefix("educat"), prefix("vacc"),
                chinese("草场"), chinese("贫困户"), chinese("补贴"));
    }

    private static BenchQuery term(String w) { return new BenchQuery("term", w, w, List.of(word(w)), List.of(), List.of()); }

    private static BenchQuery phrase(String words) {
        String regex = "\\b" + String.join("\\s+", words.split(" ")) + "\\b";
        return new BenchQuery("phrase", "\"" + words + "\"", "\"" + words + "\"", List.of(Pattern.compile(regex, FLAGS)), List.of(), List.of());
    }

    private static BenchQuery prefix(String p) {
        return new BenchQuery("wildcard", p + "*", p + "*", List.of(Pattern.compile("\\b" + p + "\\w*", FLAGS)), List.of(), List.of());
    }

    /** A Chinese word: Tamga and FTS5 (one token per Han character) match it as a phrase of its characters, the scan as a substring. */
    private static BenchQuery chinese(String w) {
        String spaced = String.join(" ", w.codePoints().mapToObj(Character::toString).toList());
        return new BenchQuery("chinese", w, "\"" + spaced + "\"", List.of(Pattern.compile(Pattern.quote(w))), List.of(), List.of());
    }

    private static Pattern word(String w) { return Pattern.compile("\\b" + Pattern.quote(w) + "\\b", FLAGS); }
}
