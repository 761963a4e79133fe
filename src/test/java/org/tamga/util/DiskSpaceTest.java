package org.tamga.util;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tamga.model.DiskFullException;
import org.tamga.model.TamgaException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The system's own "no space left on device", got from /dev/full, a device that is always full. */
class DiskSpaceTest {
    @TempDir Path tmp;

    private static final Path FULL = Path.of("/dev/full");

    /** A real ENOSPC from the system. */
    private static IOException fromAFullDevice() {
        assumeTrue(Files.isWritable(FULL), "needs /dev/full (Linux)");
        try {
            Files.write(FULL, "草场 малчин 🐑".getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            return e;
        }
        throw new AssertionError("writing to /dev/full succeeded");
    }

    @Test
    void theSystemsFullDiskIsRecognisedWhereverItIsInTheCauses() {
        IOException enospc = fromAFullDevice();
        assertTrue(DiskSpace.full(enospc), enospc.toString());
        assertTrue(DiskSpace.full(new UncheckedIOException(enospc)));
        assertTrue(DiskSpace.full(new TamgaException("wrapped", new RuntimeException(enospc))));
        assertFalse(DiskSpace.full(new IOException("Permission denied")));
        assertFalse(DiskSpace.full(new IOException((String) null)));
        assertFalse(DiskSpace.full(new RuntimeException("No space left on device")), "only an I/O error says so");
        assertTrue(DiskSpace.full(new IOException("There is not enough space on the disk")), "Windows' words");
    }

    @Test
    void aFileThatCannotBeWrittenForWantOfSpaceIsNamedAndNothingIsLeftBehind() throws IOException {
        Path target = tmp.resolve("频率 report.csv");
        Files.writeString(target, "the old report\n");
        DiskFullException e = assertThrows(DiskFullException.class, () -> AtomicWrite.write(target, out -> {
            out.write("code,count\n".getBytes(StandardCharsets.UTF_8));
            throw fromAFullDevice();
        }));
        assertEquals("The disk holding " + target + " is full: 频率 report.csv was not written, and nothing half-written was left there."
                + " Free some space on it and try again.", e.getMessage());
        assertEquals("the old report\n", Files.readString(target), "the old file is as it was");
        try (Stream<Path> files = Files.list(tmp)) {
            assertEquals(1, files.count(), "no temporary file is left beside it");
        }
    }
}
