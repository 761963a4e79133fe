package org.tamga.core;

import org.tamga.Fixtures;
import org.tamga.exchange.Zips;
import org.tamga.model.Code;
import org.tamga.model.Document;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The seeds of the importers' fuzz test ({@link ImportFuzzTest}, ADR 44): one small file per format and
 * per encoding Tamga reads, with Chinese, Mongolian (Cyrillic and traditional script) and emoji text.
 * They were written once by {@link #main} into {@code src/test/resources/fuzz-seeds/} and are committed,
 * so that a change of these builders (or of POI, PDFBox) does not change what the fuzz test starts from;
 * {@link #load} reads them back.
 *
 * <pre>java -cp target/test-classes:target/classes:$(cat cp.txt) org.tamga.core.FuzzSeeds src/test/resources/fuzz-seeds</pre>
 */
final class FuzzSeeds {
    private FuzzSeeds() {}

    /**
     * A seed: the format it counts under (txt for every plain text, Markdown too), a label (the encoding, for
     * plain text), the extension an input made from it is given, and its bytes.
     */
    record Seed(String format, String label, String extension, byte[] bytes) {}

    static final String INTERVIEW = """
            访谈者：您家几口人？牧区的冬天怎么样？
            受访者：五口人，主要靠放羊。去年雪灾，死了四十只羊 🐑。
            Асуулт: Хэдэн малтай вэ?
            Хариулт: Хорин үхэр, зуун хонь бий. Өвөл хэцүү байсан ❄️.
            ᠠᠰᠠᠭᠤᠯᠲᠠ: ᠮᠠᠯ ᠬᠡᠳᠦ ᠪᠤᠢ?
            Interviewer: And the subsidy? 👍
            """;

    /** The same interview in what each legacy encoding can hold. */
    static final String CHINESE = "访谈者：您家几口人？\n受访者：五口人，主要靠放羊。去年雪灾，死了四十只羊。\n访谈者：补贴什么时候到的？\n受访者：春天以后才到。\n";
    static final String TRADITIONAL = "訪談者：您家幾口人？\n受訪者：五口人，主要靠放羊。去年雪災，死了四十隻羊。\n訪談者：補貼什麼時候到的？\n受訪者：春天以後才到。\n";
    static final String CYRILLIC = "Асуулт: Хэдэн малтай вэ?\nХариулт: Хорин адуу, зуун хонь бий.\nАсуулт: Тэтгэмж хэзээ ирсэн бэ?\nХариулт: Хаврын дараа.\n";
    static final String JAPANESE = "インタビュアー：ご家族は何人ですか？\n回答者：五人です。羊を飼っています。\n";

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        Files.createDirectories(out);
        Path txt = Files.createDirectories(out.resolve("txt"));
        byte[] utf8 = INTERVIEW.getBytes(StandardCharsets.UTF_8);
        Files.write(txt.resolve("utf-8.txt"), utf8);
        Files.write(txt.resolve("utf-8-bom.txt"), concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8));
        Files.write(txt.resolve("utf-16le-bom.txt"), concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, INTERVIEW.getBytes(StandardCharsets.UTF_16LE)));
        Files.write(txt.resolve("utf-16be-bom.txt"), concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, INTERVIEW.getBytes(StandardCharsets.UTF_16BE)));
        Files.write(txt.resolve("utf-16le.txt"), INTERVIEW.getBytes(StandardCharsets.UTF_16LE));
        Files.write(txt.resolve("utf-16be.txt"), CHINESE.getBytes(StandardCharsets.UTF_16BE));
        Files.write(txt.resolve("gb18030.txt"), INTERVIEW.getBytes(Charset.forName("GB18030")));
        Files.write(txt.resolve("gbk.txt"), CHINESE.getBytes(Charset.forName("GBK")));
        Files.write(txt.resolve("big5.txt"), TRADITIONAL.getBytes(Charset.forName("Big5")));
        Files.write(txt.resolve("windows-1251.txt"), CYRILLIC.getBytes(Charset.forName("windows-1251")));
        Files.write(txt.resolve("shift_jis.txt"), JAPANESE.getBytes(Charset.forName("Shift_JIS")));
        Files.writeString(txt.resolve("notes.md"), "# 笔记 Тэмдэглэл\n\nR: 我们在井边见面 🐪。\n\n- Асуулт: ус хаанаас авдаг вэ?\n", StandardCharsets.UTF_8);

        Files.writeString(out.resolve("whisper.srt"), "1\n00:00:01,000 --> 00:00:03,500\n访谈者：您家几口人？\n\n"
                + "2\n00:00:04,000 --> 00:00:07,250\n受访者：五口人，\n主要靠放羊 🐑。\n\n3\n00:01:02,5 --> 00:01:04,000\nАсуулт: Хэдэн малтай вэ?\n", StandardCharsets.UTF_8);
        Files.writeString(out.resolve("zoom.vtt"), "WEBVTT\n\nNOTE made by Tamga\n\n1\n00:00:01.000 --> 00:00:03.000\n<v 访谈者>你好 &amp; 欢迎。\n\n"
                + "00:00:03.500 --> 00:00:06.000 align:start\n<v Өлзий><i>Сайн байна уу</i> ᠰᠠᠶᠢᠨ 👋\n- 是的。\n", StandardCharsets.UTF_8);
        Files.writeString(out.resolve("page.html"), "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>访谈 Ярилцлага</title>"
                + "<script>var x = '<p>no</p>';</script><style>p{}</style></head><body><h1>访谈</h1><p>R: 我们村有一百户 🏠。</p>"
                + "<p>Асуулт: Хэдэн айл вэ?<br>Хариулт: Зуун айл.</p><table><tr><td>ᠮᠣᠩᠭᠣᠯ</td><td>32</td></tr></table></body></html>",
                StandardCharsets.UTF_8);
        Files.write(out.resolve("page-gbk.html"), ("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gbk\">"
                + "<title>访谈</title></head><body><p>问：为什么回来？</p><p>答：家里需要人。</p></body></html>").getBytes(Charset.forName("GBK")));

        Fixtures.rtf(out.resolve("wps-gbk.rtf"), 936, "返乡青年", List.of("问：为什么回来？", "答：家里需要人 {括号} \\ 反斜杠。"));
        Fixtures.rtf(out.resolve("cyrillic-1251.rtf"), 1251, "Ярилцлага", List.of("Асуулт: Хэдэн малтай вэ?", "Хариулт: Хорин адуу."));
        Fixtures.docx(out.resolve("interview.docx"), "访谈01 牧民", "Saran",
                List.of("访谈者：您家几口人？", "受访者：五口人，主要靠放羊 🐑。", "Асуулт: Хэдэн малтай вэ?", "ᠮᠣᠩᠭᠣᠯ ᠪᠢᠴᠢᠭ"));
        Fixtures.richDocx(out.resolve("rich.docx"));
        Fixtures.resource("word97-interview.doc", out.resolve("word97.doc"));
        Fixtures.odt(out.resolve("interview.odt"), "Ярилцлага", "Өлзий", List.of("Асуулт: Хэдэн малтай вэ? 🐎", "Хариулт: Хорин үхэртэй.", "访谈者：谢谢。"));
        Fixtures.pdf(out.resolve("interview.pdf"), "Interview 9", "Field team",
                List.of("Interviewer: How was the winter?", "", "Respondent: Hard. We lost sheep.", "Interviewer: Thanks."));

        Path work = Files.createTempDirectory("tamga-fuzz-seeds");
        try {
            try (ProjectSession s = ProjectSession.create(work.resolve("seed.tamga"), work.resolve("cache"))) {
                Document a = SessionFixtures.importText(s, work.resolve("in"), "访谈 巴特尔", INTERVIEW);
                Document b = SessionFixtures.importText(s, work.resolve("in"), "Ярилцлага", CYRILLIC);
                Code livelihood = s.codebook().create(null, "生计 Амьжиргаа", "how a household lives 🐑", "#228B22");
                Code loss = s.codebook().create(livelihood.id(), "雪灾 Зуд", null, null);
                Code subsidy = s.codebook().create(null, "ᠲᠡᠳᠬᠦᠮᠵᠢ subsidy", "补贴", "#FF0000");
                s.coding().apply(a, 24, 40, loss, "Saran");
                s.coding().apply(a, 0, 10, livelihood, "Li Wei", "first question");
                s.coding().apply(b, 0, 20, subsidy, "Өлзий");
                s.addMemo("项目备忘 Тэмдэглэл", "冬天 ❄️ was hard", "Saran");
                s.cases().createCase("巴特尔家", "a herder family");
                s.cases().addToCase("巴特尔家", List.of(a));
                s.codebook().exportQdc(out.resolve("codebook.qdc"));
                s.exchange().exportQdpx(out.resolve("tamga.qdpx"));
            }
            byte[] docx = Files.readAllBytes(Fixtures.docx(work.resolve("batu.docx"), "Batu", "Ana", List.of("访谈者：冬天怎么样？", "受访者：很冷。")));
            byte[] pdf = Files.readAllBytes(Fixtures.pdf(work.resolve("dorj.pdf"), "Dorj", "Ana", List.of("Interviewer: Where in summer?", "Respondent: The river.")));
            String g20 = "00000000-0000-4000-8000-000000000020", g21 = "00000000-0000-4000-8000-000000000021";
            String xml = Zips.qde("origin=\"SomeQDA 2\"", "<Users><User guid=\"00000000-0000-4000-8000-000000000001\" name=\"Ana Ruiz\"/></Users>"
                    + "<CodeBook><Codes><Code guid=\"00000000-0000-4000-8000-000000000010\" name=\"牲畜\" isCodable=\"true\"/></Codes></CodeBook>"
                    + "<Sources><TextSource guid=\"" + g20 + "\" name=\"Batu.docx\" richTextPath=\"internal://" + g20 + ".docx\">"
                    + "<PlainTextSelection guid=\"00000000-0000-4000-8000-000000000030\" name=\"很冷。\" startPosition=\"15\" endPosition=\"18\">"
                    + "<Coding guid=\"00000000-0000-4000-8000-000000000031\"><CodeRef targetGUID=\"00000000-0000-4000-8000-000000000010\"/></Coding>"
                    + "</PlainTextSelection></TextSource>"
                    + "<PDFSource guid=\"" + g21 + "\" name=\"Dorj\" path=\"internal://" + g21 + ".pdf\"/></Sources>");
            Zips.archive().add("project.qde", xml).add("sources/" + g20 + ".docx", docx).add("sources/" + g21 + ".pdf", pdf)
                    .writeTo(out.resolve("formatted.qdpx"));
        } finally {
            try (Stream<Path> walk = Files.walk(work)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            }
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    /** Every seed in src/test/resources/fuzz-seeds (listed in its index.txt), in a fixed order. */
    static List<Seed> load() {
        List<Seed> seeds = new ArrayList<>();
        try (InputStream index = FuzzSeeds.class.getResourceAsStream("/fuzz-seeds/index.txt")) {
            if (index == null) throw new IOException("missing /fuzz-seeds/index.txt");
            for (String line : new String(index.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String file = line.strip();
                try (InputStream in = FuzzSeeds.class.getResourceAsStream("/fuzz-seeds/" + file)) {
                    if (in == null) throw new IOException("missing seed " + file);
                    String name = file.substring(file.lastIndexOf('/') + 1);
                    String ext = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
                    boolean text = file.startsWith("txt/");
                    seeds.add(new Seed(text ? "txt" : ext, text ? name.substring(0, name.lastIndexOf('.')) : ext, ext, in.readAllBytes()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return seeds;
    }
}
