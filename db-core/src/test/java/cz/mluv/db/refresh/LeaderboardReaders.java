package cz.mluv.db.refresh;

import cz.mluv.db.leaderboard.LeaderboardMetric;
import cz.mluv.db.leaderboard.UserStatsSummaryRepository;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Readers that run the leaderboard queries in a loop, each on its own connection (application
 * name {@code mluv-reader}), recording every query's start and latency; and a probe that samples
 * every 5 ms how many of them wait on a lock (pg_stat_activity.wait_event_type = 'Lock').
 * Used by the tests that show CONCURRENTLY does not block readers and by the refresh benchmark.
 */
public final class LeaderboardReaders implements AutoCloseable {

    /** Application name of the readers' sessions. */
    public static final String APPLICATION_NAME = "mluv-reader";

    /** One query: when it started (System.nanoTime) and how long it took, ns. */
    public record Sample(long startNanos, long latencyNanos) {
    }

    /** One probe reading: when, and how many readers waited on a lock. */
    public record Probe(long atNanos, int waiting) {
    }

    /**
     * Latency summary of some samples, ms.
     *
     * @param queries how many
     * @param p50Ms   median
     * @param p95Ms   95th percentile
     * @param maxMs   slowest
     */
    public record Stats(int queries, double p50Ms, double p95Ms, double maxMs) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%,d queries, p50 %.2f ms, p95 %.2f ms, max %.2f ms", queries, p50Ms, p95Ms, maxMs);
        }
    }

    private static final String[] QUERIES = Arrays.stream(LeaderboardMetric.values())
            .map(m -> switch (m) {
                case TOTAL_STARS -> UserStatsSummaryRepository.TOP_BY_TOTAL_STARS_SQL;
                case MAX_STREAK -> UserStatsSummaryRepository.TOP_BY_MAX_STREAK_SQL;
                case TOTAL_MESSAGES -> UserStatsSummaryRepository.TOP_BY_TOTAL_MESSAGES_SQL;
                case MESSAGES_LAST_7_DAYS -> UserStatsSummaryRepository.TOP_BY_MESSAGES_LAST7_DAYS_SQL;
            })
            .map(sql -> sql.replace(":limit", "?"))
            .toArray(String[]::new);

    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final int threads;
    private final List<Sample> samples = new CopyOnWriteArrayList<>();
    private final List<Probe> probes = new CopyOnWriteArrayList<>();
    private final List<Thread> running = new ArrayList<>();
    private final AtomicBoolean stop = new AtomicBoolean();

    /**
     * @param jdbcUrl  database URL (without parameters)
     * @param user     user
     * @param password password
     * @param threads  concurrent readers
     */
    public LeaderboardReaders(String jdbcUrl, String user, String password, int threads) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
        this.threads = threads;
    }

    /**
     * Opens the readers' connections and starts them and the lock probe.
     *
     * @return this
     * @throws SQLException when a connection fails
     */
    public LeaderboardReaders start() throws SQLException {
        for (int i = 0; i < threads; i++) {
            Connection c = connect();
            int offset = i;
            running.add(Thread.ofPlatform().name("reader-" + i).start(() -> read(c, offset)));
        }
        Connection probe = connect();
        running.add(Thread.ofPlatform().name("lock-probe").start(() -> probe(probe)));
        return this;
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl + "?ApplicationName=" + APPLICATION_NAME + "&options=-c%20jit%3Doff",
                user, password);
    }

    private void read(Connection c, int offset) {
        try (c) {
            PreparedStatement[] statements = new PreparedStatement[QUERIES.length];
            for (int q = 0; q < QUERIES.length; q++) {
                statements[q] = c.prepareStatement(QUERIES[q]);
                statements[q].setInt(1, 20);
            }
            for (long n = offset; !stop.get(); n++) {
                long t = System.nanoTime();
                try (ResultSet rs = statements[(int) (n % statements.length)].executeQuery()) {
                    while (rs.next()) {
                        rs.getLong(1);
                    }
                }
                samples.add(new Sample(t, System.nanoTime() - t));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("leaderboard reader failed", e);
        }
    }

    private void probe(Connection c) {
        try (c; PreparedStatement ps = c.prepareStatement("""
                SELECT count(*) FROM pg_stat_activity WHERE application_name = ? AND wait_event_type = 'Lock'""")) {
            ps.setString(1, APPLICATION_NAME);
            while (!stop.get()) {
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    probes.add(new Probe(System.nanoTime(), rs.getInt(1)));
                }
                Thread.sleep(5);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("lock probe failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** @return queries that started within [from, to) (System.nanoTime) */
    public List<Sample> startedBetween(long fromNanos, long toNanos) {
        return samples.stream().filter(s -> s.startNanos() >= fromNanos && s.startNanos() < toNanos).toList();
    }

    /** @return queries that started and finished within [from, to] */
    public List<Sample> completedWithin(long fromNanos, long toNanos) {
        return samples.stream()
                .filter(s -> s.startNanos() >= fromNanos && s.startNanos() + s.latencyNanos() <= toNanos).toList();
    }

    /** @return the most readers seen waiting on a lock at once within [from, to] */
    public int mostWaitingBetween(long fromNanos, long toNanos) {
        return probes.stream().filter(p -> p.atNanos() >= fromNanos && p.atNanos() <= toNanos)
                .mapToInt(Probe::waiting).max().orElse(0);
    }

    /** @return how many probe readings fell within [from, to] */
    public long probesBetween(long fromNanos, long toNanos) {
        return probes.stream().filter(p -> p.atNanos() >= fromNanos && p.atNanos() <= toNanos).count();
    }

    /** @return latency summary of {@code of} */
    public static Stats stats(List<Sample> of) {
        if (of.isEmpty()) {
            return new Stats(0, 0, 0, 0);
        }
        long[] ns = of.stream().mapToLong(Sample::latencyNanos).sorted().toArray();
        return new Stats(ns.length, percentile(ns, 0.50), percentile(ns, 0.95), ns[ns.length - 1] / 1e6);
    }

    private static double percentile(long[] sorted, double p) {
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    /** Stops the readers and the probe and waits for them. */
    @Override
    public void close() throws InterruptedException {
        stop.set(true);
        for (Thread t : running) {
            t.join(30_000);
        }
    }
}
