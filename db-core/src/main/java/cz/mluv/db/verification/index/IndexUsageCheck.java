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
import java.util.ArrayList;
import java.util.List;

/**
 * {@code index-usage}: scans per index from pg_stat_user_indexes, for the record (always PASS); with
 * read replicas configured, the scans each replica counted are added ({@link ReplicaIndexScans}).
 */
public final class IndexUsageCheck extends SqlCheck {

    private final ReplicaIndexScans replicas;

    /** A check of the current schema, on the primary alone. */
    public IndexUsageCheck() {
        this(new ReplicaIndexScans(ReplicaEndpoints.none()));
    }

    /** @param replicas the replicas whose scans count too */
    public IndexUsageCheck(ReplicaIndexScans replicas) {
        super(CheckId.INDEX_USAGE, "Index usage", Severity.INFO,
                "Shows which indexes the workload really uses, so that the unused ones can be questioned and the busy "
                        + "ones watched (seeds 001/002/003: monitor pg_stat_user_indexes after a deployment).",
                "Informational: always PASS; lists idx_scan, tuples read and fetched and the size of every index "
                        + "(with replicas: scans on the primary, on the replicas and their total).");
        this.replicas = replicas;
    }

    @Override
    public Outcome evaluate(Connection connection) throws SQLException {
        List<IndexUse> rows = query(connection, IndexUse.class);
        String since = rows.isEmpty() ? "" : " since " + rows.getFirst().countedSince();
        if (!replicas.configured()) {
            long used = rows.stream().filter(r -> r.scans() > 0).count();
            return Outcome.pass(rows.size() + " index(es), " + used + " scanned at least once" + since, rows);
        }
        ReplicaIndexScans.Scans scans = replicas.read();
        List<ReplicatedIndexUse> summed = new ArrayList<>();
        for (IndexUse r : rows) {
            long onReplicas = scans.of(r.tableName(), r.indexName());
            summed.add(new ReplicatedIndexUse(r.tableName(), r.indexName(), r.scans(), onReplicas, r.scans() + onReplicas,
                    r.tuplesRead(), r.tuplesFetched(), r.size(), r.countedSince()));
        }
        long used = summed.stream().filter(r -> r.totalScans() > 0).count();
        String replicaNote = " (primary + " + scans.replicas() + " replica(s)"
                + (scans.unreachable().isEmpty() ? "" : "; unreachable: " + String.join(", ", scans.unreachable())) + ")";
        return Outcome.pass(summed.size() + " index(es), " + used + " scanned at least once" + replicaNote + since, summed);
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

    /**
     * How much one index is used on the primary and the read replicas together.
     *
     * @param tableName     its table
     * @param indexName     the index
     * @param scans         idx_scan on the primary
     * @param replicaScans  idx_scan summed over the replicas
     * @param totalScans    both
     * @param tuplesRead    idx_tup_read on the primary
     * @param tuplesFetched idx_tup_fetch on the primary
     * @param size          its size, pg_size_pretty
     * @param countedSince  when the primary's counters started
     */
    public record ReplicatedIndexUse(String tableName, String indexName, long scans, long replicaScans, long totalScans,
                                     long tuplesRead, long tuplesFetched, String size, String countedSince) implements Detail {
    }

    @Override
    public String fix() {
        return "Informational: nothing to run. Question indexes with idx_scan 0 (unused-indexes) and watch the size and bloat of the busy ones (bloated-indexes).";
    }
}
