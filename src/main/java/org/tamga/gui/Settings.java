package org.tamga.gui;

import org.tamga.core.SharedProjects;
import org.tamga.model.TamgaException;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * The window's settings (recent projects — files and shared projects' addresses —, language), kept
 * in a small properties file in the user's configuration folder ({@code tamga.config.dir}, or
 * {@code ~/.config/tamga}).
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

    /**
     * A project in the list of recent projects: a project file, or a shared project's address
     * (ADR 48) — the address only, never a user name or password.
     */
    public record Recent(Path file, String address) {
        public Recent {
            if ((file == null) == (address == null)) throw new IllegalArgumentException("a file or an address, one of them");
        }

        public static Recent ofFile(Path file) { return new Recent(file.toAbsolutePath().normalize(), null); }

        /** A shared project's address, as Tamga shows it; refused when it holds a user name or password. */
        public static Recent ofAddress(String address) { return new Recent(null, SharedProjects.address(address)); }

        public boolean shared() { return address != null; }

        /** How the menu names it: the file's path, or the address. */
        @Override public String toString() { return shared() ? address : file.toString(); }
    }

    /**
     * The projects opened last, newest first: files that are still there, and shared projects'
     * addresses. Settings written before shared projects hold files only, under the same keys.
     */
    public List<Recent> recentProjects() {
        List<Recent> out = new ArrayList<>();
        for (int i = 0; i < RECENT; i++) {
            Recent r = recent(values.getProperty("recent." + i));
            if (r != null && !out.contains(r)) out.add(r);
        }
        return out;
    }

    /** One remembered entry, or null for nothing, a file that is gone, or an address that is not one to keep. */
    private static Recent recent(String v) {
        if (v == null || v.isBlank()) return null;
        try {
            if (SharedProjects.isAddress(v)) return Recent.ofAddress(v);
            Path p = Path.of(v);
            return Files.isRegularFile(p) ? Recent.ofFile(p) : null;
        } catch (TamgaException | InvalidPathException e) {
            return null; // an address with a secret in it (written by hand), or no path on this system
        }
    }

    public void addRecent(Path project) { addRecent(Recent.ofFile(project)); }

    /** Remembers a shared project by its address; one holding a user name or password is refused, and nothing kept. */
    public void addRecent(String address) { addRecent(Recent.ofAddress(address)); }

    private void addRecent(Recent project) {
        List<Recent> list = new ArrayList<>(recentProjects());
        list.remove(project);
        list.addFirst(project);
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

    /**
     * Whether the first-run welcome (name, language, the sample with a tour) has been shown: once
     * only. Settings from before it, where the coder already said her name, count as welcomed.
     */
    public boolean welcomed() { return "true".equals(values.getProperty("welcome.seen")) || coderConfirmed(); }

    public void setWelcomed() {
        if ("true".equals(values.getProperty("welcome.seen"))) return;
        values.setProperty("welcome.seen", "true");
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
