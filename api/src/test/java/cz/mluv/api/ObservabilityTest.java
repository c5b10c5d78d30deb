package cz.mluv.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import cz.mluv.api.requestid.RequestIds;
import cz.mluv.api.testing.ApiServers;
import cz.mluv.db.testing.DemoDatabase;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * What an operator and an integrator get besides the reads: the request id (accepted, generated,
 * echoed, in the request's log lines and problem bodies), the Prometheus endpoint, and Swagger UI
 * on the API's own OpenAPI document, served without a CDN.
 */
class ObservabilityTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static EmbeddedServer server;

    @BeforeAll
    static void start() {
        server = ApiServers.start(DemoDatabase.get(), 3, Map.of("mluv.test.failing-controller", "true"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<String> get(String path, String requestId) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(server.getURL() + path)).GET();
        if (requestId != null) {
            r.header("X-Request-Id", requestId);
        }
        return HTTP.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String requestId(HttpResponse<?> r) {
        return r.headers().firstValue("X-Request-Id").orElseThrow(() -> new AssertionError("no X-Request-Id in " + r.headers()));
    }

    @Test
    void aClientsRequestIdIsEchoedAndAnUnsafeOneReplaced() throws Exception {
        assertEquals("trace-4bf92f3577b34da6:a3ce929d0e0e4736", requestId(get("/api/v1/leaderboard?limit=1", "trace-4bf92f3577b34da6:a3ce929d0e0e4736")));
        String generated = requestId(get("/api/v1/leaderboard?limit=1", null));
        assertTrue(generated.matches("[0-9a-v]{10}-[0-9a-z]+"), generated);
        assertNotEquals(generated, requestId(get("/api/v1/leaderboard?limit=1", null)), "each request gets its own id");
        for (String unsafe : List.of("a b", "x\"y", "line%0Abreak", "é", "a".repeat(RequestIds.MAX_LENGTH + 1))) {
            String echoed = requestId(get("/api/v1/leaderboard?limit=1", unsafe));
            assertNotEquals(unsafe, echoed);
            assertTrue(echoed.matches("[0-9a-v]{10}-[0-9a-z]+"), unsafe + " -> " + echoed);
        }
        assertEquals("a".repeat(RequestIds.MAX_LENGTH), RequestIds.accept("a".repeat(RequestIds.MAX_LENGTH)));
    }

    @Test
    void theRequestIdIsInProblemBodiesAndInEveryLogLineOfTheRequest() throws Exception {
        HttpResponse<String> bad = get("/api/v1/leaderboard?limit=500", "client-call-1");
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("\"requestId\":\"client-call-1\""), bad.body());
        assertEquals(404, get("/api/v1/users/42", "client-call-2").statusCode());
        assertTrue(get("/api/v1/users/42", "client-call-2").body().contains("\"requestId\":\"client-call-2\""));

        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        root.addAppender(appender);
        HttpResponse<String> failed;
        try {
            failed = get("/test/fail/bug", "client-call-3");
        } finally {
            root.detachAppender(appender);
        }
        assertEquals(500, failed.statusCode());
        assertTrue(failed.body().contains("\"requestId\":\"client-call-3\""), failed.body());
        List<ILoggingEvent> lines = List.copyOf(appender.list).stream()
                .filter(e -> e.getFormattedMessage().contains("/test/fail/bug")).toList();
        assertTrue(!lines.isEmpty(), "the failure is logged");
        assertTrue(lines.stream().allMatch(e -> "client-call-3".equals(e.getMDCPropertyMap().get("requestId"))),
                () -> "the request id is in the MDC of the request's log lines: " + lines.stream().map(ILoggingEvent::getMDCPropertyMap).toList());
    }

    @Test
    void prometheusShowsRequestLatencyHistogramsPoolAndCacheMeters() throws Exception {
        get("/api/v1/leaderboard?limit=2", null);
        get("/api/v1/leaderboard?limit=2", null);
        HttpResponse<String> metrics = get("/prometheus", null);
        assertEquals(200, metrics.statusCode());
        String text = metrics.body();
        for (String expected : List.of(
                "http_server_requests_seconds_bucket{exception=\"none\",method=\"GET\",status=\"200\",uri=\"/api/v1/leaderboard\",le=",
                "hikaricp_connections_active{pool=", "hikaricp_connections_pending{pool=", "hikaricp_connections_max{pool=",
                "mluv_api_cache_requests_total{outcome=\"hit\",read=\"leaderboard\"}",
                "mluv_api_cache_requests_total{outcome=\"not_modified\",read=\"leaderboard\"}",
                "mluv_api_cache_entries")) {
            assertTrue(text.contains(expected), () -> "/prometheus lacks " + expected);
        }
    }

    @Test
    void swaggerUiIsServedAtDocsFromTheWebjarOnTheApisDocument() throws Exception {
        HttpResponse<String> page = get("/docs", null);
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("content-type").orElse("").startsWith("text/html"));
        assertTrue(page.body().contains("/docs/ui/swagger-ui-bundle.js"));
        assertTrue(!page.body().contains("//"), "no file from another host: " + page.body());
        assertTrue(get("/docs/mluv-docs.js", null).body().contains("/openapi/mluv-api-1.yml"));
        HttpResponse<String> bundle = get("/docs/ui/swagger-ui-bundle.js", null);
        assertEquals(200, bundle.statusCode());
        assertTrue(bundle.body().length() > 100_000, "Swagger UI's bundle, from the webjar");
        assertEquals(404, get("/docs/ui/..%2Fpom.properties", null).statusCode());
        assertEquals(200, get("/openapi/mluv-api-1.yml", null).statusCode());
    }

    @Test
    @SuppressWarnings("unchecked")
    void theOpenApiDocumentGivesEveryParameterItsRangeAndEveryErrorItsProblemType() throws Exception {
        Map<String, Object> doc = new org.yaml.snakeyaml.Yaml().load(get("/openapi/mluv-api-1.yml", null).body());
        Map<String, Map<String, Map<String, Object>>> paths = (Map<String, Map<String, Map<String, Object>>>) doc.get("paths");
        assertTrue(paths.size() >= 9, "every read is documented: " + paths.keySet());
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            Map<String, Map<String, Object>> responses = (Map<String, Map<String, Object>>) operation.get("responses");
            for (String status : List.of("400", "500", "503")) {
                assertTrue(responses.containsKey(status), path + " documents " + status);
            }
            responses.forEach((status, response) -> {
                if (status.startsWith("4") || status.startsWith("5")) {
                    assertTrue(String.valueOf(response.get("description")).contains("https://mluv.cz/problems/"),
                            path + " " + status + " names its problem type: " + response.get("description"));
                }
            });
            for (Map<String, Object> parameter : (List<Map<String, Object>>) operation.get("parameters")) {
                Map<String, Object> schema = (Map<String, Object>) parameter.getOrDefault("schema", Map.of());
                if ("int32".equals(schema.get("format"))) {
                    assertTrue(schema.containsKey("minimum") && schema.containsKey("maximum"), path + " " + parameter.get("name") + " has its range");
                }
                if ("query".equals(parameter.get("in")) && "string".equals(schema.get("type")) && !schema.containsKey("format")
                        && !"after".equals(parameter.get("name"))) {
                    assertTrue(schema.containsKey("maxLength") || schema.containsKey("enum"), path + " " + parameter.get("name") + " is bounded");
                }
            }
        }));
    }
}
