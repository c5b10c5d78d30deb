package cz.mluv.admin.checklist;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import cz.mluv.admin.views.Times;
import cz.mluv.admin.layout.Actions;
import cz.mluv.admin.layout.MainLayout;
import cz.mluv.admin.layout.StatusBadge;
import cz.mluv.admin.login.CurrentUser;
import cz.mluv.admin.login.SignedInUser;
import cz.mluv.db.checklist.DeploymentChecklists;
import cz.mluv.db.checklist.DeploymentRecord;
import cz.mluv.db.checklist.SchemaVersions;
import io.micronaut.context.annotation.Prototype;
import jakarta.annotation.security.PermitAll;

/** Deployment records, newest first, and a form that opens a new one (deployers). */
@Route(value = "deployments", layout = MainLayout.class)
@PageTitle("Deployments · Mluv admin")
@PermitAll
@Prototype
public class DeploymentsView extends VerticalLayout {

    /**
     * @param checklists the records
     * @param versions   to prefill the versions
     */
    public DeploymentsView(DeploymentChecklists checklists, SchemaVersions versions) {
        setWidthFull();
        SchemaVersions.Status schema = versions.status();
        TextField from = new TextField("From version");
        from.setId("from-version");
        from.setValue(schema.current() == null ? "0" : schema.current());
        TextField to = new TextField("To version");
        to.setId("to-version");
        to.setValue(schema.latest() == null ? "" : schema.latest());
        Button open = new Button("Open deployment record", e -> Actions.run(() -> {
            SignedInUser user = CurrentUser.requireDeployer();
            DeploymentRecord record = checklists.open(from.getValue(), to.getValue(), user.username());
            getUI().ifPresent(ui -> ui.navigate(DeploymentView.class, record.id()));
        }));
        open.setId("open-record");
        open.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        if (CurrentUser.get().map(u -> !u.deployer()).orElse(true)) {
            open.setEnabled(false);
            open.setTooltipText("Only a deployer may open a deployment record");
        }
        HorizontalLayout form = new HorizontalLayout(from, to, open);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);

        Grid<DeploymentRecord> grid = new Grid<>();
        grid.setId("records");
        grid.addColumn(DeploymentRecord::id).setHeader("#").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> "V" + r.fromVersion() + " → V" + r.toVersion()).setHeader("Versions").setAutoWidth(true);
        grid.addColumn(DeploymentRecord::deployedBy).setHeader("Deployed by").setAutoWidth(true);
        grid.addColumn(new ComponentRenderer<>(r -> Times.span(r.startedAt()))).setHeader("Started").setAutoWidth(true);
        grid.addColumn(new ComponentRenderer<>(r -> StatusBadge.of(r.status() == null ? "OPEN" : r.status())))
                .setHeader("Status").setAutoWidth(true);
        grid.addColumn(new ComponentRenderer<>(r -> Times.span(r.closedAt()))).setHeader("Closed").setAutoWidth(true);
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(DeploymentView.class, e.getItem().id())));
        grid.setItems(checklists.history(100));
        grid.setAllRowsVisible(true);

        add(new H2("Deployment records"), form, grid);
    }
}
