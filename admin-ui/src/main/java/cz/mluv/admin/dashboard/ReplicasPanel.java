package cz.mluv.admin.dashboard;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import cz.mluv.admin.views.Ages;
import cz.mluv.db.replica.ReaderFreshness;
import cz.mluv.db.replica.ReplicaEndpoints;
import cz.mluv.db.verification.CheckResult;
import cz.mluv.db.verification.VerificationReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The read replicas on the dashboard: every standby as the primary sees it (pg_stat_replication:
 * state, replay lag, bytes behind) and every configured replica ({@code MLUV_DB_REPLICA_URLS}) as
 * it sees itself (replay lag, replay paused, and the age of {@code user_stats_summary} its readers
 * see). Rows come from the catalogue's {@code replica-lag} result and {@link ReaderFreshness}.
 */
final class ReplicasPanel {

    private ReplicasPanel() {
    }

    static Component of(VerificationReport report, String view) {
        CheckResult lag = report.result("replica-lag").orElse(null);
        Map<String, ReaderFreshness.Standby> seen = new LinkedHashMap<>();
        for (ReaderFreshness.Standby s : ReaderFreshness.read(ReplicaEndpoints.fromEnvironment(), view)) {
            seen.put(s.replica(), s);
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        if (lag != null) {
            for (Map<String, Object> d : lag.details()) {
                Map<String, Object> row = new LinkedHashMap<>(d);
                ReaderFreshness.Standby s = seen.get(String.valueOf(d.get("standby")));
                if (s != null) {
                    row.put("view_age", s.viewAgeMs() == null ? "never refreshed" : Ages.text(s.viewAgeMs()));
                }
                rows.add(row);
            }
        }
        Grid<Map<String, Object>> grid = new Grid<>();
        grid.setId("replicas");
        grid.addColumn(r -> r.get("standby")).setHeader("replica").setAutoWidth(true);
        grid.addColumn(r -> r.get("seen_from")).setHeader("seen from").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> r.get("state") != null ? r.get("state") : r.get("error") != null ? "unreachable" : "in recovery")
                .setHeader("state").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> r.get("replay_lag_ms") == null ? "0" : r.get("replay_lag_ms")).setHeader("replay lag ms")
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> r.get("replay_behind_bytes")).setHeader("bytes behind").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> Boolean.TRUE.equals(r.get("replay_paused")) ? "paused" : "").setHeader("replay").setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(r -> r.get("view_age")).setHeader(view + " age (its readers)").setAutoWidth(true);
        grid.setItems(rows);
        grid.setAllRowsVisible(true);
        Span summary = new Span(lag == null ? "replica-lag is not in the catalogue"
                : rows.isEmpty() ? "no read replica: every read goes to the primary" : lag.status() + ": " + lag.summary());
        summary.setId("replicas-summary");
        VerticalLayout box = new VerticalLayout(summary, grid);
        box.setPadding(false);
        return box;
    }
}
