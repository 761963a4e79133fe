package org.tamga.core;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Tamga's own seeded mutator for the importers' fuzz test (ADR 44): the same seed gives the same inputs.
 * On the raw bytes: bit flips, interesting bytes, inserts, deletes, duplicated chunks, truncation, splicing
 * of two seeds, tokens of the format repeated (deep nesting of RTF groups and PDF arrays). Inside a valid zip
 * (.docx, .odt, .qdpx): the same on one entry, or an entry dropped, renamed, added, swapped; and on XML
 * (zip entries, .qdc, .html): entity declarations, deep nesting, huge attribute values, broken tags, odd
 * numbers, bad characters and encodings.
 */
final class FuzzMutator {
    /** No input grows past this (a bound on memory and time, not on the importers). */
    static final int MAX_BYTES = 4 * 1024 * 1024;

    static final Set<String> ZIPPED = Set.of("docx", "odt", "qdpx");
    static final Set<String> XML = Set.of("qdc", "html");

    private final Random random;

    FuzzMutator(long seed) { this.random = new Random(seed); }

    /** What was done, for the report of a finding. */
    final List<String> steps = new ArrayList<>();

    /**
     * A mutation of {@code seed}, a file of {@code format}; {@code other} is another seed (of the same format
     * mostly) for splicing.
     */
    byte[] mutate(byte[] seed, byte[] other, String format) {
        byte[] b = seed;
        if (ZIPPED.contains(format) && random.nextInt(10) < 7) {
            b = mutateZip(b, other);
            if (random.nextInt(4) == 0) b = mutateBytes(b, other, format);
        } else if (XML.contains(format) && random.nextInt(2) == 0) {
            b = mutateXml(b);
            if (random.nextInt(4) == 0) b = mutateBytes(b, other, format);
        } else {
            int rounds = 1 + random.nextInt(4);
            for (int i = 0; i < rounds; i++) b = mutateBytes(b, other, format);
        }
        return b.length > MAX_BYTES ? Arrays.copyOf(b, MAX_BYTES) : b;
    }

    // ---- bytes ------------------------------------------------------------------------------------

    private static final byte[][] INTERESTING = {
            {0}, {(byte) 0xFF}, {0x7F}, {(byte) 0x80}, {'\r'}, {'\n'}, {'\r', '\n'}, {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
            {(byte) 0xFF, (byte) 0xFE}, {(byte) 0xFE, (byte) 0xFF}, {(byte) 0xC0, (byte) 0x80}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0x81, 0x30, (byte) 0x81, 0x30}, {'P', 'K', 3, 4},
            {'%', 'P', 'D', 'F', '-', '1', '.', '7', '\n'}, {'{', '\\', 'r', 't', 'f', '1'}, {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0}};

