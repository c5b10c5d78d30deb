package cz.mluv.admin.login;

/**
 * Sign-in could not read the account table. The database's own message is logged with
 * {@link #reference()}; the login page shows only the reason and the reference.
 */
public final class AccountsUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why the accounts could not be read. */
    public enum Reason {
        /** The table {@code admin_user} does not exist (SQLSTATE 42P01): the schema was rolled back below V5. */
        TABLE_MISSING,
        /** Any other database error. */
        DATABASE_ERROR
    }

    private final Reason reason;
    private final String reference;

    AccountsUnavailableException(Reason reason, String reference, Throwable cause) {
        super(reason + " (reference " + reference + ")", cause);
        this.reason = reason;
        this.reference = reference;
    }

    /** @return why */
    public Reason reason() {
        return reason;
    }

    /** @return 8 hex digits, also in the log line that holds the database's message */
    public String reference() {
        return reference;
    }
}
