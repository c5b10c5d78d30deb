package cz.mluv.db.verification.index;

import cz.mluv.db.verification.Outcome;
import cz.mluv.db.verification.Severity;
import cz.mluv.db.verification.SqlCheck;
import cz.mluv.db.verification.CheckId;
import cz.mluv.db.verification.Detail;
import cz.mluv.db.replica.ReplicaEndpoints;
import cz.mluv.db.verification.replication.ReplicaIndexScans;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * {@code unused-indexes}: indexes with idx_scan = 0 that back no constraint; with read replicas
 * configured, an index some replica scanned is not unused ({@link ReplicaIndexScans}).
 */
public final class UnusedIndexesCheck extends SqlCheck {

    private final ReplicaIndexScans replicas;

    /** A check of the current schema, on the primary alone. */
    public UnusedIndexesCheck() {
        this(new ReplicaIndexScans(ReplicaEndpoints.none()));
    }

    /** @param replicas the replicas whose scans count too */
    public UnusedIndexesCheck(ReplicaIndexScans replicas) {
        super(CheckId.UNUSED_INDEXES, "Unused indexes", Severity.MINOR,
                "An index no query scans still costs every insert and update and takes disk space (seed 002: \"Remove "
                        + "unused indexes after 30 days if idx_scan = 0\"). Judge it over a week or more of production "
                        + "traffic: right after a deployment or a statistics reset every new index reads 0.",
                "PASS when every index that backs no primary key, unique rule or constraint has been scanned since the "
                        + "statistics reset (on the primary or, with replicas configured, on any replica); WARN listing those with "
                        + "idx_scan = 0 everywhere.");
        this.replicas = replicas;
    }

    @Override
    public Outcome evaluate(Connection connection) throws SQLException {
        List<UnusedIndex> rows = query(connection, UnusedIndex.class);
        if (replicas.configured() && !rows.isEmpty()) {
            ReplicaIndexScans.Scans scans = replicas.read();
            rows = rows.stream().filter(r -> scans.of(r.tableName(), r.indexName()) == 0).toList();
        }
        if (rows.isEmpty()) {
            return Outcome.pass("every non-unique index has been scanned", rows);
        }
        return Outcome.warn(rows.size() + " index(es) never scanned since " + rows.getFirst().countedSince() + ": "
                + String.join(", ", rows.stream().map(UnusedIndex::indexName).toList()), rows);
    }

    /**
     * An index with idx_scan = 0.
     *
     * @param tableName    its table
     * @param indexName    the index
     * @param size         its size, pg_size_pretty
     * @param sizeBytes    its size, bytes
     * @param countedSince when the counters started
     */
    public record UnusedIndex(String tableName, String indexName, String size, long sizeBytes, String countedSince)
            implements Detail {
    }

    @Override
    public String fix() {
        return "After a week or more of production traffic with idx_scan still 0 on the primary and every replica: drop it in a migration with `DROP INDEX CONCURRENTLY <index>`, its rollback script re-creating it CONCURRENTLY.";
    }
}
