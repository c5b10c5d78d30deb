package cz.mluv.admin.checklist;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import cz.mluv.admin.views.Times;
import cz.mluv.admin.layout.Actions;
import cz.mluv.admin.layout.MainLayout;
import cz.mluv.admin.layout.StatusBadge;
import cz.mluv.admin.login.CurrentUser;
import cz.mluv.admin.login.SignedInUser;
import cz.mluv.db.verification.CheckId;
import cz.mluv.db.checklist.ChecklistException;
import cz.mluv.db.checklist.DeploymentChecklists;
import cz.mluv.db.checklist.DeploymentRecord;
import cz.mluv.db.checklist.ItemState;
import cz.mluv.db.checklist.Phase;
import io.micronaut.context.annotation.Prototype;
import jakarta.annotation.security.PermitAll;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ScheduledFuture;

/**
 * One deployment record: its pre / during / post items (automatic ones run their checks, manual
 * ones are signed by a deployer with a comment), live lock waits and index build progress during
 * the deployment, closing with a status, baseline vs post performance, and the Markdown export.
 */
@Route(value = "deployment", layout = MainLayout.class)
@PageTitle("Deployment record · Mluv admin")
@PermitAll
@Prototype
public class DeploymentView extends VerticalLayout implements HasUrlParameter<Long> {

    private final DeploymentChecklists checklists;
    private final LiveActivity live;
    private final LivePanel livePanel = new LivePanel();
    private ScheduledFuture<?> watching;
    private long recordId;

    /**
     * @param checklists the records
     * @param live       lock waits and index builds, polled
     */
    public DeploymentView(DeploymentChecklists checklists, LiveActivity live) {
        this.checklists = checklists;
        this.live = live;
        setWidthFull();
    }

    @Override
    public void setParameter(BeforeEvent event, Long id) {
        recordId = id;
        try {
            render();
        } catch (ChecklistException e) {
            removeAll();
            add(new H2(e.getMessage()));
        }
    }

    private void render() {
        removeAll();
        DeploymentRecord r = checklists.record(recordId);
        boolean deployer = CurrentUser.get().map(SignedInUser::deployer).orElse(false);
        boolean editable = deployer && !r.closed();
        add(new H2("Deployment record #" + r.id() + ": V" + r.fromVersion() + " → V" + r.toVersion()));
        Span status = StatusBadge.of(r.status() == null ? "OPEN" : r.status());
        status.setId("record-status");
        add(new HorizontalLayout(new Span("Deployed by " + r.deployedBy() + ", started"), Times.span(r.startedAt()), status));
        add(performance("Performance baseline", "baseline", r.baselinePerformance()),
                performance("Post-deployment performance", "post-performance", r.postPerformance()));

        List<ItemState> items = checklists.items(recordId);
        for (Phase phase : Phase.values()) {
            add(new H3(phase.title()));
            items.stream().filter(s -> s.item().phase() == phase).forEach(s -> add(itemRow(s, editable)));
            if (phase == Phase.DURING && !r.closed()) {
                add(livePanel);
            }
        }
        add(new H3("Close"));
        if (r.closed()) {
            add(new HorizontalLayout(new Span("Closed by " + r.closedBy()), Times.span(r.closedAt()), new Span("with status "
                    + r.status() + (r.notes() == null || r.notes().isBlank() ? "" : ": " + r.notes()))));
        } else {
            add(closeForm(editable));
        }
        add(new H3("Export"), export(r));
    }

    private Div performance(String title, String id, String value) {
        Span v = new Span(value == null ? "— (measured when the record closes)" : value);
        v.setId(id);
        v.getStyle().set("font-size", "var(--lumo-font-size-s)");
        return new Div(new Span(title + ": "), v);
    }

