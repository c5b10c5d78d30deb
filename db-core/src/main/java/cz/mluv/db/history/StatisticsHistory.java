package cz.mluv.db.history;

import cz.mluv.db.verification.SqlCheck;
import cz.mluv.db.verification.activity.SlowQueriesCheck;
import cz.mluv.db.verification.space.RelationSizesCheck;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes snapshots of pg_stat_statements, the block counters and the relation sizes into the
 * history tables (migration V12), and prunes them. The scheduler calls {@link #take} on its cron;
 * a deployment record takes one when it opens and when it closes.
 *
 * <p>Each statement's interval (what it did since the previous snapshot) is computed when the
 * snapshot is taken, PgHero's way of surviving a reset of pg_stat_statements: when
 * {@code pg_stat_statements_info.stats_reset} moved since the previous snapshot, or a statement's
 * calls went down (it was reset alone, or evicted and counted again), its interval is its whole
 * count since the reset instead of a negative difference; the snapshot is marked
 * {@code reset_detected}.
 */
@Singleton
public final class StatisticsHistory {

    private static final Logger LOG = LoggerFactory.getLogger(StatisticsHistory.class);

    private static final String STATEMENTS = sql("statements");
    private static final String STATEMENTS_RESET = sql("statements-reset");
    private static final String BLOCK_COUNTERS = sql("block-counters");
    private static final String INSERT_SNAPSHOT = sql("insert-snapshot");
    private static final String PREVIOUS_STATEMENTS = sql("previous-statements");
    private static final String PREVIOUS_RESET = sql("previous-reset");
    private static final String INSERT_STATEMENT = sql("insert-statement");
    private static final String INSERT_RELATION = sql("insert-relation");
    private static final String PRUNE = sql("prune");
    private static final String ATTACH = sql("attach");

    private final DataSource dataSource;

    /** @param dataSource the database whose statistics are kept (and where the history lives) */
    public StatisticsHistory(DataSource dataSource) {
        this.dataSource = DelegatingDataSource.unwrapDataSource(Objects.requireNonNull(dataSource, "dataSource"));
    }

    static String sql(String name) {
        return SqlCheck.sqlBeside(StatisticsHistory.class, name);
    }

    /** The cumulative counters of one statement as pg_stat_statements shows them. */
    private record Counters(long queryid, String query, long calls, double totalMs, double sumSqMs, double maxMs, long rows) {
    }

    /**
     * Takes one snapshot on a connection of its own.
     *
     * @param source who takes it
     * @return the new snapshot's id
     * @throws SQLException when the database cannot be read or written
     */
    public long take(SnapshotSource source) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return take(c, source);
        }
    }

    /**
     * Takes one snapshot: reads pg_stat_statements (when created and loaded), the block counters and
     * the relation sizes, then writes them with each statement's interval in one transaction.
     *
     * @param connection a connection not inside a transaction of the caller's
     * @param source     who takes it
     * @return the new snapshot's id
     * @throws SQLException when the database cannot be read or written
     */
    public static long take(Connection connection, SnapshotSource source) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(true);
        List<Counters> statements = readStatements(connection);
        Timestamp resetAt = statements == null ? null : resetAt(connection);
        long[] blocks = blockCounters(connection);
        List<RelationSizesCheck.RelationSize> sizes = RelationSizesCheck.read(connection);
        connection.setAutoCommit(false);
        try {
            Map<Long, Counters> previous = new HashMap<>();
            Timestamp previousReset = previous(connection, previous);
            boolean resetDetected = statements != null && !previous.isEmpty()
                    && (!Objects.equals(previousReset, resetAt) || statements.stream().anyMatch(s ->
                            previous.containsKey(s.queryid()) && s.calls() < previous.get(s.queryid()).calls()));
            long id;
            try (PreparedStatement ps = connection.prepareStatement(INSERT_SNAPSHOT)) {
                ps.setString(1, source.column());
                ps.setBoolean(2, statements != null);
                ps.setTimestamp(3, resetAt);
                ps.setBoolean(4, resetDetected);
                for (int i = 0; i < 4; i++) {
                    ps.setLong(5 + i, blocks[i]);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    id = rs.getLong(1);
                }
            }
            if (statements != null) {
                insertStatements(connection, id, statements, previous, resetDetected && !Objects.equals(previousReset, resetAt));
            }
            insertSizes(connection, id, sizes);
            connection.commit();
            LOG.info("Statistics snapshot {} ({}): {} statement(s){}, {} relation(s){}", id, source.column(),
                    statements == null ? 0 : statements.size(), statements == null ? " (pg_stat_statements not available)" : "",
                    sizes.size(), resetDetected ? "; pg_stat_statements was reset since the previous snapshot" : "");
            return id;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /**
     * Deletes the snapshots older than the retention, with their rows.
     *
     * @param retention how long snapshots are kept
     * @return how many snapshots were deleted
     * @throws SQLException when the delete fails
     */
    public int prune(Duration retention) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(PRUNE)) {
            c.setAutoCommit(true);
            ps.setDouble(1, retention.toMillis() / 1000.0);
            return ps.executeUpdate();
        }
    }

    /**
     * Marks a snapshot as one a deployment record took (its baseline, then its post numbers).
     *
     * @param snapshotId   the snapshot
     * @param deploymentId the deployment record's id
     * @throws SQLException when the update fails
     */
    public void attach(long snapshotId, long deploymentId) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(ATTACH)) {
            c.setAutoCommit(true);
            ps.setLong(1, deploymentId);
            ps.setLong(2, snapshotId);
            ps.executeUpdate();
        }
    }

    private static List<Counters> readStatements(Connection c) throws SQLException {
        if (!SlowQueriesCheck.installed(c)) {
            return null;
        }
        List<Counters> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(STATEMENTS); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new Counters(rs.getLong("queryid"), rs.getString("query"), rs.getLong("calls"),
                        rs.getDouble("total_exec_ms"), rs.getDouble("sum_sq_exec_ms"), rs.getDouble("max_exec_ms"),
                        rs.getLong("result_rows")));
            }
        } catch (SQLException e) {
            if (SlowQueriesCheck.notLoaded(e)) {
                return null;
            }
            throw e;
        }
        return out;
    }

    private static Timestamp resetAt(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(STATEMENTS_RESET); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getTimestamp(1) : null;
        }
    }

    private static long[] blockCounters(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(BLOCK_COUNTERS); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)};
        }
    }

    private static Timestamp previous(Connection c, Map<Long, Counters> into) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(PREVIOUS_STATEMENTS); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                into.put(rs.getLong("queryid"), new Counters(rs.getLong("queryid"), null, rs.getLong("calls"),
                        rs.getDouble("total_exec_ms"), rs.getDouble("sum_sq_exec_ms"), 0, 0));
            }
        }
        try (PreparedStatement ps = c.prepareStatement(PREVIOUS_RESET); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getTimestamp(1) : null;
        }
    }

    private static void insertStatements(Connection c, long id, List<Counters> statements, Map<Long, Counters> previous,
                                         boolean wholeReset) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT_STATEMENT)) {
            for (Counters s : statements) {
                Counters before = wholeReset ? null : previous.get(s.queryid());
                boolean fromZero = before == null || s.calls() < before.calls();
                ps.setLong(1, id);
                ps.setLong(2, s.queryid());
                ps.setString(3, s.query());
                ps.setLong(4, s.calls());
                ps.setDouble(5, s.totalMs());
                ps.setDouble(6, s.sumSqMs());
                ps.setDouble(7, s.maxMs());
                ps.setLong(8, s.rows());
                ps.setLong(9, fromZero ? s.calls() : s.calls() - before.calls());
                ps.setDouble(10, fromZero ? s.totalMs() : Math.max(0, s.totalMs() - before.totalMs()));
                ps.setDouble(11, fromZero ? s.sumSqMs() : Math.max(0, s.sumSqMs() - before.sumSqMs()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void insertSizes(Connection c, long id, List<RelationSizesCheck.RelationSize> sizes) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT_RELATION)) {
            for (RelationSizesCheck.RelationSize r : sizes) {
                ps.setLong(1, id);
                ps.setString(2, r.relation());
                ps.setString(3, r.kind());
                ps.setLong(4, r.tableBytes());
                ps.setLong(5, r.indexBytes());
                ps.setLong(6, r.totalBytes());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
