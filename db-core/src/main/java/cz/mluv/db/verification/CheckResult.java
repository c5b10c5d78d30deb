package cz.mluv.db.verification;

import java.util.List;
import java.util.Map;

/**
 * The typed result of one verification check, as the deploy tool, the API and the admin UI show it.
 *
 * @param id         the check's stable id, e.g. {@code expected-indexes}
 * @param title      what is checked, for a person
 * @param status     PASS, WARN, FAIL or SKIPPED
 * @param severity   how much a non-PASS status matters
 * @param summary    one line saying what was found
 * @param details    the rows behind the verdict (column name to value: strings, numbers, booleans,
 *                   lists; timestamps as ISO-8601 strings), in the order the check's SQL returned them
 * @param sql        the SQL the check ran (with {@code ?} or named parameters where it binds values)
 * @param durationMs wall-clock time of the check, milliseconds
 * @param skipReason why it was not judged; {@code null} unless SKIPPED
 * @param why        why the check matters
 * @param passRule   when it passes, warns and fails
 */
public record CheckResult(String id, String title, CheckStatus status, Severity severity, String summary,
                          List<Map<String, Object>> details, String sql, long durationMs, String skipReason,
                          String why, String passRule) {

    /** Copies the details so that a result cannot change after it was made. */
    public CheckResult {
        details = details == null ? List.of() : List.copyOf(details);
    }

    /**
     * @param check      the check that ran
     * @param outcome    what it found
     * @param durationMs how long it took, milliseconds
     * @return the result
     */
    public static CheckResult of(VerificationCheck check, Outcome outcome, long durationMs) {
        return new CheckResult(check.id(), check.title(), outcome.status(), check.severity(), outcome.summary(),
                outcome.details(), check.sql(), durationMs, outcome.skipReason(), check.why(), check.passRule());
    }
}