    /** Tokens of each format: inserted, or repeated many times (nesting, long runs). */
    private static final Map<String, List<String>> TOKENS = Map.ofEntries(
            Map.entry("rtf", List.of("{", "}", "{\\*\\", "\\'", "\\'ff", "\\bin99999999 ", "\\u-1?", "\\u65535?", "\\uc9 ", "{\\rtf1",
                    "\\ansicpg936", "\\ansicpg65001", "\\par ", "{\\fonttbl{\\f0\\fcharset134 x;}}", "{\\pict ", "\\objdata ", "\\*\\shppict",
                    "{\\field{\\*\\fldinst HYPERLINK \"x\"}{\\fldrslt ", "\\'e4\\'b8", "{\\info{\\title ")),
            Map.entry("pdf", List.of("obj", "endobj", "stream\n", "\nendstream", "/Length 99999999", "/Length -1", "xref\n", "trailer",
                    "<<", ">>", "[", "]", "(", ")", "9 0 R", "0 0 R", "/Type/Page", "/Kids[", "/Parent 2 0 R", "/Filter/FlateDecode",
                    "/Filter/LZWDecode", "startxref\n0\n%%EOF", "/Encrypt", "/Font", "BT", "ET", "Tj", "/Annots[", "\\", "%%EOF")),
            Map.entry("html", List.of("<", ">", "<p>", "</p>", "<br>", "<!--", "-->", "<script>", "</script>", "<table><tr><td>",
                    "&#0;", "&#xD800;", "&nbsp;", "<meta charset=\"gbk\">", "<meta charset=\"utf-16\">", "<![CDATA[", "<div>", "<svg>", "<math>")),
            Map.entry("srt", List.of("-->", "00:00:01,000 --> 00:00:02,000\n", "99:99:99,999 --> 00:00:00,000\n", "\n\n", "<i>", "</i>",
                    "&#1114112;", "&#x110000;", "&amp;", "1\n", "999999999999:00:00,000 --> 1:00:00,000\n", ":", "：")),
            Map.entry("vtt", List.of("WEBVTT\n\n", "-->", "00:00:01.000 --> 00:00:02.000\n", "<v ", "<v.loud Name>", ">", "<", "&lt;",
                    "&#99999999;", "NOTE ", "STYLE\n", "<c.x>", "0:00.000 --> 0:01.000\n", "\n\n")),
            Map.entry("txt", List.of("\n", "\r", "\r\n", "访谈者：", "Асуулт: ", "[00:00:01] ", "[SPEAKER_00]: ", "Q: ", "\u0000", "\t",
                    "🐑", "\u202F", "\u180E", "\uFEFF")),
            Map.entry("doc", List.of("\u0000", "\u00FF\u00FF\u00FF\u00FF", "\u00FE\u00FF\u00FF\u00FF")),
            Map.entry("qdc", List.of("<Code ", "<Code name=\"x\" guid=\"y\">", "</Code>", "<Codes>", "&#0;", "<!--", "<Description>")),
            Map.entry("qdpx", List.of("PK\u0001\u0002", "PK\u0005\u0006", "PK\u0003\u0004")),
            Map.entry("docx", List.of("PK\u0001\u0002", "PK\u0005\u0006", "PK\u0003\u0004")),
            Map.entry("odt", List.of("PK\u0001\u0002", "PK\u0005\u0006", "PK\u0003\u0004")));

    byte[] mutateBytes(byte[] b, byte[] other, String format) {
        if (b.length == 0) return bytes(format, 1 + random.nextInt(8));
        int kind = random.nextInt(10);
        switch (kind) {
            case 0 -> {
                byte[] c = b.clone();
                int flips = 1 + random.nextInt(8);
                for (int i = 0; i < flips; i++) c[random.nextInt(c.length)] ^= (byte) (1 << random.nextInt(8));
                steps.add("flip " + flips + " bits");
                return c;
            }
            case 1 -> {
                byte[] token = INTERESTING[random.nextInt(INTERESTING.length)];
                int at = random.nextInt(b.length + 1);
                steps.add("interesting bytes at " + at);
                return random.nextBoolean() ? insert(b, at, token) : overwrite(b, at, token);
            }
            case 2 -> {
                int at = random.nextInt(b.length + 1), n = 1 + random.nextInt(64);
                byte[] junk = new byte[n];
                random.nextBytes(junk);
                steps.add("insert " + n + " random bytes at " + at);
                return insert(b, at, junk);
            }
            case 3 -> {
                int from = random.nextInt(b.length), n = 1 + random.nextInt(Math.max(1, Math.min(b.length - from, 1 + b.length / 4)));
                steps.add("delete " + n + " bytes at " + from);
                byte[] c = new byte[b.length - n];
                System.arraycopy(b, 0, c, 0, from);
                System.arraycopy(b, from + n, c, from, b.length - from - n);
                return c;
            }
            case 4 -> {
                int from = random.nextInt(b.length), n = 1 + random.nextInt(Math.min(b.length - from, 512));
                int times = random.nextInt(4) == 0 ? 1 + random.nextInt(2000) : 1 + random.nextInt(4);
                byte[] chunk = Arrays.copyOfRange(b, from, from + n);
                steps.add("duplicate " + n + " bytes at " + from + " " + times + " times");
                return insert(b, random.nextInt(b.length + 1), repeat(chunk, times));
            }
            case 5 -> {
                int keep = random.nextInt(b.length);
                steps.add("truncate to " + keep);
                return Arrays.copyOf(b, keep);
            }
            case 6 -> {
                int cut = random.nextInt(b.length + 1), from = random.nextInt(other.length + 1);
                steps.add("splice at " + cut + " with another seed from " + from);
                byte[] c = Arrays.copyOf(b, cut + other.length - from);
                System.arraycopy(other, from, c, cut, other.length - from);
                return c;
            }
            case 7, 8 -> {
                List<String> tokens = TOKENS.getOrDefault(format, TOKENS.get("txt"));
                String token = tokens.get(random.nextInt(tokens.size()));
                int times = kind == 8 ? pick(100, 1_000, 10_000, 100_000) : 1 + random.nextInt(3);
                int at = random.nextInt(b.length + 1);
                steps.add("token " + printable(token) + " \u00D7 " + times + " at " + at);
                boolean latin1 = token.chars().allMatch(c -> c <= 0xFF);
                return insert(b, at, repeat(token.getBytes(latin1 ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8), times));
            }
            default -> {
                byte[] c = b.clone();
                int at = random.nextInt(c.length), n = 1 + random.nextInt(Math.min(c.length - at, 16));
                int value = pick(0, 0xFF, 0x7F, 0x80, '9', '-');
                Arrays.fill(c, at, at + n, (byte) value);
                steps.add("set " + n + " bytes at " + at + " to " + value);
                return c;
            }
        }
    }

