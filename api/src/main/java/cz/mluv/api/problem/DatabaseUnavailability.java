package cz.mluv.api.problem;

import io.micronaut.data.connection.exceptions.ConnectionException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.util.Optional;
import java.util.Set;

/**
 * Tells a database outage from a fault: an error whose cause chain (walked through every
 * wrapper, Micronaut Data's {@code DataAccessException} included) shows the database unreachable
 * or its schema in the middle of a deployment. Such a request may succeed if retried later, so the
 * API answers it 503 with {@code Retry-After} instead of 500.
 *
 * <p>Recognised: SQLState class {@code 08} (connection exceptions, pgjdbc's "connection refused"
 * is 08001, a connection lost mid-statement 08006), {@code 57P01} admin_shutdown (server stopping,
 * backend terminated), {@code 57P02} crash_shutdown, {@code 57P03} cannot_connect_now (server
 * starting or in recovery), {@code 53300} too_many_connections, {@code 42P01} undefined_table and
 * {@code 42703} undefined_column (a relation or column missing while a migration or rollback
 * runs), a {@link SQLTransientException} (HikariCP's: no connection within the wait), a
 * {@link ConnectException} anywhere in the chain, and Micronaut Data's {@link ConnectionException}
 * (the connection itself failed: when the server stops mid-request, Micronaut Data's reset of the
 * broken connection fails with Hikari's state-less "Connection is closed" and replaces the
 * original 57P01).
 */
public final class DatabaseUnavailability {

    /** SQLStates besides class 08 that mean "retry later". */
    public static final Set<String> STATES = Set.of("57P01", "57P02", "57P03", "53300", "42P01", "42703");
    private static final Set<String> UNREACHABLE_STATES = Set.of("08001", "08004", "57P03");
    private static final int MAX_DEPTH = 32;

    private DatabaseUnavailability() {
    }

    /**
     * @param error any error (may be {@code null})
     * @return {@code true} when the chain shows that a connection could not be opened because the
     *         server could not be reached (connection refused, SQLState 08001 or 08004 as pgjdbc
     *         reports a refused or timed-out connect, 57P03 while the server starts; HikariCP puts
     *         its last such failure as the cause of its wait timeout): the case in which the API's
     *         {@code DatabaseCircuit} opens. A pool wait that expired only because every
     *         connection was busy is not one.
     */
    public static boolean unreachable(Throwable error) {
        Throwable t = error;
        for (int depth = 0; t != null && depth < MAX_DEPTH; depth++, t = t.getCause()) {
            if (t instanceof ConnectException) {
                return true;
            }
            if (t instanceof SQLException sql && UNREACHABLE_STATES.contains(String.valueOf(sql.getSQLState()))) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /**
     * @param error any error (may be {@code null})
     * @return the reason found in its cause chain, in words for the log (SQLState or exception
     *         class), or empty when the error is not an outage
     */
    public static Optional<String> reason(Throwable error) {
        Throwable t = error;
        for (int depth = 0; t != null && depth < MAX_DEPTH; depth++, t = t.getCause()) {
            if (t instanceof ConnectionException) {
                return Optional.of("connection failed (" + t.getClass().getSimpleName() + ")");
            }
            if (t instanceof SQLTransientException) {
                return Optional.of("no pooled connection (" + t.getClass().getSimpleName() + ": " + t.getMessage() + ")");
            }
            if (t instanceof ConnectException) {
                return Optional.of("connection refused");
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || STATES.contains(state)) {
                    return Optional.of("SQLState " + state);
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return Optional.empty();
    }
}
