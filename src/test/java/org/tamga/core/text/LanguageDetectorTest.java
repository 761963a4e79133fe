package org.tamga.core.text;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LanguageDetectorTest {

    @Test
    void chinese() {
        assertEquals("zh", LanguageDetector.detect("我们家有五口人，主要靠种玉米和养羊为生。"));
    }

    @Test
    void chineseWithEnglishSpeakerLabelsIsStillChinese() {
        assertEquals("zh", LanguageDetector.detect("Interviewer: 您家里有几口人？\nRespondent: 五口人，我们靠种地为生。"));
    }

    @Test
    void english() {
        assertEquals("en", LanguageDetector.detect("We mostly live from maize and sheep; my wife works in town."));
    }

    @Test
    void mongolianCyrillicWithOAndU() {
        assertEquals("mn", LanguageDetector.detect("Танай өрх хэдэн малтай вэ? Бид хорин үхэртэй."));
    }

    @Test
    void traditionalMongolianScript() {
        assertEquals("mn", LanguageDetector.detect("ᠮᠣᠩᠭᠣᠯ ᠪᠢᠴᠢᠭ ᠤᠨ ᠶᠠᠷᠢᠯᠴᠠᠭ᠎ᠠ 🐎"));
    }

    @Test
    void russian() {
        assertEquals("ru", LanguageDetector.detect("Сколько человек живёт в вашем доме? Мы держим овец и коз."));
    }

    @Test
    void digitsOnlyAreUndetermined() {
        assertEquals("und", LanguageDetector.detect("2024 06 11 — 13:45, 17.5 % 😀"));
        assertEquals("und", LanguageDetector.detect(""));
    }

    @Test
    void japaneseAndKoreanAreNotTakenForChinese() {
        assertEquals("ja", LanguageDetector.detect("ゾルゲの処刑記録、古書店で見つかる。「何等取乱シタル態度無ク」と記されていた"));
        assertEquals("ko", LanguageDetector.detect("우리 가족은 양을 키우며 살아요. 올해는 풀이 적어요."));
        assertEquals("zh", LanguageDetector.detect("我们家有五口人，他说“カラオケ”很好玩，主要靠种玉米和养羊为生，草场退化了。"),
                "a stray Japanese word in a Chinese text");
    }
}
