package org.tamga.core.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds speaker turns in a transcript's text (the final, normalised text, whatever format it came
 * from). A turn starts at a line that begins with a speaker label and runs to the line where the
 * next turn starts; paragraphs without a label of their own belong to the turn before them. The
 * label (and a timestamp before it) is not part of the turn. See docs/adr/0010-import-formats-and-turns.md.
 *
 * <p>A label is recognised
 * <ul>
 *   <li>before a colon ({@code :} or {@code ：}) at the start of a line, optionally after a timestamp:
 *       {@code Interviewer: …}, {@code Q: …}, {@code Researcher 1: …}, {@code 受访者：…}, {@code 问：…},
 *       {@code [00:01:23] Name: …}, {@code [SPEAKER_00]: …}, {@code Interviewee 1 and/or Interviewee 2:} — when it is a
 *       known role (or several, joined by and, or, /, &), when a timestamp stands
 *       before it (on the line or alone on the line before), or when the same label starts at least two lines of
 *       the document and does not start with a small letter (names: {@code 巴特尔：}, {@code CDR:});</li>
 *   <li>alone on its line, with the turn on the next line: a known role ({@code Interviewer}), or a
 *       label followed by a time as transcription services write it ({@code Interviewee 1  00:00}) that recurs.</li>
 * </ul>
 * Header lines such as {@code Date:}, {@code 地点：} or {@code Note:} are never speakers.
 */
public final class TurnDetector {
    private TurnDetector() {}

    /** A turn found in the text: positions are code points, 0-based, end exclusive. */
    public record Found(String speaker, int start, int end, Long timeStartMs, Long timeEndMs) {}

    private static final String TIME = "-?\\d{1,3}(?::\\d{2}){1,3}(?:[.,]\\d{1,3})?";
    /** An optional timestamp at the start of a line: [00:01:23], (01:23), 00:00:01.000 --> 00:00:04.000, [-00:00:00:10]. */
    private static final Pattern TIMESTAMP = Pattern.compile(
            "^[\\[(]?\\s*(" + TIME + ")(?:\\s*(?:-->|–|—|-)\\s*(" + TIME + "))?\\s*[\\])]?[ \\t\\u3000]*");
    private static final String LABEL = "\\[?[\\p{L}\\p{M}][\\p{L}\\p{M}\\p{N} _.\\-'’()#/&+]{0,59}?\\]?";
    private static final Pattern COLON_LABEL = Pattern.compile("^(" + LABEL + ")[ \\t]*([:：])");
    private static final Pattern ALONE_LABEL = Pattern.compile("^(" + LABEL + ")(?:[ \\t]+(" + TIME + "))?[ \\t\\u3000]*$");
    private static final Pattern TRAILING_NUMBER = Pattern.compile("[\\s_\\-#]*\\d+$");

    /** Roles recognised even when they occur once; matched ignoring case and a trailing number ("Researcher 2", "SPEAKER_01"). */
    static final Set<String> ROLES = Set.of(
            "interviewer", "interviewee", "respondent", "researcher", "participant", "moderator", "facilitator",
            "translator", "interpreter", "speaker", "informant", "question", "answer", "q", "a", "r", "i", "p",
            "访谈者", "受访者", "采访者", "被访者", "被采访者", "访谈人", "受访人", "采访人", "访问者", "访员", "主持人", "记者",
            "翻译", "研究者", "调查员", "调查者", "被调查者", "问", "答", "訪談者", "受訪者", "採訪者", "被訪者", "訪問者", "記者", "翻譯", "問",
            "асуулт", "хариулт", "ярилцагч", "судлаач", "хөтлөгч");

    /** Labels that head metadata lines, never speakers. */
    static final Set<String> NOT_SPEAKERS = Set.of(
            "note", "notes", "date", "time", "place", "location", "title", "subject", "topic", "duration", "source",
            "tags", "keywords", "summary", "comment", "comments", "transcript", "transcriber", "transcribed by", "file",
            "audio", "recording", "length", "site", "venue", "project", "page", "tape", "re", "fwd", "http", "https",
            "interview", "interview date", "interview no", "note to self", "e.g", "example", "see", "nb", "ps", "tel", "email",
            "注", "注释", "备注", "日期", "时间", "地点", "标题", "主题", "编号", "访谈编号", "访谈时间", "访谈地点", "访谈对象",
            "录音", "时长", "说明", "摘要", "关键词", "附", "附注", "整理", "整理人", "记录人", "記錄人", "備註", "時間", "地點",
            "огноо", "газар", "цаг", "тэмдэглэл", "сэдэв");

