package cz.mluv.db.refresh;

import static cz.mluv.db.refresh.RefreshTestDatabase.await;
import static cz.mluv.db.refresh.RefreshTestDatabase.exec;
import static cz.mluv.db.refresh.RefreshTestDatabase.number;
import static cz.mluv.db.refresh.RefreshTestDatabase.sql;
import static cz.mluv.db.refresh.RefreshTestDatabase.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cz.mluv.db.leaderboard.Leaderboard;
import cz.mluv.db.leaderboard.LeaderboardMetric;
import cz.mluv.db.leaderboard.RankedUser;
import cz.mluv.db.leaderboard.UserStatsSummary;
import cz.mluv.migrations.testing.TestPostgres;
import io.micronaut.context.ApplicationContext;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The single-runner refresh against a real PostgreSQL: locking, timeouts, retries, logging, shutdown. */
class SingleRunnerRefreshTest {

    private static final String VIEW = "user_stats_summary";
    private static TestPostgres.Database db;
    private static ApplicationContext ctx;

    @BeforeAll
    static void start() {
        db = RefreshTestDatabase.create("refresh");
        ctx = RefreshTestDatabase.context(db, Map.of("mluv.refresh.worker-name", "test-worker"));
    }

    @AfterAll
    static void stop() {
        ctx.close();
    }

    private static SingleRunnerRefresh refresh() {
        return ctx.getBean(SingleRunnerRefresh.class);
    }

    private static long logRows(String outcome) throws Exception {
        return number(db, "SELECT count(*) FROM mv_refresh_log WHERE view_name = 'user_stats_summary' AND outcome = '" + outcome + "'");
    }

    @Test
    void newMessagesAppearInTheLeaderboardAfterOneRefresh() throws Exception {
        Leaderboard leaderboard = ctx.getBean(Leaderboard.class);
        long top = leaderboard.top(LeaderboardMetric.TOTAL_MESSAGES, 1).getFirst().totalMessages();
        long userId = number(db, "SELECT user_id FROM user_stats_summary ORDER BY total_messages, user_id LIMIT 1");
        long own = number(db, "SELECT count(*) FROM messages WHERE role = 'user' AND user_id = " + userId);
        long ownLast7Days = number(db, "SELECT count(*) FROM messages WHERE role = 'user' AND user_id = " + userId
                + " AND created_at >= now() - interval '7 days'");
        long newMessages = top + 5;
        exec(db, """
                INSERT INTO messages (user_id, role, text, correctness_score, created_at)
                SELECT %d, 'user', 'Dobrý den, mám rád knedlíky číslo ' || g, 90, now() - make_interval(mins => g)
                FROM generate_series(1, %d) g""".formatted(userId, newMessages));
        assertFalse(leaderboard.top(LeaderboardMetric.TOTAL_MESSAGES, 10).stream().anyMatch(u -> u.userId() == userId),
                "before the refresh the view does not know the new messages");

        RefreshOutcome outcome = refresh().refreshNow(VIEW);

        RefreshOutcome.Refreshed refreshed = assertInstanceOf(RefreshOutcome.Refreshed.class, outcome);
        assertEquals(ViewRefresher.Mode.CONCURRENTLY, refreshed.mode());
        assertEquals(RefreshTestDatabase.SIZE.users(), refreshed.rows());
        RankedUser first = leaderboard.top(LeaderboardMetric.TOTAL_MESSAGES, 1).getFirst();
        assertEquals(userId, first.userId());
        assertEquals(own + newMessages, first.totalMessages());
        assertEquals(ownLast7Days + newMessages, first.messagesLast7Days());
        List<UserStatsSummary> active = leaderboard.activeUsers(1, 100);
        assertTrue(active.stream().anyMatch(u -> u.userId() == userId), "the writer is among today's active users");
    }

    @Test
    void aNeverPopulatedViewIsRefreshedPlainFirstThenConcurrently() throws Exception {
        exec(db, "REFRESH MATERIALIZED VIEW user_stats_summary WITH NO DATA");

        RefreshOutcome.Refreshed first = assertInstanceOf(RefreshOutcome.Refreshed.class, refresh().refreshNow(VIEW));
        RefreshOutcome.Refreshed second = assertInstanceOf(RefreshOutcome.Refreshed.class, refresh().refreshNow(VIEW));

        assertEquals(ViewRefresher.Mode.PLAIN, first.mode());
        assertEquals(ViewRefresher.Mode.CONCURRENTLY, second.mode());
        assertEquals(List.of("CONCURRENTLY|SUCCESS|test-worker", "PLAIN|SUCCESS|test-worker"), strings(db, """
                SELECT mode || '|' || outcome || '|' || worker FROM mv_refresh_log
                WHERE id IN (%d, %d) ORDER BY id DESC""".formatted(first.logId(), second.logId())));
    }

