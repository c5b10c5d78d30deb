package cz.mluv.db.verification;

/** The verification could not run at all (no connection, or the connection broke); its cause says why. */
public class VerificationException extends RuntimeException {

    /**
     * @param message what could not be done
     * @param cause   the underlying error, typically a {@link java.sql.SQLException}
     */
    public VerificationException(String message, Throwable cause) {
        super(message, cause);
    }
}
