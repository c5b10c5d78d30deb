package cz.mluv.db.verification;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The results of one run of the verification catalogue.
 *
 * @param database      the database verified ({@code current_database()})
 * @param serverVersion PostgreSQL's version, e.g. {@code 18.1}
 * @param startedAt     when the run started
 * @param durationMs    wall-clock time of the whole run, milliseconds
 * @param results       one result per check, in catalogue order
 */
public record VerificationReport(String database, String serverVersion, Instant startedAt, long durationMs,
                                 List<CheckResult> results) {

    /** Copies the results. */
    public VerificationReport {
        results = List.copyOf(results);
    }

    /** @return FAIL when a check failed, else WARN when one warned, else PASS (SKIPPED changes nothing) */
    public CheckStatus status() {
        if (count(CheckStatus.FAIL) > 0) {
            return CheckStatus.FAIL;
        }
        return count(CheckStatus.WARN) > 0 ? CheckStatus.WARN : CheckStatus.PASS;
    }

    /** @return the exit code of {@code verify}: 1 when any check FAILED, else 0 */
    public int exitCode() {
        return status() == CheckStatus.FAIL ? 1 : 0;
    }

    /**
     * @param status a status
     * @return how many checks ended with it
     */
    public long count(CheckStatus status) {
        return results.stream().filter(r -> r.status() == status).count();
    }

    /** @return the number of checks per status, every status present */
    public Map<CheckStatus, Long> counts() {
        Map<CheckStatus, Long> counts = new EnumMap<>(CheckStatus.class);
        for (CheckStatus s : CheckStatus.values()) {
            counts.put(s, count(s));
        }
        return counts;
    }

    /**
     * @param id a check id
     * @return its result, or empty when the run had no such check
     */
    public Optional<CheckResult> result(CheckId id) {
        return results.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /**
     * @param format the output format
     * @return the report in that format
     */
    public String render(ReportFormat format) {
        return switch (format) {
            case TEXT -> TextReport.render(this);
            case JSON -> JsonReport.render(this);
            case MARKDOWN -> MarkdownReport.render(this);
        };
    }

    /** @return one line per check, then the details of those that did not pass */
    public String toText() {
        return render(ReportFormat.TEXT);
    }

    /** @return the report as one JSON document */
    public String toJson() {
        return render(ReportFormat.JSON);
    }

    /** @return a Markdown table of every check and a details section per check with its SQL */
    public String toMarkdown() {
        return render(ReportFormat.MARKDOWN);
    }

    /** @return e.g. {@code 22 PASS, 4 WARN, 0 FAIL, 1 SKIPPED} */
    String tally() {
        return count(CheckStatus.PASS) + " PASS, " + count(CheckStatus.WARN) + " WARN, " + count(CheckStatus.FAIL)
                + " FAIL, " + count(CheckStatus.SKIPPED) + " SKIPPED";
    }
}
