package cz.mluv.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cz.mluv.db.refresh.AdvisoryLock;
import cz.mluv.db.refresh.RefreshTestDatabase;
import cz.mluv.migrations.testing.TestPostgres;
import cz.mluv.scheduler.refresh.OneShotRefresh;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code --once}: refresh now, exit 0 / 1 / 3. */
class OneShotTest {

    private static TestPostgres.Database db;

    @BeforeAll
    static void database() {
        db = SchedulerTestDatabase.get();
    }

    private record Run(int code, String out) {
    }

    private static Run once(Map<String, Object> extra) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Map<String, Object> properties = new HashMap<>(RefreshTestDatabase.properties(db, extra));
        int code = SchedulerApplication.runOnce(properties, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        return new Run(code, out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aRefreshThatSucceedsExitsZero() throws Exception {
        long before = RefreshTestDatabase.number(db, "SELECT count(*) FROM mv_refresh_log WHERE outcome = 'SUCCESS'");
        Run run = once(Map.of());
        assertEquals(OneShotRefresh.OK, run.code(), run.out());
        assertTrue(run.out().startsWith("user_stats_summary: refreshed CONCURRENTLY"), run.out());
        assertEquals(before + 1, RefreshTestDatabase.number(db, "SELECT count(*) FROM mv_refresh_log WHERE outcome = 'SUCCESS'"));
    }

    @Test
    void anotherWorkerHoldingTheLockExitsThree() throws Exception {
        try (Connection other = db.connect()) {
            assertTrue(AdvisoryLock.REFRESH_USER_STATS_SUMMARY.tryLock(other));
            Run run = once(Map.of());
            assertEquals(OneShotRefresh.LOCKED, run.code(), run.out());
            assertTrue(run.out().contains("LOCKED_BY_ANOTHER_WORKER"), run.out());
            assertTrue(AdvisoryLock.REFRESH_USER_STATS_SUMMARY.unlock(other));
        }
    }

    @Test
    void aRefreshThatFailsExitsOne() throws Exception {
        try (AutoCloseable lock = RefreshTestDatabase.lockMessages(db)) {
            Run run = once(Map.of("mluv.refresh.lock-timeout", "100ms", "mluv.refresh.max-attempts", "1"));
            assertEquals(OneShotRefresh.FAILED, run.code(), run.out());
            assertTrue(run.out().contains("FAILED after 1 try (55P03): canceling statement due to lock timeout"), run.out());
        }
    }

    @Test
    void theCommandLineRefreshesAndExitsWithTheCode() throws Exception {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), SchedulerApplication.class.getName(), "--once");
        pb.environment().put("MLUV_DB_URL", db.jdbcUrl());
        pb.environment().put("MLUV_DB_USER", db.user());
        pb.environment().put("MLUV_DB_PASSWORD", db.password());
        pb.environment().put("MLUV_DB_POOL_MIN_IDLE", "1");
        pb.environment().put("MLUV_MIGRATE_ON_START", "false");
        pb.environment().put("MLUV_WORKER_NAME", "command-line");
        pb.redirectErrorStream(true);
        Process process = pb.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));

        System.out.println("--once printed: " + output.lines().filter(l -> l.startsWith("user_stats_summary")).toList());
        assertEquals(OneShotRefresh.OK, process.exitValue(), output);
        assertTrue(output.contains("user_stats_summary: refreshed CONCURRENTLY"), output);
        assertEquals(1, RefreshTestDatabase.number(db,
                "SELECT count(*) FROM mv_refresh_log WHERE worker = 'command-line' AND outcome = 'SUCCESS'"));
    }
}