    /** {@code boundary}: the first line of the turn's heading (a timestamp alone on the line before the label belongs to it). */
    private record Candidate(int line, int boundary, String label, String key, int contentStart, boolean alone, Long time, Long timeEnd) {}

    public static List<Found> detect(String text) {
        List<int[]> lines = lines(text);
        List<Candidate> candidates = new ArrayList<>();
        Map<String, Integer> colonCounts = new HashMap<>();
        Map<String, Integer> aloneCounts = new HashMap<>();
        Long[][] times = new Long[lines.size()][];
        int timeOnlyLine = -1;
        for (int i = 0; i < lines.size(); i++) {
            int ls = lines.get(i)[0], le = lines.get(i)[1];
            int p = skipSpace(text, ls, le);
            String rest = text.substring(p, le);
            Long time = null, timeEnd = null;
            Matcher ts = TIMESTAMP.matcher(rest);
            if (ts.find() && ts.end() > 0) {
                boolean marked = ts.group(0).contains("[") || ts.group(0).contains("(") || ts.group(2) != null;
                if (ts.end() == rest.length()) {
                    // a timestamp alone on its line ([00:01:23]): it heads the label on the next line
                    if (marked) {
                        times[i] = new Long[]{millis(ts.group(1)), ts.group(2) == null ? null : millis(ts.group(2))};
                        timeOnlyLine = i;
                    }
                    continue;
                }
                time = millis(ts.group(1));
                timeEnd = ts.group(2) == null ? null : millis(ts.group(2));
                times[i] = new Long[]{time, timeEnd};
                p += ts.end();
                rest = rest.substring(ts.end());
            }
            int boundary = i;
            if (time == null && timeOnlyLine == i - 1 && i > 0) {
                boundary = i - 1;
                time = times[i - 1][0];
                timeEnd = times[i - 1][1];
            }
            Matcher colon = COLON_LABEL.matcher(rest);
            if (colon.find()) {
                int after = p + colon.end();
                boolean fullWidth = colon.group(2).equals("：");
                boolean ok = after >= le || fullWidth || Character.isWhitespace(text.charAt(after))
                        || !(Character.isDigit(text.charAt(after)) || text.charAt(after) == '/' || text.charAt(after) == ':');
                String label = clean(colon.group(1));
                if (ok && plausible(label, severalRoles(label) ? 8 : 4)) {
                    String key = key(label);
                    colonCounts.merge(key, 1, Integer::sum);
                    candidates.add(new Candidate(i, boundary, label, key, skipSpace(text, after, le), false, time, timeEnd));
                    continue;
                }
            }
            Matcher alone = ALONE_LABEL.matcher(rest);
            if (alone.find() && i + 1 < lines.size()) {
                String label = clean(alone.group(1));
                if (alone.group(2) != null && time == null) time = millis(alone.group(2));
                if (plausible(label, 3)) {
                    String key = key(label);
                    aloneCounts.merge(key, 1, Integer::sum);
                    candidates.add(new Candidate(i, boundary, label, key, lines.get(i + 1)[0], true, time, timeEnd));
                }
            }
        }
        List<Candidate> accepted = new ArrayList<>();
        for (Candidate c : candidates) {
            if (NOT_SPEAKERS.contains(c.key())) continue;
            boolean role = ROLES.contains(base(c.key())) || (!c.alone() && severalRoles(c.label()));
            // a name that is no role must look like one: "is:" or "circuit breakers:" in a read-out are not speakers
            if (!role && Character.isLowerCase(c.label().codePointAt(0))) continue;
            // a label alone on its line must recur: one "a" in a list or one "Interviewer" heading is no turn
            boolean ok = c.alone()
                    ? aloneCounts.getOrDefault(c.key(), 0) >= 2 && ((role && base(c.key()).length() > 1) || c.time() != null)
                    : role || c.time() != null || colonCounts.getOrDefault(c.key(), 0) >= 2;
            if (ok) accepted.add(c);
        }
        Map<String, String> spelling = new HashMap<>();
        Positions positions = new Positions(text);
        List<Found> out = new ArrayList<>();
        for (int k = 0; k < accepted.size(); k++) {
            Candidate c = accepted.get(k);
            int endLine = k + 1 < accepted.size() ? accepted.get(k + 1).boundary() : lines.size();
            int limit = endLine < lines.size() ? lines.get(endLine)[0] : text.length();
            int start = c.contentStart();
            while (start < limit && isSpace(text.charAt(start))) start++;
            int end = limit;
            while (end > start && isSpace(text.charAt(end - 1))) end--;
            if (start >= end) continue;
            // the turn ends at its own cue's end, or at the latest time given inside it; unknown otherwise
            Long timeEnd = c.timeEnd();
            for (int l = c.line() + 1; l < endLine; l++) {
                if (times[l] == null) continue;
                Long t = times[l][1] != null ? times[l][1] : times[l][0];
                if (t != null && (timeEnd == null || t > timeEnd)) timeEnd = t;
            }
            String speaker = spelling.computeIfAbsent(c.key(), key -> c.label());
            out.add(new Found(speaker, positions.toCodePoint(start), positions.toCodePoint(end), c.time(),
                    c.time() == null ? null : timeEnd));
        }
        return out;
    }

