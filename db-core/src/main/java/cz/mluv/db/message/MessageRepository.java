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
     * The hit columns shared by {@link #SEARCH_SQL} and {@link #SEARCH_RELEVANCE_SQL}: the parsed
     * query (one row even without hits: the hit columns are then {@code null}), the message and its
     * author, a {@code ts_headline} snippet of its first {@value Messages#SNIPPET_SOURCE_CHARS}
     * characters (bounded cost per hit), the query's lexemes it contains, and {@code ts_rank_cd}.
     */
    String SEARCH_HIT_COLUMNS = """
            SELECT q.parsed_query, h.id, h.telegram_id, h.first_name, h.role, h.text, h.created_at,
                   ts_headline('czech', left(h.text, 2000), q.query,
                               'MaxFragments=2, MaxWords=16, MinWords=6, StartSel=«, StopSel=», FragmentDelimiter=" … "') AS snippet,
                   array_to_string(ARRAY(SELECT DISTINCT l FROM unnest(tsvector_to_array(to_tsvector('czech', h.text))) l
                                         WHERE l = ANY (q.lexemes) ORDER BY l), ' ') AS matched_words,
                   CAST(round(CAST(ts_rank_cd(to_tsvector('czech', h.text), q.query) AS numeric), 6) AS float8) AS rank
            FROM (SELECT p.query, CAST(p.query AS text) AS parsed_query,
                         ARRAY(SELECT replace(x[1], '''''', '''') FROM regexp_matches(CAST(p.query AS text), '''(([^'']|'''')*)''', 'g') x) AS lexemes
                  FROM (SELECT websearch_to_tsquery('czech', :query) AS query) p) q
            """;

    /**
     * SQL of {@link #search}; also run by the benchmarks. One statement: {@code search_messages}
     * (migrations V9, V10, V14) finds the newest {@code :limit} matches older than message
     * {@code :beforeId} ({@code null}: the first page) on the path its estimate picks (see
     * {@link #SEARCH_WALK_SQL}, {@link #SEARCH_WINDOW_SQL}, {@link #SEARCH_OPEN_SQL}); the join adds
     * the author and {@link #SEARCH_HIT_COLUMNS} why it matched.
     */
    String SEARCH_SQL = SEARCH_HIT_COLUMNS + """
            LEFT JOIN LATERAL (SELECT m.id, u.telegram_id, u.first_name, m.role, m.text, m.created_at
                               FROM search_messages(:query, :limit, :beforeId) m
                               JOIN users u ON u.id = m.user_id) h ON true
            ORDER BY h.created_at DESC, h.id DESC""";

    /**
     * SQL of {@link #searchByRelevance}: the newest {@code :candidates} matches (the same
     * {@code search_messages} call, so the same bounded cost), ranked by {@code ts_rank_cd}, best
     * first, ties newest first and by id; the best {@code :limit} of them.
     */
    String SEARCH_RELEVANCE_SQL = SEARCH_HIT_COLUMNS + """
            LEFT JOIN LATERAL (SELECT m.id, u.telegram_id, u.first_name, m.role, m.text, m.created_at
                               FROM search_messages(:query, :candidates, NULL) m
                               JOIN users u ON u.id = m.user_id) h ON true
            ORDER BY rank DESC NULLS LAST, h.created_at DESC, h.id DESC
            LIMIT :limit""";

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
     * The walk path of {@code search_messages} (V10, kept by V14), as it runs there: the newest
     * {@code :walk} (3 * limit / estimated density) messages older than the cursor, filtered by the
     * query; a bounded walk of idx_messages_created, for a query in at least 1 of 8 messages (je).
     * For the plan contract only.
     */
    String SEARCH_WALK_SQL = """
            SELECT array_agg(w.id ORDER BY w.created_at DESC, w.id DESC)
            FROM (SELECT m.id, m.created_at, m.text FROM messages m
                  WHERE (m.created_at, m.id) < (:upperAt, :upperId)
                  ORDER BY m.created_at DESC, m.id DESC LIMIT :walk) w
            WHERE to_tsvector('czech', w.text) @@ websearch_to_tsquery('czech', :query)""";

    /**
     * The window path of {@code search_messages} (V14), as it runs there: the matches written in the
     * hours (UTC) from {@code :upperAt}'s back to {@code :lowerAt}'s, one bitmap scan of
     * idx_messages_search_hour (V13: the hour AND the words, as {@code to_tsvector('czech', text || '')};
     * one GIN scan per hour, each stepping between the hour's and the rarest word's posting lists),
     * the cursor and the order applied above the OFFSET 0 fence. For the plan contract only.
     */
    String SEARCH_WINDOW_SQL = """
            SELECT array_agg(w.id ORDER BY w.created_at DESC, w.id DESC)
            FROM (SELECT x.id, x.created_at
                  FROM (SELECT m.id, m.created_at FROM messages m
                        WHERE date_trunc('hour', m.created_at AT TIME ZONE 'UTC')
                                  = ANY (ARRAY(SELECT generate_series(date_trunc('hour', CAST(:upperAt AS timestamptz) AT TIME ZONE 'UTC'),
                                                                      date_trunc('hour', CAST(:lowerAt AS timestamptz) AT TIME ZONE 'UTC'),
                                                                      interval '-1 hour')))
                          AND to_tsvector('czech', m.text || '') @@ websearch_to_tsquery('czech', :query)
                        OFFSET 0) x
                  WHERE (x.created_at, x.id) < (:upperAt, :upperId)
                  ORDER BY x.created_at DESC, x.id DESC LIMIT :limit) w""";

    /**
     * The open path of {@code search_messages} (V10, kept by V14), as it runs there: every match (GIN) older than
     * the cursor, the newest {@code :limit}; for a query with few matches (pivo hospoda, xylofon).
     * For the plan contract only.
     */
    String SEARCH_OPEN_SQL = """
            SELECT w.id FROM (SELECT m.id, m.created_at FROM messages m
                              WHERE to_tsvector('czech', m.text) @@ websearch_to_tsquery('czech', :query) OFFSET 0) w
            WHERE (w.created_at, w.id) < (:upperAt, :upperId)
            ORDER BY w.created_at DESC, w.id DESC LIMIT :limit""";

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
     * @return the parsed query joined to up to {@code limit} hits (one row without a hit when none)
     */
    @Query(SEARCH_SQL)
    List<SearchRow> search(String query, int limit, @Nullable Long beforeId);

    /**
     * The newest {@code candidates} matches ranked by {@code ts_rank_cd} (see
     * {@link #SEARCH_RELEVANCE_SQL}).
     *
     * @param query      the words
     * @param candidates how many of the newest matches are ranked, rows
     * @param limit      rows returned, at most {@code candidates}
     * @return the parsed query joined to up to {@code limit} hits, best first (one row without a hit when none)
     */
    @Query(SEARCH_RELEVANCE_SQL)
    List<SearchRow> searchByRelevance(String query, int candidates, int limit);

    /**
     * Per-day correctness of a user's scored messages in [from, to); index
     * idx_messages_correctness_score (partial: scored messages only; covering: INCLUDE score).
     */
    @Query(CORRECTNESS_BY_DAY_SQL)
    List<CorrectnessRow> correctnessByDay(long telegramId, Instant from, Instant to);
}
