package cz.mluv.api.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cz.mluv.db.testing.StatementCounter;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * GETs against a test API server that also count the SQL statements each request issued
 * ({@link StatementCounter}, through the datasource proxy of the test contexts).
 */
public final class CountedHttp {

    /**
     * One answer.
     *
     * @param status      HTTP status
     * @param contentType the Content-Type header, empty when none
     * @param body        the JSON body, {@code null} when empty
     * @param statements  SQL statements the request issued
     */
    public record Reply(int status, String contentType, JsonNode body, int statements) {
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final EmbeddedServer server;
    private final JsonMapper json;

    /** @param server the running API */
    public CountedHttp(EmbeddedServer server) {
        this.server = server;
        this.json = server.getApplicationContext().getBean(JsonMapper.class);
    }

    /**
     * @param path e.g. {@code /api/v1/leaderboard?limit=3}
     * @return the answer with its statement count
     * @throws IOException          when the request fails
     * @throws InterruptedException when interrupted
     */
    public Reply get(String path) throws IOException, InterruptedException {
        StatementCounter.reset();
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.getURL() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return new Reply(r.statusCode(), r.headers().firstValue("content-type").orElse(""),
                r.body().isEmpty() ? null : json.readValue(r.body(), JsonNode.class), StatementCounter.statements().size());
    }

    /**
     * @param path a read's path
     * @return its 200 answer, asserted to have issued exactly one SQL statement
     * @throws IOException          when the request fails
     * @throws InterruptedException when interrupted
     */
    public Reply ok(String path) throws IOException, InterruptedException {
        Reply r = get(path);
        assertEquals(200, r.status(), () -> path + " -> " + r.body());
        assertEquals(1, r.statements(), () -> path + " must issue exactly one SQL statement");
        return r;
    }
}
