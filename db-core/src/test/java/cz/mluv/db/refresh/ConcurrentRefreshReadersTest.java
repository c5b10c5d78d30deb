package cz.mluv.db.refresh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cz.mluv.migrations.testing.TestPostgres;
import io.micronaut.context.ApplicationContext;
import java.sql.Connection;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Readers of the leaderboard during a refresh. To make "during" long and certain, the refresh is
 * held up by a lock on {@code messages} taken before it starts: the refresh then holds its lock on
 * the view while it waits, then does its real work once the lock goes. CONCURRENTLY holds
 * EXCLUSIVE on the view (readers pass); the plain form holds ACCESS EXCLUSIVE (readers queue).
 * Latency before and during is printed; the assertions are on lock waits seen in pg_stat_activity
 * and on queries completed while the refresh ran.
 */
class ConcurrentRefreshReadersTest {

    private static final String VIEW = "user_stats_summary";
    private static final int READERS = 3;
    private static TestPostgres.Database db;
    private static ApplicationContext ctx;

    @BeforeAll
    static void start() {
        db = RefreshTestDatabase.create("readers");
        ctx = RefreshTestDatabase.context(db, Map.of("mluv.refresh.lock-timeout", "30s"));
    }

    @AfterAll
    static void stop() {
        ctx.close();
    }

    @Test
    void readersAreNeverBlockedByAConcurrentRefresh() throws Exception {
        try (LeaderboardReaders readers = new LeaderboardReaders(db.jdbcUrl(), db.user(), db.password(), READERS).start()) {
            Thread.sleep(200);
            long baselineStart = System.nanoTime();
            Thread.sleep(500);
            long refreshStart = System.nanoTime();
            CompletableFuture<RefreshOutcome> refresh;
            long waitingSince;
            try (AutoCloseable lock = RefreshTestDatabase.lockMessages(db)) {
                refresh = CompletableFuture.supplyAsync(() -> ctx.getBean(SingleRunnerRefresh.class).refreshNow(VIEW));
                RefreshTestDatabase.await("the refresh holds the view and waits", Duration.ofSeconds(10),
                        RefreshTestDatabase.sql(() -> RefreshTestDatabase.waitingRefreshPid(db) > 0));
                waitingSince = System.nanoTime();
                Thread.sleep(500);
            }
            RefreshOutcome.Refreshed refreshed = assertInstanceOf(RefreshOutcome.Refreshed.class, refresh.get(30, TimeUnit.SECONDS));
            long refreshEnd = System.nanoTime();

            LeaderboardReaders.Stats before = LeaderboardReaders.stats(readers.startedBetween(baselineStart, refreshStart));
            LeaderboardReaders.Stats during = LeaderboardReaders.stats(readers.startedBetween(refreshStart, refreshEnd));
            System.out.printf("Leaderboard readers (%d threads) before the refresh: %s%n", READERS, before);
            System.out.printf("Leaderboard readers during REFRESH CONCURRENTLY (%d ms in all, REFRESH statement %d ms): %s%n",
                    (refreshEnd - refreshStart) / 1_000_000, refreshed.durationMs(), during);

            assertEquals(ViewRefresher.Mode.CONCURRENTLY, refreshed.mode());
            assertTrue(readers.probesBetween(refreshStart, refreshEnd) > 10, "the probe sampled the refresh");
            assertEquals(0, readers.mostWaitingBetween(refreshStart, refreshEnd), "no reader ever waited on a lock");
            assertFalse(readers.completedWithin(waitingSince, refreshEnd).isEmpty(),
                    "readers completed queries while the refresh held its lock on the view");
        }
    }

    @Test
    void readersQueueBehindAPlainRefresh() throws Exception {
        try (LeaderboardReaders readers = new LeaderboardReaders(db.jdbcUrl(), db.user(), db.password(), READERS).start();
             Connection refresher = db.connect()) {
            Thread.sleep(300);
            long refreshStart = System.nanoTime();
            CompletableFuture<ViewRefresher.Result> refresh;
            try (AutoCloseable lock = RefreshTestDatabase.lockMessages(db)) {
                refresh = CompletableFuture.supplyAsync(() -> {
                    try {
                        return ViewRefresher.refresh(refresher, VIEW, ViewRefresher.Mode.PLAIN, "plain-test");
                    } catch (java.sql.SQLException e) {
                        throw new IllegalStateException(e);
                    }
                });
                RefreshTestDatabase.await("the plain refresh holds the view and waits", Duration.ofSeconds(10),
                        RefreshTestDatabase.sql(() -> RefreshTestDatabase.waitingRefreshPid(db) > 0));
                Thread.sleep(500);
            }
            ViewRefresher.Result result = refresh.get(30, TimeUnit.SECONDS);
            long refreshEnd = System.nanoTime();

            System.out.printf("Leaderboard readers during a PLAIN refresh (%d ms in all): %s%n",
                    (refreshEnd - refreshStart) / 1_000_000, LeaderboardReaders.stats(readers.startedBetween(refreshStart, refreshEnd)));
            assertEquals(ViewRefresher.Mode.PLAIN, result.mode());
            assertEquals(READERS, readers.mostWaitingBetween(refreshStart, refreshEnd),
                    "every reader waited on the view's ACCESS EXCLUSIVE lock");
        }
    }
}
