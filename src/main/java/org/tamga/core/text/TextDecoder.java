package org.tamga.core.text;

import com.ibm.icu.text.CharsetDetector;
import com.ibm.icu.text.CharsetMatch;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Turns the bytes of a text file into text without mojibake. In order: a byte-order mark
 * (UTF-8, UTF-16 LE/BE); UTF-16 without a mark (recognised by its zero bytes: many of them for
 * mostly Latin text, or, for text mostly in Chinese or Mongolian script, a few all on one side of
 * the units, from its line breaks, spaces and digits); strict UTF-8;
 * then ICU's statistical detector (GB18030/GBK, Big5, Shift_JIS, windows-125x, …), accepting its
 * answer only if the bytes decode without a single error. Line endings become {@code \n}.
 */
public final class TextDecoder {
    private TextDecoder() {}

    /** The text and the encoding it was read in. */
    public record Decoded(String text, String encoding) {}

    /** Why bytes could not be read as text, in words for the researcher. */
    public static final class UndecodableException extends Exception {
        public UndecodableException(String reason) { super(reason); }
    }

    private static final Charset GB18030 = Charset.forName("GB18030");

    public static Decoded decode(byte[] bytes) throws UndecodableException {
        Decoded decoded = decodeKeepingLineEndings(bytes);
        return new Decoded(normaliseLineEndings(decoded.text()), decoded.encoding());
    }

    /**
     * Like {@link #decode}, but the line endings stay as the file has them: for files whose
     * positions another tool counted (a REFI-QDA source), where it matters whether a CRLF was one
     * character or two.
     */
    public static Decoded decodeKeepingLineEndings(byte[] bytes) throws UndecodableException {
        if (bytes.length == 0) throw new UndecodableException("the file is empty");
        Decoded decoded = detect(bytes);
        String text = normaliseLineEndings(decoded.text());
        if (text.indexOf('\0') >= 0) {
            throw new UndecodableException("it is not a text file (it contains binary data)");
        }
        if (looksBinary(text)) {
            throw new UndecodableException("it is not a text file (it contains control characters a transcript never has)");
        }
        if (text.isBlank()) throw new UndecodableException("the file contains no text");
        return decoded;
    }

    private static Decoded detect(byte[] b) throws UndecodableException {
        if (startsWith(b, 0xEF, 0xBB, 0xBF)) return strict(b, 3, StandardCharsets.UTF_8, "UTF-8 (BOM)");
        if (startsWith(b, 0xFF, 0xFE)) return strict(b, 2, StandardCharsets.UTF_16LE, "UTF-16LE (BOM)");
        if (startsWith(b, 0xFE, 0xFF)) return strict(b, 2, StandardCharsets.UTF_16BE, "UTF-16BE (BOM)");
        Optional<Charset> utf16 = utf16WithoutBom(b);
        if (utf16.isPresent()) return strict(b, 0, utf16.get(), utf16.get().name());
        Optional<Decoded> cjk16 = utf16ByItsZeros(b);
        if (cjk16.isPresent()) return cjk16.get();
        Optional<String> utf8 = tryStrict(b, 0, StandardCharsets.UTF_8);
        if (utf8.isPresent()) return new Decoded(utf8.get(), "UTF-8");
        CharsetDetector detector = new CharsetDetector();
        detector.setText(b);
        CharsetMatch[] matches = detector.detectAll();
        for (CharsetMatch m : matches) {
            String name = m.getName();
            if (name.startsWith("UTF-16") || name.startsWith("UTF-32")) continue;
            Charset cs = "GB18030".equals(name) ? GB18030 : charset(name);
            if (cs == null) continue;
            Optional<String> text = tryStrict(b, 0, cs);
            if (text.isPresent()) return new Decoded(text.get(), cs.name());
        }
        // Chinese fieldwork files without a clear statistical signal: GB18030 is a superset of GBK
        Optional<String> gb = tryStrict(b, 0, GB18030);
        if (gb.isPresent()) return new Decoded(gb.get(), "GB18030");
        throw new UndecodableException("its character encoding could not be recognised "
                + "(tried UTF-8, UTF-16, GB18030/GBK and others); save it as UTF-8 and import it again");
    }

