package org.tamga.core;

import org.tamga.model.Attribute;
import org.tamga.model.Case;
import org.tamga.model.Document;
import org.tamga.model.TamgaException;
import org.tamga.store.ProjectStore;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Cases (units of analysis: a person, a household, a village), the documents that belong to them,
 * and attributes (county, gender, age, poverty status …) with their values on documents and cases.
 * A document's value of an attribute is its own, else that of its cases (see docs/adr/0023).
 */
public final class CaseService {
    private final ProjectSession session;

    CaseService(ProjectSession session) { this.session = session; }

    private ProjectStore store() { return session.store(); }

    public List<Attribute> attributes() { return store().attributes().all(); }

    public List<Case> cases() { return store().cases().all(); }

    /** The attribute called {@code name} (any case). */
    public Attribute attribute(String name) {
        return store().attributes().byName(name).orElseThrow(() -> new TamgaException("No attribute \u201C" + name
                + "\u201D in the project" + (attributes().isEmpty() ? " (it has none yet)." : ".")));
    }

    /** The case called {@code name} (any case), if the project has one. */
    public java.util.Optional<Case> findCase(String name) { return store().cases().byName(name); }

    /** The case called {@code name} (any case). */
    public Case resolveCase(String name) {
        return store().cases().byName(name).orElseThrow(() -> new TamgaException("No case \u201C" + name
                + "\u201D in the project" + (cases().isEmpty() ? " (it has none yet)." : ".")));
    }

    /** Makes an attribute; one of this name must not exist yet. */
    public Attribute define(String name, Attribute.Type type) {
        String n = name(name, "An attribute");
        return store().inTransaction(() -> {
            if (store().attributes().byName(n).isPresent()) throw new TamgaException("The attribute \u201C" + n + "\u201D exists already.");
            return store().attributes().insert(null, n, type, null);
        });
    }

    /** Makes a case; one of this name must not exist yet. */
    public Case createCase(String name, String memo) {
        String n = name(name, "A case");
        return store().inTransaction(() -> {
            if (store().cases().byName(n).isPresent()) throw new TamgaException("The case \u201C" + n + "\u201D exists already.");
            return store().cases().insert(null, n, memo == null || memo.isBlank() ? null : memo.strip());
        });
    }

    /** Puts documents in the case called {@code name}, which is made if the project has none of that name; returns how many were new to it. */
    public int addToCase(String name, List<Document> documents) {
        return store().inTransaction(() -> {
            Case c = store().cases().byName(name).orElseGet(() -> createCase(name, null));
            int added = 0;
            for (Document d : documents) if (store().cases().addDocument(c.id(), d.id())) added++;
            return added;
        });
    }

    /** Deletes a case, its values and its list of documents; the documents themselves stay. */
    public void deleteCase(Case c) { store().cases().delete(c.id()); }

    /** Takes documents out of a case; returns how many were in it. */
    public int removeFromCase(Case c, List<Document> documents) {
        return store().inTransaction(() -> {
            int removed = 0;
            for (Document d : documents) if (store().cases().removeDocument(c.id(), d.id())) removed++;
            return removed;
        });
    }

    /**
     * Sets a document's value of an attribute (made with {@code typeIfNew}, or as text, when the
     * project has none of that name); a blank value removes it. Returns the value as stored.
     */
    public String setValue(Document document, String attributeName, String value, Attribute.Type typeIfNew) {
        return setValue(attributeName, value, typeIfNew, (a, v) -> store().attributes().setDocumentValue(document.id(), a.id(), v));
    }

    /** Sets one attribute's value of many documents, all or none (one transaction): e.g. an imported table of interviewees. */
    public void setValues(String attributeName, Map<Document, String> values, Attribute.Type typeIfNew) {
        store().inTransaction(() -> {
            values.forEach((d, v) -> setValue(d, attributeName, v, typeIfNew));
            return null;
        });
    }

