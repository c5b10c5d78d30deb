package cz.mluv.scheduler.refresh;

import static cz.mluv.db.refresh.RefreshTestDatabase.await;
import static cz.mluv.db.refresh.RefreshTestDatabase.exec;
import static cz.mluv.db.refresh.RefreshTestDatabase.number;
import static cz.mluv.db.refresh.RefreshTestDatabase.sql;
import static cz.mluv.db.refresh.RefreshTestDatabase.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cz.mluv.db.leaderboard.Leaderboard;
import cz.mluv.db.leaderboard.LeaderboardMetric;
import cz.mluv.db.leaderboard.RankedUser;
import cz.mluv.db.refresh.RefreshOutcome;
import cz.mluv.db.refresh.RefreshTestDatabase;
import cz.mluv.migrations.testing.TestPostgres;
import cz.mluv.scheduler.SchedulerTestDatabase;
import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The worker against failures: a refresh killed with pg_terminate_backend, a lock timeout, every
 * pooled connection terminated, and shutdown during a refresh. Each time the failure is logged
 * and the next tick refreshes.
 */
class WorkerResilienceTest {

    private static final Duration PATIENCE = Duration.ofSeconds(15);
    private static TestPostgres.Database db;

    @BeforeAll
    static void database() {
        db = SchedulerTestDatabase.get();
    }

    private static long lastId() throws java.sql.SQLException {
        return number(db, "SELECT coalesce(max(id), 0) FROM mv_refresh_log");
    }

    private static long rows(String worker, String outcome, long afterId) throws java.sql.SQLException {
        return number(db, "SELECT count(*) FROM mv_refresh_log WHERE worker = '%s' AND outcome = '%s' AND id > %d"
                .formatted(worker, outcome, afterId));
    }

    @Test
    void aRefreshKilledWithPgTerminateBackendIsLoggedFailedAndTheNextTickSucceeds() throws Exception {
        long start = lastId();
        try (ApplicationContext ctx = SchedulerTestDatabase.worker(db, "killed-worker",
                Map.of("mluv.refresh.max-attempts", "1", "mluv.refresh.lock-timeout", "30s"))) {
            List<RankedUser> before = ctx.getBean(Leaderboard.class).top(LeaderboardMetric.TOTAL_STARS, 10);
            long failedId;
            try (AutoCloseable lock = RefreshTestDatabase.lockMessages(db)) {
                await("a tick's refresh waits on the messages lock", PATIENCE, sql(() -> RefreshTestDatabase.waitingRefreshPid(db) > 0));
                exec(db, "SELECT pg_terminate_backend(" + RefreshTestDatabase.waitingRefreshPid(db) + ")");
                await("the killed refresh is logged FAILED", PATIENCE, sql(() -> rows("killed-worker", "FAILED", start) == 1));
                failedId = lastId();
                assertEquals(before, ctx.getBean(Leaderboard.class).top(LeaderboardMetric.TOTAL_STARS, 10),
                        "the view still serves its previous data");
            }
            await("a later tick refreshes", PATIENCE, sql(() -> rows("killed-worker", "SUCCESS", failedId) >= 1));

            assertEquals(List.of("terminating connection due to administrator command"), strings(db,
                    "SELECT error FROM mv_refresh_log WHERE worker = 'killed-worker' AND outcome = 'FAILED' AND id > " + start));
            List<RefreshOutcome> outcomes = ctx.getBean(RefreshWorker.class).recentTicks().stream().map(TickReport::outcome).toList();
            int killed = indexOf(outcomes, o -> o instanceof RefreshOutcome.Failed f && "57P01".equals(f.sqlState()));
            assertTrue(killed >= 0, "the worker saw its refresh killed: " + outcomes);
            assertTrue(outcomes.subList(killed + 1, outcomes.size()).stream().anyMatch(RefreshOutcome.Refreshed.class::isInstance),
                    "and refreshed at a later tick: " + outcomes);
        }
    }

