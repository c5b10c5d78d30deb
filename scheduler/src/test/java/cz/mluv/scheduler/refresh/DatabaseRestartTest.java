package cz.mluv.scheduler.refresh;

import static cz.mluv.db.refresh.RefreshTestDatabase.exec;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cz.mluv.db.refresh.RefreshOutcome;
import cz.mluv.db.refresh.RefreshTestDatabase;
import cz.mluv.migrations.Migrations;
import cz.mluv.migrations.embedded.EmbeddedPostgresServer;
import cz.mluv.migrations.testing.TestPostgres;
import cz.mluv.scheduler.SchedulerTestDatabase;
import io.micronaut.context.ApplicationContext;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The worker outlives its database: a PostgreSQL server of this test's own is stopped for 10 s
 * while the worker ticks every second, then started again on the same port and data directory;
 * the ticks during the outage fail (the pool cannot connect) and the next tick fired after the
 * restart refreshes. The database is migrated with a few users only: the point is the
 * connection, not the data.
 */
class DatabaseRestartTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final long OUTAGE_MS = 10_000;

    @Test
    void theWorkerGoesOnAtTheNextTickAfterTheDatabaseRestarts() throws Exception {
        Path dir = Files.createTempDirectory("mluv-restart-pg").resolve("data");
        int port = freePort();
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dir, true, port);
        try {
            TestPostgres.Database db = new TestPostgres.Database("postgres", server.jdbcUrl("postgres"), EmbeddedPostgresServer.USER, "");
            Migrations.migrate(db.dataSource());
            exec(db, "INSERT INTO users (telegram_id, first_name, level) SELECT 900000 + g, 'Jana', 'A1' FROM generate_series(1, 50) g");

            // A connection wait longer than HikariCP's longest pause between two attempts to connect
            // (5 s, reached after a few seconds of outage), as the worker's default 30 s is: the
            // next tick after the restart waits for the pool's first new connection instead of
            // timing out while the pool's connection adder still sleeps.
            try (ApplicationContext ctx = SchedulerTestDatabase.worker(db, "restart-worker",
                    Map.of("mluv.refresh.max-attempts", "1", "datasources.default.connection-timeout", "6000"))) {
                RefreshWorker worker = ctx.getBean(RefreshWorker.class);
                RefreshTestDatabase.await("a first refresh", PATIENCE, () -> refreshed(worker) >= 1);

                server.close();
                long stoppedAt = System.nanoTime();
                RefreshTestDatabase.await("ticks fail while the server is down", PATIENCE, () -> failed(worker) >= 1);
                Thread.sleep(Math.max(0, OUTAGE_MS - (System.nanoTime() - stoppedAt) / 1_000_000));
                long downMs = (System.nanoTime() - stoppedAt) / 1_000_000;
                server = EmbeddedPostgresServer.start(dir, true, port);
                Instant restartedAt = Instant.now();
                System.out.printf("Database down for %d ms; failed ticks: %s%n", downMs,
                        worker.recentTicks().stream().filter(t -> t.outcome() instanceof RefreshOutcome.Failed).map(t -> ((RefreshOutcome.Failed) t.outcome()).error()).distinct().toList());
                assertTrue(downMs >= OUTAGE_MS, "a 10 s outage");

                RefreshTestDatabase.await("a tick fired after the restart", PATIENCE, () -> worker.recentTicks().stream()
                        .anyMatch(t -> !t.firedAt().isBefore(restartedAt)));

                TickReport next = worker.recentTicks().stream().filter(t -> !t.firedAt().isBefore(restartedAt)).findFirst().orElseThrow();
                System.out.printf("Next tick after the restart: fired %d ms after it, %s%n",
                        Duration.between(restartedAt, next.firedAt()).toMillis(), next.outcome());
                assertTrue(next.outcome() instanceof RefreshOutcome.Refreshed
                                || next.outcome() instanceof RefreshOutcome.Skipped skipped
                                && skipped.reason() == RefreshOutcome.SkipReason.ALREADY_FRESH,
                        () -> "the next tick after the restart succeeds: " + next);
                RefreshTestDatabase.await("a refresh after the restart", PATIENCE, () -> refreshed(worker) >= 2);
                assertTrue(RefreshTestDatabase.number(db, """
                        SELECT count(*) FROM mv_refresh_log WHERE worker = 'restart-worker' AND outcome = 'SUCCESS'
                          AND started_at > (SELECT pg_postmaster_start_time())""") >= 1, "logged after the restart");
            }
        } finally {
            server.close();
            deleteRecursively(dir.getParent());
        }
    }

    private static void deleteRecursively(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static long refreshed(RefreshWorker worker) {
        return worker.recentTicks().stream().filter(t -> t.outcome() instanceof RefreshOutcome.Refreshed).count();
    }

    private static long failed(RefreshWorker worker) {
        return worker.recentTicks().stream().filter(t -> t.outcome() instanceof RefreshOutcome.Failed).count();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