    private HorizontalLayout itemRow(ItemState s, boolean editable) {
        String key = s.item().key();
        Span badge = StatusBadge.of(s.outcome());
        badge.setId("item-status-" + key);
        badge.setMinWidth("6em");
        Div text = new Div(new Div(new Span(s.item().title())));
        Span source = new Span((s.item().automatic() ? "automatic: " + s.item().checkIds().stream().map(CheckId::value).collect(java.util.stream.Collectors.joining(", ")) : "manual")
                + " · " + s.item().source());
        source.getStyle().set("font-size", "var(--lumo-font-size-xs)").set("color", "var(--lumo-secondary-text-color)");
        text.add(new Div(source));
        if (s.done()) {
            Pre summary = new Pre(s.result().summary() + "\n— " + s.result().recordedBy() + ", "
                    + Times.ago(s.result().recordedAt(), java.time.Instant.now()));
            summary.getElement().setAttribute("title", Times.exact(s.result().recordedAt()));
            summary.setId("item-summary-" + key);
            summary.getStyle().set("font-size", "var(--lumo-font-size-xs)").set("white-space", "pre-wrap").set("margin", "0");
            text.add(summary);
        }
        text.getStyle().set("flex", "1");
        HorizontalLayout row = new HorizontalLayout(badge, text);
        row.setWidthFull();
        row.setAlignItems(FlexComponent.Alignment.START);
        if (s.item().automatic()) {
            Button run = new Button(s.done() ? "Run again" : "Run", e -> Actions.run(() -> {
                SignedInUser user = CurrentUser.requireDeployer();
                checklists.run(recordId, key, user.username());
                render();
            }));
            run.setId("run-" + key);
            run.setEnabled(editable);
            row.add(run);
        } else {
            TextField comment = new TextField();
            comment.setPlaceholder("comment (what was done)");
            comment.setId("comment-" + key);
            comment.setEnabled(editable);
            Button sign = new Button("Sign", e -> Actions.run(() -> {
                SignedInUser user = CurrentUser.requireDeployer();
                checklists.sign(recordId, key, user.username(), comment.getValue());
                render();
            }));
            sign.setId("sign-" + key);
            sign.setEnabled(editable);
            row.add(comment, sign);
        }
        return row;
    }

    private HorizontalLayout closeForm(boolean editable) {
        Select<String> status = new Select<>();
        status.setLabel("Status");
        status.setItems("SUCCESS", "PARTIAL", "ROLLBACK");
        status.setId("close-status");
        TextArea notes = new TextArea("Notes");
        notes.setId("close-notes");
        notes.setWidth("30em");
        Button close = new Button("Close record", e -> Actions.run(() -> {
            SignedInUser user = CurrentUser.requireDeployer();
            checklists.close(recordId, status.getValue(), user.username(), notes.getValue());
            render();
        }));
        close.setId("close-record");
        close.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        status.setEnabled(editable);
        notes.setEnabled(editable);
        close.setEnabled(editable);
        HorizontalLayout form = new HorizontalLayout(status, notes, close);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        return form;
    }

    private Div export(DeploymentRecord r) {
        String markdown = checklists.markdown(recordId);
        byte[] bytes = markdown.getBytes(StandardCharsets.UTF_8);
        String fileName = "deployment-" + r.id() + ".md";
        Anchor download = new Anchor(DownloadHandler.fromInputStream(event ->
                new DownloadResponse(new ByteArrayInputStream(bytes), fileName, "text/markdown", bytes.length)),
                "Download " + fileName);
        download.setId("export-markdown");
        Pre text = new Pre(markdown);
        text.setId("markdown");
        text.getStyle().set("font-size", "var(--lumo-font-size-xs)").set("white-space", "pre-wrap")
                .set("background", "#f4f6f9").set("padding", "0.5em");
        return new Div(download, text);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        UI ui = event.getUI();
        watching = live.watch(2000, (locks, builds) -> ui.access(() -> livePanel.show(locks, builds)));
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (watching != null) {
            watching.cancel(false);
        }
    }
}
