package cz.mluv.scheduler.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cz.mluv.db.history.HistoryQueries;
import cz.mluv.db.refresh.AdvisoryLock;
import cz.mluv.db.refresh.RefreshTestDatabase;
import cz.mluv.migrations.testing.TestPostgres;
import cz.mluv.scheduler.SchedulerTestDatabase;
import io.micronaut.context.ApplicationContext;
import java.sql.Connection;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Scheduled statistics snapshots: on by default, on their cron, single-runner, with retention. */
class StatsSnapshotJobTest {

    private final TestPostgres.Database db = SchedulerTestDatabase.get();

    @Test
    void theSchedulerTakesSnapshotsOnItsCronAndCanBeSwitchedOff() throws Exception {
        try (ApplicationContext off = SchedulerTestDatabase.worker(db, "no-history", Map.of("mluv.refresh.enabled", "false",
                "mluv.history.enabled", "false"))) {
            assertFalse(off.containsBean(StatsSnapshotJob.class));
        }
        long before = RefreshTestDatabase.number(db, "SELECT count(*) FROM stats_snapshot WHERE source = 'schedule'");
        try (ApplicationContext ctx = SchedulerTestDatabase.worker(db, "history", Map.of("mluv.refresh.enabled", "false",
                "mluv.history.cron", SchedulerTestDatabase.EVERY_SECOND))) {
            assertTrue(ctx.containsBean(StatsSnapshotJob.class), "on by default");
            RefreshTestDatabase.await("two scheduled snapshots", Duration.ofSeconds(15), RefreshTestDatabase.sql(() ->
                    RefreshTestDatabase.number(db, "SELECT count(*) FROM stats_snapshot WHERE source = 'schedule'") >= before + 2));
        }
        assertTrue(RefreshTestDatabase.number(db, "SELECT count(*) FROM relation_size_history r JOIN stats_snapshot s "
                + "ON s.id = r.snapshot_id WHERE s.source = 'schedule' AND r.relation = 'messages'") >= 2);
    }

    @Test
    void aSecondRunInTheSameTickOrUnderAnotherWorkersLockSkipsAndOldSnapshotsArePruned() throws Exception {
        try (ApplicationContext ctx = SchedulerTestDatabase.worker(db, "history-2", Map.of("mluv.refresh.enabled", "false",
                "mluv.history.cron", "0 0 * * * *", "mluv.history.retention", "7d"))) {
            StatsSnapshotJob job = ctx.getBean(StatsSnapshotJob.class);
            try (Connection other = db.connect()) {
                assertTrue(AdvisoryLock.STATS_SNAPSHOT.tryLock(other));
                assertEquals(StatsSnapshotJob.Outcome.SKIPPED_LOCKED, job.snapshot());
                assertTrue(AdvisoryLock.STATS_SNAPSHOT.unlock(other));
            }
            RefreshTestDatabase.exec(db, "UPDATE stats_snapshot SET taken_at = now() - interval '8 days'");
            assertEquals(StatsSnapshotJob.Outcome.TAKEN, job.snapshot(), "no snapshot within half an hourly tick");
            assertEquals(1, RefreshTestDatabase.number(db, "SELECT count(*) FROM stats_snapshot"), "older than 7d pruned");
            assertEquals(StatsSnapshotJob.Outcome.SKIPPED_FRESH, job.snapshot(), "taken within half an hourly tick");
            assertEquals(1, new HistoryQueries(db.dataSource()).snapshots(10).size());
        }
    }
}
