package org.tamga.core;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.Arrays;

/** Damages a file on purpose, as a failing disk or a half-finished copy would. */
public final class Damage {
    private Damage() {}

    /** Overwrites 8 KB in the middle of the file's pages (from a page boundary) with a pattern that is no valid page. */
    public static void middle(Path file) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            long at = f.length() / 2 / 4096 * 4096;
            byte[] junk = new byte[8192];
            Arrays.fill(junk, (byte) 0x55);
            f.seek(at);
            f.write(junk);
        }
    }

    /** Overwrites the first 100 bytes (the header SQLite reads first). */
    public static void header(Path file) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            byte[] junk = new byte[100];
            Arrays.fill(junk, (byte) 0x55);
            f.write(junk);
        }
    }
}
