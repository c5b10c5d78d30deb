package cz.mluv.api.routing;

import static cz.mluv.db.testing.ReplicatedDatabase.calls;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cz.mluv.api.testing.ApiServers;
import cz.mluv.api.testing.ConcurrentLoad;
import cz.mluv.db.demodata.DemoDataGenerator;
import cz.mluv.db.refresh.ViewRefresher;
import cz.mluv.db.replica.ReplicaStatus;
import cz.mluv.db.testing.ReplicatedDatabase;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The API on a real primary and a real streaming hot standby ({@link ReplicatedDatabase}): reads
 * marked {@code @ReplicaRead} land on the standby (its own pg_stat_statements counts them), reads
 * marked {@code @PrimaryRead} on the primary; a standby whose replay is paused past the lag limit is
 * skipped until it catches up; a standby stopped under load costs no request.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReplicaReadRoutingTest {

    /** The lag limit of this API: 1 s, so that a paused replay passes it quickly. */
    static final long MAX_LAG_MS = 1_000;
    static final String LEADERBOARD_SQL = "FROM user_stats_summary";
    static final String PROFILE_SQL = "LEFT JOIN user_settings s ON";

    final ReplicatedDatabase pair = ReplicatedDatabase.get();
    final HttpClient http = HttpClient.newHttpClient();
    EmbeddedServer server;

    @BeforeAll
    void startApi() {
        // The answer cache off: every leaderboard request reads, and untagged reads follow @ReplicaRead.
        server = ApiServers.start(pair.primary(), 10, Map.of(
                "mluv.api.cache.enabled", false,
                "mluv.replicas.urls", pair.replica().jdbcUrl(),
                "mluv.replicas.max-lag-ms", MAX_LAG_MS,
                "mluv.replicas.pool-max", 10));
    }

    @AfterAll
    void stopApi() {
        server.close();
        http.close();
    }

    @AfterEach
    void restorePair() {
        pair.restore();
        awaitReplica(s -> s.state().equals("UP"));
    }

    @Test
    void leaderboardReadsLandOnTheReplicaAndProfileReadsOnThePrimary() throws Exception {
        long replicaBoards = calls(pair.replica(), LEADERBOARD_SQL);
        long primaryBoards = calls(pair.primary(), LEADERBOARD_SQL);
        long replicaProfiles = calls(pair.replica(), PROFILE_SQL);
        long primaryProfiles = calls(pair.primary(), PROFILE_SQL);

        for (int i = 0; i < 20; i++) {
            assertEquals(200, get("/api/v1/leaderboard?metric=total_stars&limit=10"));
        }
        for (int i = 0; i < 5; i++) {
            assertEquals(200, get("/api/v1/users/" + (DemoDataGenerator.FIRST_TELEGRAM_ID + 1 + i) + "?include=settings,stars"));
        }

        assertEquals(20, calls(pair.replica(), LEADERBOARD_SQL) - replicaBoards, "leaderboard reads counted by the replica");
        assertEquals(0, calls(pair.primary(), LEADERBOARD_SQL) - primaryBoards, "no leaderboard read on the primary");
        assertEquals(5, calls(pair.primary(), PROFILE_SQL) - primaryProfiles, "profile reads (@PrimaryRead) on the primary");
        assertEquals(0, calls(pair.replica(), PROFILE_SQL) - replicaProfiles, "no profile read on the replica");
        assertTrue(replica().readsServed() >= 20, "the monitor counts them: " + replica());
    }

    @Test
    void aTaggedAnswerIsReadOnThePrimaryWhereItsGenerationIsKnownToBeApplied() throws Exception {
        // With the answer cache on, a leaderboard answer carries the refresh generation heard from the
        // primary; a replica that had not replayed that refresh would put old rows under the new tag.
        try (EmbeddedServer cached = ApiServers.start(pair.primary(), 10, Map.of(
                "mluv.replicas.urls", pair.replica().jdbcUrl(),
                "mluv.replicas.max-lag-ms", MAX_LAG_MS,
                "mluv.replicas.pool-max", 10))) {
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (http.send(HttpRequest.newBuilder(URI.create(cached.getURL() + "/api/v1/leaderboard?metric=max_streak&limit=50")).build(),
                    HttpResponse.BodyHandlers.discarding()).headers().firstValue("ETag").isEmpty()) {
                assertTrue(System.nanoTime() < deadline, "the API never learnt the view's generation");
                Thread.sleep(100);
            }
            long replicaBoards = calls(pair.replica(), LEADERBOARD_SQL);
            long primaryBoards = calls(pair.primary(), LEADERBOARD_SQL);
            for (int limit = 1; limit <= 5; limit++) {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(cached.getURL() + "/api/v1/leaderboard?metric=total_stars&limit=" + limit))
                        .build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, r.statusCode(), r::body);
                assertTrue(r.headers().firstValue("ETag").isPresent(), "tagged: " + r.headers());
            }
            assertEquals(5, calls(pair.primary(), LEADERBOARD_SQL) - primaryBoards, "tagged reads on the primary");
            assertEquals(0, calls(pair.replica(), LEADERBOARD_SQL) - replicaBoards, "no tagged read on the replica");
        }
    }

    @Test
    void replayPausedPastTheLagLimitSendsReadsToThePrimaryAndBackAfterResume() throws Exception {
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
            ReplicaStatus lagging = awaitReplica(s -> s.state().equals("LAGGING"));
            assertTrue(lagging.lagMs() > MAX_LAG_MS && lagging.replayPaused(), "lag past the limit: " + lagging);

            long replicaBoards = calls(pair.replica(), LEADERBOARD_SQL);
            long primaryBoards = calls(pair.primary(), LEADERBOARD_SQL);
            for (int i = 0; i < 10; i++) {
                assertEquals(200, get("/api/v1/leaderboard?metric=max_streak&limit=5"));
            }
            assertEquals(10, calls(pair.primary(), LEADERBOARD_SQL) - primaryBoards, "served by the primary while the replica lags");
            assertEquals(0, calls(pair.replica(), LEADERBOARD_SQL) - replicaBoards, "the lagging replica served none");

            pair.resumeReplay();
            ReplicaStatus up = awaitReplica(s -> s.state().equals("UP"));
            assertTrue(up.lagMs() <= MAX_LAG_MS, "caught up: " + up);
            long replicaAfter = calls(pair.replica(), LEADERBOARD_SQL);
            for (int i = 0; i < 10; i++) {
                assertEquals(200, get("/api/v1/leaderboard?metric=max_streak&limit=5"));
            }
            assertEquals(10, calls(pair.replica(), LEADERBOARD_SQL) - replicaAfter, "back on the replica after resume");
        } finally {
            writing.set(false);
            writer.join();
        }
    }

    @Test
    void stoppingTheReplicaUnderLoadFailsNoRequest() throws Exception {
        long t = DemoDataGenerator.FIRST_TELEGRAM_ID;
        List<String> targets = List.of(
                "/api/v1/leaderboard?metric=total_stars&limit=10",
                "/api/v1/leaderboard/users/" + (t + 7) + "?metric=total_messages&around=3",
                "/api/v1/users/" + (t + 3) + "/stats",
                "/api/v1/messages/search?q=pivo&limit=10",
                "/api/v1/users/active?days=7&limit=20",
                "/api/v1/users/" + (t + 4) + "?include=settings,stars");
        List<ConcurrentLoad.Sample> samples;
        try (ConcurrentLoad load = new ConcurrentLoad(server.getURL(), 16, targets)) {
            Thread.sleep(2_000);
            pair.standby().stop();
            Thread.sleep(3_000);
            samples = load.samples();
        }
        long stoppedAt = samples.size();
        long non2xx = samples.stream().filter(s -> !s.ok()).count();
        System.out.printf("replica stopped under 16 clients: %d requests, %d non-2xx, p99 %.1f ms, max %.1f ms%n",
                stoppedAt, non2xx, ConcurrentLoad.percentile(samples, 99), ConcurrentLoad.percentile(samples, 100));
        assertTrue(samples.size() > 200, "the load ran: " + samples.size());
        assertEquals(0, non2xx, () -> "statuses: " + samples.stream().filter(s -> !s.ok())
                .collect(Collectors.groupingBy(s -> s.status() + " " + s.target(), Collectors.counting())));
        assertEquals("DOWN", replica().state(), "the monitor saw it go");

        long primaryBoards = calls(pair.primary(), LEADERBOARD_SQL);
        assertEquals(200, get("/api/v1/leaderboard?metric=total_stars&limit=10"));
        assertEquals(1, calls(pair.primary(), LEADERBOARD_SQL) - primaryBoards, "served by the primary while it is down");
    }

    @Test
    void aRefreshOnThePrimaryReachesTheReplicasLeaderboardAfterReplay() throws Exception {
        long telegramId = DemoDataGenerator.FIRST_TELEGRAM_ID + 1_234;
        try (Connection c = pair.primary().connect()) {
            c.createStatement().execute("UPDATE user_stars SET total = total + 10000000 WHERE user_id = "
                    + "(SELECT id FROM users WHERE telegram_id = " + telegramId + ")");
            ViewRefresher.refresh(c, "user_stats_summary", ViewRefresher.Mode.CONCURRENTLY, "replica-test");
        }
        pair.awaitReplay();
        awaitReplica(s -> s.state().equals("UP"));

        long replicaBoards = calls(pair.replica(), LEADERBOARD_SQL);
        String body = body("/api/v1/leaderboard?metric=total_stars&limit=1");
        assertTrue(body.contains("\"telegramId\":" + telegramId), "the refreshed top user, read from the replica: " + body);
        assertEquals(1, calls(pair.replica(), LEADERBOARD_SQL) - replicaBoards, "served by the replica");
    }

    private ReplicaStatus replica() {
        return server.getApplicationContext().getBean(ReadRoutingSetup.class).replicas().getFirst();
    }

    private ReplicaStatus awaitReplica(Predicate<ReplicaStatus> condition) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (true) {
            ReplicaStatus s = replica();
            if (condition.test(s)) {
                return s;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("replica never reached the expected state: " + s);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private int get(String target) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.getURL() + target)).GET().build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private String body(String target) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.getURL() + target)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return r.body();
    }
}
