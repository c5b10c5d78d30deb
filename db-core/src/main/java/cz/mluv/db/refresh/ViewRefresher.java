package cz.mluv.db.refresh;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;

/**
 * Refreshes a materialized view once and records the refresh in {@code mv_refresh_log} (start,
 * end, duration in ms, rows, outcome, error): pg_matviews has no last-refresh column, so the log
 * is where freshness is read from.
 *
 * <p>The first refresh of a never-populated view must be the plain form:
 * {@code REFRESH ... CONCURRENTLY} fails on it (PostgreSQL documentation, REFRESH MATERIALIZED
 * VIEW). {@link Mode#AUTO} picks CONCURRENTLY when the view is populated, plain otherwise.
 */
public final class ViewRefresher {

    /** Views that may be refreshed: identifiers come from this allow-list, never from input. */
    public static final Set<String> VIEWS = Set.of("user_stats_summary");

    /** How to refresh. */
    public enum Mode { PLAIN, CONCURRENTLY, AUTO }

    /**
     * The outcome of one refresh, as recorded in the log.
     *
     * @param logId      id of the {@code mv_refresh_log} row
     * @param mode       the form that ran (PLAIN or CONCURRENTLY)
     * @param durationMs wall time of the REFRESH statement, ms
     * @param rows       rows in the view afterwards
     */
    public record Result(long logId, Mode mode, long durationMs, long rows) {
    }

    private ViewRefresher() {
    }

    /**
     * Refreshes {@code view} on {@code connection} (autocommit is switched on for the call) and
     * logs it. On failure the log row is marked FAILED with the error and the exception is
     * rethrown; the view keeps its previous contents (REFRESH is transactional).
     *
     * @param connection a connection of a role that owns the view
     * @param view       a name from {@link #VIEWS}
     * @param mode       the form to use
     * @param worker     who refreshes (host/process), stored in the log
     * @return what ran, how long it took and the row count
     * @throws IllegalArgumentException when the view is not in the allow-list
     * @throws SQLException             when the refresh fails (after logging it)
     */
    public static Result refresh(Connection connection, String view, Mode mode, String worker) throws SQLException {
        if (!VIEWS.contains(view)) {
            throw new IllegalArgumentException("unknown materialized view: " + view);
        }
        connection.setAutoCommit(true);
        Mode form = mode == Mode.AUTO ? (populated(connection, view) ? Mode.CONCURRENTLY : Mode.PLAIN) : mode;
        long logId = startLog(connection, view, form, worker);
        long started = System.nanoTime();
        try (Statement st = connection.createStatement()) {
            st.execute("REFRESH MATERIALIZED VIEW " + (form == Mode.CONCURRENTLY ? "CONCURRENTLY " : "") + view);
            long durationMs = (System.nanoTime() - started) / 1_000_000;
            long rows = count(connection, view);
            finishLog(connection, logId, durationMs, rows, null);
            return new Result(logId, form, durationMs, rows);
        } catch (SQLException e) {
            long durationMs = (System.nanoTime() - started) / 1_000_000;
            try {
                finishLog(connection, logId, durationMs, null, e.getMessage());
            } catch (SQLException logFailure) {
                e.addSuppressed(logFailure);
            }
            throw e;
        }
    }

    private static boolean populated(Connection c, String view) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT ispopulated FROM pg_matviews WHERE matviewname = ?")) {
            ps.setString(1, view);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private static long count(Connection c, String view) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM " + view)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long startLog(Connection c, String view, Mode form, String worker) throws SQLException {
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

    private static void finishLog(Connection c, long logId, long durationMs, Long rows, String error) throws SQLException {
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
}
