package cz.mluv.api.outage;

import cz.mluv.api.problem.ServerErrors;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.sql.SQLTransientConnectionException;

/**
 * While the {@link DatabaseCircuit} is open, answers every API request 503 (with
 * {@code Retry-After} and an error id, through {@link ServerErrors}) before it reaches a
 * controller, so that no request waits for a pooled connection to a server known to be away.
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
        return ServerErrors.answer(request, new SQLTransientConnectionException(
                "database unreachable: circuit open since an earlier request could not connect", "08001"),
                HttpStatus.SERVICE_UNAVAILABLE, HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE));
    }
}
