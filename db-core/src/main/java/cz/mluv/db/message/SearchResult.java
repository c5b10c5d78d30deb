package cz.mluv.db.message;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * One page of search hits and how the query was understood.
 *
 * @param query       the query as given (surrounding white space removed)
 * @param parsedQuery the query as PostgreSQL parsed it ({@code websearch_to_tsquery('czech', q)}
 *                    as text: normalized words in quotes, {@code &} and, {@code |} or, {@code !} not,
 *                    {@code <->} followed by)
 * @param order       {@code newest} or {@code relevance}
 * @param hits        the hits in that order; fewer than the limit: the last page
 * @param nextBefore  {@code newest} only: the {@code before} of the next page (the id of the last
 *                    hit) when the page is full, else {@code null}
 */
@Serdeable
public record SearchResult(String query, String parsedQuery, String order, List<SearchHit> hits,
                           @Nullable Long nextBefore) {
}
