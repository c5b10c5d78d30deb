package cz.mluv.api.routing;

import cz.mluv.migrations.settings.MluvSettings;
import com.zaxxer.hikari.HikariDataSource;
import cz.mluv.db.replica.ReadRoutingDataSource;
import cz.mluv.db.replica.ReplicaSet;
import cz.mluv.db.replica.ReplicaStatus;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.core.order.Ordered;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the API's read routing in place: when {@code mluv.replicas.urls} names replicas (the
 * embedded standbys of {@code MLUV_REPLICAS}, or {@code MLUV_DB_REPLICA_URLS}), the {@code default}
 * data source becomes a {@link ReadRoutingDataSource} over the primary pool and one pool per replica,
 * so that the reads db-core marks {@code @ReplicaRead} go to a healthy replica within
 * {@code mluv.replicas.max-lag-ms}. Without replicas the data source is left as it is.
 *
 * <p>It wraps the HikariCP pool before any other listener (highest precedence): Micronaut Data's
 * contextual-connection proxy then wraps the router, not the other way round.
 */
@Singleton
public class ReadRoutingSetup implements BeanCreatedEventListener<DataSource>, Ordered {

    private static final Logger LOG = LoggerFactory.getLogger(ReadRoutingSetup.class);

    private final List<String> urls;
    private final Duration maxLag;
    private final int poolMax;
    private volatile ReadRoutingDataSource router;

    /**
     * @param urls      comma-separated replica JDBC URLs; empty = no routing
     * @param maxLagMs  the lag limit, ms; -1 = {@link MluvSettings#MAX_REPLICA_LAG}'s default
     * @param poolMax   maximum connections per replica pool; -1 = {@link MluvSettings#DB_REPLICA_POOL_MAX}'s default
     */
    public ReadRoutingSetup(@Value("${mluv.replicas.urls:}") String urls, @Value("${mluv.replicas.max-lag-ms:-1}") long maxLagMs,
                            @Value("${mluv.replicas.pool-max:-1}") int poolMax) {
        this.urls = Arrays.stream(urls.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        this.maxLag = maxLagMs < 0 ? MluvSettings.MAX_REPLICA_LAG.defaultValue() : Duration.ofMillis(maxLagMs);
        this.poolMax = poolMax < 0 ? MluvSettings.DB_REPLICA_POOL_MAX.defaultValue() : poolMax;
    }

    @Override
    public DataSource onCreated(BeanCreatedEvent<DataSource> event) {
        DataSource ds = event.getBean();
        if (urls.isEmpty() || !"default".equals(event.getBeanIdentifier().getName())) {
            return ds;
        }
        HikariDataSource primary;
        try {
            primary = ds instanceof HikariDataSource h ? h : ds.unwrap(HikariDataSource.class);
        } catch (SQLException e) {
            LOG.warn("the default datasource is not HikariCP ({}); reads are not routed to replicas", ds.getClass().getName());
            return ds;
        }
        router = new ReadRoutingDataSource(ds, new ReplicaSet(primary, urls, maxLag, poolMax));
        return router;
    }

    /** @return what the monitor last saw of each replica; empty without replicas */
    public List<ReplicaStatus> replicas() {
        ReadRoutingDataSource r = router;
        return r == null ? List.of() : r.replicas().status();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    /** Closes the replica pools and stops their monitor. */
    @PreDestroy
    public void close() {
        ReadRoutingDataSource r = router;
        if (r != null) {
            r.close();
        }
    }
}
