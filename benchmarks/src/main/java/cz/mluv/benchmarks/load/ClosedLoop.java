package cz.mluv.benchmarks.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Histogram;

/**
 * A closed-loop load generator: {@code clients} threads, each sending its next request only when
 * the previous one has returned, first for a warm-up (not recorded), then for a fixed measured
 * time. Every client sends at least one measured request, so a read slower than the window is
 * still measured (once per client). Latency per request goes into one HdrHistogram per thread
 * (microseconds, 1 µs .. 1 h, 3 significant digits), merged at the end.
 */
public final class ClosedLoop {

    private static final long HIGHEST_US = Duration.ofHours(1).toNanos() / 1000;

    private final Duration warmup;
    private final Duration measure;

    /**
     * @param warmup  time every client sends unrecorded requests first
     * @param measure time every client sends recorded requests
     */
    public ClosedLoop(Duration warmup, Duration measure) {
        this.warmup = warmup;
        this.measure = measure;
    }

    /**
     * Runs the load.
     *
     * @param clients concurrent clients (threads), at least 1
     * @param factory opens one client per thread
     * @return latencies, errors and throughput of the measured window
     * @throws IllegalStateException when a client cannot be opened
     */
    public LoadResult run(int clients, Client.Factory factory) {
        List<Client> opened = new ArrayList<>(clients);
        try {
            for (int i = 0; i < clients; i++) {
                opened.add(factory.open(i));
            }
            return drive(opened);
        } catch (Exception e) {
            throw new IllegalStateException("load clients could not be opened: " + e.getMessage(), e);
        } finally {
            for (Client c : opened) {
                try {
                    c.close();
                } catch (Exception ignored) {
                    // a client that fails to close has done its work already
                }
            }
        }
    }

    private LoadResult drive(List<Client> clients) throws InterruptedException {
        int n = clients.size();
        Histogram[] histograms = new Histogram[n];
        AtomicLong errors = new AtomicLong();
        AtomicLong issued = new AtomicLong();
        AtomicReference<Throwable> firstError = new AtomicReference<>();
        CountDownLatch ready = new CountDownLatch(n);
        CountDownLatch go = new CountDownLatch(1);
        long[] measureStart = new long[1];
        long[] lastEnd = new long[n];
        List<Thread> threads = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int idx = i;
            histograms[i] = new Histogram(1, HIGHEST_US, 3);
            Thread t = Thread.ofPlatform().name("load-" + i).daemon().unstarted(() -> {
                ready.countDown();
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                Client client = clients.get(idx);
                long start = measureStart[0];
                long end = start + measure.toNanos();
                long iteration = idx * 1_000_003L;
                while (System.nanoTime() < start) {
                    iteration++;
                    issued.incrementAndGet();
                    try {
                        client.call(iteration);
                    } catch (Exception e) {
                        firstError.compareAndSet(null, e);
                    }
                }
                boolean first = true;
                while (first || System.nanoTime() < end) {
                    first = false;
                    iteration++;
                    issued.incrementAndGet();
                    long t0 = System.nanoTime();
                    try {
                        client.call(iteration);
                        long us = Math.max(1, (System.nanoTime() - t0) / 1000);
                        histograms[idx].recordValue(Math.min(us, HIGHEST_US));
                    } catch (Exception e) {
                        errors.incrementAndGet();
                        firstError.compareAndSet(null, e);
                    }
                }
                lastEnd[idx] = System.nanoTime();
            });
            threads.add(t);
            t.start();
        }
        ready.await();
        measureStart[0] = System.nanoTime() + warmup.toNanos();
        go.countDown();
        for (Thread t : threads) {
            t.join();
        }
        long end = 0;
        for (long e : lastEnd) {
            end = Math.max(end, e);
        }
        Histogram all = new Histogram(1, HIGHEST_US, 3);
        for (Histogram h : histograms) {
            all.add(h);
        }
        if (firstError.get() != null && all.getTotalCount() == 0) {
            throw new IllegalStateException("every request failed: " + firstError.get(), firstError.get());
        }
        return LoadResult.of(n, all, errors.get(), issued.get(), (end - measureStart[0]) / 1e9);
    }
}
