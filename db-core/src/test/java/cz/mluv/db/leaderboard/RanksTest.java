package cz.mluv.db.leaderboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cz.mluv.db.InvalidParameterException;
import cz.mluv.db.testing.StatementCounter;
import cz.mluv.db.testing.TestContexts;
import cz.mluv.migrations.Migrations;
import cz.mluv.migrations.testing.TestPostgres;
import io.micronaut.context.ApplicationContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Ranks, neighbours and pages equal plain SQL with {@code rank()} over the base tables after a
 * refresh, on a database of its own with ties made on purpose: two users share the top score,
 * five share a middle one, and 40 users have no stars, messages or streak (a tie group at 0 that
 * holds the bottom of every ranking). One SQL statement per read.
 */
class RanksTest {

    /** Users of the fixture; telegram ids 900000001.. in insertion order. */
    private static final int USERS = 61;
    private static final long FIRST = 900_000_001L;
    private static TestPostgres.Database db;
    private static ApplicationContext ctx;
    private static Leaderboard leaderboard;

    @BeforeAll
    static void tiedUsers() throws SQLException {
        db = TestPostgres.newDatabase("ranks");
        Migrations.migrate(db.dataSource());
        exec("INSERT INTO users (telegram_id, first_name) SELECT " + FIRST + " - 1 + g, 'U' || g FROM generate_series(1, " + USERS + ") g");
        // Stars: users 1 and 2 tie at 100, user 3 has 90, users 4-8 tie at 50, users 9-20 have 49..38,
        // users 21-30 have an explicit 0 and users 31-61 no row at all (also 0 in the view).
        exec("""
                INSERT INTO user_stars (user_id, total, available)
                SELECT u.id, s.total, 0 FROM users u JOIN (
                    SELECT g AS n, CASE WHEN g <= 2 THEN 100 WHEN g = 3 THEN 90 WHEN g <= 8 THEN 50
                                        WHEN g <= 20 THEN 49 - (g - 9) ELSE 0 END AS total
                    FROM generate_series(1, 30) g) s ON u.telegram_id = %d - 1 + s.n""".formatted(FIRST));
        // Messages (all within the last 7 days): users 5 and 9 tie at 3, user 12 has 7, user 2 has 1.
        exec("""
                INSERT INTO messages (user_id, role, text, created_at)
                SELECT u.id, 'user', 'Ahoj', now() - interval '1 hour'
                FROM users u JOIN (VALUES (5, 3), (9, 3), (12, 7), (2, 1)) m(n, k) ON u.telegram_id = %d - 1 + m.n
                CROSS JOIN LATERAL generate_series(1, m.k)""".formatted(FIRST));
        // Streaks: users 7, 8 and 20 tie at 4 days, user 1 has 2.
        exec("""
                INSERT INTO daily_stats (user_id, date, streak_days)
                SELECT u.id, current_date - d, 4 - d FROM users u
                JOIN (VALUES (7), (8), (20)) s(n) ON u.telegram_id = %d - 1 + s.n CROSS JOIN generate_series(0, 3) d""".formatted(FIRST));
        exec("INSERT INTO daily_stats (user_id, date, streak_days) SELECT id, current_date, 2 FROM users WHERE telegram_id = " + FIRST);
        exec("REFRESH MATERIALIZED VIEW user_stats_summary");
        ctx = ApplicationContext.builder().properties(TestContexts.properties(db)).start();
        leaderboard = ctx.getBean(Leaderboard.class);
    }

    @AfterAll
    static void stop() {
        ctx.close();
    }

    /** One user's place by plain SQL: rank() over the base tables, listing order score desc, id. */
    private record Truth(long telegramId, long score, long rank) {
    }

