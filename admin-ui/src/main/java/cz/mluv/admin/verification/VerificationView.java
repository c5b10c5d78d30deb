package cz.mluv.admin.verification;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import cz.mluv.admin.layout.Actions;
import cz.mluv.admin.layout.MainLayout;
import cz.mluv.admin.layout.StatusBadge;
import cz.mluv.admin.dashboard.CatalogueRuns;
import cz.mluv.admin.views.Times;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import cz.mluv.db.verification.CheckId;
import cz.mluv.db.verification.CheckResult;
import cz.mluv.db.verification.VerificationCatalogue;
import cz.mluv.db.verification.VerificationCheck;
import cz.mluv.db.verification.VerificationReport;
import io.micronaut.context.annotation.Prototype;
import jakarta.annotation.security.PermitAll;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Every check of the verification catalogue: run one or all, status colours, the SQL of each, and
 * the EXPLAIN text of the plan contracts with the index they must use highlighted. Nothing here
 * takes SQL from the user: only the catalogue's own checks run.
 */
@Route(value = "verification", layout = MainLayout.class)
@PageTitle("Verification · Mluv admin")
@PermitAll
@Prototype
public class VerificationView extends VerticalLayout implements BeforeEnterObserver {

    /** A check and its latest result ({@code null} until run). */
    record CheckRow(VerificationCheck check, CheckResult result) {
        String status() {
            return result == null ? "NOT RUN" : result.status().name();
        }
    }

    private final VerificationCatalogue catalogue;
    private final DataSource dataSource;
    private final Map<CheckId, CheckRow> rows = new LinkedHashMap<>();
    private final Grid<CheckRow> grid = new Grid<>();
    private final Span tally = new Span("Not run yet");
    private final CatalogueRuns runs;

    // Detail rows shown under a check; the JSON report lists all.
    private static final int MAX_DETAIL_ROWS = 20;

    /**
     * @param catalogue  the checks
     * @param dataSource the database they run on
     * @param runs       the catalogue's latest run, shown until the next and replaced by "Run all"
     */
    public VerificationView(VerificationCatalogue catalogue, DataSource dataSource, CatalogueRuns runs) {
        this.catalogue = catalogue;
        this.dataSource = dataSource;
        this.runs = runs;
        catalogue.checks().forEach(c -> rows.put(c.id(), new CheckRow(c, null)));

        Button runAll = new Button("Run all checks", e -> Actions.run(this::runAll));
        runAll.setId("run-all");
        runAll.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        tally.setId("tally");

        grid.setId("checks");
        grid.addColumn(new ComponentRenderer<>(r -> {
            Span badge = StatusBadge.of(r.status());
            badge.setId("status-" + r.check().id().value());
            return badge;
        })).setHeader("Status").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> r.check().id().value()).setHeader("Check").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> r.result() == null ? r.check().title() : r.result().summary()).setHeader("Title / result")
                .setFlexGrow(1);
        grid.addColumn(r -> r.result() == null ? "" : r.result().durationMs() + " ms").setHeader("Time").setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(new ComponentRenderer<>(r -> {
            Button run = new Button("Run", e -> Actions.run(() -> runOne(r.check().id())));
            run.setId("run-" + r.check().id().value());
            run.addThemeVariants(ButtonVariant.LUMO_SMALL);
            return run;
        })).setHeader("").setAutoWidth(true).setFlexGrow(0);
        grid.setItemDetailsRenderer(new ComponentRenderer<>(this::details));
        grid.setDetailsVisibleOnClick(true);
        grid.setAllRowsVisible(true);
        grid.setItems(List.copyOf(rows.values()));
        runs.latest().ifPresent(this::show);

        add(new H2("Verification catalogue"),
                new Span("Click a row for the check's SQL, why it matters and its pass rule; plan contracts show their EXPLAIN."),
                new HorizontalLayout(runAll, tally), grid);
        setWidthFull();
    }

    private void runAll() throws java.sql.SQLException {
        VerificationReport report = catalogue.run(dataSource);
        runs.keep(report);
        show(report);
    }

    private void show(VerificationReport report) {
        report.results().forEach(r -> rows.put(r.id(), new CheckRow(rows.get(r.id()).check(), r)));
        tally.setText(report.count(cz.mluv.db.verification.CheckStatus.PASS) + " PASS, "
                + report.count(cz.mluv.db.verification.CheckStatus.WARN) + " WARN, "
                + report.count(cz.mluv.db.verification.CheckStatus.FAIL) + " FAIL, "
                + report.count(cz.mluv.db.verification.CheckStatus.SKIPPED) + " SKIPPED in " + report.durationMs() + " ms, "
                + Times.ago(report.startedAt(), java.time.Instant.now()));
        tally.getElement().setAttribute("title", Times.exact(report.startedAt()));
        grid.setItems(List.copyOf(rows.values()));
    }

    /** {@code ?check=<id>} (the dashboard's links) opens that check's SQL, why, pass rule and fix. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.getLocation().getQueryParameters().getSingleParameter("check").ifPresent(text -> {
            try {
                CheckRow row = rows.get(CheckId.parse(text));
                if (row != null) {
                    grid.setDetailsVisible(row, true);
                    grid.scrollToIndex(List.copyOf(rows.keySet()).indexOf(row.check().id()));
                }
            } catch (IllegalArgumentException e) {
                // not an id: the page opens as usual
            }
        });
    }

    private void runOne(CheckId id) throws java.sql.SQLException {
        CheckResult result = catalogue.run(id, dataSource);
        rows.put(id, new CheckRow(rows.get(id).check(), result));
        grid.setItems(List.copyOf(rows.values()));
    }

    private Div details(CheckRow row) {
        Div box = new Div();
        box.setId("details-" + row.check().id().value());
        Div fix = new Div(new Span("Fix: " + row.check().fix()));
        fix.addClassName("check-fix");
        box.add(new Div(new Span("Why: " + row.check().why())), new Div(new Span("Pass rule: " + row.check().passRule())), fix);
        Pre sql = new Pre(row.check().sql().strip());
        sql.addClassName("check-sql");
        sql.getStyle().set("font-size", "var(--lumo-font-size-xs)").set("white-space", "pre-wrap");
        box.add(sql);
        PlanText.of(row.check(), row.result()).ifPresent(box::add);
        if (row.result() != null && !row.result().details().isEmpty() && PlanText.of(row.check(), row.result()).isEmpty()) {
            Pre findings = new Pre(row.result().details().stream().limit(MAX_DETAIL_ROWS)
                    .map(d -> d.toRow().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                            .collect(java.util.stream.Collectors.joining(", ")))
                    .collect(java.util.stream.Collectors.joining("\n"))
                    + (row.result().details().size() > MAX_DETAIL_ROWS ? "\n… " + (row.result().details().size() - MAX_DETAIL_ROWS)
                    + " more (./mluv deploy verify --format json lists all)" : ""));
            findings.addClassName("check-details");
            findings.getStyle().set("font-size", "var(--lumo-font-size-xs)").set("white-space", "pre-wrap");
            box.add(new Div(new Span("Findings:")), findings);
        }
        if (row.result() != null && row.result().skipReason() != null) {
            box.add(new Div(new Span("Skipped: " + row.result().skipReason())));
        }
        return box;
    }
}
