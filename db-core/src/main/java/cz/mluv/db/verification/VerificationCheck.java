package cz.mluv.db.verification;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * One post-deployment check of the verification catalogue: one small class per thing it finds,
 * its SQL in a resource file beside it.
 *
 * <p>A check only reads: it runs catalog, statistics and EXPLAIN queries and changes nothing. The
 * {@link VerificationCatalogue} runs each check in a read-only transaction of its own.
 */
public interface VerificationCheck {

    /** @return stable id, lower-case with hyphens, e.g. {@code invalid-indexes} */
    CheckId id();

    /** @return what is checked, for a person */
    String title();

    /** @return the SQL the check runs (parameters as {@code ?}) */
    String sql();

    /** @return why it matters, with the source where there is one (a seed, the design) */
    String why();

    /** @return when the check passes, warns and fails */
    String passRule();

    /**
     * @return what an operator does when the check WARNs or FAILs (or, for an informational check,
     *         does with its findings): the statement to run, the migration to write, the setting to
     *         change; never blank. Printed by the reports and shown by the console beside why and the
     *         pass rule; Mluv never runs it by itself.
     */
    String fix();

    /** @return how much a non-PASS result matters */
    Severity severity();

    /**
     * Runs the check's queries and judges them.
     *
     * @param connection a connection to the database under check (the caller owns the transaction)
     * @return the verdict, summary and detail rows
     * @throws SQLException when a query fails; {@link #run(Connection)} turns it into a result
     */
    Outcome evaluate(Connection connection) throws SQLException;

    /**
     * Runs the check and times it. Never throws: a check that cannot read what it needs because
     * the role lacks a privilege is SKIPPED with the reason; any other error is a FAIL ("could not
     * run: ..."), since nothing was verified.
     *
     * @param connection a connection to the database under check
     * @return the typed result
     */
    default CheckResult run(Connection connection) {
        long started = System.nanoTime();
        Outcome outcome;
        try {
            outcome = evaluate(connection);
        } catch (SQLException e) {
            outcome = CheckErrors.outcome(e);
        } catch (RuntimeException e) {
            // A library wraps SQL errors (pg-index-health's PgSqlException); any other error of one
            // check must not cost the report of all the others.
            SQLException sql = CheckErrors.sqlCause(e);
            outcome = sql != null ? CheckErrors.outcome(sql)
                    : Outcome.fail("could not run: " + e.getClass().getSimpleName() + ": " + CheckErrors.oneLine(e.getMessage()), null);
        }
        return CheckResult.of(this, outcome, (System.nanoTime() - started) / 1_000_000);
    }
}