    @Test
    void anotherSessionHoldingTheLockMakesTheRefreshSkipWithoutALogRow() throws Exception {
        long rowsBefore = number(db, "SELECT count(*) FROM mv_refresh_log");
        try (Connection other = db.connect()) {
            assertTrue(AdvisoryLock.REFRESH_USER_STATS_SUMMARY.tryLock(other));
            assertTrue(ctx.getBean(ViewFreshness.class).of(VIEW).refreshing(), "freshness sees the lock");

            RefreshOutcome outcome = refresh().refreshNow(VIEW);

            assertEquals(new RefreshOutcome.Skipped(VIEW, RefreshOutcome.SkipReason.LOCKED_BY_ANOTHER_WORKER), outcome);
            assertEquals(rowsBefore, number(db, "SELECT count(*) FROM mv_refresh_log"));
            assertTrue(AdvisoryLock.REFRESH_USER_STATS_SUMMARY.unlock(other));
        }
        assertInstanceOf(RefreshOutcome.Refreshed.class, refresh().refreshNow(VIEW), "free again once unlocked");
    }

    @Test
    void aTickSkipsWhenARefreshSucceededWithinItsWindow() throws Exception {
        assertInstanceOf(RefreshOutcome.Refreshed.class, refresh().refreshNow(VIEW));

        assertEquals(new RefreshOutcome.Skipped(VIEW, RefreshOutcome.SkipReason.ALREADY_FRESH),
                refresh().refreshForTick(VIEW, Duration.ofMinutes(30)));
        Thread.sleep(5);
        assertInstanceOf(RefreshOutcome.Refreshed.class, refresh().refreshForTick(VIEW, Duration.ofMillis(1)));
    }

    @Test
    void theRefreshSessionKeepsNoLockAndNoTimeoutAfterwards() throws Exception {
        assertInstanceOf(RefreshOutcome.Refreshed.class, refresh().refreshNow(VIEW));
        try (Connection c = db.connect()) {
            assertFalse(AdvisoryLock.REFRESH_USER_STATS_SUMMARY.isHeld(c));
        }
        assertEquals(0, number(db, """
                SELECT count(*) FROM pg_stat_activity a
                WHERE datname = current_database() AND application_name = 'mluv'
                  AND EXISTS (SELECT 1 FROM pg_locks l WHERE l.pid = a.pid AND l.locktype = 'advisory')"""));
    }

    @Test
    void aLockTimeoutIsLoggedFailedRetriedAndTheOldDataStaysReadable() throws Exception {
        try (ApplicationContext strict = RefreshTestDatabase.context(db, Map.of(
                "mluv.refresh.lock-timeout", "200ms", "mluv.refresh.max-attempts", "2", "mluv.refresh.backoff", "100ms"))) {
            List<RankedUser> before = strict.getBean(Leaderboard.class).top(LeaderboardMetric.TOTAL_STARS, 20);
            long failedBefore = logRows("FAILED");
            RefreshOutcome outcome;
            try (AutoCloseable lock = RefreshTestDatabase.lockMessages(db)) {
                outcome = strict.getBean(SingleRunnerRefresh.class).refreshNow(VIEW);
                assertEquals(before, strict.getBean(Leaderboard.class).top(LeaderboardMetric.TOTAL_STARS, 20),
                        "the view serves its previous data while and after the refresh fails");
            }
            RefreshOutcome.Failed failed = assertInstanceOf(RefreshOutcome.Failed.class, outcome);
            assertEquals(2, failed.attempts());
            assertEquals("55P03", failed.sqlState());
            assertTrue(failed.retryable());
            assertEquals(failedBefore + 2, logRows("FAILED"));
            assertEquals(List.of("canceling statement due to lock timeout", "canceling statement due to lock timeout"),
                    strings(db, "SELECT error FROM mv_refresh_log WHERE outcome = 'FAILED' ORDER BY id DESC LIMIT 2"));

            assertInstanceOf(RefreshOutcome.Refreshed.class, strict.getBean(SingleRunnerRefresh.class).refreshNow(VIEW),
                    "the next refresh succeeds once the lock is gone");
        }
    }

