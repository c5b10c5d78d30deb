package cz.mluv.db.verification.activity;

import cz.mluv.db.verification.Outcome;
import cz.mluv.db.verification.Severity;
import cz.mluv.db.verification.SqlCheck;
import cz.mluv.db.verification.CheckId;
import cz.mluv.db.verification.Detail;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** {@code lock-waits}: no session of this database waits for a lock. */
public final class LockWaitsCheck extends SqlCheck {

    /** A check of the current database. */
    public LockWaitsCheck() {
        super(CheckId.LOCK_WAITS, "No lock waits", Severity.MAJOR,
                "A session waiting for a lock queues every later query on that table behind it; after a deployment this "
                        + "is typically a DDL statement or a forgotten open transaction (seed 003: \"Monitor database "
                        + "locks\" during the deployment).",
                "PASS when no session of this database waits for a lock (pg_locks.granted = false); WARN listing each "
                        + "waiting session with the pids that block it (pg_blocking_pids) and how long it has waited.");
    }

    @Override
    public Outcome evaluate(Connection connection) throws SQLException {
        List<LockWait> rows = query(connection, LockWait.class);
        if (rows.isEmpty()) {
            return Outcome.pass("no session waits for a lock", rows);
        }
        LockWait first = rows.getFirst();
        return Outcome.warn(rows.size() + " lock wait(s); longest: pid " + first.pid() + " waits "
                + first.waitingS() + " s for " + first.mode() + " on "
                + (first.relation() == null ? first.locktype() : first.relation())
                + ", blocked by " + first.blockedBy(), rows);
    }

    /**
     * A session waiting for a lock (pg_locks.granted = false).
     *
     * @param pid             the waiting backend
     * @param applicationName its application_name, {@code (none)} when blank
     * @param locktype        pg_locks.locktype (relation, transactionid, ...)
     * @param mode            the lock mode it waits for
     * @param relation        the relation, or {@code null} for other lock types
     * @param blockedBy       pids holding the lock (pg_blocking_pids)
     * @param waitingS        how long it has waited, seconds
     * @param query           its statement, first 200 characters
     */
    public record LockWait(long pid, String applicationName, String locktype, String mode, String relation,
                           List<?> blockedBy, double waitingS, String query) implements Detail {
    }

    @Override
    public String fix() {
        return "Find the blocker: `SELECT pid, pg_blocking_pids(pid), query FROM pg_stat_activity WHERE wait_event_type = 'Lock'`; let it finish, or end it with `SELECT pg_cancel_backend(<pid>)` (`pg_terminate_backend` for a session idle in transaction). Run DDL through the deploy tool, whose lock_timeout (MLUV_LOCK_TIMEOUT) gives up instead of queueing every query behind it.";
    }
}
