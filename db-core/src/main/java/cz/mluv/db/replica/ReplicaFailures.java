package cz.mluv.db.replica;

import java.sql.SQLException;
import java.util.Set;

/**
 * Which errors of a read served by a replica mean "the replica failed" (and the read may run again
 * on the primary), by SQLSTATE: class 08 (connection exceptions: refused, broken, I/O error),
 * 57P01/57P02/57P03 (the server shuts down or is starting up), 40001 (a query on a hot standby
 * cancelled by a conflict with recovery) and 25006 (a read-only transaction refused a write: the
 * read was not one). A replica that cannot even hand out a connection never gets here:
 * {@link ReadRoutingDataSource} falls back to the primary at once.
 */
final class ReplicaFailures {

    private static final Set<String> STATES = Set.of("57P01", "57P02", "57P03", "40001", "25006");

    private ReplicaFailures() {
    }

    /**
     * @param e an exception thrown by a read
     * @return {@code true} when an SQLException in its cause chain has one of the states above
     */
    static boolean isReplicaFailure(Throwable e) {
        SQLException sql = sqlCause(e);
        if (sql == null) {
            return false;
        }
        String state = sql.getSQLState();
        return state != null && (state.startsWith("08") || STATES.contains(state));
    }

    /**
     * @param e an exception for which {@link #isReplicaFailure} holds
     * @return {@code true} when the replica itself is gone or unusable (class 08, 57P0x), not when
     *         only this query was cancelled (40001) or refused (25006): the replica goes on serving
     */
    static boolean isReplicaDown(Throwable e) {
        SQLException sql = sqlCause(e);
        String state = sql == null ? null : sql.getSQLState();
        return state != null && (state.startsWith("08") || state.startsWith("57P"));
    }

    static String describe(Throwable e) {
        SQLException sql = sqlCause(e);
        return sql == null ? e.getClass().getSimpleName() : "SQLSTATE " + sql.getSQLState();
    }

    private static SQLException sqlCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException s) {
                return s;
            }
        }
        return null;
    }
}
