package org.tamga.core.importing;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A PDF's text layer has lines, not paragraphs: this joins the lines of a paragraph again. A line
 * continues into the next when it is "full" (at least three quarters as long as the document's
 * usual long line, so it was wrapped) and the next line does not start a speaker's turn; a short
 * line, a blank line or a speaker label ends the paragraph. Lines that are only a page number are
 * dropped. Chinese and Japanese lines are joined without a space.
 */
final class PdfReflow {
    private PdfReflow() {}

    private static final Pattern PAGE_NUMBER = Pattern.compile("^\\s*(?:-\\s*)?(?:page\\s+|第\\s*)?\\d{1,4}(?:\\s*页)?(?:\\s*-)?\\s*$",
            Pattern.CASE_INSENSITIVE);
    /** A line that starts a turn ("Interviewer:", "受访者：", "[00:01:23] Name:"): never joined to the line before it. */
    private static final Pattern TURN_START = Pattern.compile(
            "^\\s*(?:[\\[(]?\\d{1,2}(?::\\d{2}){1,2}[\\])]?\\s*)?[\\p{L}][\\p{L}\\p{M}\\p{N} ._'’()\\-]{0,39}[:：]");

    /** @param lines the text in lines, pages separated by a form feed */
    static String reflow(String lines) {
        List<List<String>> pages = new ArrayList<>();
        for (String page : lines.split("\f")) {
            List<String> pageLines = new ArrayList<>();
            for (String line : page.split("\n", -1)) pageLines.add(blank(line) ? "" : line);
            dropPageNumbers(pageLines);
            pages.add(pageLines);
        }
        dropRunningHeads(pages);
        List<String> all = new ArrayList<>();
        for (List<String> page : pages) all.addAll(page);
        int typical = typicalLength(all);
        StringBuilder out = new StringBuilder();
        String previous = null; // the last line written, null after a paragraph break
        for (String raw : all) {
            String line = Cleaning.trimLines(raw.replace('\t', ' ')).strip();
            if (line.isEmpty()) {
                if (previous != null) out.append("\n\n");
                previous = null;
                continue;
            }
            if (previous != null) {
                boolean wrapped = length(previous) >= typical * 3 / 4 && !TURN_START.matcher(line).find();
                if (wrapped) out.append(joiner(previous, line));
                else out.append("\n\n");
            }
            out.append(line);
            previous = line;
        }
        return out.toString();
    }

    private static boolean blank(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (!Character.isWhitespace(c) && Character.getType(c) != Character.SPACE_SEPARATOR) return false;
        }
        return true;
    }

    /**
     * Running heads and feet: a first or last line of a page that recurs (digits aside, so "- 3 -"
     * and "Page 3 of 9" match) on at least half the pages, and on two at least, is dropped.
     */
    private static void dropRunningHeads(List<List<String>> pages) {
        if (pages.size() < 2) return;
        java.util.Map<String, Integer> seen = new java.util.HashMap<>();
        for (List<String> page : pages) {
            java.util.Set<String> ends = new java.util.HashSet<>();
            int first = firstLine(page), last = lastLine(page);
            if (first >= 0) ends.add(shape(page.get(first)));
            if (last >= 0) ends.add(shape(page.get(last)));
            for (String e : ends) seen.merge(e, 1, Integer::sum);
        }
        int needed = Math.max(2, (pages.size() + 1) / 2);
        for (List<String> page : pages) {
            int first = firstLine(page);
            if (first >= 0 && seen.getOrDefault(shape(page.get(first)), 0) >= needed) page.set(first, "");
            int last = lastLine(page);
            if (last >= 0 && seen.getOrDefault(shape(page.get(last)), 0) >= needed) page.set(last, "");
        }
    }

    private static String shape(String line) { return line.strip().replaceAll("\\d+", "#"); }

    private static int firstLine(List<String> page) {
        for (int i = 0; i < page.size(); i++) if (!page.get(i).isEmpty()) return i;
        return -1;
    }

    private static int lastLine(List<String> page) {
        for (int i = page.size() - 1; i >= 0; i--) if (!page.get(i).isEmpty()) return i;
        return -1;
    }

    private static void dropPageNumbers(List<String> lines) {
        int first = 0;
        while (first < lines.size() && lines.get(first).isBlank()) first++;
        if (first < lines.size() && PAGE_NUMBER.matcher(lines.get(first)).matches()) lines.set(first, "");
        int last = lines.size() - 1;
        while (last >= 0 && lines.get(last).isBlank()) last--;
        if (last >= 0 && PAGE_NUMBER.matcher(lines.get(last)).matches()) lines.set(last, "");
    }

    /** The length of the document's long lines: the 80th percentile of its line lengths. */
    private static int typicalLength(List<String> lines) {
        int[] lengths = lines.stream().map(String::strip).filter(l -> !l.isEmpty()).mapToInt(PdfReflow::length).sorted().toArray();
        if (lengths.length == 0) return Integer.MAX_VALUE;
        return Math.max(lengths[Math.min(lengths.length - 1, lengths.length * 4 / 5)], 8);
    }

    private static int length(String s) {
        int width = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            width += Cleaning.isCjk(cp) ? 2 : 1; // a Han character is about as wide as two Latin letters
            i += Character.charCount(cp);
        }
        return width;
    }

    private static String joiner(String before, String after) {
        int last = before.codePointBefore(before.length());
        int first = after.codePointAt(0);
        if (Cleaning.isCjk(last) && Cleaning.isCjk(first)) return "";
        if (last == '-' && before.length() > 1 && Character.isLetter(before.codePointBefore(before.length() - 1))
                && Character.isLowerCase(first)) return "";
        return " ";
    }
}
