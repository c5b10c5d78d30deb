package cz.mluv.db.verification.replication;

import cz.mluv.db.replica.ReplicaEndpoints;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cz.mluv.db.refresh.ViewRefresher;
import cz.mluv.db.testing.ReplicatedDatabase;
import cz.mluv.db.verification.CheckResult;
import cz.mluv.db.verification.CheckStatus;
import cz.mluv.db.verification.VerificationCheck;
import cz.mluv.db.verification.index.IndexUsageCheck;
import cz.mluv.db.verification.index.UnusedIndexesCheck;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The replication checks on a real primary and a real streaming standby ({@link ReplicatedDatabase}):
 * PASS on the healthy pair, FAIL when replay is paused past the lag limit or the standby stopped,
 * and index scans counted by the standby make an index used.
 */
class ReplicationChecksTest {

    static final Duration LIMIT = Duration.ofSeconds(1);

    final ReplicatedDatabase pair = ReplicatedDatabase.get();
    final ReplicaEndpoints replicas = new ReplicaEndpoints(List.of(pair.replica().jdbcUrl()), "postgres", "", LIMIT,
            1024L * 1024 * 1024);

    @AfterEach
    void restorePair() {
        pair.restore();
    }

    @Test
    void everyReplicationCheckPassesOnTheHealthyPair() throws Exception {
        pair.awaitReplay();
        for (VerificationCheck check : ReplicationChecks.all(replicas)) {
            CheckResult r = run(check);
            assertEquals(CheckStatus.PASS, r.status(), () -> check.id() + ": " + r.summary() + " " + r.details());
        }
        CheckResult lag = run(new ReplicaLagCheck(replicas));
        assertEquals(List.of("primary", "standby"), lag.details(ReplicaLagCheck.StandbyLag.class).stream().map(ReplicaLagCheck.StandbyLag::seenFrom).toList(), lag.details()::toString);
        CheckResult streaming = run(new StandbyStreamingCheck(replicas));
        assertTrue(streaming.details(StandbyStreamingCheck.StandbyStream.class).stream().allMatch(d -> "streaming".equals(d.state()) || "streaming".equals(d.status())),
                streaming.details()::toString);
    }

    @Test
    void replayPausedPastTheLagLimitFailsReplicaLagAndAgesTheViewReplicaReadersSeeUntilResume() throws Exception {
        AtomicBoolean writing = new AtomicBoolean(true);
        Thread writer = Thread.ofPlatform().daemon().start(() -> {
            while (writing.get()) {
                try {
                    pair.write();
                    Thread.sleep(50);
                } catch (SQLException | InterruptedException e) {
                    return;
                }
            }
        });
        try {
            pair.pauseReplay();
            // Both sides see it: the primary's replay_lag and the standby's own measure (which names the pause).
            CheckResult failed = await(new ReplicaLagCheck(replicas), r -> r.status() == CheckStatus.FAIL
                    && r.summary().contains("mluv_test_replica replays") && r.summary().contains("(replay paused)"));
            assertEquals(2, failed.details().size(), failed.details()::toString);

            Thread.sleep(LIMIT.toMillis() + 100);
            try (Connection c = pair.primary().connect()) {
                ViewRefresher.refresh(c, "user_stats_summary", ViewRefresher.Mode.CONCURRENTLY, "replica-test");
            }
            ReplicaViewFreshnessCheck readers = new ReplicaViewFreshnessCheck(replicas, Duration.ofHours(2), Duration.ofHours(24));
            CheckResult seen = run(readers);
            assertEquals(CheckStatus.WARN, seen.status(), seen.summary());
            assertTrue(seen.summary().contains("has not replayed the primary's last refresh"), seen.summary());
            long replicaAge = seen.details(ReplicaViewFreshnessCheck.ReaderView.class).getFirst().viewAgeMs();
            long primaryAge = seen.details(ReplicaViewFreshnessCheck.ReaderView.class).getFirst().primaryAgeMs();
            assertTrue(replicaAge > primaryAge + LIMIT.toMillis(), "readers of the replica see an older view: " + seen.details());

            pair.resumeReplay();
            writing.set(false);
            writer.join();
            pair.awaitReplay();
            await(new ReplicaLagCheck(replicas), r -> r.status() == CheckStatus.PASS);
            CheckResult caughtUp = run(readers);
            assertEquals(CheckStatus.PASS, caughtUp.status(), caughtUp.summary());
        } finally {
            writing.set(false);
            writer.join();
        }
    }

