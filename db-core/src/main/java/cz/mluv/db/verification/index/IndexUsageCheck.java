package cz.mluv.db.verification.index;

import cz.mluv.db.verification.Outcome;
import cz.mluv.db.verification.Rows;
import cz.mluv.db.verification.Severity;
import cz.mluv.db.verification.SqlCheck;
import cz.mluv.db.replica.ReplicaEndpoints;
import cz.mluv.db.verification.replication.ReplicaIndexScans;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
        super("index-usage", "Index usage", Severity.INFO,
                "Shows which indexes the workload really uses, so that the unused ones can be questioned and the busy "
                        + "ones watched (seeds 001/002/003: monitor pg_stat_user_indexes after a deployment).",
                "Informational: always PASS; lists idx_scan, tuples read and fetched and the size of every index "
                        + "(with replicas: scans on the primary, on the replicas and their total).");
        this.replicas = replicas;
    }

    @Override
    public Outcome evaluate(Connection connection) throws SQLException {
        List<Map<String, Object>> rows = query(connection);
        String replicaNote = "";
        if (replicas.configured()) {
            ReplicaIndexScans.Scans scans = replicas.read();
            List<Map<String, Object>> summed = new ArrayList<>();
            for (Map<String, Object> r : rows) {
                Map<String, Object> row = new LinkedHashMap<>(r);
                long onReplicas = scans.of(Rows.text(r, "table_name"), Rows.text(r, "index_name"));
                row.put("replica_scans", onReplicas);
                row.put("total_scans", Rows.longValue(r, "scans") + onReplicas);
                summed.add(row);
            }
            rows = summed;
            replicaNote = " (primary + " + scans.replicas() + " replica(s)"
                    + (scans.unreachable().isEmpty() ? "" : "; unreachable: " + String.join(", ", scans.unreachable())) + ")";
        }
        String column = replicas.configured() ? "total_scans" : "scans";
        long used = rows.stream().filter(r -> Rows.longValue(r, column) > 0).count();
        String since = rows.isEmpty() ? "" : " since " + Rows.text(rows.getFirst(), "counted_since");
        return Outcome.pass(rows.size() + " index(es), " + used + " scanned at least once" + replicaNote + since, rows);
    }
}
