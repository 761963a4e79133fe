package org.tamga.util;

import org.tamga.model.DiskFullException;
import org.tamga.model.TamgaException;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/**
 * Writes a file so that it is either the old file or the complete new one, never half-written:
 * the bytes go to a hidden temporary file beside it, which then replaces the target.
 */
public final class AtomicWrite {
    private AtomicWrite() {}

    @FunctionalInterface
    public interface Content { void writeTo(OutputStream out) throws IOException; }

    public static void write(Path file, Content content) {
        Path target = file.toAbsolutePath();
        Path parent = target.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new TamgaException("Cannot write " + file + ": the folder " + parent + " does not exist.");
        }
        Path tmp = parent.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                content.writeTo(out);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (java.nio.file.AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            if (DiskSpace.full(e)) throw new DiskFullException(target, target.getFileName() + " was not written, and nothing half-written was left there", e);
            throw new TamgaException("Cannot write " + file + ": " + e.getMessage(), e);
        } finally {
            try { Files.deleteIfExists(tmp); } catch (IOException ignored) { /* best effort */ }
        }
    }

    public static void write(Path file, byte[] bytes) { write(file, out -> out.write(bytes)); }
}
