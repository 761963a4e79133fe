package org.tamga.core;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Where Tamga keeps caches (the search index): the {@code tamga.cache.dir} system property, the
 * {@code TAMGA_CACHE_DIR} environment variable, or the platform's user cache folder
 * ({@code $XDG_CACHE_HOME/tamga} or {@code ~/.cache/tamga}; {@code %LOCALAPPDATA%\Tamga\cache};
 * {@code ~/Library/Caches/Tamga}).
 */
public final class CacheFolders {
    private CacheFolders() {}

    public static Path root() {
        return chosen("tamga.cache.dir", "TAMGA_CACHE_DIR").orElseGet(() -> {
            String home = System.getProperty("user.home");
            String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
            if (os.contains("win")) return Path.of(env("LOCALAPPDATA", home), "Tamga", "cache");
            if (os.contains("mac")) return Path.of(home, "Library", "Caches", "Tamga");
            return Path.of(env("XDG_CACHE_HOME", Path.of(home, ".cache").toString()), "tamga");
        });
    }

    /**
     * Where Tamga keeps what is not a cache and belongs to no project file (the copies of shared
     * projects, ADR 48): {@code tamga.data.dir}, {@code TAMGA_DATA_DIR}, or the platform's user data
     * folder ({@code $XDG_DATA_HOME/tamga} or {@code ~/.local/share/tamga}; {@code %APPDATA%\Tamga};
     * {@code ~/Library/Application Support/Tamga}).
     */
    public static Path dataRoot() {
        return chosen("tamga.data.dir", "TAMGA_DATA_DIR").orElseGet(() -> {
            String home = System.getProperty("user.home");
            String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
            if (os.contains("win")) return Path.of(env("APPDATA", home), "Tamga");
            if (os.contains("mac")) return Path.of(home, "Library", "Application Support", "Tamga");
            return Path.of(env("XDG_DATA_HOME", Path.of(home, ".local", "share").toString()), "tamga");
        });
    }

    /** A folder the researcher chose: the system property, else the environment variable (blank counts as not set). */
    private static java.util.Optional<Path> chosen(String property, String variable) {
        String p = System.getProperty(property);
        if (p != null && !p.isBlank()) return java.util.Optional.of(Path.of(p));
        String e = System.getenv(variable);
        return e != null && !e.isBlank() ? java.util.Optional.of(Path.of(e)) : java.util.Optional.empty();
    }

    private static String env(String variable, String otherwise) {
        String v = System.getenv(variable);
        return v != null && !v.isBlank() ? v : otherwise;
    }
}
