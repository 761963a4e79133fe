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
        String property = System.getProperty("tamga.cache.dir");
        if (property != null && !property.isBlank()) return Path.of(property);
        String env = System.getenv("TAMGA_CACHE_DIR");
        if (env != null && !env.isBlank()) return Path.of(env);
        String home = System.getProperty("user.home");
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String local = System.getenv("LOCALAPPDATA");
            return Path.of(local != null ? local : home, "Tamga", "cache");
        }
        if (os.contains("mac")) return Path.of(home, "Library", "Caches", "Tamga");
        String xdg = System.getenv("XDG_CACHE_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(home, ".cache")).resolve("tamga");
    }

    /**
     * Where Tamga keeps what is not a cache and belongs to no project file (the copies of shared
     * projects, ADR 48): {@code tamga.data.dir}, {@code TAMGA_DATA_DIR}, or the platform's user data
     * folder ({@code $XDG_DATA_HOME/tamga} or {@code ~/.local/share/tamga}; {@code %APPDATA%\Tamga};
     * {@code ~/Library/Application Support/Tamga}).
     */
    public static Path dataRoot() {
        String property = System.getProperty("tamga.data.dir");
        if (property != null && !property.isBlank()) return Path.of(property);
        String env = System.getenv("TAMGA_DATA_DIR");
        if (env != null && !env.isBlank()) return Path.of(env);
        String home = System.getProperty("user.home");
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String roaming = System.getenv("APPDATA");
            return Path.of(roaming != null ? roaming : home, "Tamga");
        }
        if (os.contains("mac")) return Path.of(home, "Library", "Application Support", "Tamga");
        String xdg = System.getenv("XDG_DATA_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(home, ".local", "share")).resolve("tamga");
    }
}
