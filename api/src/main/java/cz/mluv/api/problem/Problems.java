package cz.mluv.api.problem;

import cz.mluv.db.InvalidParameterException;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.bind.exceptions.UnsatisfiedArgumentException;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.web.router.exceptions.UnsatisfiedRouteException;
import jakarta.inject.Singleton;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Every error of the API as RFC 9457 problem+json, mapped once at the edge:
 * {@link InvalidParameterException} to 400 naming the parameter, {@link UserNotFoundException}
 * to 404, Micronaut's own errors (malformed numbers or dates, missing parameters, unknown
 * routes) through {@link ProblemErrorResponseProcessor}, which names the argument that failed to
 * bind (or, for a request target that is not a valid URI, the query parameter at fault), and
 * every other exception through {@link UnexpectedErrorHandler} to {@link ServerErrors}:
 * 503 with {@code Retry-After} when the database is unavailable, else 500; a 5xx body never
 * carries the exception's message (no SQL, no PostgreSQL message), only an error id found in the
 * server log. (micronaut-problem-json does this too, but its jars are not on the registry these
 * machines reach.)
 */
public final class Problems {

    /** Media type of every error body. */
    public static final String PROBLEM_JSON = "application/problem+json";
    private static final String TYPE_BASE = "https://mluv.cz/problems/";

    private Problems() {
    }

    /** 400 for a parameter a read does not accept. */
    @Singleton
    public static class InvalidParameterHandler implements ExceptionHandler<InvalidParameterException, HttpResponse<ProblemDetail>> {

        @Override
        public HttpResponse<ProblemDetail> handle(HttpRequest request, InvalidParameterException e) {
            return respond(new ProblemDetail(TYPE_BASE + "invalid-parameter", "Invalid parameter: " + e.parameter(),
                    400, e.getMessage(), request.getPath(), e.parameter(), null));
        }
    }

    /** 404 for an unknown Telegram id. */
    @Singleton
    public static class UserNotFoundHandler implements ExceptionHandler<UserNotFoundException, HttpResponse<ProblemDetail>> {

        @Override
        public HttpResponse<ProblemDetail> handle(HttpRequest request, UserNotFoundException e) {
            return respond(new ProblemDetail(TYPE_BASE + "user-not-found", "User not found", 404, e.getMessage(),
                    request.getPath(), null, null));
        }
    }

    /**
     * Every exception no other handler claims (a database error wrapped by Micronaut Data, a bug):
     * 503 or 500 through {@link ServerErrors}, never the exception's message.
     */
    @Singleton
    public static class UnexpectedErrorHandler implements ExceptionHandler<Exception, HttpResponse<ProblemDetail>> {

        private final ApplicationEventPublisher<DatabaseUnreachable> events;

        /** @param events where {@link DatabaseUnreachable} is published */
        public UnexpectedErrorHandler(ApplicationEventPublisher<DatabaseUnreachable> events) {
            this.events = events;
        }

        @Override
        public HttpResponse<ProblemDetail> handle(HttpRequest request, Exception e) {
            if (DatabaseUnavailability.unreachable(e)) {
                events.publishEvent(new DatabaseUnreachable(e));
            }
            return ServerErrors.answer(request, e, HttpStatus.INTERNAL_SERVER_ERROR, HttpResponse.serverError());
        }
    }

    /**
     * Renders Micronaut's built-in error responses as problem+json. A 5xx (for example Micronaut's
     * own fallback for an {@link Error}) goes through {@link ServerErrors}, so its message never
     * reaches the caller.
     */
    @Singleton
    @Replaces(ErrorResponseProcessor.class)
    public static class ProblemErrorResponseProcessor implements ErrorResponseProcessor<ProblemDetail> {

        @Override
        public MutableHttpResponse<ProblemDetail> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
            HttpStatus status = response.status();
            if (status.getCode() >= 500) {
                return ServerErrors.answer(context.getRequest(), context.getRootCause().orElse(null), status, response);
            }
            Throwable cause = context.getRootCause().orElse(null);
            String parameter = parameterOf(cause);
            String detail = context.getErrors().stream().map(Error::getMessage).collect(Collectors.joining("; "));
            String instance = context.getRequest().getPath();
            if (cause instanceof URISyntaxException malformed) {
                instance = MalformedUri.path(malformed);
                if (parameter != null) {
                    detail = parameter + " is not a valid percent-encoding (" + malformed.getReason() + ")";
                }
            }
            ProblemDetail body = new ProblemDetail(
                    TYPE_BASE + status.name().toLowerCase(Locale.ROOT).replace('_', '-'),
                    parameter != null ? "Invalid parameter: " + parameter : status.getReason(),
                    status.getCode(), detail.isEmpty() ? null : detail, instance, parameter, null);
            return response.body(body).contentType(PROBLEM_JSON);
        }

        private static String parameterOf(Throwable cause) {
            if (cause instanceof ConversionErrorException c) {
                return c.getArgument().getName();
            }
            if (cause instanceof UnsatisfiedArgumentException u) {
                return u.getArgument().getName();
            }
            if (cause instanceof UnsatisfiedRouteException r) {
                return r.getArgument().getName();
            }
            if (cause instanceof URISyntaxException malformed) {
                return MalformedUri.parameter(malformed).orElse(null);
            }
            return null;
        }
    }

    private static HttpResponse<ProblemDetail> respond(ProblemDetail problem) {
        MutableHttpResponse<ProblemDetail> response = HttpResponse.status(HttpStatus.valueOf(problem.status()));
        return response.body(problem).contentType(PROBLEM_JSON);
    }
}
