package cz.mluv.scheduler.refresh;

import static cz.mluv.db.refresh.RefreshTestDatabase.exec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cz.mluv.db.refresh.RefreshOutcome;
import cz.mluv.migrations.testing.TestPostgres;
import cz.mluv.scheduler.SchedulerTestDatabase;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The management port: health turns DOWN past two ticks (UP/DOWN only, never details, to any
 * caller), /refresh shows freshness, /prometheus the meters.
 */
class ManagementEndpointsTest {

    private static TestPostgres.Database db;
    private static EmbeddedServer server;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        db = SchedulerTestDatabase.get();
        server = ApplicationContext.run(EmbeddedServer.class, SchedulerTestDatabase.workerProperties(db, "http-worker", Map.of(
                "mluv.refresh.cron", "0 0 * * * *", "micronaut.server.port", "-1")));
    }

    @AfterAll
    static void stop() {
        server.getApplicationContext().close();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(server.getURL() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void healthIsDownWhenTheViewIsOlderThanTwoTicksAndUpAfterARefresh() throws Exception {
        exec(db, "UPDATE mv_refresh_log SET finished_at = now() - interval '3 hours' WHERE outcome = 'SUCCESS'");

        HttpResponse<String> stale = get("/health");
        System.out.println("Health of a 3 h old view on an hourly cron: " + stale.statusCode() + " " + stale.body());
        assertEquals(503, stale.statusCode());
        assertTrue(stale.body().contains("\"status\":\"DOWN\""), stale.body());
        assertFalse(stale.body().contains("details"), () -> "UP/DOWN only: " + stale.body());

        server.getApplicationContext().getBean(RefreshWorker.class).tick();

        HttpResponse<String> fresh = get("/health");
        assertEquals(200, fresh.statusCode(), fresh.body());
        assertTrue(fresh.body().contains("\"status\":\"UP\""), fresh.body());
        assertFalse(fresh.body().contains("details"), () -> "UP/DOWN only: " + fresh.body());
    }

    @Test
    void refreshEndpointShowsFreshnessAndHistory() throws Exception {
        RefreshWorker worker = server.getApplicationContext().getBean(RefreshWorker.class);
        worker.tick();
        assertInstanceOf(RefreshOutcome.class, worker.recentTicks().getLast().outcome());

        HttpResponse<String> status = get("/refresh");

        System.out.println("GET /refresh: " + status.body().substring(0, Math.min(600, status.body().length())));
        assertEquals(200, status.statusCode());
        assertTrue(status.body().contains("\"cron\":\"0 0 * * * *\""), status.body());
        assertTrue(status.body().contains("\"viewName\":\"user_stats_summary\""), status.body());
        assertTrue(status.body().contains("\"lastOutcome\":\"SUCCESS\""), status.body());
        assertTrue(status.body().contains("\"history\":[{"), status.body());
    }

    @Test
    void prometheusShowsViewAgeLastDurationFailuresAndRuns() throws Exception {
        RefreshWorker worker = server.getApplicationContext().getBean(RefreshWorker.class);
        worker.tick();

        String metrics = get("/prometheus").body();

        for (String meter : new String[] {"mluv_refresh_view_age_seconds{view=\"user_stats_summary\"}",
                "mluv_refresh_last_duration_milliseconds{view=\"user_stats_summary\"}",
                "mluv_refresh_failures_24h{view=\"user_stats_summary\"}",
                "mluv_refresh_runs_total{outcome=\"refreshed\",view=\"user_stats_summary\"}",
                "mluv_refresh_duration_seconds_count{mode=\"CONCURRENTLY\",view=\"user_stats_summary\"}"}) {
            assertTrue(metrics.contains(meter), meter + " in:\n" + metrics.lines().filter(l -> l.startsWith("mluv")).toList());
        }
        metrics.lines().filter(l -> l.startsWith("mluv_refresh")).forEach(l -> System.out.println("prometheus: " + l));
    }
}
