package cz.mluv.db.checklist;

import java.time.format.DateTimeFormatter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** A deployment record as Markdown: seed 002's "Deployed By / Status" block filled in, then every item. */
final class DeploymentMarkdown {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private DeploymentMarkdown() {
    }

    static String render(DeploymentRecord r, List<ItemState> items) {
        StringBuilder md = new StringBuilder();
        md.append("# Deployment record ").append(r.id()).append(": V").append(r.fromVersion()).append(" -> V")
                .append(r.toVersion()).append("\n\n");
        md.append("**Deployment Date:** ").append(time(r.startedAt())).append("  \n");
        md.append("**Deployed By:** ").append(r.deployedBy()).append("  \n");
        md.append("**Performance Baseline:** ").append(orDash(r.baselinePerformance())).append("  \n");
        md.append("**Post-Deployment Performance:** ").append(orDash(r.postPerformance())).append("  \n");
        md.append("**Status:** ").append(box(r, "SUCCESS")).append(" Success ").append(box(r, "PARTIAL"))
                .append(" Partial ").append(box(r, "ROLLBACK")).append(" Rollback  \n");
        if (r.closed()) {
            md.append("**Closed By:** ").append(r.closedBy()).append(" at ").append(time(r.closedAt())).append("  \n");
        }
        if (r.notes() != null && !r.notes().isBlank()) {
            md.append("**Notes:** ").append(r.notes()).append("  \n");
        }
        for (Phase phase : Phase.values()) {
            md.append("\n## ").append(phase.title()).append("\n\n");
            for (ItemState s : items) {
                if (s.item().phase() != phase) {
                    continue;
                }
                md.append("- [").append(s.done() && !"FAIL".equals(s.outcome()) ? "x" : " ").append("] ")
                        .append(s.item().title()).append(" — **").append(s.outcome()).append("**");
                if (s.done()) {
                    md.append(" (").append(s.result().recordedBy()).append(", ").append(time(s.result().recordedAt()))
                            .append(")");
                    for (String line : s.result().summary().split("\n")) {
                        md.append("\n  - ").append(line);
                    }
                }
                md.append("\n");
            }
        }
        return md.toString();
    }

    private static String box(DeploymentRecord r, String status) {
        return status.equals(r.status()) ? "[x]" : "[ ]";
    }

    private static String orDash(String s) {
        return s == null || s.isBlank() ? "—" : s;
    }

    private static String time(Instant t) {
        return t == null ? "—" : TIME.format(t);
    }
}
