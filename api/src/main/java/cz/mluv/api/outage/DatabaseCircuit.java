package cz.mluv.api.outage;

import com.zaxxer.hikari.HikariDataSource;
import cz.mluv.api.problem.DatabaseUnreachable;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.UUID;
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
 * connection because the server could not be reached ({@link DatabaseUnreachable}), the circuit opens:
 * {@link OpenCircuitFilter} answers API requests 503 at once, before they ask the pool for a
 * connection; the pool's minimum idle is set to 0 for the time, so
 * that with no request waiting HikariCP's adder stops instead of retrying with its growing pause;
 * one probe thread tries a plain pgjdbc connection every {@value #PROBE_INTERVAL_MS} ms (connect
 * and login timeouts 1 s). The first successful probe restores the minimum idle and closes the
 * circuit; the next request starts a fresh adder, which connects at once.
 *
 * <p>The cost on the hot path is one volatile read per request.
 */
@Singleton
public class DatabaseCircuit implements BeanCreatedEventListener<DataSource> {

    /** Pause between two probes while the circuit is open, ms. */
    public static final long PROBE_INTERVAL_MS = 250;

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseCircuit.class);

    private final AtomicBoolean open = new AtomicBoolean();
    private volatile String outageId = "";
    private volatile HikariDataSource pool;
    private volatile boolean closed;

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

    /**
     * Trips the circuit when a request could not open a connection.
     *
     * @param event the failure, published by the API's error handling
     */
    @EventListener
    public void onUnreachable(DatabaseUnreachable event) {
        trip();
    }

    /** @return the error id the current (or last) outage was logged with; the 503s of the outage carry it */
    public String outageId() {
        return outageId;
    }

    /** @return {@code true} while connections are refused because the database is unreachable */
    public boolean isOpen() {
        return open.get();
    }

    /**
     * Opens the circuit (once): refuses connections, lets the pool's adder stop, and probes the
     * database until it answers, then closes the circuit. Returns at once; the probing runs on
     * its own thread.
     */
    public void trip() {
        HikariDataSource p = pool;
        if (p == null || closed || !open.compareAndSet(false, true)) {
            return;
        }
        outageId = UUID.randomUUID().toString();
        int minIdle = p.getMinimumIdle();
        p.getHikariConfigMXBean().setMinimumIdle(0);
        LOG.error("error {}: database unreachable: circuit open, requests answered 503 at once with this error id; "
                + "probing every {} ms", outageId, PROBE_INTERVAL_MS);
        Thread.ofPlatform().daemon().name("mluv-db-probe").start(() -> probeUntilBack(p, minIdle));
    }

    private void probeUntilBack(HikariDataSource p, int minIdle) {
        long start = System.nanoTime();
        try {
            while (!closed && !reachable(p)) {
                Thread.sleep(PROBE_INTERVAL_MS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            p.getHikariConfigMXBean().setMinimumIdle(minIdle);
            open.set(false);
            LOG.info("database reachable again: circuit closed after {} ms", (System.nanoTime() - start) / 1_000_000);
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
