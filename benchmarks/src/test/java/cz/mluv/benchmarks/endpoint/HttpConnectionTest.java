package cz.mluv.benchmarks.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The load client's HTTP/1.1 connection against the JDK's own HTTP server on loopback. */
class HttpConnectionTest {

    private HttpServer server;
    private final Set<Object> connections = ConcurrentHashMap.newKeySet();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/fixed", ex -> {
            connections.add(ex.getRemoteAddress());
            byte[] body = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        });
        server.createContext("/chunked", ex -> {
            connections.add(ex.getRemoteAddress());
            ex.sendResponseHeaders(200, 0);
            try (OutputStream out = ex.getResponseBody()) {
                out.write("[1,2,".getBytes(StandardCharsets.UTF_8));
                out.flush();
                out.write("3]".getBytes(StandardCharsets.UTF_8));
            }
        });
        server.createContext("/missing", ex -> {
            ex.sendResponseHeaders(404, -1);
            ex.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void readsFixedLengthAndChunkedBodiesOnOneKeptAliveConnection() throws IOException {
        try (HttpConnection c = new HttpConnection("http://127.0.0.1:" + server.getAddress().getPort())) {
            for (int i = 0; i < 5; i++) {
                assertEquals(new HttpConnection.Response(200, 11), c.get("/fixed?i=" + i));
                assertEquals(new HttpConnection.Response(200, 7), c.get("/chunked"));
            }
            assertEquals(404, c.get("/missing").status());
            assertEquals(200, c.get("/fixed").status());
        }
        assertEquals(1, connections.size(), "every request went over the same socket");
    }
}
