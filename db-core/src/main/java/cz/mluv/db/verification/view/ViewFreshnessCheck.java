package cz.mluv.db.verification.view;

import cz.mluv.db.verification.Outcome;
import cz.mluv.db.verification.Rows;
import cz.mluv.db.verification.Severity;
import cz.mluv.db.verification.SqlCheck;
import cz.mluv.db.verification.VerificationSettings;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code view-freshness}: every materialized view is populated and was refreshed recently, as
 * recorded in {@code mv_refresh_log} (pg_matviews has no last-refresh column).
 */
public final class ViewFreshnessCheck extends SqlCheck {

    private final Duration warnAfter;
    private final Duration failAfter;

    /**
     * @param warnAfter a view whose last successful refresh is older is WARN
     * @param failAfter ... and older than this FAIL
     */
    public ViewFreshnessCheck(Duration warnAfter, Duration failAfter) {
        super("view-freshness", "Materialized views populated and fresh", Severity.CRITICAL,
                "Leaderboards and active users read user_stats_summary: a never-populated view fails every such read, "
                        + "and a stale one shows old numbers (seed 001 refreshes it hourly: \"Celery beat is refreshing "
                        + "views hourly\").",
                "PASS when every materialized view is populated and its last SUCCESS in mv_refresh_log finished within "
                        + VerificationSettings.format(warnAfter) + "; WARN when older (or when the latest attempt FAILED); FAIL when not populated, never "
                        + "refreshed successfully, or older than " + VerificationSettings.format(failAfter) + ".");
        this.warnAfter = warnAfter;
        this.failAfter = failAfter;
    }

    @Override
    public Outcome evaluate(Connection connection) throws SQLException {
        List<Map<String, Object>> rows = query(connection);
        if (rows.isEmpty()) {
            return Outcome.skipped("the current schema has no materialized view");
        }
        List<String> failures = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<String> fine = new ArrayList<>();
        for (Map<String, Object> r : rows) {
            String view = Rows.text(r, "view_name");
            long age = Rows.longValue(r, "age_s");
            String ageText = view + " refreshed " + ago(age);
            if (!Rows.booleanValue(r, "populated")) {
                failures.add(view + " is not populated (REFRESH MATERIALIZED VIEW " + view + ", the plain form)");
            } else if (r.get("last_success") == null) {
                failures.add(view + " has no successful refresh in mv_refresh_log");
            } else if (age > failAfter.toSeconds()) {
                failures.add(ageText + " (more than " + VerificationSettings.format(failAfter) + ")");
            } else if (age > warnAfter.toSeconds()) {
                warnings.add(ageText + " (more than " + VerificationSettings.format(warnAfter) + ")");
            } else if ("FAILED".equals(Rows.text(r, "latest_outcome"))) {
                warnings.add(ageText + ", but its latest refresh FAILED: " + Rows.text(r, "latest_error"));
            } else {
                fine.add(ageText);
            }
        }
        List<String> all = new ArrayList<>(failures);
        all.addAll(warnings);
        all.addAll(fine);
        String summary = String.join("; ", all);
        if (!failures.isEmpty()) {
            return Outcome.fail(summary, rows);
        }
        return warnings.isEmpty() ? Outcome.pass(summary, rows) : Outcome.warn(summary, rows);
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
}
