package cz.mluv.db.verification.migration;

import cz.mluv.db.verification.CheckId;
import cz.mluv.db.verification.Detail;
import cz.mluv.db.verification.Outcome;
import cz.mluv.db.verification.Severity;
import cz.mluv.db.verification.SqlCheck;
import cz.mluv.migrations.deploy.ExpectedIndex;
import cz.mluv.migrations.deploy.ExpectedIndexState;
import cz.mluv.migrations.deploy.ExpectedIndexes;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code expected-indexes}: every index the applied migrations declare exists and is valid. The
 * expected set is parsed from the scripts ({@link ExpectedIndexes}, in the migrations module, which the
 * deploy tool's {@code migrate} uses to restore missing ones), not counted by hand (the seeds'
 * "11+ performance indexes exist" and "All 57 indexes created" are hand counts that drift).
 */
public final class ExpectedIndexesCheck extends SqlCheck {

    private static final String UNDEFINED_TABLE = "42P01";

    private final ExpectedIndexes expected;

    /** @param expected the indexes the migrations on the classpath declare */
    public ExpectedIndexesCheck(ExpectedIndexes expected) {
        super(CheckId.EXPECTED_INDEXES, "Every expected index exists", Severity.CRITICAL,
                "The hot reads and their plan contracts rely on these indexes (design: indexes the seeds name), and a "
                        + "unique one enforces a rule of the data. Flyway does not notice an index dropped by hand, since "
                        + "the migration that built it is already applied.",
                "PASS when every CREATE INDEX of the applied migrations (db/migration/V*__*.sql, minus later DROP "
                        + "INDEX and the indexes of a dropped view or table, renames followed) names an existing, valid "
                        + "index in the current schema; FAIL when one is missing or INVALID.",
                ExpectedIndexes.stateSql());
        this.expected = expected;
    }

    @Override
    public Outcome evaluate(Connection connection) throws SQLException {
        if (expected.all().isEmpty()) {
            return Outcome.fail("the migration scripts on the classpath declare no index: cannot verify", null);
        }
        List<ExpectedIndexState> states;
        try {
            states = expected.states(connection);
        } catch (SQLException e) {
            if (UNDEFINED_TABLE.equals(e.getSQLState())) {
                return Outcome.fail("no flyway_schema_history: the database was never migrated", null);
            }
            throw e;
        }
        List<ExpectedIndexRow> details = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        List<String> invalid = new ArrayList<>();
        for (ExpectedIndexState s : states) {
            ExpectedIndex i = s.index();
            String state = !s.present() ? "MISSING" : s.valid() ? "ok" : "INVALID";
            details.add(new ExpectedIndexRow(i.name(), i.table(), i.script(), state, s.present() ? null : i.restoreStatement()));
            if (!s.present()) {
                missing.add(i.name());
            } else if (!s.valid()) {
                invalid.add(i.name());
            }
        }
        // Problems first: a report shows the first rows only.
        details.sort(Comparator.comparing(row -> "ok".equals(row.state())));
        if (!missing.isEmpty() || !invalid.isEmpty()) {
            return Outcome.fail((missing.isEmpty() ? "" : missing.size() + " of " + states.size() + " expected index(es) missing: "
                    + String.join(", ", missing) + " (Flyway does not rerun an applied migration: `mluv-deploy migrate` restores them, see restore_with)")
                    + (missing.isEmpty() || invalid.isEmpty() ? "" : "; ")
                    + (invalid.isEmpty() ? "" : "INVALID: " + String.join(", ", invalid) + " (REINDEX INDEX CONCURRENTLY)"), details);
        }
        return Outcome.pass("all " + states.size() + " indexes declared by the applied migrations exist and are valid", details);
    }

    /**
     * One index the migrations declare, and its state in the database.
     *
     * @param index       its name
     * @param on          its table or view
     * @param declaredIn  the script that creates it
     * @param state       {@code ok}, {@code MISSING} or {@code INVALID}
     * @param restoreWith the statement that builds it again; {@code null} when present
     */
    public record ExpectedIndexRow(String index, String on, String declaredIn, String state, String restoreWith)
            implements Detail {
    }

    @Override
    public String fix() {
        return "Run `./mluv deploy migrate`: it restores a missing expected index and rebuilds an INVALID one CONCURRENTLY under the lock timeout. Never CREATE INDEX by hand on production: if the index should go, drop it in a migration (DROP INDEX CONCURRENTLY) so that the expectation goes with it.";
    }
}
