package cz.mluv.db.plan;

import cz.mluv.db.leaderboard.LeaderboardMetric;
import cz.mluv.db.leaderboard.RankingRepository;
import cz.mluv.db.leaderboard.UserStatsSummaryRepository;
import cz.mluv.db.message.MessageRepository;
import cz.mluv.db.stats.DailyStatsRepository;
import cz.mluv.db.user.UserRepository;
import cz.mluv.db.words.SavedWordRepository;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every hot read of db-core with the index it must use (the design's table of indexes). Used by
 * the plan-contract tests and the verification catalogue.
 */
public final class HotReads {

    private HotReads() {
    }

    /** @return the plan contracts, one per hot read */
    public static List<HotRead> all() {
        List<HotRead> all = new ArrayList<>(reads());
        all.add(rank(LeaderboardMetric.TOTAL_STARS, RankingRepository.AROUND_BY_TOTAL_STARS_SQL));
        all.add(rank(LeaderboardMetric.MAX_STREAK, RankingRepository.AROUND_BY_MAX_STREAK_SQL));
        all.add(rank(LeaderboardMetric.TOTAL_MESSAGES, RankingRepository.AROUND_BY_TOTAL_MESSAGES_SQL));
        all.add(rank(LeaderboardMetric.MESSAGES_LAST_7_DAYS, RankingRepository.AROUND_BY_MESSAGES_LAST7_DAYS_SQL));
        all.add(page(LeaderboardMetric.TOTAL_STARS, RankingRepository.AFTER_BY_TOTAL_STARS_SQL));
        all.add(page(LeaderboardMetric.MAX_STREAK, RankingRepository.AFTER_BY_MAX_STREAK_SQL));
        all.add(page(LeaderboardMetric.TOTAL_MESSAGES, RankingRepository.AFTER_BY_TOTAL_MESSAGES_SQL));
        all.add(page(LeaderboardMetric.MESSAGES_LAST_7_DAYS, RankingRepository.AFTER_BY_MESSAGES_LAST7_DAYS_SQL));
        return List.copyOf(all);
    }

    private static List<HotRead> reads() {
        return List.of(
                leaderboard(LeaderboardMetric.TOTAL_STARS, UserStatsSummaryRepository.TOP_BY_TOTAL_STARS_SQL),
                leaderboard(LeaderboardMetric.MAX_STREAK, UserStatsSummaryRepository.TOP_BY_MAX_STREAK_SQL),
                leaderboard(LeaderboardMetric.TOTAL_MESSAGES, UserStatsSummaryRepository.TOP_BY_TOTAL_MESSAGES_SQL),
                leaderboard(LeaderboardMetric.MESSAGES_LAST_7_DAYS, UserStatsSummaryRepository.TOP_BY_MESSAGES_LAST7_DAYS_SQL),
                new HotRead("active_users", "Users active in the last 7 days",
                        UserStatsSummaryRepository.ACTIVE_WITHIN_DAYS_SQL, "idx_user_stats_summary_last_activity",
                        c -> Map.of("days", 7, "limit", 50)),
                new HotRead("user_with_relations", "User with settings, stars and recent messages (one statement)",
                        UserRepository.FIND_PROFILE_ROWS_SQL, "idx_messages_user_created",
                        c -> Map.of("telegramId", busiestUser(c), "withSettings", true, "withStars", true, "messageLimit", 10)),
                new HotRead("user_messages", "Newest messages of a user",
                        MessageRepository.NEWEST_SQL, "idx_messages_user_created",
                        c -> Map.of("telegramId", busiestUser(c), "limit", 20)),
                new HotRead("user_messages_next_page", "Next page of a user's messages (keyset)",
                        MessageRepository.OLDER_THAN_SQL, "idx_messages_user_created",
                        c -> Map.of("telegramId", busiestUser(c), "beforeId", twentiethMessage(c), "limit", 20)),
                new HotRead("user_stats_range", "A user's daily stats over the last 30 days",
                        DailyStatsRepository.RANGE_SQL, "idx_daily_stats_user_date",
                        c -> Map.of("telegramId", busiestUser(c), "from", today().minusDays(30), "to", today())),
                new HotRead("due_words", "Words due for review, never reviewed first",
                        SavedWordRepository.DUE_SQL, "idx_saved_words_review",
                        c -> Map.of("telegramId", userWithMostWords(c), "on", today(), "limit", 20)),
                // The search (MessageRepository.SEARCH_SQL) is one call of search_messages (V14), whose
                // plan is a Function Scan: its contracts are the paths of the statements it runs, one
                // per path its estimate can pick, with the query kind that takes it.
                new HotRead("message_search_walk", "Search, walk path: a word in at least 1 of 8 messages (je)",
                        MessageRepository.SEARCH_WALK_SQL, "idx_messages_created",
                        c -> Map.of("query", "je", "walk", 120, "upperAt", newestMessageAt(c), "upperId", Long.MAX_VALUE)),
                searchWindow("message_search_window", "a common word (knedliky)", "knedliky"),
                searchWindow("message_search_window_two_words", "two words found together (spravne pivo)", "spravne pivo"),
                searchWindow("message_search_window_rare", "two words rarely together (pivo praze, at 20,000,000 messages)",
                        "pivo praze"),
                new HotRead("message_search_open", "Search, open path: a rare or absent query (pivo hospoda, xylofon), every match",
                        MessageRepository.SEARCH_OPEN_SQL, "idx_messages_text_search",
                        c -> Map.of("query", "pivo hospoda", "limit", 20, "upperAt", newestMessageAt(c), "upperId", Long.MAX_VALUE)),
                new HotRead("correctness_analytics", "Correctness of a user's scored messages over 90 days",
                        MessageRepository.CORRECTNESS_BY_DAY_SQL, "idx_messages_correctness_score",
                        c -> Map.of("telegramId", busiestUser(c),
                                "from", Timestamp.from(Instant.now().minus(90, ChronoUnit.DAYS)),
                                "to", Timestamp.from(Instant.now()))));
    }

    /** The window path of search_messages (V14) for one query: the hours and the words, one GIN scan per hour. */
    private static HotRead searchWindow(String id, String what, String query) {
        return new HotRead(id, "Search, window path: " + what + ", the hours and the words in one GIN scan per hour",
                MessageRepository.SEARCH_WINDOW_SQL, "idx_messages_search_hour",
                c -> Map.of("query", query, "lowerAt", windowStart(c), "upperAt", newestMessageAt(c),
                        "upperId", Long.MAX_VALUE, "limit", 20));
    }

    private static HotRead leaderboard(LeaderboardMetric metric, String sql) {
        return new HotRead("leaderboard_" + metric.column(), "Leaderboard by " + metric.column(), sql,
                metric.indexName(), c -> Map.of("limit", 10));
    }

    /** A user's rank and 10 neighbours on each side: the user listed in the middle of the ranking. */
    private static HotRead rank(LeaderboardMetric metric, String sql) {
        return new HotRead("leaderboard_rank_" + metric.column(), "A user's rank and neighbours by " + metric.column(), sql,
                metric.positionIndexName(), c -> Map.of("telegramId", middleUser(c, metric), "around", 10));
    }

    /** The page of 20 after the 1000th user listed (or the middle one of a smaller ranking). */
    private static HotRead page(LeaderboardMetric metric, String sql) {
        return new HotRead("leaderboard_page_" + metric.column(), "A leaderboard page past the top by " + metric.column(), sql,
                metric.positionIndexName(), c -> {
                    long telegramId = middleUser(c, metric);
                    return Map.of("afterTelegramId", telegramId, "afterScore", score(c, metric, telegramId), "limit", 20);
                });
    }

    // The metric's column comes from the allow-list (LeaderboardMetric), never from input.
    private static long middleUser(Connection c, LeaderboardMetric metric) throws SQLException {
        return single(c, "SELECT telegram_id FROM user_stats_summary WHERE " + metric.column()
                + "_position = (SELECT least(1000, max(ranked_users) / 2 + 1) FROM user_stats_summary)", 0L);
    }

    private static long score(Connection c, LeaderboardMetric metric, long telegramId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + metric.column() + " FROM user_stats_summary WHERE telegram_id = ?")) {
            ps.setLong(1, telegramId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        }
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    private static long busiestUser(Connection c) throws SQLException {
        return single(c, "SELECT telegram_id FROM user_stats_summary ORDER BY total_messages DESC, user_id LIMIT 1", 0L);
    }

    private static long userWithMostWords(Connection c) throws SQLException {
        return single(c, """
                SELECT u.telegram_id FROM users u
                JOIN (SELECT user_id, count(*) n FROM saved_words GROUP BY user_id ORDER BY n DESC LIMIT 1) w
                  ON w.user_id = u.id""", 0L);
    }

    private static Timestamp newestMessageAt(Connection c) throws SQLException {
        return timestamp(c, "SELECT max(created_at) FROM messages");
    }

    /** A first window of search_messages for a page of 20 of a word in 1 of 120 messages: the newest 2 x 20 x 120. */
    private static Timestamp windowStart(Connection c) throws SQLException {
        return timestamp(c, "SELECT created_at FROM messages ORDER BY created_at DESC, id DESC OFFSET 4799 LIMIT 1");
    }

    private static Timestamp timestamp(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            Timestamp at = rs.next() ? rs.getTimestamp(1) : null;
            return at == null ? Timestamp.from(Instant.EPOCH) : at;
        }
    }

    private static long twentiethMessage(Connection c) throws SQLException {
        return single(c, """
                SELECT m.id FROM messages m
                WHERE m.user_id = (SELECT user_id FROM user_stats_summary ORDER BY total_messages DESC, user_id LIMIT 1)
                ORDER BY m.created_at DESC, m.id DESC OFFSET 19 LIMIT 1""", 0L);
    }

    private static long single(Connection c, String sql, long fallback) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : fallback;
        }
    }
}
