package cz.mluv.api.routing;

import cz.mluv.db.replica.ReplicaStatus;
import io.micronaut.context.annotation.Requires;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code replicas} in the API's {@code /health} details (management credential only): each read
 * replica's state, replay lag (ms) and the reads it served. Always UP: a replica that is down or
 * lagging costs no request (its reads go to the primary), so it does not make the API unhealthy;
 * the catalogue's replica checks judge the replicas.
 */
@Singleton
@Requires(beans = ReadRoutingSetup.class)
public class ReplicasHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {

    private final ReadRoutingSetup routing;

    /** @param routing the read routing and its replica monitor */
    public ReplicasHealthIndicator(ReadRoutingSetup routing) {
        this.routing = routing;
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        healthStatus = HealthStatus.UP;
        List<ReplicaStatus> replicas = routing.replicas();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("replicas", replicas);
        details.put("servingReads", replicas.stream().filter(r -> r.state().equals("UP")).count());
        return details;
    }

    @Override
    protected String getName() {
        return "replicas";
    }
}
