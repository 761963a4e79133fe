package org.tamga.core;

import org.tamga.model.Document;
import org.tamga.model.TamgaException;
import org.tamga.model.Turn;
import org.tamga.store.TurnRepository;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who speaks where: the speakers found at import (labels such as Interviewer, 受访者, Q), their
 * turns, and correcting the list (renaming a speaker, or merging one into another, e.g. "Q" into
 * "Interviewer"). Search, retrieval and reports use it to keep only what one speaker said: a hit or a
 * coding belongs to a speaker when it overlaps one of their turns (shares at least one character
 * with it). See docs/adr/0010-import-formats-and-turns.md.
 */
public final class SpeakerService {
    private final ProjectSession session;

    SpeakerService(ProjectSession session) { this.session = session; }

    /** One speaker: name, number of turns, documents they speak in, characters they said. */
    public record Speaker(String name, int turns, int documents, long characters) {}

    /** The speakers of one document, or of the whole project when {@code document} is null; most turns first. */
    public List<Speaker> speakers(Document document) {
        List<Speaker> out = new ArrayList<>();
        for (TurnRepository.SpeakerCount c : session.store().turns().speakers(document == null ? null : document.id())) {
            out.add(new Speaker(c.speaker(), c.turns(), c.documents(), c.characters()));
        }
        return out;
    }

    /** The turns of a document, in order. */
    public List<Turn> turns(Document document) { return session.store().turns().ofDocument(document.id()); }

    /** How many turns the project has. */
    public int count() { return session.store().turns().count(); }

    /**
     * The speaker names a researcher means by {@code name}: every stored spelling that equals it
     * ignoring case ("interviewer" finds "Interviewer" and "INTERVIEWER").
     */
    public Set<String> resolve(String name) {
        String wanted = name == null ? "" : name.strip();
        List<Speaker> all = speakers(null);
        Set<String> out = new LinkedHashSet<>();
        for (Speaker s : all) if (s.name().equalsIgnoreCase(wanted)) out.add(s.name());
        if (out.isEmpty()) {
            throw new TamgaException("No speaker \u201C" + name + "\u201D in the project ("
                    + (all.isEmpty() ? "no speaker turns were found in its documents"
                    : "speakers: " + String.join(", ", all.stream().limit(20).map(Speaker::name).toList())
                    + (all.size() > 20 ? ", …" : "")) + ").");
        }
        return out;
    }

    /**
     * Renames a speaker, in one document or (document null) everywhere. When {@code to} is already a
     * speaker the two become one (a merge); its spelling is kept. Returns how many turns changed.
     */
    public int rename(String from, String to, Document document) {
        if (to == null || to.isBlank()) throw new TamgaException("A speaker needs a name.");
        Set<String> sources = resolve(from);
        String target = to.strip();
        for (Speaker s : speakers(null)) if (s.name().equalsIgnoreCase(target)) { target = s.name(); break; }
        String finalTarget = target;
        return session.store().inTransaction(() -> {
            int changed = 0;
            for (String source : sources) {
                if (!source.equals(finalTarget)) changed += session.store().turns().rename(source, finalTarget, document == null ? null : document.id());
            }
            return changed;
        });
    }

    /** The turns of a speaker (any spelling {@link #resolve} finds), by document id. */
    Map<Long, List<Turn>> turnsByDocument(String speaker) {
        Map<Long, List<Turn>> out = new HashMap<>();
        for (String name : resolve(speaker)) {
            for (Turn t : session.store().turns().ofSpeaker(name)) out.computeIfAbsent(t.documentId(), k -> new ArrayList<>()).add(t);
        }
        return out;
    }

    /** Whether the passage [start, end) of a document overlaps one of the turns. */
    static boolean spoken(Map<Long, List<Turn>> turns, long documentId, int start, int end) {
        List<Turn> in = turns.get(documentId);
        if (in == null) return false;
        for (Turn t : in) if (t.overlaps(start, end)) return true;
        return false;
    }
}
