package cz.mluv.admin.login;

/** A viewer (or nobody) tried what only a deployer may do. */
public class AccessDeniedException extends RuntimeException {

    /** @param message who and what */
    public AccessDeniedException(String message) {
        super(message);
    }
}
