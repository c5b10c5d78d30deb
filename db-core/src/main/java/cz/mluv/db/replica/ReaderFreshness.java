package cz.mluv.db.replica;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The materialized view as the readers of each replica see it. A refresh runs on the primary and
 * reaches a standby only when the standby replays it, so a replica's readers see the view as of
 * the last refresh replayed there: its {@code mv_refresh_log} (replicated like the view) says when
 * that refresh finished. With replay lag, that refresh can be older than the primary's last one;
 * the age readers see is the age on the replica, not the primary's.
 */
public final class ReaderFreshness {

    /**
     * SQL run on each replica: the last successful refresh replayed there, its age, and the replay
     * state. Replay lag is 0 when the standby replayed all the WAL it received but at most one WAL
     * page (an idle primary writes nothing, so the age of the last replayed transaction is no lag
     * then; and the received position can rest at the end of a page the last record does not fill,
     * which replay never reaches: see {@link ReplayLagClock#PAGE_TOLERANCE_BYTES}), else the time
     * since the last replayed transaction committed (since the standby started, when none was).
     * The one definition of a standby's own view of its lag: the {@code replica-lag} check reads it too.
     */
    public static final String SQL = """
            SELECT s.finished_at AS view_refreshed_at,
                   CAST(extract(epoch FROM clock_timestamp() - s.finished_at) * 1000 AS bigint) AS view_age_ms,
                   pg_is_in_recovery() AS in_recovery,
                   CASE WHEN pg_is_in_recovery() THEN pg_is_wal_replay_paused() END AS replay_paused,
                   pg_last_wal_receive_lsn()::text AS receive_lsn,
                   pg_last_wal_replay_lsn()::text AS replay_lsn,
                   CASE WHEN pg_last_wal_receive_lsn() IS NULL OR pg_wal_lsn_diff(pg_last_wal_receive_lsn(), pg_last_wal_replay_lsn()) <= current_setting('wal_block_size')::int THEN 0
                        ELSE CAST(extract(epoch FROM now() - coalesce(pg_last_xact_replay_timestamp(), pg_postmaster_start_time())) * 1000 AS bigint)
                   END AS replay_lag_ms
            FROM (SELECT 1) one
            LEFT JOIN LATERAL (SELECT finished_at FROM mv_refresh_log
                               WHERE view_name = ? AND outcome = 'SUCCESS'
                               ORDER BY started_at DESC LIMIT 1) s ON true""";

    /**
     * One replica's view of the view.
     *
     * @param replica         {@code host:port/database}
     * @param inRecovery      whether it is a standby; {@code null} when unreachable
     * @param replayPaused    {@code pg_is_wal_replay_paused()}; {@code null} when unreachable or not a standby
     * @param replayLagMs     its replay lag, ms (0 when it replayed all it received); {@code null} when unreachable
     * @param receiveLsn      {@code pg_last_wal_receive_lsn()}; {@code null} when unreachable or not a standby
     * @param replayLsn       {@code pg_last_wal_replay_lsn()}; {@code null} when unreachable or not a standby
     * @param viewRefreshedAt when the last refresh its readers see finished; {@code null} when none or unreachable
     * @param viewAgeMs       that refresh's age now, ms; {@code null} when none or unreachable
     * @param error           why it could not be read (SQLSTATE and first line); {@code null} when it was
     */
    public record Standby(String replica, Boolean inRecovery, Boolean replayPaused, Long replayLagMs, String receiveLsn,
                          String replayLsn, Instant viewRefreshedAt, Long viewAgeMs, String error) {
    }

    private ReaderFreshness() {
    }

    /**
     * @param replicas the replicas to read
     * @param view     the materialized view (its refresh log rows), e.g. {@code user_stats_summary}
     * @return one entry per configured replica, in order; never throws for an unreachable replica
     */
    public static List<Standby> read(ReplicaEndpoints replicas, String view) {
        List<Standby> out = new ArrayList<>();
        for (String url : replicas.urls()) {
            String name = ReplicaEndpoints.name(url);
            try (Connection c = replicas.connect(url); PreparedStatement ps = c.prepareStatement(SQL)) {
                ps.setString(1, view);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    java.sql.Timestamp at = rs.getTimestamp("view_refreshed_at");
                    out.add(new Standby(name, rs.getBoolean("in_recovery"), (Boolean) rs.getObject("replay_paused"),
                            rs.getLong("replay_lag_ms"), rs.getString("receive_lsn"), rs.getString("replay_lsn"),
                            at == null ? null : at.toInstant(),
                            (Long) rs.getObject("view_age_ms"), null));
                }
            } catch (SQLException e) {
                String message = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
                out.add(new Standby(name, null, null, null, null, null, null, null, e.getSQLState() + ": " + message));
            }
        }
        return out;
    }
}
