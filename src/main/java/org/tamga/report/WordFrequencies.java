package org.tamga.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The most frequent words of some documents, by language (ADR 38): Chinese (zh, segmented into
 * words), English (en, with or without stemming) and Mongolian (mn, Cyrillic and the traditional
 * script).
 *
 * @param project   the project's name
 * @param documents how many documents were counted
 * @param languages the languages asked for, in order (zh, en, mn)
 * @param settings  how the words were counted, for titles and notes
 * @param rows      the words, most frequent first, then by the word (code point order); at most
 *                  {@code settings.top()} of each language
 */
public record WordFrequencies(String project, int documents, List<String> languages, Settings settings, List<Row> rows) {
    public WordFrequencies {
        languages = List.copyOf(languages);
        rows = List.copyOf(rows);
    }

    /**
     * One word: its language; the word (under stemming, the most frequent of its forms); how often
     * it occurs; in how many documents; the forms counted under it, most frequent first (the word
     * itself without stemming).
     */
    public record Row(String language, String word, long count, int documents, List<String> forms) {
        public Row {
            forms = List.copyOf(forms);
        }
    }

    /**
     * How the words were counted.
     *
     * @param stemmed   English words counted by their stems
     * @param minLength shorter words (in characters) left out
     * @param top       at most this many words per language
     * @param stopWords how many stop words were left out (0: none)
     * @param speaker   only what this speaker said, or null
     * @param code      only passages coded with this code, or null
     */
    public record Settings(boolean stemmed, int minLength, int top, int stopWords, String speaker, String code) {}

    /** The rows of one language, most frequent first. */
    public List<Row> rows(String language) {
        List<Row> out = new ArrayList<>();
        for (Row r : rows) if (r.language().equals(language)) out.add(r);
        return out;
    }

    /** The language's name in English, for titles: Chinese (zh), English (en), Mongolian (mn). */
    public static String languageName(String language) {
        return switch (language) {
            case "zh" -> "Chinese (zh)";
            case "en" -> "English (en)";
            case "mn" -> "Mongolian (mn)";
            default -> language;
        };
    }

    /** One line saying what was counted: documents, speaker, code, stemming, stop words, minimum length. */
    public String description() {
        List<String> parts = new ArrayList<>();
        parts.add(documents + (documents == 1 ? " document" : " documents"));
        if (settings.speaker() != null) parts.add("said by " + settings.speaker());
        if (settings.code() != null) parts.add("in passages coded " + settings.code());
        if (settings.stemmed()) parts.add("English stemmed");
        parts.add(settings.stopWords() > 0 ? "stop words left out" : "stop words kept");
        if (settings.minLength() > 1) parts.add(String.format(Locale.ROOT, "words of %d or more characters", settings.minLength()));
        return String.join(" · ", parts);
    }
}
