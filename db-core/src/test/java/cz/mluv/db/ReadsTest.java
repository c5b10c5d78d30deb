package cz.mluv.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cz.mluv.db.leaderboard.Leaderboard;
import cz.mluv.db.leaderboard.LeaderboardMetric;
import cz.mluv.db.leaderboard.RankedUser;
import cz.mluv.db.leaderboard.UserStatsSummary;
import cz.mluv.db.message.CorrectnessDay;
import cz.mluv.db.message.Message;
import cz.mluv.db.message.Messages;
import cz.mluv.db.message.SearchHit;
import cz.mluv.db.stats.DailyStats;
import cz.mluv.db.stats.UserStats;
import cz.mluv.db.testing.DemoDatabase;
import cz.mluv.db.testing.StatementCounter;
import cz.mluv.db.testing.TestContexts;
import cz.mluv.db.user.UserInclude;
import cz.mluv.db.user.UserProfile;
import cz.mluv.db.user.UserProfiles;
import cz.mluv.db.words.ReviewQueue;
import cz.mluv.db.words.SavedWord;
import cz.mluv.migrations.testing.TestPostgres;
import io.micronaut.context.ApplicationContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every read of db-core against the demo database: results match direct SQL, one statement each. */
class ReadsTest {

    private static TestPostgres.Database db;
    private static ApplicationContext ctx;
    private static long busiest;
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @BeforeAll
    static void start() throws SQLException {
        db = DemoDatabase.get();
        ctx = ApplicationContext.builder().properties(TestContexts.properties(db)).start();
        busiest = longs("SELECT telegram_id FROM user_stats_summary ORDER BY total_messages DESC, user_id LIMIT 1").getFirst();
    }

    @AfterAll
    static void stop() {
        ctx.close();
    }

    /** Runs {@code read}, asserts it issued exactly one SQL statement, returns its result. */
    private static <T> T oneStatement(Supplier<T> read) {
        StatementCounter.reset();
        T result = read.get();
        assertEquals(1, StatementCounter.statements().size(), () -> "statements: " + StatementCounter.statements());
        return result;
    }

    @Test
    void leaderboardByStarsMatchesADirectCountInOneStatement() throws SQLException {
        List<RankedUser> top = oneStatement(() -> ctx.getBean(Leaderboard.class).top(LeaderboardMetric.TOTAL_STARS, 10));
        assertEquals(10, top.size());
        List<Long> expected = longs("""
                SELECT u.telegram_id FROM users u JOIN user_stars s ON s.user_id = u.id
                ORDER BY s.total DESC, u.id LIMIT 10""");
        assertEquals(expected, top.stream().map(RankedUser::telegramId).toList());
        for (RankedUser row : top) {
            assertEquals(longs("SELECT coalesce(sum(stars_earned), 0) FROM daily_stats d JOIN users u ON u.id = d.user_id WHERE u.telegram_id = "
                    + row.telegramId()).getFirst(), (long) row.totalStars());
        }
    }

    @Test
    void everyLeaderboardMetricIsOrderedDescending() {
        for (LeaderboardMetric metric : LeaderboardMetric.values()) {
            List<RankedUser> top = oneStatement(() -> ctx.getBean(Leaderboard.class).top(metric, 25));
            assertEquals(25, top.size());
            List<Long> scores = top.stream().map(r -> switch (metric) {
                case TOTAL_STARS -> (long) r.totalStars();
                case MAX_STREAK -> (long) r.maxStreak();
                case TOTAL_MESSAGES -> r.totalMessages();
                case MESSAGES_LAST_7_DAYS -> r.messagesLast7Days();
            }).toList();
            List<Long> sorted = new ArrayList<>(scores);
            sorted.sort((a, b) -> Long.compare(b, a));
            assertEquals(sorted, scores, metric.column());
        }
    }

