package cz.mluv.api.leaderboard;

import cz.mluv.api.problem.ProblemDetail;
import cz.mluv.api.problem.Problems;
import cz.mluv.db.leaderboard.StaleCursorException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/**
 * 409 problem+json naming {@code after} for a leaderboard cursor the ranking no longer matches
 * (the view was refreshed since the previous page): the client starts again from the first page.
 */
@Singleton
public class StaleCursorHandler implements ExceptionHandler<StaleCursorException, HttpResponse<ProblemDetail>> {

    @Override
    public HttpResponse<ProblemDetail> handle(HttpRequest request, StaleCursorException e) {
        ProblemDetail problem = new ProblemDetail("https://mluv.cz/problems/stale-cursor",
                "Stale cursor: start again from the first page", 409, e.getMessage(), request.getPath(), "after", null);
        return HttpResponse.<ProblemDetail>status(HttpStatus.CONFLICT).body(problem).contentType(Problems.PROBLEM_JSON);
    }
}
