package cz.mluv.api.outage;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fast 503s while the database is unreachable, and a prompt recovery when it is back.
 *
 * <p>Without it, every request of an outage waits the pool's full connection timeout before its
 * 503, and after the restart HikariCP's connection adder, which doubles its pause after each
 * failed attempt up to 5 s, may take up to 5 s to try again. So when a request could not get a
 * connection because the server could not be reached ({@link #trip()}), the circuit suspends the
 * pool: a request then fails at once (HikariCP's {@code com.zaxxer.hikari.throwIfSuspended}, set
 * by this class for the process) and is answered 503, the adder stops, and one probe thread tries
 * a plain pgjdbc connection every {@value #PROBE_INTERVAL_MS} ms (connect and login timeouts 1 s).
 * The first successful probe resumes the pool, which starts a fresh adder at once.
 *
 * <p>The pool must allow suspension ({@code datasources.default.allow-pool-suspension}, set by
 * {@code DatabaseSettings.apiConnectionWaitProperties()}); its cost on the hot path is one
 * uncontended semaphore permit per connection checkout.
 */
@Singleton
public class DatabaseCircuit implements BeanCreatedEventListener<DataSource> {

    /** Pause between two probes while the circuit is open, ms. */
    public static final long PROBE_INTERVAL_MS = 250;

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseCircuit.class);

    private final AtomicBoolean open = new AtomicBoolean();
    private volatile HikariDataSource pool;
    private volatile boolean closed;

    /** Makes a suspended pool fail a checkout at once instead of blocking it until resumed. */
    public DatabaseCircuit() {
        System.setProperty("com.zaxxer.hikari.throwIfSuspended", "true");
    }

    /**
     * Remembers the HikariCP pool behind the {@code default} datasource (unwrapped from any
     * proxy), leaving the bean as it is.
     *
     * @param event the created datasource
     * @return the datasource, unchanged
     */
    @Override
    public DataSource onCreated(BeanCreatedEvent<DataSource> event) {
        DataSource ds = event.getBean();
        try {
            if (ds instanceof HikariDataSource h) {
                pool = h;
            } else if (ds.isWrapperFor(HikariDataSource.class)) {
                pool = ds.unwrap(HikariDataSource.class);
            }
        } catch (SQLException e) {
            LOG.warn("datasource {} does not unwrap to HikariCP; no fast 503 while the database is away", ds.getClass().getName());
        }
        return ds;
    }

    /** @return {@code true} while the pool is suspended because the database is unreachable */
    public boolean isOpen() {
        return open.get();
    }

    /**
     * Opens the circuit (once): suspends the pool and probes the database until it answers, then
     * resumes the pool. Returns at once; the work runs on its own thread.
     */
    public void trip() {
        HikariDataSource p = pool;
        if (p == null || closed || !p.isAllowPoolSuspension() || !open.compareAndSet(false, true)) {
            return;
        }
        Thread.ofPlatform().daemon().name("mluv-db-probe").start(() -> probeUntilBack(p));
    }

    private void probeUntilBack(HikariDataSource p) {
        long start = System.nanoTime();
        HikariPoolMXBean mx = p.getHikariPoolMXBean();
        try {
            if (mx == null) {
                return;
            }
            mx.suspendPool();
            LOG.warn("database unreachable: pool suspended, requests answered 503 at once; probing every {} ms", PROBE_INTERVAL_MS);
            while (!closed && !reachable(p)) {
                Thread.sleep(PROBE_INTERVAL_MS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("database probe failed", e);
        } finally {
            if (mx != null && !p.isClosed()) {
                mx.resumePool();
            }
            open.set(false);
            LOG.info("database reachable again: pool resumed after {} ms", (System.nanoTime() - start) / 1_000_000);
        }
    }

    private static boolean reachable(HikariDataSource p) {
        Properties props = new Properties();
        props.putAll(p.getDataSourceProperties());
        if (p.getUsername() != null) {
            props.setProperty("user", p.getUsername());
        }
        if (p.getPassword() != null) {
            props.setProperty("password", p.getPassword());
        }
        props.setProperty("connectTimeout", "1");
        props.setProperty("loginTimeout", "1");
        try (Connection c = DriverManager.getConnection(p.getJdbcUrl(), props)) {
            return c.isValid(1);
        } catch (SQLException e) {
            return false;
        }
    }

    /** Stops probing when the application stops. */
    @PreDestroy
    public void close() {
        closed = true;
    }
}
