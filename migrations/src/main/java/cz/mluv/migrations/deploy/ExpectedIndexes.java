package cz.mluv.migrations.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The indexes the migrations declare, parsed from the versioned scripts on the classpath rather
 * than counted by hand: every {@code CREATE [UNIQUE] INDEX [CONCURRENTLY] [IF NOT EXISTS] <name>}
 * of the scripts in version order, minus those a later {@code DROP INDEX} removes. Statements
 * inside comments or string literals do not count; those in a {@code DO $$ ... $$} body do.
 *
 * <p>Flyway does not notice an index dropped by hand: the migration that built it is applied, so
 * Flyway's migrate does not run it again. The deploy tool's {@code migrate} therefore calls
 * {@link #restore(Connection)} after Flyway, which rebuilds every missing one with
 * {@link ExpectedIndex#restoreStatement()} ({@code CONCURRENTLY}, as declared otherwise); the
 * verification catalogue (db-core) reports them with {@link #states(Connection)}. An index that
 * exists but is INVALID is not "missing": {@link InvalidIndexRepair} rebuilds it with
 * {@code REINDEX INDEX CONCURRENTLY}, because {@code CREATE INDEX IF NOT EXISTS} would silently
 * keep it.
 *
 * <p>Depends on nothing but JDBC and Flyway's {@code MigrationVersion}.
 */
public final class ExpectedIndexes {

    private static final Pattern STATEMENT = Pattern.compile(
            "CREATE\\s+(?<unique>UNIQUE\\s+)?INDEX\\s+(?:CONCURRENTLY\\s+)?(?:IF\\s+NOT\\s+EXISTS\\s+)?"
                    + "(?<name>\"[^\"]+\"|[\\w$]+)\\s+ON\\s+(?:ONLY\\s+)?(?<table>(?:\"[^\"]+\"|[\\w$]+)(?:\\.(?:\"[^\"]+\"|[\\w$]+))?)"
                    + "[^;]*"
                    + "|DROP\\s+INDEX\\s+(?:CONCURRENTLY\\s+)?(?:IF\\s+EXISTS\\s+)?(?<dropped>[^;]+)"
                    + "|DROP\\s+(?:TABLE|MATERIALIZED\\s+VIEW)\\s+(?:IF\\s+EXISTS\\s+)?(?<droppedTables>[^;]+)"
                    + "|ALTER\\s+(?<renamedKind>INDEX|TABLE|MATERIALIZED\\s+VIEW)\\s+(?:IF\\s+EXISTS\\s+)?"
                    + "(?<renamed>(?:\"[^\"]+\"|[\\w$]+)(?:\\.(?:\"[^\"]+\"|[\\w$]+))?)\\s+RENAME\\s+TO\\s+(?<to>\"[^\"]+\"|[\\w$]+)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern LAST_PART = Pattern.compile("(\"[^\"]+\"|[\\w$]+)$");
    private static final String STATE_SQL = readSql("expected-indexes.sql");

    private final List<ExpectedIndex> declared;

    private ExpectedIndexes(List<ExpectedIndex> declared) {
        this.declared = List.copyOf(declared);
    }

    /**
     * @return the indexes declared by the migration scripts on the classpath
     * @throws java.io.UncheckedIOException when a script cannot be read
     */
    public static ExpectedIndexes fromClasspath() {
        return of(MigrationScripts.fromClasspath());
    }

    /**
     * @param loader the class loader that sees the migration scripts
     * @return the indexes declared by the migration scripts it finds
     * @throws java.io.UncheckedIOException when a script cannot be read
     */
    public static ExpectedIndexes fromClasspath(ClassLoader loader) {
        return of(MigrationScripts.fromClasspath(loader));
    }

    /**
     * @param scripts migration scripts
     * @return the indexes they declare, in declaration order
     */
    public static ExpectedIndexes of(MigrationScripts scripts) {
        Map<String, ExpectedIndex> byName = new LinkedHashMap<>();
        for (MigrationScript script : scripts.all()) {
            for (String statement : SqlScript.parse(script.text()).statements()) {
                declare(byName, script, SqlScript.mask(statement));
            }
        }
        return new ExpectedIndexes(List.copyOf(byName.values()));
    }

    // A statement declares or drops indexes at its start, or inside a DO body (then several may follow).
    private static void declare(Map<String, ExpectedIndex> byName, MigrationScript script, SqlScript.Masked text) {
        Matcher m = STATEMENT.matcher(text.searchable());
        while (m.find()) {
            if (m.group("dropped") != null) {
                for (String dropped : m.group("dropped").split(",")) {
                    byName.remove(unqualified(dropped.strip().split("\\s+")[0]));
                }
            } else if (m.group("droppedTables") != null) {
                for (String dropped : m.group("droppedTables").split(",")) {
                    String table = unqualified(dropped.strip().split("\\s+")[0]);
                    byName.values().removeIf(i -> unqualified(i.table()).equals(table));
                }
            } else if (m.group("renamed") != null) {
                rename(byName, m.group("renamedKind").toUpperCase(Locale.ROOT).startsWith("INDEX"),
                        unqualified(m.group("renamed")), m.group("to"));
            } else {
                String name = identifier(m.group("name"));
                byName.put(name, new ExpectedIndex(name, m.group("table"), m.group("unique") != null,
                        script.version(), script.fileName(),
                        text.readable().substring(m.start(), m.end()).strip().replaceAll("\\s+", " ")));
            }
        }
    }

    // An index renamed keeps its definition under the new name; a table renamed keeps its indexes.
    private static void rename(Map<String, ExpectedIndex> byName, boolean index, String from, String to) {
        List<ExpectedIndex> all = new ArrayList<>(byName.values());
        byName.clear();
        for (ExpectedIndex i : all) {
            ExpectedIndex renamed = i;
            if (index && i.name().equals(from)) {
                renamed = respell(i, to, null);
            } else if (!index && unqualified(i.table()).equals(from)) {
                renamed = respell(i, null, to);
            }
            byName.put(renamed.name(), renamed);
        }
    }

    // The declaration with its index name or its table replaced, as if the script had written them so.
    private static ExpectedIndex respell(ExpectedIndex i, String name, String table) {
        Matcher m = STATEMENT.matcher(i.createStatement());
        if (!m.lookingAt() || m.group("name") == null) {
            return i;
        }
        String sql = i.createStatement();
        String respelled = sql.substring(0, m.start("name")) + (name != null ? name : m.group("name"))
                + sql.substring(m.end("name"), m.start("table")) + (table != null ? table : m.group("table"))
                + sql.substring(m.end("table"));
        return new ExpectedIndex(name != null ? identifier(name) : i.name(), table != null ? table : i.table(), i.unique(),
                i.version(), i.script(), respelled);
    }

    /**
     * @return the query {@link #states(Connection)} runs (parameters: the index names, the versions
     *         declaring them), for reports that show the SQL behind a result
     */
    public static String stateSql() {
        return STATE_SQL;
    }

    /** @return every declared index, in declaration order */
    public List<ExpectedIndex> all() {
        return declared;
    }

    /**
     * Looks up, for each index declared by a migration that this database has applied
     * (successfully, per {@code flyway_schema_history}), whether it exists and is valid.
     *
     * @param connection the database, searched in its current schema
     * @return one state per expected index of the applied migrations, in declaration order
     * @throws SQLException when the catalog or the schema history cannot be read (SQLSTATE 42P01
     *                      when the database has no schema history: it was never migrated)
     */
    public List<ExpectedIndexState> states(Connection connection) throws SQLException {
        Map<String, ExpectedIndex> byName = new LinkedHashMap<>();
        declared.forEach(i -> byName.put(i.name(), i));
        List<ExpectedIndexState> states = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(STATE_SQL)) {
            ps.setArray(1, connection.createArrayOf("text", declared.stream().map(ExpectedIndex::name).toArray()));
            ps.setArray(2, connection.createArrayOf("text", declared.stream().map(i -> i.version().getVersion()).toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    states.add(new ExpectedIndexState(byName.get(rs.getString("index_name")), rs.getBoolean("present"),
                            rs.getBoolean("valid")));
                }
            }
        }
        return states;
    }

    /**
     * @param connection the database
     * @return the expected indexes of the applied migrations that do not exist, in declaration
     *         order; empty when the database has no schema history (never migrated: nothing is
     *         expected yet)
     * @throws SQLException when the catalog or the schema history cannot be read
     */
    public List<ExpectedIndex> missing(Connection connection) throws SQLException {
        if (!hasSchemaHistory(connection)) {
            return List.of();
        }
        return states(connection).stream().filter(s -> !s.present()).map(ExpectedIndexState::index).toList();
    }

    /**
     * The statements that rebuild the missing expected indexes: {@link ExpectedIndex#restoreStatement()}
     * each, that is as the migration declares it, built {@code CONCURRENTLY}. Run each on its own in
     * auto-commit mode ({@code CREATE INDEX CONCURRENTLY} refuses to run inside a transaction), with
     * {@code lock_timeout} set on a live database.
     *
     * @param connection the database
     * @return one {@code CREATE INDEX CONCURRENTLY} statement per missing index; empty when none is missing
     * @throws SQLException when the catalog or the schema history cannot be read
     */
    public List<String> restoreStatements(Connection connection) throws SQLException {
        return missing(connection).stream().map(ExpectedIndex::restoreStatement).toList();
    }

    /**
     * Rebuilds every missing expected index with its {@link ExpectedIndex#restoreStatement()}, one
     * auto-committed statement each. One index failing (e.g. {@code lock_timeout}, or duplicate rows
     * for a UNIQUE one) does not stop the others. Switches the connection to auto-commit and leaves
     * it so.
     *
     * @param connection the database; its role must own the tables
     * @return one result per missing index, in declaration order (empty when none was missing);
     *         check {@link IndexRestore#failed()}. A failed concurrent build may leave an INVALID
     *         index behind: {@link InvalidIndexRepair} rebuilds or reports it.
     * @throws SQLException when the catalog or the schema history cannot be read
     */
    public List<IndexRestore> restore(Connection connection) throws SQLException {
        List<ExpectedIndex> missing = missing(connection);
        connection.setAutoCommit(true);
        List<IndexRestore> results = new ArrayList<>();
        for (ExpectedIndex index : missing) {
            String sql = index.restoreStatement();
            long started = System.nanoTime();
            try (Statement st = connection.createStatement()) {
                st.execute(sql);
                results.add(new IndexRestore(index, sql, "", Duration.ofNanos(System.nanoTime() - started)));
            } catch (SQLException e) {
                results.add(new IndexRestore(index, sql, Failure.describe(e), Duration.ofNanos(System.nanoTime() - started)));
            }
        }
        return results;
    }

    private static boolean hasSchemaHistory(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT to_regclass('flyway_schema_history') IS NOT NULL")) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    private static String readSql(String file) {
        try (InputStream in = ExpectedIndexes.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("missing SQL resource " + file + " beside " + ExpectedIndexes.class.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static String identifier(String written) {
        return written.startsWith("\"") ? written.substring(1, written.length() - 1) : written.toLowerCase(Locale.ROOT);
    }

    private static String unqualified(String written) {
        Matcher last = LAST_PART.matcher(written);
        return identifier(last.find() ? last.group(1) : written);
    }
}
