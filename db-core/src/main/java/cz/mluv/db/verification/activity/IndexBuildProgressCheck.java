package cz.mluv.db.verification.activity;

import cz.mluv.db.verification.Outcome;
import cz.mluv.db.verification.Severity;
import cz.mluv.db.verification.SqlCheck;
import cz.mluv.db.verification.CheckId;
import cz.mluv.db.verification.Detail;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** {@code index-build-progress}: index builds running now, from pg_stat_progress_create_index. */
public final class IndexBuildProgressCheck extends SqlCheck {

    /** A check of the current database. */
    public IndexBuildProgressCheck() {
        super(CheckId.INDEX_BUILD_PROGRESS, "Index build progress", Severity.INFO,
                "A CREATE INDEX CONCURRENTLY or REINDEX still running means the deployment is not finished: its index is "
                        + "INVALID and unused until the build ends (seed 003: \"Check index creation progress\").",
                "Informational: PASS when no index build runs in this database; WARN while one runs, with its phase and "
                        + "progress.");
    }

    @Override
    public Outcome evaluate(Connection connection) throws SQLException {
        List<IndexBuild> rows = query(connection, IndexBuild.class);
        if (rows.isEmpty()) {
            return Outcome.pass("no index build running", rows);
        }
        return Outcome.warn(rows.size() + " index build(s) running: " + String.join(", ", rows.stream()
                .map(r -> r.command() + " on " + r.tableName() + " (" + r.phase() + ")")
                .toList()), rows);
    }

    /**
     * A running CREATE INDEX or REINDEX (pg_stat_progress_create_index).
     *
     * @param pid           the building backend
     * @param tableName     the table
     * @param indexName     the index, once known
     * @param command       CREATE INDEX CONCURRENTLY, REINDEX, ...
     * @param phase         the build's phase
     * @param blocksPercent blocks done of the total, %; {@code null} when the phase counts none
     * @param tuplesDone    tuples done
     * @param tuplesTotal   tuples to do
     * @param lockersDone   lockers waited for
     * @param lockersTotal  lockers to wait for
     * @param runningS      how long the build has run, seconds
     */
    public record IndexBuild(long pid, String tableName, String indexName, String command, String phase,
                             Double blocksPercent, long tuplesDone, long tuplesTotal, long lockersDone, long lockersTotal,
                             double runningS) implements Detail {
    }

    @Override
    public String fix() {
        return "Wait for the build to finish before judging the deployment; a build that stays in 'waiting for old snapshots' waits for the transactions that long-running-queries and idle-in-transaction list: end those.";
    }
}
