package cz.mluv.api.problem;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way the API answers a server-side failure (5xx): the body is problem+json with a
 * generic {@code detail} and an {@code errorId} (also in the {@value #ERROR_ID_HEADER} header);
 * the id, the exception with its stack trace, and through it the SQL and PostgreSQL's message, go
 * to the server log only, at ERROR with the id. Nothing of the exception reaches the caller.
 *
 * <p>A database outage ({@link DatabaseUnavailability}) is 503 with {@code Retry-After:}
 * {@value #RETRY_AFTER_SECONDS} (seconds) and is logged at ERROR with the id and the cause chain's
 * messages; its stack trace is logged at DEBUG only, since during an outage every request fails
 * the same way. Anything else is 500 with the full stack trace.
 */
public final class ServerErrors {

    /** Response header carrying the error id of a 5xx answer. */
    public static final String ERROR_ID_HEADER = "Mluv-Error-Id";
    /** Seconds a client should wait before retrying a 503. */
    public static final int RETRY_AFTER_SECONDS = 2;

    private static final Logger LOG = LoggerFactory.getLogger(ServerErrors.class);
    private static final String TYPE_BASE = "https://mluv.cz/problems/";

    private ServerErrors() {
    }

    /**
     * Turns {@code error} into a 5xx answer and logs it with a new error id.
     *
     * @param request  the request that failed
     * @param error    what failed (may be {@code null} when Micronaut reports a 5xx without one)
     * @param status   the status to answer when the error is not a database outage (a 5xx)
     * @param response the response to fill (status, headers, body)
     * @return {@code response}, filled
     */
    public static MutableHttpResponse<ProblemDetail> answer(HttpRequest<?> request, Throwable error, HttpStatus status,
                                                           MutableHttpResponse<?> response) {
        String errorId = UUID.randomUUID().toString();
        Optional<String> outage = DatabaseUnavailability.reason(error);
        ProblemDetail body;
        if (outage.isPresent()) {
            LOG.error("error {}: {} {} answered 503, database unavailable ({}): {}", errorId, request.getMethod(),
                    request.getPath(), outage.get(), causeChain(error));
            LOG.debug("error {}: stack trace", errorId, error);
            return unavailable(request, errorId, response);
        } else {
            LOG.error("error {}: {} {} answered {}", errorId, request.getMethod(), request.getPath(), status.getCode(), error);
            response.status(status);
            body = new ProblemDetail(TYPE_BASE + "internal-error", status.getReason(), status.getCode(),
                    "The server could not answer this request; the error id identifies it in the server log.",
                    request.getPath(), null, errorId);
        }
        return response.header(ERROR_ID_HEADER, errorId).body(body).contentType(Problems.PROBLEM_JSON);
    }

    /**
     * The 503 of a request refused while the database is known to be away: it carries the error
     * id under which the outage was logged once (thousands of refused requests a second would
     * otherwise each write an ERROR line), and logs the request at DEBUG only.
     *
     * @param request  the refused request
     * @param outageId the error id the outage was logged with
     * @param response the response to fill
     * @return {@code response}: 503, {@code Retry-After}, problem+json
     */
    public static MutableHttpResponse<ProblemDetail> outage(HttpRequest<?> request, String outageId, MutableHttpResponse<?> response) {
        LOG.debug("error {}: {} {} answered 503 while the database is unreachable", outageId, request.getMethod(), request.getPath());
        return unavailable(request, outageId, response);
    }

    private static MutableHttpResponse<ProblemDetail> unavailable(HttpRequest<?> request, String errorId, MutableHttpResponse<?> response) {
        response.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS));
        ProblemDetail body = new ProblemDetail(TYPE_BASE + "database-unavailable", "Service unavailable", 503,
                "The database is unavailable for the moment; retry after " + RETRY_AFTER_SECONDS + " s.",
                request.getPath(), null, errorId);
        return response.header(ERROR_ID_HEADER, errorId).body(body).contentType(Problems.PROBLEM_JSON);
    }

    private static String causeChain(Throwable error) {
        StringBuilder out = new StringBuilder();
        int depth = 0;
        for (Throwable t = error; t != null && depth < 16; t = t.getCause() == t ? null : t.getCause(), depth++) {
            if (!out.isEmpty()) {
                out.append(" <- ");
            }
            out.append(t.getClass().getName()).append(": ").append(t.getMessage());
        }
        return out.toString();
    }
}
