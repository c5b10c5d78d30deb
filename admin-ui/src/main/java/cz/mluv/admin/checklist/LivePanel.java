package cz.mluv.admin.checklist;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import cz.mluv.db.verification.CheckResult;
import cz.mluv.db.verification.activity.IndexBuildProgressCheck;
import cz.mluv.db.verification.activity.LockWaitsCheck;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;

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
        for (LockWaitsCheck.LockWait w : lockWaits.details(LockWaitsCheck.LockWait.class)) {
            locks.add(new Div(new Span("pid " + w.pid() + " waits " + w.waitingS() + " s for " + w.mode()
                    + " on " + w.relation() + ", blocked by " + w.blockedBy() + ": " + w.query())));
        }
        builds.removeAll();
        builds.add(new Span("Index builds: " + indexBuilds.summary()));
        for (IndexBuildProgressCheck.IndexBuild b : indexBuilds.details(IndexBuildProgressCheck.IndexBuild.class)) {
            Double pct = b.blocksPercent();
            double value = pct == null ? 0 : pct / 100.0;
            ProgressBar bar = new ProgressBar(0, 1, Math.clamp(value, 0, 1));
            bar.setWidth("20em");
            bar.addClassName("index-build-progress");
            builds.add(new HorizontalLayout(new Span(b.indexName() + " on " + b.tableName() + " (" + b.phase()
                    + ", " + (pct == null ? "?" : pct) + " % of blocks)"), bar));
        }
    }
}
