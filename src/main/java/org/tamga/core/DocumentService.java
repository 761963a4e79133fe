package org.tamga.core;

import org.tamga.model.Document;
import org.tamga.model.TamgaException;

import java.util.List;

/** The documents of a project: list, look up by name, read, annotate, delete. */
public final class DocumentService {
    private final ProjectSession session;

    DocumentService(ProjectSession session) { this.session = session; }

    public List<Document> all() { return session.store().documents().all(); }

    /** The document called {@code name} (exact, then case-insensitive, then by its source file name). */
    public Document resolve(String name) {
        var docs = session.store().documents();
        var exact = docs.byName(name);
        if (exact.isPresent()) return exact.get();
        List<Document> all = docs.all();
        List<Document> loose = all.stream().filter(d -> d.name().equalsIgnoreCase(name.strip())
                || name.strip().equals(d.sourceFile())).toList();
        if (loose.size() == 1) return loose.getFirst();
        if (loose.size() > 1) {
            throw new TamgaException("\u201C" + name + "\u201D names " + loose.size() + " documents; give the exact name.");
        }
        throw new TamgaException("No document \u201C" + name + "\u201D in the project"
                + (all.isEmpty() ? " (it has no documents yet)." : "."));
    }

    public String text(Document document) { return session.store().documents().text(document.id()); }

    /** Told about each document's text in turn. */
    @FunctionalInterface
    public interface TextVisitor { void visit(String guid, String name, String text); }

    /** Hands every document's text to {@code visitor}, one at a time, without holding them all in memory. */
    public void forEachText(TextVisitor visitor) { session.store().documents().forEachText(visitor::visit); }

    /** Where the document came from: title, author and dates from the file, its format and size. */
    public org.tamga.model.DocumentSource source(Document document) { return session.store().documents().source(document.id()); }

    public void setMemo(Document document, String memo) { session.store().documents().setMemo(document.id(), memo); }

    /** Deletes a document and its codings from the project, and from the search index (after a backup of the project). */
    public void delete(Document document) { delete(List.of(document)); }

    /**
     * Deletes documents and their codings from the project, all or none, and from the search index.
     * The project is backed up first ({@link ProjectSession#beforeDestructive}); without the
     * backup nothing is deleted.
     */
    public void delete(List<Document> documents) {
        if (documents.isEmpty()) return;
        session.beforeDestructive("delete-documents");
        session.store().inTransaction(() -> {
            for (Document d : documents) session.store().documents().delete(d.id());
            return null;
        });
        var index = session.index();
        for (Document d : documents) index.remove(d.guid());
        index.commit();
    }
}
