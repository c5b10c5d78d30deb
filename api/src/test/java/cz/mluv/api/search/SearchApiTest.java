package cz.mluv.api.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cz.mluv.api.testing.ApiServers;
import cz.mluv.api.testing.CountedHttp;
import cz.mluv.api.testing.CountedHttp.Reply;
import cz.mluv.db.testing.DemoDatabase;
import cz.mluv.migrations.testing.TestPostgres;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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

/**
 * {@code GET /api/v1/messages/search} on the demo database: the hits of both orders against SQL
 * written here, with their snippets, matched words and ranks, the parsed query, the cursor, one
 * statement per request, and 400 naming the parameter for a query without words and for the new
 * parameters' bad values.
 */
class SearchApiTest {

    private static CountedHttp http;
    private static TestPostgres.Database db;
    private static EmbeddedServer server;

    @BeforeAll
    static void start() {
        db = DemoDatabase.get();
        server = ApiServers.start(db, 5, Map.of());
        http = new CountedHttp(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String search(String q, String rest) {
        return "/api/v1/messages/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8) + rest;
    }

    @Test
    void newestFirstHitsCarryASnippetTheMatchedWordsAndTheParsedQueryInOneStatement() throws Exception {
        Reply r = http.ok(search("knedlíky", "&limit=10"));
        assertEquals(1, r.statements());
        JsonNode body = r.body();
        assertEquals("knedlíky", body.get("query").getStringValue());
        assertEquals("'knedliky'", body.get("parsedQuery").getStringValue());
        assertEquals("newest", body.get("order").getStringValue());
        JsonNode hits = body.get("hits");
        List<Long> expected = longs("""
                SELECT id FROM messages WHERE to_tsvector('czech', text) @@ websearch_to_tsquery('czech', 'knedlíky')
                ORDER BY created_at DESC, id DESC LIMIT 10""");
        assertEquals(expected, ids(hits));
        assertEquals(expected.getLast(), body.get("nextBefore").getLongValue());
        for (JsonNode h : hits.values()) {
            String snippet = h.get("snippet").getStringValue();
            assertTrue(snippet.contains("«knedlíky»") || snippet.contains("«Knedlíky»") || snippet.contains("«knedliky»"), snippet);
            assertEquals(List.of("knedliky"), strings(h.get("matchedWords")), String.valueOf(h.getValue()));
            assertTrue(h.get("rank").getDoubleValue() > 0, String.valueOf(h.getValue()));
        }
    }

    @Test
    void theNextPageStartsAfterNextBefore() throws Exception {
        JsonNode first = http.ok(search("pivo", "&limit=5")).body();
        JsonNode second = http.ok(search("pivo", "&limit=5&before=" + first.get("nextBefore").getLongValue())).body();
        List<Long> expected = longs("""
                SELECT id FROM messages WHERE to_tsvector('czech', text) @@ websearch_to_tsquery('czech', 'pivo')
                ORDER BY created_at DESC, id DESC OFFSET 5 LIMIT 5""");
        assertEquals(expected, ids(second.get("hits")));
    }

    @Test
    void twoWordsMatchBothAndAnAbsentWordAnswersAnEmptyLastPage() throws Exception {
        JsonNode two = http.ok(search("spravne pivo", "&limit=3")).body();
        assertEquals("'spravne' & 'pivo'", two.get("parsedQuery").getStringValue());
        for (JsonNode h : two.get("hits").values()) {
            assertEquals(List.of("pivo", "spravne"), strings(h.get("matchedWords")));
        }
        Reply none = http.ok(search("xylofon", ""));
        assertEquals(1, none.statements());
        assertEquals(0, none.body().get("hits").size());
        assertEquals("'xylofon'", none.body().get("parsedQuery").getStringValue());
        assertNull(none.body().get("nextBefore"));
    }

    @Test
    void relevanceRanksTheNewestHundredMatchesBestFirst() throws Exception {
        Reply r = http.ok(search("pivo or knedliky", "&order=relevance&limit=10"));
        assertEquals(1, r.statements());
        assertEquals("relevance", r.body().get("order").getStringValue());
        assertNull(r.body().get("nextBefore"));
        List<Long> expected = longs("""
                SELECT id FROM (SELECT id, created_at, round(CAST(ts_rank_cd(to_tsvector('czech', text), q) AS numeric), 6) AS rank
                                FROM messages, websearch_to_tsquery('czech', 'pivo or knedliky') q
                                WHERE to_tsvector('czech', text) @@ q
                                ORDER BY created_at DESC, id DESC LIMIT 100) c
                ORDER BY rank DESC, created_at DESC, id DESC LIMIT 10""");
        JsonNode hits = r.body().get("hits");
        assertEquals(expected, ids(hits));
        for (int i = 1; i < hits.size(); i++) {
            assertTrue(hits.get(i).get("rank").getDoubleValue() <= hits.get(i - 1).get("rank").getDoubleValue());
        }
    }

    @ParameterizedTest(name = "{0} -> 400 naming {1}")
    @CsvSource(delimiter = '|', value = {
            "/api/v1/messages/search?q=%22%22%20or%20-         | q",
            "/api/v1/messages/search?q=%21%21%20%26%20%7C      | q",
            "/api/v1/messages/search?q=pivo&order=oldest       | order",
            "/api/v1/messages/search?q=pivo&order=relevance&before=5 | before",
    })
    void aQueryWithoutWordsAndBadOrderOrCursorAre400NamingTheParameter(String path, String parameter) throws Exception {
        Reply r = http.get(path);
        assertEquals(400, r.status(), () -> path + " -> " + r.body());
        assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType());
        assertEquals(parameter, r.body().get("parameter").getStringValue(), String.valueOf(r.body().getValue()));
        assertFalse(r.body().get("detail").getStringValue().contains("tsquery"), String.valueOf(r.body().getValue()));
    }

    private static List<Long> ids(JsonNode hits) {
        List<Long> out = new ArrayList<>();
        hits.values().forEach(h -> out.add(h.get("id").getLongValue()));
        return out;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.values().forEach(v -> out.add(v.getStringValue()));
        return out;
    }

    private static List<Long> longs(String sql) throws SQLException {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            List<Long> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getLong(1));
            }
            return out;
        }
    }

}
