package cz.mluv.migrations.deploy;

import java.sql.SQLException;
import java.util.stream.Collectors;
import org.flywaydb.core.api.FlywayException;

/**
 * How an exception ends the deploy tool: the exit code and one line for stderr.
 *
 * @param exitCode {@link DeployTool#FAILED} or {@link DeployTool#USAGE}
 * @param message  one line, no stack trace
 */
record Failure(int exitCode, String message) {

    private static final String LOCK_NOT_AVAILABLE = "55P03";

    static Failure of(Throwable error) {
        if (error instanceof DeployException e) {
            return new Failure(e.exitCode(), e.getMessage());
        }
        if (error instanceof SafeMigrationException e) {
            return new Failure(e.reason() == SafeMigrationException.Reason.NOT_RETRYABLE ? DeployTool.USAGE : DeployTool.FAILED,
                    e.getMessage());
        }
        if (error instanceof FlywayException e) {
            return new Failure(DeployTool.FAILED, oneLine(e.getMessage()) + sqlCause(e) + lockTimeoutHint(e));
        }
        SQLException sql = find(error, SQLException.class);
        if (sql != null) {
            boolean connection = sql.getSQLState() != null && sql.getSQLState().startsWith("08");
            return connection
                    ? new Failure(DeployTool.USAGE, "cannot connect to the database: " + oneLine(sql.getMessage()))
                    : new Failure(DeployTool.FAILED, "database error: " + describe(sql));
        }
        return new Failure(DeployTool.FAILED, error.getClass().getSimpleName() + ": " + oneLine(String.valueOf(error.getMessage())));
    }

    /** Flyway's messages are framed reports over several lines: keep the lines that say what failed. */
    static String oneLine(String text) {
        if (text == null) {
            return "";
        }
        return text.lines()
                .map(String::strip)
                .filter(l -> !l.isEmpty() && !l.matches("-+") && !l.contains("http"))
                .filter(l -> !l.matches("(?i)(Location|Line|Statement|Error Code)\\s*:.*"))
                .map(l -> l.replaceAll("\\s+:\\s+", ": "))
                .collect(Collectors.joining("; "));
    }

    static String describe(SQLException e) {
        return oneLine(e.getMessage()) + (e.getSQLState() == null ? "" : " [SQLSTATE " + e.getSQLState() + "]");
    }

    private static String sqlCause(FlywayException e) {
        SQLException sql = find(e.getCause(), SQLException.class);
        String text = sql == null ? "" : oneLine(sql.getMessage());
        return text.isEmpty() || oneLine(e.getMessage()).contains(text) ? "" : " (" + text + ")";
    }

    private static String lockTimeoutHint(FlywayException e) {
        SQLException sql = find(e, SQLException.class);
        boolean lockTimeout = sql != null ? LOCK_NOT_AVAILABLE.equals(sql.getSQLState())
                : String.valueOf(e.getMessage()).contains(LOCK_NOT_AVAILABLE);
        return lockTimeout ? " (another session held a lock longer than --lock-timeout: retry when it is released;"
                + " if `status` lists a FAILED migration, retry with `migrate --retry-failed`)" : "";
    }

    private static <T extends Throwable> T find(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
