package cz.mluv.db.checklist;

import cz.mluv.db.plan.HotRead;
import cz.mluv.db.plan.HotReads;
import cz.mluv.db.plan.NamedSql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Timings of every hot read ({@link HotReads}) with the same sample parameters as the plan
 * contracts: the "Performance Baseline" and "Post-Deployment Performance" of seed 002's record.
 * Each read runs {@value #RUNS} times in a read-only transaction that is rolled back; the median is
 * kept.
 *
 * @param medianMs hot-read id to its median wall time on the client, milliseconds
 */
public record PerformanceSnapshot(Map<String, Double> medianMs) {

    /** Runs per read. */
    public static final int RUNS = 5;

    /**
     * @param connection a connection not inside a transaction of the caller's
     * @return the timings
     * @throws SQLException when a read fails
     */
    public static PerformanceSnapshot measure(Connection connection) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement st = connection.createStatement()) {
            st.execute("SET TRANSACTION READ ONLY");
            st.execute("SET LOCAL statement_timeout = 10000");
            Map<String, Double> medians = new LinkedHashMap<>();
            for (HotRead read : HotReads.all()) {
                medians.put(read.id(), median(connection, read));
            }
            return new PerformanceSnapshot(medians);
        } finally {
            connection.rollback();
            connection.setAutoCommit(autoCommit);
        }
    }

    private static double median(Connection c, HotRead read) throws SQLException {
        Map<String, Object> sample = read.parameters().sample(c);
        NamedSql sql = NamedSql.parse(read.sql());
        double[] ms = new double[RUNS];
        try (PreparedStatement ps = c.prepareStatement(sql.jdbcSql())) {
            for (int i = 0; i < sql.parameters().size(); i++) {
                ps.setObject(i + 1, sample.get(sql.parameters().get(i)));
            }
            for (int run = 0; run < RUNS; run++) {
                long t0 = System.nanoTime();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        // read every row, as the repository does
                    }
                }
                ms[run] = (System.nanoTime() - t0) / 1_000_000.0;
            }
        }
        Arrays.sort(ms);
        return ms[RUNS / 2];
    }

    /** @return the slowest read's median, ms (0 when empty) */
    public double slowestMs() {
        return medianMs.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }

    /** @return e.g. {@code slowest 1.92 ms; user_messages 0.41 ms, ...} */
    public String text() {
        return String.format(Locale.ROOT, "slowest %.2f ms; ", slowestMs()) + medianMs.entrySet().stream()
                .map(e -> String.format(Locale.ROOT, "%s %.2f ms", e.getKey(), e.getValue()))
                .collect(Collectors.joining(", "));
    }
}
