package org.tamga.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The schema steps of a project file, in order: step N brings a file from {@code user_version}
 * N-1 to N. A step is plain SQL; statements are separated by a semicolon at the end of a line.
 */
public record Migrations(List<String> steps) {

    /** The migrations this version of Tamga ships. */
    public static Migrations shipped() {
        return new Migrations(List.of(resource("V1__initial.sql"), resource("V2__sources_and_turns.sql"),
                resource("V3__cases_and_attributes.sql"), resource("V4__document_listing.sql"), resource("V5__code_history.sql")));
    }

    public int latestVersion() { return steps.size(); }

    static String resource(String name) {
        try (InputStream in = Migrations.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing schema resource " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read schema resource " + name, e);
        }
    }

    /** The statements of one step, without comments. */
    static List<String> statements(String sql) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : sql.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("--") || trimmed.isEmpty()) continue;
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                out.add(current.toString().strip());
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) out.add(current.toString().strip());
        return out;
    }
}
