package cz.mluv.benchmarks.endpoint;

import cz.mluv.db.leaderboard.RankingRepository;
import cz.mluv.db.leaderboard.UserStatsSummaryRepository;
import cz.mluv.db.message.MessageRepository;
import cz.mluv.db.stats.DailyStatsRepository;
import cz.mluv.db.user.UserRepository;
import cz.mluv.db.words.SavedWordRepository;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * Every API read the benchmark measures. The floor SQL is the repositories' own constant (the
 * text the API runs); the "before" reads are what an application without Mluv's indexes, view
 * and eager loading would run.
 */
public final class Endpoints {

    /** User by Telegram id: the "1" of the naive 1+N user-with-relations read. */
    static final String USER_SQL = "SELECT id, telegram_id, first_name, username, level, created_at FROM users WHERE telegram_id = :telegramId";
    /** Settings of a user (a lazy relation). */
    static final String SETTINGS_SQL = """
            SELECT conversation_style, corrections_level, native_language, daily_goal, notifications
            FROM user_settings WHERE user_id = :userId""";
    /** Stars of a user (a lazy relation). */
    static final String STARS_SQL = "SELECT total, available FROM user_stars WHERE user_id = :userId";
    /** Recent messages of a user (a lazy relation). */
    static final String RECENT_MESSAGES_SQL = """
            SELECT id, role, text, correctness_score, created_at FROM messages
            WHERE user_id = :userId ORDER BY created_at DESC, id DESC LIMIT :limit""";

    /**
     * A rank counted at read time from the base tables: 1 + the users with more stars (no view, and
     * user_stars has no index on total). What the precomputed rank replaces.
     */
    static final String RANK_BY_COUNTING_SQL = """
            SELECT count(*) + 1 FROM users u LEFT JOIN user_stars s ON s.user_id = u.id
            WHERE coalesce(s.total, 0) > (SELECT coalesce(max(s2.total), 0) FROM users u2
                                          LEFT JOIN user_stars s2 ON s2.user_id = u2.id WHERE u2.telegram_id = :telegramId)""";

    private Endpoints() {
    }

    /**
     * @param viewQuery the defining query of {@code user_stats_summary} (from pg_get_viewdef), which
     *                  the "before" leaderboard and active-user reads compute live
     * @return the reads, in report order
     */
    public static List<Endpoint> all(String viewQuery) {
        String liveTop = "SELECT * FROM (" + viewQuery + ") live ORDER BY total_stars DESC, user_id LIMIT :limit";
        String liveActive = "SELECT * FROM (" + viewQuery + ") live WHERE last_activity >= now() - make_interval(days => :days)"
                + " ORDER BY last_activity DESC NULLS LAST LIMIT :limit";
        return List.of(
                new Endpoint("user_messages", "A user's 20 newest messages", 5, "issue 6",
                        (s, i) -> "/api/v1/users/" + s.telegramId(i) + "/messages?limit=20",
                        single(MessageRepository.NEWEST_SQL, (s, i) -> Map.of("telegramId", s.telegramId(i), "limit", 20)),
                        single(MessageRepository.NEWEST_SQL, (s, i) -> Map.of("telegramId", s.telegramId(i), "limit", 20)),
                        "same SQL without idx_messages_user_created"),
                new Endpoint("user_stats", "A user's daily stats, last 30 days", 5, "issue 6",
                        (s, i) -> "/api/v1/users/" + s.telegramId(i) + "/stats?from=" + s.today().minusDays(30) + "&to=" + s.today(),
                        single(DailyStatsRepository.RANGE_SQL, Endpoints::statsParams),
                        single(DailyStatsRepository.RANGE_SQL, Endpoints::statsParams),
                        "same SQL without idx_daily_stats_user_date"),
                new Endpoint("leaderboard", "Top 10 by total stars", 5, "issue 6",
                        (s, i) -> "/api/v1/leaderboard?metric=total_stars&limit=10",
                        single(UserStatsSummaryRepository.TOP_BY_TOTAL_STARS_SQL, (s, i) -> Map.of("limit", 10)),
                        single(liveTop, (s, i) -> Map.of("limit", 10)),
                        "computed live from the base tables (the view's query), no view"),
                rank("rank_top", "Rank and 5 neighbours each side, the user listed first", Sample.RankProbes::top),
                rank("rank_middle", "Rank and 5 neighbours each side, the user listed in the middle", Sample.RankProbes::middle),
                rank("rank_last", "Rank and 5 neighbours each side, the user listed last (tie group at 0)", Sample.RankProbes::last),
                new Endpoint("active_users", "50 users active in the last 7 days", 5, "issue 6",
                        (s, i) -> "/api/v1/users/active?days=7&limit=50",
                        single(UserStatsSummaryRepository.ACTIVE_WITHIN_DAYS_SQL, (s, i) -> Map.of("days", 7, "limit", 50)),
                        single(liveActive, (s, i) -> Map.of("days", 7, "limit", 50)),
                        "computed live from the base tables (the view's query), no view"),
                new Endpoint("user_with_relations", "User with settings, stars and 10 recent messages", 5, "issue 6",
                        (s, i) -> "/api/v1/users/" + s.telegramId(i) + "?include=settings,recent_messages,stars&messages=10",
                        single(UserRepository.FIND_PROFILE_ROWS_SQL, (s, i) -> Map.of("telegramId", s.telegramId(i),
                                "withSettings", true, "withStars", true, "messageLimit", 10)),
                        Endpoints::userOnePlusN,
                        "1+N: user, then settings, stars and messages, one statement each, no index on messages.user_id"),
                new Endpoint("search", "Search, a common word (1 % of messages, no diacritics), 20 newest hits", 15, "issue 10",
                        (s, i) -> searchPath(s.searchTerm(i)),
                        search(MessageRepository.SEARCH_SQL, Sample::searchTerm),
                        search(MessageRepository.SEARCH_PLAIN_SQL, Sample::searchTerm),
                        "every match read and sorted (the plain definition, SEARCH_PLAIN_SQL: GIN bitmap + top-N sort)"),
                searchKind("search_very_common", "Search, a word in 60 % of messages (je)", "je"),
                searchKind("search_diacritics", "Search, a common word typed with diacritics (knedlíky)", "knedlíky"),
                searchKind("search_two_words", "Search, two common words found together in 0.1 % (spravne pivo)", "spravne pivo"),
                searchKind("search_rare", "Search, two words found together in 0.03 % (pivo praze)", "pivo praze"),
                searchKind("search_never_together", "Search, two common words never found together (pivo hospoda)", "pivo hospoda"),
                searchKind("search_absent", "Search, a word in no message (xylofon)", "xylofon"),
                new Endpoint("due_words", "Words due for review, never reviewed first", 50, "seeds: common queries",
                        (s, i) -> "/api/v1/users/" + s.telegramId(i) + "/words/due?on=" + s.today() + "&limit=20",
                        single(SavedWordRepository.DUE_SQL, (s, i) -> Map.of("telegramId", s.telegramId(i), "on", s.today(), "limit", 20)),
                        single(SavedWordRepository.DUE_SQL, (s, i) -> Map.of("telegramId", s.telegramId(i), "on", s.today(), "limit", 20)),
                        "same SQL without idx_saved_words_review"),
                new Endpoint("correctness", "Correctness analytics by day, 90 days", 500, "seeds: analytics",
                        (s, i) -> "/api/v1/users/" + s.telegramId(i) + "/correctness?from=" + s.today().minusDays(90) + "&to=" + s.today(),
                        single(MessageRepository.CORRECTNESS_BY_DAY_SQL, Endpoints::correctnessParams),
                        single(MessageRepository.CORRECTNESS_BY_DAY_SQL, Endpoints::correctnessParams),
                        "same SQL without idx_messages_correctness_score"));
    }

