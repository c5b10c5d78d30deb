package cz.mluv.db.verification.index;

import cz.mluv.db.verification.Outcome;
import cz.mluv.db.verification.Severity;
import cz.mluv.db.verification.SqlCheck;
import cz.mluv.db.verification.CheckId;
import cz.mluv.db.verification.Detail;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** {@code index-size-ratio}: index and table sizes, and each index's share of its table (seed 002: below 20 %). */
public final class IndexSizeRatioCheck extends SqlCheck {

    private final int maxPercent;
    private final long minTableBytes;

    /**
     * @param maxPercent    an index above this share of its table is WARN, %
     * @param minTableBytes the rule applies to tables of at least this size, bytes
     */
    public IndexSizeRatioCheck(int maxPercent, long minTableBytes) {
        super(CheckId.INDEX_SIZE_RATIO, "Index and table sizes, index/table ratio", Severity.MINOR,
                "Indexes cost disk, cache and write time in proportion to their size; seed 002 sets \"Index size < 20% "
                        + "of table size\" as a success criterion, and seed 003 budgets disk space for indexes at 20-30 % "
                        + "of their table.",
                "PASS when every index of a table of at least " + minTableBytes + " bytes is below " + maxPercent
                        + " % of its table (heap and TOAST); WARN listing the larger ones. Smaller tables are listed only: "
                        + "there an index's minimum pages dominate.");
        this.maxPercent = maxPercent;
        this.minTableBytes = minTableBytes;
    }

    @Override
    public Outcome evaluate(Connection connection) throws SQLException {
        List<IndexSize> rows = query(connection, IndexSize.class);
        List<String> above = rows.stream()
                .filter(r -> r.tableBytes() >= minTableBytes && r.indexPercentOfTable() >= maxPercent)
                .map(r -> r.indexName() + " " + r.indexPercentOfTable() + " % of " + r.tableName())
                .toList();
        long tableBytes = rows.stream()
                .collect(Collectors.toMap(IndexSize::tableName, IndexSize::tableBytes, (a, b) -> a))
                .values().stream().mapToLong(Long::longValue).sum();
        long indexBytes = rows.stream().mapToLong(IndexSize::indexBytes).sum();
        String sizes = rows.size() + " index(es): " + mebibytes(indexBytes) + " on " + mebibytes(tableBytes) + " of tables";
        if (above.isEmpty()) {
            return Outcome.pass(sizes + "; every index of a table of " + mebibytes(minTableBytes) + " or more is below "
                    + maxPercent + " % of it", rows);
        }
        return Outcome.warn(sizes + "; " + above.size() + " at or above " + maxPercent + " % of their table: "
                + String.join(", ", above), rows);
    }

    /**
     * One index and its table's size.
     *
     * @param tableName           the table
     * @param indexName           the index
     * @param tableSize           the table's size (heap and TOAST), pg_size_pretty
     * @param indexSize           the index's size, pg_size_pretty
     * @param indexPercentOfTable index size per table size, %
     * @param tableBytes          the table's size, bytes
     * @param indexBytes          the index's size, bytes
     */
    public record IndexSize(String tableName, String indexName, String tableSize, String indexSize,
                            double indexPercentOfTable, long tableBytes, long indexBytes) implements Detail {
    }

    private static String mebibytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / 1_048_576.0);
    }

    @Override
    public String fix() {
        return "A bloated index: `REINDEX INDEX CONCURRENTLY <index>` (see bloated-indexes). Otherwise make it smaller in a migration (a partial index, fewer or narrower columns), or accept it and raise MLUV_VERIFICATION_INDEX_TABLE_MAX_PERCENT.";
    }
}
