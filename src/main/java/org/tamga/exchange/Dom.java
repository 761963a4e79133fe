package org.tamga.exchange;

import org.w3c.dom.Element;
import org.w3c.dom.Node;

import java.util.ArrayList;
import java.util.List;

/** Small helpers for reading and writing REFI-QDA XML: elements are matched by local name, so files without the namespace read too. */
final class Dom {
    private Dom() {}

    static Element child(Element parent, String localName) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element el && localName.equals(el.getLocalName())) return el;
        }
        return null;
    }

    static List<Element> children(Element parent, String localName) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element el && localName.equals(el.getLocalName())) out.add(el);
        }
        return out;
    }

    /** The text of a child element, or null when there is no such child. */
    static String childText(Element parent, String localName) {
        Element c = child(parent, localName);
        return c == null ? null : c.getTextContent();
    }

    /** An attribute's value, stripped; null when absent or blank. */
    static String attribute(Element e, String name) {
        if (!e.hasAttribute(name)) return null;
        String v = e.getAttribute(name).strip();
        return v.isEmpty() ? null : v;
    }

    /**
     * Text that XML 1.0 can carry: characters XML forbids (most control characters, lone
     * surrogates, U+FFFE/U+FFFF) are dropped, so a stray control character in a memo cannot make
     * the whole exported file unreadable.
     */
    static String clean(String s) {
        if (s == null) return null;
        StringBuilder out = null;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int n = Character.charCount(cp);
            boolean ok = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF)
                    || (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
            if (!ok && out == null) out = new StringBuilder(s.length()).append(s, 0, i);
            if (ok && out != null) out.appendCodePoint(cp);
            i += n;
        }
        return out == null ? s : out.toString();
    }
}
