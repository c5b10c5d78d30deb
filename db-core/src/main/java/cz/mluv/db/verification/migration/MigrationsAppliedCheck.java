package cz.mluv.db.verification.migration;

import cz.mluv.db.verification.CheckId;
import cz.mluv.db.verification.Detail;
import cz.mluv.db.verification.Outcome;
import cz.mluv.db.verification.Rows;
import cz.mluv.db.verification.Severity;
import cz.mluv.db.verification.SqlCheck;
import cz.mluv.migrations.deploy.MigrationScripts;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.flywaydb.core.api.MigrationVersion;

/** {@code migrations-applied}: the schema is at the latest migration on the classpath, with no failed migration. */
public final class MigrationsAppliedCheck extends SqlCheck {

    private static final String UNDEFINED_TABLE = "42P01";

    private final MigrationScripts scripts;

    /** @param scripts the migrations this build ships (the latest one is the expected version) */
    public MigrationsAppliedCheck(MigrationScripts scripts) {
        super(CheckId.MIGRATIONS_APPLIED, "Migrations applied", Severity.CRITICAL,
                "The application and the rest of this catalogue expect the schema of the latest migration; a FAILED row "
                        + "means a migration stopped halfway (seeds 000/001: `alembic current` shows head).",
                "PASS when the latest successful version in flyway_schema_history equals the latest V<n>__*.sql on the "
                        + "classpath and no row failed; FAIL on a failed row, on pending migrations or without a schema "
                        + "history; WARN when the database is at a newer version than this build knows.");
        this.scripts = scripts;
    }

    @Override
    public Outcome evaluate(Connection connection) throws SQLException {
        Optional<MigrationVersion> available = scripts.latest();
        if (available.isEmpty()) {
            return Outcome.fail("no migration script on the classpath (db/migration/V*__*.sql): cannot tell the expected version", null);
        }
        List<Map<String, Object>> history;
        try {
            history = query(connection);
        } catch (SQLException e) {
            if (UNDEFINED_TABLE.equals(e.getSQLState())) {
                return Outcome.fail("no flyway_schema_history: the database was never migrated (expected version "
                        + available.get() + ")", null);
            }
            throw e;
        }
        List<String> failed = history.stream().filter(r -> !Rows.booleanValue(r, "success"))
                .map(r -> "V" + Rows.text(r, "version") + " " + Rows.text(r, "description")).toList();
        MigrationVersion applied = history.stream()
                .filter(r -> Rows.booleanValue(r, "success") && r.get("version") != null)
                .map(r -> MigrationVersion.fromVersion(Rows.text(r, "version")))
                .max(MigrationVersion::compareTo).orElse(MigrationVersion.EMPTY);
        String state = "schema at version " + version(applied) + ", latest available " + available.get();
        if (!failed.isEmpty()) {
            return Outcome.fail(state + "; FAILED migration(s): " + String.join(", ", failed)
                    + " (fix the cause, then `repair` and `migrate`)", Rows.as(history, HistoryRow.class));
        }
        int order = applied.compareTo(available.get());
        if (order < 0) {
            long pending = scripts.all().stream().filter(s -> s.version().compareTo(applied) > 0).count();
            return Outcome.fail(state + "; " + pending + " migration(s) pending (run `migrate`)", Rows.as(history, HistoryRow.class));
        }
        if (order > 0) {
            return Outcome.warn(state + ": the database is newer than this build", Rows.as(history, HistoryRow.class));
        }
        return Outcome.pass(state + "; " + history.size() + " history row(s), none failed", Rows.as(history, HistoryRow.class));
    }

    private static String version(MigrationVersion v) {
        return v == MigrationVersion.EMPTY ? "none" : v.getVersion();
    }

    /**
     * One row of flyway_schema_history.
     *
     * @param installedRank the order Flyway applied it in
     * @param version       the migration's version; {@code null} for a repeatable one
     * @param description   its description
     * @param type          SQL, JDBC, BASELINE, ...
     * @param success       whether it completed
     * @param installedOn   when it was applied
     * @param executionMs   how long it ran, ms
     */
    public record HistoryRow(long installedRank, String version, String description, String type, boolean success,
                             String installedOn, long executionMs) implements Detail {
    }

    @Override
    public String fix() {
        return "Run `./mluv deploy migrate` (the deploy tool: lint, lock timeout, INVALID-index repair). After a FAILED row, fix what stopped the migration, then `./mluv deploy migrate --retry-failed` (or `./mluv deploy rollback`). A database at a newer version than this build: deploy the build that matches it.";
    }
}