    @Test
    void aStoppedStandbyFailsStandbyStreamingAndLeavesAnInactiveSlot() throws Exception {
        pair.standby().stop();
        CheckResult streaming = run(new StandbyStreamingCheck(replicas));
        assertEquals(CheckStatus.FAIL, streaming.status(), streaming.summary());
        assertTrue(streaming.summary().contains("has no walsender") && streaming.summary().contains("unreachable"), streaming.summary());
        CheckResult slots = run(new ReplicationSlotsCheck(replicas));
        assertEquals(CheckStatus.WARN, slots.status(), slots.summary());
        pair.write();
        CheckResult tooMuch = run(new ReplicationSlotsCheck(new ReplicaEndpoints(List.of(), null, null, LIMIT, 0)));
        assertEquals(CheckStatus.FAIL, tooMuch.status(), "WAL written since the standby stopped is too much for a 0-byte limit: " + tooMuch.summary());
    }

    @Test
    void anIndexScannedOnlyOnTheReplicaIsNotUnused() throws Exception {
        ReplicatedDatabase.exec(pair.primary(), "CREATE TABLE IF NOT EXISTS replica_scan_test (id int, v int)");
        ReplicatedDatabase.exec(pair.primary(), "INSERT INTO replica_scan_test SELECT g, g % 100 FROM generate_series(1, 5000) g");
        ReplicatedDatabase.exec(pair.primary(), "CREATE INDEX IF NOT EXISTS idx_replica_scan_test_v ON replica_scan_test (v)");
        ReplicatedDatabase.exec(pair.primary(), "ANALYZE replica_scan_test");
        pair.awaitReplay();
        try (Connection c = pair.replica().connect(); Statement st = c.createStatement()) {
            st.execute("SET enable_seqscan = off");
            for (int i = 0; i < 5; i++) {
                st.executeQuery("SELECT count(*) FROM replica_scan_test WHERE v = " + i).close();
            }
        }
        ReplicaIndexScans scans = new ReplicaIndexScans(replicas);
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (scans.read().of("replica_scan_test", "idx_replica_scan_test_v") == 0 && System.nanoTime() < deadline) {
            Thread.sleep(100); // the standby's backends flush their statistics at most once a second
        }

        CheckResult primaryOnly = run(new UnusedIndexesCheck());
        assertTrue(names(primaryOnly).contains("idx_replica_scan_test_v"), "unused as the primary alone sees it: " + primaryOnly.summary());
        CheckResult summed = run(new UnusedIndexesCheck(scans));
        assertFalse(names(summed).contains("idx_replica_scan_test_v"), "scanned on the replica: " + summed.summary());

        IndexUsageCheck.ReplicatedIndexUse usage = run(new IndexUsageCheck(scans)).details(IndexUsageCheck.ReplicatedIndexUse.class).stream()
                .filter(d -> "idx_replica_scan_test_v".equals(d.indexName())).findFirst().orElseThrow();
        assertEquals(0L, usage.scans(), usage::toString);
        assertTrue(usage.replicaScans() >= 5, usage::toString);
        assertEquals(usage.replicaScans(), usage.totalScans(), usage::toString);
    }

    @Test
    void aRefreshOnTheStandbyIsRefusedWithAPlainReason() throws Exception {
        try (Connection c = pair.replica().connect()) {
            SQLException e = assertThrows(SQLException.class,
                    () -> ViewRefresher.refresh(c, "user_stats_summary", ViewRefresher.Mode.CONCURRENTLY, "test"));
            assertEquals("25006", e.getSQLState());
            assertTrue(e.getMessage().contains("on a hot standby"), e.getMessage());
        }
    }

    private static List<String> names(CheckResult r) {
        return r.details(UnusedIndexesCheck.UnusedIndex.class).stream().map(UnusedIndexesCheck.UnusedIndex::indexName).toList();
    }

    private CheckResult run(VerificationCheck check) throws SQLException {
        try (Connection c = pair.primary().connect()) {
            return check.run(c);
        }
    }

    private CheckResult await(VerificationCheck check, Predicate<CheckResult> condition) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        CheckResult r = run(check);
        while (!condition.test(r)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(check.id() + " never reached the expected result: " + r.summary() + " " + r.details());
            }
            Thread.sleep(100);
            r = run(check);
        }
        return r;
    }
}
