package cz.mluv.scheduler.benchmark;

import cz.mluv.db.demodata.DemoDataGenerator;
import cz.mluv.db.demodata.DemoDataSize;
import cz.mluv.db.refresh.LeaderboardReaders;
import cz.mluv.db.refresh.ViewRefresher;
import cz.mluv.migrations.Migrations;
import cz.mluv.migrations.embedded.EmbeddedPostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * Measures the refresh of {@code user_stats_summary} on a fresh embedded PostgreSQL 18 per data
 * size: load time, plain and CONCURRENTLY refresh durations, and the latency of leaderboard
 * readers before and during each kind of refresh. Prints a Markdown table per size.
 *
 * <p>Before every CONCURRENTLY run, 1 % of the messages are added as new user messages of random
 * users (about an hour of traffic), so the refresh has a real diff to apply.
 *
 * <pre>
 * ./mvnw -q -B -pl scheduler test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=cz.mluv.scheduler.benchmark.RefreshBenchmark -Dexec.args="10000:200000 100000:2000000"
 * </pre>
 * Arguments: sizes as {@code users:messages} (default both above); system property
 * {@code mluv.bench.readers} (default 4) reader threads, {@code mluv.bench.runs} (default 3) runs per form.
 */
public final class RefreshBenchmark {

    private static final String VIEW = "user_stats_summary";
    private static final int READERS = Integer.getInteger("mluv.bench.readers", 4);
    private static final int RUNS = Integer.getInteger("mluv.bench.runs", 3);

    private RefreshBenchmark() {
    }

    /**
     * @param args sizes as {@code users:messages}
     * @throws Exception when the database cannot be started, loaded or refreshed
     */
    public static void main(String[] args) throws Exception {
        List<String> sizes = args.length == 0 ? List.of("10000:200000", "100000:2000000") : Arrays.asList(args);
        System.out.printf("Refresh benchmark: %d cores, %s, PostgreSQL embedded 18, %d readers, %d runs per form%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"), READERS, RUNS);
        for (String size : sizes) {
            String[] parts = size.split(":");
            run(new DemoDataSize(Integer.parseInt(parts[0]), Long.parseLong(parts[1]), 42));
        }
    }

    private static void run(DemoDataSize size) throws Exception {
        Path dir = Files.createTempDirectory("mluv-bench-pg");
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dir.resolve("data"), false)) {
            String url = server.jdbcUrl("postgres");
            Migrations.migrate(server.dataSource("postgres"));
            long t0 = System.nanoTime();
            new DemoDataGenerator(server.dataSource("postgres"), line -> { }).load(size);
            double loadSeconds = (System.nanoTime() - t0) / 1e9;

            try (Connection c = connect(url)) {
                List<Long> plain = new ArrayList<>();
                List<Long> concurrently = new ArrayList<>();
                for (int i = 0; i < RUNS; i++) {
                    plain.add(ViewRefresher.refresh(c, VIEW, ViewRefresher.Mode.PLAIN, "benchmark").durationMs());
                }
                for (int i = 0; i < RUNS; i++) {
                    addAnHourOfMessages(c, size);
                    concurrently.add(ViewRefresher.refresh(c, VIEW, ViewRefresher.Mode.CONCURRENTLY, "benchmark").durationMs());
                }
                long unchanged = ViewRefresher.refresh(c, VIEW, ViewRefresher.Mode.CONCURRENTLY, "benchmark").durationMs();

                Readings readings = readers(url, c, size);
                System.out.printf(Locale.ROOT, """

                        ### %,d users / %,d messages (demo data loaded in %.1f s)
                        | measure | value |
                        |---|---|
                        | REFRESH (plain), ms, %d runs | %s (median %d) |
                        | REFRESH CONCURRENTLY after +1%% messages, ms, %d runs | %s (median %d) |
                        | REFRESH CONCURRENTLY with no change, ms | %d |
                        | leaderboard readers before (%d threads, 3 s) | %s |
                        | readers during REFRESH CONCURRENTLY (%d ms) | %s; most readers waiting on a lock at once: %d |
                        | readers during plain REFRESH (%d ms) | %s; most readers waiting on a lock at once: %d |
                        %n""", size.users(), size.messages(), loadSeconds,
                        RUNS, plain, median(plain), RUNS, concurrently, median(concurrently), unchanged,
                        READERS, readings.before(), readings.concurrentMs(), readings.duringConcurrent(), readings.waitingConcurrent(),
                        readings.plainMs(), readings.duringPlain(), readings.waitingPlain());
            }
        } finally {
            Files.deleteIfExists(dir);
        }
    }

    private record Readings(LeaderboardReaders.Stats before, long concurrentMs, LeaderboardReaders.Stats duringConcurrent,
                            int waitingConcurrent, long plainMs, LeaderboardReaders.Stats duringPlain, int waitingPlain) {
    }

    private static Readings readers(String url, Connection c, DemoDataSize size) throws Exception {
        try (LeaderboardReaders readers = new LeaderboardReaders(url, "postgres", "", READERS).start()) {
            Thread.sleep(1_000);
            long beforeStart = System.nanoTime();
            Thread.sleep(3_000);
            addAnHourOfMessages(c, size);
            long concurrentStart = System.nanoTime();
            ViewRefresher.refresh(c, VIEW, ViewRefresher.Mode.CONCURRENTLY, "benchmark");
            long concurrentEnd = System.nanoTime();
            Thread.sleep(1_000);
            long plainStart = System.nanoTime();
            CompletableFuture<Void> plain = CompletableFuture.runAsync(() -> {
                try {
                    ViewRefresher.refresh(c, VIEW, ViewRefresher.Mode.PLAIN, "benchmark");
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            plain.get();
            long plainEnd = System.nanoTime();
            return new Readings(LeaderboardReaders.stats(readers.startedBetween(beforeStart, concurrentStart)),
                    (concurrentEnd - concurrentStart) / 1_000_000,
                    LeaderboardReaders.stats(readers.startedBetween(concurrentStart, concurrentEnd)),
                    readers.mostWaitingBetween(concurrentStart, concurrentEnd),
                    (plainEnd - plainStart) / 1_000_000,
                    LeaderboardReaders.stats(readers.startedBetween(plainStart, plainEnd)),
                    readers.mostWaitingBetween(plainStart, plainEnd));
        }
    }

    /** Adds 1 % of the messages as new user messages of random users, written just now. */
    private static void addAnHourOfMessages(Connection c, DemoDataSize size) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("""
                    INSERT INTO messages (user_id, role, text, correctness_score, created_at)
                    SELECT u.id, 'user', 'Dobrý den, jak se máte? ' || g, 80, now() - make_interval(secs => g %% 3600)
                    FROM generate_series(1, %d) g
                    JOIN users u ON u.telegram_id = %d + (hashint4(g) & 2147483647) %% %d""".formatted(
                    Math.max(1, size.messages() / 100), DemoDataGenerator.FIRST_TELEGRAM_ID, size.users()));
        }
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static Connection connect(String url) throws SQLException {
        Connection c = DriverManager.getConnection(url + "?options=-c%20jit%3Doff&ApplicationName=mluv-benchmark", "postgres", "");
        c.setAutoCommit(true);
        return c;
    }
}