    private static boolean isSpace(char c) { return Character.isWhitespace(c) || c == '\u3000' || c == '\u00A0'; }

    private static int skipSpace(String text, int from, int to) {
        int p = from;
        while (p < to && (text.charAt(p) == ' ' || text.charAt(p) == '\t' || text.charAt(p) == '\u3000')) p++;
        return p;
    }

    /** [start, end) of every line, without the line break. */
    private static List<int[]> lines(String text) {
        List<int[]> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') { out.add(new int[]{start, i}); start = i + 1; }
        }
        if (start < text.length()) out.add(new int[]{start, text.length()});
        return out;
    }

    private static String clean(String label) {
        String s = label.strip();
        if (s.startsWith("[") && s.endsWith("]")) s = s.substring(1, s.length() - 1).strip();
        return s.replaceAll("\\s+", " ");
    }

    /** A label has letters, at most {@code maxWords} words, and no brackets left over. */
    private static boolean plausible(String label, int maxWords) {
        if (label.isEmpty() || label.contains("[") || label.contains("]")) return false;
        if (label.split(" ").length > maxWords) return false;
        return label.codePoints().anyMatch(Character::isLetter);
    }

    private static String key(String label) { return label.toLowerCase(Locale.ROOT); }

    private static final Pattern BETWEEN_PEOPLE = Pattern.compile("\\s*(?:\\band/or\\b|\\band\\b|\\bor\\b|&|/|\\+)\\s*");

    /** "Interviewee 1 and/or Interviewee 2", "Q/A": a label for several people, each of them a role. */
    private static boolean severalRoles(String label) {
        String[] people = BETWEEN_PEOPLE.split(key(label));
        if (people.length < 2) return false;
        for (String p : people) if (!ROLES.contains(base(p.strip()))) return false;
        return true;
    }

    private static String base(String key) { return TRAILING_NUMBER.matcher(key).replaceFirst("").strip(); }

    /** "01:23", "00:01:23.456", "1:00:01:23" (days) → milliseconds; negative times → null. */
    static Long millis(String time) {
        if (time.startsWith("-")) return null;
        String[] fraction = time.split("[.,]");
        String[] parts = fraction[0].split(":");
        long seconds = 0;
        long[] unit = {86400, 3600, 60, 1};
        for (int i = 0; i < parts.length; i++) seconds += Long.parseLong(parts[i]) * unit[unit.length - parts.length + i];
        long ms = 0;
        if (fraction.length > 1) ms = Long.parseLong((fraction[1] + "00").substring(0, 3));
        return seconds * 1000 + ms;
    }
}
