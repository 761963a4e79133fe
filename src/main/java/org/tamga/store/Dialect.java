package org.tamga.store;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The two databases a project lives in (ADR 48): a project file (SQLite, the default) or a shared
 * project on a PostgreSQL server. The repositories write their SQL once, for SQLite; the few
 * phrases PostgreSQL says differently are translated here, in one place, and nowhere else.
 */
enum Dialect {
    SQLITE,
    POSTGRESQL;

    /** {@code x COLLATE NOCASE}: SQLite folds ASCII letters only; so does {@code lower()} under the "C" collation. */
    private static final Pattern NOCASE = Pattern.compile("([A-Za-z_][A-Za-z_0-9.]*) COLLATE NOCASE");
    private static final Pattern OR_IGNORE = Pattern.compile("^INSERT OR IGNORE INTO (.*)$", Pattern.DOTALL);
    private static final Map<String, String> TRANSLATED = new ConcurrentHashMap<>();

    /** The statement as this database reads it. */
    String sql(String sqlite) {
        if (this == SQLITE) return sqlite;
        return TRANSLATED.computeIfAbsent(sqlite, Dialect::forPostgresql);
    }

    private static String forPostgresql(String sql) {
        String out = NOCASE.matcher(sql).replaceAll(m -> Matcher.quoteReplacement("lower(" + m.group(1) + " COLLATE \"C\")"));
        Matcher ignore = OR_IGNORE.matcher(out);
        if (ignore.matches()) out = "INSERT INTO " + ignore.group(1).strip() + " ON CONFLICT DO NOTHING";
        return out;
    }
}
