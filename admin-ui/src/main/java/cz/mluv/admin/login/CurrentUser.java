package cz.mluv.admin.login;

import com.vaadin.flow.server.VaadinSession;
import java.util.Optional;

/** The signed-in user of the current Vaadin session, and the server-side role check of every write. */
public final class CurrentUser {

    private CurrentUser() {
    }

    /** @return the user, or empty when nobody signed in (or outside a request) */
    public static Optional<SignedInUser> get() {
        VaadinSession session = VaadinSession.getCurrent();
        return session == null ? Optional.empty() : Optional.ofNullable(session.getAttribute(SignedInUser.class));
    }

    /** @param user the user who just signed in */
    static void set(SignedInUser user) {
        VaadinSession.getCurrent().setAttribute(SignedInUser.class, user);
    }

    /**
     * Whatever the page shows, writes pass here first.
     *
     * @return the signed-in deployer
     * @throws AccessDeniedException when nobody is signed in or the user is a viewer
     */
    public static SignedInUser requireDeployer() {
        SignedInUser user = get().orElseThrow(() -> new AccessDeniedException("not signed in"));
        if (!user.deployer()) {
            throw new AccessDeniedException(user.username() + " is a viewer: only a deployer may do this");
        }
        return user;
    }
}
