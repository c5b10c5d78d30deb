package cz.mluv.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cz.mluv.api.testing.ApiServers;
import cz.mluv.api.testing.CountedHttp;
import cz.mluv.api.testing.CountedHttp.Reply;
import cz.mluv.db.testing.DemoDatabase;
import cz.mluv.migrations.testing.TestPostgres;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import io.micronaut.json.tree.JsonNode;

/**
 * The HTTP API on the demo database: results match direct SQL, every endpoint issues one SQL
 * statement, bad input gets 400 problem+json naming the parameter, an unknown user 404.
 */
class ApiTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static CountedHttp http;
    private static TestPostgres.Database db;
    private static EmbeddedServer server;
    private static long busiest;

    @BeforeAll
    static void start() throws SQLException {
        db = DemoDatabase.get();
        server = ApiServers.start(db, 5, Map.of());
        http = new CountedHttp(server);
        busiest = longs("SELECT telegram_id FROM user_stats_summary ORDER BY total_messages DESC, user_id LIMIT 1").getFirst();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Reply get(String path) throws IOException, InterruptedException {
        return http.get(path);
    }

    private static Reply ok(String path) throws IOException, InterruptedException {
        return http.ok(path);
    }

    @Test
    void leaderboardReturnsTenUsersOrderedByStarsMatchingADirectCount() throws Exception {
        JsonNode entries = ok("/api/v1/leaderboard?metric=total_stars&limit=10").body().get("entries");
        assertEquals(10, entries.size());
        List<Long> expected = longs("""
                SELECT u.telegram_id FROM users u JOIN user_stars s ON s.user_id = u.id ORDER BY s.total DESC, u.id LIMIT 10""");
        List<Long> got = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            JsonNode e = entries.get(i);
            assertEquals(i + 1, e.get("rank").getIntValue());
            got.add(e.get("telegramId").getLongValue());
            assertEquals(longs("SELECT sum(stars_earned) FROM daily_stats d JOIN users u ON u.id = d.user_id WHERE u.telegram_id = "
                    + e.get("telegramId").getLongValue()).getFirst(), e.get("score").getLongValue());
        }
        assertEquals(expected, got);
    }

    @Test
    void activeUsersEndpointListsRecentlyActiveUsers() throws Exception {
        JsonNode users = ok("/api/v1/users/active?days=7&limit=20").body();
        assertEquals(20, users.size());
        users.values().forEach(u -> assertTrue(u.get("messagesLast7Days").getLongValue() >= 0));
    }

    @Test
    void userWithAllIncludesComesInOneStatement() throws Exception {
        JsonNode u = ok("/api/v1/users/" + busiest + "?include=settings,recent_messages,stars&messages=5").body();
        assertEquals(busiest, u.get("telegramId").getLongValue());
        assertNotNull(u.get("settings"));
        assertNotNull(u.get("stars"));
        assertEquals(5, u.get("recentMessages").size());
        JsonNode plain = ok("/api/v1/users/" + busiest).body();
        assertEquals(null, plain.get("settings"));
        assertEquals(null, plain.get("recentMessages"));
    }

    @Test
    void messagesPageWithAKeysetCursor() throws Exception {
        JsonNode first = ok("/api/v1/users/" + busiest + "/messages?limit=10").body();
        assertEquals(10, first.get("messages").size());
        long cursor = first.get("nextBefore").getLongValue();
        assertEquals(first.get("messages").get(9).get("id").getLongValue(), cursor);
        JsonNode second = ok("/api/v1/users/" + busiest + "/messages?limit=10&before=" + cursor).body();
        assertEquals(10, second.get("messages").size());
        long userId = longs("SELECT id FROM users WHERE telegram_id = " + busiest).getFirst();
        List<Long> expected = longs("SELECT id FROM messages WHERE user_id = " + userId + " ORDER BY created_at DESC, id DESC OFFSET 10 LIMIT 10");
        List<Long> got = new ArrayList<>();
        second.get("messages").values().forEach(m -> got.add(m.get("id").getLongValue()));
        assertEquals(expected, got);
    }

    @Test
    void statsWordsAndCorrectnessAnswerForAKnownUser() throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        JsonNode stats = ok("/api/v1/users/" + busiest + "/stats?from=" + today.minusDays(60) + "&to=" + today).body();
        assertTrue(stats.size() > 0);
        ok("/api/v1/users/" + busiest + "/words/due?limit=10");
        JsonNode correctness = ok("/api/v1/users/" + busiest + "/correctness?from=" + today.minusDays(90)).body();
        assertTrue(correctness.size() > 0);
    }

    @Test
    void searchWithoutDiacriticsFindsKnedliky() throws Exception {
        JsonNode hits = ok("/api/v1/messages/search?q=" + URLEncoder.encode("knedliky", StandardCharsets.UTF_8) + "&limit=10").body().get("hits");
        assertEquals(10, hits.size());
        hits.values().forEach(h -> assertTrue(h.get("text").getStringValue().contains("knedlíky") || h.get("text").getStringValue().contains("knedliky"), String.valueOf(h.getValue())));
    }

    @ParameterizedTest(name = "{0} -> 400 naming {1}")
    @CsvSource({
            "/api/v1/leaderboard?metric=karma, metric",
            "/api/v1/leaderboard?limit=0, limit",
            "/api/v1/leaderboard?limit=1000, limit",
            "/api/v1/leaderboard?limit=ten, limit",
            "/api/v1/users/abc, telegramId",
            "/api/v1/users/200000000?include=friends, include",
            "/api/v1/users/200000000/stats?from=2026-13-01, from",
            "/api/v1/users/200000000/stats?from=2026-02-01&to=2026-01-01, to",
            "/api/v1/messages/search?q=%20, q",
            "/api/v1/messages/search, q",
            "/api/v1/users/active?days=0, days",
    })
    void badInputGets400ProblemJsonNamingTheParameter(String path, String parameter) throws Exception {
        Reply r = get(path);
        assertEquals(400, r.status(), () -> path + " -> " + r.body());
        assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType());
        assertEquals(400, r.body().get("status").getIntValue());
        assertEquals(parameter, r.body().get("parameter").getStringValue(), String.valueOf(r.body().getValue()));
        assertTrue(r.body().get("detail").getStringValue().contains(parameter), String.valueOf(r.body().getValue()));
    }

    @Test
    void unknownUserGets404ProblemJson() throws Exception {
        for (String path : List.of("/api/v1/users/1", "/api/v1/users/1/messages", "/api/v1/users/1/stats",
                "/api/v1/users/1/words/due", "/api/v1/users/1/correctness")) {
            Reply r = get(path);
            assertEquals(404, r.status(), path);
            assertTrue(r.contentType().startsWith("application/problem+json"));
            assertEquals(1, r.statements(), path + ": the 404 comes from the same single statement");
        }
    }

    @Test
    void openApiDocumentAndHealthAreServedHealthWithoutDetailsToAnonymousCallers() throws Exception {
        HttpResponse<String> doc = HTTP.send(HttpRequest.newBuilder(URI.create(server.getURL() + "/openapi/mluv-api-1.yml")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, doc.statusCode());
        assertTrue(doc.body().contains("/api/v1/leaderboard"));
        Reply health = get("/health");
        assertEquals(200, health.status());
        assertEquals("UP", health.body().get("status").getStringValue());
        assertEquals(null, health.body().get("details"), "anonymous callers see UP/DOWN only");
    }

    static List<Long> longs(String sql) throws SQLException {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            List<Long> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getLong(1));
            }
            return out;
        }
    }
}
