package cz.mluv.db.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cz.mluv.migrations.Migrations;
import cz.mluv.migrations.testing.TestPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Snapshots of pg_stat_statements and relation sizes on a migrated database: intervals between
 * snapshots, a reset of the whole view and of one statement in between, growth, hit rates and
 * retention. One database for the class; the test runs its steps in order.
 */
class StatisticsHistoryTest {

    private static final String PROBE = "SELECT count(*) FROM users WHERE id > ?";

    private static TestPostgres.Database db;
    private static StatisticsHistory history;
    private static HistoryQueries queries;

    @BeforeAll
    static void migratedDatabaseWithStatements() throws Exception {
        db = TestPostgres.newDatabase("history");
        Migrations.migrate(db.dataSource());
        exec("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
        history = new StatisticsHistory(db.dataSource());
        queries = new HistoryQueries(db.dataSource());
    }

    @Test
    void intervalsCountWhatHappenedBetweenSnapshotsAlsoAcrossResets() throws Exception {
        long first = history.take(SnapshotSource.SCHEDULE);
        probe(7);
        exec("INSERT INTO users (telegram_id, first_name, created_at) SELECT 900000 + n, 'u' || n, now() "
                + "FROM generate_series(1, 3000) n");
        long second = history.take(SnapshotSource.SCHEDULE);
        StatementInterval sevenCalls = probeInterval(first, second);
        assertEquals(7, sevenCalls.calls());
        assertTrue(sevenCalls.execMs() > 0 && sevenCalls.p95ProxyMs() >= sevenCalls.meanMs(), sevenCalls::toString);

        // A reset of the whole view between two snapshots: the interval counts from the reset.
        exec("SELECT pg_stat_statements_reset()");
        probe(3);
        long third = history.take(SnapshotSource.SCHEDULE);
        assertEquals(3, probeInterval(second, third).calls());

        // A reset of one statement (its calls go down, stats_reset does not move).
        long queryid = probeInterval(second, third).queryid();
        exec("SELECT pg_stat_statements_reset(0, 0, " + queryid + ")");
        probe(2);
        long fourth = history.take(SnapshotSource.SCHEDULE);
        assertEquals(2, probeInterval(third, fourth).calls());
        assertEquals(12, probeInterval(first, fourth).calls(), "7 + 3 + 2 over the three intervals");

        List<StatsSnapshot> snapshots = queries.snapshots(10);
        assertEquals(List.of(first, second, third, fourth), snapshots.stream().map(StatsSnapshot::id).toList());
        assertEquals(List.of(false, false, true, true), snapshots.stream().map(StatsSnapshot::resetDetected).toList());
        assertTrue(snapshots.stream().allMatch(StatsSnapshot::statementsAvailable));
        assertNull(snapshots.getFirst().tableHitPercent(), "no interval before the first snapshot");
        assertNotNull(snapshots.get(1).tableHitPercent(), "the probe and the insert read blocks");

        List<StatementPoint> points = queries.statementHistory(queryid, 10);
        assertEquals(List.of(7L, 3L, 2L), points.stream().map(p -> p.interval().calls()).toList());

        // users grew by 3,000 rows between the first and the second snapshot.
        List<RelationSizePoint> growth = queries.relationGrowth(10).stream().filter(p -> p.relation().equals("users")).toList();
        assertEquals(4, growth.size());
        assertTrue(growth.get(1).totalBytes() > growth.get(0).totalBytes(), growth::toString);

        // Retention deletes whole snapshots, their statements and sizes with them.
        exec("UPDATE stats_snapshot SET taken_at = now() - interval '30 days' WHERE id = " + first);
        assertEquals(1, history.prune(Duration.ofDays(14)));
        assertEquals(List.of(second, third, fourth), queries.snapshots(10).stream().map(StatsSnapshot::id).toList());
        assertEquals(0, count("SELECT count(*) FROM query_stats_history WHERE snapshot_id = " + first));
        assertEquals(0, count("SELECT count(*) FROM relation_size_history WHERE snapshot_id = " + first));
        assertEquals(fourth, queries.latestSnapshotId().orElseThrow());
    }

    @Test
    void withoutPgStatStatementsSnapshotsKeepSizesAndBlockCounters() throws Exception {
        TestPostgres.Database plain = TestPostgres.newDatabase("history_plain");
        Migrations.migrate(plain.dataSource());
        StatisticsHistory h = new StatisticsHistory(plain.dataSource());
        h.take(SnapshotSource.MANUAL);
        h.take(SnapshotSource.MANUAL);
        List<StatsSnapshot> snapshots = new HistoryQueries(plain.dataSource()).snapshots(5);
        assertEquals(2, snapshots.size());
        assertFalse(snapshots.getLast().statementsAvailable());
        assertFalse(new HistoryQueries(plain.dataSource()).relationGrowth(5).isEmpty());
    }

    @Test
    void theP95ProxyIsTheMeanPlus1645StandardDeviationsOfTheInterval() {
        // Two calls of 1 ms and 3 ms: mean 2, population variance (1 + 9) / 2 - 4 = 1.
        StatementInterval i = new StatementInterval(1, "q", 2, 4, 10);
        assertEquals(2.0, i.meanMs(), 1e-9);
        assertEquals(1.0, i.stddevMs(), 1e-9);
        assertEquals(3.645, i.p95ProxyMs(), 1e-9);
        assertEquals(0.0, new StatementInterval(1, "q", 0, 0, 0).p95ProxyMs(), 1e-9);
    }

    private static StatementInterval probeInterval(long after, long upTo) throws SQLException {
        return queries.topStatements(after, upTo, 1000).stream().filter(s -> s.query().contains("FROM users WHERE id >"))
                .findFirst().orElseThrow(() -> new AssertionError("the probe is not in the history between " + after + " and " + upTo));
    }

    private static void probe(int times) throws SQLException {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(PROBE)) {
            for (int i = 0; i < times; i++) {
                ps.setLong(1, i);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                }
            }
        }
    }

    private static void exec(String sql) throws SQLException {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static long count(String sql) throws SQLException {
        try (Connection c = db.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
