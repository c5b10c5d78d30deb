package cz.mluv.db.verification;

import java.util.List;

/**
 * The typed result of one verification check, as the deploy tool, the API and the admin UI show it.
 *
 * @param id         the check's stable id, e.g. {@code expected-indexes}
 * @param title      what is checked, for a person
 * @param status     PASS, WARN, FAIL or SKIPPED
 * @param severity   how much a non-PASS status matters
 * @param summary    one line saying what was found
 * @param details    the typed rows behind the verdict (one record type per kind of finding; timestamps
 *                   as ISO-8601 strings), in the order the check found them
 * @param sql        the SQL the check ran (with {@code ?} or named parameters where it binds values)
 * @param durationMs wall-clock time of the check, milliseconds
 * @param skipReason why it was not judged; {@code null} unless SKIPPED
 * @param why        why the check matters
 * @param passRule   when it passes, warns and fails
 * @param fix        what an operator does when it WARNs or FAILs ({@link VerificationCheck#fix()})
 */
public record CheckResult(CheckId id, String title, CheckStatus status, Severity severity, String summary,
                          List<Detail> details, String sql, long durationMs, String skipReason,
                          String why, String passRule, String fix) {

    /** Copies the details so that a result cannot change after it was made. */
    public CheckResult {
        details = details == null ? List.of() : List.copyOf(details);
    }

    /**
     * @param type a detail record type
     * @param <T>  that type
     * @return the details of that type, in order (other details are left out)
     */
    public <T extends Detail> List<T> details(Class<T> type) {
        return details.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /**
     * @param check      the check that ran
     * @param outcome    what it found
     * @param durationMs how long it took, milliseconds
     * @return the result
     */
    public static CheckResult of(VerificationCheck check, Outcome outcome, long durationMs) {
        return new CheckResult(check.id(), check.title(), outcome.status(), check.severity(), outcome.summary(),
                outcome.details(), check.sql(), durationMs, outcome.skipReason(), check.why(), check.passRule(),
                check.fix());
    }
}
