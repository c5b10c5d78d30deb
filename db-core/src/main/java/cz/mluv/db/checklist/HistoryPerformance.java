package cz.mluv.db.checklist;

import cz.mluv.db.history.StatementInterval;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A deployment record's baseline or post-deployment numbers from the statistics history: the
 * statements that took the most time in an interval between two snapshots, each with its calls,
 * mean and p95 proxy ({@link StatementInterval#p95ProxyMs()}), and for the post numbers the
 * baseline mean of the same statement.
 */
final class HistoryPerformance {

    /** Statements listed. */
    static final int TOP = 5;
    private static final int QUERY_CHARS = 80;

    private HistoryPerformance() {
    }

    /**
     * @param snapshots "snapshots 3..7": which part of the history the numbers come from
     * @param top       the interval's statements, most time first
     * @param baseline  the baseline interval's statements to compare with; empty for the baseline itself
     * @return e.g. {@code slowest mean 1.92 ms (p95~3.10 ms) over 12 statement(s), 340 call(s), snapshots 3..4; ...}
     */
    static String text(String snapshots, List<StatementInterval> top, List<StatementInterval> baseline) {
        if (top.isEmpty()) {
            return "no statement ran between " + snapshots + " (pg_stat_statements)";
        }
        Map<Long, StatementInterval> before = baseline.stream()
                .collect(Collectors.toMap(StatementInterval::queryid, Function.identity(), (a, b) -> a));
        StatementInterval slowest = top.stream().max((a, b) -> Double.compare(a.meanMs(), b.meanMs())).orElseThrow();
        long calls = top.stream().mapToLong(StatementInterval::calls).sum();
        return String.format(Locale.ROOT, "slowest mean %.2f ms (p95~%.2f ms) over %d statement(s), %d call(s), %s (history); ",
                slowest.meanMs(), slowest.p95ProxyMs(), top.size(), calls, snapshots)
                + top.stream().limit(TOP).map(s -> describe(s, before.get(s.queryid()))).collect(Collectors.joining("; "));
    }

    private static String describe(StatementInterval s, StatementInterval before) {
        String query = s.query() == null ? "#" + s.queryid() : s.query().length() > QUERY_CHARS
                ? s.query().substring(0, QUERY_CHARS) + "…" : s.query();
        String compared = before == null ? "" : String.format(Locale.ROOT, " (baseline %.2f ms)", before.meanMs());
        return String.format(Locale.ROOT, "%s: %d call(s), mean %.2f ms%s, p95~%.2f ms", query, s.calls(), s.meanMs(), compared,
                s.p95ProxyMs());
    }
}
