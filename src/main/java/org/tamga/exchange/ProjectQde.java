package org.tamga.exchange;

import org.tamga.exchange.QdpxProject.Case;
import org.tamga.exchange.QdpxProject.Coding;
import org.tamga.exchange.QdpxProject.Link;
import org.tamga.exchange.QdpxProject.Note;
import org.tamga.exchange.QdpxProject.OtherSelection;
import org.tamga.exchange.QdpxProject.Selection;
import org.tamga.exchange.QdpxProject.Source;
import org.tamga.exchange.QdpxProject.SourceKind;
import org.tamga.exchange.QdpxProject.User;
import org.tamga.exchange.QdpxProject.Variable;
import org.tamga.exchange.QdpxProject.VariableValue;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The XML of {@code project.qde}: read leniently (every tool's quirks are tolerated and what had
 * to be repaired is reported), written strictly (valid against the REFI-QDA project schema).
 * Elements are matched by local name, so a file in an older or no namespace still reads.
 */
final class ProjectQde {
    static final String NAMESPACE = "urn:QDA-XML:project:1.0";

    private ProjectQde() {}

    // ---- reading ------------------------------------------------------------------------------

    static QdpxProject read(InputStream in, String fileName) {
        Document xml = SafeXml.parse(in, fileName);
        Element root = xml.getDocumentElement();
        if (!"Project".equals(root.getLocalName())) {
            throw new ExchangeException(fileName, "it is not a REFI-QDA project (its root element is <"
                    + root.getLocalName() + ">, not <Project>)");
        }
        return new Reader().project(root);
    }

    private static final class Reader {
        final List<String> warnings = new ArrayList<>();
        /** Reference to a code as the file writes it → the GUID the code was read with. */
        final Map<String, String> codeAliases = new HashMap<>();
        int unnamedSources;

        QdpxProject project(Element root) {
            if (!NAMESPACE.equals(root.getNamespaceURI())) {
                warnings.add("the file does not use the REFI-QDA project namespace"
                        + (root.getNamespaceURI() == null ? "" : " (it uses \u201C" + root.getNamespaceURI() + "\u201D)")
                        + "; read it anyway");
            }
            List<User> users = new ArrayList<>();
            Element usersEl = Dom.child(root, "Users");
            if (usersEl != null) {
                for (Element u : Dom.children(usersEl, "User")) {
                    String name = Dom.attribute(u, "name");
                    if (name == null) name = Dom.attribute(u, "id");
                    users.add(new User(id(u, "a user"), name));
                }
            }
            Map<String, List<String>> codeNotes = new LinkedHashMap<>();
            List<CodeNode> codes = List.of();
            Element codeBook = Dom.child(root, "CodeBook");
            if (codeBook != null) {
                codes = CodebookFile.readCodes(Dom.child(codeBook, "Codes"), warnings, (node, element) -> {
                    String raw = Guids.reference(element.getAttribute("guid"));
                    if (raw != null) codeAliases.putIfAbsent(raw, node.guid());
                    List<String> notes = noteRefs(element);
                    if (!notes.isEmpty()) codeNotes.put(node.guid(), notes);
                });
            }
            List<Variable> variables = new ArrayList<>();
            Element varsEl = Dom.child(root, "Variables");
            if (varsEl != null) {
                for (Element v : Dom.children(varsEl, "Variable")) {
                    variables.add(new Variable(id(v, "a variable"), Dom.attribute(v, "name"), Dom.attribute(v, "typeOfVariable"),
                            Dom.childText(v, "Description")));
                }
            }
            List<Case> cases = new ArrayList<>();
            Element casesEl = Dom.child(root, "Cases");
            if (casesEl != null) {
                for (Element c : Dom.children(casesEl, "Case")) {
                    List<String> sources = new ArrayList<>();
                    for (Element r : Dom.children(c, "SourceRef")) add(sources, Guids.reference(r.getAttribute("targetGUID")));
                    cases.add(new Case(id(c, "a case"), Dom.attribute(c, "name"), Dom.childText(c, "Description"), sources, values(c),
                            Dom.children(c, "SelectionRef").size(), Dom.children(c, "CodeRef").size()));
                }
            }
            List<Source> sources = new ArrayList<>();
            Element sourcesEl = Dom.child(root, "Sources");
            if (sourcesEl != null) {
                for (Node n = sourcesEl.getFirstChild(); n != null; n = n.getNextSibling()) {
                    if (!(n instanceof Element e)) continue;
                    switch (e.getLocalName()) {
                        case "TextSource" -> sources.add(textSource(e, SourceKind.TEXT, e));
                        case "PDFSource" -> sources.add(pdfSource(e));
                        case "PictureSource" -> sources.add(mediaSource(e, SourceKind.PICTURE));
                        case "AudioSource" -> sources.add(mediaSource(e, SourceKind.AUDIO));
                        case "VideoSource" -> sources.add(mediaSource(e, SourceKind.VIDEO));
                        default -> warnings.add("an unknown kind of source <" + e.getLocalName() + "> was ignored");
                    }
                }
            }
            List<Note> notes = new ArrayList<>();
            Element notesEl = Dom.child(root, "Notes");
            if (notesEl != null) for (Element n : Dom.children(notesEl, "Note")) notes.add(note(n));
            List<Link> links = new ArrayList<>();
            Element linksEl = Dom.child(root, "Links");
            if (linksEl != null) {
                for (Element l : Dom.children(linksEl, "Link")) {
                    links.add(new Link(id(l, null), Guids.reference(l.getAttribute("originGUID")),
                            Guids.reference(l.getAttribute("targetGUID"))));
                }
            }
            Element setsEl = Dom.child(root, "Sets");
            int sets = setsEl == null ? 0 : Dom.children(setsEl, "Set").size();
            Element graphsEl = Dom.child(root, "Graphs");
            int graphs = graphsEl == null ? 0 : Dom.children(graphsEl, "Graph").size();
            if (unnamedSources > 0) warnings.add(unnamedSources + " sources without a name were named after their GUID");
            String name = Dom.attribute(root, "name");
            return new QdpxProject(name == null ? "" : name, Dom.attribute(root, "origin"),
                    Dom.childText(root, "Description"), ProjectQde.time(root, "creationDateTime"), users, codes, codeNotes,
                    variables, cases, sources, notes, links, noteRefs(root), sets, graphs, warnings);
        }

