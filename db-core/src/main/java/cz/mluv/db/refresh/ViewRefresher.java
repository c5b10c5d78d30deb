package cz.mluv.db.refresh;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import org.postgresql.util.PSQLException;

/**
 * Refreshes a materialized view once and records the refresh in {@code mv_refresh_log} (start,
 * end, duration in ms, rows, outcome, error): pg_matviews has no last-refresh column, so the log
 * is where freshness is read from.
 *
 * <p>The first refresh of a never-populated view must be the plain form:
 * {@code REFRESH ... CONCURRENTLY} fails on it (PostgreSQL documentation, REFRESH MATERIALIZED
 * VIEW). {@link Mode#AUTO} picks CONCURRENTLY when the view is populated, plain otherwise.
 * Why CONCURRENTLY: it holds an EXCLUSIVE lock on the view, which still admits SELECTs, and
 * applies a diff; the plain form holds ACCESS EXCLUSIVE, so every reader waits for the whole
 * refresh. CONCURRENTLY needs the view's unique index on plain NOT NULL columns (user_id).
 *
 * <p>This class does not coordinate workers: {@link SingleRunnerRefresh} does (advisory lock,
 * timeouts, retries) and is what schedulers and buttons call.
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
     * Refreshes {@code view} on {@code connection} and logs it: the RUNNING row is committed first
     * (visible while the refresh works), then the REFRESH, the SUCCESS row and the announcement on
     * {@link RefreshAnnouncement#CHANNEL} commit as one transaction; the connection is left in
     * autocommit. On failure the log row is marked FAILED with the error and the exception is
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
        return refresh(connection, view, mode, worker, null);
    }

    /**
     * As {@link #refresh(Connection, String, Mode, String)}, but when the FAILED outcome cannot be
     * written on {@code connection} (its session was terminated, the server restarted) it is
     * written through a connection of {@code fallback}; if that fails too the row stays RUNNING
     * until the next refresh under the advisory lock marks it abandoned.
     *
     * @param fallback opens another connection to log a failure on when {@code connection} is
     *                 unusable; {@code null} = nowhere else
     * @throws IllegalArgumentException when the view is not in the allow-list
     * @throws SQLException             when the refresh fails (after logging it)
     */
    static Result refresh(Connection connection, String view, Mode mode, String worker, FallbackConnection fallback)
            throws SQLException {
        requireKnown(view);
        connection.setAutoCommit(true);
        requirePrimary(connection, view);
        Mode form = mode == Mode.AUTO ? (populated(connection, view) ? Mode.CONCURRENTLY : Mode.PLAIN) : mode;
        long logId = RefreshLog.start(connection, view, form, worker);
        long started = System.nanoTime();
        // One transaction for the new contents, their SUCCESS row and the announcement: listeners
        // hear of the refresh when (and only when) its contents become visible.
        connection.setAutoCommit(false);
        try (Statement st = connection.createStatement()) {
            st.execute("REFRESH MATERIALIZED VIEW " + (form == Mode.CONCURRENTLY ? "CONCURRENTLY " : "") + view);
            long durationMs = (System.nanoTime() - started) / 1_000_000;
            long rows = count(connection, view);
            RefreshLog.finish(connection, logId, durationMs, rows, null);
            RefreshAnnouncement.announce(connection, view, logId);
            connection.commit();
            connection.setAutoCommit(true);
            return new Result(logId, form, durationMs, rows);
        } catch (SQLException e) {
            rollback(connection, e);
            logFailure(connection, fallback, logId, (System.nanoTime() - started) / 1_000_000, e);
            throw e;
        }
    }

    /** Ends the failed refresh's transaction and goes back to autocommit (quietly on a broken connection). */
    private static void rollback(Connection connection, SQLException failure) {
        try {
            connection.rollback();
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    /**
     * Refreshes run on the primary only: a hot standby cannot write, and the view reaches the
     * standbys through replication of the primary's refresh. Checked up front so that a scheduler
     * pointed at a replica says so plainly instead of failing on its first write.
     *
     * @throws SQLException with SQLSTATE 25006 when the connection is to a server in recovery
     */
    private static void requirePrimary(Connection connection, String view) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT pg_is_in_recovery()")) {
            if (rs.next() && rs.getBoolean(1)) {
                throw new SQLException("refusing to refresh " + view + " on a hot standby (pg_is_in_recovery() is true): "
                        + "refreshes run on the primary (MLUV_DB_URL) and reach the replicas by replication", "25006");
            }
        }
    }

    /**
     * @param view a view name
     * @throws IllegalArgumentException when it is not in {@link #VIEWS}
     */
    static void requireKnown(String view) {
        if (!VIEWS.contains(view)) {
            throw new IllegalArgumentException("unknown materialized view: " + view);
        }
    }

    /** Opens a connection other than the refresh's own, to record its failure. */
    @FunctionalInterface
    interface FallbackConnection {
        /**
         * @return a new connection (the caller closes it)
         * @throws SQLException when none can be had (for example while shutting down)
         */
        Connection open() throws SQLException;
    }

    private static void logFailure(Connection connection, FallbackConnection fallback, long logId, long durationMs,
                                   SQLException failure) {
        String error = errorMessage(failure);
        try {
            RefreshLog.finish(connection, logId, durationMs, null, error);
            return;
        } catch (SQLException onSameConnection) {
            if (fallback == null) {
                failure.addSuppressed(onSameConnection);
                return;
            }
        }
        try (Connection other = fallback.open()) {
            other.setAutoCommit(true);
            RefreshLog.finish(other, logId, durationMs, null, error);
        } catch (SQLException onOtherConnection) {
            failure.addSuppressed(onOtherConnection);
        }
    }

    /**
     * @param e an error of the driver
     * @return the server's own message when it sent one (without the driver's "ERROR: " or
     *         "FATAL: " prefix and position), else the driver's message
     */
    static String errorMessage(SQLException e) {
        if (e instanceof PSQLException p && p.getServerErrorMessage() != null && p.getServerErrorMessage().getMessage() != null) {
            return p.getServerErrorMessage().getMessage();
        }
        return String.valueOf(e.getMessage());
    }

    static boolean populated(Connection c, String view) throws SQLException {
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
}
