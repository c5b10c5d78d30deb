package cz.mluv.api.caching;

import com.zaxxer.hikari.HikariDataSource;
import cz.mluv.db.refresh.RefreshAnnouncement;
import cz.mluv.db.refresh.RefreshGeneration;
import cz.mluv.db.refresh.ViewRefresher;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.annotation.PreDestroy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Knows the current generation of each materialized view ({@link RefreshGeneration}) and learns
 * of a new one within milliseconds of its refresh's commit: one dedicated connection (not from the
 * pool) does {@code LISTEN} on {@link RefreshAnnouncement#CHANNEL}; on a notification, and every
 * {@link CacheSettings#poll()} besides, it reads the generations from {@code mv_refresh_log}.
 *
 * <p>Correctness over availability: while the listening connection is down (database restarted,
 * backend terminated), no generation is known, so {@link ConditionalReadFilter} caches nothing
 * and sends no 304: every answer comes from the database until the connection is back (tried
 * every {@link CacheSettings#reconnectDelay()}), LISTENs again and re-reads the generations
 * (LISTEN first, so that no refresh falls between the two).
 *
 * <p>The generation is published only after the refresh committed, so an answer read after
 * {@link #generation} returned is never older than that generation (an answer may be newer than
 * its tag for the milliseconds before the notification arrives; that only costs a 200 later).
 */
@Context
@Requires(property = "mluv.api.cache.enabled", notEquals = "false")
public class RefreshListener {

    private static final Logger LOG = LoggerFactory.getLogger(RefreshListener.class);
    /** Longest wait for a notification before the thread looks whether it should stop, ms. */
    private static final long WAKE_MS = 500;

    private final CacheSettings settings;
    private final RenderedAnswers answers;
    private final HikariDataSource pool;
    private final Thread thread;
    private volatile Map<String, RefreshGeneration> generations = Map.of();
    private volatile boolean listening;
    private volatile boolean closed;

    /**
     * Starts listening on its own thread.
     *
     * @param settings   poll interval and reconnect delay
     * @param answers    the cache to drop when a generation changes
     * @param dataSource the API's pool, whose URL and credentials the listening connection uses
     * @throws IllegalStateException when the datasource is not a HikariCP pool
     */
    public RefreshListener(CacheSettings settings, RenderedAnswers answers, DataSource dataSource) {
        this.settings = settings;
        this.answers = answers;
        this.pool = hikari(dataSource);
        this.thread = Thread.ofPlatform().daemon().name("mluv-refresh-listener").start(this::listen);
    }

    /**
     * @param view a view name
     * @return its current generation; empty while unknown (never refreshed, or not listening)
     */
    public Optional<RefreshGeneration> generation(String view) {
        return Optional.ofNullable(generations.get(view));
    }

    /** @return {@code true} while the listening connection is up */
    public boolean listening() {
        return listening;
    }

    private void listen() {
        boolean warned = false;
        while (!closed) {
            try (Connection c = connect()) {
                try (Statement st = c.createStatement()) {
                    st.execute("LISTEN " + RefreshAnnouncement.CHANNEL);
                }
                PGConnection pg = c.unwrap(PGConnection.class);
                read(c);
                listening = true;
                if (warned) {
                    LOG.info("listening for view refreshes again; generations {}", generations);
                    warned = false;
                }
                long pollMs = settings.poll().toMillis();
                long nextPoll = System.currentTimeMillis() + pollMs;
                while (!closed) {
                    long wait = Math.max(1, Math.min(WAKE_MS, nextPoll - System.currentTimeMillis()));
                    PGNotification[] heard = pg.getNotifications((int) wait);
                    boolean notified = heard != null && heard.length > 0;
                    if (notified || System.currentTimeMillis() >= nextPoll) {
                        read(c);
                        nextPoll = System.currentTimeMillis() + pollMs;
                    }
                }
            } catch (SQLException | RuntimeException e) {
                listening = false;
                generations = Map.of();
                if (closed) {
                    return;
                }
                if (!warned) {
                    LOG.warn("not listening for view refreshes ({}): answering view-backed reads from the database, "
                            + "uncached, until reconnected", e.getMessage());
                    warned = true;
                }
                try {
                    Thread.sleep(settings.reconnectDelay().toMillis());
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    private void read(Connection c) throws SQLException {
        Map<String, RefreshGeneration> next = new HashMap<>();
        for (String view : ViewRefresher.VIEWS) {
            RefreshGeneration.read(c, view).ifPresent(g -> next.put(view, g));
        }
        Map<String, RefreshGeneration> previous = generations;
        if (!next.equals(previous)) {
            generations = Map.copyOf(next);
            answers.dropAll();
            LOG.info("view generations now {}", next.values().stream().map(g -> g.view() + "=" + g.token()).toList());
        }
    }

    private Connection connect() throws SQLException {
        Properties props = new Properties();
        props.putAll(pool.getDataSourceProperties());
        if (pool.getUsername() != null) {
            props.setProperty("user", pool.getUsername());
        }
        if (pool.getPassword() != null) {
            props.setProperty("password", pool.getPassword());
        }
        props.setProperty("connectTimeout", "2");
        props.setProperty("loginTimeout", "2");
        props.setProperty("tcpKeepAlive", "true");
        props.setProperty("socketTimeout", "30");
        props.setProperty("ApplicationName", "mluv-api refresh listener");
        Connection c = DriverManager.getConnection(pool.getJdbcUrl(), props);
        c.setAutoCommit(true);
        return c;
    }

    private static HikariDataSource hikari(DataSource dataSource) {
        DataSource ds = DelegatingDataSource.unwrapDataSource(dataSource);
        try {
            if (ds instanceof HikariDataSource h) {
                return h;
            }
            if (ds.isWrapperFor(HikariDataSource.class)) {
                return ds.unwrap(HikariDataSource.class);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the API's datasource does not unwrap to HikariCP", e);
        }
        throw new IllegalStateException("the API's datasource is not a HikariCP pool: " + ds.getClass().getName());
    }

    /** Stops listening: the thread closes its connection within {@value #WAKE_MS} ms. */
    @PreDestroy
    public void close() {
        closed = true;
        thread.interrupt();
        try {
            thread.join(2 * WAKE_MS + 2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
