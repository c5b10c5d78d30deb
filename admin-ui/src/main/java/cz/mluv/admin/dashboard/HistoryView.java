package cz.mluv.admin.dashboard;

import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import cz.mluv.admin.layout.Actions;
import cz.mluv.admin.layout.MainLayout;
import cz.mluv.admin.views.Times;
import cz.mluv.db.history.HistoryQueries;
import cz.mluv.db.history.StatementInterval;
import cz.mluv.db.history.StatementPoint;
import cz.mluv.db.history.StatsSnapshot;
import io.micronaut.context.annotation.Prototype;
import jakarta.annotation.security.PermitAll;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The statistics history the scheduler snapshots (migration V12): the statements that took the
 * most time with their mean and p95 proxy over time, the cache hit rate of tables and indexes
 * between snapshots, and the space of the largest relations over time. Read-only.
 */
@Route(value = "history", layout = MainLayout.class)
@PageTitle("History · Mluv admin")
@PermitAll
@Prototype
public class HistoryView extends VerticalLayout {

    /** Snapshots charted: two days of 15-minute ticks. */
    static final int SNAPSHOTS = 192;
    /** Statements charted. */
    static final int TOP = 5;
    private static final int QUERY_LABEL_CHARS = 48;

    /** @param history the statistics history */
    public HistoryView(HistoryQueries history) {
        setWidthFull();
        add(new H2("History"));
        Actions.run(() -> show(history));
    }

    private void show(HistoryQueries history) throws java.sql.SQLException {
        List<StatsSnapshot> snapshots = history.snapshots(SNAPSHOTS);
        Span count = new Span(snapshots.size() + " snapshot(s)");
        count.setId("snapshot-count");
        HorizontalLayout header = new HorizontalLayout(count);
        if (!snapshots.isEmpty()) {
            header.add(new Span("from"), Times.span(snapshots.getFirst().takenAt()), new Span("to"),
                    Times.span(snapshots.getLast().takenAt()));
            if (snapshots.stream().anyMatch(StatsSnapshot::resetDetected)) {
                header.add(new Span("(pg_stat_statements was reset in between: those intervals count from the reset)"));
            }
        }
        add(header);
        if (snapshots.size() < 2) {
            add(new Span("The charts need two snapshots: the scheduler takes one every MLUV_HISTORY_CRON tick (default 15 min)."));
            return;
        }
        List<StatementInterval> top = history.topStatements(snapshots.getFirst().id(), snapshots.getLast().id(), TOP);
        Map<String, List<StatementPoint>> series = new LinkedHashMap<>();
        for (StatementInterval s : top) {
            series.put(label(s), history.statementHistory(s.queryid(), SNAPSHOTS));
        }
        FlexLayout charts = new FlexLayout();
        charts.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        charts.getStyle().set("gap", "var(--lumo-space-m)");
        charts.add(chart("chart-query-mean", HistoryCharts.statements(series, "Mean execution time per interval",
                p -> p.interval().meanMs())));
        charts.add(chart("chart-query-p95", HistoryCharts.statements(series, "p95 proxy per interval (mean + 1.645 sd)",
                p -> p.interval().p95ProxyMs())));
        charts.add(chart("chart-cache-hit-rate", HistoryCharts.cacheHitRates(snapshots)));
        charts.add(chart("chart-space-growth", HistoryCharts.spaceGrowth(history.relationGrowth(SNAPSHOTS), 8)));
        add(charts);

        add(new H3("Statements that took the most time"));
        Grid<StatementInterval> grid = new Grid<>();
        grid.setId("top-statements");
        grid.addColumn(StatementInterval::calls).setHeader("calls").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(s -> ms(s.meanMs())).setHeader("mean ms").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(s -> ms(s.p95ProxyMs())).setHeader("p95 proxy ms").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(s -> ms(s.execMs())).setHeader("total ms").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(new ComponentRenderer<>(s -> new Span(s.query()))).setHeader("statement").setFlexGrow(1);
        grid.setItems(top);
        grid.setAllRowsVisible(true);
        add(grid);
    }

    private static Svg chart(String id, String svg) {
        Svg chart = new Svg(svg);
        chart.setId(id);
        return chart;
    }

    private static String label(StatementInterval s) {
        String q = s.query() == null ? "#" + s.queryid() : s.query();
        return q.length() > QUERY_LABEL_CHARS ? q.substring(0, QUERY_LABEL_CHARS) + "…" : q;
    }

    private static String ms(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
