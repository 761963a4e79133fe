package org.tamga.index;

import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A wildcard that no word of the index matches is known to find nothing before any ranking (ADR 53):
 * the search ends at once on every segment, and beside other words (OR, NOT) it is simply nothing.
 */
class WildcardWithoutWordsTest {

    private static SearchIndex indexInSegments() {
        SearchIndex index = SearchIndex.inMemory();
        // one commit per document: several segments, each with its own dictionary of words
        index.add("en-1", "The herders move the herd to the summer camp. Vaccination came late.");
        index.commit();
        index.add("en-2", "A herd of sheep on the grassland; the herdsman counts them.");
        index.commit();
        index.add("zh-1", "受访者：草场退化了，补贴不够。");
        index.commit();
        index.add("mn-1", "Малчин айл бэлчээр сэлгэдэг 🐑 ᠮᠠᠯ\u202Fᠤᠨ");
        index.commit();
        return index;
    }

    private static Set<String> documents(SearchIndex index, String query, boolean[] knownEmpty) {
        Set<String> out = new TreeSet<>();
        SearchQuery q = index.parse(query, new SearchQuery.Options(true, true));
        try (SearchIndex.Cursor c = index.open(q, null, 1000)) {
            knownEmpty[0] = c.knownEmpty();
            for (SearchIndex.DocumentPlaces d = c.next(); d != null; d = c.next()) out.add(d.documentGuid());
        }
        return out;
    }

    @Test
    void aWildcardThatNoWordMatchesEndsBeforeRankingAndOthersRankAsEver() {
        try (SearchIndex index = indexInSegments()) {
            boolean[] empty = {false};
            assertEquals(Set.of(), documents(index, "xylo*", empty));
            assertTrue(empty[0], "no word starts with xylo in any segment: known empty");
            assertEquals(Set.of(), documents(index, "qq?z", empty));
            assertTrue(empty[0], "a ? wildcard that no word matches: known empty");
            assertEquals(Set.of(), documents(index, "малчинх*", empty));
            assertTrue(empty[0]);

            assertEquals(Set.of("en-1", "en-2"), documents(index, "herd*", empty));
            assertFalse(empty[0], "words start with herd: ranked");
            assertEquals(Set.of("en-1"), documents(index, "vacc*", empty), "a word in one segment only is found");
            assertFalse(empty[0]);
            assertEquals(Set.of("mn-1"), documents(index, "малч*", empty), "a word in the last segment only is found");
        }
    }

    @Test
    void wordsThatBeginAsTheWildcardDoesButDoNotMatchItFindNothing() {
        try (SearchIndex index = indexInSegments()) {
            boolean[] empty = {false};
            // words begin with herd (herd, herders, herdsman), none is herd + one letter + x
            assertEquals(Set.of(), documents(index, "herd?x", empty));
            assertTrue(empty[0], "the letters before ? begin words, the whole pattern matches none: known empty");
            assertEquals(Set.of("en-2"), documents(index, "herds?an", empty));
            assertEquals(Set.of("en-1", "en-2"), documents(index, "?erd", empty), "a wildcard with no letters before it still finds words");
            assertEquals(Set.of(), documents(index, "?erdx", empty));
            assertTrue(empty[0]);
        }
    }

    @Test
    void theLettersAWildcardBeginsWith() {
        assertEquals("vacc", SearchIndex.Cursor.literalPrefix(new org.apache.lucene.search.PrefixQuery(new org.apache.lucene.index.Term("t", "vacc"))).utf8ToString());
        assertEquals("ᠮᠠ", SearchIndex.Cursor.literalPrefix(new org.apache.lucene.search.WildcardQuery(new org.apache.lucene.index.Term("t", "ᠮᠠ?ᠯ*"))).utf8ToString());
        assertEquals("a", SearchIndex.Cursor.literalPrefix(new org.apache.lucene.search.WildcardQuery(new org.apache.lucene.index.Term("t", "a\\*b"))).utf8ToString(),
                "an escaped letter ends the prefix (it is read as the wildcard reads it)");
        assertNull(SearchIndex.Cursor.literalPrefix(new org.apache.lucene.search.WildcardQuery(new org.apache.lucene.index.Term("t", "*ing"))));
        assertNull(SearchIndex.Cursor.literalPrefix(new org.apache.lucene.search.FuzzyQuery(new org.apache.lucene.index.Term("t", "herd"))), "fuzzy: any first letter");
    }

    @Test
    void besideOtherWordsAWildcardWithoutWordsIsNothing() {
        try (SearchIndex index = indexInSegments()) {
            boolean[] empty = {false};
            assertEquals(Set.of("en-1", "en-2"), documents(index, "xylo* OR herd*", empty), "OR: the other side's documents");
            assertFalse(empty[0]);
            assertEquals(Set.of("en-1", "en-2"), documents(index, "herd* NOT xylo*", empty), "NOT a wildcard without words removes nothing");
            assertEquals(Set.of(), documents(index, "herd* AND xylo*", empty), "AND: nothing");
            assertTrue(empty[0], "a required part finds nothing: known empty");
            assertEquals(Set.of("zh-1"), documents(index, "草场 OR xylo*", empty));
        }
    }
}
