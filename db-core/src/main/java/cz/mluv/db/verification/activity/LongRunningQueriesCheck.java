package cz.mluv.db.verification.activity;

import cz.mluv.db.verification.CheckId;
import cz.mluv.db.verification.Detail;
import cz.mluv.db.verification.Outcome;
import cz.mluv.db.verification.Severity;
import cz.mluv.db.verification.SqlCheck;
import cz.mluv.db.verification.VerificationSettings;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

/** {@code long-running-queries} (PgHero): no statement of this database runs longer than the threshold. */
public final class LongRunningQueriesCheck extends SqlCheck {

    private final Duration threshold;

    /** @param threshold a statement running longer is long-running */
    public LongRunningQueriesCheck(Duration threshold) {
        super(CheckId.LONG_RUNNING_QUERIES, "No long-running queries", Severity.MAJOR,
                "A statement that runs for minutes holds its locks and snapshot all that time: VACUUM cannot remove rows "
                        + "it might still see, and DDL of a deployment queues behind it (PgHero: long-running queries).",
                "PASS when no active statement of this database (the checking session left out) started more than "
                        + VerificationSettings.format(threshold) + " ago; WARN listing each, longest first "
                        + "(MLUV_VERIFICATION_LONG_QUERY_AFTER).");
        this.threshold = threshold;
    }

    @Override
    public Outcome evaluate(Connection connection) throws SQLException {
        List<RunningQuery> rows = query(connection, RunningQuery.class, threshold.toMillis() / 1000.0);
        if (rows.isEmpty()) {
            return Outcome.pass("no statement running longer than " + VerificationSettings.format(threshold), rows);
        }
        RunningQuery first = rows.getFirst();
        return Outcome.warn(rows.size() + " statement(s) running longer than " + VerificationSettings.format(threshold)
                + "; longest: pid " + first.pid() + " for " + first.runningS() + " s: " + first.query(), rows);
    }

    /**
     * A statement running longer than the threshold (pg_stat_activity).
     *
     * @param pid             its backend
     * @param applicationName the client's application_name, {@code (none)} when blank
     * @param userName        the role it runs as
     * @param runningS        how long it has run, seconds
     * @param query           the statement, first 200 characters
     */
    public record RunningQuery(long pid, String applicationName, String userName, double runningS, String query)
            implements Detail {
    }

    @Override
    public String fix() {
        return "Look at the statement and its pid; if it should not run that long, `SELECT pg_cancel_backend(<pid>)`, then make it fast (`EXPLAIN (ANALYZE, BUFFERS)`, an index) and bound it: `ALTER ROLE <role> SET statement_timeout = '30s'`.";
    }
}
