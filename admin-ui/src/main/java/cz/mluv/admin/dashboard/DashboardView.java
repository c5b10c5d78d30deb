package cz.mluv.admin.dashboard;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import cz.mluv.admin.layout.Actions;
import cz.mluv.admin.layout.MainLayout;
import cz.mluv.admin.layout.StatusBadge;
import cz.mluv.admin.views.Ages;
import cz.mluv.admin.views.Times;
import cz.mluv.db.checklist.SchemaVersions;
import cz.mluv.db.refresh.Freshness;
import cz.mluv.db.refresh.ViewFreshness;
import cz.mluv.db.verification.CheckId;
import cz.mluv.db.verification.CheckResult;
import cz.mluv.db.verification.CheckStatus;
import cz.mluv.db.verification.VerificationReport;
import cz.mluv.db.verification.activity.SlowQueriesCheck;
import cz.mluv.db.verification.index.IndexUsageCheck;
import io.micronaut.context.annotation.Prototype;
import jakarta.annotation.security.PermitAll;
import java.util.Comparator;
import java.util.List;
import javax.sql.DataSource;

/**
 * The state of the database at a glance: schema version and pending migrations, the catalogue's
 * tally from its latest run ({@link CatalogueRuns}, with its age and a button to run it again:
 * opening the page does not run every check), the checks that need a look with a link to each,
 * view age and last refresh, pool use, the read replicas with their lag, the slowest queries, and charts of index usage and refresh
 * durations.
 */
@Route(value = "", layout = MainLayout.class)
@PageTitle("Dashboard · Mluv admin")
@PermitAll
@Prototype
public class DashboardView extends VerticalLayout {

    private static final String VIEW = "user_stats_summary";

    /**
     * @param versions   schema version and pending migrations
     * @param runs       the catalogue's latest run
     * @param freshness  view freshness and refresh history
     * @param dataSource the database
     */
    public DashboardView(SchemaVersions versions, CatalogueRuns runs, ViewFreshness freshness,
                         DataSource dataSource) {
        setWidthFull();
        add(new H2("Dashboard"));
        FlexLayout cards = new FlexLayout();
        cards.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        cards.getStyle().set("gap", "var(--lumo-space-m)");
        add(cards);

        SchemaVersions.Status schema = versions.status();
        cards.add(card("Schema", "schema-version",
                "V" + schema.current() + " (latest V" + schema.latest() + ")",
                schema.pending().isEmpty() ? "no pending migration" : "pending: " + String.join(", ", schema.pending())));

        Freshness f = freshness.of(VIEW);
        cards.add(card("View " + VIEW, "dashboard-view-age",
                f.ageMs() == null ? "never refreshed" : "age " + Ages.text(f.ageMs()),
                "last refresh: " + (f.lastOutcome() == null ? "none" : f.lastOutcome() + " in " + f.lastDurationMs() + " ms")
                        + ", failures in 24 h: " + f.failuresLast24h()));
        cards.add(card("Connection pool (this console)", "pool-use", PoolUse.of(dataSource), ""));

        VerificationReport[] holder = new VerificationReport[1];
        Actions.run(() -> holder[0] = runs.latestOrRun());
        VerificationReport report = holder[0];
        if (report == null) {
            return;
        }
        HorizontalLayout tally = new HorizontalLayout();
        tally.setId("catalogue-tally");
        for (CheckStatus s : CheckStatus.values()) {
            Span badge = StatusBadge.of(s.name());
            badge.setText(report.count(s) + " " + s.name());
            tally.add(badge);
        }
        Div catalogueCard = card("Verification catalogue", "catalogue-summary", report.results().size() + " checks in "
                + report.durationMs() + " ms", "");
        Span age = Times.span(report.startedAt());
        age.setId("catalogue-age");
        Button rerun = new Button("Run again", e -> Actions.run(() -> {
            runs.run();
            UI.getCurrent().getPage().reload();
        }));
        rerun.setId("rerun-catalogue");
        rerun.addThemeVariants(ButtonVariant.LUMO_SMALL);
        catalogueCard.add(tally, new HorizontalLayout(new Span("checked"), age, rerun));
        cards.add(catalogueCard);
        report.result(CheckId.CONNECTIONS).ifPresent(r -> cards.add(card("Connections (database)", "connections", r.summary(), "")));

        add(new H3("Checks that need a look"), needsALook(report));
        add(new H3("Read replicas"), ReplicasPanel.of(report, VIEW));
        add(new H3("Slowest queries (pg_stat_statements)"), slowQueries(report));

        FlexLayout charts = new FlexLayout();
        charts.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        charts.getStyle().set("gap", "var(--lumo-space-m)");
        report.result(CheckId.INDEX_USAGE).ifPresent(r -> {
            Svg svg = new Svg(Charts.indexUsage(r.details(IndexUsageCheck.IndexUse.class), 14));
            svg.setId("chart-index-usage");
            charts.add(svg);
        });
        Svg refreshes = new Svg(Charts.refreshDurations(VIEW, freshness.history(VIEW, 100)));
        refreshes.setId("chart-refresh-durations");
        charts.add(refreshes);
        add(charts);
    }

