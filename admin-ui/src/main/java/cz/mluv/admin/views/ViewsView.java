package cz.mluv.admin.views;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import cz.mluv.admin.layout.Actions;
import cz.mluv.admin.layout.MainLayout;
import cz.mluv.admin.layout.StatusBadge;
import cz.mluv.admin.login.CurrentUser;
import cz.mluv.db.refresh.Freshness;
import cz.mluv.db.refresh.RefreshLogEntry;
import cz.mluv.db.refresh.RefreshOutcome;
import cz.mluv.db.refresh.SingleRunnerRefresh;
import cz.mluv.db.refresh.ViewFreshness;
import cz.mluv.db.refresh.ViewRefresher;
import io.micronaut.context.annotation.Prototype;
import jakarta.annotation.security.PermitAll;

/**
 * Freshness and refresh history of each materialized view, and "refresh now" (deployers only),
 * which goes through {@link SingleRunnerRefresh}: the scheduler's path, so at most one refresh
 * runs whoever asks.
 */
@Route(value = "views", layout = MainLayout.class)
@PageTitle("Views · Mluv admin")
@PermitAll
@Prototype
public class ViewsView extends VerticalLayout {

    private static final int HISTORY_ROWS = 20;

    private final ViewFreshness freshness;
    private final SingleRunnerRefresh refresh;

    /**
     * @param freshness freshness and history reads
     * @param refresh   the single-runner refresh
     */
    public ViewsView(ViewFreshness freshness, SingleRunnerRefresh refresh) {
        this.freshness = freshness;
        this.refresh = refresh;
        add(new H2("Materialized views"));
        for (String view : ViewRefresher.VIEWS) {
            add(section(view));
        }
        setWidthFull();
    }

    private VerticalLayout section(String view) {
        VerticalLayout box = new VerticalLayout();
        box.setPadding(false);
        Span age = new Span();
        age.setId("view-age");
        Span lastSuccess = new Span();
        lastSuccess.setId("view-last-success");
        Span last = new Span();
        last.setId("view-last-outcome");
        Grid<RefreshLogEntry> history = new Grid<>();
        history.setId("refresh-history");
        history.addColumn(new ComponentRenderer<>(e -> Times.span(e.startedAt()))).setHeader("Started").setAutoWidth(true);
        history.addColumn(RefreshLogEntry::mode).setHeader("Mode").setAutoWidth(true);
        history.addColumn(new ComponentRenderer<>(e -> StatusBadge.of(e.outcome()))).setHeader("Outcome").setAutoWidth(true);
        history.addColumn(e -> e.durationMs() == null ? "" : e.durationMs() + " ms").setHeader("Duration").setAutoWidth(true);
        history.addColumn(e -> e.rowCount() == null ? "" : String.valueOf(e.rowCount())).setHeader("Rows").setAutoWidth(true);
        history.addColumn(RefreshLogEntry::worker).setHeader("Worker").setAutoWidth(true);
        history.addColumn(e -> e.error() == null ? "" : e.error()).setHeader("Error");
        history.setAllRowsVisible(true);

        Runnable reload = () -> {
            Freshness f = freshness.of(view);
            age.setText(f.ageMs() == null ? "never refreshed" : "age " + Ages.text(f.ageMs()));
            lastSuccess.setText(f.lastSuccessAt() == null ? "" : "last success " + Times.ago(f.lastSuccessAt(), java.time.Instant.now()));
            lastSuccess.getElement().setAttribute("title", f.lastSuccessAt() == null ? "" : Times.exact(f.lastSuccessAt()));
            last.setText("last refresh: " + (f.lastOutcome() == null ? "none" : f.lastOutcome() + " (" + f.lastMode() + ", "
                    + f.lastDurationMs() + " ms, " + f.lastWorker() + ")") + "; failures in 24 h: " + f.failuresLast24h()
                    + (f.refreshing() ? "; refreshing now" : ""));
            history.setItems(freshness.history(view, HISTORY_ROWS));
        };
        reload.run();

        Button now = new Button("Refresh now", e -> Actions.run(() -> {
            CurrentUser.requireDeployer();
            RefreshOutcome outcome = refresh.refreshNow(view);
            switch (outcome) {
                case RefreshOutcome.Refreshed r -> Actions.success("Refreshed " + view + ": " + r.rows() + " rows in "
                        + r.durationMs() + " ms (" + r.mode() + ")");
                case RefreshOutcome.Skipped s -> Actions.error("Skipped: " + s.reason());
                case RefreshOutcome.Failed f -> Actions.error("Refresh failed: " + f.error());
            }
            reload.run();
        }));
        now.setId("refresh-now");
        now.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        if (CurrentUser.get().map(u -> !u.deployer()).orElse(true)) {
            now.setEnabled(false); // the server ignores events of disabled components as well
            now.setTooltipText("Only a deployer may refresh");
        }
        box.add(new H3(view), new HorizontalLayout(age, lastSuccess), last, now, history);
        return box;
    }
}