    // ---- zip containers -----------------------------------------------------------------------------

    byte[] mutateZip(byte[] zip, byte[] other) {
        Map<String, byte[]> entries = entries(zip);
        if (entries.isEmpty()) return mutateBytes(zip, other, "docx");
        List<String> names = new ArrayList<>(entries.keySet());
        String name = names.get(random.nextInt(names.size()));
        int kind = random.nextInt(10);
        switch (kind) {
            case 0 -> {
                entries.remove(name);
                steps.add("drop entry " + name);
            }
            case 1 -> {
                byte[] content = entries.remove(name);
                String renamed = pickOf("../../evil.xml", "/abs.xml", name.toUpperCase(java.util.Locale.ROOT), name + "/", "sources/../" + name,
                        "项目/访谈.txt", name.replace('/', '\\'));
                entries.put(renamed, content);
                steps.add("rename entry " + name + " to " + renamed);
            }
            case 2 -> {
                String target = names.get(random.nextInt(names.size()));
                entries.put(target, entries.get(name));
                steps.add("entry " + target + " takes the content of " + name);
            }
            case 3 -> {
                Map<String, byte[]> others = entries(other);
                if (!others.isEmpty()) {
                    List<String> otherNames = new ArrayList<>(others.keySet());
                    String from = otherNames.get(random.nextInt(otherNames.size()));
                    entries.put(name, others.get(from));
                    steps.add("entry " + name + " takes the content of the other seed's " + from);
                } else {
                    entries.put(name, mutateBytes(entries.get(name), other, "txt"));
                }
            }
            default -> {
                byte[] content = entries.get(name);
                boolean xml = name.endsWith(".xml") || name.endsWith(".rels") || name.endsWith(".qde");
                steps.add("in entry " + name + ":");
                int rounds = 1 + random.nextInt(3);
                for (int i = 0; i < rounds; i++) {
                    content = xml && random.nextInt(3) > 0 ? mutateXml(content) : mutateBytes(content, content, name.endsWith(".txt") ? "txt" : "doc");
                }
                entries.put(name, content);
            }
        }
        return zip(entries);
    }

