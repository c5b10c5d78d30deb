package cz.mluv.admin.checklist;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import cz.mluv.db.verification.CheckResult;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/** Live lock waits and one progress bar per index build (pg_stat_progress_create_index), updated by server push. */
final class LivePanel extends VerticalLayout {

    private final Span updated = new Span("live: waiting for the first poll");
    private final Div locks = new Div();
    private final Div builds = new Div();

    LivePanel() {
        setId("live-panel");
        updated.setId("live-updated");
        locks.setId("live-locks");
        builds.setId("live-builds");
        getStyle().set("border", "1px dashed var(--lumo-contrast-30pct)").set("border-radius", "var(--lumo-border-radius-m)");
        add(updated, locks, builds);
    }

    void show(CheckResult lockWaits, CheckResult indexBuilds) {
        updated.setText("live, updated " + LocalTime.now().truncatedTo(ChronoUnit.SECONDS));
        locks.removeAll();
        locks.add(new Span("Lock waits: " + lockWaits.summary()));
        for (Map<String, Object> w : lockWaits.details()) {
            locks.add(new Div(new Span("pid " + w.get("pid") + " waits " + w.get("waiting_s") + " s for " + w.get("mode")
                    + " on " + w.get("relation") + ", blocked by " + w.get("blocked_by") + ": " + w.get("query"))));
        }
        builds.removeAll();
        builds.add(new Span("Index builds: " + indexBuilds.summary()));
        for (Map<String, Object> b : indexBuilds.details()) {
            Object pct = b.get("blocks_percent");
            double value = pct instanceof Number n ? n.doubleValue() / 100.0 : 0;
            ProgressBar bar = new ProgressBar(0, 1, Math.clamp(value, 0, 1));
            bar.setWidth("20em");
            bar.addClassName("index-build-progress");
            builds.add(new HorizontalLayout(new Span(b.get("index_name") + " on " + b.get("table_name") + " (" + b.get("phase")
                    + ", " + (pct == null ? "?" : pct) + " % of blocks)"), bar));
        }
    }
}
