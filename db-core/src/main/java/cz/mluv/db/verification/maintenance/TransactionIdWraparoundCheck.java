package cz.mluv.db.verification.maintenance;

import cz.mluv.db.verification.CheckId;
import cz.mluv.db.verification.Detail;
import cz.mluv.db.verification.Outcome;
import cz.mluv.db.verification.Severity;
import cz.mluv.db.verification.SqlCheck;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** {@code transaction-id-wraparound} (PgHero): transaction IDs are frozen long before the wraparound horizon. */
public final class TransactionIdWraparoundCheck extends SqlCheck {

    /** PgHero's danger line: fewer transactions left than this, transactions. */
    public static final long DANGER_TRANSACTIONS_LEFT = 10_000_000L;

    private final long warnAge;

    /** @param warnAge an oldest unfrozen transaction ID older than this many transactions is WARN */
    public TransactionIdWraparoundCheck(long warnAge) {
        super(CheckId.TRANSACTION_ID_WRAPAROUND, "Transaction ID wraparound is far away", Severity.CRITICAL,
                "Transaction IDs are 32-bit: when a table's oldest unfrozen ID is about 2^31 transactions old, PostgreSQL "
                        + "stops taking writes until a VACUUM freezes it. Autovacuum normally does so long before; a "
                        + "rising age means it cannot (a long transaction, an abandoned replication slot) (PgHero: "
                        + "transaction ID danger).",
                "PASS when the database and every table of the current schema have an oldest unfrozen transaction ID "
                        + "younger than " + warnAge + " transactions; WARN above (MLUV_VERIFICATION_XID_WARN_AGE); FAIL when "
                        + "fewer than " + DANGER_TRANSACTIONS_LEFT + " transactions are left before wraparound.");
        this.warnAge = warnAge;
    }

    @Override
    public Outcome evaluate(Connection connection) throws SQLException {
        List<XidAge> rows = query(connection, XidAge.class);
        List<String> danger = rows.stream().filter(r -> r.transactionsLeft() < DANGER_TRANSACTIONS_LEFT)
                .map(r -> r.relation() + " (" + r.transactionsLeft() + " left)").toList();
        List<String> old = rows.stream().filter(r -> r.xidAge() > warnAge).map(r -> r.relation() + " (age " + r.xidAge() + ")")
                .toList();
        long oldest = rows.stream().mapToLong(XidAge::xidAge).max().orElse(0);
        if (!danger.isEmpty()) {
            return Outcome.fail("wraparound is near: " + String.join(", ", danger) + " (VACUUM (FREEZE) them now)", rows);
        }
        if (!old.isEmpty()) {
            return Outcome.warn(old.size() + " relation(s) with an oldest unfrozen transaction ID older than " + warnAge
                    + ": " + String.join(", ", old.stream().limit(5).toList()), rows);
        }
        return Outcome.pass("oldest unfrozen transaction ID is " + oldest + " transactions old ("
                + (2_147_483_647L - oldest) + " left)", rows);
    }

    /**
     * How old the oldest unfrozen transaction ID of the database or a table is.
     *
     * @param relation         the table, or {@code (database <name>)}
     * @param xidAge           age of relfrozenxid (datfrozenxid), transactions
     * @param transactionsLeft transactions left before the 2^31 horizon
     */
    public record XidAge(String relation, long xidAge, long transactionsLeft) implements Detail {
    }

    @Override
    public String fix() {
        return "First remove what holds the horizon back (long transactions, sessions idle in transaction, abandoned replication slots, old prepared transactions in pg_prepared_xacts), then `VACUUM (FREEZE, VERBOSE) <table>` on the oldest tables, in a quiet hour.";
    }
}
