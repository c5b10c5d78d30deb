package cz.mluv.db.verification.migration;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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
 * of the scripts in version order, minus those a later {@code DROP INDEX} removes.
 *
 * <p>Flyway does not notice an index dropped by hand: the migration that built it is applied, so
 * {@code migrate} does not run it again. {@link #restoreStatements(Connection)} gives the
 * statements that rebuild such indexes (as declared, {@code IF NOT EXISTS} included) and
 * {@link #restore(Connection)} runs them; the deploy tool's {@code migrate} is the place to call
 * them. An index that exists but is INVALID is not "missing": rebuild it with
 * {@code REINDEX INDEX CONCURRENTLY} (the deploy tool's INVALID index repair), because
 * {@code CREATE INDEX IF NOT EXISTS} would silently keep it.
 *
 * <p>This class and the others it uses ({@link MigrationScripts}, {@link ExpectedIndex},
 * {@link ExpectedIndexState}, the package-private {@code SqlText} and {@code expected-indexes.sql})
 * depend on nothing but JDBC, Flyway's {@code MigrationVersion} and {@link cz.mluv.migrations.Migrations},
 * so that they can move to the migrations module as they are, where the deploy tool can call them
 * (migrations cannot depend on db-core).
 */
public final class ExpectedIndexes {

    private static final Pattern STATEMENT = Pattern.compile(
            "CREATE\\s+(?<unique>UNIQUE\\s+)?INDEX\\s+(?:CONCURRENTLY\\s+)?(?:IF\\s+NOT\\s+EXISTS\\s+)?"
                    + "(?<name>\"[^\"]+\"|[\\w$]+)\\s+ON\\s+(?:ONLY\\s+)?(?<table>(?:\"[^\"]+\"|[\\w$]+)(?:\\.(?:\"[^\"]+\"|[\\w$]+))?)"
                    + "[^;]*"
                    + "|DROP\\s+INDEX\\s+(?:CONCURRENTLY\\s+)?(?:IF\\s+EXISTS\\s+)?(?<dropped>[^;]+)",
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
     * @param scripts migration scripts
     * @return the indexes they declare, in declaration order
     */
    public static ExpectedIndexes of(MigrationScripts scripts) {
        Map<String, ExpectedIndex> byName = new LinkedHashMap<>();
        for (MigrationScript script : scripts.all()) {
            SqlText text = SqlText.of(script.text());
            Matcher m = STATEMENT.matcher(text.searchable());
            while (m.find()) {
                if (m.group("dropped") != null) {
                    for (String dropped : m.group("dropped").split(",")) {
                        byName.remove(unqualified(dropped.strip().split("\\s+")[0]));
                    }
                } else {
                    String name = identifier(m.group("name"));
                    byName.put(name, new ExpectedIndex(name, m.group("table"), m.group("unique") != null,
                            script.version(), script.fileName(),
                            text.readable().substring(m.start(), m.end()).strip().replaceAll("\\s+", " ")));
                }
            }
        }
        return new ExpectedIndexes(List.copyOf(byName.values()));
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
     * @return the expected indexes of the applied migrations that do not exist
     * @throws SQLException when the catalog or the schema history cannot be read
     */
    public List<ExpectedIndex> missing(Connection connection) throws SQLException {
        return states(connection).stream().filter(s -> !s.present()).map(ExpectedIndexState::index).toList();
    }

    /**
     * The statements that rebuild the missing expected indexes, exactly as their migrations declare
     * them. Run each on its own in auto-commit mode ({@code CREATE INDEX CONCURRENTLY} refuses to run
     * inside a transaction), with {@code lock_timeout} set on a live database.
     *
     * @param connection the database
     * @return one {@code CREATE INDEX} statement per missing index; empty when none is missing
     * @throws SQLException when the catalog or the schema history cannot be read
     */
    public List<String> restoreStatements(Connection connection) throws SQLException {
        return missing(connection).stream().map(ExpectedIndex::createStatement).toList();
    }

    /**
     * Rebuilds the missing expected indexes with {@link #restoreStatements(Connection)}, one
     * auto-committed statement each; stops at the first failure. Leaves auto-commit switched on.
     *
     * @param connection the database; its role must own the tables
     * @return the indexes rebuilt
     * @throws SQLException when a statement fails (a failed concurrent build leaves an INVALID index
     *                      behind: the deploy tool's INVALID index repair rebuilds it)
     */
    public List<ExpectedIndex> restore(Connection connection) throws SQLException {
        List<ExpectedIndex> missing = missing(connection);
        connection.setAutoCommit(true);
        try (Statement st = connection.createStatement()) {
            for (ExpectedIndex index : missing) {
                st.execute(index.createStatement());
            }
        }
        return missing;
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
