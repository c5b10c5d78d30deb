package cz.mluv.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cz.mluv.api.problem.ServerErrors;
import cz.mluv.api.testing.ApiServers;
import cz.mluv.api.testing.ConcurrentLoad;
import cz.mluv.api.testing.LogCapture;
import cz.mluv.api.testing.RawHttp;
import cz.mluv.db.demodata.DemoDataGenerator;
import cz.mluv.db.demodata.DemoDataSize;
import cz.mluv.migrations.Migrations;
import cz.mluv.migrations.embedded.EmbeddedPostgresServer;
import cz.mluv.migrations.testing.TestPostgres;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The API while its database is away: a 503 problem+json with {@code Retry-After}, naming no
 * SQL, when a relation or column is missing in the middle of a deployment (answered within 2 s)
 * or the server is stopped under load (every request of the outage a 503, none lost); 2xx again
 * after the server's restart, with the figures printed (the timing goals are judged by
 * {@code ./mluv bench --resilience}). Each test uses a database of its own (never the shared demo
 * database).
 */
class DatabaseOutageTest {

    private static final DemoDataSize SMALL = new DemoDataSize(200, 4_000, 3);
    private static final long USER = DemoDataGenerator.FIRST_TELEGRAM_ID + 1;

    @Test
    void aMissingViewOrColumnIs503WithRetryAfterAndNoSqlInTheBody() throws Exception {
        TestPostgres.Database db = TestPostgres.newDatabase("outage_schema");
        Migrations.migrate(db.dataSource());
        new DemoDataGenerator(db.dataSource(), line -> { }).load(SMALL);
        try (EmbeddedServer server = ApiServers.start(db, 5, Map.of());
             LogCapture log = new LogCapture(ServerErrors.class)) {
            assertEquals(200, RawHttp.get(server.getURL(), "/health").status());
            exec(db, "ALTER MATERIALIZED VIEW user_stats_summary RENAME TO user_stats_summary_away");
            assertUnavailable(server, "/api/v1/leaderboard?limit=5", log);
            exec(db, "ALTER MATERIALIZED VIEW user_stats_summary_away RENAME TO user_stats_summary");
            assertEquals(200, RawHttp.get(server.getURL(), "/api/v1/leaderboard?limit=5").status());

            exec(db, "ALTER TABLE users RENAME COLUMN first_name TO given_name");
            assertUnavailable(server, "/api/v1/users/" + USER + "?include=settings", log);
            exec(db, "ALTER TABLE users RENAME COLUMN given_name TO first_name");
            assertEquals(200, RawHttp.get(server.getURL(), "/api/v1/users/" + USER).status());
        }
    }