        /** A text source, or the plain-text representation of a PDF ({@code content} is where its text and selections are). */
        private Source textSource(Element e, SourceKind kind, Element content) {
            String guid = id(e, "a source");
            String name = Dom.attribute(e, "name");
            if (name == null) {
                name = guid;
                unnamedSources++;
            }
            List<Selection> selections = new ArrayList<>();
            if (content != null) for (Element s : Dom.children(content, "PlainTextSelection")) add(selections, selection(s, name));
            // lenient: a PDF's text selections written straight into the PDFSource, without a <Representation>
            if (kind == SourceKind.PDF && content != e) for (Element s : Dom.children(e, "PlainTextSelection")) add(selections, selection(s, name));
            String plainTextContent = content == null ? null : Dom.childText(content, "PlainTextContent");
            String plainTextPath = content == null ? null : Dom.attribute(content, "plainTextPath");
            List<OtherSelection> other = new ArrayList<>();
            if (kind == SourceKind.PDF) {
                for (Element s : Dom.children(e, "PDFSelection")) other.add(new OtherSelection("PDF area", Dom.children(s, "Coding").size()));
            }
            return new Source(kind, guid, name, Dom.childText(e, "Description"), user(e), when(e),
                    plainTextPath, plainTextContent, Dom.attribute(e, "richTextPath"), Dom.attribute(e, "path"),
                    selections, codings(e), noteRefs(e), values(e), other, 0);
        }

        private Source pdfSource(Element e) {
            return textSource(e, SourceKind.PDF, Dom.child(e, "Representation"));
        }

        private Source mediaSource(Element e, SourceKind kind) {
            String guid = id(e, "a source");
            String name = Dom.attribute(e, "name");
            if (name == null) {
                name = guid;
                unnamedSources++;
            }
            List<OtherSelection> other = new ArrayList<>();
            String selectionElement = switch (kind) {
                case PICTURE -> "PictureSelection";
                case AUDIO -> "AudioSelection";
                default -> "VideoSelection";
            };
            String what = kind == SourceKind.PICTURE ? "picture area" : kind.word() + " stretch";
            for (Element s : Dom.children(e, selectionElement)) other.add(new OtherSelection(what, Dom.children(s, "Coding").size()));
            List<Element> transcripts = Dom.children(e, "Transcript");
            for (Element t : transcripts) {
                for (Element s : Dom.children(t, "TranscriptSelection")) {
                    other.add(new OtherSelection("transcript passage", Dom.children(s, "Coding").size()));
                }
            }
            return new Source(kind, guid, name, Dom.childText(e, "Description"), user(e), when(e), null, null,
                    null, Dom.attribute(e, "path"), List.of(), codings(e), noteRefs(e), values(e), other, transcripts.size());
        }

