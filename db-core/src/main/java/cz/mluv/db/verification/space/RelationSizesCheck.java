package cz.mluv.db.verification.space;

import cz.mluv.db.verification.CheckId;
import cz.mluv.db.verification.Detail;
import cz.mluv.db.verification.Outcome;
import cz.mluv.db.verification.Rows;
import cz.mluv.db.verification.Severity;
import cz.mluv.db.verification.SqlCheck;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

/**
 * {@code relation-sizes} (PgHero's space page): the size of every table and materialized view, with
 * its indexes and TOAST. The statistics history ({@code cz.mluv.db.history}) snapshots the same query.
 */
public final class RelationSizesCheck extends SqlCheck {

    /** The query: one {@link RelationSize} per table or materialized view of the current schema. */
    public static final String SQL = sqlBeside(RelationSizesCheck.class, "relation-sizes");

    private final long warnBytes;

    /** @param warnBytes a relation larger than this (total, bytes) is WARN */
    public RelationSizesCheck(long warnBytes) {
        super(CheckId.RELATION_SIZES, "Relation sizes", Severity.INFO,
                "Space per relation shows where the disk goes and, snapshotted over time, how fast each table grows; "
                        + "a deployment that builds indexes needs free space in proportion (PgHero: space).",
                "PASS listing every table and materialized view of the current schema, largest first, while none is "
                        + "larger than " + mebibytes(warnBytes) + " with its indexes and TOAST; WARN naming the larger "
                        + "ones (MLUV_VERIFICATION_RELATION_WARN_BYTES).",
                SQL);
        this.warnBytes = warnBytes;
    }

    /**
     * @param connection where to read
     * @return every relation's size, largest first
     * @throws SQLException when the query fails
     */
    public static List<RelationSize> read(Connection connection) throws SQLException {
        return Rows.query(connection, SQL, RelationSize.class);
    }

    @Override
    public Outcome evaluate(Connection connection) throws SQLException {
        List<RelationSize> rows = read(connection);
        long total = rows.stream().mapToLong(RelationSize::totalBytes).sum();
        List<String> large = rows.stream().filter(r -> r.totalBytes() > warnBytes)
                .map(r -> r.relation() + " " + r.totalSize()).toList();
        String summary = rows.size() + " relation(s), " + mebibytes(total) + " in all"
                + (rows.isEmpty() ? "" : "; largest " + rows.getFirst().relation() + " " + rows.getFirst().totalSize());
        if (large.isEmpty()) {
            return Outcome.pass(summary, rows);
        }
        return Outcome.warn(summary + "; larger than " + mebibytes(warnBytes) + ": " + String.join(", ", large), rows);
    }

    private static String mebibytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / 1_048_576.0);
    }

    /**
     * The size of one table or materialized view.
     *
     * @param relation   its name
     * @param kind       {@code table} or {@code materialized view}
     * @param tableBytes the heap with TOAST, bytes (pg_table_size)
     * @param indexBytes its indexes, bytes (pg_indexes_size)
     * @param totalBytes everything, bytes (pg_total_relation_size)
     * @param totalSize  everything, pg_size_pretty
     */
    public record RelationSize(String relation, String kind, long tableBytes, long indexBytes, long totalBytes,
                               String totalSize) implements Detail {
    }

    @Override
    public String fix() {
        return "Look at the growth on the console's History page; reclaim bloat (VACUUM, `REINDEX INDEX CONCURRENTLY`; see bloated-tables, bloated-indexes), archive or partition old rows, and keep free disk for index builds; raise MLUV_VERIFICATION_RELATION_WARN_BYTES when the size is expected.";
    }
}
