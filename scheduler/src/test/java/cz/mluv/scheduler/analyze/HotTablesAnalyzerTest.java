package cz.mluv.scheduler.analyze;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cz.mluv.db.refresh.AdvisoryLock;
import cz.mluv.db.refresh.RefreshTestDatabase;
import cz.mluv.migrations.testing.TestPostgres;
import cz.mluv.scheduler.SchedulerTestDatabase;
import io.micronaut.context.ApplicationContext;
import java.sql.Connection;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Scheduled ANALYZE: off by default, runs on its cron when on, single-runner. */
class HotTablesAnalyzerTest {

    private final TestPostgres.Database db = SchedulerTestDatabase.get();

    @Test
    void analyzeIsOffByDefault() {
        try (ApplicationContext ctx = SchedulerTestDatabase.worker(db, "no-analyze", Map.of("mluv.refresh.enabled", "false"))) {
            assertFalse(ctx.containsBean(HotTablesAnalyzer.class));
        }
    }

    @Test
    void whenEnabledItAnalyzesTheHotTablesOnItsCron() throws Exception {
        long before = RefreshTestDatabase.number(db, "SELECT (extract(epoch FROM now()) * 1000)::bigint");
        try (ApplicationContext ctx = SchedulerTestDatabase.worker(db, "analyzer", Map.of("mluv.refresh.enabled", "false",
                "mluv.analyze.enabled", "true", "mluv.analyze.cron", SchedulerTestDatabase.EVERY_SECOND,
                "mluv.analyze.tables", "messages,daily_stats"))) {
            RefreshTestDatabase.await("a scheduled ANALYZE of messages and daily_stats", Duration.ofSeconds(15),
                    RefreshTestDatabase.sql(() -> RefreshTestDatabase.number(db, """
                            SELECT count(*) FROM pg_stat_user_tables
                            WHERE relname IN ('messages', 'daily_stats') AND last_analyze > to_timestamp(%d / 1000.0)""".formatted(before)) == 2));
        }
    }

    @Test
    void aSecondRunInTheSameTickOrUnderAnotherWorkersLockSkips() throws Exception {
        try (ApplicationContext ctx = SchedulerTestDatabase.worker(db, "analyzer-2", Map.of("mluv.refresh.enabled", "false",
                "mluv.analyze.enabled", "true", "mluv.analyze.cron", "0 0 * * * *", "mluv.analyze.tables", "user_stars"))) {
            HotTablesAnalyzer analyzer = ctx.getBean(HotTablesAnalyzer.class);
            RefreshTestDatabase.exec(db, "SELECT pg_stat_reset_single_table_counters('user_stars'::regclass)");
            try (Connection other = db.connect()) {
                assertTrue(AdvisoryLock.ANALYZE_HOT_TABLES.tryLock(other));
                assertEquals(HotTablesAnalyzer.Outcome.SKIPPED_LOCKED, analyzer.analyze());
                assertTrue(AdvisoryLock.ANALYZE_HOT_TABLES.unlock(other));
            }
            assertEquals(HotTablesAnalyzer.Outcome.ANALYZED, analyzer.analyze(), "never analyzed since the statistics reset");
            assertEquals(HotTablesAnalyzer.Outcome.SKIPPED_FRESH, analyzer.analyze(), "analyzed within half an hourly tick");
        }
    }
}
