package cz.mluv.db.message;

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

    /** SQL of {@link #search}; also EXPLAINed by the plan contracts. */
    String SEARCH_SQL = """
            SELECT m.id, u.telegram_id, u.first_name, m.role, m.text, m.created_at
            FROM (SELECT id, user_id, role, text, created_at
                  FROM messages
                  WHERE to_tsvector('czech', text) @@ websearch_to_tsquery('czech', :query)
                  ORDER BY created_at DESC, id DESC
                  LIMIT :limit) m
            JOIN users u ON u.id = m.user_id
            ORDER BY m.created_at DESC, m.id DESC""";

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
     * Czech full-text search, newest first; index idx_messages_text_search (GIN on
     * to_tsvector('czech', text)). {@code query} uses web-search syntax ("quoted phrase", -not, or).
     */
    @Query(SEARCH_SQL)
    List<SearchHit> search(String query, int limit);

    /**
     * Per-day correctness of a user's scored messages in [from, to); index
     * idx_messages_correctness_score (partial: scored messages only; covering: INCLUDE score).
     */
    @Query(CORRECTNESS_BY_DAY_SQL)
    List<CorrectnessRow> correctnessByDay(long telegramId, Instant from, Instant to);
}
