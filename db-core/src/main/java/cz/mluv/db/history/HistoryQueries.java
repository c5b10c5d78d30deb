package cz.mluv.db.history;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalLong;
import javax.sql.DataSource;

/**
 * Reads the statistics history (migration V12) for the console's charts and the deployment
 * records: snapshots with their cache hit rates, the statements that took the most time, one
 * statement's mean and p95 proxy over time, and the size of every relation over time.
 */
@Singleton
public final class HistoryQueries {

    private static final String SNAPSHOTS = StatisticsHistory.sql("snapshots");
    private static final String TOP_STATEMENTS = StatisticsHistory.sql("top-statements");
    private static final String STATEMENT_HISTORY = StatisticsHistory.sql("statement-history");
    private static final String RELATION_GROWTH = StatisticsHistory.sql("relation-growth");
    private static final String LATEST = StatisticsHistory.sql("latest-snapshot");
    private static final String DEPLOYMENT = StatisticsHistory.sql("deployment-snapshots");

    private final DataSource dataSource;

    /** @param dataSource the database holding the history */
    public HistoryQueries(DataSource dataSource) {
        this.dataSource = DelegatingDataSource.unwrapDataSource(Objects.requireNonNull(dataSource, "dataSource"));
    }

    /**
     * @param limit how many of the newest snapshots
     * @return them, oldest first, with the hit rates of the interval each ends
     * @throws SQLException when the history cannot be read
     */
    public List<StatsSnapshot> snapshots(int limit) throws SQLException {
        List<StatsSnapshot> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(SNAPSHOTS)) {
            ps.setInt(1, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new StatsSnapshot(rs.getLong("id"), rs.getTimestamp("taken_at").toInstant(),
                            SnapshotSource.valueOf(rs.getString("source").toUpperCase(Locale.ROOT)),
                            rs.getBoolean("statements_available"), rs.getBoolean("reset_detected"),
                            percent(rs, "heap_hits", "heap_reads"), percent(rs, "index_hits", "index_reads")));
                }
            }
        }
        return out;
    }

    /**
     * @return the newest snapshot's id, or empty when none was taken
     * @throws SQLException when the history cannot be read
     */
    public OptionalLong latestSnapshotId() throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(LATEST);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            long id = rs.getLong(1);
            return rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(id);
        }
    }

    /**
     * The statements that took the most execution time in the snapshots after {@code afterSnapshot}
     * up to {@code upToSnapshot}: the interval of a deployment's baseline or post numbers.
     *
     * @param afterSnapshot a snapshot id, exclusive (0 for the beginning of the history)
     * @param upToSnapshot  a snapshot id, inclusive
     * @param limit         how many statements
     * @return them, most execution time first
     * @throws SQLException when the history cannot be read
     */
    public List<StatementInterval> topStatements(long afterSnapshot, long upToSnapshot, int limit) throws SQLException {
        List<StatementInterval> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(TOP_STATEMENTS)) {
            ps.setLong(1, afterSnapshot);
            ps.setLong(2, upToSnapshot);
            ps.setInt(3, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new StatementInterval(rs.getLong("queryid"), rs.getString("query"), rs.getLong("calls"),
                            rs.getDouble("exec_ms"), rs.getDouble("sum_sq_ms")));
                }
            }
        }
        return out;
    }

    /**
     * @param queryid a statement's pg_stat_statements.queryid
     * @param limit   how many of its newest intervals
     * @return its intervals with calls, oldest first
     * @throws SQLException when the history cannot be read
     */
    public List<StatementPoint> statementHistory(long queryid, int limit) throws SQLException {
        List<StatementPoint> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(STATEMENT_HISTORY)) {
            ps.setLong(1, queryid);
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new StatementPoint(rs.getLong("snapshot_id"), rs.getTimestamp("taken_at").toInstant(),
                            new StatementInterval(queryid, null, rs.getLong("calls"), rs.getDouble("exec_ms"),
                                    rs.getDouble("sum_sq_ms"))));
                }
            }
        }
        Collections.reverse(out);
        return out;
    }

    /**
     * @param snapshots how many of the newest snapshots
     * @return every relation's size at each of them, oldest snapshot first
     * @throws SQLException when the history cannot be read
     */
    public List<RelationSizePoint> relationGrowth(int snapshots) throws SQLException {
        List<RelationSizePoint> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(RELATION_GROWTH)) {
            ps.setInt(1, snapshots);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new RelationSizePoint(rs.getLong("snapshot_id"), rs.getTimestamp("taken_at").toInstant(),
                            rs.getString("relation"), rs.getLong("total_bytes")));
                }
            }
        }
        return out;
    }

    /**
     * @param deploymentId a deployment record's id
     * @return the snapshots it took (baseline first, then post), oldest first; those retention
     *         deleted are missing
     * @throws SQLException when the history cannot be read
     */
    public List<Long> deploymentSnapshots(long deploymentId) throws SQLException {
        List<Long> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(DEPLOYMENT)) {
            ps.setLong(1, deploymentId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
        }
        return out;
    }

    private static Double percent(ResultSet rs, String hits, String reads) throws SQLException {
        long h = rs.getLong(hits);
        if (rs.wasNull()) {
            return null;
        }
        long r = rs.getLong(reads);
        // A negative difference: the block counters were reset in between; no rate for that interval.
        if (h < 0 || r < 0 || h + r == 0) {
            return null;
        }
        return 100.0 * h / (h + r);
    }
}
