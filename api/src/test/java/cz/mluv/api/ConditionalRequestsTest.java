package cz.mluv.api;

import static cz.mluv.db.refresh.RefreshTestDatabase.exec;
import static cz.mluv.db.refresh.RefreshTestDatabase.number;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cz.mluv.api.caching.RefreshListener;
import cz.mluv.api.testing.ApiServers;
import cz.mluv.db.refresh.RefreshTestDatabase;
import cz.mluv.db.refresh.ViewRefresher;
import cz.mluv.db.testing.StatementCounter;
import cz.mluv.migrations.testing.TestPostgres;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * ETag, Cache-Control, 304 and the cache of the view-backed reads, on two API instances side by
 * side on one database of their own: a refresh is heard by both through LISTEN/NOTIFY (their
 * polling of the refresh log is set to an hour, so only the notification can tell them), after
 * which neither serves the old answer nor answers the old tag 304; base-table reads stay
 * uncached, one statement each.
 */
class ConditionalRequestsTest {

    private static final String TOP = "/api/v1/leaderboard?metric=total_stars&limit=5";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static TestPostgres.Database db;
    private static EmbeddedServer a;
    private static EmbeddedServer b;

    @BeforeAll
    static void start() {
        db = RefreshTestDatabase.create("api_cache");
        Map<String, Object> noPolling = Map.of("mluv.api.cache.poll", "1h");
        a = ApiServers.start(db, 3, noPolling);
        b = ApiServers.start(db, 3, noPolling);
    }

    @AfterAll
    static void stop() {
        a.close();
        b.close();
    }

    /** One answer with the headers that matter here and the statements it issued. */
    record Answer(int status, String etag, String cacheControl, String body, int statements) {
    }

