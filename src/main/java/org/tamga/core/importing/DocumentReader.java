package org.tamga.core.importing;

import org.apache.tika.detect.DefaultDetector;
import org.apache.tika.detect.Detector;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.ZeroByteFileException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.Property;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypes;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.html.JSoupParser;
import org.apache.tika.parser.microsoft.OfficeParser;
import org.apache.tika.parser.microsoft.OfficeParserConfig;
import org.apache.tika.parser.microsoft.ooxml.OOXMLParser;
import org.apache.tika.parser.microsoft.rtf.RTFParser;
import org.apache.tika.parser.odf.OpenDocumentParser;
import org.apache.tika.parser.pdf.PDFParser;
import org.apache.tika.parser.pdf.PDFParserConfig;
import org.tamga.core.text.TextDecoder;
import org.tamga.model.DocumentSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The format layer of the import: reads one file of any format Tamga imports into text and
 * metadata ({@link Extracted}), or says in plain words why it cannot ({@link Refusal}).
 *
 * <ul>
 *   <li>Plain text (.txt, .md): {@link TextDecoder} (encoding detection), the text kept exactly.</li>
 *   <li>Word (.docx, .doc), LibreOffice/WPS (.odt), RTF, PDF (its text layer), HTML: Apache Tika's parsers
 *       (POI, PDFBox, jsoup underneath), chosen by the file's content, not its name, so a .doc that is really
 *       RTF still imports. Their XHTML becomes paragraphs ({@link ParagraphText}); a PDF's lines are joined
 *       into paragraphs again ({@link PdfReflow}).</li>
 *   <li>Subtitles (.srt, .vtt): {@link Subtitles}, cue times and voices kept.</li>
 * </ul>
 * Every read is bounded: file size, unpacked size of zip containers ({@link ZipGuard}), characters of
 * text, and time.
 */
public final class DocumentReader {
    private DocumentReader() {}

    public static final Set<String> TEXT_EXTENSIONS = Set.of("txt", "text", "md", "markdown");
    public static final Set<String> SUBTITLE_EXTENSIONS = Set.of("srt", "vtt");
    public static final Set<String> DOCUMENT_EXTENSIONS = Set.of("docx", "docm", "dotx", "doc", "odt", "ott", "rtf", "pdf",
            "html", "htm", "xhtml");
    /** Plain text and subtitles are held in memory whole: larger files are refused with a message. */
    public static final long MAX_TEXT_FILE_BYTES = 100L * 1024 * 1024;
    /** Word, PDF and the others are read as streams; past this size a file is no transcript. */
    public static final long MAX_DOCUMENT_FILE_BYTES = 512L * 1024 * 1024;
    /** No transcript has more text than this; a file that does is refused before it fills the memory. */
    public static final long MAX_CHARACTERS = 50_000_000;
    /** How long one file may take to read before it is given up as damaged (seconds; system property {@code tamga.import.timeout}). */
    public static final long DEFAULT_TIMEOUT_SECONDS = 300;

    /** Every extension Tamga imports, in the order the README lists them. */
    public static boolean imports(String extension) {
        return TEXT_EXTENSIONS.contains(extension) || SUBTITLE_EXTENSIONS.contains(extension)
                || DOCUMENT_EXTENSIONS.contains(extension);
    }

    public static final String FORMATS_IN_WORDS =
            "Word (.docx, .doc), LibreOffice/WPS (.odt), .rtf, .pdf, .html, subtitles (.srt, .vtt) and plain text (.txt, .md)";

    /**
     * Tika, POI and PDFBox, made ready the first time a document is read: a command that reads no
     * document (info, codes, code, search) never loads them, which keeps the command line's start short.
     */
    private static final class Engine {
        private Engine() {}

