package cz.mluv.api.metrics;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection pool's use on {@code /prometheus}: HikariCP's own Micrometer meters, tag
 * {@code pool} (the pool's name, {@code mluv}): {@code hikaricp.connections.active}, {@code .idle},
 * {@code .pending} (requests waiting for a connection), {@code .max}, {@code .min},
 * {@code hikaricp.connections.usage} and {@code .acquire} (timers: how long a connection was held
 * and waited for) and {@code hikaricp.connections.timeout} (waits that gave up: the API's 503s).
 * Attached at start-up; HikariCP allows that once on a running pool.
 */
@Singleton
public class PoolMetrics {

    private static final Logger LOG = LoggerFactory.getLogger(PoolMetrics.class);

    private final DataSource dataSource;
    private final MeterRegistry registry;

    /**
     * @param dataSource the API's pool
     * @param registry   where the meters go
     */
    public PoolMetrics(DataSource dataSource, MeterRegistry registry) {
        this.dataSource = dataSource;
        this.registry = registry;
    }

    /**
     * Gives the pool the registry.
     *
     * @param event the application started
     */
    @EventListener
    public void onStartup(StartupEvent event) {
        DataSource ds = DelegatingDataSource.unwrapDataSource(dataSource);
        try {
            HikariDataSource pool = ds instanceof HikariDataSource h ? h
                    : ds.isWrapperFor(HikariDataSource.class) ? ds.unwrap(HikariDataSource.class) : null;
            if (pool == null) {
                LOG.warn("datasource {} is not HikariCP: no pool meters", ds.getClass().getName());
            } else if (pool.getMetricRegistry() == null && pool.getMetricsTrackerFactory() == null) {
                pool.setMetricRegistry(registry);
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warn("no pool meters: {}", e.getMessage());
        }
    }
}
