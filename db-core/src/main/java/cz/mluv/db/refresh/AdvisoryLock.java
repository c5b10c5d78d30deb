package cz.mluv.db.refresh;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL session-level advisory locks that make Mluv's scheduled jobs single-runner: a
 * worker that cannot take the lock skips its turn instead of waiting.
 *
 * <p>Keys use the two-integer form {@code pg_try_advisory_lock(NAMESPACE, id)} so they never clash
 * with the one-bigint keys other software uses, and show in {@code pg_locks} as
 * {@code classid = 1296847190 ('MLUV'), objid = id, objsubid = 2}. The keys are fixed and
 * documented here (and in the scheduler README): changing one lets an old and a new worker run
 * the same job at once.
 *
 * <p>A session lock lives until it is unlocked or the session ends, so a worker whose connection
 * dies (killed backend, server restart) loses the lock by itself; callers unlock in
 * {@code finally} before the connection goes back to its pool.
 */
public enum AdvisoryLock {

    /** Refresh of {@code user_stats_summary}: key (1296847190, 1). */
    REFRESH_USER_STATS_SUMMARY(1),
    /** ANALYZE of the hot tables: key (1296847190, 100). */
    ANALYZE_HOT_TABLES(100),
    /** A scheduled statistics snapshot ({@code cz.mluv.db.history}): key (1296847190, 200). */
    STATS_SNAPSHOT(200);

    private static final Logger LOG = LoggerFactory.getLogger(AdvisoryLock.class);

    /** First half of every Mluv key: the bytes of "MLUV" as a big-endian int. */
    public static final int NAMESPACE = 0x4D4C5556;

    private final int id;

    AdvisoryLock(int id) {
        this.id = id;
    }

    /** @return the second half of the key (pg_locks.objid) */
    public int id() {
        return id;
    }

    /**
     * @param view a name from {@link ViewRefresher#VIEWS}
     * @return the lock that serialises refreshes of that view
     * @throws IllegalArgumentException when the view is not in the allow-list
     */
    public static AdvisoryLock refreshOf(String view) {
        ViewRefresher.requireKnown(view);
        return switch (view) {
            case "user_stats_summary" -> REFRESH_USER_STATS_SUMMARY;
            default -> throw new IllegalArgumentException("no refresh lock for view " + view);
        };
    }

    /**
     * Takes the lock for the session of {@code c} without waiting.
     *
     * @param c the session that will hold it
     * @return {@code true} when taken; {@code false} when another session holds it
     * @throws SQLException when the statement fails
     */
    public boolean tryLock(Connection c) throws SQLException {
        return call(c, "SELECT pg_try_advisory_lock(?, ?)");
    }

    /**
     * Releases the lock held by the session of {@code c}.
     *
     * @param c the session holding it
     * @return {@code false} when this session did not hold it
     * @throws SQLException when the statement fails
     */
    public boolean unlock(Connection c) throws SQLException {
        return call(c, "SELECT pg_advisory_unlock(?, ?)");
    }

    /**
     * Resets {@code settings} of the session, then unlocks. When either fails, the connection is
     * discarded ({@link HikariDataSource#evictConnection} when {@code pool} is Hikari, else
     * {@link Connection#abort}) so that it never goes back to the pool holding the lock or a
     * timeout; a dead session has lost its lock already.
     *
     * @param c        the session holding the lock
     * @param pool     the pool {@code c} came from
     * @param settings session settings to RESET first (e.g. {@code statement_timeout}); plain
     *                 identifiers from the caller's code, never from input
     * @return {@code true} when unlocked and reset; {@code false} when the connection was discarded
     */
    public boolean unlockOrDiscard(Connection c, DataSource pool, String... settings) {
        try (Statement st = c.createStatement()) {
            for (String setting : settings) {
                st.execute("RESET " + setting);
            }
            unlock(c);
            return true;
        } catch (SQLException e) {
            LOG.debug("Session of lock {} not reusable ({}): discarding its connection", this, e.getMessage());
            try {
                if (pool.isWrapperFor(HikariDataSource.class)) {
                    pool.unwrap(HikariDataSource.class).evictConnection(c);
                } else {
                    c.abort(Runnable::run);
                }
            } catch (SQLException | RuntimeException discardFailure) {
                LOG.debug("Could not discard the connection: {}", discardFailure.getMessage());
            }
            return false;
        }
    }

    /**
     * @param c any session
     * @return {@code true} when some session holds this lock now
     * @throws SQLException when pg_locks cannot be read
     */
    public boolean isHeld(Connection c) throws SQLException {
        return call(c, """
                SELECT EXISTS (SELECT 1 FROM pg_locks
                               WHERE locktype = 'advisory' AND classid = ?::int::oid AND objid = ?::int::oid
                                 AND objsubid = 2 AND granted)""");
    }

    private boolean call(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, NAMESPACE);
            ps.setInt(2, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }
}
