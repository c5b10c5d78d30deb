package cz.mluv.db.verification.activity;

import cz.mluv.db.verification.CheckId;
import cz.mluv.db.verification.Detail;
import cz.mluv.db.verification.Outcome;
import cz.mluv.db.verification.Severity;
import cz.mluv.db.verification.SqlCheck;
import cz.mluv.db.verification.VerificationSettings;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

/** {@code idle-in-transaction} (PgHero): no session sits idle inside an open transaction past the threshold. */
public final class IdleInTransactionCheck extends SqlCheck {

    private final Duration threshold;

    /** @param threshold a session idle in transaction longer than this is WARN */
    public IdleInTransactionCheck(Duration threshold) {
        super(CheckId.IDLE_IN_TRANSACTION, "No sessions idle in transaction", Severity.MAJOR,
                "A session idle inside an open transaction keeps its locks (a deployment's DDL waits behind it) and its "
                        + "snapshot (VACUUM cannot remove dead rows); usually an application that forgot to commit "
                        + "(PgHero: idle-in-transaction connections).",
                "PASS when no session of this database has been idle in transaction for more than "
                        + VerificationSettings.format(threshold) + "; WARN listing each, longest first "
                        + "(MLUV_VERIFICATION_IDLE_IN_TRANSACTION_AFTER).");
        this.threshold = threshold;
    }

    @Override
    public Outcome evaluate(Connection connection) throws SQLException {
        List<IdleTransaction> rows = query(connection, IdleTransaction.class, threshold.toMillis() / 1000.0);
        if (rows.isEmpty()) {
            return Outcome.pass("no session idle in transaction for more than " + VerificationSettings.format(threshold), rows);
        }
        IdleTransaction first = rows.getFirst();
        return Outcome.warn(rows.size() + " session(s) idle in transaction for more than "
                + VerificationSettings.format(threshold) + "; longest: pid " + first.pid() + " (" + first.applicationName()
                + ") idle " + first.idleS() + " s after: " + first.lastQuery(), rows);
    }

    /**
     * A session idle inside an open transaction (pg_stat_activity).
     *
     * @param pid             its backend
     * @param applicationName the client's application_name, {@code (none)} when blank
     * @param userName        the role
     * @param state           {@code idle in transaction} or {@code idle in transaction (aborted)}
     * @param idleS           seconds since its last statement ended
     * @param transactionS    seconds since its transaction began
     * @param lastQuery       its last statement, first 200 characters
     */
    public record IdleTransaction(long pid, String applicationName, String userName, String state, double idleS,
                                  double transactionS, String lastQuery) implements Detail {
    }

    @Override
    public String fix() {
        return "End the session with `SELECT pg_terminate_backend(<pid>)` and fix the application that left its transaction open; bound it for the role: `ALTER ROLE <role> SET idle_in_transaction_session_timeout = '1min'`.";
    }
}
