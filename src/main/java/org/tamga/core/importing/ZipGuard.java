package org.tamga.core.importing;

import org.tamga.util.XmlDeclaration;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Checks a zip container (.docx, .odt) before a parser opens it: its directory must be complete
 * (a truncated download is refused as damaged), and it must not be a zip bomb. The entries are
 * really inflated and counted, not trusted from their headers; reading stops at the first limit,
 * so a bomb costs at most a few hundred megabytes of inflating, never the memory.
 */
final class ZipGuard {
    private ZipGuard() {}

    /** No entry of a transcript's container inflates to more than this. */
    static final long MAX_ENTRY_BYTES = 512L * 1024 * 1024;
    static final long MAX_TOTAL_BYTES = 1024L * 1024 * 1024;
    /** Past {@link #RATIO_FROM_BYTES}, an entry that inflates more than this many times its stored size is a bomb (POI's rule too). */
    static final long MAX_RATIO = 100;
    static final long RATIO_FROM_BYTES = 16L * 1024 * 1024;
    static final int MAX_ENTRIES = 20_000;

    static void check(Path file, String kind) throws Refusal {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            long total = 0;
            int count = 0;
            byte[] buffer = new byte[64 * 1024];
            for (Enumeration<? extends ZipEntry> en = zip.entries(); en.hasMoreElements(); ) {
                ZipEntry entry = en.nextElement();
                if (++count > MAX_ENTRIES) throw bomb("it holds more than " + MAX_ENTRIES + " parts");
                if (entry.isDirectory()) continue;
                long stored = Math.max(entry.getCompressedSize(), 1);
                long inflated = 0;
                try (InputStream in = zip.getInputStream(entry)) {
                    byte[] head = in.readNBytes(XmlDeclaration.LOOK_AHEAD_BYTES);
                    inflated += head.length;
                    total += head.length;
                    if (XmlDeclaration.isDamaged(head, head.length)) {
                        throw new Refusal("it is damaged: its part " + Refusal.quote(entry.getName()) + " starts an XML declaration"
                                + " (<?xml \u2026 ?>) that does not end within " + XmlDeclaration.MAX_CHARACTERS + " characters");
                    }
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        inflated += n;
                        total += n;
                        if (inflated > MAX_ENTRY_BYTES || total > MAX_TOTAL_BYTES) {
                            throw bomb("its part " + Refusal.quote(entry.getName()) + " unpacks to more than " + mb(Math.min(MAX_ENTRY_BYTES, MAX_TOTAL_BYTES)) + " MB");
                        }
                        if (inflated > RATIO_FROM_BYTES && inflated / stored > MAX_RATIO) {
                            throw bomb("its part " + Refusal.quote(entry.getName()) + " unpacks to more than " + MAX_RATIO
                                    + " times its packed size");
                        }
                    }
                }
            }
        } catch (ZipException | java.io.EOFException e) {
            throw new Refusal("it is damaged or incomplete (its zip structure cannot be read: " + Refusal.quote(e.getMessage())
                    + "); if it opens in " + kind + ", save it again and import the copy", e);
        } catch (IOException e) {
            throw new Refusal("it could not be read (" + Refusal.quote(e.getMessage()) + ")", e);
        }
    }

    private static Refusal bomb(String detail) {
        return new Refusal("it looks like a zip bomb, not a document (" + detail + "); Tamga did not unpack it");
    }

    private static long mb(long bytes) { return bytes / (1024 * 1024); }
}