    private static Charset charset(String name) {
        try {
            return Charset.forName(name);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static Decoded strict(byte[] b, int offset, Charset cs, String label) throws UndecodableException {
        return tryStrict(b, offset, cs).map(t -> new Decoded(t, label))
                .orElseThrow(() -> new UndecodableException("it starts with a " + label
                        + " byte-order mark but is not valid " + cs.name()));
    }

    private static Optional<String> tryStrict(byte[] b, int offset, Charset cs) {
        try {
            return Optional.of(cs.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b, offset, b.length - offset)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /** UTF-16 without BOM: most ASCII and CJK-light text has a zero in every other byte. */
    private static Optional<Charset> utf16WithoutBom(byte[] b) {
        int n = Math.min(b.length, 4096) & ~1;
        if (n < 4) return Optional.empty();
        int evenZeros = 0, oddZeros = 0;
        for (int i = 0; i < n; i += 2) {
            if (b[i] == 0) evenZeros++;
            if (b[i + 1] == 0) oddZeros++;
        }
        int pairs = n / 2;
        if (oddZeros > pairs * 0.3 && evenZeros < pairs * 0.05) return Optional.of(StandardCharsets.UTF_16LE);
        if (evenZeros > pairs * 0.3 && oddZeros < pairs * 0.05) return Optional.of(StandardCharsets.UTF_16BE);
        return Optional.empty();
    }

    /**
     * UTF-16 without BOM whose text is mostly Chinese, Mongolian script or other characters above
     * U+00FF: few zero bytes, but text in UTF-8, GB18030, Big5 or a single-byte code page never has
     * one. Its line breaks and spaces are units with a zero byte ({@code 0A 00} in LE, {@code 00 0A} in
     * BE); read the other way round they are unassigned or unlikely characters. So: the byte order
     * whose strict reading has line breaks or spaces, no control characters and no unassigned code
     * points (the one with more line breaks and spaces, should both qualify).
     */
    private static Optional<Decoded> utf16ByItsZeros(byte[] b) {
        if (b.length < 4 || (b.length & 1) != 0) return Optional.empty();
        boolean zero = false;
        for (byte x : b) if (x == 0) { zero = true; break; }
        if (!zero) return Optional.empty();
        Decoded best = null;
        int bestBreaks = 0;
        for (Charset cs : new Charset[]{StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE}) {
            Optional<String> text = tryStrict(b, 0, cs);
            if (text.isEmpty()) continue;
            String t = text.get();
            int breaks = 0;
            boolean plausible = true;
            for (int i = 0; i < t.length() && plausible; ) {
                int c = t.codePointAt(i);
                i += Character.charCount(c);
                if (c == '\n' || c == ' ') breaks++;
                else if (c < 0x20 && c != '\t' && c != '\r' && c != '\f') plausible = false;
                else if (Character.getType(c) == Character.UNASSIGNED || Character.getType(c) == Character.PRIVATE_USE) plausible = false;
            }
            if (plausible && breaks > bestBreaks) { best = new Decoded(t, cs.name()); bestBreaks = breaks; }
        }
        return Optional.ofNullable(best);
    }

    private static boolean startsWith(byte[] b, int... prefix) {
        if (b.length < prefix.length) return false;
        for (int i = 0; i < prefix.length; i++) if ((b[i] & 0xFF) != prefix[i]) return false;
        return true;
    }

    /** CRLF and lone CR become LF. */
    public static String normaliseLineEndings(String text) {
        if (text.indexOf('\r') < 0) return text;
        return text.replace("\r\n", "\n").replace('\r', '\n');
    }

    private static boolean looksBinary(String text) {
        int controls = 0;
        int limit = Math.min(text.length(), 100_000);
        for (int i = 0; i < limit; i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\n' && c != '\t' && c != '\f') controls++;
        }
        return controls > Math.max(8, limit / 100);
    }
}
