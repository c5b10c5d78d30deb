package cz.mluv.db.leaderboard;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.List;

/**
 * Reads of the materialized view {@code user_stats_summary}; one SQL statement each, each served
 * by an index on the view (named in the method's Javadoc). The top lists return each user's rank
 * as the refresh computed it ({@link RankedUser}: ties share a rank).
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface UserStatsSummaryRepository extends GenericRepository<UserStatsSummary, Long> {

    /** SQL of {@link #topByTotalStars}; also EXPLAINed by the plan contracts. */
    String TOP_BY_TOTAL_STARS_SQL = """
            SELECT user_id, telegram_id, first_name, total_stars AS score, total_stars_rank AS rank, total_stars_position AS position,
                   ranked_users, total_stars, max_streak, total_messages, messages_last_7_days, last_activity
            FROM user_stats_summary ORDER BY total_stars DESC, user_id LIMIT :limit""";

    /** SQL of {@link #topByMaxStreak}; also EXPLAINed by the plan contracts. */
    String TOP_BY_MAX_STREAK_SQL = """
            SELECT user_id, telegram_id, first_name, max_streak AS score, max_streak_rank AS rank, max_streak_position AS position,
                   ranked_users, total_stars, max_streak, total_messages, messages_last_7_days, last_activity
            FROM user_stats_summary ORDER BY max_streak DESC, user_id LIMIT :limit""";

    /** SQL of {@link #topByTotalMessages}; also EXPLAINed by the plan contracts. */
    String TOP_BY_TOTAL_MESSAGES_SQL = """
            SELECT user_id, telegram_id, first_name, total_messages AS score, total_messages_rank AS rank, total_messages_position AS position,
                   ranked_users, total_stars, max_streak, total_messages, messages_last_7_days, last_activity
            FROM user_stats_summary ORDER BY total_messages DESC, user_id LIMIT :limit""";

    /** SQL of {@link #topByMessagesLast7Days}; also EXPLAINed by the plan contracts. */
    String TOP_BY_MESSAGES_LAST7_DAYS_SQL = """
            SELECT user_id, telegram_id, first_name, messages_last_7_days AS score, messages_last_7_days_rank AS rank, messages_last_7_days_position AS position,
                   ranked_users, total_stars, max_streak, total_messages, messages_last_7_days, last_activity
            FROM user_stats_summary ORDER BY messages_last_7_days DESC, user_id LIMIT :limit""";

    /** SQL of {@link #activeWithinDays}; also EXPLAINed by the plan contracts. */
    String ACTIVE_WITHIN_DAYS_SQL = """
            SELECT * FROM user_stats_summary
            WHERE last_activity >= now() - make_interval(days => :days)
            ORDER BY last_activity DESC NULLS LAST
            LIMIT :limit""";


    /** Top users by stars; index idx_user_stats_summary_total_stars. */
    @Query(TOP_BY_TOTAL_STARS_SQL)
    List<RankedUser> topByTotalStars(int limit);

    /** Top users by longest streak; index idx_user_stats_summary_max_streak. */
    @Query(TOP_BY_MAX_STREAK_SQL)
    List<RankedUser> topByMaxStreak(int limit);

    /** Top users by messages written; index idx_user_stats_summary_total_messages. */
    @Query(TOP_BY_TOTAL_MESSAGES_SQL)
    List<RankedUser> topByTotalMessages(int limit);

    /** Top users by messages in the last 7 days; index idx_user_stats_summary_messages_last_7_days. */
    @Query(TOP_BY_MESSAGES_LAST7_DAYS_SQL)
    List<RankedUser> topByMessagesLast7Days(int limit);

    /**
     * Users whose latest message is at most {@code days} days old, most recent first; index
     * idx_user_stats_summary_last_activity.
     */
    @Query(ACTIVE_WITHIN_DAYS_SQL)
    List<UserStatsSummary> activeWithinDays(int days, int limit);
}
