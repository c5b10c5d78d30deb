package cz.mluv.db.refresh;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/**
 * Writes of {@code mv_refresh_log}: one row per refresh, inserted as RUNNING before the REFRESH
 * and finished as SUCCESS or FAILED after it. Every statement runs in autocommit, so a RUNNING row
 * is visible to others while the refresh works.
 */
final class RefreshLog {

    private RefreshLog() {
    }

    /** Inserts a RUNNING row; returns its id. */
    static long start(Connection c, String view, ViewRefresher.Mode form, String worker) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO mv_refresh_log (view_name, mode, started_at, outcome, worker)
                VALUES (?, ?, clock_timestamp(), 'RUNNING', ?) RETURNING id""")) {
            ps.setString(1, view);
            ps.setString(2, form.name());
            ps.setString(3, worker);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Marks row {@code logId} SUCCESS ({@code error == null}) or FAILED with {@code error}. */
    static void finish(Connection c, long logId, long durationMs, Long rows, String error) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE mv_refresh_log SET finished_at = clock_timestamp(), duration_ms = ?, row_count = ?,
                       outcome = CASE WHEN ? IS NULL THEN 'SUCCESS' ELSE 'FAILED' END, error = ?
                WHERE id = ?""")) {
            ps.setLong(1, durationMs);
            ps.setObject(2, rows);
            ps.setString(3, error);
            ps.setString(4, error);
            ps.setLong(5, logId);
            ps.executeUpdate();
        }
    }

    /**
     * Marks the RUNNING rows of {@code view} FAILED. Only called while holding the view's advisory
     * lock: no Mluv refresh of the view can then be running, so such rows belong to a refresher whose
     * session died before it could record its outcome (process killed, connection cut).
     *
     * @return rows marked
     */
    static int abandonRunning(Connection c, String view, String foundBy) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE mv_refresh_log
                SET outcome = 'FAILED', finished_at = clock_timestamp(),
                    duration_ms = greatest(0, (extract(epoch FROM clock_timestamp() - started_at) * 1000)::bigint),
                    error = 'abandoned: the refreshing session ended without recording an outcome (found by ' || ? || ')'
                WHERE view_name = ? AND outcome = 'RUNNING'""")) {
            ps.setString(1, foundBy);
            ps.setString(2, view);
            return ps.executeUpdate();
        }
    }

    /** @return {@code true} when a refresh of {@code view} succeeded less than {@code window} ago (database clock) */
    static boolean succeededWithin(Connection c, String view, Duration window) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT coalesce((SELECT finished_at > clock_timestamp() - make_interval(secs => ?)
                                 FROM mv_refresh_log
                                 WHERE view_name = ? AND outcome = 'SUCCESS'
                                 ORDER BY started_at DESC LIMIT 1), false)""")) {
            ps.setDouble(1, window.toMillis() / 1000.0);
            ps.setString(2, view);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }
}
