package org.tamga;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xwpf.usermodel.XWPFComment;
import org.apache.poi.xwpf.usermodel.XWPFComments;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFootnote;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import java.util.Locale;

/** Documents of every format Tamga imports, made by the tests themselves (no fixture files to trust). */
public final class Fixtures {
    private Fixtures() {}

    /** A copy of a fixture from src/test/resources/fixtures. */
    public static Path resource(String name, Path target) throws IOException {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + name)) {
            if (in == null) throw new IOException("missing fixture " + name);
            Files.createDirectories(target.toAbsolutePath().getParent());
            Files.copy(in, target);
        }
        return target;
    }

    /** A .docx with a title, an author, and one paragraph per string. */
    public static Path docx(Path file, String title, String author, List<String> paragraphs) throws IOException {
        try (XWPFDocument doc = new XWPFDocument()) {
            doc.getProperties().getCoreProperties().setTitle(title);
            doc.getProperties().getCoreProperties().setCreator(author);
            for (String p : paragraphs) doc.createParagraph().createRun().setText(p);
            save(doc, file);
        }
        return file;
    }

    /**
     * A .docx with what Word transcripts have besides paragraphs: an empty paragraph, a table, a
     * footnote, a comment and a soft line break.
     */
    public static Path richDocx(Path file) throws IOException {
        try (XWPFDocument doc = new XWPFDocument()) {
            doc.getProperties().getCoreProperties().setTitle("访谈03 村干部");
            doc.getProperties().getCoreProperties().setCreator("Saran");
            doc.getProperties().getCoreProperties().setCreated(java.util.Optional.of(java.util.Date.from(java.time.LocalDate.of(2025, 7, 14).atStartOfDay(java.time.ZoneOffset.UTC).toInstant())));
            doc.createParagraph().createRun().setText("访谈者：村里有多少贫困户？");
            doc.createParagraph();
            XWPFParagraph answer = doc.createParagraph();
            XWPFComments comments = doc.createComments();
            XWPFComment comment = comments.createComment(BigInteger.ONE);
            comment.setAuthor("Li Wei");
            comment.createParagraph().createRun().setText("核实数字");
            answer.getCTP().addNewCommentRangeStart().setId(BigInteger.ONE);
            answer.createRun().setText("受访者：以前有三十二户，");
            XWPFFootnote note = doc.createFootnote();
            note.createParagraph().createRun().setText("2019年的统计。");
            XWPFRun withNote = answer.createRun();
            withNote.setText("现在都脱贫了。");
            withNote.getCTR().addNewFootnoteReference().setId(note.getId());
            answer.getCTP().addNewCommentRangeEnd().setId(BigInteger.ONE);
            answer.createRun().getCTR().addNewCommentReference().setId(BigInteger.ONE);
            XWPFParagraph soft = doc.createParagraph();
            XWPFRun r = soft.createRun();
            r.setText("访谈者：靠什么？");
            r.addBreak();
            r.setText("受访者：靠养牛。");
            XWPFTable table = doc.createTable(2, 2);
            table.getRow(0).getCell(0).setText("年份");
            table.getRow(0).getCell(1).setText("户数");
            table.getRow(1).getCell(0).setText("2019");
            table.getRow(1).getCell(1).setText("32");
            doc.createParagraph().createRun().setText("访谈者：谢谢。");
            save(doc, file);
        }
        return file;
    }

    private static void save(XWPFDocument doc, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            doc.write(out);
        }
    }

    /** The .docx encrypted with a password, as Word writes it (an OLE2 container holding the encrypted package). */
    public static Path encrypt(Path docx, Path out, String password) throws Exception {
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
            Encryptor encryptor = info.getEncryptor();
            encryptor.confirmPassword(password);
            Path copy = Files.createTempFile(out.toAbsolutePath().getParent(), "plain", ".docx");
            Files.copy(docx, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            try (OPCPackage opc = OPCPackage.open(copy.toFile(), PackageAccess.READ_WRITE);
                 OutputStream os = encryptor.getDataStream(fs)) {
                opc.save(os);
                opc.revert();
            }
            Files.deleteIfExists(copy);
            try (OutputStream o = Files.newOutputStream(out)) {
                fs.writeFilesystem(o);
            }
        }
        return out;
    }

    /** A .docx whose document part unpacks from ~100 KB to {@code megabytes} MB of one letter. */
    public static Path zipBombDocx(Path file, int megabytes) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            put(zip, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                    + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                    + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>");
            put(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>");
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
                    + "<w:body><w:p><w:r><w:t>").getBytes(StandardCharsets.UTF_8));
            byte[] chunk = new byte[1024 * 1024];
            java.util.Arrays.fill(chunk, (byte) 'a');
            for (int i = 0; i < megabytes; i++) zip.write(chunk);
            zip.write("</w:t></w:r></w:p></w:body></w:document>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return file;
    }

    /** An .odt (LibreOffice, WPS) with a title, an author, paragraphs, a table and a footnote, zipped as the ODF standard says. */
    public static Path odt(Path file, String title, String author, List<String> paragraphs) throws IOException {
        StringBuilder body = new StringBuilder();
        for (String p : paragraphs) body.append("<text:p>").append(xml(p)).append("</text:p>");
        body.append("<text:p>带脚注的句子<text:note text:note-class=\"footnote\"><text:note-citation>1</text:note-citation>"
                + "<text:note-body><text:p>脚注的内容。</text:p></text:note-body></text:note>。</text:p>");
        body.append("<table:table><table:table-row><table:table-cell><text:p>牛</text:p></table:table-cell>"
                + "<table:table-cell><text:p>11</text:p></table:table-cell></table:table-row></table:table>");
        String ns = "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" "
                + "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" xmlns:meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:1.0\" "
                + "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\"";
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            byte[] mime = "application/vnd.oasis.opendocument.text".getBytes(StandardCharsets.US_ASCII);
            ZipEntry m = new ZipEntry("mimetype");
            m.setMethod(ZipEntry.STORED);
            m.setSize(mime.length);
            CRC32 crc = new CRC32();
            crc.update(mime);
            m.setCrc(crc.getValue());
            zip.putNextEntry(m);
            zip.write(mime);
            zip.closeEntry();
            put(zip, "META-INF/manifest.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><manifest:manifest " + ns + " manifest:version=\"1.2\">"
                    + "<manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"application/vnd.oasis.opendocument.text\"/>"
                    + "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>"
                    + "<manifest:file-entry manifest:full-path=\"meta.xml\" manifest:media-type=\"text/xml\"/></manifest:manifest>");
            put(zip, "meta.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-meta " + ns + " office:version=\"1.2\"><office:meta>"
                    + "<dc:title>" + xml(title) + "</dc:title><meta:initial-creator>" + xml(author) + "</meta:initial-creator>"
                    + "<dc:creator>" + xml(author) + "</dc:creator><meta:creation-date>2025-07-12T09:30:00</meta:creation-date>"
                    + "<dc:date>2025-07-13T18:00:00</dc:date></office:meta></office:document-meta>");
            put(zip, "content.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content " + ns + " office:version=\"1.2\">"
                    + "<office:body><office:text>" + body + "</office:text></office:body></office:document-content>");
        }
        return file;
    }

    private static void put(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private static String xml(String s) { return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"); }

    /**
     * An RTF file as Word or WPS writes it for Chinese or Japanese: the text in a code page
     * ({@code \ansicpg936} GBK, {@code \ansicpg932} Shift-JIS) as {@code \'xx} escapes.
     */
    public static Path rtf(Path file, int codePage, String title, List<String> paragraphs) throws IOException {
        Charset cs = Charset.forName(codePage == 936 ? "GBK" : codePage == 932 ? "Shift_JIS" : "windows-" + codePage);
        int fcharset = codePage == 936 ? 134 : codePage == 932 ? 128 : 0;
        StringBuilder rtf = new StringBuilder("{\\rtf1\\ansi\\ansicpg" + codePage + "\\deff0{\\fonttbl{\\f0\\fnil\\fcharset" + fcharset
                + " SimSun;}}{\\info{\\title " + escape(title, cs) + "}{\\author Tamga tests}}\n\\f0 ");
        for (String p : paragraphs) rtf.append(escape(p, cs)).append("\\par\n");
        rtf.append("}");
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, rtf, StandardCharsets.US_ASCII);
        return file;
    }

    private static String escape(String text, Charset cs) {
        StringBuilder b = new StringBuilder();
        text.codePoints().forEach(cp -> {
            if (cp == '\\' || cp == '{' || cp == '}') b.append('\\').appendCodePoint(cp);
            else if (cp < 0x80) b.appendCodePoint(cp);
            else for (byte x : new String(Character.toChars(cp)).getBytes(cs)) b.append(String.format(Locale.ROOT, "\\'%02x", x & 0xFF));
        });
        return b.toString();
    }

    /** A PDF with a text layer (Helvetica, so Latin text), lines as given ("" = a blank line), title and author. */
    public static Path pdf(Path file, String title, String author, List<String> lines) throws IOException {
        try (PDDocument doc = textPdf(title, author, lines)) {
            Files.createDirectories(file.toAbsolutePath().getParent());
            doc.save(file.toFile());
        }
        return file;
    }

    /** The same, encrypted: with a password needed to open it (userPassword not empty) or only restricting copying ("" as user password). */
    public static Path encryptedPdf(Path file, String userPassword, List<String> lines) throws IOException {
        try (PDDocument doc = textPdf("secret", "someone", lines)) {
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-password", userPassword, new AccessPermission());
            policy.setEncryptionKeyLength(128);
            doc.protect(policy);
            doc.save(file.toFile());
        }
        return file;
    }

    private static PDDocument textPdf(String title, String author, List<String> lines) throws IOException {
        PDDocument doc = new PDDocument();
        PDPage page = new PDPage();
        doc.addPage(page);
        try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
            cs.beginText();
            cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 11);
            cs.setLeading(14);
            cs.newLineAtOffset(50, 740);
            for (String line : lines) {
                if (!line.isEmpty()) cs.showText(line);
                cs.newLine();
            }
            cs.endText();
        }
        doc.getDocumentInformation().setTitle(title);
        doc.getDocumentInformation().setAuthor(author);
        Calendar created = new GregorianCalendar(TimeZone.getTimeZone("UTC"), Locale.ROOT);
        created.clear();
        created.set(2024, Calendar.MARCH, 5, 10, 0, 0);
        doc.getDocumentInformation().setCreationDate(created);
        return doc;
    }

    /** A scanned page: a PDF whose only page is a picture, with no text layer. */
    public static Path scannedPdf(Path file) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            BufferedImage scan = new BufferedImage(200, 100, BufferedImage.TYPE_INT_RGB);
            for (int x = 0; x < 200; x++) for (int y = 0; y < 100; y++) scan.setRGB(x, y, (x * y) % 2 == 0 ? 0xFFFFFF : 0x202020);
            PDImageXObject image = LosslessFactory.createFromImage(doc, scan);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.drawImage(image, 50, 500, 400, 200);
            }
            doc.save(file.toFile());
        }
        return file;
    }

    /** The first {@code keep} bytes of a file, as an interrupted download leaves it. */
    public static Path truncated(Path source, Path out, int keep) throws IOException {
        byte[] all = Files.readAllBytes(source);
        Files.write(out, java.util.Arrays.copyOf(all, Math.min(keep, all.length)));
        return out;
    }
}
