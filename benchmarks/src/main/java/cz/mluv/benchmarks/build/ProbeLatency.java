package cz.mluv.benchmarks.build;

/**
 * What a background prober saw while DDL ran.
 *
 * @param statements statements that completed
 * @param errors     statements that failed
 * @param p99Ms      99th percentile latency, ms
 * @param maxMs      longest statement (the longest wait for a lock), ms
 */
public record ProbeLatency(long statements, long errors, double p99Ms, double maxMs) {
}