    /** A rank lookup by total stars of one fixed user: the same cost wherever the user is listed (issue 15). */
    private static Endpoint rank(String id, String title, ToLongFunction<Sample.RankProbes> user) {
        return new Endpoint(id, title, 2, "issue 15",
                (s, i) -> "/api/v1/leaderboard/users/" + user.applyAsLong(s.rankProbes()) + "?metric=total_stars&around=5",
                single(RankingRepository.AROUND_BY_TOTAL_STARS_SQL,
                        (s, i) -> Map.of("telegramId", user.applyAsLong(s.rankProbes()), "around", 5)),
                single(RANK_BY_COUNTING_SQL, (s, i) -> Map.of("telegramId", user.applyAsLong(s.rankProbes()))),
                "rank counted at read time from the base tables (users with more stars), no view");
    }

    /** One kind of search query, against the plain definition as "before" (issue 10). */
    private static Endpoint searchKind(String id, String title, String query) {
        return new Endpoint(id, title, 15, "issue 10", (s, i) -> searchPath(query),
                search(MessageRepository.SEARCH_SQL, (s, i) -> query),
                search(MessageRepository.SEARCH_PLAIN_SQL, (s, i) -> query),
                "every match read and sorted (the plain definition, SEARCH_PLAIN_SQL: GIN bitmap + top-N sort)");
    }

    private static String searchPath(String query) {
        return "/api/v1/messages/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8) + "&limit=20";
    }

    /** The first page of 20 (beforeId null). */
    private static Query search(String sql, SearchQuery query) {
        return single(sql, (s, i) -> {
            Map<String, Object> params = new HashMap<>();
            params.put("query", query.of(s, i));
            params.put("limit", 20);
            params.put("beforeId", null);
            return params;
        });
    }

    @FunctionalInterface
    private interface SearchQuery {
        String of(Sample sample, long iteration);
    }

    private static Query single(String sql, Query.Params params) {
        return new Query(sql, params);
    }

    private static Map<String, Object> statsParams(Sample s, long i) {
        return Map.of("telegramId", s.telegramId(i), "from", s.today().minusDays(30), "to", s.today());
    }

    private static Map<String, Object> correctnessParams(Sample s, long i) {
        return Map.of("telegramId", s.telegramId(i),
                "from", Timestamp.from(s.today().minusDays(90).atStartOfDay(ZoneOffset.UTC).toInstant()),
                "to", Timestamp.from(s.today().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
    }

    /** The lazy-loading way: the user, then one statement per relation (4 statements). */
    private static void userOnePlusN(JdbcSession session, Sample s, long i) throws SQLException {
        List<Object[]> user = session.rows(USER_SQL, Map.of("telegramId", s.telegramId(i)));
        if (user.isEmpty()) {
            throw new SQLException("no user " + s.telegramId(i));
        }
        Map<String, Object> id = Map.of("userId", user.getFirst()[0]);
        session.rows(SETTINGS_SQL, id);
        session.rows(STARS_SQL, id);
        session.rows(RECENT_MESSAGES_SQL, Map.of("userId", user.getFirst()[0], "limit", 10));
    }
}
