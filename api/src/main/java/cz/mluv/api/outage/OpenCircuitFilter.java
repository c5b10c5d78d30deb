package cz.mluv.api.outage;

import cz.mluv.api.problem.ServerErrors;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * While the {@link DatabaseCircuit} is open, answers every API request 503 (with
 * {@code Retry-After} and the outage's error id, logged once when the circuit opened, through
 * {@link ServerErrors#outage}) before it reaches a controller, so that no request waits for a pooled connection to a server known to be away.
 * The cost when the circuit is closed is one volatile read per request.
 */
@ServerFilter("/api/**")
public class OpenCircuitFilter {

    private final DatabaseCircuit circuit;

    /** @param circuit the state of the database */
    public OpenCircuitFilter(DatabaseCircuit circuit) {
        this.circuit = circuit;
    }

    /**
     * @param request the request
     * @return a 503 problem while the circuit is open, else {@code null} (the request goes on)
     */
    @RequestFilter
    @Nullable
    public HttpResponse<?> refuseWhileOpen(HttpRequest<?> request) {
        if (!circuit.isOpen()) {
            return null;
        }
        return ServerErrors.outage(request, circuit.outageId(), HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE));
    }
}