    private static void assertUnavailable(EmbeddedServer server, String target, LogCapture log) throws Exception {
        RawHttp.Reply r = RawHttp.get(server.getURL(), target);
        assertEquals(503, r.status(), r.body());
        assertTrue(r.elapsedMs() < 2_000, "answered in " + r.elapsedMs() + " ms");
        assertEquals(String.valueOf(ServerErrors.RETRY_AFTER_SECONDS), r.headers().get("retry-after"));
        assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType());
        for (String internal : List.of("SELECT", "user_stats_summary", "first_name", "relation", "column", "does not exist")) {
            assertFalse(r.body().contains(internal), () -> "the body names " + internal + ": " + r.body());
        }
        String errorId = r.headers().get(ServerErrors.ERROR_ID_HEADER.toLowerCase());
        assertNotNull(errorId);
        assertTrue(r.body().contains(errorId), r.body());
        assertTrue(log.lines().stream().anyMatch(l -> l.startsWith("ERROR") && l.contains(errorId) && l.contains("does not exist")),
                () -> "the log has the id and PostgreSQL's message: " + log.lines());
    }

    @Test
    void underLoadAStoppedServerIs503AndTheApiRecoversAfterTheRestart() throws Exception {
        Path dir = Files.createTempDirectory("mluv-api-outage").resolve("data");
        int port = freePort();
        EmbeddedPostgresServer pg = EmbeddedPostgresServer.start(dir, true, port);
        try {
            TestPostgres.Database db = new TestPostgres.Database("postgres", pg.jdbcUrl("postgres"), EmbeddedPostgresServer.USER, "");
            Migrations.migrate(db.dataSource());
            new DemoDataGenerator(db.dataSource(), line -> { }).load(SMALL);
            List<String> targets = List.of("/api/v1/leaderboard?limit=10", "/api/v1/users/" + USER + "?include=settings,stars",
                    "/api/v1/users/" + USER + "/messages?limit=10");
            try (EmbeddedServer server = ApiServers.start(db, 30, Map.of());
                 ConcurrentLoad load = new ConcurrentLoad(server.getURL(), 16, targets)) {
                Thread.sleep(2_000);
                long stop = System.nanoTime();
                pg.close();
                long stopped = System.nanoTime();
                Thread.sleep(5_000);
                RawHttp.Reply health = RawHttp.get(server.getURL(), "/health");
                Thread.sleep(5_000);
                long restart = System.nanoTime();
                pg = EmbeddedPostgresServer.start(dir, true, port);
                long restarted = System.nanoTime();
                Thread.sleep(6_000);
                List<ConcurrentLoad.Sample> all = load.samples();

                List<ConcurrentLoad.Sample> outage = all.stream()
                        .filter(s -> s.startNanos() >= stopped && s.startNanos() + (long) (s.latencyMs() * 1e6) < restart).toList();
                long unavailable = outage.stream().filter(s -> s.status() == 503).count();
                // Latency from the stop command on, so the first requests, which wait the pool's
                // 1.5 s before the circuit opens, count too.
                List<ConcurrentLoad.Sample> fromStop = all.stream()
                        .filter(s -> s.startNanos() >= stop && s.startNanos() + (long) (s.latencyMs() * 1e6) < restart).toList();
                double maxOutageMs = ConcurrentLoad.percentile(fromStop, 100);
                long firstOk = all.stream().filter(s -> s.startNanos() >= restarted && s.ok())
                        .mapToLong(s -> s.startNanos() + (long) (s.latencyMs() * 1e6)).min().orElse(Long.MAX_VALUE);
                double secondsToOk = (firstOk - restarted) / 1e9;
                System.out.printf("Outage under 16 clients: %d requests in all, %d during the 10 s outage (%d 503), "
                                + "max latency from the stop command to the restart %.0f ms, p95 %.0f ms; server stop took %d ms, restart %d ms; "
                                + "first 2xx %.2f s after the restart; statuses during the outage: %s%n",
                        all.size(), outage.size(), unavailable, maxOutageMs, ConcurrentLoad.percentile(fromStop, 95),
                        (stopped - stop) / 1_000_000, (restarted - restart) / 1_000_000, secondsToOk,
                        outage.stream().collect(Collectors.groupingBy(ConcurrentLoad.Sample::status, Collectors.counting())));

                System.out.println("After the restart, per 500 ms: " + all.stream().filter(s -> s.startNanos() >= restarted)
                        .collect(Collectors.groupingBy(s -> (s.startNanos() - restarted) / 500_000_000L, java.util.TreeMap::new,
                                Collectors.groupingBy(ConcurrentLoad.Sample::status, Collectors.counting()))));
                assertEquals(503, health.status(), health.body());
                assertTrue(health.body().replace(" ", "").contains("\"status\":\"DOWN\""), health.body());
                assertFalse(health.body().contains("details"), () -> "anonymous callers see DOWN only: " + health.body());
                assertTrue(outage.size() > 16, "requests were sent during the outage: " + outage.size());
                assertTrue(all.stream().allMatch(s -> s.ok() || s.status() == 503), () -> "only 2xx and 503 in the whole run: "
                        + all.stream().collect(Collectors.groupingBy(ConcurrentLoad.Sample::status, Collectors.counting())));
                assertEquals(outage.size(), unavailable, "every request during the outage is a 503");
                // The goals (503 within 2 s, 2xx within 5 s of the restart) are measured and printed by
                // `./mluv bench --resilience` on a quiet machine; here, on 2 cores shared with the rest of
                // the suite, the bounds only catch a regression to the seeds' 30 s pool wait or to a
                // recovery that waits for the pool's own retries.
                assertTrue(maxOutageMs < 20_000, "503 well before the 30 s pool timeout, was " + maxOutageMs + " ms");
                assertTrue(secondsToOk < 20, "2xx soon after the restart, was " + secondsToOk + " s");
                List<ConcurrentLoad.Sample> after = all.stream().filter(s -> s.startNanos() >= firstOk).toList();
                assertTrue(after.stream().allMatch(ConcurrentLoad.Sample::ok), "only 2xx once it has recovered: "
                        + after.stream().filter(s -> !s.ok()).map(ConcurrentLoad.Sample::status).toList());
            }
        } finally {
            pg.close();
            deleteRecursively(dir.getParent());
        }
    }

    private static void exec(TestPostgres.Database db, String sql) throws Exception {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void deleteRecursively(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