    private static List<Truth> truth(LeaderboardMetric metric) throws SQLException {
        String score = switch (metric) {
            case TOTAL_STARS -> "coalesce((SELECT total FROM user_stars s WHERE s.user_id = u.id), 0)";
            case MAX_STREAK -> "coalesce((SELECT max(streak_days) FROM daily_stats d WHERE d.user_id = u.id), 0)";
            case TOTAL_MESSAGES -> "(SELECT count(*) FROM messages m WHERE m.user_id = u.id AND m.role = 'user')";
            case MESSAGES_LAST_7_DAYS -> "(SELECT count(*) FROM messages m WHERE m.user_id = u.id AND m.role = 'user'"
                    + " AND m.created_at >= now() - interval '7 days')";
        };
        List<Truth> out = new ArrayList<>();
        try (Connection c = db.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT telegram_id, score, rank() OVER (ORDER BY score DESC) FROM (SELECT u.id, u.telegram_id, " + score
                        + " AS score FROM users u) x ORDER BY score DESC, id")) {
            while (rs.next()) {
                out.add(new Truth(rs.getLong(1), rs.getLong(2), rs.getLong(3)));
            }
        }
        return out;
    }

    private static Truth of(RankedUser u) {
        return new Truth(u.telegramId(), u.score(), u.rank());
    }

    private static <T> T oneStatement(Supplier<T> read) {
        StatementCounter.reset();
        T result = read.get();
        assertEquals(1, StatementCounter.statements().size(), () -> "statements: " + StatementCounter.statements());
        return result;
    }

    @ParameterizedTest
    @EnumSource(LeaderboardMetric.class)
    void rankAndNeighboursEqualRankOverTheBaseTablesAtTheTopMiddleBottomAndInTies(LeaderboardMetric metric) throws SQLException {
        List<Truth> truth = truth(metric);
        // Positions (0-based): the first, the second (tied with the first for stars), the middle,
        // the first and a middle member of the bottom tie group, and the last.
        for (int p : new int[] {0, 1, 5, USERS / 2, 25, 40, USERS - 1}) {
            Truth expected = truth.get(p);
            UserRank r = oneStatement(() -> leaderboard.rankOf(metric, expected.telegramId(), 3)).orElseThrow();
            assertEquals(expected, of(r.user()), metric + " position " + (p + 1));
            assertEquals(p + 1, r.user().position());
            assertEquals(USERS, r.rankedUsers());
            assertEquals(truth.subList(Math.max(0, p - 3), p), r.above().stream().map(RanksTest::of).toList(), "above " + (p + 1));
            assertEquals(truth.subList(p + 1, Math.min(USERS, p + 4)), r.below().stream().map(RanksTest::of).toList(), "below " + (p + 1));
        }
    }

