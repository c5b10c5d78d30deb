package cz.mluv.db.verification;

import cz.mluv.db.verification.activity.SlowQueriesCheck;
import cz.mluv.db.verification.activity.LockWaitsCheck;
import cz.mluv.db.verification.activity.IndexBuildProgressCheck;
import cz.mluv.db.verification.activity.ConnectionsCheck;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cz.mluv.migrations.testing.TestPostgres;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Checks of what the server is doing: slow queries, connections, lock waits, index builds, statistics. */
class ActivityChecksTest {

    @Test
    void slowQueriesAreSkippedWithoutTheExtensionAndWarnAboveTheThreshold() throws Exception {
        TestPostgres.Database db = TestPostgres.newDatabase("slow_queries");
        CheckResult absent = Fixtures.run(db, "slow-queries");
        assertEquals(CheckStatus.SKIPPED, absent.status());
        assertTrue(absent.skipReason().startsWith("pg_stat_statements is not installed in this database"), absent.skipReason());

        // The test server preloads the library (shared_preload_libraries), as the embedded database does.
        Fixtures.exec(db, "CREATE EXTENSION pg_stat_statements", "SELECT pg_sleep(0.15)");
        CheckResult slow = Fixtures.run(db, "slow-queries");
        assertEquals(CheckStatus.WARN, slow.status(), slow.summary());
        assertTrue(slow.details(SlowQueriesCheck.SlowQuery.class).getFirst().query().contains("pg_sleep"), slow.details()::toString);
        assertEquals(CheckStatus.PASS, Fixtures.run(db, "slow-queries",
                Fixtures.settings(Map.of("MLUV_VERIFICATION_SLOW_QUERY_MS", "5000"))).status());
    }

    @Test
    void aSessionWaitingForALockWarnsWithTheSessionThatBlocksIt() throws Exception {
        TestPostgres.Database db = TestPostgres.newDatabase("lock_waits");
        Fixtures.exec(db, "CREATE TABLE scores (id int PRIMARY KEY)");
        assertEquals(CheckStatus.PASS, Fixtures.run(db, "lock-waits").status());
        try (Connection holder = db.connect(); Statement st = holder.createStatement()) {
            holder.setAutoCommit(false);
            st.execute("LOCK TABLE scores IN ACCESS EXCLUSIVE MODE");
            CompletableFuture<Void> waiter = CompletableFuture.runAsync(() -> {
                try {
                    Fixtures.exec(db, "SELECT count(*) FROM scores");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            CheckResult r = awaitStatus(db, "lock-waits", CheckStatus.WARN);
            assertEquals("scores", r.details(LockWaitsCheck.LockWait.class).getFirst().relation());
            assertEquals("AccessShareLock", r.details(LockWaitsCheck.LockWait.class).getFirst().mode());
            holder.rollback();
            waiter.get(10, TimeUnit.SECONDS);
        }
        assertEquals(CheckStatus.PASS, Fixtures.run(db, "lock-waits").status());
    }

    @Test
    void aRunningConcurrentIndexBuildIsReportedWithItsPhase() throws Exception {
        TestPostgres.Database db = TestPostgres.newDatabase("build_progress");
        Fixtures.exec(db, "CREATE TABLE visits (id int PRIMARY KEY, day date)");
        assertEquals(CheckStatus.PASS, Fixtures.run(db, "index-build-progress").status());
        try (Connection writer = db.connect(); Statement st = writer.createStatement()) {
            writer.setAutoCommit(false);
            st.execute("INSERT INTO visits VALUES (1, current_date)");
            // CREATE INDEX CONCURRENTLY waits for the open writing transaction before it builds.
            CompletableFuture<Void> build = CompletableFuture.runAsync(() -> {
                try {
                    Fixtures.exec(db, "CREATE INDEX CONCURRENTLY idx_visits_day ON visits (day)");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            // The build passes "initializing" first; it then waits for the writer's transaction.
            CheckResult r = awaitStatus(db, "index-build-progress", CheckStatus.WARN);
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!r.details(IndexBuildProgressCheck.IndexBuild.class).getFirst().phase().startsWith("waiting for") && System.nanoTime() < deadline) {
                Thread.sleep(50);
                r = awaitStatus(db, "index-build-progress", CheckStatus.WARN);
            }
            assertEquals("visits", r.details(IndexBuildProgressCheck.IndexBuild.class).getFirst().tableName());
            CheckResult last = r;
            assertTrue(r.details(IndexBuildProgressCheck.IndexBuild.class).getFirst().phase().startsWith("waiting for"), () -> last.details().toString());
            writer.commit();
            build.get(10, TimeUnit.SECONDS);
        }
        assertEquals(CheckStatus.PASS, Fixtures.run(db, "index-build-progress").status());
    }

    @Test
    void connectionsAreCountedByStateAndWarnAboveTheShareOfMaxConnections() throws Exception {
        TestPostgres.Database db = TestPostgres.newDatabase("connections");
        CheckResult r = Fixtures.run(db, "connections");
        assertEquals(CheckStatus.PASS, r.status(), r.summary());
        assertTrue(r.summary().matches("\\d+ client connection\\(s\\) of max_connections \\d+ .*"), r.summary());
        assertTrue(r.details(ConnectionsCheck.ConnectionCount.class).stream().anyMatch(row -> "active".equals(row.state())), "the check's own session is active");
        CheckResult strict = Fixtures.run(db, "connections", Fixtures.settings(Map.of("MLUV_VERIFICATION_CONNECTIONS_WARN_PERCENT", "0")));
        assertEquals(CheckStatus.WARN, strict.status(), strict.summary());
    }

    @Test
    void tablesNeverAnalyzedWarnUntilAnalyze() throws Exception {
        TestPostgres.Database db = TestPostgres.newDatabase("statistics_age");
        // No autovacuum on the fixture table, so that nothing analyzes it behind the test's back.
        Fixtures.exec(db, "CREATE TABLE streaks (id int PRIMARY KEY, days int) WITH (autovacuum_enabled = false)",
                "INSERT INTO streaks SELECT n, n FROM generate_series(1, 1000) n");
        CheckResult never = Fixtures.run(db, "statistics-age");
        assertEquals(CheckStatus.WARN, never.status());
        assertTrue(never.summary().startsWith("never analyzed: streaks"), never.summary());
        Fixtures.exec(db, "ANALYZE streaks");
        CheckResult analyzed = Fixtures.run(db, "statistics-age");
        assertEquals(CheckStatus.PASS, analyzed.status(), analyzed.summary());
    }

    private static CheckResult awaitStatus(TestPostgres.Database db, String id, CheckStatus expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        CheckResult r = Fixtures.run(db, id);
        while (r.status() != expected && System.nanoTime() < deadline) {
            Thread.sleep(50);
            r = Fixtures.run(db, id);
        }
        assertEquals(expected, r.status(), r.summary());
        return r;
    }
}
