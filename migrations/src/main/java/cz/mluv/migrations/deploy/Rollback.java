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
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.Configuration;

/**
 * Undoes applied migrations with our own rollback scripts ({@code flyway undo} is a paid
 * feature) and deletes their rows from Flyway's schema history, so that the history stays
 * consistent and a later migrate applies them again.
 *
 * <p>A script holding only transactional statements runs in one transaction together with the
 * history delete: it is undone completely or not at all. A script with statements PostgreSQL
 * refuses inside a transaction ({@code DROP INDEX CONCURRENTLY}) runs statement by statement and
 * the history row goes last; such scripts use {@code IF EXISTS} so that a rerun after a partial
 * failure finishes the job.
 */
final class Rollback {

    private final Flyway flyway;
    private final DataSource dataSource;
    private final ClassLoader resources;

    Rollback(Flyway flyway, DataSource dataSource, ClassLoader resources) {
        this.flyway = flyway;
        this.dataSource = dataSource;
        this.resources = resources;
    }

    /**
     * The applied migrations to undo, newest first.
     *
     * @param to the version to end at (every applied version above it is undone); {@code null}
     *           for one step (the newest applied version only)
     * @return the steps, empty when nothing is applied above {@code to}
     */
    List<RollbackStep> plan(MigrationVersion to) {
        List<MigrationInfo> applied = Arrays.stream(flyway.info().applied())
                .filter(m -> m.isVersioned() && m.getVersion() != null)
                .sorted(Comparator.comparing(MigrationInfo::getVersion).reversed())
                .toList();
        List<MigrationInfo> undo = to == null
                ? applied.stream().limit(1).toList()
                : applied.stream().filter(m -> m.getVersion().isNewerThan(to)).toList();
        return undo.stream().map(this::step).distinct().toList();
    }

    /**
     * @param steps steps from {@link #plan}
     * @return the newest applied version that those steps leave in place, empty when none is left
     */
    Optional<MigrationVersion> versionAfter(List<RollbackStep> steps) {
        List<MigrationVersion> undone = steps.stream().map(RollbackStep::version).toList();
        return Arrays.stream(flyway.info().applied())
                .filter(m -> m.isVersioned() && m.getVersion() != null && !undone.contains(m.getVersion()))
                .map(MigrationInfo::getVersion)
                .max(Comparator.naturalOrder());
    }

    /** @return the newest applied version, empty when none is applied */
    Optional<MigrationVersion> currentVersion() {
        MigrationInfo current = flyway.info().current();
        return current == null ? Optional.empty() : Optional.ofNullable(current.getVersion());
    }

    private RollbackStep step(MigrationInfo m) {
        Optional<String> resource = RollbackStep.expectedRollbackResource(m.getScript())
                .filter(r -> resources.getResource(r) != null);
        return new RollbackStep(m.getVersion(), m.getDescription(), m.getScript(), resource);
    }

    /** A check run on the step's connection before its first statement (inside its transaction when it has one). */
    @FunctionalInterface
    interface BeforeDrops {
        /** Nothing to check. */
        BeforeDrops NONE = c -> { };

        void check(Connection c) throws SQLException;
    }

    /**
     * @param step a step with a rollback script
     * @return its script, parsed
     */
    SqlScript script(RollbackStep step) {
        String resource = step.rollbackResource().orElseThrow(() -> new IllegalArgumentException("no rollback script: " + step));
        return SqlScript.parse(read(resource));
    }

    /** @return the script's text, as stored */
    String scriptText(RollbackStep step) {
        return read(step.rollbackResource().orElseThrow(() -> new IllegalArgumentException("no rollback script: " + step)));
    }

    /**
     * Runs one step's rollback script and deletes the version's rows from the schema history.
     *
     * @param step  a step with a rollback script
     * @param check runs first, in the same transaction as the script when the script is transactional
     * @throws DeployException (failed) naming the statement that failed, or thrown by {@code check}
     */
    void run(RollbackStep step, BeforeDrops check) {
        String resource = step.rollbackResource().orElseThrow(() -> new IllegalArgumentException("no rollback script: " + step));
        SqlScript script = script(step);
        try (Connection c = dataSource.getConnection()) {
            if (script.transactional()) {
                runInOneTransaction(c, script, step, resource, check);
            } else {
                checkInOwnTransaction(c, check);
                runStatementByStatement(c, script, step, resource);
            }
        } catch (SQLException e) {
            throw DeployException.failed("rollback of " + step.label() + " could not finish: " + Failure.describe(e), e);
        }
    }

    private void runInOneTransaction(Connection c, SqlScript script, RollbackStep step, String resource, BeforeDrops check)
            throws SQLException {
        inTransaction(c, tx -> {
            check.check(tx);
            execute(tx, script, resource);
            deleteHistory(tx, step.version());
        });
    }

    // A script that runs outside a transaction cannot keep the check's locks until its drops:
    // the check runs just before, in a transaction of its own (LOCK TABLE needs one).
    private static void checkInOwnTransaction(Connection c, BeforeDrops check) throws SQLException {
        inTransaction(c, check);
    }

    // Runs work in one transaction on c: committed when it returns, rolled back when it throws.
    private static void inTransaction(Connection c, BeforeDrops work) throws SQLException {
        c.setAutoCommit(false);
        try {
            work.check(c);
            c.commit();
        } catch (RuntimeException | SQLException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    private void runStatementByStatement(Connection c, SqlScript script, RollbackStep step, String resource) throws SQLException {
        c.setAutoCommit(true);
        execute(c, script, resource);
        deleteHistory(c, step.version());
    }

    private static void execute(Connection c, SqlScript script, String resource) {
        List<String> statements = script.statements();
        for (int i = 0; i < statements.size(); i++) {
            try (Statement st = c.createStatement()) {
                st.execute(statements.get(i));
            } catch (SQLException e) {
                throw DeployException.failed(resource + " failed at statement " + (i + 1) + " of " + statements.size()
                        + " (" + firstLine(statements.get(i)) + "): " + Failure.describe(e), e);
            }
        }
    }

    private void deleteHistory(Connection c, MigrationVersion version) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + historyTable(c) + " WHERE version = ?")) {
            ps.setString(1, version.getVersion());
            ps.executeUpdate();
        }
    }

    private String historyTable(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT format('%I.%I', ?, ?)")) {
            ps.setString(1, historySchema(c));
            ps.setString(2, flyway.getConfiguration().getTable());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    /**
     * Holds Flyway's lock on the schema history table, so that no migrate runs beside this rollback.
     *
     * @return the held lock; close it when the rollback is done
     * @throws DeployException (failed) when another migrate or rollback holds it past the lock timeout
     */
    FlywayLock lock() throws SQLException {
        String schema;
        try (Connection c = dataSource.getConnection()) {
            schema = historySchema(c);
        }
        return FlywayLock.acquire(dataSource, schema, flyway.getConfiguration().getTable());
    }

    // Flyway's rule: the configured default schema, else the first configured schema, else the
    // connection's current schema.
    private String historySchema(Connection c) throws SQLException {
        Configuration config = flyway.getConfiguration();
        if (config.getDefaultSchema() != null) {
            return config.getDefaultSchema();
        }
        if (config.getSchemas().length > 0) {
            return config.getSchemas()[0];
        }
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT current_schema()")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private String read(String resource) {
        try (InputStream in = resources.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("rollback script disappeared from the classpath: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    private static String firstLine(String statement) {
        String s = SqlScript.withoutLeadingComments(statement);
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl) + " ...";
    }
}
