package cz.mluv.api.search;

import cz.mluv.db.message.Messages;
import cz.mluv.db.message.SearchHit;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;

/**
 * Czech full-text search of messages. Runs on the blocking executor, never on a Netty event loop: a
 * request waiting for a database connection (up to MLUV_API_DB_WAIT_MS in an outage) must not
 * stall the other requests of its loop.
 */
@Controller("/api/v1/messages")
@ExecuteOn(TaskExecutors.BLOCKING)
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
    @Get("/search")
    public List<SearchHit> search(@QueryValue String q, @QueryValue(defaultValue = "20") int limit,
                                  @Nullable @QueryValue Long before) {
        return messages.search(q, limit, before);
    }
}
