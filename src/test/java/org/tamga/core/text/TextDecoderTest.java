package org.tamga.core.text;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

class TextDecoderTest {

    /** A mixed Chinese/English transcript with CRLF, lone CR and LF line endings. */
    static final String MIXED = "访谈记录 Interview transcript 03\r\n"
            + "Interviewer: 您好，请问您家里有几口人？ How many people live in your household?\r\n"
            + "Respondent: 我们家有五口人，我、我爱人、两个孩子和我母亲。 Five people: me, my wife, two children and my mother.\r"
            + "Interviewer: 去年的收入主要来自哪里？ Where did most of last year's income come from?\r"
            + "Respondent: 主要靠种玉米和养羊，还有我爱人在县城打零工。 Mostly from maize and sheep, and my wife does casual work in the county town.\n"
            + "Interviewer: 您觉得扶贫政策对您家有帮助吗？ Did the poverty alleviation policy help your family?\r\n"
            + "Respondent: 有帮助，孩子上学的学费减免了，看病也能报销一部分。 Yes, school fees were waived and part of the medical costs are reimbursed.\r\n";

    static final String MIXED_NORMALISED = MIXED.replace("\r\n", "\n").replace('\r', '\n');

    static byte[] concat(byte[] prefix, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(prefix);
        out.writeBytes(body);
        return out.toByteArray();
    }

