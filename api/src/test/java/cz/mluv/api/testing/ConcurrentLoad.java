package cz.mluv.api.testing;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A closed loop of concurrent clients, each sending GETs one after another over keep-alive
 * HTTP/1.1 until stopped, cycling through the targets. Every answer is recorded; a request that
 * gets no answer within {@link #TIMEOUT} (or no connection) is recorded with status -1.
 */
public final class ConcurrentLoad implements AutoCloseable {

    /**
     * One request.
     *
     * @param startNanos {@link System#nanoTime()} when it was sent
     * @param latencyMs  time to the whole answer, ms
     * @param status     the HTTP status, -1 when none came
     * @param target     the request target
     */
    public record Sample(long startNanos, double latencyMs, int status, String target) {
        /** @return {@code true} for a 2xx answer */
        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    /**
     * How long a client waits for an answer. Far above any answer the API should give (its own
     * connection wait is 1.5 s), so that a stall of the shared test machine is measured as a
     * latency rather than lost as a client timeout.
     */
    public static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final List<Sample> samples = Collections.synchronizedList(new ArrayList<>());
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final CountDownLatch done;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT).build();

    /**
     * Starts the clients.
     *
     * @param server  the API's base URL
     * @param clients how many concurrent clients
     * @param targets request targets, e.g. {@code /api/v1/leaderboard?limit=10}
     */
    public ConcurrentLoad(URL server, int clients, List<String> targets) {
        done = new CountDownLatch(clients);
        for (int c = 0; c < clients; c++) {
            int first = c;
            Thread.ofPlatform().daemon().name("load-" + c).start(() -> {
                try {
                    for (int i = first; running.get(); i++) {
                        String target = targets.get(i % targets.size());
                        samples.add(send(server, target));
                    }
                } finally {
                    done.countDown();
                }
            });
        }
    }

    private Sample send(URL server, String target) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server + target)).timeout(TIMEOUT).GET().build();
        long start = System.nanoTime();
        int status;
        try {
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            status = -1;
        }
        return new Sample(start, (System.nanoTime() - start) / 1e6, status, target);
    }

    /** @return a copy of the samples so far */
    public List<Sample> samples() {
        synchronized (samples) {
            return List.copyOf(samples);
        }
    }

    /**
     * @param samples samples
     * @param p       the percentile, 0..100
     * @return the latency at that percentile, ms (0 when there are none)
     */
    public static double percentile(List<Sample> samples, double p) {
        if (samples.isEmpty()) {
            return 0;
        }
        double[] sorted = samples.stream().mapToDouble(Sample::latencyMs).sorted().toArray();
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100 * sorted.length) - 1)];
    }

    /** Stops the clients and waits for their last requests. */
    @Override
    public void close() throws InterruptedException {
        running.set(false);
        done.await();
        http.close();
    }
}
