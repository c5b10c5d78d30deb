package cz.mluv.benchmarks.build;

/**
 * One refresh of {@code user_stats_summary}, with a reader of the leaderboard running beside it.
 *
 * @param mode       PLAIN or CONCURRENTLY
 * @param durationMs the REFRESH statement, ms (as mv_refresh_log records it)
 * @param rows       rows in the view afterwards
 * @param reader     the leaderboard reader during the refresh (plain: blocked for the whole refresh)
 */
public record ViewRefresh(String mode, long durationMs, long rows, ProbeLatency reader) {
}