    static Stream<Arguments> encodings() {
        byte[] utf8Bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] le = {(byte) 0xFF, (byte) 0xFE};
        byte[] be = {(byte) 0xFE, (byte) 0xFF};
        return Stream.of(
                Arguments.of("UTF-8", MIXED.getBytes(StandardCharsets.UTF_8)),
                Arguments.of("UTF-8 with BOM", concat(utf8Bom, MIXED.getBytes(StandardCharsets.UTF_8))),
                Arguments.of("UTF-16LE with BOM", concat(le, MIXED.getBytes(StandardCharsets.UTF_16LE))),
                Arguments.of("UTF-16BE with BOM", concat(be, MIXED.getBytes(StandardCharsets.UTF_16BE))),
                Arguments.of("UTF-16LE without BOM", MIXED.getBytes(StandardCharsets.UTF_16LE)),
                Arguments.of("UTF-16BE without BOM", MIXED.getBytes(StandardCharsets.UTF_16BE)),
                Arguments.of("GB18030", MIXED.getBytes(Charset.forName("GB18030"))),
                Arguments.of("GBK", MIXED.getBytes(Charset.forName("GBK"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("encodings")
    void decodesMixedChineseEnglishInEveryEncodingWithNormalisedLineEndings(String label, byte[] bytes) throws Exception {
        TextDecoder.Decoded decoded = TextDecoder.decode(bytes);
        assertEquals(MIXED_NORMALISED, decoded.text(), "decoding " + label + " (read as " + decoded.encoding() + ")");
        assertFalse(decoded.text().contains("\r"));
        assertFalse(decoded.text().startsWith("\uFEFF"), "the byte-order mark is not part of the text");
        assertNotNull(decoded.encoding());
    }

    /** Text almost all above U+00FF: zero bytes only from its line breaks and digits, all on one side of the units. */
    static final String CHINESE = "访谈者：草场退化了吗？\n受访者：退化了，二〇一一年以后补贴才到。\n访谈者：补贴够吗？\n受访者：不够，每亩3元。\n";
    static final String MONGOLIAN = "ᠬᠦᠮᠦᠨ ᠪᠦᠷ ᠲᠥᠷᠥᠵᠦ ᠮᠡᠨᠳᠡᠯᠡᠬᠦ ᠡᠷᠬᠡ ᠴᠢᠯᠥᠭᠡ\u202Fᠲᠡᠢ᠂\nᠠᠳᠠᠯᠢᠬᠠᠨ ᠨᠡᠷ\u180Eᠡ ᠲᠥᠷᠥ\u202Fᠲᠡᠢ᠃\n";

    static Stream<Arguments> utf16WithoutBom() {
        return Stream.of(
                Arguments.of("Chinese, UTF-16LE", CHINESE, StandardCharsets.UTF_16LE),
                Arguments.of("Chinese, UTF-16BE", CHINESE, StandardCharsets.UTF_16BE),
                Arguments.of("traditional Mongolian, UTF-16LE", MONGOLIAN, StandardCharsets.UTF_16LE),
                Arguments.of("traditional Mongolian, UTF-16BE", MONGOLIAN, StandardCharsets.UTF_16BE),
                Arguments.of("Chinese with CRLF, UTF-16LE", CHINESE.replace("\n", "\r\n"), StandardCharsets.UTF_16LE),
                Arguments.of("Chinese with CRLF, UTF-16BE", CHINESE.replace("\n", "\r\n"), StandardCharsets.UTF_16BE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("utf16WithoutBom")
    void utf16WithoutBomIsRecognisedByItsZeroBytesEvenWhenFew(String label, String text, Charset charset) throws Exception {
        byte[] bytes = text.getBytes(charset);
        long zeros = 0;
        for (byte b : bytes) if (b == 0) zeros++;
        assertTrue(zeros < bytes.length * 0.15, label + ": far fewer zero bytes than Latin text has (" + zeros + " of " + bytes.length + ")");
        TextDecoder.Decoded decoded = TextDecoder.decode(bytes);
        assertEquals(text.replace("\r\n", "\n"), decoded.text(), label);
        assertEquals(charset.name(), decoded.encoding(), label);
    }

    @Test
    void textWithoutZeroBytesIsNotTakenForUtf16() throws Exception {
        assertEquals("GB18030", TextDecoder.decode(CHINESE.getBytes(Charset.forName("GB18030"))).encoding().replace("GBK", "GB18030"));
        assertEquals("UTF-8", TextDecoder.decode(MONGOLIAN.getBytes(StandardCharsets.UTF_8)).encoding());
    }

    @Test
    void bomLabelsSayWhichEncodingWasRead() throws Exception {
        byte[] le = concat(new byte[]{(byte) 0xFF, (byte) 0xFE}, MIXED.getBytes(StandardCharsets.UTF_16LE));
        assertTrue(TextDecoder.decode(le).encoding().startsWith("UTF-16LE"));
        assertEquals("UTF-8", TextDecoder.decode(MIXED.getBytes(StandardCharsets.UTF_8)).encoding());
        String gbk = TextDecoder.decode(MIXED.getBytes(Charset.forName("GBK"))).encoding();
        assertTrue(gbk.equals("GB18030") || gbk.equals("GBK"), gbk);
    }

    @Test
    void decodesMongolianCyrillicUtf8() throws Exception {
        String text = "Ярилцлага №2\r\nАсуулт: Танай өрх хэдэн малтай вэ?\r\n"
                + "Хариулт: Бид гурван зуу орчим хонь, ямаа, хорин үхэртэй. Өвөлжөө маань уулын өвөрт бий.\r";
        TextDecoder.Decoded d = TextDecoder.decode(text.getBytes(StandardCharsets.UTF_8));
        assertEquals(text.replace("\r\n", "\n").replace('\r', '\n'), d.text());
    }

    @Test
    void decodesTraditionalMongolianScriptAndEmojiUtf8() throws Exception {
        String text = "ᠮᠣᠩᠭᠣᠯ ᠪᠢᠴᠢᠭ᠌ 🐎🐑 牧民访谈\r\n";
        assertEquals("ᠮᠣᠩᠭᠣᠯ ᠪᠢᠴᠢᠭ᠌ 🐎🐑 牧民访谈\n", TextDecoder.decode(text.getBytes(StandardCharsets.UTF_8)).text());
    }

    @Test
    void decodesGb18030ParagraphWithTraditionalMongolianAndEmoji() throws Exception {
        // GB18030 encodes both with four-byte sequences (a one-line text of them is too short for ICU to tell)
        String text = "内蒙古牧区访谈 ᠮᠣᠩᠭᠣᠯ ᠪᠢᠴᠢᠭ\r\n问：您家有多少牲畜？\r\n"
                + "答：我们家有三百多只羊，二十头牛，还有几匹马。冬天住在冬营地，夏天搬到夏营地。🐎🐑\r\n"
                + "问：孩子们在哪里上学？\r\n答：在旗里的蒙古族学校上学，每个周末回家帮忙放牧。\r\n";
        TextDecoder.Decoded d = TextDecoder.decode(text.getBytes(Charset.forName("GB18030")));
        assertEquals(text.replace("\r\n", "\n"), d.text(), "read as " + d.encoding());
        assertEquals("GB18030", d.encoding());
    }

    @Test
    void decodesBig5TraditionalChinese() throws Exception {
        String text = "訪談紀錄：臺灣南部農村家庭\r\n"
                + "問：請問您家裡現在有幾個人一起生活？\r\n"
                + "答：我們家裡有六個人，我和我太太，兩個兒子，還有我的父親和母親。"
                + "大兒子在高雄工作，每個月會寄錢回來，小兒子還在讀書。\r\n"
                + "問：這幾年種稻子的收入怎麼樣？\r\n"
                + "答：收入越來越少了，肥料和農藥都漲價，颱風來的時候損失也很大。"
                + "政府雖然有補助，但是申請的手續很麻煩，很多老人家都不知道怎麼辦理。\r\n";
        TextDecoder.Decoded d = TextDecoder.decode(text.getBytes(Charset.forName("Big5")));
        assertEquals(text.replace("\r\n", "\n"), d.text(), "read as " + d.encoding());
        assertEquals("Big5", d.encoding());
    }

    @Test
    void emptyBytesAreRefused() {
        var e = assertThrows(TextDecoder.UndecodableException.class, () -> TextDecoder.decode(new byte[0]));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
    }

    @Test
    void blankFileIsRefused() {
        byte[] blank = " \r\n\t  \r\n   \n".getBytes(StandardCharsets.UTF_8);
        var e = assertThrows(TextDecoder.UndecodableException.class, () -> TextDecoder.decode(blank));
        assertTrue(e.getMessage().contains("no text"), e.getMessage());
    }

    @Test
    void binaryGarbageWithNulsIsRefused() {
        Random random = new Random(20240611L);
        byte[] garbage = new byte[8192];
        random.nextBytes(garbage);
        garbage[0] = 0x50; // not a byte-order mark
        garbage[1] = 0x4B;
        for (int i = 2; i < garbage.length; i += 7 + random.nextInt(5)) garbage[i] = 0;
        var e = assertThrows(TextDecoder.UndecodableException.class, () -> TextDecoder.decode(garbage));
        String m = e.getMessage();
        assertTrue(m.contains("not a text file") || m.contains("could not be recognised"), m);
    }

    @Test
    void textFullOfControlCharactersIsRefused() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 400; i++) sb.append("ab").append((char) 0x01).append((char) 0x07);
        var e = assertThrows(TextDecoder.UndecodableException.class,
                () -> TextDecoder.decode(sb.toString().getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("control characters"), e.getMessage());
    }

    @Test
    void invalidTextAfterAUtf8BomIsRefusedWithTheReason() {
        byte[] bad = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'a', (byte) 0xC3, (byte) 0x28, 'b', 'c'};
        var e = assertThrows(TextDecoder.UndecodableException.class, () -> TextDecoder.decode(bad));
        assertTrue(e.getMessage().contains("byte-order mark"), e.getMessage());
    }

    @Test
    void normaliseLineEndingsTurnsCrlfAndLoneCrIntoLf() {
        assertEquals("a\nb\nc\n\nd", TextDecoder.normaliseLineEndings("a\r\nb\rc\n\r\nd"));
        assertEquals("中文\n", TextDecoder.normaliseLineEndings("中文\r"));
    }
}
