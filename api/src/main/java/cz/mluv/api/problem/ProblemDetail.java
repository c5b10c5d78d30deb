package cz.mluv.api.problem;

import io.micronaut.core.annotation.Creator;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * An RFC 9457 problem details body ({@code application/problem+json}), with the extension member
 * {@code parameter} naming the request parameter at fault, when one is, and {@code errorId} on a
 * 5xx answer: the id under which the server logged the failure (the body itself never carries
 * the exception's message).
 *
 * @param type      a URI identifying the problem type
 * @param title     short summary of the problem type
 * @param status    the HTTP status code
 * @param detail    what went wrong in this request
 * @param instance  the request path
 * @param parameter the offending request parameter, if any
 * @param errorId   the server log's id of a 5xx failure, if this is one
 * @param requestId the request's {@code X-Request-Id} (given by the client or generated), also in
 *                  every server log line of the request; set on the way out by
 *                  {@code cz.mluv.api.requestid.RequestIdFilter}
 */
@Serdeable
public record ProblemDetail(String type, String title, int status, @Nullable String detail, @Nullable String instance,
                            @Nullable String parameter, @Nullable String errorId, @Nullable String requestId) {

    /** The canonical constructor, the one (de)serialization uses. */
    @Creator
    public ProblemDetail {
    }

    /** A problem without a request id yet (the request-id filter adds it). */
    public ProblemDetail(String type, String title, int status, @Nullable String detail, @Nullable String instance,
                         @Nullable String parameter, @Nullable String errorId) {
        this(type, title, status, detail, instance, parameter, errorId, null);
    }

    /**
     * @param id the request id
     * @return this problem carrying {@code id}
     */
    public ProblemDetail withRequestId(String id) {
        return new ProblemDetail(type, title, status, detail, instance, parameter, errorId, id);
    }
}
