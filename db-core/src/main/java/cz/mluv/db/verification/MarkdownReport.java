package cz.mluv.db.verification;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@link ReportFormat#MARKDOWN}: a table of every check (check, status, severity, summary), then a
 * details section per check: why, pass rule, its detail rows and its SQL. Ready to paste into a
 * deployment record or a pull request.
 */
final class MarkdownReport {

    /** Detail rows shown per check; the JSON format has them all. */
    static final int MAX_ROWS = 25;

    private MarkdownReport() {
    }

    static String render(VerificationReport report) {
        StringBuilder md = new StringBuilder();
        md.append("# Post-deployment verification\n\n")
                .append("Database `").append(report.database()).append("` on PostgreSQL ").append(report.serverVersion())
                .append(", ").append(report.startedAt().truncatedTo(ChronoUnit.SECONDS)).append(": **").append(report.status()).append("** (exit code ")
                .append(report.exitCode()).append("): ").append(report.tally()).append(" in ").append(report.durationMs())
                .append(" ms.\n\n")
                .append("| Check | Status | Severity | Summary |\n|---|---|---|---|\n");
        for (CheckResult r : report.results()) {
            md.append("| `").append(r.id()).append("` ").append(cell(r.title())).append(" | ").append(status(r))
                    .append(" | ").append(r.severity()).append(" | ").append(cell(r.summary())).append(" |\n");
        }
        md.append("\n## Details\n");
        for (CheckResult r : report.results()) {
            details(md, r);
        }
        return md.toString();
    }

    private static void details(StringBuilder md, CheckResult r) {
        md.append("\n### `").append(r.id()).append("` ").append(r.title()).append(": ").append(status(r)).append("\n\n")
                .append("- Summary: ").append(line(r.summary())).append('\n');
        if (r.skipReason() != null) {
            md.append("- Skipped because: ").append(line(r.skipReason())).append('\n');
        }
        md.append("- Why: ").append(line(r.why())).append('\n')
                .append("- Pass rule: ").append(line(r.passRule())).append('\n')
                .append("- Fix: ").append(line(r.fix())).append('\n')
                .append("- Severity: ").append(r.severity()).append("; took ").append(r.durationMs()).append(" ms\n\n");
        if (!r.details().isEmpty()) {
            table(md, r.details().stream().map(Detail::toRow).toList());
        }
        md.append("```sql\n").append(r.sql().strip()).append("\n```\n");
    }

    private static void table(StringBuilder md, List<Map<String, Object>> rows) {
        Set<String> columns = new LinkedHashSet<>();
        rows.forEach(r -> columns.addAll(r.keySet()));
        if (columns.size() == 1) {
            // One column (a query plan, say): a preformatted block keeps its indentation.
            md.append("```text\n");
            rows.forEach(r -> md.append(r.values().iterator().next()).append('\n'));
            md.append("```\n\n");
            return;
        }
        md.append("| ").append(String.join(" | ", columns)).append(" |\n|");
        columns.forEach(c -> md.append("---|"));
        md.append('\n');
        for (Map<String, Object> row : rows.subList(0, Math.min(MAX_ROWS, rows.size()))) {
            List<String> cells = new ArrayList<>();
            columns.forEach(c -> cells.add(cell(row.get(c) == null ? "" : String.valueOf(row.get(c)))));
            md.append("| ").append(String.join(" | ", cells)).append(" |\n");
        }
        if (rows.size() > MAX_ROWS) {
            md.append("\n… and ").append(rows.size() - MAX_ROWS).append(" more row(s) (the JSON format lists all).\n");
        }
        md.append('\n');
    }

    private static String status(CheckResult r) {
        return r.status() == CheckStatus.PASS || r.status() == CheckStatus.SKIPPED ? r.status().name() : "**" + r.status() + "**";
    }

    private static String cell(String text) {
        return line(text).replace("|", "\\|");
    }

    private static String line(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
