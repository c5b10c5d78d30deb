package cz.mluv.api.search;

import cz.mluv.db.message.Messages;
import cz.mluv.db.message.SearchHit;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import cz.mluv.api.docs.ApiDocs;
import cz.mluv.api.problem.ProblemDetail;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.List;

/**
 * Czech full-text search of messages. Runs on the blocking executor, never on a Netty event loop: a
 * request waiting for a database connection (up to MLUV_API_DB_WAIT_MS in an outage) must not
 * stall the other requests of its loop.
 */
@Controller("/api/v1/messages")
@ExecuteOn(TaskExecutors.BLOCKING)
@ApiResponse(responseCode = "200", description = "The matches, newest first (one SQL statement, never cached)")
@ApiResponse(responseCode = "400", description = ApiDocs.INVALID_PARAMETER,
        content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "500", description = ApiDocs.INTERNAL_ERROR,
        content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "503", description = ApiDocs.DATABASE_UNAVAILABLE,
        content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
public class SearchController {

    private final Messages messages;

    /** @param messages db-core's message reads */
    public SearchController(Messages messages) {
        this.messages = messages;
    }

    /**
     * @param q      words to find, web-search syntax ("quoted phrase", -not, or); diacritics optional
     *               ({@code knedliky} finds {@code knedlíky}); 1..200 characters
     * @param limit  rows, 1..100
     * @param before keyset cursor: the {@code id} of the last hit of the previous page; absent for the
     *               first page. The next page holds the matches strictly older in (createdAt, id)
     * @return the newest {@code limit} matching messages, newest first, ties by id (the same rows as
     *         ordering every match); fewer than {@code limit}: the last page. 400 naming {@code q},
     *         {@code limit} or {@code before} when one is invalid
     */
    @Operation(summary = "Czech full-text search, newest first (diacritics-insensitive; keyset pages with before)",
            description = "Cost bounded by the page, not by the number of matches: the newest messages are searched "
                    + "first, in growing windows of time (GIN index ANDed with a created_at range). "
                    + "Next page: before = the id of the last hit.")
    @Parameter(name = "X-Request-Id", in = ParameterIn.HEADER, description = ApiDocs.REQUEST_ID)
    @Get("/search")
    public List<SearchHit> search(@Parameter(description = "words to find, web-search syntax (\"phrase\", or, -not), diacritics optional; 1..200 characters",
                                          schema = @Schema(type = "string", minLength = 1, maxLength = 200, example = "knedliky"))
                                  @QueryValue String q,
                                  @Parameter(description = "rows, 1..100", schema = @Schema(type = "integer", minimum = "1", maximum = "100", defaultValue = "20"))
                                  @QueryValue(defaultValue = "20") int limit,
                                  @Parameter(description = "keyset cursor: the id of the previous page's last hit (1 or more)",
                                          schema = @Schema(type = "integer", format = "int64", minimum = "1"))
                                  @Nullable @QueryValue Long before) {
        return messages.search(q, limit, before);
    }
}
