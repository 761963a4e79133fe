package org.tamga.store;

import org.tamga.model.Member;
import org.tamga.model.TamgaException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * A shared project on a PostgreSQL server (ADR 48): its address, the connection to it, its schema,
 * and moving a whole project between a server and a project file (publishing a file, taking a copy
 * of a shared project). The address names the server and the database only; the user and the
 * password come from the standard places ({@code PGUSER}, {@code PGPASSWORD}, {@code ~/.pgpass})
 * and are never written anywhere by Tamga.
 */
final class Servers {
    private Servers() {}

    /** The tables of a project, in an order in which each refers only to tables before it. */
    static final List<String> TABLES = List.of("project", "coder", "document", "code", "coding", "memo", "turn", "attribute",
            "document_attribute", "cases", "case_document", "case_attribute", "code_history");

    static boolean isAddress(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        return t.startsWith("postgresql://") || t.startsWith("postgres://");
    }

    /** The address as Tamga shows and remembers it, checked: no user name or password in it. */
    /** The driver's options that name a Java class to load, refused in an address. */
    private static final List<String> CLASS_OPTIONS = List.of("sslfactory", "sslfactoryarg", "sslhostnameverifier", "sslpasswordcallback",
            "socketFactory", "socketFactoryArg", "authenticationPluginClassName", "loggerFile", "loggerLevel");

    static String checked(String address) {
        if (!isAddress(address)) {
            throw new TamgaException("Not the address of a shared project: " + address + " (it starts with postgresql://).");
        }
        String rest = address.substring(address.indexOf("://") + 3);
        int slash = rest.indexOf('/');
        String authority = slash < 0 ? rest : rest.substring(0, slash);
        String query = rest.contains("?") ? rest.substring(rest.indexOf('?') + 1) : "";
        boolean secret = authority.contains("@");
        String sslmode = null;
        for (String part : query.split("&")) {
            String key = part.contains("=") ? part.substring(0, part.indexOf('=')) : part;
            if (key.equalsIgnoreCase("password") || key.equalsIgnoreCase("user") || key.equalsIgnoreCase("sslpassword")) secret = true;
            if (CLASS_OPTIONS.stream().anyMatch(key::equalsIgnoreCase)) {
                // options that load a class of the caller's choosing: a pasted address could switch the certificate check off
                throw new TamgaException("The address " + shown(address) + " sets " + key + ", which Tamga does not allow in an address: "
                        + "it names a Java class for the connection (and could turn checks off). Leave it out.");
            }
            if (key.equalsIgnoreCase("sslmode")) {
                if (!key.equals("sslmode")) {
                    // the driver would ignore SSLMODE=require and connect as if nothing were asked
                    throw new TamgaException("The address " + address + " writes " + key + ": write sslmode, in small letters.");
                }
                sslmode = part.substring(part.indexOf('=') + 1);
            }
        }
        if (secret) {
            throw new TamgaException("The address " + shown(address) + " holds a user name or password: give them in the "
                    + "environment (PGUSER, PGPASSWORD) or in ~/.pgpass instead, so that they are never written into "
                    + "Tamga's settings or list of recent projects.");
        }
        if (slash < 0 || slash == rest.length() - 1 || rest.charAt(slash + 1) == '?') {
            throw new TamgaException("The address " + address + " names no database: write postgresql://HOST:PORT/DATABASE.");
        }
        if (sslmode != null && !SSL_MODES.contains(sslmode)) {
            throw new TamgaException("The address " + address + " asks for sslmode=" + sslmode + ", which is none of "
                    + String.join(", ", SSL_MODES) + " (require: always encrypted; verify-full: encrypted, and the server's "
                    + "certificate checked against sslrootcert=FILE and the host's name).");
        }
        return "postgresql://" + rest;
    }

    /** The values of {@code sslmode} that PostgreSQL's clients know, from never encrypted to encrypted and fully checked. */
    static final List<String> SSL_MODES = List.of("disable", "allow", "prefer", "require", "verify-ca", "verify-full");

