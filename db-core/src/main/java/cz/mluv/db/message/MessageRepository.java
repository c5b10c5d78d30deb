package cz.mluv.db.message;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.List;

/**
 * Message reads, one SQL statement each. Reads keyed by a Telegram id join {@code users} so
 * that "no such user" (no row) and "no messages" (one row without a message) are told apart in
 * the same statement.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface MessageRepository extends GenericRepository<MessageEntity, Long> {

    /** SQL of {@link #newest}; also EXPLAINed by the plan contracts. */
    String NEWEST_SQL = """
            SELECT u.id AS user_id, m.id, m.role, m.text, m.correctness_score, m.created_at
            FROM users u
            LEFT JOIN LATERAL (SELECT id, role, text, correctness_score, created_at
                               FROM messages
                               WHERE user_id = u.id
                               ORDER BY created_at DESC, id DESC
                               LIMIT :limit) m ON true
            WHERE u.telegram_id = :telegramId
            ORDER BY m.created_at DESC, m.id DESC""";

    /** SQL of {@link #olderThan}; also EXPLAINed by the plan contracts. */
    String OLDER_THAN_SQL = """
            SELECT u.id AS user_id, m.id, m.role, m.text, m.correctness_score, m.created_at
            FROM users u
            LEFT JOIN LATERAL (SELECT id, role, text, correctness_score, created_at
                               FROM messages
                               WHERE user_id = u.id
                                 AND (created_at, id) < (SELECT b.created_at, b.id FROM messages b
                                                         WHERE b.id = :beforeId AND b.user_id = u.id)
                               ORDER BY created_at DESC, id DESC
                               LIMIT :limit) m ON true
            WHERE u.telegram_id = :telegramId
            ORDER BY m.created_at DESC, m.id DESC""";

    /**
     * SQL of {@link #search}; also EXPLAINed by the plan contracts and run by the benchmarks. One
     * statement: {@code search_messages} (migration V9) finds the newest {@code :limit} matches in
     * growing windows of time (see {@link #SEARCH_RECENT_SQL} and {@link #SEARCH_WINDOW_SQL}), the
     * join adds the author. {@code :beforeId} {@code null}: the first page.
     */
    String SEARCH_SQL = """
            SELECT m.id, u.telegram_id, u.first_name, m.role, m.text, m.created_at
            FROM search_messages(:query, :limit, :beforeId) m
            JOIN users u ON u.id = m.user_id
            ORDER BY m.created_at DESC, m.id DESC""";

    /**
     * The definition {@link #SEARCH_SQL} must answer exactly: every match, newest first, ties by id,
     * strictly older in (created_at, id) than message {@code :beforeId} when it is not {@code null}
     * (an unknown id: no rows). It reads every match (a GIN bitmap and a sort): the tests' oracle and
     * the benchmark's "before".
     */
    String SEARCH_PLAIN_SQL = """
            SELECT m.id, u.telegram_id, u.first_name, m.role, m.text, m.created_at
            FROM (SELECT id, user_id, role, text, created_at
                  FROM messages
                  WHERE to_tsvector('czech', text) @@ websearch_to_tsquery('czech', :query)
                    AND (CAST(:beforeId AS bigint) IS NULL
                         OR (created_at, id) < (SELECT b.created_at, b.id FROM messages b WHERE b.id = :beforeId))
                  ORDER BY created_at DESC, id DESC
                  LIMIT :limit) m
            JOIN users u ON u.id = m.user_id
            ORDER BY m.created_at DESC, m.id DESC""";

    /**
     * Step 1 of {@code search_messages} (V9), as it runs there: the newest {@code 16 * :limit}
     * messages older than the cursor, filtered by the query; a walk of idx_messages_created that
     * ends the search for a word in about every 16th message. For the plan contract only.
     */
    String SEARCH_RECENT_SQL = """
            SELECT array_agg(w.id ORDER BY w.created_at DESC, w.id DESC)
            FROM (SELECT m.id, m.created_at, m.text FROM messages m
                  WHERE (m.created_at, m.id) < (:upperAt, :upperId)
                  ORDER BY m.created_at DESC, m.id DESC LIMIT 16 * :limit) w
            WHERE to_tsvector('czech', w.text) @@ websearch_to_tsquery('czech', :query)""";

    /**
     * Step 2 of {@code search_messages} (V9), as it runs there: the matches inside one window of
     * time, a GIN bitmap of idx_messages_text_search ANDed with the created_at range of
     * idx_messages_created ({@code :lowerAt} {@code -infinity} in the last, open window). For the
     * plan contract only.
     */
    String SEARCH_WINDOW_SQL = """
            SELECT array_agg(m.id ORDER BY m.created_at DESC, m.id DESC) FROM messages m
            WHERE to_tsvector('czech', m.text) @@ websearch_to_tsquery('czech', :query)
              AND m.created_at >= :lowerAt AND (m.created_at, m.id) < (:upperAt, :upperId)""";

    /** SQL of {@link #correctnessByDay}; also EXPLAINed by the plan contracts. */
    String CORRECTNESS_BY_DAY_SQL = """
            SELECT u.id AS user_id, d.day, coalesce(d.scored_messages, 0) AS scored_messages,
                   d.average_score, d.min_score, d.max_score
            FROM users u
            LEFT JOIN LATERAL (SELECT (created_at AT TIME ZONE 'UTC')::date AS day,
                                      count(*) AS scored_messages,
                                      round(avg(correctness_score), 2)::float8 AS average_score,
                                      min(correctness_score)::int AS min_score,
                                      max(correctness_score)::int AS max_score
                               FROM messages
                               WHERE user_id = u.id AND correctness_score IS NOT NULL
                                 AND created_at >= :from AND created_at < :to
                               GROUP BY 1) d ON true
            WHERE u.telegram_id = :telegramId
            ORDER BY d.day""";


    /** Newest messages of a user; index idx_messages_user_created (user_id, created_at DESC, id DESC). */
    @Query(NEWEST_SQL)
    List<UserMessageRow> newest(long telegramId, int limit);

    /**
     * The page after message {@code beforeId} (keyset pagination: strictly older by
     * (created_at, id)); index idx_messages_user_created.
     */
    @Query(OLDER_THAN_SQL)
    List<UserMessageRow> olderThan(long telegramId, long beforeId, int limit);

    /**
     * Czech full-text search, newest first, ties by id; cost bounded by the page (see
     * {@link #SEARCH_SQL}). {@code query} uses web-search syntax ("quoted phrase", -not, or).
     *
     * @param query    the words
     * @param limit    rows
     * @param beforeId {@code null}: the first page; else only messages strictly older in
     *                 (created_at, id) than this message (none when it does not exist)
     * @return up to {@code limit} hits
     */
    @Query(SEARCH_SQL)
    List<SearchHit> search(String query, int limit, @Nullable Long beforeId);

    /**
     * Per-day correctness of a user's scored messages in [from, to); index
     * idx_messages_correctness_score (partial: scored messages only; covering: INCLUDE score).
     */
    @Query(CORRECTNESS_BY_DAY_SQL)
    List<CorrectnessRow> correctnessByDay(long telegramId, Instant from, Instant to);
}
