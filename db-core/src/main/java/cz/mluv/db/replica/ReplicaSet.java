package cz.mluv.db.replica;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The read replicas of one primary, watched by a monitor thread that probes the primary's WAL
 * position and every replica's replay position each {@value #PROBE_INTERVAL_MS} ms
 * ({@link ReplayLagClock}: lag in time, from positions, nothing written on the primary). A replica
 * is eligible for reads while it is UP: reachable, in recovery, and with replay lag within
 * {@code MLUV_MAX_REPLICA_LAG}. {@link #pick()} spreads reads over the eligible ones in turn.
 *
 * <p>Each replica gets its own HikariCP pool with the primary pool's user, password and driver
 * properties, at most {@code MLUV_DB_REPLICA_POOL_MAX} connections, a {@value #REPLICA_WAIT_MS} ms
 * wait for a connection (a busy or dead replica sends the read to the primary rather than keeping
 * it waiting) and 1 s connect and login timeouts.
 */
public final class ReplicaSet implements AutoCloseable {

    /** Pause between two probes, ms. */
    public static final long PROBE_INTERVAL_MS = 250;
    /** How long a read waits for a replica's pooled connection before it goes to the primary, ms. */
    public static final long REPLICA_WAIT_MS = 500;

    private static final Logger LOG = LoggerFactory.getLogger(ReplicaSet.class);

    private final List<Replica> replicas;
    private final long maxLagMs;
    private final ReplayLagClock clock = new ReplayLagClock();
    private final String primaryUrl;
    private final Properties monitorProperties;
    private final AtomicInteger next = new AtomicInteger();
    private final Thread monitor;
    private Connection primaryMonitor;
    private volatile boolean closed;

    /**
     * Opens the replicas' pools, probes every replica once (so that routing works from the first
     * read) and starts the monitor thread.
     *
     * @param primary the primary's pool (its URL, credentials and driver properties are reused)
     * @param urls    JDBC URLs of the replicas
     * @param maxLag  the lag limit
     * @param poolMax maximum connections per replica pool
     */
    public ReplicaSet(HikariDataSource primary, List<String> urls, Duration maxLag, int poolMax) {
        this.maxLagMs = maxLag.toMillis();
        this.primaryUrl = primary.getJdbcUrl();
        this.monitorProperties = new Properties();
        monitorProperties.putAll(primary.getDataSourceProperties());
        if (primary.getUsername() != null) {
            monitorProperties.setProperty("user", primary.getUsername());
        }
        if (primary.getPassword() != null) {
            monitorProperties.setProperty("password", primary.getPassword());
        }
        monitorProperties.setProperty("connectTimeout", "1");
        monitorProperties.setProperty("loginTimeout", "1");
        monitorProperties.setProperty("socketTimeout", "5");
        monitorProperties.setProperty("ApplicationName", "mluv-replica-monitor");
        AtomicInteger n = new AtomicInteger();
        this.replicas = urls.stream().map(url -> new Replica(url, poolConfig(primary, url, poolMax, n.incrementAndGet()),
                monitorProperties)).toList();
        probeAll();
        monitor = Thread.ofPlatform().daemon().name("mluv-replica-monitor").start(this::monitorLoop);
        LOG.info("read replicas: {} (lag limit {} ms)", replicas.stream().map(Replica::status).toList(), maxLagMs);
    }

    private static HikariConfig poolConfig(HikariDataSource primary, String url, int poolMax, int n) {
        HikariConfig c = new HikariConfig();
        c.setJdbcUrl(url);
        c.setUsername(primary.getUsername());
        c.setPassword(primary.getPassword());
        c.setDataSourceProperties(new Properties());
        c.getDataSourceProperties().putAll(primary.getDataSourceProperties());
        c.addDataSourceProperty("connectTimeout", "1");
        c.addDataSourceProperty("loginTimeout", "1");
        c.setPoolName("mluv-replica-" + n);
        c.setMaximumPoolSize(poolMax);
        c.setMinimumIdle(Math.min(2, poolMax));
        c.setConnectionTimeout(REPLICA_WAIT_MS);
        c.setValidationTimeout(250);
        c.setReadOnly(true);
        // A replica that is down at start must not stop the API: its reads go to the primary.
        c.setInitializationFailTimeout(-1);
        return c;
    }

    private void monitorLoop() {
        while (!closed) {
            try {
                Thread.sleep(PROBE_INTERVAL_MS);
                probeAll();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.warn("replica monitor: {}", e.toString());
            }
        }
    }

    private synchronized void probeAll() {
        probePrimary();
        for (Replica r : replicas) {
            r.probe(clock, maxLagMs);
        }
    }

    private void probePrimary() {
        try {
            if (primaryMonitor == null || primaryMonitor.isClosed()) {
                primaryMonitor = DriverManager.getConnection(primaryUrl, monitorProperties);
            }
            try (Statement st = primaryMonitor.createStatement(); ResultSet rs = st.executeQuery("SELECT pg_current_wal_lsn()::text")) {
                rs.next();
                clock.primaryAt(ReplayLagClock.parseLsn(rs.getString(1)), System.nanoTime());
            }
        } catch (SQLException e) {
            // The primary's own outage is the DatabaseCircuit's business; lag is judged on the positions seen so far.
            closePrimaryMonitor();
        }
    }

    /**
     * @return the next eligible replica in turn; {@code null} when none is UP
     */
    public Replica pick() {
        int size = replicas.size();
        int start = Math.floorMod(next.getAndIncrement(), Math.max(1, size));
        for (int i = 0; i < size; i++) {
            Replica r = replicas.get((start + i) % size);
            if (r.state() == Replica.State.UP) {
                return r;
            }
        }
        return null;
    }

    /** @return the replicas, in configuration order */
    public List<Replica> replicas() {
        return replicas;
    }

    /** @return what the monitor last saw of each replica */
    public List<ReplicaStatus> status() {
        return replicas.stream().map(Replica::status).toList();
    }

    /** @return the lag limit, ms */
    public long maxLagMs() {
        return maxLagMs;
    }

    private void closePrimaryMonitor() {
        if (primaryMonitor != null) {
            try {
                primaryMonitor.close();
            } catch (SQLException ignored) {
                // already broken
            }
            primaryMonitor = null;
        }
    }

    /** Stops the monitor and closes every replica pool. */
    @Override
    public void close() {
        closed = true;
        monitor.interrupt();
        try {
            monitor.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            closePrimaryMonitor();
            replicas.forEach(Replica::close);
        }
    }
}
