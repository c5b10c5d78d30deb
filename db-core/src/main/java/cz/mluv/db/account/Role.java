package cz.mluv.db.account;

import java.util.Locale;

/** What an admin-console user may do; stored lower-case in {@code admin_user.role}. */
public enum Role {
    /** Reads every page; signs nothing, refreshes nothing. */
    VIEWER,
    /** Also opens, signs and closes deployment records and triggers view refreshes. */
    DEPLOYER;

    /** @return the stored name, e.g. {@code deployer} */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param label {@code viewer} or {@code deployer} (any case)
     * @return the role
     * @throws IllegalArgumentException for any other value
     */
    public static Role ofLabel(String label) {
        for (Role r : values()) {
            if (r.label().equalsIgnoreCase(label == null ? "" : label.strip())) {
                return r;
            }
        }
        throw new IllegalArgumentException("role must be viewer or deployer, was " + label);
    }
}
