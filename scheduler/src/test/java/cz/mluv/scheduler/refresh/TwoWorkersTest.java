package cz.mluv.scheduler.refresh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cz.mluv.db.refresh.RefreshOutcome;
import cz.mluv.db.refresh.RefreshTestDatabase;
import cz.mluv.migrations.testing.TestPostgres;
import cz.mluv.scheduler.SchedulerTestDatabase;
import io.micronaut.context.ApplicationContext;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Two workers on one database, ticking every second together: one refresh per tick between them. */
class TwoWorkersTest {

    @Test
    void twoWorkersStartedTogetherRefreshOncePerTick() throws Exception {
        TestPostgres.Database db = SchedulerTestDatabase.get();
        long lastIdBefore = RefreshTestDatabase.number(db, "SELECT coalesce(max(id), 0) FROM mv_refresh_log");
        List<TickReport> ticks = new ArrayList<>();
        RefreshWorker workerA;
        RefreshWorker workerB;
        try (ApplicationContext a = SchedulerTestDatabase.worker(db, "worker-a", Map.of());
             ApplicationContext b = SchedulerTestDatabase.worker(db, "worker-b", Map.of())) {
            workerA = a.getBean(RefreshWorker.class);
            workerB = b.getBean(RefreshWorker.class);
            Thread.sleep(6_500);
        }
        ticks.addAll(workerA.recentTicks());
        ticks.addAll(workerB.recentTicks());

        Map<String, List<String>> bySecond = new TreeMap<>();
        for (TickReport t : ticks) {
            bySecond.computeIfAbsent(t.firedAt().truncatedTo(ChronoUnit.SECONDS).toString(), k -> new ArrayList<>())
                    .add(t.worker() + " " + describe(t.outcome()));
        }
        bySecond.forEach((second, outcomes) -> System.out.println("tick " + second + ": " + outcomes));
        List<String> logRows = RefreshTestDatabase.strings(db, """
                SELECT date_trunc('second', started_at) || ' ' || worker || ' ' || outcome FROM mv_refresh_log
                WHERE id > %d ORDER BY id""".formatted(lastIdBefore));
        logRows.forEach(row -> System.out.println("log: " + row));

        long refreshed = ticks.stream().filter(t -> t.outcome() instanceof RefreshOutcome.Refreshed).count();
        assertTrue(bySecond.size() >= 5, "both workers ticked every second: " + bySecond.keySet());
        bySecond.forEach((second, outcomes) -> assertEquals(1,
                outcomes.stream().filter(o -> o.endsWith("refreshed")).count(), "one refresh in tick " + second + ": " + outcomes));
        assertTrue(ticks.stream().anyMatch(t -> t.outcome() instanceof RefreshOutcome.Skipped), "the other worker skipped");
        assertEquals(refreshed, logRows.size(), "one log row per refresh, none for skips");
        assertEquals(bySecond.size(), RefreshTestDatabase.number(db, """
                SELECT count(DISTINCT date_trunc('second', started_at)) FROM mv_refresh_log
                WHERE id > %d AND outcome = 'SUCCESS'""".formatted(lastIdBefore)), "a SUCCESS row in every tick");
        assertEquals(bySecond.size(), RefreshTestDatabase.number(db, """
                SELECT count(*) FROM mv_refresh_log WHERE id > %d AND outcome = 'SUCCESS'""".formatted(lastIdBefore)),
                "and only one");
    }

    private static String describe(RefreshOutcome outcome) {
        return switch (outcome) {
            case RefreshOutcome.Refreshed r -> "refreshed";
            case RefreshOutcome.Skipped s -> "skipped " + s.reason();
            case RefreshOutcome.Failed f -> "failed " + f.error();
        };
    }
}
