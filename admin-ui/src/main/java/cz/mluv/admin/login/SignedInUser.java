package cz.mluv.admin.login;

import cz.mluv.db.account.Role;
import java.io.Serializable;
import java.security.Principal;

/**
 * The user of a session, kept in the VaadinSession.
 *
 * @param username login name
 * @param role     viewer or deployer
 */
public record SignedInUser(String username, Role role) implements Principal, Serializable {

    @Override
    public String getName() {
        return username;
    }

    /** @return {@code true} for a deployer */
    public boolean deployer() {
        return role == Role.DEPLOYER;
    }

    /**
     * A deployer holds the viewer role too.
     *
     * @param roleName {@code viewer} or {@code deployer}
     * @return whether the user holds it
     */
    public boolean hasRole(String roleName) {
        return role.label().equals(roleName) || (deployer() && Role.VIEWER.label().equals(roleName));
    }
}
