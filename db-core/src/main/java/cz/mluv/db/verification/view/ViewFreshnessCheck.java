package cz.mluv.db.verification.view;

import cz.mluv.db.plan.NamedSql;
import cz.mluv.db.refresh.AdvisoryLock;
import cz.mluv.db.refresh.RefreshLogRepository;
import cz.mluv.db.refresh.ViewRefresher;
import cz.mluv.db.verification.CheckId;
import cz.mluv.db.verification.Detail;
import cz.mluv.db.verification.Outcome;
import cz.mluv.db.verification.Rows;
import cz.mluv.db.verification.Severity;
import cz.mluv.db.verification.SqlCheck;
import cz.mluv.db.verification.VerificationSettings;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code view-freshness}: every materialized view Mluv refreshes ({@link ViewRefresher#VIEWS}) is
 * populated and was refreshed recently. pg_matviews has no last-refresh column, so the age comes
 * from {@code mv_refresh_log}, read with the refresh module's query
 * ({@link RefreshLogRepository#FRESHNESS_SQL}) rather than a second copy of it.
 */
public final class ViewFreshnessCheck extends SqlCheck {

    private static final String POPULATED_SQL = sqlBeside(ViewFreshnessCheck.class, "view-freshness");
    private static final NamedSql FRESHNESS = NamedSql.parse(RefreshLogRepository.FRESHNESS_SQL);

    private final Duration warnAfter;
    private final Duration failAfter;

    /**
     * @param warnAfter a view whose last successful refresh is older is WARN
     * @param failAfter ... and older than this FAIL
     */
    public ViewFreshnessCheck(Duration warnAfter, Duration failAfter) {
        super(CheckId.VIEW_FRESHNESS, "Materialized views populated and fresh", Severity.CRITICAL,
                "Leaderboards and active users read user_stats_summary: a never-populated view fails every such read, "
                        + "and a stale one shows old numbers (seed 001 refreshes it hourly: \"Celery beat is refreshing "
                        + "views hourly\").",
                "PASS when every view Mluv refreshes (" + String.join(", ", ViewRefresher.VIEWS.stream().sorted().toList()) + ") is populated and its last SUCCESS in mv_refresh_log "
                        + "finished within " + VerificationSettings.format(warnAfter) + "; WARN when older, or when the "
                        + "latest refresh FAILED; FAIL when missing, not populated, never refreshed successfully, or older "
                        + "than " + VerificationSettings.format(failAfter) + ".",
                POPULATED_SQL + ";\n\n" + RefreshLogRepository.FRESHNESS_SQL.strip());
        this.warnAfter = warnAfter;
        this.failAfter = failAfter;
    }

    @Override
    public Outcome evaluate(Connection connection) throws SQLException {
        Map<String, Boolean> populated = new LinkedHashMap<>();
        for (Map<String, Object> row : Rows.query(connection, POPULATED_SQL)) {
            populated.put(Rows.text(row, "view_name"), Rows.booleanValue(row, "populated"));
        }
        List<Map<String, Object>> details = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<String> fine = new ArrayList<>();
        for (String view : ViewRefresher.VIEWS.stream().sorted().toList()) {
            if (!populated.containsKey(view)) {
                failures.add(view + " does not exist");
                details.add(Rows.row("view_name", view, "populated", null));
                continue;
            }
            Map<String, Object> row = new LinkedHashMap<>(Rows.row("view_name", view, "populated", populated.get(view)));
            row.putAll(freshness(connection, view));
            details.add(row);
            long ageS = Rows.longValue(row, "age_ms") / 1000;
            String refreshed = view + " refreshed " + ago(ageS) + (Rows.booleanValue(row, "refreshing") ? " (refreshing now)" : "");
            if (!populated.get(view)) {
                failures.add(view + " is not populated (REFRESH MATERIALIZED VIEW " + view + ", the plain form)");
            } else if (row.get("last_success_at") == null) {
                failures.add(view + " has no successful refresh in mv_refresh_log");
            } else if (ageS > failAfter.toSeconds()) {
                failures.add(refreshed + ", more than " + VerificationSettings.format(failAfter) + " ago");
            } else if (ageS > warnAfter.toSeconds()) {
                warnings.add(refreshed + ", more than " + VerificationSettings.format(warnAfter) + " ago");
            } else if ("FAILED".equals(Rows.text(row, "last_outcome"))) {
                warnings.add(refreshed + ", but its latest refresh FAILED: " + Rows.text(row, "last_error"));
            } else {
                fine.add(refreshed);
            }
        }
        List<String> all = new ArrayList<>(failures);
        all.addAll(warnings);
        all.addAll(fine);
        String summary = String.join("; ", all);
        if (!failures.isEmpty()) {
            return Outcome.fail(summary, Rows.as(details, ViewState.class));
        }
        List<ViewState> states = Rows.as(details, ViewState.class);
        return warnings.isEmpty() ? Outcome.pass(summary, states) : Outcome.warn(summary, states);
    }

    private static Map<String, Object> freshness(Connection connection, String view) throws SQLException {
        Map<String, Object> values = Map.of("view", view, "lockNamespace", AdvisoryLock.NAMESPACE,
                "lockId", AdvisoryLock.refreshOf(view).id());
        Object[] parameters = FRESHNESS.parameters().stream().map(values::get).toArray();
        Map<String, Object> row = new LinkedHashMap<>(Rows.query(connection, FRESHNESS.jdbcSql(), parameters).getFirst());
        row.remove("view_name");
        return row;
    }

    private static String ago(long seconds) {
        if (seconds < 120) {
            return seconds + " s ago";
        }
        if (seconds < 2 * 3600) {
            return seconds / 60 + " min ago";
        }
        return String.format(Locale.ROOT, "%.1f h ago", seconds / 3600.0);
    }

    /**
     * A materialized view Mluv refreshes, and its latest refreshes (mv_refresh_log).
     *
     * @param viewName        the view
     * @param populated       pg_matviews.ispopulated; {@code null} when the view does not exist
     * @param lastSuccessAt   when the latest successful refresh finished
     * @param ageMs           milliseconds since then
     * @param lastOutcome     SUCCESS or FAILED of the latest refresh
     * @param lastMode        CONCURRENTLY or the plain form
     * @param lastStartedAt   when the latest refresh started
     * @param lastDurationMs  how long it ran, ms
     * @param lastRowCount    rows of the view after it
     * @param lastError       its error, when it failed
     * @param lastWorker      the worker that ran it
     * @param failuresLast24h FAILED refreshes in the last 24 hours
     * @param refreshing      whether a refresh holds the view's lock right now
     */
    public record ViewState(String viewName, Boolean populated, String lastSuccessAt, Long ageMs, String lastOutcome,
                            String lastMode, String lastStartedAt, Long lastDurationMs, Long lastRowCount, String lastError,
                            String lastWorker, Long failuresLast24h, Boolean refreshing) implements Detail {
    }

    @Override
    public String fix() {
        return "Refresh now with `./mluv scheduler --once` (plain REFRESH when the view was never populated, CONCURRENTLY otherwise), then find why the scheduler did not: is it running, MLUV_REFRESH_CRON, the error of the FAILED row in mv_refresh_log.";
    }
}
