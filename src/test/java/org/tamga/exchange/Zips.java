package org.tamga.exchange;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Builds ZIP archives for tests: hand-written project.qde files and their sources, hostile ones too. */
public final class Zips {
    private final Map<String, byte[]> entries = new LinkedHashMap<>();

    public static Zips archive() { return new Zips(); }

    public Zips add(String name, String utf8) { return add(name, utf8.getBytes(StandardCharsets.UTF_8)); }

    public Zips add(String name, byte[] bytes) {
        entries.put(name, bytes);
        return this;
    }

    public Path writeTo(Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            for (var e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return file;
    }

    /** A minimal valid project.qde around {@code body} (elements inside {@code <Project>}). */
    public static String qde(String attributes, String body) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"test\" "
                + attributes + ">" + body + "</Project>";
    }
}
