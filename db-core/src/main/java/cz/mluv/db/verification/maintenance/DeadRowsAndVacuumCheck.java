package cz.mluv.db.verification.maintenance;

import cz.mluv.db.verification.CheckId;
import cz.mluv.db.verification.Detail;
import cz.mluv.db.verification.Outcome;
import cz.mluv.db.verification.Severity;
import cz.mluv.db.verification.SqlCheck;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** {@code dead-rows-and-vacuum} (PgHero's maintenance page): dead rows stay a small share of each table. */
public final class DeadRowsAndVacuumCheck extends SqlCheck {

    private final double maxPercent;
    private final long minDeadRows;

    /**
     * @param maxPercent  dead rows above this share of live rows are WARN, %
     * @param minDeadRows ... when there are at least this many
     */
    public DeadRowsAndVacuumCheck(double maxPercent, long minDeadRows) {
        super(CheckId.DEAD_ROWS_AND_VACUUM, "Dead rows and last vacuum/analyze", Severity.MINOR,
                "Dead rows are the old versions that UPDATE and DELETE leave behind until VACUUM removes them: scans read "
                        + "them, indexes point to them, and the table grows. Many dead rows mean autovacuum falls behind "
                        + "(PgHero: maintenance, last vacuum and analyze per table).",
                "PASS when no table of the current schema has at least " + minDeadRows + " dead rows making more than "
                        + maxPercent + " % of its live rows; WARN listing those (run VACUUM, or tune autovacuum) "
                        + "(MLUV_VERIFICATION_DEAD_ROWS_PERCENT, MLUV_VERIFICATION_DEAD_ROWS_MIN). Every table is listed "
                        + "with its last vacuum and analyze.");
        this.maxPercent = maxPercent;
        this.minDeadRows = minDeadRows;
    }

    @Override
    public Outcome evaluate(Connection connection) throws SQLException {
        List<TableMaintenance> rows = query(connection, TableMaintenance.class);
        List<String> crowded = rows.stream().filter(r -> r.deadRows() >= minDeadRows && r.deadPercent() > maxPercent)
                .map(r -> r.tableName() + " (" + r.deadRows() + " dead, " + r.deadPercent() + " % of live; last vacuum "
                        + (r.lastVacuum() == null ? "never" : r.lastVacuum()) + ")")
                .toList();
        long dead = rows.stream().mapToLong(TableMaintenance::deadRows).sum();
        if (crowded.isEmpty()) {
            return Outcome.pass(rows.size() + " table(s), " + dead + " dead row(s) in all; none above " + maxPercent
                    + " % of its live rows", rows);
        }
        return Outcome.warn(crowded.size() + " table(s) with many dead rows: " + String.join(", ", crowded), rows);
    }

    /**
     * Dead rows and maintenance of one table (pg_stat_user_tables).
     *
     * @param tableName   the table
     * @param liveRows    n_live_tup
     * @param deadRows    n_dead_tup
     * @param deadPercent dead rows per live row, %
     * @param lastVacuum  the later of last_vacuum and last_autovacuum; {@code null} when never
     * @param lastAnalyze the later of last_analyze and last_autoanalyze; {@code null} when never
     */
    public record TableMaintenance(String tableName, long liveRows, long deadRows, double deadPercent, String lastVacuum,
                                   String lastAnalyze) implements Detail {
    }

    @Override
    public String fix() {
        return "`VACUUM (ANALYZE) <table>` for each table listed; when it comes back, make autovacuum visit it sooner (`ALTER TABLE <table> SET (autovacuum_vacuum_scale_factor = 0.05)`) and look for long transactions that keep the dead rows visible.";
    }
}
