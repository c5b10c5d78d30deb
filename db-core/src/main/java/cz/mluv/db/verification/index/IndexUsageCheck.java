package cz.mluv.db.verification.index;

import cz.mluv.db.verification.Outcome;
import cz.mluv.db.verification.Severity;
import cz.mluv.db.verification.SqlCheck;
import cz.mluv.db.verification.CheckId;
import cz.mluv.db.verification.Detail;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** {@code index-usage}: scans per index from pg_stat_user_indexes, for the record (always PASS). */
public final class IndexUsageCheck extends SqlCheck {

    /** A check of the current schema. */
    public IndexUsageCheck() {
        super(CheckId.INDEX_USAGE, "Index usage", Severity.INFO,
                "Shows which indexes the workload really uses, so that the unused ones can be questioned and the busy "
                        + "ones watched (seeds 001/002/003: monitor pg_stat_user_indexes after a deployment).",
                "Informational: always PASS; lists idx_scan, tuples read and fetched and the size of every index.");
    }

    @Override
    public Outcome evaluate(Connection connection) throws SQLException {
        List<IndexUse> rows = query(connection, IndexUse.class);
        long used = rows.stream().filter(r -> r.scans() > 0).count();
        String since = rows.isEmpty() ? "" : " since " + rows.getFirst().countedSince();
        return Outcome.pass(rows.size() + " index(es), " + used + " scanned at least once" + since, rows);
    }

    /**
     * How much one index is used (pg_stat_user_indexes).
     *
     * @param tableName     its table
     * @param indexName     the index
     * @param scans         idx_scan
     * @param tuplesRead    idx_tup_read
     * @param tuplesFetched idx_tup_fetch
     * @param size          its size, pg_size_pretty
     * @param countedSince  when the counters started
     */
    public record IndexUse(String tableName, String indexName, long scans, long tuplesRead, long tuplesFetched, String size,
                           String countedSince) implements Detail {
    }
}
