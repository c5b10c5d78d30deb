package cz.mluv.api.search;

import cz.mluv.db.message.Messages;
import cz.mluv.db.message.SearchHit;
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
     * @param q     words to find, web-search syntax; diacritics optional ({@code knedliky} finds {@code knedlíky})
     * @param limit rows, 1..100
     * @return matching messages, newest first
     */
    @Operation(summary = "Czech full-text search (GIN index, diacritics-insensitive)")
    @Get("/search")
    public List<SearchHit> search(@QueryValue String q, @QueryValue(defaultValue = "20") int limit) {
        return messages.search(q, limit);
    }
}
