package org.tamga.report;

import org.tamga.model.Code;
import org.tamga.model.Codebook;
import org.tamga.model.Coding;
import org.tamga.model.Document;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The code frequency report: per code, how often it was applied, in how many documents (and what
 * share of the documents in the report), and how many characters it covers; each also rolled up
 * over the code's children. Plus the code × document matrix.
 *
 * <p>Coded characters are counted once however many codings cover them: two coders who code the
 * same sentence with the same code give two codings but the sentence's characters once.
 */
public record FrequencyReport(List<Row> rows, List<Document> documents, Map<Long, Map<Long, Cell>> cells) {

    /** Counts for one code, or one code and its children. */
    public record Counts(int codings, int documents, double documentShare, long codedCharacters) {}

    /** One code's line: its own counts and the counts including all codes below it. */
    public record Row(Code code, String path, int level, Counts own, Counts withChildren) {}

    /** One code in one document (own codings only). */
    public record Cell(int codings, long codedCharacters) {}

    /**
     * @param documents the documents the report covers (the share's denominator)
     * @param codings   the codings to count (already limited to the wanted coders); codings of
     *                  documents outside {@code documents} are ignored
     */
    public static FrequencyReport build(Codebook codebook, List<Document> documents, Collection<Coding> codings) {
        Set<Long> docIds = new HashSet<>();
        for (Document d : documents) docIds.add(d.id());
        Map<Long, List<Coding>> byCode = new HashMap<>();
        for (Coding c : codings) {
            if (docIds.contains(c.documentId())) byCode.computeIfAbsent(c.codeId(), k -> new ArrayList<>()).add(c);
        }
        Map<Long, Map<Long, Cell>> cells = new LinkedHashMap<>();
        List<Row> rows = new ArrayList<>();
        for (Code code : codebook.codes()) {
            List<Coding> own = byCode.getOrDefault(code.id(), List.of());
            List<Coding> all = new ArrayList<>();
            for (Code c : codebook.withDescendants(code.id())) all.addAll(byCode.getOrDefault(c.id(), List.of()));
            rows.add(new Row(code, codebook.path(code), codebook.depth(code),
                    counts(own, documents.size()), counts(all, documents.size())));
            Map<Long, List<Coding>> perDoc = new HashMap<>();
            for (Coding c : own) perDoc.computeIfAbsent(c.documentId(), k -> new ArrayList<>()).add(c);
            Map<Long, Cell> row = new LinkedHashMap<>();
            for (Document d : documents) {
                List<Coding> in = perDoc.getOrDefault(d.id(), List.of());
                row.put(d.id(), new Cell(in.size(), coveredCharacters(in)));
            }
            cells.put(code.id(), row);
        }
        return new FrequencyReport(List.copyOf(rows), List.copyOf(documents), cells);
    }

    public Cell cell(long codeId, long documentId) {
        return cells.getOrDefault(codeId, Map.of()).getOrDefault(documentId, new Cell(0, 0));
    }

    private static Counts counts(List<Coding> codings, int documentCount) {
        Map<Long, List<Coding>> perDoc = new HashMap<>();
        for (Coding c : codings) perDoc.computeIfAbsent(c.documentId(), k -> new ArrayList<>()).add(c);
        long chars = 0;
        for (List<Coding> in : perDoc.values()) chars += coveredCharacters(in);
        double share = documentCount == 0 ? 0 : (double) perDoc.size() / documentCount;
        return new Counts(codings.size(), perDoc.size(), share, chars);
    }

    /** Characters covered by at least one of the codings (all of one document). */
    static long coveredCharacters(List<Coding> codings) {
        if (codings.isEmpty()) return 0;
        List<Coding> sorted = new ArrayList<>(codings);
        sorted.sort((a, b) -> Integer.compare(a.start(), b.start()));
        long total = 0;
        int curStart = sorted.getFirst().start(), curEnd = sorted.getFirst().end();
        for (Coding c : sorted.subList(1, sorted.size())) {
            if (c.start() <= curEnd) {
                curEnd = Math.max(curEnd, c.end());
            } else {
                total += curEnd - curStart;
                curStart = c.start();
                curEnd = c.end();
            }
        }
        return total + (curEnd - curStart);
    }
}
