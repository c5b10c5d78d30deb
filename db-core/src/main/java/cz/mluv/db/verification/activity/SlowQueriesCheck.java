package cz.mluv.db.verification.activity;

import cz.mluv.db.verification.Outcome;
import cz.mluv.db.verification.Rows;
import cz.mluv.db.verification.Severity;
import cz.mluv.db.verification.SqlCheck;
import cz.mluv.db.verification.CheckId;
import cz.mluv.db.verification.Detail;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * {@code slow-queries}: no statement's mean execution time exceeds the threshold, per
 * pg_stat_statements; SKIPPED with the reason when the extension is not created in the database
 * or not preloaded by the server.
 */
public final class SlowQueriesCheck extends SqlCheck {

    // pg_stat_statements answers "must be loaded via shared_preload_libraries" with this SQLSTATE.
    private static final String NOT_IN_PREREQUISITE_STATE = "55000";
    private static final String INSTALLED_SQL = sqlBeside(SlowQueriesCheck.class, "slow-queries-installed");
    private static final String SLOW_SQL = sqlBeside(SlowQueriesCheck.class, "slow-queries");

    private final double thresholdMs;

    /** @param thresholdMs a statement with a higher mean execution time is slow, ms */
    public SlowQueriesCheck(double thresholdMs) {
        super(CheckId.SLOW_QUERIES, "No slow queries", Severity.MAJOR,
                "A query that is slow on average is slow for every user who triggers it; pg_stat_statements shows it "
                        + "across the whole workload (seed 001: \"No slow query logs (> 100ms)\"; design targets: p95 "
                        + "< 50 ms for common queries).",
                "PASS when no SELECT/DML statement of this database has a mean execution time above " + thresholdMs
                        + " ms; WARN listing the slowest ones; SKIPPED when pg_stat_statements is not created in the "
                        + "database or not in shared_preload_libraries.",
                INSTALLED_SQL + ";\n\n" + SLOW_SQL);
        this.thresholdMs = thresholdMs;
    }

    /**
     * @param connection where to look
     * @return whether the pg_stat_statements extension is created in this database (it may still
     *         not be loaded: its view then fails with SQLSTATE 55000)
     * @throws SQLException when the catalog cannot be read
     */
    public static boolean installed(Connection connection) throws SQLException {
        return Rows.booleanValue(Rows.query(connection, INSTALLED_SQL).getFirst(), "installed");
    }

    /**
     * @param e an error of a query on pg_stat_statements
     * @return whether it says the extension is created but not in shared_preload_libraries
     */
    public static boolean notLoaded(SQLException e) {
        return NOT_IN_PREREQUISITE_STATE.equals(e.getSQLState());
    }

    @Override
    public Outcome evaluate(Connection connection) throws SQLException {
        if (!installed(connection)) {
            return Outcome.skipped("pg_stat_statements is not installed in this database "
                    + "(CREATE EXTENSION pg_stat_statements; the server also needs it in shared_preload_libraries)");
        }
        List<SlowQuery> rows;
        try {
            rows = Rows.query(connection, SLOW_SQL, SlowQuery.class, thresholdMs);
        } catch (SQLException e) {
            if (NOT_IN_PREREQUISITE_STATE.equals(e.getSQLState())) {
                return Outcome.skipped("pg_stat_statements is installed but not loaded: add it to shared_preload_libraries "
                        + "and restart the server (" + e.getMessage().strip() + ")");
            }
            throw e;
        }
        if (rows.isEmpty()) {
            return Outcome.pass("no statement with a mean execution time above " + thresholdMs + " ms", rows);
        }
        SlowQuery slowest = rows.getFirst();
        return Outcome.warn(rows.size() + " statement(s) with a mean above " + thresholdMs + " ms since "
                + slowest.countedSince() + "; slowest " + slowest.meanMs() + " ms over " + slowest.calls() + " call(s): "
                + slowest.query(), rows);
    }

    /**
     * A statement of pg_stat_statements.
     *
     * @param query        its text, first 200 characters, blanks collapsed
     * @param calls        executions counted
     * @param meanMs       mean execution time, ms
     * @param maxMs        longest execution, ms
     * @param totalMs      total execution time, ms
     * @param rows         rows returned or affected, all calls
     * @param countedSince when pg_stat_statements was last reset
     */
    public record SlowQuery(String query, long calls, double meanMs, double maxMs, double totalMs, long rows,
                            String countedSince) implements Detail {
    }

    @Override
    public String fix() {
        return "`EXPLAIN (ANALYZE, BUFFERS)` the statement: add the index it needs in a migration (`CREATE INDEX CONCURRENTLY`, see suggested-indexes), read fewer rows, or `ANALYZE` its tables. SKIPPED: `CREATE EXTENSION pg_stat_statements` and add it to shared_preload_libraries (a restart).";
    }
}
