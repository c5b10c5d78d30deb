package cz.mluv.migrations.deploy;

import cz.mluv.migrations.Migrations;
import cz.mluv.migrations.deploy.SafeMigrationException.Reason;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.output.MigrateOutput;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The one way Mluv migrates a database: the deploy tool's {@code migrate} and the services' migrate
 * on start (db-core's {@code DatabaseBootstrap}) both run it.
 *
 * <ol>
 *   <li>FAILED rows in the schema history (a script run outside a transaction failed, e.g. a
 *       {@code CREATE INDEX CONCURRENTLY} that hit {@code lock_timeout}): refused, unless
 *       {@link #retryFailed(boolean) retrying} was asked for and every statement of the failed
 *       script is idempotent; then their rows are deleted so that Flyway runs them again.</li>
 *   <li>INVALID indexes (left by a failed concurrent build) are rebuilt with
 *       {@code REINDEX INDEX CONCURRENTLY} ({@link InvalidIndexRepair}).</li>
 *   <li>Flyway migrates (to the latest version or the {@link #target(MigrationVersion) target}),
 *       printing each migration with its risk and expected duration as it starts.</li>
 *   <li>Missing expected indexes (dropped by hand; Flyway does not rerun an applied migration) are
 *       restored {@code CONCURRENTLY} ({@link ExpectedIndexes#restore(Connection)}).</li>
 *   <li>INVALID indexes are rebuilt again (a restore or a migration may have left one).</li>
 * </ol>
 *
 * <p>Every session, Flyway's included, runs with the given {@code lock_timeout} (a DDL statement
 * waiting for a lock would queue every later query on its table behind it) and
 * {@code statement_timeout = 0} (an index build may run for minutes). Progress goes, one line at a
 * time, to the {@link #progress(Consumer) progress} sink. Not thread-safe: configure, then call
 * {@link #migrate()} once.
 */
public final class SafeMigration {

    private final DataSource dataSource;
    private MigrationVersion target = MigrationVersion.LATEST;
    private boolean retryFailed;
    private ClassLoader resources = Migrations.class.getClassLoader();
    private Consumer<String> progress = line -> { };

    private SafeMigration(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * @param dataSource  the database to migrate; the user needs DDL rights on its tables
     * @param lockTimeout {@code lock_timeout} of every session; {@link Duration#ZERO} waits forever
     * @return a migration to the latest version, without retrying failed migrations, printing nothing
     */
    public static SafeMigration of(DataSource dataSource, Duration lockTimeout) {
        return new SafeMigration(SessionSettingsDataSource.of(dataSource, lockTimeout, true));
    }

    /**
     * @param version the version to migrate to; {@link MigrationVersion#LATEST} (the default) for all
     * @return this
     */
    public SafeMigration target(MigrationVersion version) {
        this.target = Objects.requireNonNull(version);
        return this;
    }

    /**
     * @param retry {@code true} to retry migrations that FAILED earlier outside a transaction, when
     *              their statements are idempotent (default {@code false}: refuse)
     * @return this
     */
    public SafeMigration retryFailed(boolean retry) {
        this.retryFailed = retry;
        return this;
    }

    /**
     * @param loader the class loader that sees the migration scripts and their metadata (default:
     *               the migrations module's)
     * @return this
     */
    public SafeMigration resources(ClassLoader loader) {
        this.resources = Objects.requireNonNull(loader);
        return this;
    }

    /**
     * @param sink receives each progress line (no line breaks), e.g.
     *             {@code Applying V2 performance indexes ... (risk medium; ...)}
     * @return this
     */
    public SafeMigration progress(Consumer<String> sink) {
        this.progress = Objects.requireNonNull(sink);
        return this;
    }

    /**
     * Runs the steps listed on the class.
     *
     * @return what was done
     * @throws SafeMigrationException                       when a FAILED migration is in the history and
     *                                                      retrying was not asked for or is not safe
     *                                                      (nothing changed), or when indexes were left
     *                                                      INVALID or missing after migrating
     * @throws org.flywaydb.core.api.FlywayException        when a migration or Flyway's validation fails
     *                                                      (SQLSTATE 55P03 in the cause: lock timeout)
     * @throws SQLException                                 when the database cannot be read or reached
     */
    public Outcome migrate() throws SQLException {
        Map<String, MigrationMetadata> metadata = MigrationMetadata.load(resources);
        Flyway flyway = Migrations.configure(dataSource).target(target)
                .callbacks(new MigrationProgress(progress, m -> MigrationProgress.metadataLine(metadata, m))).load();
        List<String> retried = retryOrRefuseFailed(flyway);
        InvalidIndexRepair repair = new InvalidIndexRepair(dataSource);
        List<IndexRepair> before = report("before migrate", repair.repairAll());
        MigrateResult result = flyway.migrate();
        reportApplied(result);
        List<IndexRestore> restored = restoreMissingIndexes();
        List<IndexRepair> after = report("after migrate", repair.repairAll());
        failIfIndexesLeftBroken(after, restored);
        return new Outcome(retried, before, result, restored, after);
    }

    private List<String> retryOrRefuseFailed(Flyway flyway) throws SQLException {
        List<MigrationInfo> failed = Arrays.stream(flyway.info().all()).filter(m -> m.getState().isFailed()).toList();
        if (failed.isEmpty()) {
            if (retryFailed) {
                progress.accept("Failed migrations: none, nothing to retry");
            }
            return List.of();
        }
        List<String> names = failed.stream().map(DatabaseCommand::name).toList();
        if (!retryFailed) {
            throw new SafeMigrationException(Reason.FAILED_MIGRATION_IN_HISTORY, String.join(", ", names)
                    + " FAILED earlier outside a transaction (e.g. a concurrent index build hit lock_timeout) and Flyway"
                    + " keeps its FAILED row: run `migrate --retry-failed` to check that its statements are idempotent,"
                    + " remove the row, rebuild the INVALID indexes it left and apply it again; nothing was changed");
        }
        List<String> done = new FailedMigrationRetry(MigrationScripts.fromClasspath(resources))
                .removeFailedRows(dataSource, flyway.getConfiguration().getTable(), failed);
        done.forEach(line -> progress.accept("Failed migrations: " + line));
        return names;
    }

    // Flyway does not rerun an applied migration, so an index it built and someone dropped stays missing.
    private List<IndexRestore> restoreMissingIndexes() throws SQLException {
        List<IndexRestore> restored;
        try (Connection c = dataSource.getConnection()) {
            restored = ExpectedIndexes.fromClasspath(resources).restore(c);
        }
        if (restored.isEmpty()) {
            progress.accept("Missing expected indexes: none");
        }
        restored.forEach(r -> progress.accept("Missing expected indexes: " + r.describe()));
        return restored;
    }

    private void failIfIndexesLeftBroken(List<IndexRepair> after, List<IndexRestore> restored) {
        // The repair after migrate retries whatever the one before could not fix: its failures are what is left.
        List<String> stillInvalid = after.stream().filter(IndexRepair::failed).map(r -> r.index().qualifiedName()).distinct().toList();
        List<String> notRestored = restored.stream().filter(IndexRestore::failed).map(r -> r.index().name()).toList();
        if (stillInvalid.isEmpty() && notRestored.isEmpty()) {
            return;
        }
        String invalid = stillInvalid.isEmpty() ? "" : stillInvalid.size() + " INVALID index(es) could not be rebuilt: "
                + String.join(", ", stillInvalid);
        String missing = notRestored.isEmpty() ? "" : notRestored.size() + " missing expected index(es) could not be restored: "
                + String.join(", ", notRestored);
        throw new SafeMigrationException(Reason.INDEXES_LEFT_BROKEN, (invalid.isEmpty() || missing.isEmpty() ? invalid + missing
                : missing + "; " + invalid) + " (see above; fix the cause, e.g. duplicate rows, and run migrate again)");
    }

    private List<IndexRepair> report(String when, List<IndexRepair> repairs) {
        if (repairs.isEmpty()) {
            progress.accept("INVALID indexes " + when + ": none");
        }
        repairs.forEach(r -> progress.accept("INVALID indexes " + when + ": " + r.describe()));
        return repairs;
    }

    private void reportApplied(MigrateResult result) {
        if (result.migrationsExecuted == 0) {
            progress.accept("Schema is up to date at version " + orNone(result.initialSchemaVersion) + "; nothing to apply.");
            return;
        }
        progress.accept("Applied " + result.migrationsExecuted + " migration(s), schema version "
                + orNone(result.initialSchemaVersion) + " -> " + orNone(result.targetSchemaVersion) + ":");
        for (MigrateOutput m : result.migrations) {
            progress.accept("  V" + m.version + " " + m.description + " (" + m.executionTime + " ms)");
        }
    }

    private static String orNone(String version) {
        return version == null ? "none" : version;
    }

    /**
     * What {@link #migrate()} did.
     *
     * @param retried        the failed migrations whose FAILED rows were removed to run them again,
     *                       e.g. {@code V2 performance indexes}; empty when none
     * @param repairedBefore the INVALID indexes handled before Flyway migrated
     * @param flyway         Flyway's result: versions before and after, migrations applied
     * @param restored       the missing expected indexes rebuilt after Flyway
     * @param repairedAfter  the INVALID indexes handled at the end
     */
    public record Outcome(List<String> retried, List<IndexRepair> repairedBefore, MigrateResult flyway,
                          List<IndexRestore> restored, List<IndexRepair> repairedAfter) {

        /** @return the number of migrations Flyway applied */
        public int migrationsApplied() {
            return flyway.migrationsExecuted;
        }

        /** @return the schema version at the end, {@code null} when no migration exists */
        public String schemaVersion() {
            return flyway.targetSchemaVersion != null ? flyway.targetSchemaVersion : flyway.initialSchemaVersion;
        }
    }
}