        private Selection selection(Element s, String sourceName) {
            Long start = number(s.getAttribute("startPosition"));
            Long end = number(s.getAttribute("endPosition"));
            if (start == null || end == null) {
                warnings.add("a selection in \u201C" + sourceName + "\u201D without valid positions (start \u201C"
                        + s.getAttribute("startPosition") + "\u201D, end \u201C" + s.getAttribute("endPosition") + "\u201D) was ignored");
                return null;
            }
            return new Selection(id(s, null), Dom.attribute(s, "name"), start, end, Dom.childText(s, "Description"),
                    user(s), when(s), codings(s), noteRefs(s));
        }

        private List<Coding> codings(Element parent) {
            List<Coding> out = new ArrayList<>();
            for (Element c : Dom.children(parent, "Coding")) {
                Element ref = Dom.child(c, "CodeRef");
                String code = ref == null ? null : Guids.reference(ref.getAttribute("targetGUID"));
                if (code != null) code = codeAliases.getOrDefault(code, code);
                out.add(new Coding(id(c, null), code, user(c), when(c), noteRefs(c)));
            }
            return out;
        }

        private Note note(Element n) {
            return new Note(id(n, "a note"), Dom.attribute(n, "name"), Dom.childText(n, "PlainTextContent"),
                    Dom.attribute(n, "plainTextPath"), Dom.childText(n, "Description"), user(n), ProjectQde.time(n, "creationDateTime"),
                    ProjectQde.time(n, "modifiedDateTime"));
        }

        private List<VariableValue> values(Element parent) {
            List<VariableValue> out = new ArrayList<>();
            for (Element v : Dom.children(parent, "VariableValue")) {
                Element ref = Dom.child(v, "VariableRef");
                String value = null;
                for (Node n = v.getFirstChild(); n != null; n = n.getNextSibling()) {
                    if (n instanceof Element el && el.getLocalName().endsWith("Value")) value = el.getTextContent().strip();
                }
                out.add(new VariableValue(ref == null ? null : Guids.reference(ref.getAttribute("targetGUID")), value));
            }
            return out;
        }

        private static List<String> noteRefs(Element parent) {
            List<String> out = new ArrayList<>();
            for (Element r : Dom.children(parent, "NoteRef")) add(out, Guids.reference(r.getAttribute("targetGUID")));
            return out;
        }

        /** The element's GUID, normalised; kept as written when it is malformed (core replaces it), new when missing. */
        private String id(Element e, String what) {
            String ref = Guids.reference(e.getAttribute("guid"));
            if (ref != null) return ref;
            if (what != null) warnings.add(what + " without a GUID was given a new one");
            return Guids.fresh();
        }

        /** Who made it: {@code creatingUser}, else {@code modifyingUser} (QualCoder reads it so too). */
        private static String user(Element e) {
            String u = Guids.reference(e.getAttribute("creatingUser"));
            return u != null ? u : Guids.reference(e.getAttribute("modifyingUser"));
        }

        private static Instant when(Element e) {
            Instant t = ProjectQde.time(e, "creationDateTime");
            return t != null ? t : ProjectQde.time(e, "modifiedDateTime");
        }

        private static <T> void add(List<T> list, T item) { if (item != null) list.add(item); }
    }

