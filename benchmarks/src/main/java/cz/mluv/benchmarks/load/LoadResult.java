package cz.mluv.benchmarks.load;

import org.HdrHistogram.Histogram;

/**
 * What one closed-loop run measured. Latencies are wall-clock per request, in milliseconds,
 * read from an HdrHistogram recorded in microseconds (3 significant digits).
 *
 * @param clients    concurrent clients
 * @param requests   requests completed in the measured window (warm-up excluded)
 * @param errors     requests that failed in the measured window
 * @param issued     every request sent, warm-up included (divides the statement count)
 * @param seconds    length of the measured window, s (until the last in-flight request returned)
 * @param p50Ms      median latency, ms
 * @param p95Ms      95th percentile, ms
 * @param p99Ms      99th percentile, ms
 * @param maxMs      slowest request, ms
 * @param throughput requests per second in the measured window
 */
public record LoadResult(int clients, long requests, long errors, long issued, double seconds,
                         double p50Ms, double p95Ms, double p99Ms, double maxMs, double throughput) {

    /**
     * @param clients   concurrent clients
     * @param histogram latencies in microseconds
     * @param errors    failed requests
     * @param issued    every request sent, warm-up included
     * @param seconds   measured window, s
     * @return the summary
     */
    public static LoadResult of(int clients, Histogram histogram, long errors, long issued, double seconds) {
        long n = histogram.getTotalCount();
        return new LoadResult(clients, n, errors, issued, seconds,
                ms(histogram, 50), ms(histogram, 95), ms(histogram, 99),
                n == 0 ? Double.NaN : histogram.getMaxValue() / 1000.0,
                seconds <= 0 ? 0 : n / seconds);
    }

    private static double ms(Histogram h, double percentile) {
        return h.getTotalCount() == 0 ? Double.NaN : h.getValueAtPercentile(percentile) / 1000.0;
    }
}
