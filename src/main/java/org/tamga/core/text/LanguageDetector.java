package org.tamga.core.text;

/**
 * Guesses a document's language from the scripts it is written in: Han → zh (with kana among
 * it → ja; Hangul → ko); traditional Mongolian script → mn; Cyrillic with the Mongolian letters
 * ө/ү → mn, other Cyrillic → ru; Latin → en. Enough to tell apart the languages of Tamga's users' fieldwork; the user can always
 * say the language at import.
 */
public final class LanguageDetector {
    private LanguageDetector() {}

    public static String detect(String text) {
        int han = 0, kana = 0, hangul = 0, mongolian = 0, cyrillic = 0, mongolianCyrillic = 0, latin = 0, letters = 0;
        int limit = Math.min(text.length(), 200_000);
        for (int i = 0; i < limit; ) {
            char c = text.charAt(i);
            // the two commonest cases without the general look-ups: ASCII, and the core CJK ideographs
            if (c < 0x80) {
                int lower = c | 0x20;
                if (lower >= 'a' && lower <= 'z') { letters++; latin++; }
                i++;
                continue;
            }
            if (c >= 0x4E00 && c <= 0x9FA5) { letters++; han++; i++; continue; }
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (!Character.isLetter(cp)) continue;
            letters++;
            Character.UnicodeScript script = Character.UnicodeScript.of(cp);
            switch (script) {
                case HAN -> han++;
                case HIRAGANA, KATAKANA -> kana++;
                case HANGUL -> hangul++;
                case MONGOLIAN -> mongolian++;
                case CYRILLIC -> {
                    cyrillic++;
                    if (cp == 'ө' || cp == 'Ө' || cp == 'ү' || cp == 'Ү') mongolianCyrillic++;
                }
                case LATIN -> latin++;
                default -> { }
            }
        }
        if (letters == 0) return "und";
        if (mongolian * 5 >= letters) return "mn";
        if (hangul * 5 >= letters) return "ko";
        // Japanese writes kana between its kanji; a Chinese text has none, or a stray quoted word
        if ((han + kana) * 5 >= letters && kana * 4 >= han + kana) return "ja";
        if (han * 5 >= letters) return "zh";
        if (cyrillic * 2 >= letters) return mongolianCyrillic * 200 >= cyrillic ? "mn" : "ru";
        if (latin * 2 >= letters) return "en";
        if (han > 0) return "zh";
        return "und";
    }
}
