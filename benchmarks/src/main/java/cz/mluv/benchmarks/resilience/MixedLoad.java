package cz.mluv.benchmarks.resilience;

import cz.mluv.benchmarks.endpoint.HttpConnection;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Concurrent clients in a closed loop over keep-alive HTTP/1.1 ({@link HttpConnection}), each
 * cycling through the request targets until stopped; every request is recorded. A failed
 * connection is recorded as status -1 and replaced by a new one.
 */
final class MixedLoad implements AutoCloseable {

    private final List<LoadSample> samples = Collections.synchronizedList(new ArrayList<>());
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final CountDownLatch done;

    /**
     * @param baseUrl the API, e.g. {@code http://127.0.0.1:41234}
     * @param clients concurrent clients
     * @param targets request targets, ASCII, already URL-encoded
     */
    MixedLoad(String baseUrl, int clients, List<String> targets) {
        done = new CountDownLatch(clients);
        for (int c = 0; c < clients; c++) {
            int first = c;
            Thread.ofPlatform().daemon().name("resilience-" + c).start(() -> {
                HttpConnection connection = null;
                try {
                    for (int i = first; running.get(); i++) {
                        long start = System.nanoTime();
                        int status;
                        try {
                            if (connection == null) {
                                connection = new HttpConnection(baseUrl);
                            }
                            status = connection.get(targets.get(i % targets.size())).status();
                        } catch (IOException e) {
                            status = -1;
                            connection = closeQuietly(connection);
                        }
                        samples.add(new LoadSample(start, System.nanoTime(), status));
                    }
                } finally {
                    closeQuietly(connection);
                    done.countDown();
                }
            });
        }
    }

    private static HttpConnection closeQuietly(HttpConnection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (IOException ignored) {
                // the connection is gone either way
            }
        }
        return null;
    }

    /** @return a copy of the samples so far */
    List<LoadSample> samples() {
        synchronized (samples) {
            return List.copyOf(samples);
        }
    }

    /** Stops the clients after their current request. */
    @Override
    public void close() throws InterruptedException {
        running.set(false);
        done.await();
    }
}
