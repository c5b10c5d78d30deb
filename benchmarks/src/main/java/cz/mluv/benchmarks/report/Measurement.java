package cz.mluv.benchmarks.report;

import cz.mluv.benchmarks.load.LoadResult;

/**
 * One load point: a read, measured one way, at one concurrency.
 *
 * @param endpoint              endpoint id
 * @param mode                  before, API or floor
 * @param load                  latencies (ms) and throughput (requests/s)
 * @param statementsPerRequest  SQL statements the server executed per request (pg_stat_statements
 *                              calls / requests sent); NaN when pg_stat_statements is unavailable
 */
public record Measurement(String endpoint, Mode mode, LoadResult load, double statementsPerRequest) {
}
