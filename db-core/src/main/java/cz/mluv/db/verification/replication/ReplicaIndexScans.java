package cz.mluv.db.verification.replication;

import cz.mluv.db.replica.ReplicaEndpoints;
import cz.mluv.db.verification.Rows;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Index scans counted by the replicas. Every server keeps its own {@code pg_stat_user_indexes}: an
 * index that only the reads routed to replicas use reads {@code idx_scan = 0} on the primary, yet is
 * not unused. The index checks add these counts to the primary's.
 */
public final class ReplicaIndexScans {

    private static final String SQL = """
            SELECT relname AS table_name, indexrelname AS index_name, idx_scan AS scans
            FROM pg_stat_user_indexes WHERE schemaname = current_schema()""";

    private final ReplicaEndpoints replicas;

    /** @param replicas the configured replicas */
    public ReplicaIndexScans(ReplicaEndpoints replicas) {
        this.replicas = replicas;
    }

    /**
     * What the replicas counted.
     *
     * @param byIndex     {@code table.index} to scans summed over the reachable replicas
     * @param replicas    how many replicas were read
     * @param unreachable replicas that could not be read ({@code host:port/db})
     */
    public record Scans(Map<String, Long> byIndex, int replicas, List<String> unreachable) {

        /**
         * @param table the table name
         * @param index the index name
         * @return scans of that index on the replicas; 0 when none counted it
         */
        public long of(String table, String index) {
            return byIndex.getOrDefault(table + "." + index, 0L);
        }
    }

    /** @return {@code true} when replicas are configured */
    public boolean configured() {
        return !replicas.urls().isEmpty();
    }

    /** @return the replicas' scans per index (never throws: an unreachable replica is listed as such) */
    public Scans read() {
        Map<String, Long> sums = new HashMap<>();
        List<String> unreachable = new ArrayList<>();
        int read = 0;
        for (String url : replicas.urls()) {
            try (Connection c = replicas.connect(url)) {
                for (Map<String, Object> r : Rows.query(c, SQL)) {
                    sums.merge(Rows.text(r, "table_name") + "." + Rows.text(r, "index_name"), Rows.longValue(r, "scans"), Long::sum);
                }
                read++;
            } catch (SQLException e) {
                unreachable.add(ReplicaEndpoints.name(url));
            }
        }
        return new Scans(Map.copyOf(sums), read, List.copyOf(unreachable));
    }

    /** @return the SQL run on each replica */
    public static String sql() {
        return SQL;
    }
}
