package org.tamga.model;

/**
 * A label for a concept. {@code description} holds the definition, when to use, when not to use
 * and an example; {@code memo} is the researcher's own note on the code.
 */
public record Code(long id, String guid, Long parentId, String name, String description,
                   String color, boolean codable, int order, String memo) {

    /** The separator between the English and the Chinese part of a bilingual code name. */
    public static final String NAME_SEPARATOR = " · ";

    /** The parts of a bilingual name ("Health · 健康" → ["Health", "健康"]); one part otherwise. */
    public java.util.List<String> nameParts() {
        return java.util.Arrays.stream(name.split(java.util.regex.Pattern.quote(NAME_SEPARATOR)))
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
