package cz.mluv.db.refresh;

import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.util.Set;

/**
 * Which database errors are worth another try after a pause: the ones caused by the moment, not
 * by the statement. A statement timeout (57014) is not among them: the same refresh would run
 * into the same limit.
 */
public final class TransientErrors {

    /**
     * SQLStates retried besides class 08 (connection exceptions): serialization_failure,
     * deadlock_detected, lock_not_available (lock_timeout), admin_shutdown (pg_terminate_backend,
     * server stop), crash_shutdown, cannot_connect_now (server starting), too_many_connections.
     */
    public static final Set<String> STATES = Set.of("40001", "40P01", "55P03", "57P01", "57P02", "57P03", "53300");

    private TransientErrors() {
    }

    /**
     * @param e an error of the driver or the pool (causes are inspected too)
     * @return {@code true} when retrying later may succeed
     */
    public static boolean isTransient(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || STATES.contains(state)) {
                    return true;
                }
            }
        }
        return false;
    }
}
