package cz.mluv.db.verification.plan;

import cz.mluv.db.plan.HotRead;
import cz.mluv.db.plan.PlanInspector;
import cz.mluv.db.plan.QueryPlan;
import cz.mluv.db.verification.CheckId;
import cz.mluv.db.verification.Detail;
import cz.mluv.db.verification.Outcome;
import cz.mluv.db.verification.Rows;
import cz.mluv.db.verification.Severity;
import cz.mluv.db.verification.SqlCheck;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * {@code plan-contract-<read>}: one hot read of db-core ({@link cz.mluv.db.plan.HotReads}) plans
 * with the index it names. EXPLAIN (no ANALYZE: nothing runs) binds sample values drawn from the
 * database itself, as the repository binds them ({@link PlanInspector}).
 */
public final class PlanContractCheck extends SqlCheck {

    private static final String TABLES_SQL = sqlBeside(PlanContractCheck.class, "plan-contract");

    private final HotRead read;
    private final long largeTableRows;

    /**
     * @param read           the hot read and the index it must use
     * @param largeTableRows a table with at least this many estimated rows is large
     */
    public PlanContractCheck(HotRead read, long largeTableRows) {
        super(CheckId.planContract(read.id()), "Plan contract: " + read.title(), Severity.MAJOR,
                "A hot read that stops using its index turns an index scan into a scan of the whole table as the data "
                        + "grows (seed 001: \"Look for: Index Scan using idx_messages_user_created\"; seed 002: \"If seeing "
                        + "Seq Scan, index is not being used\").",
                "PASS when EXPLAIN with realistic parameters uses " + read.expectedIndex() + " and reads no table of "
                        + largeTableRows + "+ estimated rows with a Seq Scan; FAIL on such a Seq Scan, when the index is "
                        + "missing, or when the plan does not use it; SKIPPED when the index's table is smaller than "
                        + largeTableRows + " rows and the planner rightly prefers another plan.",
                "EXPLAIN (COSTS true) " + read.sql().strip() + "\n\n" + TABLES_SQL);
        this.read = read;
        this.largeTableRows = largeTableRows;
    }

    /** @return the hot read this contract is about */
    public HotRead read() {
        return read;
    }

    @Override
    public Outcome evaluate(Connection connection) throws SQLException {
        QueryPlan plan = PlanInspector.explain(connection, read);
        String[] seqScans = plan.seqScans().toArray(String[]::new);
        List<Map<String, Object>> tables = Rows.query(connection, TABLES_SQL, read.expectedIndex(), seqScans, seqScans);
        List<PlanLine> details = plan.text().lines().map(PlanLine::new).toList();
        String index = read.expectedIndex();
        List<Map<String, Object>> indexTable = tables.stream().filter(t -> Rows.booleanValue(t, "has_expected_index")).toList();
        List<String> largeSeqScans = tables.stream()
                .filter(t -> Rows.booleanValue(t, "seq_scanned") && Rows.longValue(t, "estimated_rows") >= largeTableRows)
                .map(PlanContractCheck::describe).toList();
        if (indexTable.isEmpty()) {
            return Outcome.fail(index + " does not exist (see expected-indexes)", details);
        }
        if (!largeSeqScans.isEmpty()) {
            return Outcome.fail("Seq Scan on " + String.join(", ", largeSeqScans)
                    + (plan.uses(index) ? "" : "; " + index + " not used"), details);
        }
        if (plan.uses(index)) {
            List<String> smallSeqScans = tables.stream().filter(t -> Rows.booleanValue(t, "seq_scanned"))
                    .map(PlanContractCheck::describe).toList();
            return Outcome.pass("uses " + index + " on " + describe(indexTable.getFirst())
                    + (smallSeqScans.isEmpty() ? "" : "; Seq Scan only on small " + String.join(", ", smallSeqScans)), details);
        }
        long rows = Rows.longValue(indexTable.getFirst(), "estimated_rows");
        if (rows < largeTableRows) {
            return Outcome.skipped(Rows.text(indexTable.getFirst(), "table_name") + " holds ~" + rows
                    + " rows, fewer than the " + largeTableRows + " that make a table large, and the plan does not use "
                    + index + ": the planner rightly prefers other plans on small tables, so the contract is judged once "
                    + "the table grows (or is analyzed)", details);
        }
        return Outcome.fail("does not use " + index + " (indexes used: "
                + (plan.indexesUsed().isEmpty() ? "none" : String.join(", ", plan.indexesUsed())) + ")", details);
    }

    private static String describe(Map<String, Object> table) {
        return Rows.text(table, "table_name") + " (~" + Rows.longValue(table, "estimated_rows") + " rows)";
    }

    /**
     * One line of the EXPLAIN output, indentation kept.
     *
     * @param plan the line
     */
    public record PlanLine(String plan) implements Detail {
    }

    @Override
    public String fix() {
        return "`ANALYZE <table>` on the read's tables (stale statistics are the usual cause) and EXPLAIN the read again; a missing or INVALID index: see expected-indexes and invalid-indexes; a plan that still avoids the index: change the index or the query in a migration, never on production by hand.";
    }
}