    /** An {@code xsd:dateTime}; without a zone (Transana writes them so) it is taken as UTC; null when unreadable. */
    static Instant time(Element e, String attribute) {
        String v = Dom.attribute(e, attribute);
        if (v == null) return null;
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException ignored) {
            try {
                return LocalDateTime.parse(v).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException alsoIgnored) {
                return null;
            }
        }
    }

    private static Long number(String s) {
        if (s == null) return null;
        try {
            return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    // ---- writing ------------------------------------------------------------------------------

    /** The XML of a project Tamga exports: text sources only, every element in the schema's order. */
    static byte[] write(QdpxProject p) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.writeCharacters("\n");
            w.writeStartElement("Project");
            w.writeDefaultNamespace(NAMESPACE);
            w.writeAttribute("name", Dom.clean(p.name()));
            if (p.origin() != null) w.writeAttribute("origin", Dom.clean(p.origin()));
            if (p.created() != null) w.writeAttribute("creationDateTime", dateTime(p.created()));
            if (!p.users().isEmpty()) {
                start(w, 1, "Users");
                for (User u : p.users()) {
                    empty(w, 2, "User");
                    w.writeAttribute("guid", u.guid());
                    if (u.name() != null) w.writeAttribute("name", Dom.clean(u.name()));
                }
                end(w, 1);
            }
            if (!p.codes().isEmpty()) {
                start(w, 1, "CodeBook");
                start(w, 2, "Codes");
                CodebookFile.writeCodes(w, p.codes(), 3, c -> p.codeNotes().getOrDefault(c.guid(), List.of()));
                end(w, 2);
                end(w, 1);
            }
            Map<String, String> types = new HashMap<>();
            if (!p.variables().isEmpty()) {
                start(w, 1, "Variables");
                for (Variable v : p.variables()) {
                    types.put(v.guid(), v.type());
                    boolean described = v.description() != null && !v.description().isBlank();
                    if (described) start(w, 2, "Variable"); else empty(w, 2, "Variable");
                    w.writeAttribute("guid", v.guid());
                    w.writeAttribute("name", Dom.clean(v.name()));
                    w.writeAttribute("typeOfVariable", v.type());
                    if (described) {
                        text(w, 3, "Description", v.description());
                        end(w, 2);
                    }
                }
                end(w, 1);
            }
            if (!p.cases().isEmpty()) {
                start(w, 1, "Cases");
                for (Case c : p.cases()) {
                    start(w, 2, "Case");
                    w.writeAttribute("guid", c.guid());
                    if (c.name() != null) w.writeAttribute("name", Dom.clean(c.name()));
                    if (c.description() != null && !c.description().isBlank()) text(w, 3, "Description", c.description());
                    for (VariableValue v : c.values()) writeValue(w, 3, v, types.get(v.variable()));
                    for (String source : c.sources()) {
                        empty(w, 3, "SourceRef");
                        w.writeAttribute("targetGUID", source);
                    }
                    end(w, 2);
                }
                end(w, 1);
            }
            if (!p.sources().isEmpty()) {
                start(w, 1, "Sources");
                for (Source s : p.sources()) writeSource(w, s, types);
                end(w, 1);
            }
            if (!p.notes().isEmpty()) {
                start(w, 1, "Notes");
                for (Note n : p.notes()) writeNote(w, n);
                end(w, 1);
            }
            if (p.description() != null && !p.description().isBlank()) text(w, 1, "Description", p.description());
            for (String n : p.projectNotes()) noteRef(w, 1, n);
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
     * A value in the element its variable's type names ({@code IntegerValue} …), or as
     * {@code TextValue} when it does not read as one (the schema allows either).
     */
    private static void writeValue(XMLStreamWriter w, int depth, VariableValue v, String type) throws XMLStreamException {
        start(w, depth, "VariableValue");
        empty(w, depth + 1, "VariableRef");
        w.writeAttribute("targetGUID", v.variable());
        String element = "TextValue";
        if (type != null && !type.equals("Text") && v.value() != null && typed(type, v.value())) element = type + "Value";
        text(w, depth + 1, element, v.value() == null ? "" : v.value());
        end(w, depth);
    }

    private static boolean typed(String type, String value) {
        return switch (type) {
            case "Integer" -> value.matches("-?\\d+");
            case "Float" -> value.matches("-?\\d+(\\.\\d+)?");
            case "Boolean" -> value.equals("true") || value.equals("false");
            case "Date" -> value.matches("\\d{4}-\\d{2}-\\d{2}");
            case "DateTime" -> value.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})");
            default -> false;
        };
    }

    private static void writeSource(XMLStreamWriter w, Source s, Map<String, String> types) throws XMLStreamException {
        if (s.kind() != SourceKind.TEXT) throw new IllegalArgumentException("Tamga writes text sources only: " + s.kind());
        start(w, 2, "TextSource");
        w.writeAttribute("guid", s.guid());
        w.writeAttribute("name", Dom.clean(s.name()));
        if (s.plainTextPath() != null) w.writeAttribute("plainTextPath", s.plainTextPath());
        if (s.creatingUser() != null) w.writeAttribute("creatingUser", s.creatingUser());
        if (s.created() != null) w.writeAttribute("creationDateTime", dateTime(s.created()));
        if (s.description() != null && !s.description().isBlank()) text(w, 3, "Description", s.description());
        if (s.plainTextPath() == null) text(w, 3, "PlainTextContent", s.plainTextContent() == null ? "" : s.plainTextContent());
        for (Selection sel : s.selections()) {
            start(w, 3, "PlainTextSelection");
            w.writeAttribute("guid", sel.guid());
            if (sel.name() != null) w.writeAttribute("name", Dom.clean(sel.name()));
            w.writeAttribute("startPosition", Long.toString(sel.start()));
            w.writeAttribute("endPosition", Long.toString(sel.end()));
            if (sel.creatingUser() != null) w.writeAttribute("creatingUser", sel.creatingUser());
            if (sel.created() != null) w.writeAttribute("creationDateTime", dateTime(sel.created()));
            if (sel.description() != null && !sel.description().isBlank()) text(w, 4, "Description", sel.description());
            for (Coding c : sel.codings()) writeCoding(w, 4, c);
            for (String n : sel.notes()) noteRef(w, 4, n);
            end(w, 3);
        }
        for (Coding c : s.codings()) writeCoding(w, 3, c);
        for (String n : s.notes()) noteRef(w, 3, n);
        for (VariableValue v : s.values()) writeValue(w, 3, v, types.get(v.variable()));
        end(w, 2);
    }

    private static void writeCoding(XMLStreamWriter w, int depth, Coding c) throws XMLStreamException {
        start(w, depth, "Coding");
        w.writeAttribute("guid", c.guid());
        if (c.creatingUser() != null) w.writeAttribute("creatingUser", c.creatingUser());
        if (c.created() != null) w.writeAttribute("creationDateTime", dateTime(c.created()));
        empty(w, depth + 1, "CodeRef");
        w.writeAttribute("targetGUID", c.code());
        for (String n : c.notes()) noteRef(w, depth + 1, n);
        end(w, depth);
    }

    private static void writeNote(XMLStreamWriter w, Note n) throws XMLStreamException {
        start(w, 2, "Note");
        w.writeAttribute("guid", n.guid());
        if (n.name() != null) w.writeAttribute("name", Dom.clean(n.name()));
        if (n.creatingUser() != null) w.writeAttribute("creatingUser", n.creatingUser());
        if (n.created() != null) w.writeAttribute("creationDateTime", dateTime(n.created()));
        if (n.modified() != null) w.writeAttribute("modifiedDateTime", dateTime(n.modified()));
        if (n.description() != null && !n.description().isBlank()) text(w, 3, "Description", n.description());
        text(w, 3, "PlainTextContent", n.text() == null ? "" : n.text());
        end(w, 2);
    }

    private static void start(XMLStreamWriter w, int depth, String name) throws XMLStreamException {
        w.writeCharacters("\n" + "  ".repeat(depth));
        w.writeStartElement(name);
    }

    private static void empty(XMLStreamWriter w, int depth, String name) throws XMLStreamException {
        w.writeCharacters("\n" + "  ".repeat(depth));
        w.writeEmptyElement(name);
    }

    private static void end(XMLStreamWriter w, int depth) throws XMLStreamException {
        w.writeCharacters("\n" + "  ".repeat(depth));
        w.writeEndElement();
    }

    private static void text(XMLStreamWriter w, int depth, String name, String text) throws XMLStreamException {
        w.writeCharacters("\n" + "  ".repeat(depth));
        w.writeStartElement(name);
        w.writeCharacters(Dom.clean(text));
        w.writeEndElement();
    }

    private static void noteRef(XMLStreamWriter w, int depth, String note) throws XMLStreamException {
        empty(w, depth, "NoteRef");
        w.writeAttribute("targetGUID", note);
    }

    /** Seconds are enough for exchange, and every tool reads {@code 2026-03-01T10:15:30Z}. */
    static String dateTime(Instant t) { return t.truncatedTo(ChronoUnit.SECONDS).toString(); }
}