    /** The entries of a zip, in order; empty if it is none. */
    static Map<String, byte[]> entries(byte[] zip) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) out.put(e.getName(), in.readAllBytes());
        } catch (IOException | IllegalArgumentException e) {
            return Map.of();
        }
        return out;
    }

    private byte[] zip(Map<String, byte[]> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            for (var e : entries.entrySet()) {
                ZipEntry entry = new ZipEntry(e.getKey());
                entry.setTimeLocal(java.time.LocalDateTime.of(2026, 2, 14, 9, 0));   // the same bytes for the same seed
                if (e.getKey().equals("mimetype") || random.nextInt(8) == 0) {
                    entry.setMethod(ZipEntry.STORED);
                    entry.setSize(e.getValue().length);
                    CRC32 crc = new CRC32();
                    crc.update(e.getValue());
                    entry.setCrc(crc.getValue());
                }
                zip.putNextEntry(entry);
                zip.write(e.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    // ---- XML ------------------------------------------------------------------------------------------

    private static final Pattern TAG = Pattern.compile("<([A-Za-z_][\\w:.-]*)[^<>]*>");
    private static final Pattern ATTRIBUTE = Pattern.compile("([\\w:.-]+)=\"([^\"]*)\"");
    private static final Pattern NUMBER = Pattern.compile("\"(-?\\d+)\"");

    byte[] mutateXml(byte[] bytes) {
        String xml = new String(bytes, StandardCharsets.UTF_8);
        int kind = random.nextInt(10);
        String out = switch (kind) {
            case 0 -> {
                String doctype = pickOf(
                        "<!DOCTYPE r [<!ENTITY a \"\u54c8\u54c8\u54c8\u54c8\u54c8\u54c8\u54c8\u54c8\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
                                + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">"
                                + "<!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\"><!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\">]>",
                        "<!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/hostname\">]>",
                        "<!DOCTYPE r SYSTEM \"http://127.0.0.1:9/evil.dtd\">",
                        "<!DOCTYPE r [<!ENTITY % p SYSTEM \"file:///etc/passwd\"> %p;]>");
                String reference = pickOf("&f;", "&x;", "&e;", "&undefined;");
                steps.add("xml: entity declarations, " + reference);
                yield insertAfterDeclaration(xml, doctype).replaceFirst(">([^<]{0,40})<", ">$1" + Matcher.quoteReplacement(reference) + "<");
            }
            case 1 -> {
                String name = tagName(xml, "Code");
                int depth = pick(100, 1_000, 10_000, 100_000);
                int at = afterATag(xml);
                steps.add("xml: " + depth + " nested <" + name + "> at " + at);
                StringBuilder b = new StringBuilder(xml.length() + depth * (2 * name.length() + 5));
                b.append(xml, 0, at);
                for (int i = 0; i < depth; i++) b.append('<').append(name).append('>');
                b.append("深");
                for (int i = 0; i < depth; i++) b.append("</").append(name).append('>');
                yield b.append(xml, at, xml.length()).toString();
            }
            case 2 -> {
                List<int[]> values = new ArrayList<>();
                Matcher m = ATTRIBUTE.matcher(xml);
                while (m.find()) values.add(new int[] {m.start(2), m.end(2)});
                if (values.isEmpty()) yield xml + "<x a=\"" + "长".repeat(100_000) + "\"/>";
                int[] v = values.get(random.nextInt(values.size()));
                int n = pick(1_000, 100_000, 1_000_000);
                steps.add("xml: attribute value of " + n + " characters at " + v[0]);
                yield xml.substring(0, v[0]) + pickOf("长", "a", "ᠮ", "🐑", "&amp;").repeat(n) + xml.substring(v[1]);
            }
            case 3 -> {
                List<int[]> tags = tags(xml);
                if (tags.isEmpty()) yield xml;
                int[] t = tags.get(random.nextInt(tags.size()));
                steps.add("xml: remove the tag at " + t[0]);
                yield xml.substring(0, t[0]) + xml.substring(t[1]);
            }
            case 4 -> {
                List<int[]> tags = tags(xml);
                if (tags.size() < 2) yield xml;
                int i = random.nextInt(tags.size() - 1), j = i + 1 + random.nextInt(Math.min(tags.size() - i - 1, 20));
                int times = pick(2, 10, 1_000);
                String chunk = xml.substring(tags.get(i)[0], tags.get(j)[1]);
                steps.add("xml: repeat a stretch of " + chunk.length() + " characters " + times + " times");
                yield xml.substring(0, tags.get(j)[1]) + chunk.repeat(times) + xml.substring(tags.get(j)[1]);
            }
            case 5 -> {
                List<int[]> numbers = new ArrayList<>();
                Matcher m = NUMBER.matcher(xml);
                while (m.find()) numbers.add(new int[] {m.start(1), m.end(1)});
                if (numbers.isEmpty()) yield xml;
                int[] n = numbers.get(random.nextInt(numbers.size()));
                String value = pickOf("-1", "0", "2147483647", "2147483648", "-2147483649", "99999999999999999999", "1e9", "NaN", "", " 3", "٣");
                steps.add("xml: number at " + n[0] + " becomes " + value);
                yield xml.substring(0, n[0]) + value + xml.substring(n[1]);
            }
            case 6 -> {
                String bad = pickOf("&#0;", "&#xD800;", "&#x110000;", "\u0001", "\uFFFE", "&", "<", "]]>", "&unknown;", "\uD800");
                int at = afterATag(xml);
                steps.add("xml: " + printable(bad) + " at " + at);
                yield xml.substring(0, at) + bad + xml.substring(at);
            }
            case 7 -> {
                String declaration = pickOf("<?xml version=\"1.0\" encoding=\"UTF-16\"?>", "<?xml version=\"1.1\" encoding=\"GBK\"?>",
                        "<?xml version=\"1.0\" encoding=\"x-bogus\"?>", "<?xml version=\"2.0\"?>", "", "\uFEFF<?xml version=\"1.0\"?>");
                steps.add("xml: declaration " + printable(declaration));
                yield xml.startsWith("<?xml") ? declaration + xml.substring(xml.indexOf("?>") + 2) : declaration + xml;
            }
            case 8 -> {
                List<int[]> tags = tags(xml);
                if (tags.isEmpty()) yield xml;
                int[] t = tags.get(random.nextInt(tags.size()));
                String element = xml.substring(t[0], t[1]);
                int times = pick(2, 100, 10_000);
                steps.add("xml: the tag at " + t[0] + " " + times + " times");
                yield xml.substring(0, t[1]) + element.repeat(times) + xml.substring(t[1]);
            }
            default -> {
                Matcher m = ATTRIBUTE.matcher(xml);
                List<int[]> values = new ArrayList<>();
                while (m.find()) values.add(new int[] {m.start(2), m.end(2)});
                if (values.isEmpty()) yield xml;
                int[] v = values.get(random.nextInt(values.size()));
                String value = pickOf("", "internal://../../etc/passwd", "relative://../secret.txt", "absolute:///etc/hostname",
                        "file:///dev/zero", "00000000-0000-0000-0000-000000000000", "{not-a-guid}", "#GGGGGG", "true", "\u0000", "访谈\n\t换行");
                steps.add("xml: attribute at " + v[0] + " becomes " + printable(value));
                yield xml.substring(0, v[0]) + value + xml.substring(v[1]);
            }
        };
        return out.getBytes(StandardCharsets.UTF_8);
    }

    private static String insertAfterDeclaration(String xml, String what) {
        int end = xml.startsWith("<?xml") ? xml.indexOf("?>") + 2 : 0;
        return xml.substring(0, end) + what + xml.substring(end);
    }

    private String tagName(String xml, String fallback) {
        List<String> names = new ArrayList<>();
        Matcher m = TAG.matcher(xml);
        while (m.find()) names.add(m.group(1));
        return names.isEmpty() ? fallback : names.get(random.nextInt(names.size()));
    }

    private int afterATag(String xml) {
        List<int[]> tags = tags(xml);
        return tags.isEmpty() ? random.nextInt(xml.length() + 1) : tags.get(random.nextInt(tags.size()))[1];
    }

    private static List<int[]> tags(String xml) {
        List<int[]> out = new ArrayList<>();
        Matcher m = Pattern.compile("<[^<>]*>").matcher(xml);
        while (m.find()) out.add(new int[] {m.start(), m.end()});
        return out;
    }

    // ---- small helpers --------------------------------------------------------------------------------

    private byte[] bytes(String format, int n) {
        List<String> tokens = TOKENS.getOrDefault(format, TOKENS.get("txt"));
        steps.add("tokens from nothing");
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) b.append(tokens.get(random.nextInt(tokens.size())));
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    private int pick(int... values) { return values[random.nextInt(values.length)]; }

    private String pickOf(String... values) { return values[random.nextInt(values.length)]; }

    private static byte[] insert(byte[] b, int at, byte[] what) {
        byte[] c = new byte[b.length + what.length];
        System.arraycopy(b, 0, c, 0, at);
        System.arraycopy(what, 0, c, at, what.length);
        System.arraycopy(b, at, c, at + what.length, b.length - at);
        return c;
    }

    private static byte[] overwrite(byte[] b, int at, byte[] what) {
        byte[] c = Arrays.copyOf(b, Math.max(b.length, at + what.length));
        System.arraycopy(what, 0, c, at, what.length);
        return c;
    }

    private static byte[] repeat(byte[] chunk, int times) {
        int n = (int) Math.min((long) chunk.length * times, MAX_BYTES);
        byte[] out = new byte[n];
        for (int i = 0; i < n; i++) out[i] = chunk[i % chunk.length];
        return out;
    }

    private static String printable(String s) {
        StringBuilder b = new StringBuilder("\u201C");
        s.codePoints().limit(40).forEach(cp -> {
            if (cp < 0x20 || cp == 0x7F || (cp >= 0xD800 && cp <= 0xDFFF) || cp == 0xFFFE) b.append(String.format(java.util.Locale.ROOT, "\\u%04X", cp));
            else b.appendCodePoint(cp);
        });
        return b.append('\u201D').toString();
    }
}