    @Test
    void aLockTimeoutIsLoggedFailedAndTheNextTickSucceeds() throws Exception {
        long start = lastId();
        try (ApplicationContext ctx = SchedulerTestDatabase.worker(db, "timeout-worker",
                Map.of("mluv.refresh.max-attempts", "1", "mluv.refresh.lock-timeout", "300ms"))) {
            long failedId;
            try (AutoCloseable lock = RefreshTestDatabase.lockMessages(db)) {
                await("a tick fails on the lock timeout", PATIENCE, sql(() -> rows("timeout-worker", "FAILED", start) >= 1));
                failedId = lastId();
            }
            await("a later tick refreshes", PATIENCE, sql(() -> rows("timeout-worker", "SUCCESS", failedId) >= 1));
            assertTrue(strings(db, "SELECT DISTINCT error FROM mv_refresh_log WHERE worker = 'timeout-worker' AND outcome = 'FAILED'")
                    .contains("canceling statement due to lock timeout"));
        }
    }

    @Test
    void theWorkerRecoversWhenEveryConnectionOfItsPoolIsTerminated() throws Exception {
        try (ApplicationContext ctx = SchedulerTestDatabase.worker(db, "cut-worker", Map.of())) {
            await("the worker refreshes", PATIENCE, sql(() -> rows("cut-worker", "SUCCESS", 0) >= 1));
            long terminated = number(db, """
                    SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
                    WHERE datname = current_database() AND application_name = 'mluv' AND pid <> pg_backend_pid()""");
            long after = lastId();

            await("the worker refreshes again", PATIENCE, sql(() -> rows("cut-worker", "SUCCESS", after) >= 1));

            System.out.printf("Terminated %d pooled connections; the next tick refreshed%n", terminated);
            assertTrue(terminated >= 1);
        }
    }

    @Test
    void aWorkerStartingOnAStaleViewRefreshesWithoutWaitingForTheNextTick() throws Exception {
        exec(db, "UPDATE mv_refresh_log SET finished_at = now() - interval '5 hours' WHERE outcome = 'SUCCESS'");
        try (ApplicationContext ctx = SchedulerTestDatabase.worker(db, "catch-up-worker", Map.of(
                "mluv.refresh.cron", "0 0 * * * *", "mluv.refresh.catch-up-on-start", "true", "mluv.refresh.start-delay", "100ms"))) {
            await("the stale view is refreshed at start", PATIENCE, sql(() -> rows("catch-up-worker", "SUCCESS", 0) == 1));
        }
    }

    @Test
    void closingTheWorkerWaitsForItsRefreshInProgress() throws Exception {
        long start = lastId();
        ApplicationContext ctx = SchedulerTestDatabase.worker(db, "closing-worker",
                Map.of("mluv.refresh.lock-timeout", "30s", "mluv.refresh.shutdown-timeout", "20s"));
        CompletableFuture<Void> closed;
        try (AutoCloseable lock = RefreshTestDatabase.lockMessages(db)) {
            await("a tick's refresh waits on the messages lock", PATIENCE, sql(() -> RefreshTestDatabase.waitingRefreshPid(db) > 0));
            closed = CompletableFuture.runAsync(ctx::close);
            Thread.sleep(500);
            assertFalse(closed.isDone(), "closing waits while the refresh runs");
        }
        closed.get(20, TimeUnit.SECONDS);
        assertEquals(List.of("SUCCESS"), strings(db,
                "SELECT DISTINCT outcome FROM mv_refresh_log WHERE worker = 'closing-worker' AND id > " + start),
                "the refresh in progress at shutdown finished and was logged");
    }

    private static <T> int indexOf(List<T> list, java.util.function.Predicate<T> test) {
        for (int i = 0; i < list.size(); i++) {
            if (test.test(list.get(i))) {
                return i;
            }
        }
        return -1;
    }
}
