package cz.mluv.db.history;

/**
 * What one statement of pg_stat_statements did between two snapshots (or over several intervals
 * added up), with its mean and a p95 proxy.
 *
 * @param queryid pg_stat_statements.queryid
 * @param query   the statement's normalized text, first 2,000 characters
 * @param calls   executions in the interval
 * @param execMs  execution time in the interval, ms
 * @param sumSqMs sum of the squared execution times in the interval, ms²
 */
public record StatementInterval(long queryid, String query, long calls, double execMs, double sumSqMs) {

    /** z of the 95th percentile of a normal distribution. */
    static final double Z95 = 1.645;

    /** @return mean execution time, ms (0 without calls) */
    public double meanMs() {
        return calls == 0 ? 0 : execMs / calls;
    }

    /** @return standard deviation of the execution time in the interval, ms */
    public double stddevMs() {
        return stddev(calls, execMs, sumSqMs);
    }

    /**
     * pg_stat_statements keeps no percentiles: this is the normal approximation mean + 1.645
     * standard deviations of the interval's execution times (exact variance, from the sums of
     * squares of two snapshots). It overstates the p95 of a tight distribution with rare outliers
     * and understates a long tail; it moves when the real p95 moves, which is what a chart needs.
     *
     * @return the p95 proxy, ms
     */
    public double p95ProxyMs() {
        return meanMs() + Z95 * stddevMs();
    }

    static double stddev(long calls, double execMs, double sumSqMs) {
        if (calls == 0) {
            return 0;
        }
        double mean = execMs / calls;
        return Math.sqrt(Math.max(0, sumSqMs / calls - mean * mean));
    }
}
