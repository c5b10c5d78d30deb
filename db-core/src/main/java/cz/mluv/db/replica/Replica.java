package cz.mluv.db.replica;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One read replica as the API sees it: its connection pool (HikariCP), a monitor connection of its
 * own, and the state the last probe found.
 */
public final class Replica implements AutoCloseable {

    /** Where a replica stands for routing. */
    public enum State {
        /** Not probed yet: serves nothing. */
        STARTING,
        /** Streaming, replay lag within the limit: serves reads that tolerate lag. */
        UP,
        /** Replay lag above the limit (or replay paused with WAL waiting): skipped until it catches up. */
        LAGGING,
        /** Unreachable, or failed under a read: skipped until a probe reaches it again. */
        DOWN,
        /** Answers but is not in recovery (promoted, or not a standby at all): never serves reads. */
        NOT_STANDBY
    }

    private static final Logger LOG = LoggerFactory.getLogger(Replica.class);
    private static final String PROBE_SQL = """
            SELECT pg_is_in_recovery(), pg_last_wal_replay_lsn()::text,
                   CASE WHEN pg_is_in_recovery() THEN pg_is_wal_replay_paused() ELSE false END""";

    private final String name;
    private final String url;
    private final HikariConfig poolConfig;
    private volatile HikariDataSource pool;
    private volatile boolean renewPool;
    private final Properties monitorProperties;
    private final LongAdder readsServed = new LongAdder();
    private Connection monitor;
    private volatile State state = State.STARTING;
    private volatile long lagMs = -1;
    private volatile boolean replayPaused;
    private volatile String lastError;

    Replica(String url, HikariConfig poolConfig, Properties monitorProperties) {
        this.url = url;
        this.name = url.replaceFirst("^jdbc:postgresql://", "").replaceFirst("/.*$", "");
        this.poolConfig = poolConfig;
        this.pool = new HikariDataSource(poolConfig);
        this.monitorProperties = monitorProperties;
    }

    /** @return {@code host:port} of the replica */
    public String name() {
        return name;
    }

    /** @return its JDBC URL */
    public String url() {
        return url;
    }

    /** @return the state for routing */
    public State state() {
        return state;
    }

    Connection getConnection() throws SQLException {
        Connection c = pool.getConnection();
        readsServed.increment();
        return c;
    }

    /**
     * Probes the replica (called by the monitor thread only) and sets its state.
     *
     * @param clock    the primary's WAL positions
     * @param maxLagMs the lag limit, ms
     */
    void probe(ReplayLagClock clock, long maxLagMs) {
        try {
            if (monitor == null || monitor.isClosed()) {
                monitor = DriverManager.getConnection(url, monitorProperties);
            }
            try (Statement st = monitor.createStatement(); ResultSet rs = st.executeQuery(PROBE_SQL)) {
                rs.next();
                long now = System.nanoTime();
                if (!rs.getBoolean(1)) {
                    change(State.NOT_STANDBY, "not in recovery: pg_is_in_recovery() is false");
                    lagMs = -1;
                    return;
                }
                String replay = rs.getString(2);
                replayPaused = rs.getBoolean(3);
                lagMs = replay == null ? -1 : clock.lagMs(ReplayLagClock.parseLsn(replay), now);
                if (renewPool) {
                    renewPool();
                }
                if (lagMs < 0 || lagMs > maxLagMs) {
                    change(State.LAGGING, lagMs < 0 ? "no WAL replayed yet" : "replay lag " + lagMs + " ms > " + maxLagMs + " ms");
                } else {
                    change(State.UP, null);
                }
            }
        } catch (SQLException e) {
            closeMonitor();
            renewPool = true;
            change(State.DOWN, e.getSQLState() + ": " + e.getMessage());
        }
    }

    // A pool whose server went away holds dead connections and a connection adder that backs off
    // for seconds between attempts: a fresh pool serves the replica again at once.
    private void renewPool() {
        HikariDataSource old = pool;
        pool = new HikariDataSource(poolConfig);
        renewPool = false;
        old.close();
    }

    /**
     * Marks the replica DOWN after a read failed on it; the next successful probe brings it back
     * with a fresh pool (the old one's connections are most likely dead too).
     *
     * @param e the failure
     */
    void failed(Throwable e) {
        renewPool = true;
        change(State.DOWN, "a read failed: " + ReplicaFailures.describe(e));
    }

    private void change(State next, String reason) {
        State before = state;
        state = next;
        if (reason != null) {
            lastError = reason;
        }
        if (before != next) {
            if (next == State.UP) {
                LOG.info("replica {}: {} -> UP (lag {} ms)", name, before, lagMs);
            } else {
                LOG.warn("replica {}: {} -> {}: {}", name, before, next, reason);
            }
        }
    }

    /** @return what the monitor last saw */
    public ReplicaStatus status() {
        return new ReplicaStatus(name, state.name(), lagMs, replayPaused, readsServed.sum(), lastError);
    }

    private void closeMonitor() {
        if (monitor != null) {
            try {
                monitor.close();
            } catch (SQLException ignored) {
                // already broken
            }
            monitor = null;
        }
    }

    /** Closes the pool and the monitor connection. */
    @Override
    public void close() {
        closeMonitor();
        pool.close();
    }
}