        /** The word-processing formats Tamga accepts, by their content type, with the name shown for each. */
        static final Map<MediaType, String> ACCEPTED = new LinkedHashMap<>();
        static {
            ACCEPTED.put(MediaType.parse("application/vnd.openxmlformats-officedocument.wordprocessingml.document"), "docx");
            ACCEPTED.put(MediaType.parse("application/vnd.ms-word.document.macroenabled.12"), "docm");
            ACCEPTED.put(MediaType.parse("application/vnd.openxmlformats-officedocument.wordprocessingml.template"), "dotx");
            ACCEPTED.put(MediaType.parse("application/msword"), "doc");
            ACCEPTED.put(MediaType.parse("application/vnd.oasis.opendocument.text"), "odt");
            ACCEPTED.put(MediaType.parse("application/vnd.oasis.opendocument.text-template"), "ott");
            ACCEPTED.put(MediaType.parse("application/rtf"), "rtf");
            ACCEPTED.put(MediaType.parse("application/pdf"), "pdf");
            ACCEPTED.put(MediaType.parse("text/html"), "html");
            ACCEPTED.put(MediaType.parse("application/xhtml+xml"), "html");
        }
        static final MediaType OOXML_PROTECTED = MediaType.application("x-tika-ooxml-protected");

        /**
         * PDFBox (commons-logging) and POI (Log4j API) log through java.util.logging here; what they say about a
         * damaged font or an odd table is noise to a researcher, whose file is either imported or refused with a
         * reason. Held in a field: java.util.logging keeps loggers only weakly.
         */
        static final List<java.util.logging.Logger> QUIET = java.util.stream.Stream.of(
                "org.apache.pdfbox", "org.apache.fontbox", "org.apache.poi", "org.apache.tika", "org.apache.xmlbeans")
                .map(java.util.logging.Logger::getLogger).peek(l -> l.setLevel(java.util.logging.Level.OFF)).toList();

