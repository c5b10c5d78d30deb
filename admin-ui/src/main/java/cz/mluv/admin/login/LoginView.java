package cz.mluv.admin.login;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.server.auth.NavigationAccessControl;
import io.micronaut.context.annotation.Prototype;
import java.util.Optional;

/** Sign-in: checks the bcrypt hash, renews the session id, then reloads on the page first asked for. */
@Route("login")
@PageTitle("Sign in · Mluv admin")
@AnonymousAllowed
@Prototype
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

    /** @param accounts the account check */
    public LoginView(Accounts accounts) {
        setSizeFull();
        setAlignItems(FlexComponent.Alignment.CENTER);
        setJustifyContentMode(FlexComponent.JustifyContentMode.CENTER);
        LoginForm form = new LoginForm();
        form.setForgotPasswordButtonVisible(false);
        form.addLoginListener(event -> {
            Optional<SignedInUser> user = accounts.authenticate(event.getUsername(), event.getPassword());
            if (user.isEmpty()) {
                form.setError(true);
                form.setEnabled(true);
                return;
            }
            VaadinSession session = VaadinSession.getCurrent();
            String target = (String) session.getSession().getAttribute(NavigationAccessControl.SESSION_STORED_REDIRECT);
            // Session fixation: a new HTTP session id; the Vaadin session moves over.
            VaadinService.reinitializeSession(VaadinRequest.getCurrent());
            CurrentUser.set(user.get());
            getUI().ifPresent(ui -> ui.getPage().setLocation(target == null || target.isBlank() ? "/" : "/" + target));
        });
        add(new H1("Mluv admin"), form);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (CurrentUser.get().isPresent()) {
            event.forwardTo("");
        }
    }
}
