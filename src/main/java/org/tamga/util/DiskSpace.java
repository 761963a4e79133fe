package org.tamga.util;

import java.io.IOException;
import java.util.Locale;

/**
 * Whether a failed write failed because the disk is full. Java has no exception of its own for it:
 * the system's words are in the message ({@code ENOSPC}, "No space left on device", on Linux and
 * macOS; "There is not enough space on the disk" on Windows).
 */
public final class DiskSpace {
    private DiskSpace() {}

    /** True when {@code failure}, or one of its causes, is an I/O error that says the disk is full. */
    public static boolean full(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IOException && t.getMessage() != null) {
                String m = t.getMessage().toLowerCase(Locale.ROOT);
                if (m.contains("no space left on device") || m.contains("not enough space on the disk")) return true;
            }
        }
        return false;
    }
}
