package cz.mluv.benchmarks.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ClosedLoopTest {

    @Test
    void everyClientWaitsForItsAnswerAndLatenciesAreRecordedInMilliseconds() {
        AtomicInteger open = new AtomicInteger();
        LoadResult r = new ClosedLoop(Duration.ofMillis(100), Duration.ofMillis(500)).run(2, index -> {
            open.incrementAndGet();
            return iteration -> Thread.sleep(5);
        });
        assertEquals(2, open.get());
        assertEquals(2, r.clients());
        assertTrue(r.requests() > 20 && r.requests() <= 2 * 500 / 5 + 2, "closed loop of 5 ms calls: " + r);
        assertTrue(r.issued() > r.requests(), "warm-up requests are sent but not recorded: " + r);
        assertTrue(r.p50Ms() >= 5 && r.p50Ms() < 50, "p50 of a 5 ms sleep: " + r);
        assertTrue(r.p50Ms() <= r.p95Ms() && r.p95Ms() <= r.p99Ms() && r.p99Ms() <= r.maxMs(), r.toString());
        assertTrue(r.throughput() > 40 && r.throughput() <= 2 * 1000 / 5.0 + 5, "about 2 x 200 req/s at most: " + r);
    }

    @Test
    void failedRequestsAreCountedAsErrorsNotLatencies() {
        LoadResult r = new ClosedLoop(Duration.ZERO, Duration.ofMillis(200)).run(1, index -> iteration -> {
            Thread.sleep(1);
            if (iteration % 2 == 0) {
                throw new IllegalStateException("every other request fails");
            }
        });
        assertTrue(r.errors() > 0, r.toString());
        assertTrue(Math.abs(r.errors() - r.requests()) <= 1, "half fail: " + r);
    }

    @Test
    void aReadSlowerThanTheWindowIsStillMeasuredOncePerClient() {
        LoadResult r = new ClosedLoop(Duration.ZERO, Duration.ofMillis(10)).run(3, index -> iteration -> Thread.sleep(60));
        assertEquals(3, r.requests());
        assertTrue(r.p95Ms() >= 60, r.toString());
        assertTrue(r.seconds() >= 0.06, "the window lasts until the last answer: " + r);
    }
}
