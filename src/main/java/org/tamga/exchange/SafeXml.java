package org.tamga.exchange;

import org.w3c.dom.Document;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.IOException;
import java.io.InputStream;

/**
 * XML from other people's files, parsed without DTDs, external entities or entity expansion:
 * a file that declares a DOCTYPE is refused (no XXE, no "billion laughs").
 */
final class SafeXml {
    private SafeXml() {}

    static Document parse(InputStream in, String fileName) throws ExchangeException {
        try {
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
                    : "it is not well-formed XML (line " + e.getLineNumber() + ": " + e.getMessage() + ")";
            throw new ExchangeException(fileName, reason);
        } catch (SAXException e) {
            throw new ExchangeException(fileName, "it is not well-formed XML (" + e.getMessage() + ")");
        } catch (ParserConfigurationException | IOException e) {
            throw new ExchangeException(fileName, "it could not be read (" + e.getMessage() + ")");
        }
    }
}
