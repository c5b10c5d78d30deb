package cz.mluv.admin.layout;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.server.VaadinSession;
import cz.mluv.admin.login.CurrentUser;
import cz.mluv.admin.login.SignedInUser;
import jakarta.annotation.security.PermitAll;

/** Navigation bar (who is signed in, log out) and the side navigation of every page after login. */
@PermitAll
public class MainLayout extends AppLayout {

    /** Builds the bar and the navigation. */
    public MainLayout() {
        H1 title = new H1("Mluv admin");
        title.getStyle().set("font-size", "var(--lumo-font-size-l)").set("margin", "0 var(--lumo-space-m)");
        SignedInUser user = CurrentUser.get().orElse(null);
        Span who = new Span(user == null ? "" : user.username() + " (" + user.role().label() + ")");
        who.setId("who");
        Button logout = new Button("Log out", e -> {
            VaadinSession.getCurrent().getSession().invalidate();
            UI.getCurrent().getPage().setLocation("/login");
        });
        logout.setId("logout");
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout bar = new HorizontalLayout(title, who, logout);
        bar.setWidthFull();
        bar.setAlignItems(FlexComponent.Alignment.CENTER);
        bar.expand(title);
        bar.getStyle().set("padding-right", "var(--lumo-space-m)");
        addToNavbar(bar);

        SideNav nav = new SideNav();
        nav.addItem(new SideNavItem("Dashboard", "/"),
                new SideNavItem("Verification", "/verification"),
                new SideNavItem("Deployments", "/deployments"),
                new SideNavItem("History", "/history"),
                new SideNavItem("Views", "/views"));
        addToDrawer(nav);
        setPrimarySection(Section.NAVBAR);
    }
}
