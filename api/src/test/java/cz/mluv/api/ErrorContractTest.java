package cz.mluv.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cz.mluv.api.problem.ServerErrors;
import cz.mluv.api.testing.ApiServers;
import cz.mluv.api.testing.FailingController;
import cz.mluv.api.testing.LogCapture;
import cz.mluv.api.testing.RawHttp;
import cz.mluv.db.testing.DemoDatabase;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a caller sees when a request goes wrong: text PostgreSQL cannot take is a 400 naming the
 * parameter; a failure on the server is a 5xx whose body has a generic detail and an error id,
 * never the SQL or the exception's message, and the id is in the server log; the health endpoint
 * shows details to the management account only.
 */
class ErrorContractTest {

    private static EmbeddedServer server;
    private static JsonMapper json;

    @BeforeAll
    static void start() {
        server = ApiServers.start(DemoDatabase.get(), 5, Map.of("mluv.test.failing-controller", "true"));
        json = server.getApplicationContext().getBean(JsonMapper.class);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static JsonNode body(RawHttp.Reply r) throws Exception {
        return json.readValue(r.body(), JsonNode.class);
    }

    private static String parameter(RawHttp.Reply r) throws Exception {
        JsonNode p = body(r).get("parameter");
        return p == null ? null : p.getStringValue();
    }

    @ParameterizedTest(name = "q={0} -> 400 naming q")
    @ValueSource(strings = {"pivo%00", "%00", "%FF", "pivo%C3%28", "%ED%A0%80", "%F0%9F", "pivo%2", "%zz", "%"})
    void textPostgresCannotTakeIsA400NamingQ(String q) throws Exception {
        RawHttp.Reply r = RawHttp.get(server.getURL(), "/api/v1/messages/search?q=" + q);
        assertEquals(400, r.status(), () -> q + " -> " + r.body());
        assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType());
        assertEquals("q", parameter(r), r.body());
    }

    @Test
    void anOverLongSearchIsA400NamingQ() throws Exception {
        RawHttp.Reply r = RawHttp.get(server.getURL(), "/api/v1/messages/search?q=" + "a".repeat(10_000));
        assertEquals(400, r.status(), r.body());
        assertEquals("q", parameter(r), r.body());
    }

    @ParameterizedTest(name = "/test/fail/{0} -> 500 without internals, error id logged")
    @ValueSource(strings = {"sql", "bug", "error"})
    void aServerFailureAnswersAGenericProblemWithAnErrorIdThatIsInTheLog(String kind) throws Exception {
        try (LogCapture log = new LogCapture(ServerErrors.class)) {
            RawHttp.Reply r = RawHttp.get(server.getURL(), "/test/fail/" + kind);
            assertEquals(500, r.status(), r.body());
            assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType());
            assertFalse(r.body().contains("secret"), r.body());
            assertFalse(r.body().contains("SELECT"), r.body());
            String errorId = body(r).get("errorId").getStringValue();
            assertNotNull(errorId);
            assertEquals(errorId, r.headers().get(ServerErrors.ERROR_ID_HEADER.toLowerCase()));
            assertTrue(log.lines().stream().anyMatch(l -> l.startsWith("ERROR") && l.contains(errorId) && l.contains("secret")),
                    () -> "the log has the id and the cause: " + log.lines());
        }
    }

    @Test
    void healthShowsDetailsToTheManagementAccountOnly() throws Exception {
        JsonNode anonymous = body(RawHttp.get(server.getURL(), "/health"));
        assertEquals("UP", anonymous.get("status").getStringValue());
        assertNull(anonymous.get("details"), anonymous.toString());

        JsonNode wrongPassword = body(RawHttp.get(server.getURL(), "/health", "ops:wrong"));
        assertNull(wrongPassword.get("details"), wrongPassword.toString());

        RawHttp.Reply management = RawHttp.get(server.getURL(), "/health", ApiServers.MANAGEMENT);
        assertEquals(200, management.status());
        assertEquals("UP", body(management).get("details").get("jdbc").get("status").getStringValue(), management.body());
    }
}
