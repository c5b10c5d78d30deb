package cz.mluv.db.verification.replication;

import cz.mluv.db.replica.ReaderFreshness;
import cz.mluv.db.replica.ReplicaEndpoints;
import cz.mluv.db.verification.CheckId;
import cz.mluv.db.verification.Detail;
import cz.mluv.db.verification.Outcome;
import cz.mluv.db.verification.Rows;
import cz.mluv.db.verification.Severity;
import cz.mluv.db.verification.SqlCheck;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code replica-view-freshness}: the age of {@code user_stats_summary} as the readers of each
 * replica see it ({@link ReaderFreshness}): a refresh reaches a replica only when it replays it, so
 * the view-freshness check of the primary understates the age that replica readers see by the
 * replay lag (or by all of it while replay is stuck).
 */
public final class ReplicaViewFreshnessCheck extends SqlCheck {

    static final String VIEW = "user_stats_summary";

    private final ReplicaEndpoints replicas;
    private final Duration warnAfter;
    private final Duration failAfter;

    /**
     * @param replicas  the configured replicas and the lag limit
     * @param warnAfter a view older than this, as a replica's readers see it, is WARN (as view-freshness)
     * @param failAfter ... and older than this FAIL
     */
    public ReplicaViewFreshnessCheck(ReplicaEndpoints replicas, Duration warnAfter, Duration failAfter) {
        super(CheckId.REPLICA_VIEW_FRESHNESS, "View freshness as replica readers see it", Severity.MAJOR,
                "Leaderboard reads go to replicas; their readers see the view as of the last refresh their replica has "
                        + "replayed, which is older than the primary's by the replay lag.",
                "PASS when the view every replica's readers see is younger than MLUV_VERIFICATION_VIEW_WARN_AFTER and no "
                        + "replica is missing the primary's last refresh for longer than MLUV_MAX_REPLICA_LAG (or no replica "
                        + "is configured); WARN when older, or a replica is behind the last refresh, or unreachable; FAIL when "
                        + "older than MLUV_VERIFICATION_VIEW_FAIL_AFTER.");
        this.replicas = replicas;
        this.warnAfter = warnAfter;
        this.failAfter = failAfter;
    }

    @Override
    public Outcome evaluate(Connection connection) throws SQLException {
        List<Map<String, Object>> primary = query(connection, VIEW);
        Long primaryAge = primary.isEmpty() ? null : Rows.longValue(primary.getFirst(), "primary_age_ms");
        List<Map<String, Object>> rows = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        long oldest = 0;
        for (ReaderFreshness.Standby s : ReaderFreshness.read(replicas, VIEW)) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("replica", s.replica());
            row.put("view_refreshed_at", s.viewRefreshedAt() == null ? null : s.viewRefreshedAt().toString());
            row.put("view_age_ms", s.viewAgeMs());
            row.put("primary_age_ms", primaryAge);
            row.put("replay_lag_ms", s.replayLagMs());
            row.put("replay_paused", s.replayPaused());
            row.put("error", s.error());
            rows.add(row);
            if (s.error() != null) {
                warnings.add(s.replica() + " unreachable");
                continue;
            }
            long age = s.viewAgeMs() == null ? Long.MAX_VALUE : s.viewAgeMs();
            oldest = Math.max(oldest, age);
            if (age > failAfter.toMillis()) {
                failures.add(s.replica() + "'s readers see a view " + (s.viewAgeMs() == null ? "never refreshed" : age / 1000 + " s old"));
            } else if (age > warnAfter.toMillis()) {
                warnings.add(s.replica() + "'s readers see a view " + age / 1000 + " s old");
            } else if (primaryAge != null && age > primaryAge + replicas.maxLag().toMillis()) {
                warnings.add(s.replica() + " has not replayed the primary's last refresh (" + (age - primaryAge) + " ms behind)");
            }
        }
        if (!failures.isEmpty()) {
            return Outcome.fail(String.join("; ", failures), Rows.as(rows, ReaderView.class));
        }
        if (!warnings.isEmpty()) {
            return Outcome.warn(String.join("; ", warnings), Rows.as(rows, ReaderView.class));
        }
        if (rows.isEmpty()) {
            return Outcome.pass("no replica configured: readers see the primary's view (view-freshness)", Rows.as(rows, ReaderView.class));
        }
        return Outcome.pass("readers of " + rows.size() + " replica(s) see " + VIEW + " at most " + oldest / 1000 + " s old"
                + (primaryAge == null ? "" : " (primary: " + primaryAge / 1000 + " s)"), Rows.as(rows, ReaderView.class));
    }

    /**
     * The view as one replica's readers see it.
     *
     * @param replica         host:port/database
     * @param viewRefreshedAt when the refresh replayed there finished
     * @param viewAgeMs       its age, ms ({@code null}: never refreshed there)
     * @param primaryAgeMs    the age of the primary's last refresh, ms
     * @param replayLagMs     the replica's replay lag, ms
     * @param replayPaused    whether replay is paused
     * @param error           SQLSTATE and first line of the error when the replica could not be reached
     */
    public record ReaderView(String replica, String viewRefreshedAt, Long viewAgeMs, Long primaryAgeMs, Long replayLagMs,
                             Boolean replayPaused, String error) implements Detail {
    }

    @Override
    public String fix() {
        return "Refresh the view on the primary (`./mluv scheduler --once`; see view-freshness) and let the replicas replay it; a replica behind the last refresh: see replica-lag; an unreachable one: standby-streaming.";
    }
}
