package cz.mluv.db.leaderboard;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.List;

/**
 * Ranked reads of the materialized view {@code user_stats_summary}: a user's rank with the users
 * around them, and pages past the top. One SQL statement each, whose cost does not depend on the
 * user's place: the ranks and positions were computed by the refresh (migration V7), and each read
 * finds the user by {@code idx_user_stats_summary_telegram_id}, then reads a bounded range of
 * {@code idx_user_stats_summary_<metric>_position} (a tie group of any size costs nothing extra).
 * Columns of every row: those of {@link RankedUser}.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface RankingRepository extends GenericRepository<UserStatsSummary, Long> {

    /**
     * SQL of {@link #aroundTotalStars}: the user (:telegramId) and up to :around users listed before and
     * after, in listing order; no row when the user is not ranked. The LIMIT only tells the planner
     * how few rows the range holds. Plan contract: index
     * idx_user_stats_summary_total_stars_position.
     */
    String AROUND_BY_TOTAL_STARS_SQL = """
            SELECT s.* FROM (SELECT total_stars_position AS p FROM user_stats_summary WHERE telegram_id = :telegramId) me
            CROSS JOIN LATERAL (SELECT user_id, telegram_id, first_name, total_stars AS score, total_stars_rank AS rank,
                                       total_stars_position AS position, ranked_users, total_stars, max_streak,
                                       total_messages, messages_last_7_days, last_activity
                                FROM user_stats_summary
                                WHERE total_stars_position BETWEEN me.p - :around AND me.p + :around
                                ORDER BY total_stars_position
                                LIMIT 2 * :around + 1) s
            ORDER BY s.position""";

    /**
     * SQL of {@link #afterTotalStars}: the cursor's user (:afterTelegramId, only while its score is still
     * :afterScore) and up to :limit users listed after it; no row when the cursor is stale. Plan
     * contract: index idx_user_stats_summary_total_stars_position.
     */
    String AFTER_BY_TOTAL_STARS_SQL = """
            SELECT s.* FROM (SELECT total_stars_position AS p FROM user_stats_summary
                             WHERE telegram_id = :afterTelegramId AND total_stars = :afterScore) c
            CROSS JOIN LATERAL (SELECT user_id, telegram_id, first_name, total_stars AS score, total_stars_rank AS rank,
                                       total_stars_position AS position, ranked_users, total_stars, max_streak,
                                       total_messages, messages_last_7_days, last_activity
                                FROM user_stats_summary
                                WHERE total_stars_position >= c.p
                                ORDER BY total_stars_position
                                LIMIT :limit + 1) s
            ORDER BY s.position""";

    /**
     * SQL of {@link #aroundMaxStreak}: the user (:telegramId) and up to :around users listed before and
     * after, in listing order; no row when the user is not ranked. The LIMIT only tells the planner
     * how few rows the range holds. Plan contract: index
     * idx_user_stats_summary_max_streak_position.
     */
    String AROUND_BY_MAX_STREAK_SQL = """
            SELECT s.* FROM (SELECT max_streak_position AS p FROM user_stats_summary WHERE telegram_id = :telegramId) me
            CROSS JOIN LATERAL (SELECT user_id, telegram_id, first_name, max_streak AS score, max_streak_rank AS rank,
                                       max_streak_position AS position, ranked_users, total_stars, max_streak,
                                       total_messages, messages_last_7_days, last_activity
                                FROM user_stats_summary
                                WHERE max_streak_position BETWEEN me.p - :around AND me.p + :around
                                ORDER BY max_streak_position
                                LIMIT 2 * :around + 1) s
            ORDER BY s.position""";

    /**
     * SQL of {@link #afterMaxStreak}: the cursor's user (:afterTelegramId, only while its score is still
     * :afterScore) and up to :limit users listed after it; no row when the cursor is stale. Plan
     * contract: index idx_user_stats_summary_max_streak_position.
     */
    String AFTER_BY_MAX_STREAK_SQL = """
            SELECT s.* FROM (SELECT max_streak_position AS p FROM user_stats_summary
                             WHERE telegram_id = :afterTelegramId AND max_streak = :afterScore) c
            CROSS JOIN LATERAL (SELECT user_id, telegram_id, first_name, max_streak AS score, max_streak_rank AS rank,
                                       max_streak_position AS position, ranked_users, total_stars, max_streak,
                                       total_messages, messages_last_7_days, last_activity
                                FROM user_stats_summary
                                WHERE max_streak_position >= c.p
                                ORDER BY max_streak_position
                                LIMIT :limit + 1) s
            ORDER BY s.position""";

    /**
     * SQL of {@link #aroundTotalMessages}: the user (:telegramId) and up to :around users listed before and
     * after, in listing order; no row when the user is not ranked. The LIMIT only tells the planner
     * how few rows the range holds. Plan contract: index
     * idx_user_stats_summary_total_messages_position.
     */
    String AROUND_BY_TOTAL_MESSAGES_SQL = """
            SELECT s.* FROM (SELECT total_messages_position AS p FROM user_stats_summary WHERE telegram_id = :telegramId) me
            CROSS JOIN LATERAL (SELECT user_id, telegram_id, first_name, total_messages AS score, total_messages_rank AS rank,
                                       total_messages_position AS position, ranked_users, total_stars, max_streak,
                                       total_messages, messages_last_7_days, last_activity
                                FROM user_stats_summary
                                WHERE total_messages_position BETWEEN me.p - :around AND me.p + :around
                                ORDER BY total_messages_position
                                LIMIT 2 * :around + 1) s
            ORDER BY s.position""";

    /**
     * SQL of {@link #afterTotalMessages}: the cursor's user (:afterTelegramId, only while its score is still
     * :afterScore) and up to :limit users listed after it; no row when the cursor is stale. Plan
     * contract: index idx_user_stats_summary_total_messages_position.
     */
    String AFTER_BY_TOTAL_MESSAGES_SQL = """
            SELECT s.* FROM (SELECT total_messages_position AS p FROM user_stats_summary
                             WHERE telegram_id = :afterTelegramId AND total_messages = :afterScore) c
            CROSS JOIN LATERAL (SELECT user_id, telegram_id, first_name, total_messages AS score, total_messages_rank AS rank,
                                       total_messages_position AS position, ranked_users, total_stars, max_streak,
                                       total_messages, messages_last_7_days, last_activity
                                FROM user_stats_summary
                                WHERE total_messages_position >= c.p
                                ORDER BY total_messages_position
                                LIMIT :limit + 1) s
            ORDER BY s.position""";

    /**
     * SQL of {@link #aroundMessagesLast7Days}: the user (:telegramId) and up to :around users listed before and
     * after, in listing order; no row when the user is not ranked. The LIMIT only tells the planner
     * how few rows the range holds. Plan contract: index
     * idx_user_stats_summary_messages_last_7_days_position.
     */
    String AROUND_BY_MESSAGES_LAST7_DAYS_SQL = """
            SELECT s.* FROM (SELECT messages_last_7_days_position AS p FROM user_stats_summary WHERE telegram_id = :telegramId) me
            CROSS JOIN LATERAL (SELECT user_id, telegram_id, first_name, messages_last_7_days AS score, messages_last_7_days_rank AS rank,
                                       messages_last_7_days_position AS position, ranked_users, total_stars, max_streak,
                                       total_messages, messages_last_7_days, last_activity
                                FROM user_stats_summary
                                WHERE messages_last_7_days_position BETWEEN me.p - :around AND me.p + :around
                                ORDER BY messages_last_7_days_position
                                LIMIT 2 * :around + 1) s
            ORDER BY s.position""";

    /**
     * SQL of {@link #afterMessagesLast7Days}: the cursor's user (:afterTelegramId, only while its score is still
     * :afterScore) and up to :limit users listed after it; no row when the cursor is stale. Plan
     * contract: index idx_user_stats_summary_messages_last_7_days_position.
     */
    String AFTER_BY_MESSAGES_LAST7_DAYS_SQL = """
            SELECT s.* FROM (SELECT messages_last_7_days_position AS p FROM user_stats_summary
                             WHERE telegram_id = :afterTelegramId AND messages_last_7_days = :afterScore) c
            CROSS JOIN LATERAL (SELECT user_id, telegram_id, first_name, messages_last_7_days AS score, messages_last_7_days_rank AS rank,
                                       messages_last_7_days_position AS position, ranked_users, total_stars, max_streak,
                                       total_messages, messages_last_7_days, last_activity
                                FROM user_stats_summary
                                WHERE messages_last_7_days_position >= c.p
                                ORDER BY messages_last_7_days_position
                                LIMIT :limit + 1) s
            ORDER BY s.position""";

    /** The user and their neighbours by total_stars; see {@link #AROUND_BY_TOTAL_STARS_SQL}. */
    @Query(AROUND_BY_TOTAL_STARS_SQL)
    List<RankedUser> aroundTotalStars(long telegramId, int around);

    /** The cursor's user and the next page by total_stars; see {@link #AFTER_BY_TOTAL_STARS_SQL}. */
    @Query(AFTER_BY_TOTAL_STARS_SQL)
    List<RankedUser> afterTotalStars(long afterTelegramId, long afterScore, int limit);

    /** The user and their neighbours by max_streak; see {@link #AROUND_BY_MAX_STREAK_SQL}. */
    @Query(AROUND_BY_MAX_STREAK_SQL)
    List<RankedUser> aroundMaxStreak(long telegramId, int around);

    /** The cursor's user and the next page by max_streak; see {@link #AFTER_BY_MAX_STREAK_SQL}. */
    @Query(AFTER_BY_MAX_STREAK_SQL)
    List<RankedUser> afterMaxStreak(long afterTelegramId, long afterScore, int limit);

    /** The user and their neighbours by total_messages; see {@link #AROUND_BY_TOTAL_MESSAGES_SQL}. */
    @Query(AROUND_BY_TOTAL_MESSAGES_SQL)
    List<RankedUser> aroundTotalMessages(long telegramId, int around);

    /** The cursor's user and the next page by total_messages; see {@link #AFTER_BY_TOTAL_MESSAGES_SQL}. */
    @Query(AFTER_BY_TOTAL_MESSAGES_SQL)
    List<RankedUser> afterTotalMessages(long afterTelegramId, long afterScore, int limit);

    /** The user and their neighbours by messages_last_7_days; see {@link #AROUND_BY_MESSAGES_LAST7_DAYS_SQL}. */
    @Query(AROUND_BY_MESSAGES_LAST7_DAYS_SQL)
    List<RankedUser> aroundMessagesLast7Days(long telegramId, int around);

    /** The cursor's user and the next page by messages_last_7_days; see {@link #AFTER_BY_MESSAGES_LAST7_DAYS_SQL}. */
    @Query(AFTER_BY_MESSAGES_LAST7_DAYS_SQL)
    List<RankedUser> afterMessagesLast7Days(long afterTelegramId, long afterScore, int limit);
}