    static Answer get(EmbeddedServer server, String path, String ifNoneMatch) throws IOException, InterruptedException {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(server.getURL() + path)).GET();
        if (ifNoneMatch != null) {
            r.header("If-None-Match", ifNoneMatch);
        }
        StatementCounter.reset();
        HttpResponse<String> response = HTTP.send(r.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.headers().firstValue("ETag").orElse(null),
                response.headers().firstValue("Cache-Control").orElse(null), response.body(), StatementCounter.statements().size());
    }

    static Answer get(EmbeddedServer server, String path) throws IOException, InterruptedException {
        return get(server, path, null);
    }

    /** Waits until both instances know a generation (the listener has read the log). */
    static Answer tagged(EmbeddedServer server, String path) {
        Answer[] last = new Answer[1];
        RefreshTestDatabase.await("a tagged answer of " + path, Duration.ofSeconds(10), () -> {
            try {
                last[0] = get(server, path);
                return last[0].etag() != null;
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        return last[0];
    }

    private static void refresh() throws SQLException {
        try (Connection c = db.connect()) {
            ViewRefresher.refresh(c, "user_stats_summary", ViewRefresher.Mode.AUTO, "conditional-requests-test");
        }
    }

    @Test
    void aTaggedAnswerIsRevalidatedTo304AndServedAgainWithoutTheDatabase() throws Exception {
        Answer first = tagged(a, TOP);
        assertEquals(200, first.status());
        assertTrue(first.cacheControl().matches("max-age=\\d+"), first.cacheControl());
        assertTrue(Long.parseLong(first.cacheControl().substring(8)) <= 3600, "at most until the next hourly refresh");

        Answer revalidated = get(a, TOP, first.etag());
        assertEquals(304, revalidated.status());
        assertEquals(first.etag(), revalidated.etag());
        assertEquals("", revalidated.body());
        assertEquals(0, revalidated.statements(), "a 304 touches no database");

        Answer again = get(a, TOP);
        assertEquals(200, again.status());
        assertEquals(first.body(), again.body());
        assertEquals(0, again.statements(), "the rendered answer comes from the cache");

        Answer weakList = get(a, TOP, "\"other\", W/" + first.etag());
        assertEquals(304, weakList.status(), "If-None-Match compares weakly and takes a list");

        Answer otherInstance = get(b, TOP, first.etag());
        assertEquals(304, otherInstance.status(), "the tag depends on the generation and the request only, not on the instance");
        assertEquals(0, otherInstance.statements());
    }

    @Test
    void bothInstancesHearARefreshWithinASecondAndNeverServeTheOldAnswerAfterIt() throws Exception {
        Answer beforeA = tagged(a, TOP);
        Answer beforeB = tagged(b, TOP);
        assertEquals(beforeA.etag(), beforeB.etag());
        assertEquals(beforeA.body(), beforeB.body());

        long last = number(db, "SELECT u.telegram_id FROM users u JOIN user_stars s ON s.user_id = u.id ORDER BY s.total, u.id LIMIT 1");
        exec(db, "UPDATE user_stars SET total = (SELECT max(total) FROM user_stars) + 1000 "
                + "WHERE user_id = (SELECT id FROM users WHERE telegram_id = " + last + ")");
        Answer stillOld = get(a, TOP);
        assertEquals(beforeA.body(), stillOld.body(), "new data is not in the view before its refresh");

        refresh();
        long refreshed = System.nanoTime();
        List<Long> heardAfterMs = new ArrayList<>();
        for (EmbeddedServer server : List.of(a, b)) {
            RefreshTestDatabase.await("a new tag on " + server.getURL(), Duration.ofSeconds(5), () -> {
                try {
                    return !beforeA.etag().equals(get(server, TOP).etag());
                } catch (IOException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            heardAfterMs.add((System.nanoTime() - refreshed) / 1_000_000);
        }
        assertTrue(heardAfterMs.stream().allMatch(ms -> ms < 1_000), "both instances hear the refresh within a second: " + heardAfterMs);

        for (EmbeddedServer server : List.of(a, b)) {
            Answer now = get(server, TOP, beforeA.etag());
            assertEquals(200, now.status(), "the old tag is never answered 304 once the content changed");
            assertNotEquals(beforeA.body(), now.body());
            assertTrue(now.body().contains("\"telegramId\":" + last), "the boosted user leads now: " + now.body());
            assertEquals(now.body(), get(server, TOP).body(), "the cached answer is the new one");
            assertNotNull(now.etag());
            assertNotEquals(beforeA.etag(), now.etag());
        }
    }

    @Test
    void everyViewBackedReadIsTaggedAndEachRequestGetsItsOwnTag() throws Exception {
        long user = number(db, "SELECT telegram_id FROM user_stats_summary ORDER BY user_id LIMIT 1");
        Answer top = tagged(a, TOP);
        Answer rank = tagged(a, "/api/v1/leaderboard/users/" + user + "?metric=total_stars&around=2");
        Answer otherMetric = tagged(a, "/api/v1/leaderboard?metric=max_streak&limit=5");
        assertEquals(3, List.of(top.etag(), rank.etag(), otherMetric.etag()).stream().distinct().count());
        assertEquals(304, get(a, "/api/v1/leaderboard/users/" + user + "?metric=total_stars&around=2", rank.etag()).status());
        assertEquals(200, get(a, "/api/v1/leaderboard/users/" + user + "?metric=total_stars&around=3", rank.etag()).status(),
                "another request's tag does not match");

        Answer active = tagged(a, "/api/v1/users/active?days=365&limit=5");
        assertEquals(200, active.status());
        assertTrue(active.etag().matches("\"[0-9a-z.]+-[0-9a-f]+-[0-9a-z]+\""), "active users' tag carries until when the answer holds: " + active.etag());
        Answer activeAgain = get(a, "/api/v1/users/active?days=365&limit=5", active.etag());
        assertEquals(304, activeAgain.status());
        assertEquals(0, activeAgain.statements());
    }

    @Test
    void errorsAndBaseTableReadsAreNeitherTaggedNorCached() throws Exception {
        tagged(a, TOP);
        Answer bad = get(a, "/api/v1/leaderboard?limit=500");
        assertEquals(400, bad.status());
        assertNull(bad.etag());
        assertNull(bad.cacheControl());
        assertEquals(404, get(a, "/api/v1/leaderboard/users/42?metric=total_stars").status());
        assertNull(get(a, "/api/v1/leaderboard/users/42?metric=total_stars").etag());

        long user = number(db, "SELECT telegram_id FROM users ORDER BY id LIMIT 1");
        for (String path : List.of("/api/v1/users/" + user + "?include=settings,stars",
                "/api/v1/users/" + user + "/messages?limit=5", "/api/v1/users/" + user + "/words/due?limit=5")) {
            for (int i = 0; i < 2; i++) {
                Answer r = get(a, path, "*");
                assertEquals(200, r.status(), path);
                assertNull(r.etag(), path);
                assertNull(r.cacheControl(), path);
                assertEquals(1, r.statements(), path + ": one statement per request, every time");
            }
        }
    }

    @Test
    void aRefreshWithoutNotificationIsFoundByPollingTheLog() throws Exception {
        EmbeddedServer polling = ApiServers.start(db, 2, Map.of("mluv.api.cache.poll", "200ms"));
        try {
            Answer before = tagged(polling, TOP);
            // as migrations V3 and V7 record their refresh: a SUCCESS row, no notification
            exec(db, """
                    INSERT INTO mv_refresh_log (view_name, mode, started_at, finished_at, duration_ms, row_count, outcome, worker)
                    VALUES ('user_stats_summary', 'PLAIN', clock_timestamp(), clock_timestamp(), 0, 0, 'SUCCESS', 'migration test')""");
            RefreshTestDatabase.await("a new tag found by polling", Duration.ofSeconds(5), () -> {
                try {
                    return !before.etag().equals(get(polling, TOP).etag());
                } catch (IOException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
        } finally {
            polling.close();
        }
    }

    @Test
    void withoutItsListeningConnectionAnInstanceAnswersUncachedUntilItReconnects() throws Exception {
        EmbeddedServer server = ApiServers.start(db, 2, Map.of("mluv.api.cache.poll", "1h", "mluv.api.cache.reconnect-delay", "3s"));
        try {
            RefreshListener listener = server.getApplicationContext().getBean(RefreshListener.class);
            Answer before = tagged(server, TOP);
            exec(db, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    + "WHERE application_name = 'mluv-api refresh listener' AND datname = current_database()");
            RefreshTestDatabase.await("the listener notices its connection is gone", Duration.ofSeconds(5), () -> !listener.listening());
            Answer blind = get(server, TOP);
            assertEquals(200, blind.status());
            assertNull(blind.etag(), "not listening: no tag, no 304, no cached answer");
            assertEquals(1, blind.statements(), "answered from the database");
            assertEquals(before.body(), blind.body());

            Answer back = tagged(server, TOP);
            assertTrue(listener.listening());
            assertEquals(before.etag(), back.etag(), "nothing was refreshed meanwhile");

            refresh();
            RefreshTestDatabase.await("the reconnected listener hears the next refresh", Duration.ofSeconds(5), () -> {
                try {
                    return !before.etag().equals(get(server, TOP).etag());
                } catch (IOException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
        } finally {
            server.close();
        }
    }
}
