package cz.mluv.api.search;

import cz.mluv.db.message.Messages;
import cz.mluv.db.message.SearchOrder;
import cz.mluv.db.message.SearchResult;
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

/**
 * Czech full-text search of messages. Runs on the blocking executor, never on a Netty event loop: a
 * request waiting for a database connection (up to MLUV_API_DB_WAIT_MS in an outage) must not
 * stall the other requests of its loop.
 */
@Controller("/api/v1/messages")
@ExecuteOn(TaskExecutors.BLOCKING)
@ApiResponse(responseCode = "200", description = "The hits, newest first or by relevance, with the query as parsed (one SQL statement, never cached)")
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
     *               ({@code knedliky} finds {@code knedlíky}); 1..200 characters with at least one word
     * @param limit  rows, 1..100
     * @param before keyset cursor, {@code order=newest} only: the {@code id} of the last hit of the
     *               previous page ({@code nextBefore}); absent for the first page. The next page holds
     *               the matches strictly older in (createdAt, id)
     * @param order  {@code newest} (default): the newest {@code limit} matches, ties by id (the same
     *               rows as ordering every match); {@code relevance}: the newest 100 matches ranked by
     *               {@code ts_rank_cd}, the best {@code limit}, one page
     * @return the query as given and as parsed, the hits (each with a snippet, the matched words and
     *         its rank) and {@code nextBefore}; fewer hits than {@code limit}: the last page. 400
     *         naming {@code q} (blank, too long, not text PostgreSQL can take, or no word: only
     *         operators or punctuation), {@code limit}, {@code before} or {@code order} when one is
     *         invalid
     */
    @Operation(summary = "Czech full-text search, newest first or by relevance, with snippets (diacritics-insensitive; keyset pages with before)",
            description = "Newest first (order=newest, the default), the cost is bounded by the page, not by the number of "
                    + "matches: search_messages picks by the planner's estimate a walk of the newest messages (a word in "
                    + "1 of 8 messages or more), windows of the newest hours, one GIN scan of the hour and the words per "
                    + "hour (many matches), or every match (few matches). Next page: before = nextBefore. "
                    + "order=relevance ranks the newest 100 matches by ts_rank_cd (one page, no before). Every hit has "
                    + "a snippet (ts_headline of the text's first 2,000 characters, matches wrapped in \u00ab and \u00bb), "
                    + "matchedWords (the query's normalized words the message contains) and rank; parsedQuery echoes "
                    + "websearch_to_tsquery('czech', q).")
    @Parameter(name = "X-Request-Id", in = ParameterIn.HEADER, description = ApiDocs.REQUEST_ID)
    @Get("/search")
    public SearchResult search(@Parameter(description = "words to find, web-search syntax (\"phrase\", or, -not), diacritics optional; 1..200 characters with at least one word",
                                       schema = @Schema(type = "string", minLength = 1, maxLength = 200, example = "knedliky"))
                               @QueryValue String q,
                               @Parameter(description = "rows, 1..100", schema = @Schema(type = "integer", minimum = "1", maximum = "100", defaultValue = "20"))
                               @QueryValue(defaultValue = "20") int limit,
                               @Parameter(description = "keyset cursor, order=newest only: nextBefore of the previous page (1 or more)",
                                       schema = @Schema(type = "integer", format = "int64", minimum = "1"))
                               @Nullable @QueryValue Long before,
                               @Parameter(description = "newest (default) or relevance",
                                       schema = @Schema(type = "string", allowableValues = {"newest", "relevance"}, defaultValue = "newest"))
                               @Nullable @QueryValue String order) {
        return messages.search(q, limit, before, SearchOrder.parse(order));
    }
}
