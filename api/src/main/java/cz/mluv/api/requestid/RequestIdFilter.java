package cz.mluv.api.requestid;

import cz.mluv.api.problem.ProblemDetail;
import io.micronaut.context.propagation.slf4j.MdcPropagationContext;
import io.micronaut.core.order.Ordered;
import io.micronaut.core.propagation.MutablePropagatedContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Gives every request an id so that an operator can find a client's call in the server log:
 * the client's {@value #HEADER} when it is acceptable ({@link RequestIds#accept}), otherwise a
 * generated one ({@link RequestIds#next}). The id is echoed in the response's {@value #HEADER},
 * put in the MDC as {@value #MDC_KEY} for every log line written while the request is served
 * (on the event loop and on the blocking executor alike, through Micronaut's propagated context),
 * and set as {@code requestId} in problem+json bodies.
 *
 * <p>Runs first of all filters, so the metrics, the cache's answers and the outage 503s carry it.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class RequestIdFilter implements Ordered {

    /** The request and response header. */
    public static final String HEADER = "X-Request-Id";
    /** The MDC key of the id (logback pattern {@code %X{requestId}}). */
    public static final String MDC_KEY = "requestId";

    private static final Logger LOG = LoggerFactory.getLogger(RequestIdFilter.class);
    private static final String ATTRIBUTE = RequestIdFilter.class.getName();

    private final RequestIds ids = new RequestIds();

    /**
     * @param request the request
     * @param context the request's propagated context, which carries the MDC to the executor
     */
    @RequestFilter
    public void assign(HttpRequest<?> request, MutablePropagatedContext context) {
        String given = request.getHeaders().get(HEADER);
        String id = RequestIds.accept(given);
        if (id == null) {
            id = ids.next();
            if (given != null) {
                LOG.debug("X-Request-Id not accepted (1..{} characters of A-Z a-z 0-9 . _ ~ : + / = -): replaced by {}",
                        RequestIds.MAX_LENGTH, id);
            }
        }
        request.setAttribute(ATTRIBUTE, id);
        MDC.put(MDC_KEY, id);
        try {
            context.add(new MdcPropagationContext());
        } finally {
            MDC.remove(MDC_KEY);
        }
    }

    /**
     * @param request  the request
     * @param response its answer: gets the header, and a problem body the id
     */
    @ResponseFilter
    public void echo(HttpRequest<?> request, MutableHttpResponse<?> response) {
        String id = request.getAttribute(ATTRIBUTE, String.class).orElse(null);
        if (id == null) {
            return;
        }
        response.header(HEADER, id);
        if (response.body() instanceof ProblemDetail problem && problem.requestId() == null) {
            @SuppressWarnings("unchecked")
            MutableHttpResponse<Object> r = (MutableHttpResponse<Object>) response;
            r.body(problem.withRequestId(id));
        }
    }

    /** @return first of all server filters */
    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.order();
    }
}