    @Test
    void leaderboardRejectsAnUnknownMetricAndABadLimit() {
        InvalidParameterException metric = assertThrows(InvalidParameterException.class, () -> LeaderboardMetric.parse("karma"));
        assertEquals("metric", metric.parameter());
        InvalidParameterException limit = assertThrows(InvalidParameterException.class,
                () -> ctx.getBean(Leaderboard.class).top(LeaderboardMetric.TOTAL_STARS, 0));
        assertEquals("limit", limit.parameter());
        assertThrows(InvalidParameterException.class, () -> ctx.getBean(Leaderboard.class).top(LeaderboardMetric.TOTAL_STARS, 101));
    }

    @Test
    void activeUsersAreThoseWithARecentMessage() throws SQLException {
        List<UserStatsSummary> active = oneStatement(() -> ctx.getBean(Leaderboard.class).activeUsers(7, 100));
        assertFalse(active.isEmpty());
        long expected = longs("""
                SELECT count(DISTINCT user_id) FROM messages WHERE role = 'user' AND created_at >= now() - interval '7 days'""").getFirst();
        assertEquals(Math.min(100, expected), active.size());
        for (UserStatsSummary u : active) {
            assertTrue(u.lastActivity().isAfter(java.time.Instant.now().minus(java.time.Duration.ofDays(7))));
        }
    }

    @Test
    void userWithAllRelationsComesBackInOneStatement() throws SQLException {
        UserProfile p = oneStatement(() -> ctx.getBean(UserProfiles.class)
                .byTelegramId(busiest, EnumSet.allOf(UserInclude.class), 10)).orElseThrow();
        assertEquals(busiest, p.telegramId());
        assertNotNull(p.settings());
        assertNotNull(p.stars());
        assertEquals(longs("SELECT total FROM user_stars WHERE user_id = " + p.id()).getFirst(), (long) p.stars().total());
        assertEquals(longs("SELECT id FROM messages WHERE user_id = " + p.id() + " ORDER BY created_at DESC, id DESC LIMIT 10"),
                p.recentMessages().stream().map(Message::id).toList());
    }

    @Test
    void userWithoutIncludesHasNoRelations() {
        UserProfile p = oneStatement(() -> ctx.getBean(UserProfiles.class).byTelegramId(busiest, Set.of(), 10)).orElseThrow();
        assertNull(p.settings());
        assertNull(p.stars());
        assertNull(p.recentMessages());
    }

    @Test
    void unknownUserIsEmptyForEveryUserRead() {
        long nobody = 1L;
        assertTrue(ctx.getBean(UserProfiles.class).byTelegramId(nobody, EnumSet.allOf(UserInclude.class), 5).isEmpty());
        assertTrue(ctx.getBean(Messages.class).page(nobody, null, 5).isEmpty());
        assertTrue(ctx.getBean(UserStats.class).range(nobody, TODAY.minusDays(5), TODAY).isEmpty());
        assertTrue(ctx.getBean(ReviewQueue.class).due(nobody, TODAY, 5).isEmpty());
        assertTrue(ctx.getBean(Messages.class).correctness(nobody, TODAY.minusDays(5), TODAY).isEmpty());
    }

    @Test
    void messagesPageByKeysetWithoutGapsOrRepeats() throws SQLException {
        long userId = longs("SELECT id FROM users WHERE telegram_id = " + busiest).getFirst();
        List<Long> expected = longs("SELECT id FROM messages WHERE user_id = " + userId + " ORDER BY created_at DESC, id DESC LIMIT 45");
        Messages messages = ctx.getBean(Messages.class);
        List<Long> seen = new ArrayList<>();
        Long before = null;
        for (int page = 0; page < 3; page++) {
            Long cursor = before;
            List<Message> rows = oneStatement(() -> messages.page(busiest, cursor, 15)).orElseThrow();
            assertEquals(15, rows.size());
            rows.forEach(m -> seen.add(m.id()));
            before = rows.getLast().id();
        }
        assertEquals(expected, seen);
    }

