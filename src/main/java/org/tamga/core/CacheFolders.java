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
}
