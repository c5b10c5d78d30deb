package cz.mluv.admin.login;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
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

/**
 * Sign-in: checks the bcrypt hash, renews the session id, then reloads on the page first asked for.
 * When the account table is missing (schema rolled back below V5) or unreadable, a notification
 * says so, with a log reference, instead of a wrong-password answer.
 */
@Route("login")
@PageTitle("Sign in · Mluv admin")
@AnonymousAllowed
@Prototype
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

    private static final LoginI18n WRONG_PASSWORD = LoginI18n.createDefault();
    private static final LoginI18n UNAVAILABLE = unavailable();

    /** @param accounts the account check */
    public LoginView(Accounts accounts) {
        setSizeFull();
        setAlignItems(FlexComponent.Alignment.CENTER);
        setJustifyContentMode(FlexComponent.JustifyContentMode.CENTER);
        LoginForm form = new LoginForm();
        form.setForgotPasswordButtonVisible(false);
        form.addLoginListener(event -> {
            Optional<SignedInUser> user;
            try {
                user = accounts.authenticate(event.getUsername(), event.getPassword());
            } catch (AccountsUnavailableException e) {
                Notification n = Notification.show(message(e), 15_000, Notification.Position.TOP_CENTER);
                n.addThemeVariants(NotificationVariant.LUMO_ERROR);
                n.setId("accounts-unavailable");
                // setError re-enables the form on the client (it disables itself on submit).
                form.setI18n(UNAVAILABLE);
                form.setError(true);
                return;
            }
            if (user.isEmpty()) {
                form.setI18n(WRONG_PASSWORD);
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

    /**
     * @param e why sign-in could not read the accounts
     * @return what the login page says: the reason and what to do, with the log reference; never
     *         the database's message
     */
    static String message(AccountsUnavailableException e) {
        return switch (e.reason()) {
            case TABLE_MISSING -> "The account table is missing: the schema was rolled back below V5. Run ./mluv deploy migrate; "
                    + "the configured accounts are created again at the next sign-in, no restart needed. (Reference "
                    + e.reference() + ")";
            case DATABASE_ERROR -> "Sign-in is unavailable: the account table could not be read. Try again; if it persists, "
                    + "the server log has the details under reference " + e.reference() + ".";
        };
    }

    private static LoginI18n unavailable() {
        LoginI18n i18n = LoginI18n.createDefault();
        i18n.getErrorMessage().setTitle("Sign-in unavailable");
        i18n.getErrorMessage().setMessage("The accounts could not be read: see the notice at the top of the page.");
        return i18n;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (CurrentUser.get().isPresent()) {
            event.forwardTo("");
        }
    }
}
