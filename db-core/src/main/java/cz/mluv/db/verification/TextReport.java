package cz.mluv.db.verification;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@link ReportFormat#TEXT}: a headline, one line per check (status, severity, id, summary), and
 * under each check that warned or failed, its fix and its first detail rows.
 */
final class TextReport {

    /** Detail rows shown under a check that did not pass. */
    static final int MAX_ROWS = 10;

    private TextReport() {
    }

    static String render(VerificationReport report) {
        int idWidth = report.results().stream().mapToInt(r -> r.id().value().length()).max().orElse(10);
        StringBuilder out = new StringBuilder();
        out.append("Post-deployment verification of ").append(report.database()).append(" (PostgreSQL ")
                .append(report.serverVersion()).append(") at ").append(report.startedAt().truncatedTo(ChronoUnit.SECONDS)).append('\n')
                .append(report.status()).append(": ").append(report.tally()).append(" in ").append(report.durationMs())
                .append(" ms; exit code ").append(report.exitCode()).append("\n\n");
        for (CheckResult r : report.results()) {
            out.append(String.format(Locale.ROOT, "%-7s %-8s %-" + idWidth + "s  %s%n", r.status(), r.severity(), r.id(),
                    oneLine(r.summary())));
            if (r.status() != CheckStatus.PASS && r.status() != CheckStatus.SKIPPED) {
                out.append("        fix: ").append(oneLine(r.fix())).append('\n');
                rows(out, r.details().stream().map(Detail::toRow).toList());
            }
        }
        return out.toString();
    }

    private static void rows(StringBuilder out, List<Map<String, Object>> rows) {
        // One column (a query plan, say) prints as it is, indentation kept.
        rows.stream().limit(MAX_ROWS).forEach(row -> out.append("        ").append(row.size() == 1
                ? String.valueOf(row.values().iterator().next())
                : row.entrySet().stream().map(e -> e.getKey() + "=" + (e.getValue() == null ? "" : oneLine(String.valueOf(e.getValue()))))
                        .collect(Collectors.joining(", "))).append('\n'));
        if (rows.size() > MAX_ROWS) {
            out.append("        ... and ").append(rows.size() - MAX_ROWS).append(" more row(s) (--format json lists all)\n");
        }
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