    @Test
    void aTerminatedRefreshIsLoggedFailedAndTheRetrySucceeds() throws Exception {
        try (ApplicationContext patient = RefreshTestDatabase.context(db, Map.of(
                "mluv.refresh.lock-timeout", "30s", "mluv.refresh.max-attempts", "3", "mluv.refresh.backoff", "200ms"))) {
            CompletableFuture<RefreshOutcome> running;
            try (AutoCloseable lock = RefreshTestDatabase.lockMessages(db)) {
                running = CompletableFuture.supplyAsync(() -> patient.getBean(SingleRunnerRefresh.class).refreshNow(VIEW));
                await("the refresh waits on the messages lock", Duration.ofSeconds(10), sql(() -> RefreshTestDatabase.waitingRefreshPid(db) > 0));
                long pid = RefreshTestDatabase.waitingRefreshPid(db);
                exec(db, "SELECT pg_terminate_backend(" + pid + ")");
                await("the killed refresh is logged FAILED", Duration.ofSeconds(10), sql(() -> number(db, """
                        SELECT count(*) FROM mv_refresh_log WHERE outcome = 'FAILED'
                          AND error LIKE 'terminating connection due to administrator command%'""") > 0));
            }
            RefreshOutcome.Refreshed refreshed = assertInstanceOf(RefreshOutcome.Refreshed.class, running.get(30, TimeUnit.SECONDS));
            assertEquals(2, refreshed.attempts());
            assertEquals(0, logRows("RUNNING"), "no row is left RUNNING");
        }
    }

    @Test
    void aRunningRowLeftByADeadSessionIsMarkedAbandoned() throws Exception {
        long orphan = number(db, """
                INSERT INTO mv_refresh_log (view_name, mode, started_at, outcome, worker)
                VALUES ('user_stats_summary', 'CONCURRENTLY', now() - interval '1 hour', 'RUNNING', 'crashed-worker') RETURNING id""");

        assertInstanceOf(RefreshOutcome.Refreshed.class, refresh().refreshNow(VIEW));

        assertEquals(List.of("FAILED"), strings(db, "SELECT outcome FROM mv_refresh_log WHERE id = " + orphan));
        assertTrue(strings(db, "SELECT error FROM mv_refresh_log WHERE id = " + orphan).getFirst().startsWith("abandoned"));
    }

    @Test
    void closingWaitsForTheRefreshInProgress() throws Exception {
        ApplicationContext closing = RefreshTestDatabase.context(db, Map.of("mluv.refresh.lock-timeout", "30s",
                "mluv.refresh.shutdown-timeout", "20s", "mluv.refresh.worker-name", "closing-worker"));
        CompletableFuture<RefreshOutcome> running;
        CompletableFuture<Void> closed;
        try (AutoCloseable lock = RefreshTestDatabase.lockMessages(db)) {
            running = CompletableFuture.supplyAsync(() -> closing.getBean(SingleRunnerRefresh.class).refreshNow(VIEW));
            await("the refresh waits on the messages lock", Duration.ofSeconds(10), sql(() -> RefreshTestDatabase.waitingRefreshPid(db) > 0));
            closed = CompletableFuture.runAsync(closing::close);
            Thread.sleep(300);
            assertFalse(closed.isDone(), "close() waits while the refresh runs");
        }
        closed.get(20, TimeUnit.SECONDS);
        assertInstanceOf(RefreshOutcome.Refreshed.class, running.get(5, TimeUnit.SECONDS));
        assertEquals(List.of("SUCCESS"), strings(db,
                "SELECT outcome FROM mv_refresh_log WHERE worker = 'closing-worker' ORDER BY id DESC LIMIT 1"));
    }

    @Test
    void closingCancelsARefreshThatOutlastsTheShutdownTimeout() throws Exception {
        ApplicationContext closing = RefreshTestDatabase.context(db, Map.of("mluv.refresh.lock-timeout", "30s",
                "mluv.refresh.shutdown-timeout", "300ms", "mluv.refresh.worker-name", "cancelled-worker"));
        List<RankedUser> before = ctx.getBean(Leaderboard.class).top(LeaderboardMetric.TOTAL_STARS, 20);
        try (AutoCloseable lock = RefreshTestDatabase.lockMessages(db)) {
            CompletableFuture<RefreshOutcome> running =
                    CompletableFuture.supplyAsync(() -> closing.getBean(SingleRunnerRefresh.class).refreshNow(VIEW));
            await("the refresh waits on the messages lock", Duration.ofSeconds(10), sql(() -> RefreshTestDatabase.waitingRefreshPid(db) > 0));

            closing.close();

            RefreshOutcome.Failed failed = assertInstanceOf(RefreshOutcome.Failed.class, running.get(10, TimeUnit.SECONDS));
            assertEquals("57014", failed.sqlState());
            assertEquals(List.of("FAILED|canceling statement due to user request"), strings(db,
                    "SELECT outcome || '|' || error FROM mv_refresh_log WHERE worker = 'cancelled-worker' ORDER BY id DESC LIMIT 1"));
            assertEquals(before, ctx.getBean(Leaderboard.class).top(LeaderboardMetric.TOTAL_STARS, 20));
        }
    }

    @Test
    void anUnknownViewIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> refresh().refreshNow("pg_class"));
    }
}
