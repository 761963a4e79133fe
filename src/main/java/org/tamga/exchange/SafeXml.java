package org.tamga.exchange;

import org.tamga.model.OneLine;
import org.tamga.util.XmlDeclaration;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * XML from other people's files, parsed without DTDs, external entities or entity expansion:
 * a file that declares a DOCTYPE is refused (no XXE, no "billion laughs").
 */
final class SafeXml {
    private SafeXml() {}

    static Document parse(InputStream raw, String fileName) throws ExchangeException {
        try {
            BufferedInputStream in = new BufferedInputStream(raw);
            checkDeclaration(in, fileName);
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder builder = f.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(in);
        } catch (SAXParseException e) {
            String reason = e.getMessage() != null && e.getMessage().contains("DOCTYPE")
                    ? "it declares a DOCTYPE, which Tamga refuses for safety (no DTDs or external entities)"
                    : "it is not well-formed XML (line " + e.getLineNumber() + ": " + OneLine.of(e.getMessage(), 300) + ")";
            throw new ExchangeException(fileName, reason);
        } catch (SAXException e) {
            throw new ExchangeException(fileName, "it is not well-formed XML (" + OneLine.of(e.getMessage(), 300) + ")");
        } catch (ParserConfigurationException | IOException e) {
            throw new ExchangeException(fileName, "it could not be read (" + OneLine.of(e.getMessage(), 300) + ")");
        }
    }

    /** A declaration that does not end soon is refused before the parser sees it ({@link XmlDeclaration}). */
    private static void checkDeclaration(BufferedInputStream in, String fileName) throws IOException {
        in.mark(XmlDeclaration.LOOK_AHEAD_BYTES);
        byte[] head = in.readNBytes(XmlDeclaration.LOOK_AHEAD_BYTES);
        in.reset();
        if (XmlDeclaration.isDamaged(head, head.length)) {
            throw new ExchangeException(fileName, "it is not well-formed XML (its declaration <?xml \u2026 ?> does not end within "
                    + XmlDeclaration.MAX_CHARACTERS + " characters)");
        }
    }
}
