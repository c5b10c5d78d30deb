package cz.mluv.db.verification.plan;

import cz.mluv.db.verification.Outcome;
import cz.mluv.db.verification.Severity;
import cz.mluv.db.verification.SqlCheck;
import cz.mluv.db.verification.VerificationSettings;
import cz.mluv.db.verification.CheckId;
import cz.mluv.db.verification.Detail;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

/** {@code statistics-age}: every table's planner statistics exist and are not stale. */
public final class StatisticsAgeCheck extends SqlCheck {

    private final Duration maxAge;

    /** @param maxAge statistics older than this, on a table changed since, are stale */
    public StatisticsAgeCheck(Duration maxAge) {
        super(CheckId.STATISTICS_AGE, "Planner statistics are recent", Severity.MINOR,
                "The planner picks indexes from these statistics: never-analyzed or outdated ones lead to Seq Scans and "
                        + "bad joins (seeds 000-003: \"Update table statistics: ANALYZE\" after a migration).",
                "PASS when every table and materialized view of the current schema has been analyzed, and none whose rows "
                        + "changed since was analyzed more than " + VerificationSettings.format(maxAge) + " ago; WARN listing the others (run ANALYZE).");
        this.maxAge = maxAge;
    }

    @Override
    public Outcome evaluate(Connection connection) throws SQLException {
        List<TableStatistics> rows = query(connection, TableStatistics.class);
        List<String> never = rows.stream().filter(r -> r.lastAnalyzed() == null).map(TableStatistics::tableName).toList();
        List<String> old = rows.stream()
                .filter(r -> r.lastAnalyzed() != null && r.ageS() > maxAge.toSeconds() && r.changedSinceAnalyze() > 0)
                .map(TableStatistics::tableName).toList();
        if (never.isEmpty() && old.isEmpty()) {
            return Outcome.pass("all " + rows.size() + " tables analyzed; none changed since an analyze older than " + VerificationSettings.format(maxAge), rows);
        }
        return Outcome.warn((never.isEmpty() ? "" : "never analyzed: " + String.join(", ", never))
                + (never.isEmpty() || old.isEmpty() ? "" : "; ")
                + (old.isEmpty() ? "" : "changed since an analyze older than " + VerificationSettings.format(maxAge) + ": " + String.join(", ", old))
                + " (run ANALYZE)", rows);
    }

    /**
     * When a table's planner statistics were taken.
     *
     * @param tableName           the table or materialized view
     * @param liveRows            n_live_tup
     * @param changedSinceAnalyze n_mod_since_analyze
     * @param lastAnalyzed        the later of last_analyze and last_autoanalyze; {@code null} when never
     * @param ageS                seconds since then
     */
    public record TableStatistics(String tableName, long liveRows, long changedSinceAnalyze, String lastAnalyzed,
                                  Long ageS) implements Detail {
    }

    @Override
    public String fix() {
        return "`ANALYZE <table>` (or `VACUUM (ANALYZE) <table>`) for each table listed; then turn on the scheduler's ANALYZE (MLUV_ANALYZE_ENABLED) or find why autovacuum does not analyze it (pg_stat_user_tables.last_autoanalyze).";
    }
}
