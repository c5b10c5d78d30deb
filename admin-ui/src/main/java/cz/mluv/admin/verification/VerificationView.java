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
public class VerificationView extends VerticalLayout {

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

    /**
     * @param catalogue  the checks
     * @param dataSource the database they run on
     */
    public VerificationView(VerificationCatalogue catalogue, DataSource dataSource) {
        this.catalogue = catalogue;
        this.dataSource = dataSource;
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

        add(new H2("Verification catalogue"),
                new Span("Click a row for the check's SQL, why it matters and its pass rule; plan contracts show their EXPLAIN."),
                new HorizontalLayout(runAll, tally), grid);
        setWidthFull();
    }

    private void runAll() throws java.sql.SQLException {
        VerificationReport report = catalogue.run(dataSource);
        report.results().forEach(r -> rows.put(r.id(), new CheckRow(rows.get(r.id()).check(), r)));
        tally.setText(report.count(cz.mluv.db.verification.CheckStatus.PASS) + " PASS, "
                + report.count(cz.mluv.db.verification.CheckStatus.WARN) + " WARN, "
                + report.count(cz.mluv.db.verification.CheckStatus.FAIL) + " FAIL, "
                + report.count(cz.mluv.db.verification.CheckStatus.SKIPPED) + " SKIPPED in " + report.durationMs() + " ms");
        grid.setItems(List.copyOf(rows.values()));
    }

    private void runOne(CheckId id) throws java.sql.SQLException {
        CheckResult result = catalogue.run(id, dataSource);
        rows.put(id, new CheckRow(rows.get(id).check(), result));
        grid.setItems(List.copyOf(rows.values()));
    }

    private Div details(CheckRow row) {
        Div box = new Div();
        box.setId("details-" + row.check().id().value());
        box.add(new Div(new Span("Why: " + row.check().why())), new Div(new Span("Pass rule: " + row.check().passRule())));
        Pre sql = new Pre(row.check().sql().strip());
        sql.addClassName("check-sql");
        sql.getStyle().set("font-size", "var(--lumo-font-size-xs)").set("white-space", "pre-wrap");
        box.add(sql);
        PlanText.of(row.check(), row.result()).ifPresent(box::add);
        if (row.result() != null && row.result().skipReason() != null) {
            box.add(new Div(new Span("Skipped: " + row.result().skipReason())));
        }
        return box;
    }
}
