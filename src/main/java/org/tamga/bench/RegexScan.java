package org.tamga.bench;

import org.tamga.core.ProjectSession;
import org.tamga.core.text.Kwic;
import org.tamga.core.text.Positions;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The baseline "the way QualCoder searches": on every search, read every document's text from the
 * project file and scan it with {@link java.util.regex}, collecting the positions (code points) of
 * every match; the first {@code limit} hits get a keyword-in-context line as Tamga's do. There is
 * no index and no ranking; the scan cannot stop early because it does not know which hits are best.
 */
final class RegexScan {
    private RegexScan() {}

    /** How many hits the scan found in all, and the hits it returned with positions and KWIC. */
    record Result(int totalHits, int documents, List<Hit> hits) {}

    record Hit(String document, int start, int end, Kwic context) {}

    static Result search(ProjectSession session, BenchQuery q, int limit, int context) {
        List<Hit> hits = new ArrayList<>();
        int[] total = new int[2];
        session.documents().forEachText((guid, name, text) -> {
            for (Pattern p : q.mustNot()) if (p.matcher(text).find()) return;
            List<int[]> found = new ArrayList<>();
            for (Pattern p : q.must()) {
                int before = found.size();
                collect(p, text, found);
                if (found.size() == before) return;
            }
            boolean any = q.should().isEmpty();
            for (Pattern p : q.should()) {
                int before = found.size();
                collect(p, text, found);
                any |= found.size() > before;
            }
            if (!any || found.isEmpty()) return;
            found.sort((a, b) -> a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(a[1], b[1]));
            Positions positions = new Positions(text);
            total[0] += found.size();
            total[1]++;
            for (int[] m : found) {
                int start = positions.toCodePoint(m[0]), end = positions.toCodePoint(m[1]);
                if (hits.size() < limit) hits.add(new Hit(name, start, end, Kwic.of(positions, start, end, context)));
            }
        });
        return new Result(total[0], total[1], hits);
    }

    private static void collect(Pattern p, String text, List<int[]> out) {
        Matcher m = p.matcher(text);
        while (m.find()) out.add(new int[]{m.start(), m.end()});
    }
}