    /** Sets a case's value of an attribute, as {@link #setValue(Document, String, String, Attribute.Type)} does a document's. */
    public String setValue(Case c, String attributeName, String value, Attribute.Type typeIfNew) {
        return setValue(attributeName, value, typeIfNew, (a, v) -> store().cases().setValue(c.id(), a.id(), v));
    }

    private String setValue(String attributeName, String value, Attribute.Type typeIfNew, java.util.function.BiConsumer<Attribute, String> store) {
        return store().inTransaction(() -> {
            Attribute a = attributeFor(attributeName, value, typeIfNew);
            String v = checked(a, value);
            store.accept(a, v);
            return v;
        });
    }

    private Attribute attributeFor(String name, String value, Attribute.Type typeIfNew) {
        var existing = store().attributes().byName(name(name, "An attribute"));
        if (existing.isPresent()) {
            if (typeIfNew != null && existing.get().type() != typeIfNew) {
                throw new TamgaException("The attribute \u201C" + existing.get().name() + "\u201D holds " + existing.get().type().word()
                        + " values, not " + typeIfNew.word() + ".");
            }
            return existing.get();
        }
        if (value == null || value.isBlank()) throw new TamgaException("No attribute \u201C" + name.strip() + "\u201D in the project.");
        return store().attributes().insert(null, name.strip(), typeIfNew == null ? Attribute.Type.TEXT : typeIfNew, null);
    }

    /** The value in its stored form, null for a blank one; refused with a message when it does not fit the attribute's type. */
    static String checked(Attribute a, String value) {
        if (value == null || value.isBlank()) return null;
        String v = a.type().normalise(a.type() == Attribute.Type.TEXT ? value.strip() : value);
        if (v == null) {
            throw new TamgaException("\u201C" + value.strip() + "\u201D is not a value of the attribute \u201C" + a.name() + "\u201D ("
                    + a.type().word() + "): give " + a.type().example() + ".");
        }
        return v;
    }

    private static String name(String name, String what) {
        if (name == null || name.isBlank()) throw new TamgaException(what + " needs a name.");
        return name.strip();
    }

    /** One case with its documents and its own values (attribute name → value, in the attributes' order). */
    public record CaseView(Case c, List<Document> documents, Map<String, String> values) {}

    public List<CaseView> caseViews() {
        return store().inTransaction(() -> {
            List<Attribute> attributes = attributes();
            Map<Long, Document> docs = documentsById();
            Map<Long, List<Long>> members = store().cases().documents();
            Map<Long, Map<Long, String>> values = store().cases().values();
            List<CaseView> out = new ArrayList<>();
            for (Case c : cases()) {
                List<Document> in = members.getOrDefault(c.id(), List.of()).stream().map(docs::get).toList();
                out.add(new CaseView(c, in, named(attributes, values.getOrDefault(c.id(), Map.of()))));
            }
            return out;
        });
    }

    /**
     * A document's cases and attribute values: {@code own} are its own, {@code values} what holds
     * for it (its own, else those of its cases; two cases with different values give both, joined by "; ").
     */
    public record DocumentAttributes(Document document, List<String> cases, Map<String, String> own, Map<String, String> values) {}

    public DocumentAttributes of(Document document) {
        return store().inTransaction(() -> attributesOf(document, attributes(), store().attributes().documentValues(document.id()),
                store().cases().ofDocument(document.id()), store().cases().values()));
    }

    /** Every document's cases and attribute values, in the documents' order. */
    public List<DocumentAttributes> table() {
        return store().inTransaction(() -> {
            List<Attribute> attributes = attributes();
            Map<Long, Map<Long, String>> own = store().attributes().allDocumentValues();
            Map<Long, Map<Long, String>> caseValues = store().cases().values();
            Map<Long, List<Long>> members = store().cases().documents();
            Map<Long, List<Case>> casesOf = new LinkedHashMap<>();
            for (Case c : cases()) { // by name, so each document's cases are too
                for (long d : members.getOrDefault(c.id(), List.of())) casesOf.computeIfAbsent(d, k -> new ArrayList<>()).add(c);
            }
            List<DocumentAttributes> out = new ArrayList<>();
            for (Document d : session.documents().all()) {
                out.add(attributesOf(d, attributes, own.getOrDefault(d.id(), Map.of()), casesOf.getOrDefault(d.id(), List.of()), caseValues));
            }
            return out;
        });
    }

