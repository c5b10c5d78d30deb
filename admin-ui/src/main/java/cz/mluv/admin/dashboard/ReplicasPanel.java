package cz.mluv.admin.dashboard;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import cz.mluv.admin.views.Ages;
import cz.mluv.db.replica.ReaderFreshness;
import cz.mluv.db.replica.ReplicaEndpoints;
import cz.mluv.db.verification.CheckId;
import cz.mluv.db.verification.CheckResult;
import cz.mluv.db.verification.replication.ReplicaLagCheck.StandbyLag;
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

    /** One grid row: a standby's lag as the catalogue saw it, and the view age its readers see. */
    private record Row(StandbyLag lag, String viewAge) {
    }

    static Component of(VerificationReport report, String view) {
        CheckResult lag = report.result(CheckId.REPLICA_LAG).orElse(null);
        Map<String, ReaderFreshness.Standby> seen = new LinkedHashMap<>();
        for (ReaderFreshness.Standby s : ReaderFreshness.read(ReplicaEndpoints.fromEnvironment(), view)) {
            seen.put(s.replica(), s);
        }
        List<Row> rows = new ArrayList<>();
        if (lag != null) {
            for (StandbyLag d : lag.details(StandbyLag.class)) {
                ReaderFreshness.Standby s = seen.get(d.standby());
                rows.add(new Row(d, s == null ? null : s.viewAgeMs() == null ? "never refreshed" : Ages.text(s.viewAgeMs())));
            }
        }
        Grid<Row> grid = new Grid<>();
        grid.setId("replicas");
        grid.addColumn(r -> r.lag().standby()).setHeader("replica").setAutoWidth(true);
        grid.addColumn(r -> r.lag().seenFrom()).setHeader("seen from").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> r.lag().state() != null ? r.lag().state() : r.lag().error() != null ? "unreachable" : "in recovery")
                .setHeader("state").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> r.lag().replayLagMs() == null ? "0" : String.valueOf(r.lag().replayLagMs())).setHeader("replay lag ms")
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> r.lag().replayBehindBytes()).setHeader("bytes behind").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> Boolean.TRUE.equals(r.lag().replayPaused()) ? "paused" : "").setHeader("replay").setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(Row::viewAge).setHeader(view + " age (its readers)").setAutoWidth(true);
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
