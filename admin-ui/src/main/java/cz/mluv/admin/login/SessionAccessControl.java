package cz.mluv.admin.login;

import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.auth.NavigationAccessControl;
import java.security.Principal;
import java.util.function.Predicate;

/**
 * Vaadin's own view access control (@AnonymousAllowed, @PermitAll, @RolesAllowed) without Spring
 * or container authentication: the principal and its role come from the VaadinSession. Anyone not
 * signed in is sent to the login view.
 */
public class SessionAccessControl extends NavigationAccessControl {

    /** Login view: {@link LoginView}. */
    public SessionAccessControl() {
        setLoginView(LoginView.class);
    }

    @Override
    protected Principal getPrincipal(VaadinRequest request) {
        return CurrentUser.get().orElse(null);
    }

    @Override
    protected Predicate<String> getRolesChecker(VaadinRequest request) {
        SignedInUser user = CurrentUser.get().orElse(null);
        return role -> user != null && user.hasRole(role);
    }
}
