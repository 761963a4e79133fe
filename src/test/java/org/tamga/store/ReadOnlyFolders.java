package org.tamga.store;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A folder nobody can write to, for real: its permissions are taken away; where the tests run as
 * root (whom permissions do not stop) it is also made immutable ({@code chattr +i}, which stops
 * root too). Where neither makes the folder unwritable the test is skipped, never run against a
 * folder that can be written. Always give the folder back with {@link #writable}.
 */
public final class ReadOnlyFolders {
    private ReadOnlyFolders() {}

    private static final Set<PosixFilePermission> READ_ONLY = PosixFilePermissions.fromString("r-xr-xr-x");
    private static final Set<PosixFilePermission> WRITABLE = PosixFilePermissions.fromString("rwxr-xr-x");

    public static void readOnly(Path folder) throws IOException, InterruptedException {
        Assumptions.assumeTrue(folder.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
        Files.setPosixFilePermissions(folder, READ_ONLY);
        if (cannotWrite(folder)) return;
        // root: permissions do not stop it, an immutable folder does
        boolean immutable = run("chattr", "+i", folder.toString()) && cannotWrite(folder);
        if (!immutable) {
            writable(folder);
            Assumptions.abort("this user can write to any folder (root without chattr): no read-only folder to test with");
        }
    }

    public static void writable(Path folder) throws IOException, InterruptedException {
        if (!Files.exists(folder)) return;
        run("chattr", "-i", folder.toString());
        Files.setPosixFilePermissions(folder, WRITABLE);
    }

    private static boolean cannotWrite(Path folder) {
        try {
            Files.delete(Files.createFile(folder.resolve("probe")));
            return false;
        } catch (IOException e) {
            return !Files.isWritable(folder);
        }
    }

    private static boolean run(String... command) throws InterruptedException {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(30, TimeUnit.SECONDS)) { p.destroyForcibly(); return false; }
            return p.exitValue() == 0;
        } catch (IOException e) {
            return false; // no chattr here
        }
    }
}
