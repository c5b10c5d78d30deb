package cz.mluv.db.refresh;

import static cz.mluv.db.refresh.RefreshTestDatabase.exec;
import static cz.mluv.db.refresh.RefreshTestDatabase.number;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cz.mluv.db.InvalidParameterException;
import cz.mluv.migrations.testing.TestPostgres;
import io.micronaut.context.ApplicationContext;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Freshness read from mv_refresh_log: age, last outcome, failures, history. */
class ViewFreshnessTest {

    private static final String VIEW = "user_stats_summary";
    private static TestPostgres.Database db;
    private static ApplicationContext ctx;

    @BeforeAll
    static void start() {
        db = RefreshTestDatabase.create("freshness");
        ctx = RefreshTestDatabase.context(db, Map.of("mluv.refresh.worker-name", "fresh-worker",
                "mluv.refresh.lock-timeout", "100ms", "mluv.refresh.max-attempts", "1"));
    }

    @AfterAll
    static void stop() {
        ctx.close();
    }

    @BeforeEach
    void emptyLog() throws Exception {
        exec(db, "DELETE FROM mv_refresh_log");
    }

    private static ViewFreshness freshness() {
        return ctx.getBean(ViewFreshness.class);
    }

    @Test
    void aViewWithoutLoggedRefreshHasNoAge() {
        Freshness f = freshness().of(VIEW);
        assertTrue(f.neverRefreshed());
        assertNull(f.ageMs());
        assertNull(f.lastOutcome());
        assertEquals(0, f.failuresLast24h());
        assertFalse(f.refreshing());
    }

    @Test
    void ageCountsFromTheEndOfTheLastSuccessfulRefresh() throws Exception {
        exec(db, """
                INSERT INTO mv_refresh_log (view_name, mode, started_at, finished_at, duration_ms, row_count, outcome, worker)
                VALUES ('user_stats_summary', 'CONCURRENTLY', now() - interval '3 hours 1 minute', now() - interval '3 hours', 60000, 1000, 'SUCCESS', 'old')""");

        Freshness f = freshness().of(VIEW);

        assertTrue(f.ageMs() >= 3 * 3_600_000L && f.ageMs() < 3 * 3_600_000L + 60_000, "age " + f.ageMs() + " ms");
        assertEquals("SUCCESS", f.lastOutcome());
        assertEquals(60_000L, f.lastDurationMs());
        assertEquals(1_000L, f.lastRowCount());
        assertEquals("old", f.lastWorker());
    }

    @Test
    void aFailureBecomesTheLastOutcomeButLeavesTheAgeOfTheLastSuccess() throws Exception {
        RefreshOutcome.Refreshed ok = assertInstanceOf(RefreshOutcome.Refreshed.class,
                ctx.getBean(SingleRunnerRefresh.class).refreshNow(VIEW));
        Freshness afterSuccess = freshness().of(VIEW);
        try (AutoCloseable lock = RefreshTestDatabase.lockMessages(db)) {
            assertInstanceOf(RefreshOutcome.Failed.class, ctx.getBean(SingleRunnerRefresh.class).refreshNow(VIEW));
        }

        Freshness f = freshness().of(VIEW);

        assertEquals("SUCCESS", afterSuccess.lastOutcome());
        assertEquals(ok.rows(), afterSuccess.lastRowCount());
        assertEquals(ok.durationMs(), afterSuccess.lastDurationMs());
        assertEquals("FAILED", f.lastOutcome());
        assertEquals("canceling statement due to lock timeout", f.lastError());
        assertEquals(1, f.failuresLast24h());
        assertEquals(afterSuccess.lastSuccessAt(), f.lastSuccessAt());
        assertTrue(f.ageMs() >= afterSuccess.ageMs());
    }

    @Test
    void failuresOlderThanADayAreNotCounted() throws Exception {
        exec(db, """
                INSERT INTO mv_refresh_log (view_name, mode, started_at, finished_at, duration_ms, outcome, error, worker)
                VALUES ('user_stats_summary', 'CONCURRENTLY', now() - interval '25 hours', now() - interval '25 hours', 5, 'FAILED', 'old', 'w'),
                       ('user_stats_summary', 'CONCURRENTLY', now() - interval '2 hours', now() - interval '2 hours', 5, 'FAILED', 'recent', 'w')""");

        assertEquals(1, freshness().of(VIEW).failuresLast24h());
    }

    @Test
    void historyListsTheLatestRefreshesNewestFirst() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertInstanceOf(RefreshOutcome.Refreshed.class, ctx.getBean(SingleRunnerRefresh.class).refreshNow(VIEW));
        }

        List<RefreshLogEntry> history = freshness().history(VIEW, 2);

        assertEquals(2, history.size());
        assertTrue(history.get(0).id() > history.get(1).id());
        RefreshLogEntry latest = history.getFirst();
        assertEquals(number(db, "SELECT max(id) FROM mv_refresh_log"), latest.id());
        assertEquals("SUCCESS", latest.outcome());
        assertEquals("CONCURRENTLY", latest.mode());
        assertEquals("fresh-worker", latest.worker());
        assertNotNull(latest.finishedAt());
        assertEquals(RefreshTestDatabase.SIZE.users(), latest.rowCount());
    }

    @Test
    void unknownViewsAndLimitsAreRefusedByName() {
        assertEquals("view", assertThrows(InvalidParameterException.class, () -> freshness().of("users")).parameter());
        assertEquals("limit", assertThrows(InvalidParameterException.class, () -> freshness().history(VIEW, 0)).parameter());
    }
}
