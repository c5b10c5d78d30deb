package cz.mluv.db.verification.activity;

import cz.mluv.db.verification.Outcome;
import cz.mluv.db.verification.Rows;
import cz.mluv.db.verification.Severity;
import cz.mluv.db.verification.SqlCheck;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/** {@code lock-waits}: no session of this database waits for a lock. */
public final class LockWaitsCheck extends SqlCheck {

    /** A check of the current database. */
    public LockWaitsCheck() {
        super("lock-waits", "No lock waits", Severity.MAJOR,
                "A session waiting for a lock queues every later query on that table behind it; after a deployment this "
                        + "is typically a DDL statement or a forgotten open transaction (seed 003: \"Monitor database "
                        + "locks\" during the deployment).",
                "PASS when no session of this database waits for a lock (pg_locks.granted = false); WARN listing each "
                        + "waiting session with the pids that block it (pg_blocking_pids) and how long it has waited.");
    }

    @Override
    public Outcome evaluate(Connection connection) throws SQLException {
        List<Map<String, Object>> rows = query(connection);
        if (rows.isEmpty()) {
            return Outcome.pass("no session waits for a lock", rows);
        }
        Map<String, Object> first = rows.getFirst();
        return Outcome.warn(rows.size() + " lock wait(s); longest: pid " + Rows.text(first, "pid") + " waits "
                + Rows.text(first, "waiting_s") + " s for " + Rows.text(first, "mode") + " on "
                + (first.get("relation") == null ? Rows.text(first, "locktype") : Rows.text(first, "relation"))
                + ", blocked by " + Rows.text(first, "blocked_by"), rows);
    }
}
