package org.tamga.core.importing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Subtitle transcripts (.srt from Whisper and most tools, WebVTT .vtt from Otter, Zoom, YouTube)
 * as text: every cue becomes one paragraph that starts with its times,
 * {@code [00:01:23.000 --> 00:01:25.500] Name: what was said}. A WebVTT voice ({@code <v Name>}) becomes
 * the speaker label {@code Name:}; a speaker label the tool wrote into the text ({@code Name:},
 * {@code [SPEAKER_00]:}) is kept as it is. The lines of a cue are joined (they are line breaks for the
 * screen), except where a new voice or a dialogue dash starts. Formatting tags are dropped, entities decoded.
 *
 * <p>Tika reads subtitle files as plain text and keeps no cue times, and no maintained Java library
 * for them is on Maven Central, so this reads the cue structure itself: the timing line
 * ({@code start --> end}) and the WebVTT voice and formatting tags, nothing more.
 */
final class Subtitles {
    private Subtitles() {}

    private static final String TIME = "(?:\\d{1,3}:)?\\d{1,2}:\\d{2}[.,]\\d{1,3}";
    private static final Pattern TIMING = Pattern.compile("^\\s*(" + TIME + ")\\s*-->\\s*(" + TIME + ")");
    private static final Pattern VOICE = Pattern.compile("^<v(?:\\.[^\\s>]*)?\\s+([^>]+)>");

    /** @param text the decoded file, line endings {@code \n} */
    static String toText(String text, String fileKind) throws Refusal {
        String[] lines = text.split("\n", -1);
        List<String> cues = new ArrayList<>();
        int i = 0;
        while (i < lines.length) {
            Matcher timing = TIMING.matcher(lines[i]);
            if (!timing.find()) { i++; continue; }
            String start = normalise(timing.group(1)), end = normalise(timing.group(2));
            List<String> payload = new ArrayList<>();
            i++;
            while (i < lines.length && !lines[i].isBlank() && !TIMING.matcher(lines[i]).find()) payload.add(lines[i++]);
            String said = payload(payload);
            if (!said.isBlank()) cues.add("[" + start + " --> " + end + "] " + said);
        }
        if (cues.isEmpty()) {
            throw new Refusal("it has no subtitle cues (no \u201Cstart --> end\u201D time lines), so it is not a "
                    + fileKind + " file; rename it to .txt to import it as plain text");
        }
        return String.join("\n\n", cues);
    }

    private static String payload(List<String> lines) {
        StringBuilder out = new StringBuilder();
        String voice = null;
        for (String raw : lines) {
            String line = raw.strip();
            Matcher v = VOICE.matcher(line);
            boolean newVoice = v.find();
            String content = line;
            if (newVoice) {
                voice = unescape(withoutTags(v.group(1))).strip();
                content = line.substring(v.end());
            }
            content = unescape(withoutTags(content)).strip();
            if (content.isEmpty()) continue;
            boolean startsLine = out.isEmpty() || newVoice || content.startsWith("- ") || content.startsWith("–");
            if (startsLine) {
                if (!out.isEmpty()) out.append('\n');
                if (newVoice && !voice.isEmpty()) out.append(voice).append(": ");
            } else {
                int last = out.codePointBefore(out.length());
                if (!(Cleaning.isCjk(last) && Cleaning.isCjk(content.codePointAt(0)))) out.append(' ');
            }
            out.append(content);
        }
        return out.toString();
    }

    /**
     * The text without its formatting tags ({@code <i>}, {@code <c.yellow>}, {@code </v>}): what the pattern
     * {@code <[^>]*>} removes, in one pass. The pattern itself took a time growing with the square of a line
     * of many {@code <} without a {@code >} (100,000 of them: minutes; found by the fuzz test, ADR 44).
     */
    static String withoutTags(String s) {
        if (s.indexOf('<') < 0) return s;
        StringBuilder b = new StringBuilder(s.length());
        int i = 0;
        while (true) {
            int open = s.indexOf('<', i);
            int close = open < 0 ? -1 : s.indexOf('>', open + 1);
            if (close < 0) break;   // no tag closes after here: the rest is text
            b.append(s, i, open);
            i = close + 1;
        }
        return b.append(s, i, s.length()).toString();
    }

    /** "1:02,5" → "00:01:02.500": hours always, a dot before the milliseconds. */
    static String normalise(String time) {
        String[] fraction = time.replace(',', '.').split("\\.");
        String[] parts = fraction[0].split(":");
        int h = parts.length == 3 ? Integer.parseInt(parts[0]) : 0;
        int m = Integer.parseInt(parts[parts.length - 2]);
        int s = Integer.parseInt(parts[parts.length - 1]);
        String ms = fraction.length > 1 ? (fraction[1] + "00").substring(0, 3) : "000";
        // ASCII digits whatever the default locale: the turn detector reads these times back (issue 14)
        return String.format(Locale.ROOT, "%02d:%02d:%02d.%s", h, m, s, ms);
    }

    private static String unescape(String s) {
        if (s.indexOf('&') < 0) return s;
        StringBuilder b = new StringBuilder(s.length());
        Matcher m = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|amp|lt|gt|nbsp|lrm|rlm|quot|apos);").matcher(s);
        int last = 0;
        while (m.find()) {
            b.append(s, last, m.start());
            String e = m.group(1);
            switch (e) {
                case "amp" -> b.append('&');
                case "lt" -> b.append('<');
                case "gt" -> b.append('>');
                case "nbsp" -> b.append(' ');
                case "quot" -> b.append('"');
                case "apos" -> b.append('\'');
                case "lrm", "rlm" -> { }
                default -> {
                    int cp = e.startsWith("#x") || e.startsWith("#X") ? Integer.parseInt(e.substring(2), 16) : Integer.parseInt(e.substring(1));
                    if (Character.isValidCodePoint(cp)) b.appendCodePoint(cp);
                }
            }
            last = m.end();
        }
        return b.append(s.substring(last)).toString();
    }
}
