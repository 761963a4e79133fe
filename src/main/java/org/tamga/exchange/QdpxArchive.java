package org.tamga.exchange;

import org.xml.sax.SAXException;

import javax.xml.transform.stream.StreamSource;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * A REFI-QDA project archive ({@code .qdpx}): a ZIP holding {@code project.qde} and a folder
 * {@code sources} with the sources' files named by GUID.
 *
 * <p>An archive comes from someone else, so reading it is defensive: an entry whose name climbs
 * out of the archive ({@code ../}) or is absolute is refused, as is an archive with too many
 * entries; entries are never unpacked to disk, only read into memory one at a time, each counted
 * as it is inflated and refused when it grows past its limit or inflates suspiciously far (a ZIP
 * bomb); {@code project.qde} is parsed without DTDs or external entities ({@link SafeXml}).
 * Files outside the archive are read only when a source names them {@code relative://}, and only
 * inside the folder the researcher allows (never by an absolute path, never above that folder).
 *
 * <p>Known quirks are tolerated: {@code Sources/} or {@code sources/}, {@code Project.qde},
 * upper-case file names, Windows path separators, and an archive whose files sit in one top folder.
 */
public final class QdpxArchive implements AutoCloseable {

    /** How much an archive may hold; the defaults fit any real project and stop hostile ones early. */
    public record Limits(int maxEntries, long maxProjectBytes, long maxSourceBytes, long maxTotalBytes, int maxRatio) {
        public static final Limits DEFAULT = new Limits(100_000, 256L << 20, 100L << 20, 2L << 30, 100);
    }

    private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:.*");

    private final Path file;
    private final String fileName;
    private final ZipFile zip;
    private final Limits limits;
    /** Lower-case file name (last path segment) → entries with that name; entries in the sources folder first. */
    private final Map<String, List<ZipEntry>> byName = new HashMap<>();
    private final QdpxProject project;
    private long totalRead;

    private QdpxArchive(Path file, ZipFile zip, Limits limits) {
        this.file = file;
        this.fileName = file.getFileName().toString();
        this.zip = zip;
        this.limits = limits;
        try {
            ZipEntry qde = index();
            String label = fileName + " (" + qde.getName() + ")";
            byte[] xml = bounded(qde, limits.maxProjectBytes(), "project.qde");
            this.project = ProjectQde.read(new ByteArrayInputStream(xml), label);
        } catch (RuntimeException e) {
            closeQuietly();
            throw e;
        }
    }

    /** Opens a {@code .qdpx} file and reads its {@code project.qde}; refuses anything that is not a safe QDPX. */
    public static QdpxArchive open(Path file) { return open(file, Limits.DEFAULT); }

    public static QdpxArchive open(Path file, Limits limits) {
        String name = file.getFileName().toString();
        if (!Files.isRegularFile(file)) throw new ExchangeException(name, "no such file");
        ZipFile zip;
        try {
            zip = openZip(file, StandardCharsets.UTF_8);
        } catch (ZipException e) {
            // entry names that are not UTF-8: old Windows archivers write them in code page 437
            try {
                zip = openZip(file, Charset.forName("IBM437"));
            } catch (IOException again) {
                throw new ExchangeException(name, "it is not a QDPX file (a QDPX file is a ZIP archive, and this is not one)");
            }
        } catch (IOException e) {
            throw new ExchangeException(name, "it could not be read (" + e.getMessage() + ")");
        }
        return new QdpxArchive(file, zip, limits);
    }

    private static ZipFile openZip(Path file, Charset names) throws IOException {
        return new ZipFile(file.toFile(), ZipFile.OPEN_READ, names);
    }

    /** Checks every entry's name, indexes the entries, and finds {@code project.qde}. */
    private ZipEntry index() {
        List<ZipEntry> qdes = new ArrayList<>();
        int count = 0;
        Enumeration<? extends ZipEntry> entries = zip.entries();
        while (entries.hasMoreElements()) {
            ZipEntry e = entries.nextElement();
            if (++count > limits.maxEntries()) {
                throw new UnsafeArchiveException(fileName, "it holds more than " + limits.maxEntries()
                        + " files, more than any project has; Tamga refuses it for safety");
            }
            String entryName = e.getName().replace('\\', '/');
            if (entryName.startsWith("/") || DRIVE.matcher(entryName).matches() || entryName.indexOf('\0') >= 0) {
                throw new UnsafeArchiveException(fileName, "it contains a file with an absolute path (\u201C" + e.getName()
                        + "\u201D); Tamga refuses such archives for safety");
            }
            for (String part : entryName.split("/")) {
                if (part.equals("..")) {
                    throw new UnsafeArchiveException(fileName, "it contains a file whose path leads outside the archive (\u201C"
                            + e.getName() + "\u201D); Tamga refuses such archives for safety");
                }
            }
            if (e.isDirectory()) continue;
            String[] parts = entryName.split("/");
            String last = parts[parts.length - 1].toLowerCase(Locale.ROOT);
            List<ZipEntry> same = byName.computeIfAbsent(last, k -> new ArrayList<>());
            boolean inSources = parts.length >= 2 && parts[parts.length - 2].equalsIgnoreCase("sources");
            if (inSources) same.addFirst(e); else same.add(e);
            if (last.endsWith(".qde") && parts.length <= 2) qdes.add(e);
        }
        // project.qde at the top, else in one top folder (an archive made by zipping a folder), else a lone .qde
        for (int depth = 1; depth <= 2; depth++) {
            for (ZipEntry e : qdes) {
                String[] parts = e.getName().replace('\\', '/').split("/");
                if (parts.length == depth && parts[depth - 1].equalsIgnoreCase("project.qde")) return e;
            }
        }
        if (qdes.size() == 1) return qdes.getFirst();
        throw new ExchangeException(fileName, "it is not a QDPX project: it has no project.qde"
                + (count == 0 ? " (the archive is empty)" : ""));
    }

    public QdpxProject project() { return project; }

    public String fileName() { return fileName; }

    public Path file() { return file; }

    /**
     * The bytes of a file a source or note names ({@code internal://…} inside the archive, a bare
     * file name likewise, {@code relative://…} below {@code externalFolder}).
     *
     * @throws ExchangeException with the reason when the file cannot be read; the reason names the path
     */
    public byte[] read(String path, Path externalFolder) {
        String p = path.strip();
        String lower = p.toLowerCase(Locale.ROOT);
        if (lower.startsWith("internal:")) return internal(p.substring("internal:".length()), path);
        if (lower.startsWith("relative:")) return relative(p.substring("relative:".length()), path, externalFolder);
        if (lower.startsWith("absolute:") || lower.matches("^[a-z][a-z0-9+.-]+://.*")) {
            throw new ExchangeException(fileName, "\u201C" + path + "\u201D is a file outside the archive named by an absolute"
                    + " path or address; Tamga reads only files inside the archive or beside it (relative://)");
        }
        return internal(p, path);
    }

    private byte[] internal(String rest, String path) {
        String name = stripSlashes(rest).replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        List<ZipEntry> found = byName.get(name.toLowerCase(Locale.ROOT));
        if (found == null && name.contains("%")) found = byName.get(decode(name).toLowerCase(Locale.ROOT));
        if (found == null || name.isEmpty()) {
            throw new ExchangeException(fileName, "it names \u201C" + path + "\u201D, but the archive does not contain that file");
        }
        return bounded(found.getFirst(), limits.maxSourceBytes(), path);
    }

    private byte[] relative(String rest, String path, Path externalFolder) {
        String rel = stripSlashes(rest).replace('\\', '/');
        if (rel.contains("%")) rel = decode(rel);
        if (rel.isEmpty() || DRIVE.matcher(rel).matches() || rel.indexOf('\0') >= 0) {
            throw new ExchangeException(fileName, "\u201C" + path + "\u201D is not a relative path Tamga can follow");
        }
        for (String part : rel.split("/")) {
            if (part.equals("..")) {
                throw new ExchangeException(fileName, "\u201C" + path + "\u201D leads above the folder beside the archive;"
                        + " Tamga does not follow it, for safety");
            }
        }
        if (externalFolder == null) {
            throw new ExchangeException(fileName, "\u201C" + path + "\u201D is a file outside the archive and no folder was given to look for it");
        }
        try {
            Path base = externalFolder.toRealPath();
            Path target = base.resolve(rel).normalize();
            if (!Files.isRegularFile(target)) {
                throw new ExchangeException(fileName, "\u201C" + path + "\u201D is a file outside the archive, and it is not in "
                        + base + "; put it there (or name its folder) and import again");
            }
            Path real = target.toRealPath();
            if (!real.startsWith(base) || !Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)) {
                throw new ExchangeException(fileName, "\u201C" + path + "\u201D leads outside " + base + "; Tamga does not follow it, for safety");
            }
            long size = Files.size(real);
            if (size > limits.maxSourceBytes()) throw tooLarge(path, limits.maxSourceBytes());
            count(size, path);
            try (InputStream in = Files.newInputStream(real)) {
                return readCounted(in, limits.maxSourceBytes(), path);
            }
        } catch (IOException e) {
            throw new ExchangeException(fileName, "\u201C" + path + "\u201D could not be read (" + e.getMessage() + ")");
        }
    }

    /** Inflates one entry, counting: refused when larger than {@code max}, or inflating more than {@link Limits#maxRatio()} times. */
    private byte[] bounded(ZipEntry e, long max, String what) {
        if (e.getSize() > max) throw tooLarge(what, max);
        try (InputStream in = zip.getInputStream(e)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(Math.max(e.getSize(), 0), 1 << 20) + 16);
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            long compressed = Math.max(e.getCompressedSize(), 1);
            for (int n; (n = in.read(buffer)) > 0; ) {
                total += n;
                if (total > max) throw tooLarge(what, max);
                if (total > (1 << 20) && total / compressed > limits.maxRatio()) {
                    throw new UnsafeArchiveException(fileName, "\u201C" + what + "\u201D inflates more than " + limits.maxRatio()
                            + " times its packed size, as a ZIP bomb does; Tamga refuses it for safety");
                }
                count(n, what);
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (ZipException ex) {
            throw new ExchangeException(fileName, "\u201C" + what + "\u201D is damaged in the archive (" + ex.getMessage() + ")");
        } catch (IOException ex) {
            throw new ExchangeException(fileName, "\u201C" + what + "\u201D could not be read (" + ex.getMessage() + ")");
        }
    }

    private byte[] readCounted(InputStream in, long max, String what) throws IOException {
        byte[] bytes = in.readNBytes((int) Math.min(max + 1, Integer.MAX_VALUE - 16));
        if (bytes.length > max) throw tooLarge(what, max);
        return bytes;
    }

    private void count(long n, String what) {
        totalRead += n;
        if (totalRead > limits.maxTotalBytes()) {
            throw new UnsafeArchiveException(fileName, "it holds more than " + limits.maxTotalBytes() / (1024 * 1024)
                    + " MB of text (reached at \u201C" + what + "\u201D); Tamga refuses it for safety");
        }
    }

    private ExchangeException tooLarge(String what, long max) {
        return new ExchangeException(fileName, "\u201C" + what + "\u201D is larger than " + mb(max)
                + ", larger than Tamga reads from an archive");
    }

    private static String mb(long bytes) {
        return bytes >= 1024 * 1024 ? bytes / (1024 * 1024) + " MB" : bytes + " bytes";
    }

    private static String stripSlashes(String s) {
        int i = 0;
        while (i < s.length() && (s.charAt(i) == '/' || s.charAt(i) == '\\')) i++;
        return s.substring(i);
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    @Override
    public void close() { closeQuietly(); }

    private void closeQuietly() {
        try { zip.close(); } catch (IOException ignored) { /* read-only */ }
    }

    // ---- writing ------------------------------------------------------------------------------

    /** The text of an exported source, asked for one source at a time (so all texts need not be in memory). */
    @FunctionalInterface
    public interface Texts { String text(QdpxProject.Source source); }

    /**
     * Writes a {@code .qdpx}: {@code project.qde}, checked against the REFI-QDA project schema
     * before anything is written, and {@code sources/GUID.txt} (UTF-8 without a byte-order mark)
     * for every source whose {@code plainTextPath} is {@code internal://GUID.txt}. The file is
     * replaced only when complete.
     */
    public static void write(QdpxProject project, Texts texts, Path file) {
        byte[] qde = ProjectQde.write(project);
        validate(qde, file.getFileName() + " (project.qde)");
        org.tamga.util.AtomicWrite.write(file, out -> writeZip(project, texts, qde, out));
    }

    private static void writeZip(QdpxProject project, Texts texts, byte[] qde, OutputStream target) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(target, StandardCharsets.UTF_8);
        zip.putNextEntry(new ZipEntry("project.qde"));
        zip.write(qde);
        zip.closeEntry();
        for (QdpxProject.Source s : project.sources()) {
            String path = s.plainTextPath();
            if (path == null || !path.startsWith("internal://")) continue;
            byte[] text = texts.text(s).getBytes(StandardCharsets.UTF_8);
            zip.putNextEntry(new ZipEntry("sources/" + path.substring("internal://".length())));
            zip.write(text);
            zip.closeEntry();
        }
        zip.finish();
        zip.flush();
    }

    /** Checks {@code project.qde} bytes against the REFI-QDA project schema; throws with the first problem. */
    public static void validate(byte[] qde, String fileName) {
        try {
            CodebookFile.schema("Project-mrt2019.xsd").newValidator().validate(new StreamSource(new ByteArrayInputStream(qde)));
        } catch (SAXException | IOException e) {
            throw new ExchangeException(fileName, "it is not valid against the REFI-QDA project schema (" + e.getMessage() + ")");
        }
    }
}
