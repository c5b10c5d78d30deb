package cz.mluv.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cz.mluv.api.testing.ApiServers;
import cz.mluv.api.testing.CountedHttp;
import cz.mluv.api.testing.CountedHttp.Reply;
import cz.mluv.db.testing.DemoDatabase;
import cz.mluv.migrations.testing.TestPostgres;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A user's rank with neighbours and pages past the top, over HTTP on the demo database (read
 * only): ranks equal {@code rank()} over the base tables, one SQL statement per request, bad input
 * 400 naming the parameter, an unknown user 404, a stale cursor 409.
 */
class LeaderboardRankApiTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** Ground truth by stars from the base tables: listing order (stars desc, user id) with rank(). */
    private static final String TRUTH = """
            SELECT u.telegram_id, coalesce(s.total, 0) AS score, rank() OVER (ORDER BY coalesce(s.total, 0) DESC) AS rank
            FROM users u LEFT JOIN user_stars s ON s.user_id = u.id
            ORDER BY coalesce(s.total, 0) DESC, u.id""";
    private static CountedHttp http;
    private static TestPostgres.Database db;
    private static EmbeddedServer server;
    private static List<long[]> truth;

    @BeforeAll
    static void start() throws SQLException {
        db = DemoDatabase.get();
        server = ApiServers.start(db, 5, Map.of());
        http = new CountedHttp(server);
        truth = rows(TRUTH);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Reply get(String path) throws IOException, InterruptedException {
        return http.get(path);
    }

    private static JsonNode ok(String path) throws IOException, InterruptedException {
        return http.ok(path).body();
    }

    private static List<Long> ids(JsonNode entries) {
        List<Long> out = new ArrayList<>();
        entries.values().forEach(e -> out.add(e.get("telegramId").getLongValue()));
        return out;
    }

    private static List<Long> truthIds(int from, int to) {
        return truth.subList(Math.max(0, from), Math.min(truth.size(), to)).stream().map(r -> r[0]).toList();
    }

    @ParameterizedTest(name = "the user listed at {0}")
    @ValueSource(strings = {"first", "middle", "last"})
    void aUsersRankScoreAndNeighboursEqualRankOverTheBaseTables(String where) throws Exception {
        int p = switch (where) {
            case "first" -> 0;
            case "middle" -> truth.size() / 2;
            default -> truth.size() - 1;
        };
        long[] expected = truth.get(p);
        JsonNode body = ok("/api/v1/leaderboard/users/" + expected[0] + "?metric=total_stars&around=4");
        assertEquals("total_stars", body.get("metric").getStringValue());
        assertEquals(truth.size(), body.get("rankedUsers").getLongValue());
        JsonNode user = body.get("user");
        assertEquals(expected[0], user.get("telegramId").getLongValue());
        assertEquals(expected[1], user.get("score").getLongValue());
        assertEquals(expected[2], user.get("rank").getLongValue());
        assertEquals(p + 1, user.get("position").getLongValue());
        assertEquals(truthIds(p - 4, p), ids(body.get("above")));
        assertEquals(truthIds(p + 1, p + 5), ids(body.get("below")));
        for (JsonNode n : List.of(body.get("above"), body.get("below"))) {
            n.values().forEach(e -> assertEquals(truth.get((int) e.get("position").getLongValue() - 1)[2], e.get("rank").getLongValue()));
        }
    }

    @Test
    void theTopListAndItsNextPagesCarryTheSameRanksAsTheBaseTables() throws Exception {
        JsonNode first = ok("/api/v1/leaderboard?metric=total_stars&limit=50");
        assertEquals(truth.size(), first.get("rankedUsers").getLongValue());
        assertEquals(truthIds(0, 50), ids(first.get("entries")));
        String after = first.get("nextAfter").getStringValue();
        long[] fiftieth = truth.get(49);
        assertEquals(fiftieth[1] + ":" + fiftieth[0], after);

        JsonNode second = ok("/api/v1/leaderboard?metric=total_stars&limit=50&after=" + after);
        assertEquals(truthIds(50, 100), ids(second.get("entries")));
        for (JsonNode e : second.get("entries").values()) {
            assertEquals(truth.get((int) e.get("position").getLongValue() - 1)[2], e.get("rank").getLongValue());
        }

        long[] beforeLast = truth.get(truth.size() - 3);
        JsonNode last = ok("/api/v1/leaderboard?metric=total_stars&limit=50&after=" + beforeLast[1] + ":" + beforeLast[0]);
        assertEquals(truthIds(truth.size() - 2, truth.size()), ids(last.get("entries")));
        assertNull(last.get("nextAfter"), "the last page has no next cursor");
    }

    @Test
    void anUnknownUserGets404ProblemJsonFromTheSameSingleStatement() throws Exception {
        Reply r = get("/api/v1/leaderboard/users/1?metric=max_streak");
        assertEquals(404, r.status());
        assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType());
        assertTrue(r.body().get("detail").getStringValue().contains("no ranked user with telegram id 1"), String.valueOf(r.body().getValue()));
        assertEquals(1, r.statements());
    }

    @Test
    void aCursorTheRankingNoLongerMatchesGets409NamingAfter() throws Exception {
        long[] top = truth.getFirst();
        Reply r = get("/api/v1/leaderboard?metric=total_stars&after=" + (top[1] + 1) + ":" + top[0]);
        assertEquals(409, r.status(), () -> String.valueOf(r.body()));
        assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType());
        assertEquals("after", r.body().get("parameter").getStringValue());
        assertEquals("https://mluv.cz/problems/stale-cursor", r.body().get("type").getStringValue());
        assertEquals(1, r.statements());
    }

    @ParameterizedTest(name = "{0} -> 400 naming {1}")
    @CsvSource({
            "/api/v1/leaderboard?after=abc, after",
            "/api/v1/leaderboard?after=12, after",
            "/api/v1/leaderboard?after=5:200000000&limit=0, limit",
            "/api/v1/leaderboard/users/200000000?metric=karma, metric",
            "/api/v1/leaderboard/users/200000000?around=51, around",
            "/api/v1/leaderboard/users/200000000?around=-1, around",
            "/api/v1/leaderboard/users/abc, telegramId",
    })
    void badInputGets400ProblemJsonNamingTheParameter(String path, String parameter) throws Exception {
        Reply r = get(path);
        assertEquals(400, r.status(), () -> path + " -> " + r.body());
        assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType());
        assertEquals(parameter, r.body().get("parameter").getStringValue(), String.valueOf(r.body().getValue()));
        assertEquals(0, r.statements(), "rejected before any SQL");
    }

    @Test
    void theOpenApiDocumentDescribesTheRankLookupAndTheCursor() throws Exception {
        HttpResponse<String> doc = HTTP.send(HttpRequest.newBuilder(URI.create(server.getURL() + "/openapi/mluv-api-1.yml")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, doc.statusCode());
        assertTrue(doc.body().contains("/api/v1/leaderboard/users/{telegramId}"), doc.body());
        assertTrue(doc.body().contains("name: around"), doc.body());
        assertTrue(doc.body().contains("name: after"), doc.body());
        assertTrue(doc.body().contains("\"409\""), doc.body());
    }

    private static List<long[]> rows(String sql) throws SQLException {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            List<long[]> out = new ArrayList<>();
            while (rs.next()) {
                out.add(new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)});
            }
            return out;
        }
    }
}
