package org.tamga.exchange;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * REFI-QDA codebook files ({@code .qdc}, namespace {@code urn:QDA-XML:codebook:1.0}): read
 * leniently (other tools' quirks are reported as warnings, not refused), written strictly (every
 * file Tamga writes is valid against the REFI-QDA Codebook schema).
 */
public final class CodebookFile {
    public static final String NAMESPACE = "urn:QDA-XML:codebook:1.0";
    /** A codebook is small; anything larger than this is not one. */
    public static final long MAX_BYTES = 32L * 1024 * 1024;
    static final Pattern COLOR = Pattern.compile("#([A-Fa-f0-9]{6}|[A-Fa-f0-9]{3})");

    private CodebookFile() {}

    /** The codes of a codebook file, and what had to be repaired to read it. */
    public record Contents(List<CodeNode> codes, List<String> warnings) {}

    public static Contents read(Path file) {
        String name = file.getFileName().toString();
        try {
            if (!Files.isRegularFile(file)) throw new ExchangeException(name, "no such file");
            if (Files.size(file) == 0) throw new ExchangeException(name, "the file is empty");
            if (Files.size(file) > MAX_BYTES) {
                throw new ExchangeException(name, "it is larger than " + MAX_BYTES / (1024 * 1024) + " MB, too large for a codebook");
            }
            try (InputStream in = Files.newInputStream(file)) {
                return read(in, name);
            }
        } catch (IOException e) {
            throw new ExchangeException(name, e.getMessage());
        }
    }

    public static Contents read(InputStream in, String fileName) {
        Document xml = SafeXml.parse(in, fileName);
        Element root = xml.getDocumentElement();
        if (!"CodeBook".equals(root.getLocalName())) {
            throw new ExchangeException(fileName, "it is not a REFI-QDA codebook (its root element is <"
                    + root.getLocalName() + ">, not <CodeBook>)");
        }
        List<String> warnings = new ArrayList<>();
        if (!NAMESPACE.equals(root.getNamespaceURI())) {
            warnings.add("the file does not use the REFI-QDA codebook namespace; read it anyway");
        }
        List<CodeNode> out = readCodes(Dom.child(root, "Codes"), warnings, CodeListener.NONE);
        if (out.isEmpty()) throw new ExchangeException(fileName, "it contains no codes");
        return new Contents(out, warnings);
    }

    /** Told about each code as it is read, with its element: how a project file finds the notes of its codes. */
    @FunctionalInterface
    interface CodeListener {
        void code(CodeNode node, Element element);
        CodeListener NONE = (node, element) -> { };
    }

    /**
     * The codes below a {@code <Codes>} element (of a {@code .qdc} file or of a project's
     * {@code <CodeBook>}): the one place where REFI-QDA codes are read. Quirks are repaired and
     * reported in {@code warnings}.
     */
    static List<CodeNode> readCodes(Element codes, List<String> warnings, CodeListener listener) {
        List<CodeNode> out = new ArrayList<>();
        if (codes != null) for (Element code : Dom.children(codes, "Code")) out.add(readCode(code, warnings, listener));
        return out;
    }

    private static CodeNode readCode(Element e, List<String> warnings, CodeListener listener) {
        String name = e.getAttribute("name").strip();
        String guid = e.getAttribute("guid").strip();
        if (name.isEmpty()) {
            name = "(unnamed code)";
            warnings.add("a code without a name was named \u201C(unnamed code)\u201D");
        }
        if (!Guids.isValid(guid)) {
            String fresh = Guids.fresh();
            warnings.add("code \u201C" + name + "\u201D had " + (guid.isEmpty() ? "no GUID" : "an invalid GUID \u201C" + guid + "\u201D")
                    + "; it was given " + fresh);
            guid = fresh;
        }
        guid = Guids.normalise(guid);
        String color = e.getAttribute("color").strip();
        if (!color.isEmpty() && !COLOR.matcher(color).matches()) {
            warnings.add("code \u201C" + name + "\u201D had an invalid colour \u201C" + color + "\u201D; it was dropped");
            color = "";
        }
        String codableAttr = e.getAttribute("isCodable").strip();
        boolean codable = codableAttr.isEmpty() || "true".equalsIgnoreCase(codableAttr) || "1".equals(codableAttr);
        Element description = Dom.child(e, "Description");
        List<CodeNode> kids = new ArrayList<>();
        for (Element c : Dom.children(e, "Code")) kids.add(readCode(c, warnings, listener));
        CodeNode node = new CodeNode(guid, name, description == null ? null : description.getTextContent(),
                color.isEmpty() ? null : color.toUpperCase(java.util.Locale.ROOT), codable, kids);
        listener.code(node, e);
        return node;
    }

