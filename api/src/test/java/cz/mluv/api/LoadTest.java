package cz.mluv.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cz.mluv.api.testing.ApiServers;
import cz.mluv.api.testing.ConcurrentLoad;
import cz.mluv.db.demodata.DemoDataGenerator;
import cz.mluv.db.testing.DemoDatabase;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * 64 concurrent clients on the leaderboard and the user reads for 10 s, the API with the pool of
 * production (30 connections, 1.5 s wait): every answer is 2xx. (The 60 s run is
 * {@code ./mluv bench --resilience}.)
 */
class LoadTest {

    static final List<String> TARGETS = List.of(
            "/api/v1/leaderboard?metric=total_stars&limit=10",
            "/api/v1/users/" + (DemoDataGenerator.FIRST_TELEGRAM_ID + 1) + "?include=settings,recent_messages,stars&messages=5",
            "/api/v1/leaderboard?metric=max_streak&limit=50",
            "/api/v1/users/" + (DemoDataGenerator.FIRST_TELEGRAM_ID + 2) + "/messages?limit=20",
            "/api/v1/users/active?days=7&limit=20",
            "/api/v1/users/" + (DemoDataGenerator.FIRST_TELEGRAM_ID + 3));

    @Test
    void sixtyFourConcurrentClientsGetOnly2xxAnswers() throws Exception {
        try (EmbeddedServer server = ApiServers.start(DemoDatabase.get(), 30, Map.of())) {
            List<ConcurrentLoad.Sample> samples;
            try (ConcurrentLoad load = new ConcurrentLoad(server.getURL(), 64, TARGETS)) {
                Thread.sleep(10_000);
                samples = load.samples();
            }
            long non2xx = samples.stream().filter(s -> !s.ok()).count();
            System.out.printf("64 clients, 10 s: %d requests, %d non-2xx, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    samples.size(), non2xx, ConcurrentLoad.percentile(samples, 95), ConcurrentLoad.percentile(samples, 99),
                    ConcurrentLoad.percentile(samples, 100));
            assertTrue(samples.size() > 1_000, "the load ran: " + samples.size());
            assertEquals(0, non2xx, () -> "statuses: " + samples.stream().filter(s -> !s.ok())
                    .collect(Collectors.groupingBy(s -> s.status() + " " + s.target(), Collectors.counting())));
        }
    }
}
