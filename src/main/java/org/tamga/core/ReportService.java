package org.tamga.core;

import org.tamga.model.Coder;
import org.tamga.model.Document;
import org.tamga.model.TamgaException;
import org.tamga.model.Turn;
import org.tamga.model.Code;
import org.tamga.report.FrequencyReport;
import org.tamga.report.QuoteReport;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the code frequency report, optionally for some coders, some documents, or one speaker only;
 * and quote reports of retrieved passages.
 */
public final class ReportService {
    private final ProjectSession session;

    ReportService(ProjectSession session) { this.session = session; }

    /**
     * @param coderNames only codings by these coders (empty: all coders)
     * @param documents  only these documents (empty: all documents)
     */
    public FrequencyReport frequencies(Collection<String> coderNames, Collection<Document> documents) {
        return frequencies(coderNames, documents, null);
    }

    /**
     * @param speaker only codings in what this speaker said (a coding counts when it overlaps one of
     *                the speaker's turns, with all its characters), or null for all codings
     */
    public FrequencyReport frequencies(Collection<String> coderNames, Collection<Document> documents, String speaker) {
        return frequencies(new Scope(coderNames == null ? List.of() : List.copyOf(coderNames),
                documents == null ? List.of() : List.copyOf(documents), speaker));
    }

    /** The ids of the coders named (any case); empty for all coders. A name that is no coder is refused, naming those there are. */
    Set<Long> coderIds(Collection<String> coderNames) { return coderIds(coderNames, false); }

    /**
     * As {@link #coderIds(Collection)}; when {@code lenient}, a name that is no coder is left out, and
     * when none is one, an id no coder has, so that "only these coders" never turns into "everyone".
     */
    Set<Long> coderIds(Collection<String> coderNames, boolean lenient) {
        Set<Long> coderIds = new HashSet<>();
        if (coderNames != null && !coderNames.isEmpty()) {
            List<Coder> coders = session.store().coders().all();
            for (String name : coderNames) {
                var coder = coders.stream().filter(c -> c.name().equalsIgnoreCase(name.strip())).findFirst();
                if (coder.isPresent()) coderIds.add(coder.get().id());
                else if (!lenient) {
                    throw new TamgaException("No coder \u201C" + name + "\u201D in the project (coders: "
                            + String.join(", ", coders.stream().map(Coder::name).toList()) + ").");
                }
            }
            if (coderIds.isEmpty()) coderIds.add(-1L);
        }
        return coderIds;
    }

    /** The frequency report of a scope (its coders, documents and speaker). */
    public FrequencyReport frequencies(Scope scope) {
        var store = session.store();
        List<Document> docs = scope.documents().isEmpty() ? store.documents().all() : scope.documents();
        Set<Long> coderIds = coderIds(scope.coders(), scope.lenient());
        Map<Long, List<Turn>> spoken = scope.speaker() == null ? null : session.speakers().turnsByDocument(scope.speaker());
        FrequencyReport.Spans spans = new FrequencyReport.Spans(Math.max(1024, store.codings().count()));
        store.codings().forEachSpan(coderIds, (documentId, codeId, start, end) -> {
            if (spoken == null || SpeakerService.spoken(spoken, documentId, start, end)) spans.add(documentId, codeId, start, end);
        });
        return FrequencyReport.build(store.codes().codebook(), docs, spans);
    }

    /** Code points of context a quote report shows on either side of a passage unless told otherwise. */
    public static final int DEFAULT_QUOTE_CONTEXT = 100;

    /**
     * Retrieved passages as quotes for a paper (write them with {@code report.QuoteWriter}): each with
     * its paragraph number, the speaker of the turn it starts in, and up to {@code context} code points
     * of context on either side, cut between words (or between characters in Chinese); in the order given.
     *
     * @param segments what {@link CodingService#retrieve} (or {@link CodingService#all}) found
     * @param codes    the codes asked for, named in the title (empty: all codes)
     */
    public QuoteReport quotes(List<CodingService.Segment> segments, Collection<Code> codes, int context) {
        Map<Long, PassageUnits.InDocument> units = new HashMap<>();
        List<QuoteReport.Quote> quotes = new ArrayList<>(segments.size());
        for (CodingService.Segment g : segments) {
            PassageUnits.InDocument u = units.computeIfAbsent(g.document().id(), id -> session.units().of(g.document()));
            int start = g.coding().start(), end = g.coding().end();
            Turn turn = u.turnOf(start, end);
            quotes.add(new QuoteReport.Quote(g.document().name(), g.document().language(), start, end,
                    u.paragraphNumber(start), u.paragraphNumber(Math.max(start, end - 1)),
                    turn == null ? null : turn.speaker(), turn == null ? null : turn.timeStartMs(),
                    g.code().name(), g.coder(), g.text(), g.coding().memo(),
                    u.contextBefore(start, context), u.contextAfter(end, context)));
        }
        List<String> names = codes == null ? List.of() : codes.stream().map(Code::name).toList();
        return new QuoteReport(session.project().name(), names, quotes);
    }
}