    @Test
    void tiesShareARankAndTheNextRankSkipsTheTiedPlaces() {
        List<RankedUser> top = leaderboard.top(LeaderboardMetric.TOTAL_STARS, 10);
        assertEquals(List.of(1L, 1L, 3L, 4L, 4L, 4L, 4L, 4L, 9L, 10L), top.stream().map(RankedUser::rank).toList());
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L), top.stream().map(RankedUser::position).toList());
        assertEquals(List.of(FIRST, FIRST + 1), top.subList(0, 2).stream().map(RankedUser::telegramId).toList(), "a tie lists by user id");
        // The 41 users with 0 stars (10 explicit, 31 without a row) share rank 21, also for the last one.
        UserRank last = leaderboard.rankOf(LeaderboardMetric.TOTAL_STARS, FIRST + USERS - 1, 0).orElseThrow();
        assertEquals(21, last.user().rank());
        assertEquals(USERS, last.user().position());
        assertEquals(0, last.user().score());
        assertEquals(List.of(), last.below());
    }

    @ParameterizedTest
    @EnumSource(LeaderboardMetric.class)
    void theTopListRanksLikeTheRankLookup(LeaderboardMetric metric) throws SQLException {
        List<RankedUser> top = oneStatement(() -> leaderboard.top(metric, 30));
        assertEquals(truth(metric).subList(0, 30), top.stream().map(RanksTest::of).toList());
    }

    @ParameterizedTest
    @EnumSource(LeaderboardMetric.class)
    void pagesFollowTheCursorThroughTheWholeRankingWithoutGapsOrRepeats(LeaderboardMetric metric) throws SQLException {
        List<Truth> seen = new ArrayList<>();
        LeaderboardPage page = oneStatement(() -> leaderboard.page(metric, null, 7));
        int pages = 1;
        while (true) {
            page.entries().forEach(u -> seen.add(of(u)));
            if (page.next() == null) {
                break;
            }
            RankCursor cursor = RankCursor.parse(page.next().toString());
            page = oneStatement(() -> leaderboard.page(metric, cursor, 7));
            pages++;
        }
        assertEquals(truth(metric), seen);
        assertEquals((USERS + 6) / 7, pages, "the last page has no next cursor");
    }

    @Test
    void aCursorWhoseUserChangedScoreAfterARefreshIsStaleAndAnUnknownOneToo() throws SQLException {
        TestPostgres.Database own = TestPostgres.newDatabase("ranks_stale");
        Migrations.migrate(own.dataSource());
        try (ApplicationContext c = ApplicationContext.builder().properties(TestContexts.properties(own)).start();
             Connection sql = own.connect(); Statement st = sql.createStatement()) {
            st.execute("INSERT INTO users (telegram_id, first_name) SELECT 800000000 + g, 'S' || g FROM generate_series(1, 5) g");
            st.execute("INSERT INTO user_stars (user_id, total) SELECT id, 10 * id::int FROM users");
            st.execute("REFRESH MATERIALIZED VIEW user_stats_summary");
            Leaderboard board = c.getBean(Leaderboard.class);
            LeaderboardPage first = board.page(LeaderboardMetric.TOTAL_STARS, null, 2);
            RankCursor next = first.next();
            assertEquals(2, board.page(LeaderboardMetric.TOTAL_STARS, next, 2).entries().size(), "valid before the refresh");

            st.execute("UPDATE user_stars SET total = total + 1 WHERE user_id = (SELECT id FROM users WHERE telegram_id = "
                    + next.telegramId() + ")");
            assertEquals(2, board.page(LeaderboardMetric.TOTAL_STARS, next, 2).entries().size(), "the view is not refreshed yet");
            st.execute("REFRESH MATERIALIZED VIEW user_stats_summary");
            StaleCursorException stale = assertThrows(StaleCursorException.class, () -> board.page(LeaderboardMetric.TOTAL_STARS, next, 2));
            assertEquals(next, stale.cursor());
            assertTrue(stale.getMessage().contains("start again from the first page"), stale.getMessage());
            assertThrows(StaleCursorException.class, () -> board.page(LeaderboardMetric.TOTAL_STARS, new RankCursor(0, 1), 2));
        }
    }

    @Test
    void theLastUsersCursorGivesAnEmptyPageWithoutNext() {
        RankedUser last = leaderboard.rankOf(LeaderboardMetric.TOTAL_STARS, FIRST + USERS - 1, 0).orElseThrow().user();
        LeaderboardPage page = oneStatement(() -> leaderboard.page(LeaderboardMetric.TOTAL_STARS, last.cursor(), 10));
        assertEquals(List.of(), page.entries());
        assertNull(page.next());
    }

    @Test
    void anUnknownUserHasNoRankAndBadParametersAreNamed() {
        assertTrue(oneStatement(() -> leaderboard.rankOf(LeaderboardMetric.TOTAL_STARS, 1L, 5)).isEmpty());
        assertEquals("around", assertThrows(InvalidParameterException.class,
                () -> leaderboard.rankOf(LeaderboardMetric.TOTAL_STARS, FIRST, Leaderboard.MAX_AROUND + 1)).parameter());
        assertEquals("around", assertThrows(InvalidParameterException.class,
                () -> leaderboard.rankOf(LeaderboardMetric.TOTAL_STARS, FIRST, -1)).parameter());
        assertEquals("limit", assertThrows(InvalidParameterException.class,
                () -> leaderboard.page(LeaderboardMetric.TOTAL_STARS, new RankCursor(0, FIRST), 0)).parameter());
        for (String bad : new String[] {"", "12", "a:b", "-1:5", "1:2:3", "99999999999999999999:1"}) {
            assertEquals("after", assertThrows(InvalidParameterException.class, () -> RankCursor.parse(bad)).parameter(), bad);
        }
        assertEquals(new RankCursor(4013, 200003509), RankCursor.parse("4013:200003509"));
    }

    private static void exec(String sql) throws SQLException {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.execute();
        }
    }
}