    @Test
    void statsOverADateRangeMatchTheTable() throws SQLException {
        LocalDate from = TODAY.minusDays(60);
        List<DailyStats> stats = oneStatement(() -> ctx.getBean(UserStats.class).range(busiest, from, TODAY)).orElseThrow();
        List<Long> expected = longs("SELECT d.messages_count FROM daily_stats d JOIN users u ON u.id = d.user_id WHERE u.telegram_id = "
                + busiest + " AND d.date BETWEEN '" + from + "' AND '" + TODAY + "' ORDER BY d.date DESC");
        assertFalse(expected.isEmpty());
        assertEquals(expected, stats.stream().map(s -> (long) s.messagesCount()).toList());
        assertThrows(InvalidParameterException.class, () -> ctx.getBean(UserStats.class).range(busiest, TODAY, from));
    }

    @Test
    void dueWordsComeNeverReviewedFirstThenByDate() throws SQLException {
        long telegramId = longs("""
                SELECT u.telegram_id FROM users u JOIN saved_words w ON w.user_id = u.id
                WHERE w.next_review_date IS NULL GROUP BY u.telegram_id ORDER BY count(*) DESC LIMIT 1""").getFirst();
        List<SavedWord> due = oneStatement(() -> ctx.getBean(ReviewQueue.class).due(telegramId, TODAY, 100)).orElseThrow();
        assertFalse(due.isEmpty());
        assertNull(due.getFirst().nextReviewDate());
        boolean datedSeen = false;
        LocalDate last = LocalDate.MIN;
        for (SavedWord w : due) {
            if (w.nextReviewDate() == null) {
                assertFalse(datedSeen, "a never-reviewed word after a dated one");
            } else {
                datedSeen = true;
                assertFalse(w.nextReviewDate().isAfter(TODAY));
                assertFalse(w.nextReviewDate().isBefore(last));
                last = w.nextReviewDate();
            }
        }
        assertEquals(longs("""
                SELECT count(*) FROM saved_words w JOIN users u ON u.id = w.user_id
                WHERE u.telegram_id = %d AND (w.next_review_date IS NULL OR w.next_review_date <= '%s')""".formatted(telegramId, TODAY)).getFirst(),
                (long) due.size());
    }

    @Test
    void searchWithoutDiacriticsFindsMessagesWithThem() {
        List<SearchHit> hits = oneStatement(() -> ctx.getBean(Messages.class).search("knedliky", 20));
        assertEquals(20, hits.size());
        assertTrue(hits.stream().anyMatch(h -> h.text().contains("knedlíky")), "some hit spells knedlíky with diacritics");
        for (SearchHit h : hits) {
            String plain = Normalizer.normalize(h.text(), Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase();
            assertTrue(plain.contains("knedliky"), h.text());
        }
        for (int i = 1; i < hits.size(); i++) {
            assertFalse(hits.get(i).createdAt().isAfter(hits.get(i - 1).createdAt()), "newest first");
        }
    }

    @Test
    void searchRejectsAnEmptyQuery() {
        InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> ctx.getBean(Messages.class).search("  ", 10));
        assertEquals("q", e.parameter());
    }

    @Test
    void correctnessAnalyticsMatchTheScoredMessages() throws SQLException {
        LocalDate from = TODAY.minusDays(90);
        List<CorrectnessDay> days = oneStatement(() -> ctx.getBean(Messages.class).correctness(busiest, from, TODAY)).orElseThrow();
        long scored = longs("""
                SELECT count(*) FROM messages m JOIN users u ON u.id = m.user_id
                WHERE u.telegram_id = %d AND m.correctness_score IS NOT NULL
                  AND m.created_at >= '%s' AND m.created_at < '%s'""".formatted(busiest, from, TODAY.plusDays(1))).getFirst();
        assertTrue(scored > 0);
        assertEquals(scored, days.stream().mapToLong(CorrectnessDay::scoredMessages).sum());
        days.forEach(d -> assertTrue(d.minScore() <= d.averageScore() && d.averageScore() <= d.maxScore()));
    }

    static List<Long> longs(String sql) throws SQLException {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            List<Long> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getLong(1));
            }
            return out;
        }
    }
}
