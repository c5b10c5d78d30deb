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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code replica-lag}: replay lag of every standby, from the primary's side
 * ({@code pg_stat_replication.replay_lag}) and, for each configured replica, from its own side
 * ({@link ReaderFreshness}, the one definition of a standby's own lag): the larger of the two is judged.
 */
public final class ReplicaLagCheck extends SqlCheck {

    private final ReplicaEndpoints replicas;

    /** @param replicas the configured replicas and the lag limit */
    public ReplicaLagCheck(ReplicaEndpoints replicas) {
        super(CheckId.REPLICA_LAG, "Replica replay lag", Severity.MAJOR,
                "Reads that tolerate lag go to hot standbys; a standby that replays late serves old data (the API skips it "
                        + "above MLUV_MAX_REPLICA_LAG and the primary takes its reads), and a standby that stopped replaying "
                        + "keeps its slot holding WAL on the primary.",
                "PASS when every standby's replay lag is within MLUV_MAX_REPLICA_LAG (default 5s), or no standby exists; "
                        + "FAIL when one lags more, answers but is not in recovery, or is paused with WAL waiting; "
                        + "WARN when a configured replica cannot be reached (standby-streaming fails for it).");
        this.replicas = replicas;
    }

    @Override
    public Outcome evaluate(Connection connection) throws SQLException {
        long limit = replicas.maxLag().toMillis();
        List<Map<String, Object>> rows = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        long maxLag = 0;
        for (Map<String, Object> r : query(connection)) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("seen_from", "primary");
            row.put("standby", Rows.text(r, "application_name") + " " + Rows.text(r, "client_addr"));
            row.putAll(r);
            rows.add(row);
            long lag = r.get("replay_lag_ms") == null ? 0 : Rows.longValue(r, "replay_lag_ms");
            maxLag = Math.max(maxLag, lag);
            if (lag > limit) {
                failures.add(Rows.text(r, "application_name") + " replays " + lag + " ms late");
            }
        }
        for (ReaderFreshness.Standby r : ReaderFreshness.read(replicas, ReplicaViewFreshnessCheck.VIEW)) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("seen_from", "standby");
            row.put("standby", r.replica());
            if (r.error() != null) {
                row.put("error", r.error());
                warnings.add(r.replica() + " unreachable");
            } else {
                row.put("in_recovery", r.inRecovery());
                row.put("replay_paused", r.replayPaused());
                row.put("receive_lsn", r.receiveLsn());
                row.put("replay_lsn", r.replayLsn());
                row.put("replay_lag_ms", r.replayLagMs());
                long lag = r.replayLagMs() == null ? 0 : r.replayLagMs();
                maxLag = Math.max(maxLag, lag);
                if (!Boolean.TRUE.equals(r.inRecovery())) {
                    failures.add(r.replica() + " is not in recovery (not a standby)");
                } else if (lag > limit) {
                    failures.add(r.replica() + " replays " + lag + " ms late"
                            + (Boolean.TRUE.equals(r.replayPaused()) ? " (replay paused)" : ""));
                }
            }
            rows.add(row);
        }
        String limitText = " (limit " + limit + " ms)";
        if (!failures.isEmpty()) {
            return Outcome.fail(String.join("; ", failures) + limitText, Rows.as(rows, StandbyLag.class));
        }
        if (!warnings.isEmpty()) {
            return Outcome.warn(String.join("; ", warnings) + "; max replay lag of the others " + maxLag + " ms" + limitText, Rows.as(rows, StandbyLag.class));
        }
        if (rows.isEmpty()) {
            return Outcome.pass("no standby streams from this server and no replica is configured", Rows.as(rows, StandbyLag.class));
        }
        return Outcome.pass(rows.size() + " standby view(s), max replay lag " + maxLag + " ms" + limitText, Rows.as(rows, StandbyLag.class));
    }

    static String oneLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }

    /**
     * One standby's replay lag, seen from the primary ({@code seenFrom = primary}: pg_stat_replication)
     * or from the standby itself ({@code seenFrom = standby}); the columns of the other side are null.
     *
     * @param seenFrom          {@code primary} or {@code standby}
     * @param standby           application name and address, or the replica's host:port/database
     * @param applicationName   pg_stat_replication.application_name (primary side)
     * @param clientAddr        its client address (primary side)
     * @param state             walsender state (primary side)
     * @param replayLagMs       replay lag, ms
     * @param replayBehindBytes WAL written on the primary not yet replayed, bytes (primary side)
     * @param syncState         async/sync (primary side)
     * @param inRecovery        pg_is_in_recovery() on the replica (standby side)
     * @param replayPaused      pg_is_wal_replay_paused() (standby side)
     * @param receiveLsn        last WAL position received (standby side)
     * @param replayLsn         last WAL position replayed (standby side)
     * @param error             SQLSTATE and first line of the error when the replica could not be reached
     */
    public record StandbyLag(String seenFrom, String standby, String applicationName, String clientAddr, String state,
                             Long replayLagMs, Long replayBehindBytes, String syncState, Boolean inRecovery,
                             Boolean replayPaused, String receiveLsn, String replayLsn, String error) implements Detail {
    }

    @Override
    public String fix() {
        return "Look at the standby (standby-streaming, its server log): one paused by `pg_wal_replay_pause()` resumes with `SELECT pg_wal_replay_resume()`; one that replays too slowly needs less write load on the primary or a faster disk; one not in recovery was promoted: take it out of MLUV_DB_REPLICA_URLS. Meanwhile the primary serves its reads.";
    }
}
