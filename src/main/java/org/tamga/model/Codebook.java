package org.tamga.model;

import java.util.*;

/** The tree of codes of one project, with look-ups by id, parent, path and name. Immutable. */
public final class Codebook {
    private final List<Code> codes;
    private final Map<Long, Code> byId = new LinkedHashMap<>();
    private final Map<Long, List<Code>> children = new HashMap<>();

    public Codebook(Collection<Code> codes) {
        List<Code> sorted = new ArrayList<>(codes);
        sorted.sort(Comparator.comparingInt(Code::order).thenComparingLong(Code::id));
        for (Code c : sorted) byId.put(c.id(), c);
        for (Code c : sorted) children.computeIfAbsent(key(c.parentId()), k -> new ArrayList<>()).add(c);
        // depth-first order, the order researchers see in the tree
        List<Code> ordered = new ArrayList<>();
        for (Code root : roots()) walk(root, ordered);
        // codes whose parent is missing would be lost by the walk; keep them at the end
        Set<Long> placed = new HashSet<>();
        for (Code c : ordered) placed.add(c.id());
        for (Code c : sorted) if (placed.add(c.id())) ordered.add(c);
        this.codes = List.copyOf(ordered);
    }

    private static long key(Long parentId) { return parentId == null ? 0L : parentId; }

    private void walk(Code code, List<Code> out) {
        out.add(code);
        for (Code child : children(code.id())) walk(child, out);
    }

    /** All codes, depth-first in tree order. */
    public List<Code> codes() { return codes; }

    public int size() { return codes.size(); }

    public Optional<Code> byId(long id) { return Optional.ofNullable(byId.get(id)); }

    public Optional<Code> byGuid(String guid) {
        return codes.stream().filter(c -> c.guid().equalsIgnoreCase(guid)).findFirst();
    }

    public List<Code> roots() { return children.getOrDefault(0L, List.of()); }

    public List<Code> children(long codeId) { return children.getOrDefault(codeId, List.of()); }

    /** The code and all codes below it. */
    public List<Code> withDescendants(long codeId) {
        List<Code> out = new ArrayList<>();
        byId(codeId).ifPresent(c -> walk(c, out));
        return out;
    }

    /** From the root down to the code itself. */
    public List<Code> ancestry(Code code) {
        Deque<Code> path = new ArrayDeque<>();
        Code current = code;
        Set<Long> seen = new HashSet<>();
        while (current != null && seen.add(current.id())) {
            path.addFirst(current);
            current = current.parentId() == null ? null : byId.get(current.parentId());
        }
        return List.copyOf(path);
    }

    public int depth(Code code) { return ancestry(code).size() - 1; }

    /** "Capability › Health · 健康": the names from the root down, joined with " › ". */
    public String path(Code code) {
        return String.join(PATH_SEPARATOR, ancestry(code).stream().map(Code::name).toList());
    }

    public static final String PATH_SEPARATOR = " › ";

    /**
     * Codes a researcher may mean by {@code name}: the full name, one part of a bilingual name
     * ("Health" or "健康" for "Health · 健康"), or a path with " › " or "/" between the levels;
     * case-insensitive. Exact full-name matches win over part matches.
     */
    public List<Code> find(String name) {
        String wanted = name.strip();
        if (wanted.contains("›") || wanted.contains("/")) {
            String[] levels = wanted.split("\\s*[›/]\\s*");
            List<Code> matches = new ArrayList<>();
            for (Code c : codes) {
                List<Code> anc = ancestry(c);
                if (anc.size() != levels.length) continue;
                boolean all = true;
                for (int i = 0; i < levels.length && all; i++) all = nameMatches(anc.get(i), levels[i]);
                if (all) matches.add(c);
            }
            if (!matches.isEmpty()) return matches;
        }
        List<Code> exact = codes.stream().filter(c -> c.name().equalsIgnoreCase(wanted)).toList();
        if (!exact.isEmpty()) return exact;
        return codes.stream().filter(c -> c.nameParts().stream().anyMatch(p -> p.equalsIgnoreCase(wanted))).toList();
    }

    private static boolean nameMatches(Code c, String level) {
        return c.name().equalsIgnoreCase(level)
                || c.nameParts().stream().anyMatch(p -> p.equalsIgnoreCase(level));
    }
}