    /** An address with anything after {@code @} in its authority and any password hidden, for messages. */
    private static String shown(String address) {
        return address.replaceAll("//[^/@]*@", "//…@").replaceAll("(?i)password=[^&]*", "password=…");
    }

    /** A connection to the shared project's database, with the user and password from the environment or ~/.pgpass. */
    static Connection connect(String address) { return connect(address, null); }

    /**
     * A connection as {@code login} (null: {@code PGUSER}, or the system user as for {@code psql});
     * the password comes from {@code PGPASSWORD} or {@code ~/.pgpass}.
     */
    static Connection connect(String address, String login) {
        String checked = checked(address);
        Properties properties = new Properties();
        Map<String, String> env = System.getenv();
        if (login != null) properties.setProperty("user", login);
        else if (env.get("PGUSER") != null) properties.setProperty("user", env.get("PGUSER"));
        if (env.get("PGPASSWORD") != null) properties.setProperty("password", env.get("PGPASSWORD"));
        properties.setProperty("ApplicationName", APPLICATION);
        // a server that is gone is noticed in seconds, not after the system's TCP timeout
        properties.setProperty("connectTimeout", "5");
        properties.setProperty("socketTimeout", "30");
        properties.setProperty("tcpKeepAlive", "true");
        try {
            return DriverManager.getConnection("jdbc:" + checked, properties);
        } catch (SQLException e) {
            throw new TamgaException("Cannot reach the shared project " + checked + ": " + reason(e, checked), e);
        }
    }

