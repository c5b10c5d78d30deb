package cz.mluv.migrations.deploy;

/**
 * A deploy-tool failure that already knows its exit code and its one-line message.
 *
 * <p>Thrown by the commands; {@link DeployTool} prints the message on stderr and exits with the code.
 */
final class DeployException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int exitCode;

    DeployException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /** A usage or configuration error: nothing was changed (exit code 2). */
    static DeployException usage(String message) {
        return new DeployException(DeployTool.USAGE, message, null);
    }

    /** A usage or configuration error caused by {@code cause} (exit code 2). */
    static DeployException usage(String message, Throwable cause) {
        return new DeployException(DeployTool.USAGE, message, cause);
    }

    /** A migration, rollback or repair that failed (exit code 1). */
    static DeployException failed(String message, Throwable cause) {
        return new DeployException(DeployTool.FAILED, message, cause);
    }

    int exitCode() {
        return exitCode;
    }
}