        static final Detector DETECTOR = new DefaultDetector();
        static final MediaTypeRegistry TYPES = MimeTypes.getDefaultMimeTypes().getMediaTypeRegistry();
        static final Parser PARSER = new AutoDetectParser(DETECTOR, new OOXMLParser(), new OfficeParser(),
                new RTFParser(), new OpenDocumentParser(), new PDFParser(), new JSoupParser());
        static final ExecutorService WORKERS = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "tamga-document-reader");
            t.setDaemon(true);
            return t;
        });
    }

    public static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** Reads a file of a format Tamga imports (see {@link #imports}). */
    public static Extracted read(Path file) throws Refusal {
        String ext = extension(file);
        long size;
        Instant fileModified;
        try {
            size = Files.size(file);
            fileModified = Files.getLastModifiedTime(file).toInstant();
        } catch (IOException e) {
            throw new Refusal("it could not be read (" + e.getClass().getSimpleName() + ": " + Refusal.quote(e.getMessage()) + ")", e);
        }
        if (size == 0) throw new Refusal("the file is empty");
        if (TEXT_EXTENSIONS.contains(ext) || SUBTITLE_EXTENSIONS.contains(ext)) {
            if (size > MAX_TEXT_FILE_BYTES) throw tooLarge(size, MAX_TEXT_FILE_BYTES);
            TextDecoder.Decoded decoded = decode(file);
            String format = ext.equals("text") ? "txt" : ext.equals("markdown") ? "md" : ext;
            DocumentSource source = new DocumentSource(null, null, null, fileModified, format, size);
            if (TEXT_EXTENSIONS.contains(ext)) return new Extracted(decoded.text(), decoded.encoding(), source);
            String text = Cleaning.finish(Subtitles.toText(decoded.text(), "." + ext));
            return new Extracted(text, decoded.encoding(), source);
        }
        if (!DOCUMENT_EXTENSIONS.contains(ext)) throw new Refusal("not a format Tamga imports (." + ext + ")");
        if (size > MAX_DOCUMENT_FILE_BYTES) throw tooLarge(size, MAX_DOCUMENT_FILE_BYTES);
        return readDocument(file, ext, size, fileModified);
    }

    /**
     * Reads a document held in memory, as a {@code .qdpx} archive gives a source's DOCX or PDF: the
     * bytes (already bounded by whoever read them) are written to a temporary file of Tamga's own
     * naming ({@code tamga-import-…}, readable by the owner only), read exactly as {@link #read(Path)}
     * reads a file of that format, with every bound of it, and deleted at once.
     *
     * @param extension the format the bytes are said to have (docx, pdf, …); the content still decides the parser
     * @param modified  the modification date when the document carries none, or null
     */
    public static Extracted read(byte[] content, String extension, Instant modified) throws Refusal {
        String ext = extension.toLowerCase(Locale.ROOT);
        if (!DOCUMENT_EXTENSIONS.contains(ext)) throw new Refusal("not a format Tamga imports (." + ext + ")");
        if (content.length == 0) throw new Refusal("the file is empty");
        if (content.length > MAX_DOCUMENT_FILE_BYTES) throw tooLarge(content.length, MAX_DOCUMENT_FILE_BYTES);
        Path file = null;
        try {
            file = Files.createTempFile("tamga-import-", "." + ext);
            Files.write(file, content);
            return readDocument(file, ext, content.length, modified);
        } catch (IOException e) {
            throw new Refusal("it could not be read (" + e.getClass().getSimpleName() + ": " + Refusal.quote(e.getMessage()) + ")", e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    file.toFile().deleteOnExit();   // a parser given up on (time-out) may still hold it open on Windows
                }
            }
        }
    }

    private static Refusal tooLarge(long size, long max) {
        return new Refusal("it is " + size / (1024 * 1024) + " MB, larger than the " + max / (1024 * 1024)
                + " MB Tamga imports as one document; split it into parts");
    }

    private static TextDecoder.Decoded decode(Path file) throws Refusal {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes((int) MAX_TEXT_FILE_BYTES + 1);
        } catch (IOException e) {
            throw new Refusal("it could not be read (" + e.getClass().getSimpleName() + ": " + Refusal.quote(e.getMessage()) + ")", e);
        }
        if (bytes.length > MAX_TEXT_FILE_BYTES) throw tooLarge(bytes.length, MAX_TEXT_FILE_BYTES);
        TextDecoder.Decoded decoded;
        try {
            decoded = TextDecoder.decode(bytes);
        } catch (TextDecoder.UndecodableException e) {
            throw new Refusal(e.getMessage(), e);
        }
        // the same limit as for Word, PDF and the rest: a plain text of 100 MB can hold 100 million characters
        if (decoded.text().length() > MAX_CHARACTERS) throw tooManyCharacters();
        return decoded;
    }

    private static Refusal tooManyCharacters() { return new Refusal(TOO_MANY_CHARACTERS); }

    /** Why a text longer than {@link #MAX_CHARACTERS} is refused, whatever it came in (a file, a REFI-QDA archive). */
    public static final String TOO_MANY_CHARACTERS = "its text is longer than " + MAX_CHARACTERS / 1_000_000
            + " million characters, more than Tamga imports as one document; split it into parts";

    private static String kind(String ext) {
        return switch (ext) {
            case "docx", "docm", "dotx", "doc" -> "Word";
            case "odt", "ott" -> "LibreOffice";
            case "rtf" -> "an RTF document";
            case "pdf" -> "a PDF";
            default -> "an HTML page";
        };
    }

    private static String kindOfFile(String ext) {
        return switch (ext) {
            case "docx", "docm", "dotx", "doc" -> "Word document";
            case "odt", "ott" -> "LibreOffice document";
            case "rtf" -> "RTF document";
            case "pdf" -> "PDF";
            default -> "HTML page";
        };
    }

    private static Extracted readDocument(Path file, String ext, long size, Instant fileModified) throws Refusal {
        // a zip container (.docx, .odt) is checked before anything opens it: complete, and no bomb
        if (startsWithZipMagic(file)) ZipGuard.check(file, kind(ext));
        MediaType type = detect(file);
        if (type.equals(Engine.OOXML_PROTECTED)) throw passwordProtected();
        String format = accepted(type);
        if (format == null) {
            String base = Refusal.quote(type.getBaseType().toString());
            String what = type.equals(MediaType.OCTET_STREAM) ? "unrecognisable binary data"
                    : base.startsWith("application/x-tika-ooxml") || type.getSubtype().equals("zip")
                    ? "a damaged or unrecognised zip container"
                    : base.startsWith("text/") ? "plain text (to import it as such, rename it to .txt)"
                    : "of type " + base;
            throw new Refusal("it is not a " + kindOfFile(ext) + ": its content is " + what
                    + " (was it renamed, or is it damaged?)");
        }
        if (format.equals("html")) refuseDeeplyNestedTables(file);
        ParagraphText.Mode mode = switch (format) {
            case "pdf" -> ParagraphText.Mode.LINES;
            case "html" -> ParagraphText.Mode.COLLAPSE_WHITESPACE;
            default -> ParagraphText.Mode.KEEP_LINE_BREAKS;
        };
        ParagraphText handler = new ParagraphText(MAX_CHARACTERS, mode);
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, file.getFileName().toString());
        parseWithTimeout(file, handler, metadata, format);
        String raw = handler.text();
        String text = Cleaning.finish(format.equals("pdf") ? PdfReflow.reflow(raw) : raw);
        if (text.isBlank()) {
            throw new Refusal(format.equals("pdf")
                    ? "it has no text layer (it is probably a scan, pictures of pages); run OCR on it (for example OCRmyPDF, or Adobe Acrobat's \u201CRecognize Text\u201D) and import the result"
                    : "it contains no text");
        }
        Instant modified = date(metadata, TikaCoreProperties.MODIFIED);
        DocumentSource source = new DocumentSource(value(metadata, TikaCoreProperties.TITLE),
                authors(metadata), date(metadata, TikaCoreProperties.CREATED),
                modified != null ? modified : fileModified, format, size);
        return new Extracted(text, null, source);
    }

    /** Tables nested deeper than this are refused before jsoup parses the page. */
    static final int MAX_TABLE_NESTING = 100;

    /**
     * jsoup takes a time that grows with the square of tables nested in tables (1.5 MB of
     * {@code <table><tr><td>} repeated: 10 s, 20 s on a loaded machine; found by the fuzz test, ADR 44), and
     * Tika refuses the page afterwards anyway (more than 100 levels of elements). So a page whose
     * {@code <table>} tags nest deeper than {@link #MAX_TABLE_NESTING} is refused first, in one pass over its bytes.
     */
    private static void refuseDeeplyNestedTables(Path file) throws Refusal {
        byte[] open = "<table".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] close = "</table".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file))) {
            int depth = 0, inOpen = 0, inClose = 0;
            for (int b; (b = in.read()) >= 0; ) {
                int c = b >= 'A' && b <= 'Z' ? b + 32 : b;
                inOpen = c == open[inOpen] ? inOpen + 1 : c == '<' ? 1 : 0;
                inClose = c == close[inClose] ? inClose + 1 : c == '<' ? 1 : 0;
                if (inOpen == open.length) {
                    inOpen = 0;
                    if (++depth > MAX_TABLE_NESTING) {
                        throw new Refusal("its tables are nested more than " + MAX_TABLE_NESTING
                                + " deep, deeper than in any page; it may be damaged, or made to break readers");
                    }
                }
                if (inClose == close.length) {
                    inClose = 0;
                    depth = Math.max(0, depth - 1);
                }
            }
        } catch (IOException e) {
            throw new Refusal("it could not be read (" + Refusal.quote(e.getMessage()) + ")", e);
        }
    }

    private static Refusal passwordProtected() {
        return new Refusal("it is password-protected; open it, save a copy without the password, and import the copy");
    }

    private static MediaType detect(Path file) throws Refusal {
        try (TikaInputStream in = TikaInputStream.get(file)) {
            Metadata m = new Metadata();
            return Engine.DETECTOR.detect(in, m);
        } catch (IOException | RuntimeException e) {
            throw new Refusal("it could not be read (" + Refusal.quote(e.getMessage()) + ")", e);
        }
    }

    private static String accepted(MediaType detected) {
        for (MediaType t = detected.getBaseType(); t != null; t = Engine.TYPES.getSupertype(t)) {
            String name = Engine.ACCEPTED.get(t);
            if (name != null) return name;
        }
        return null;
    }

    private static boolean startsWithZipMagic(Path file) throws Refusal {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] b = in.readNBytes(4);
            return b.length == 4 && b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4;
        } catch (IOException e) {
            throw new Refusal("it could not be read (" + Refusal.quote(e.getMessage()) + ")", e);
        }
    }

    static long timeoutSeconds() {
        try {
            return Long.parseLong(System.getProperty("tamga.import.timeout", String.valueOf(DEFAULT_TIMEOUT_SECONDS)));
        } catch (NumberFormatException e) {
            return DEFAULT_TIMEOUT_SECONDS;
        }
    }

    private static void parseWithTimeout(Path file, ParagraphText handler, Metadata metadata, String format) throws Refusal {
        withTimeout(() -> {
            ParseContext context = context();
            try (TikaInputStream in = TikaInputStream.get(file)) {
                Engine.PARSER.parse(in, handler, metadata, context);
            }
            return null;
        }, timeoutSeconds(), format);
    }

    /** Runs a file's parsing on a worker, given up (and interrupted) after {@code timeout} seconds. */
    static void withTimeout(Callable<Void> parsing, long timeout, String format) throws Refusal {
        Future<Void> job = Engine.WORKERS.submit(parsing);
        try {
            job.get(timeout, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            job.cancel(true);
            throw new Refusal("reading it took longer than " + timeout + " seconds, so Tamga gave up (the file may be damaged)", e);
        } catch (InterruptedException e) {
            job.cancel(true);
            Thread.currentThread().interrupt();
            throw new Refusal("the import was interrupted", e);
        } catch (ExecutionException e) {
            throw explain(e.getCause(), format);
        }
    }

    private static ParseContext context() {
        ParseContext context = new ParseContext();
        OfficeParserConfig office = new OfficeParserConfig();
        office.setIncludeHeadersAndFooters(false);   // running heads repeat on every page and are not what was said
        office.setIncludeDeletedContent(false);
        office.setIncludeMoveFromContent(false);
        office.setIncludeShapeBasedContent(true);    // text boxes
        office.setExtractMacros(false);
        context.set(OfficeParserConfig.class, office);
        PDFParserConfig pdf = new PDFParserConfig();
        pdf.setExtractInlineImages(false);
        pdf.setExtractAnnotationText(true);          // reviewers' comments, in reading order
        pdf.setOcrStrategy(PDFParserConfig.OCR_STRATEGY.NO_OCR);
        pdf.setCatchIntermediateIOExceptions(true);  // a damaged page loses that page, not the document
        context.set(PDFParserConfig.class, pdf);
        return context;
    }

    /** The first cause that says why, in the researcher's words. */
    private static Refusal explain(Throwable failure, String format) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ParagraphText.TooLong) return tooManyCharacters();
            if (t instanceof EncryptedDocumentException
                    || t.getClass().getName().endsWith("InvalidPasswordException")
                    || (t.getClass().getName().startsWith("org.apache.poi") && t.getClass().getSimpleName().contains("Encrypted"))) {
                return passwordProtected();
            }
            if (t instanceof ZeroByteFileException) return new Refusal("the file is empty");
            String message = String.valueOf(t.getMessage());
            if (message.toLowerCase(Locale.ROOT).contains("zip bomb") && message.contains("nesting")) {
                // Tika's guard against deep nesting speaks of a zip bomb, whatever the format
                return new Refusal("its elements are nested deeper than in any document (" + Refusal.quote(message)
                        + "); it may be damaged, or made to break readers");
            }
            if (message.toLowerCase(Locale.ROOT).contains("zip bomb")) {
                return new Refusal("it looks like a zip bomb, not a document (" + Refusal.quote(message) + "); Tamga did not unpack it");
            }
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        String detail = Refusal.quote(root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage());
        detail = detail.strip().replaceAll("[.\\s]+$", "");
        // a parser that overflows its stack, runs out of memory or fails its own assertion (a JVM run with -ea)
        // on a damaged file could not read that file; any other Error is no fault of the file
        if (failure instanceof Error && !(failure instanceof StackOverflowError) && !(failure instanceof OutOfMemoryError)
                && !(failure instanceof AssertionError)) {
            throw (Error) failure;
        }
        return new Refusal("it could not be read as " + articled(format) + " (" + detail + "); it may be damaged", failure);
    }

    private static String articled(String format) {
        return switch (format) {
            case "docx", "docm", "dotx", "doc" -> "a Word document";
            case "odt", "ott" -> "a LibreOffice document";
            case "rtf" -> "an RTF document";
            case "pdf" -> "a PDF";
            default -> "an HTML page";
        };
    }

    private static String value(Metadata m, Property p) {
        String v = m.get(p);
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static String authors(Metadata m) {
        String[] values = m.getValues(TikaCoreProperties.CREATOR);
        List<String> names = java.util.Arrays.stream(values).filter(v -> v != null && !v.isBlank()).map(String::strip).distinct().toList();
        return names.isEmpty() ? null : String.join("; ", names);
    }

    private static Instant date(Metadata m, Property p) {
        try {
            Date d = m.getDate(p);
            // Word 97 files without a date say 1601-01-01 (a zero FILETIME): no date at all
            return d == null || d.toInstant().isBefore(Instant.parse("1950-01-01T00:00:00Z")) ? null : d.toInstant();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