    /**
     * Why a connection failed, in words: a certificate that could not be verified is said so in one
     * sentence rather than as the chain of Java's exceptions behind it.
     */
    private static String reason(SQLException e, String address) {
        String host = host(address);
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.security.cert.CertificateException || t instanceof java.security.cert.CertPathBuilderException
                    || t instanceof java.security.cert.CertPathValidatorException || t instanceof javax.net.ssl.SSLHandshakeException) {
                return "the server's certificate could not be verified: it is not signed by the certificate authority "
                        + "given in sslrootcert (or, without it, in ~/.postgresql/root.crt).";
            }
        }
        String message = String.valueOf(e.getMessage());
        // pgjdbc's sentence, in whatever language it speaks, names its PgjdbcHostnameVerifier
        if (message.toLowerCase(Locale.ROOT).contains("hostnameverifier")) {
            return "the server's certificate could not be verified: it is not made out for the host name " + host
                    + " (connect by the name the certificate names, or use sslmode=verify-ca).";
        }
        return message;
    }

    /** The host of an address (after {@code //}, before the port or the database). */
    private static String host(String address) {
        String rest = address.substring(address.indexOf("://") + 3);
        int end = rest.indexOf('/');
        String authority = end < 0 ? rest : rest.substring(0, end);
        if (authority.startsWith("[")) return authority.substring(0, authority.indexOf(']') + 1);
        return authority.contains(":") ? authority.substring(0, authority.indexOf(':')) : authority;
    }

    /** How Tamga's connections are named on the server; a coder's name follows it ({@link #announce}). */
    static final String APPLICATION = "Tamga";

    /**
     * How the connection to the server travels, as the server sees it ({@code pg_stat_ssl}): the TLS
     * version and cipher, or empty when it is not encrypted.
     */
    static java.util.Optional<String> encryption(ProjectStore store) {
        return store.inTransaction(() -> {
            try (PreparedStatement ps = store.prepare("SELECT ssl, version, cipher FROM pg_stat_ssl WHERE pid = pg_backend_pid()");
                 ResultSet rs = ps.executeQuery()) {
                if (!rs.next() || !rs.getBoolean(1)) return java.util.Optional.<String>empty();
                return java.util.Optional.of(rs.getString(2) + ", " + rs.getString(3));
            }
        });
    }

    /** Whether a failure means the connection to the server is gone (SQL state class 08, or no connection at all). */
    static boolean unreachable(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && s.getSQLState() != null && s.getSQLState().startsWith("08")) return true;
            if (t instanceof java.io.IOException) return true;
        }
        return false;
    }

    /**
     * The server keeps a connection's name in printable ASCII and at most 63 bytes, so the coder's
     * name goes percent-encoded (UTF-8) after "Tamga ", shortened by whole characters until it fits.
     */
    static void announce(ProjectStore store, String coder) {
        String name = coder;
        String value = APPLICATION + " " + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8);
        while (value.length() > 63 && !name.isEmpty()) {
            name = name.substring(0, name.offsetByCodePoints(name.length(), -1)).stripTrailing(); // "Бат-Эрдэнэ", not "Бат-Эрдэнэ "
            value = APPLICATION + " " + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8);
        }
        String announced = value;
        store.inTransaction(() -> {
            try (PreparedStatement ps = store.prepare("SELECT set_config('application_name', ?, false)")) {
                ps.setString(1, announced);
                ps.executeQuery().close();
            }
            return null;
        });
    }

    static List<String> othersWorking(ProjectStore store) {
        return store.inTransaction(() -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement ps = store.prepare("SELECT DISTINCT application_name FROM pg_stat_activity "
                    + "WHERE datname = current_database() AND pid <> pg_backend_pid() AND application_name LIKE ? ORDER BY 1")) {
                ps.setString(1, APPLICATION + " %");
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        try {
                            out.add(java.net.URLDecoder.decode(rs.getString(1).substring(APPLICATION.length() + 1), java.nio.charset.StandardCharsets.UTF_8));
                        } catch (IllegalArgumentException e) {
                            // another program's connection that happens to be named "Tamga …": not a coder
                        }
                    }
                }
            }
            return out.stream().distinct().sorted().toList();
        });
    }

    /**
     * A connection of its own that LISTENs for {@code tamga_changes} (ADR 48): {@link #await} wakes
     * as soon as another connection commits a change, instead of the next look a second later.
     */
    static final class Listener implements AutoCloseable {
        private final Connection connection;
        private final org.postgresql.PGConnection pg;

        Listener(String address) {
            this.connection = connect(address);
            try {
                this.pg = connection.unwrap(org.postgresql.PGConnection.class);
                try (Statement st = connection.createStatement()) {
                    st.execute("LISTEN tamga_changes");
                }
            } catch (SQLException e) {
                close();
                throw new TamgaException("Cannot listen for changes to " + address + ": " + e.getMessage(), e);
            }
        }

        /** Waits up to {@code millis} for a change by any connection (this process's own included); true if one came. */
        boolean await(int millis) {
            try {
                org.postgresql.PGNotification[] n = pg.getNotifications(Math.max(1, millis));
                return n != null && n.length > 0;
            } catch (SQLException e) {
                throw new TamgaException("Lost the connection that listens for changes: " + e.getMessage(), e);
            }
        }

        @Override public void close() {
            try { connection.close(); } catch (SQLException ignored) { /* gone already */ }
        }
    }

    static String schema() { return Migrations.resource("postgresql/schema.sql"); }

    // ---- members and their roles (ADR 49) ----------------------------------------------------

    /** Whether the project knows members and roles (a project published before them does not: every login is an owner). */
    static boolean hasRoles(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT to_regclass('tamga_member') IS NOT NULL"); ResultSet rs = ps.executeQuery()) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    /** Adds the members table and the triggers that enforce the roles, and makes this login an owner (inside the caller's transaction). */
    static void installRoles(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(Migrations.resource("postgresql/roles.sql"));
            st.execute("INSERT INTO tamga_member(login, role) VALUES (session_user, 'owner')");
        }
    }

    /** Who this connection is on the shared project, and what it may do. */
    static Member me(ProjectStore store) {
        return store.inTransaction(() -> {
            Connection c = store.connection();
            if (!hasRoles(c)) {
                return new Member(sessionUser(c), Member.Role.OWNER, null);
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT session_user, tamga_role(), tamga_coder()"); ResultSet rs = ps.executeQuery()) {
                rs.next();
                Member.Role role = Member.Role.of(rs.getString(2));
                return new Member(rs.getString(1), role, role == Member.Role.CODER ? rs.getString(3) : null);
            }
        });
    }

    /** The members of the shared project, by login (none for a project published before roles). */
    static List<Member> members(ProjectStore store) {
        return store.inTransaction(() -> {
            List<Member> out = new ArrayList<>();
            if (!hasRoles(store.connection())) return out;
            try (PreparedStatement ps = store.connection().prepareStatement("SELECT login, role, coder FROM tamga_member ORDER BY login");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Member.Role role = Member.Role.of(rs.getString(2));
                    out.add(new Member(rs.getString(1), role, role == Member.Role.CODER
                            ? (rs.getString(3) == null ? rs.getString(1) : rs.getString(3)) : null));
                }
            }
            return out;
        });
    }

    /**
     * Makes {@code login} a member with {@code role} (and, for a coder, the coder name its codings
     * are made under; null: the login), or changes its role: the row in {@code tamga_member} and the
     * grants on the project's tables, in one transaction. Only an owner may; the login must exist on
     * the server (its administrator creates it); the last owner stays an owner.
     */
    static void setMember(ProjectStore store, String login, Member.Role role, String coder) {
        store.inTransaction(() -> {
            Connection c = store.connection();
            requireOwner(store, "say who its members are");
            if (!hasRoles(c)) installRoles(c);
            requireLogin(store, c, login);
            if (role != Member.Role.OWNER) keepAnOwner(store, c, login);
            String who = quoted(login);
            String schema = quoted(currentSchema(c));
            try (Statement st = c.createStatement()) {
                revokeAll(st, schema, who);
                st.execute("GRANT USAGE ON SCHEMA " + schema + " TO " + who);
                switch (role) {
                    case READER -> st.execute("GRANT SELECT ON ALL TABLES IN SCHEMA " + schema + " TO " + who);
                    case CODER -> {
                        st.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA " + schema + " TO " + who);
                        st.execute("GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA " + schema + " TO " + who);
                        st.execute("REVOKE INSERT, UPDATE, DELETE ON tamga_member, tamga_meta FROM " + who);
                    }
                    case OWNER -> {
                        st.execute("GRANT ALL ON ALL TABLES IN SCHEMA " + schema + " TO " + who + " WITH GRANT OPTION");
                        st.execute("GRANT ALL ON ALL SEQUENCES IN SCHEMA " + schema + " TO " + who + " WITH GRANT OPTION");
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO tamga_member(login, role, coder) VALUES (?, ?, ?) "
                    + "ON CONFLICT (login) DO UPDATE SET role = excluded.role, coder = excluded.coder")) {
                ps.setString(1, login);
                ps.setString(2, role.word());
                ps.setString(3, role == Member.Role.CODER && coder != null && !coder.isBlank() ? coder.strip() : null);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Takes a member's role and grants away; the login can then only read what PostgreSQL lets any login read (nothing of the project). */
    static void removeMember(ProjectStore store, String login) {
        store.inTransaction(() -> {
            Connection c = store.connection();
            requireOwner(store, "say who its members are");
            if (!hasRoles(c) || members(store).stream().noneMatch(m -> m.login().equals(login))) {
                throw new TamgaException(login + " is not a member of " + store.shownName() + ".");
            }
            keepAnOwner(store, c, login);
            try (Statement st = c.createStatement()) {
                revokeAll(st, quoted(currentSchema(c)), quoted(login));
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM tamga_member WHERE login = ?")) {
                ps.setString(1, login);
                ps.executeUpdate();
            }
            return null;
        });
    }

    private static void requireOwner(ProjectStore store, String what) {
        Member me = me(store);
        if (me.role() != Member.Role.OWNER) {
            throw new TamgaException(me.login() + " is a " + me.role().word() + " of " + store.shownName() + ": only an owner may " + what + ".");
        }
    }

    private static void requireLogin(ProjectStore store, Connection c, String login) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT rolcanlogin FROM pg_roles WHERE rolname = ?")) {
            ps.setString(1, login);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new TamgaException("There is no login “" + login + "” on the server of " + store.shownName()
                            + ": its administrator creates it first (CREATE ROLE " + quoted(login) + " LOGIN PASSWORD '…').");
                }
            }
        }
    }

    /** Refuses to leave the project without an owner among its members. */
    private static void keepAnOwner(ProjectStore store, Connection c, String login) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM tamga_member WHERE role = 'owner' AND login <> ?")) {
            ps.setString(1, login);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (rs.getLong(1) == 0) {
                    throw new TamgaException(login + " is the only owner of " + store.shownName() + ": make another member an owner first.");
                }
            }
        }
    }

    private static void revokeAll(Statement st, String schema, String who) throws SQLException {
        st.execute("REVOKE ALL ON ALL TABLES IN SCHEMA " + schema + " FROM " + who);
        st.execute("REVOKE ALL ON ALL SEQUENCES IN SCHEMA " + schema + " FROM " + who);
    }

    private static String currentSchema(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT current_schema()"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** An SQL identifier for any name (quotes doubled), as GRANT needs a login's name. */
    static String quoted(String name) { return '"' + name.replace("\"", "\"\"") + '"'; }

    /** Whether a failure is the server refusing what this login may not do (SQL state 42501), and its own words for it. */
    static String refusal(SQLException e) {
        for (SQLException s = e; s != null; s = s.getNextException()) {
            if ("42501".equals(s.getSQLState())) {
                if (s instanceof org.postgresql.util.PSQLException p && p.getServerErrorMessage() != null) {
                    return p.getServerErrorMessage().getMessage();
                }
                return s.getMessage();
            }
        }
        return null;
    }

    /** Whether a failure is one that trying the same transaction again may cure: a serialization failure or a deadlock. */
    static boolean retryable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s) {
                for (SQLException n = s; n != null; n = n.getNextException()) {
                    if ("40001".equals(n.getSQLState()) || "40P01".equals(n.getSQLState())) return true;
                }
            }
        }
        return false;
    }

    /** Whether the database holds a Tamga project (its marker table). */
    static boolean holdsProject(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT to_regclass('tamga_meta') IS NOT NULL"); ResultSet rs = ps.executeQuery()) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    /** Whether this login may read the project at all (an owner, a member, or a superuser may). */
    static boolean canRead(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT has_table_privilege('tamga_meta', 'SELECT')"); ResultSet rs = ps.executeQuery()) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    static String sessionUser(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT session_user"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }

    static String meta(Connection c, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT value FROM tamga_meta WHERE key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) { return rs.next() ? rs.getString(1) : null; }
        }
    }

    static int schemaVersion(ProjectStore store) {
        try {
            String v = meta(store.connection(), "schema_version");
            return v == null ? 0 : Integer.parseInt(v);
        } catch (SQLException | NumberFormatException e) {
            throw new TamgaException("Cannot read the shared project " + store.shownName() + ": " + e.getMessage(), e);
        }
    }

    /** A number that changes whenever another connection commits a change to the project (the change log, ADR 48). */
    static int othersChanges(ProjectStore store) {
        return changes(store, "SELECT count(*), coalesce(max(id), 0) FROM change_log WHERE pid <> pg_backend_pid()");
    }

    static int ownChanges(ProjectStore store) {
        return changes(store, "SELECT count(*), coalesce(max(id), 0) FROM change_log WHERE pid = pg_backend_pid()");
    }

    private static synchronized int changes(ProjectStore store, String sql) {
        return store.inTransaction(() -> {
            try (PreparedStatement ps = store.prepare(sql); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return (int) (rs.getLong(1) * 31 + rs.getLong(2));
            }
        });
    }

    /** Creates the tables of a project in an empty database and marks it (inside the caller's transaction). */
    static void createSchema(Connection c, int schemaVersion) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(schema());
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO tamga_meta(key, value) VALUES (?, ?)")) {
            for (String[] kv : new String[][] {{"application_id", Integer.toString(ProjectStore.APPLICATION_ID)},
                    {"schema_version", Integer.toString(schemaVersion)}}) {
                ps.setString(1, kv[0]);
                ps.setString(2, kv[1]);
                ps.executeUpdate();
            }
        }
    }

    /**
     * Copies every row of every table from one project to another, of either kind, with their ids
     * (inside the target's transaction; the target's tables are empty). Afterwards a server's ids
     * go on after the largest copied.
     */
    static long copyRows(Connection from, Dialect fromDialect, Connection to, Dialect toDialect) throws SQLException {
        try (Statement st = to.createStatement()) {
            st.execute(toDialect == Dialect.POSTGRESQL ? "SET CONSTRAINTS ALL DEFERRED" : "PRAGMA defer_foreign_keys = ON");
        }
        long rows = 0;
        for (String table : TABLES) {
            try (Statement st = from.createStatement();
                 ResultSet rs = st.executeQuery("SELECT * FROM " + table + (table.equals("project") ? "" : " ORDER BY 1"))) {
                ResultSetMetaData md = rs.getMetaData();
                List<String> columns = new ArrayList<>();
                for (int i = 1; i <= md.getColumnCount(); i++) columns.add(md.getColumnName(i).toLowerCase(Locale.ROOT));
                String sql = "INSERT INTO " + table + "(" + String.join(", ", columns) + ") VALUES ("
                        + String.join(", ", columns.stream().map(x -> "?").toList()) + ")";
                try (PreparedStatement ins = to.prepareStatement(sql)) {
                    int pending = 0;
                    while (rs.next()) {
                        for (int i = 1; i <= columns.size(); i++) ins.setObject(i, rs.getObject(i));
                        ins.addBatch();
                        rows++;
                        if (++pending == 1000) { ins.executeBatch(); pending = 0; }
                    }
                    if (pending > 0) ins.executeBatch();
                }
            }
        }
        if (toDialect == Dialect.POSTGRESQL) {
            try (Statement st = to.createStatement()) {
                for (String table : TABLES) {
                    if (table.equals("project") || table.contains("_attribute") || table.equals("case_document")) continue;
                    st.execute("SELECT setval(pg_get_serial_sequence('" + table + "', 'id'), coalesce(max(id), 0) + 1, false) FROM " + table);
                }
            }
        }
        return rows;
    }

    /** Writes a new project file holding everything the shared project holds now (one consistent snapshot). */
    static void copyTo(ProjectStore shared, Path copy) {
        if (Files.exists(copy)) throw new TamgaException("Cannot write a copy of " + shared.shownName() + " to " + copy + ": that file exists already.");
        String name = shared.project().name();
        boolean written = false;
        try (ProjectStore target = ProjectStore.create(copy, name)) {
            Connection from = shared.connection();
            synchronized (shared) {
                from.setAutoCommit(false);
                from.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                from.setReadOnly(true);
                try {
                    target.inTransaction(() -> {
                        try (Statement st = target.connection().createStatement()) {
                            st.executeUpdate("DELETE FROM project");
                        }
                        copyRows(from, Dialect.POSTGRESQL, target.connection(), Dialect.SQLITE);
                        return null;
                    });
                } finally {
                    from.rollback();
                    from.setReadOnly(false);
                    from.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                    from.setAutoCommit(true);
                }
            }
            written = true;
        } catch (SQLException e) {
            throw new TamgaException("Cannot copy " + shared.shownName() + " to " + copy + ": " + e.getMessage(), e);
        } finally {
            if (!written) deleteQuietly(copy);
        }
    }

    private static void deleteQuietly(Path file) {
        for (String suffix : new String[] {"", "-wal", "-shm"}) {
            try {
                Files.deleteIfExists(file.resolveSibling(file.getFileName() + suffix));
            } catch (IOException ignored) {
                // best effort: a half-written copy is removed where it can be
            }
        }
    }
}
