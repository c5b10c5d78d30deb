package cz.mluv.benchmarks.resilience;

/**
 * One request of a resilience run.
 *
 * @param startNanos {@link System#nanoTime()} when it was sent
 * @param endNanos   {@link System#nanoTime()} when its answer (or its failure) came
 * @param status     the HTTP status; -1 when no answer came (connection refused, reset, timeout)
 */
public record LoadSample(long startNanos, long endNanos, int status) {

    /** @return the latency, ms */
    public double latencyMs() {
        return (endNanos - startNanos) / 1e6;
    }

    /** @return {@code true} for a 2xx answer */
    public boolean ok() {
        return status >= 200 && status < 300;
    }
}