    /** Writes a codebook valid against the REFI-QDA Codebook schema (checked before the file is replaced). */
    public static void write(List<CodeNode> codes, Path file) {
        if (codes.isEmpty()) throw new org.tamga.model.TamgaException("The codebook is empty: there is nothing to export.");
        byte[] bytes = toBytes(codes);
        validate(bytes, file.getFileName().toString());
        org.tamga.util.AtomicWrite.write(file, bytes);
    }

    static byte[] toBytes(List<CodeNode> codes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.writeCharacters("\n");
            w.writeStartElement("CodeBook");
            w.writeDefaultNamespace(NAMESPACE);
            w.writeAttribute("origin", "Tamga");
            w.writeCharacters("\n  ");
            w.writeStartElement("Codes");
            writeCodes(w, codes, 2, c -> List.of());
            w.writeCharacters("\n  ");
            w.writeEndElement();
            w.writeCharacters("\n");
            w.writeEndElement();
            w.writeCharacters("\n");
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    /**
     * Writes codes (with their children) as REFI-QDA {@code <Code>} elements in the writer's
     * default namespace: the one place where REFI-QDA codes are written, for {@code .qdc} files
     * and for a project's {@code <CodeBook>}. {@code noteRefs} gives the GUIDs of the notes of a
     * code (written as {@code <NoteRef>}, which only the project schema allows).
     */
    static void writeCodes(XMLStreamWriter w, List<CodeNode> codes, int depth,
                           java.util.function.Function<CodeNode, List<String>> noteRefs) throws XMLStreamException {
        for (CodeNode c : codes) writeCode(w, c, depth, noteRefs);
    }

    private static void writeCode(XMLStreamWriter w, CodeNode c, int depth,
                                  java.util.function.Function<CodeNode, List<String>> noteRefs) throws XMLStreamException {
        String indent = "\n" + "  ".repeat(depth);
        w.writeCharacters(indent);
        w.writeStartElement("Code");
        w.writeAttribute("guid", c.guid());
        w.writeAttribute("name", Dom.clean(c.name()));
        w.writeAttribute("isCodable", String.valueOf(c.codable()));
        if (c.color() != null && COLOR.matcher(c.color()).matches()) w.writeAttribute("color", c.color());
        if (c.description() != null && !c.description().isBlank()) {
            w.writeCharacters(indent + "  ");
            w.writeStartElement("Description");
            w.writeCharacters(Dom.clean(c.description()));
            w.writeEndElement();
        }
        for (String note : noteRefs.apply(c)) {
            w.writeCharacters(indent + "  ");
            w.writeEmptyElement("NoteRef");
            w.writeAttribute("targetGUID", note);
        }
        for (CodeNode child : c.children()) writeCode(w, child, depth + 1, noteRefs);
        w.writeCharacters(indent);
        w.writeEndElement();
    }

    /** Checks bytes against the REFI-QDA Codebook schema; throws with the first problem. */
    public static void validate(byte[] bytes, String fileName) {
        try {
            schema().newValidator().validate(new StreamSource(new ByteArrayInputStream(bytes)));
        } catch (SAXException | IOException e) {
            throw new ExchangeException(fileName, "it is not valid against the REFI-QDA codebook schema (" + e.getMessage() + ")");
        }
    }

    private static Schema schema() throws SAXException { return schema("Codebook.xsd"); }

    /** A REFI-QDA schema shipped beside this class, loaded without touching the network. */
    static Schema schema(String resource) throws SAXException {
        SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        URL xsd = CodebookFile.class.getResource(resource);
        return f.newSchema(xsd);
    }

    static String utf8(byte[] b) { return new String(b, StandardCharsets.UTF_8); }
}
