package org.tamga.gui;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * The window's settings (recent projects, language), kept in a small properties file in the user's
 * configuration folder ({@code tamga.config.dir}, or {@code ~/.config/tamga}).
 */
public final class Settings {
    private static final int RECENT = 8;
    private final Path file;
    private final Properties values = new Properties();

    public Settings(Path folder) {
        this.file = folder.resolve("settings.properties");
        if (Files.isRegularFile(file)) {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                values.load(r);
            } catch (IOException | IllegalArgumentException e) {
                // unreadable settings are not worth a failure: start afresh
                values.clear();
            }
        }
    }

    public static Settings load() {
        String configured = System.getProperty("tamga.config.dir");
        if (configured != null && !configured.isBlank()) return new Settings(Path.of(configured));
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return new Settings(base.resolve("tamga"));
    }

    public List<Path> recentProjects() {
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < RECENT; i++) {
            String v = values.getProperty("recent." + i);
            if (v != null && Files.isRegularFile(Path.of(v))) out.add(Path.of(v));
        }
        return out;
    }

    public void addRecent(Path project) {
        List<Path> list = new ArrayList<>(recentProjects());
        Path abs = project.toAbsolutePath().normalize();
        list.remove(abs);
        list.addFirst(abs);
        for (int i = 0; i < RECENT; i++) {
            if (i < list.size()) values.setProperty("recent." + i, list.get(i).toString());
            else values.remove("recent." + i);
        }
        save();
    }

    /** The language the user chose, or null to follow the system. */
    public Locale language() {
        String tag = values.getProperty("language");
        return tag == null || tag.isBlank() ? null : Locale.forLanguageTag(tag);
    }

    public void setLanguage(Locale locale) {
        values.setProperty("language", locale.toLanguageTag());
        save();
    }

    /** The coder's name the user last worked under, or null (then the system's user name is taken). */
    public String coder() {
        String name = values.getProperty("coder");
        return name == null || name.isBlank() ? null : name;
    }

    public void setCoder(String name) {
        if (name == null || name.isBlank() || name.strip().equals(values.getProperty("coder"))) return;
        values.setProperty("coder", name.strip());
        save();
    }

    /** Whether the coder has said who she is (the first run asks). */
    public boolean coderConfirmed() { return "true".equals(values.getProperty("coder.confirmed")); }

    public void setCoderConfirmed() {
        if (coderConfirmed()) return;
        values.setProperty("coder.confirmed", "true");
        save();
    }

    /** The window's place and size: x, y, width, height, maximised; null before the first close. */
    public double[] window() {
        String v = values.getProperty("window");
        if (v == null) return null;
        try {
            String[] p = v.split(",");
            return new double[]{Double.parseDouble(p[0]), Double.parseDouble(p[1]), Double.parseDouble(p[2]),
                    Double.parseDouble(p[3]), Boolean.parseBoolean(p[4]) ? 1 : 0};
        } catch (RuntimeException e) {
            return null;
        }
    }

    public void setWindow(double x, double y, double width, double height, boolean maximised) {
        values.setProperty("window", x + "," + y + "," + width + "," + height + "," + maximised);
        save();
    }

    /** How the workbench was laid out for a project (dividers, tab, collapsed panes), or null. */
    public String layout(Path project) { return values.getProperty("layout." + key(project)); }

    public void setLayout(Path project, String layout) {
        values.setProperty("layout." + key(project), layout);
        save();
    }

    private static String key(Path project) {
        String p = project.toAbsolutePath().normalize().toString();
        return Integer.toHexString(p.hashCode()) + "." + p.length();
    }

    private void save() {
        try {
            Files.createDirectories(file.getParent());
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                values.store(w, "Tamga settings");
            }
        } catch (IOException e) {
            // settings are a convenience; the work itself is in the project file
        }
    }
}