    /** @param in the document's cases, by name */
    private static DocumentAttributes attributesOf(Document d, List<Attribute> attributes, Map<Long, String> mine, List<Case> in,
                                                   Map<Long, Map<Long, String>> caseValues) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Attribute a : attributes) {
            String v = mine.get(a.id());
            if (v == null) {
                Set<String> fromCases = new LinkedHashSet<>();
                for (Case c : in) {
                    String cv = caseValues.getOrDefault(c.id(), Map.of()).get(a.id());
                    if (cv != null) fromCases.add(cv);
                }
                if (!fromCases.isEmpty()) v = String.join("; ", fromCases);
            }
            if (v != null) values.put(a.name(), v);
        }
        return new DocumentAttributes(d, in.stream().map(Case::name).toList(), named(attributes, mine), values);
    }

    /**
     * The documents for which every named attribute holds the given value (names and text values in
     * any case; a number or date as its type reads it, so 054 finds 54; a document that has two
     * values through two cases matches either). Refused when an attribute does not exist or no
     * document matches, so that an empty answer is never taken for "all documents".
     */
    public List<Document> documentsWhere(Map<String, String> wanted) {
        return store().inTransaction(() -> {
            Map<String, String> normal = new LinkedHashMap<>();
            for (var e : wanted.entrySet()) {
                Attribute a = attribute(e.getKey());
                String v = a.type() == Attribute.Type.TEXT ? e.getValue().strip() : a.type().normalise(e.getValue());
                if (v == null) checked(a, e.getValue()); // says why the value cannot be one of this attribute
                normal.put(a.name(), v);
            }
            List<Document> out = new ArrayList<>();
            rows:
            for (DocumentAttributes row : table()) {
                for (var e : normal.entrySet()) {
                    String held = row.values().get(e.getKey());
                    if (held == null) continue rows;
                    boolean any = false;
                    for (String part : row.own().containsKey(e.getKey()) ? List.of(held) : List.of(held.split("; "))) {
                        if (part.equalsIgnoreCase(e.getValue())) { any = true; break; }
                    }
                    if (!any) continue rows;
                }
                out.add(row.document());
            }
            if (out.isEmpty()) {
                throw new TamgaException("No document has " + normal.entrySet().stream().map(e -> e.getKey() + " = " + e.getValue())
                        .collect(java.util.stream.Collectors.joining(" and ")) + ".");
            }
            return out;
        });
    }

    /** Every attribute with the values documents have of it (their own or their cases'), each value once, sorted. */
    public Map<String, List<String>> valuesInUse() {
        Map<String, java.util.TreeSet<String>> seen = new LinkedHashMap<>();
        for (Attribute a : attributes()) seen.put(a.name(), new java.util.TreeSet<>(String.CASE_INSENSITIVE_ORDER));
        for (DocumentAttributes row : table()) {
            row.values().forEach((name, value) -> {
                if (row.own().containsKey(name)) seen.get(name).add(value);
                else for (String part : value.split("; ")) seen.get(name).add(part);
            });
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        seen.forEach((name, values) -> out.put(name, List.copyOf(values)));
        return out;
    }

    private Map<Long, Document> documentsById() {
        Map<Long, Document> out = new LinkedHashMap<>();
        for (Document d : session.documents().all()) out.put(d.id(), d);
        return out;
    }

    private static Map<String, String> named(List<Attribute> attributes, Map<Long, String> values) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Attribute a : attributes) if (values.containsKey(a.id())) out.put(a.name(), values.get(a.id()));
        return out;
    }
}