    private static Component needsALook(VerificationReport report) {
        Div list = new Div();
        list.setId("checks-to-look-at");
        report.results().stream().filter(r -> r.status() == CheckStatus.FAIL || r.status() == CheckStatus.WARN)
                .sorted(Comparator.comparing((CheckResult r) -> r.status() != CheckStatus.FAIL).thenComparing(CheckResult::severity))
                .forEach(r -> {
                    Anchor link = new Anchor("verification?check=" + r.id().value(), r.id().value());
                    link.setId("look-" + r.id().value());
                    Span summary = new Span(" " + r.summary());
                    summary.getStyle().set("color", "var(--lumo-secondary-text-color)");
                    list.add(new Div(StatusBadge.of(r.status().name()), new Span(" "), link, summary));
                });
        if (list.getChildren().findAny().isEmpty()) {
            list.add(new Span("every check passed or was skipped"));
        }
        return list;
    }

    private static Component slowQueries(VerificationReport report) {
        CheckResult slow = report.result(CheckId.SLOW_QUERIES).orElse(null);
        if (slow == null || slow.status() == CheckStatus.SKIPPED) {
            return new Span(slow == null ? "not in the catalogue" : "skipped: " + slow.skipReason());
        }
        Grid<SlowQueriesCheck.SlowQuery> grid = new Grid<>();
        grid.setId("slow-queries");
        grid.addColumn(SlowQueriesCheck.SlowQuery::meanMs).setHeader("mean ms").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(SlowQueriesCheck.SlowQuery::maxMs).setHeader("max ms").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(SlowQueriesCheck.SlowQuery::calls).setHeader("calls").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(SlowQueriesCheck.SlowQuery::query).setHeader("query").setFlexGrow(1);
        List<SlowQueriesCheck.SlowQuery> rows = slow.details(SlowQueriesCheck.SlowQuery.class).stream().limit(10).toList();
        grid.setItems(rows);
        grid.setAllRowsVisible(true);
        VerticalLayout box = new VerticalLayout(new Span(slow.summary()), grid);
        box.setPadding(false);
        return box;
    }

    private static Div card(String title, String id, String value, String note) {
        Span big = new Span(value);
        big.setId(id);
        big.getStyle().set("font-size", "var(--lumo-font-size-l)").set("font-weight", "600");
        Div card = new Div(new Div(new Span(title)), new Div(big));
        if (!note.isBlank()) {
            Span small = new Span(note);
            small.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
            card.add(new Div(small));
        }
        card.getStyle().set("border", "1px solid var(--lumo-contrast-20pct)").set("border-radius", "var(--lumo-border-radius-l)")
                .set("padding", "var(--lumo-space-m)").set("min-width", "16em").set("max-width", "28em");
        return card;
    }
}
