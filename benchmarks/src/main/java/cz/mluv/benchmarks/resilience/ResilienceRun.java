package cz.mluv.benchmarks.resilience;

import cz.mluv.api.Application;
import cz.mluv.db.bootstrap.DatabaseBootstrap;
import cz.mluv.db.bootstrap.DatabaseSettings;
import cz.mluv.db.demodata.DemoDataGenerator;
import cz.mluv.db.demodata.DemoDataSize;
import cz.mluv.migrations.Migrations;
import cz.mluv.migrations.embedded.EmbeddedPostgresServer;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * {@code ./mluv bench --resilience}: the API under 64 concurrent clients on the leaderboard and the
 * user reads, then the same load while PostgreSQL is stopped for 10 s and started again on the
 * same data directory and port. Prints, for the load: requests, non-2xx answers, p95 and max
 * latency; for the fault: requests, 503s, other non-2xx, the longest answer during the outage
 * and the seconds from the restart to the first 2xx.
 *
 * <p>The API runs in this JVM exactly as {@code ./mluv run} starts it ({@link Application#start}:
 * the pool of 30 connections, {@code MLUV_API_DB_WAIT_MS}), on an embedded server of its own
 * ({@code <work-dir>/resilience-pgdata}, wiped first) loaded with the demo data size
 * ({@code MLUV_DEMO_USERS} / {@code MLUV_DEMO_MESSAGES}, default 10,000 / 200,000).
 */
public final class ResilienceRun {

    /** Concurrent clients of both phases. */
    public static final int CLIENTS = 64;
    /** How long PostgreSQL is down in the fault phase, s. */
    public static final int OUTAGE_SECONDS = 10;

    private final Path workDir;
    private final int loadSeconds;
    private final Consumer<String> log;

    /**
     * @param workDir     where the database lives during the run
     * @param loadSeconds length of the load phase, s (60 by default)
     * @param log         where progress and figures go
     */
    public ResilienceRun(Path workDir, int loadSeconds, Consumer<String> log) {
        this.workDir = workDir;
        this.loadSeconds = loadSeconds;
        this.log = log;
    }

    /**
     * Runs both phases and prints their figures.
     *
     * @return the figures, one line per phase
     * @throws SQLException         when the database cannot be loaded
     * @throws IOException          when the data directory cannot be prepared
     * @throws InterruptedException when interrupted
     */
    public List<String> run() throws SQLException, IOException, InterruptedException {
        Path dir = workDir.toAbsolutePath().resolve("resilience-pgdata");
        deleteRecursively(dir);
        int port = freePort();
        EmbeddedPostgresServer pg = EmbeddedPostgresServer.start(dir, true, port);
        try {
            String url = pg.jdbcUrl("postgres");
            Migrations.migrate(pg.dataSource("postgres"));
            DemoDataSize size = DemoDataSize.from(DatabaseSettings.ENVIRONMENT);
            log.accept("resilience: loading " + size.users() + " users, " + size.messages() + " messages");
            new DemoDataGenerator(pg.dataSource("postgres"), line -> { }).load(size);
            Map<String, String> fixed = Map.of("MLUV_DB_URL", url, "MLUV_DB_USER", EmbeddedPostgresServer.USER, "MLUV_DB_PASSWORD", "");
            DatabaseSettings settings = DatabaseSettings.from(
                    name -> fixed.containsKey(name) ? fixed.get(name) : DatabaseSettings.ENVIRONMENT.apply(name));
            try (DatabaseBootstrap bootstrap = DatabaseBootstrap.start(settings, size, false)) {
                System.setProperty("micronaut.server.port", "-1");
                try (ApplicationContext api = Application.start(bootstrap)) {
                    String baseUrl = "http://127.0.0.1:" + api.getBean(EmbeddedServer.class).getPort();
                    List<String> targets = targets(size);
                    String load = loadPhase(baseUrl, targets);
                    log.accept(load);
                    FaultResult fault = faultPhase(baseUrl, targets, pg, dir, port);
                    pg = fault.server();
                    log.accept(fault.figures());
                    return List.of(load, fault.figures());
                }
            }
        } finally {
            pg.close();
            deleteRecursively(dir);
        }
    }

    static List<String> targets(DemoDataSize size) {
        long first = DemoDataGenerator.FIRST_TELEGRAM_ID;
        long a = first + Math.min(1, size.users() - 1);
        long b = first + (size.users() / 2);
        return List.of("/api/v1/leaderboard?metric=total_stars&limit=10", "/api/v1/users/" + a + "?include=settings,recent_messages,stars&messages=5",
                "/api/v1/leaderboard?metric=messages_last_7_days&limit=50", "/api/v1/users/" + b + "/messages?limit=20",
                "/api/v1/users/active?days=7&limit=20", "/api/v1/users/" + b);
    }

    private String loadPhase(String baseUrl, List<String> targets) throws InterruptedException {
        log.accept("resilience: " + CLIENTS + " clients for " + loadSeconds + " s");
        List<LoadSample> samples;
        try (MixedLoad load = new MixedLoad(baseUrl, CLIENTS, targets)) {
            Thread.sleep(loadSeconds * 1000L);
            samples = load.samples();
        }
        long non2xx = samples.stream().filter(s -> !s.ok()).count();
        return String.format("load: %d clients, %d s: %,d requests (%.0f/s), %d non-2xx %s, p95 %.2f ms, p99 %.2f ms, max %.1f ms",
                CLIENTS, loadSeconds, samples.size(), samples.size() / (double) loadSeconds, non2xx, statuses(samples.stream().filter(s -> !s.ok()).toList()),
                percentile(samples, 95), percentile(samples, 99), percentile(samples, 100));
    }

    private record FaultResult(EmbeddedPostgresServer server, String figures) {
    }

    private FaultResult faultPhase(String baseUrl, List<String> targets, EmbeddedPostgresServer pg, Path dir, int port)
            throws InterruptedException {
        log.accept("resilience: " + CLIENTS + " clients; PostgreSQL stopped for " + OUTAGE_SECONDS + " s after 5 s");
        EmbeddedPostgresServer server = pg;
        List<LoadSample> samples;
        long stop;
        long stopped;
        long restart;
        long restarted;
        try (MixedLoad load = new MixedLoad(baseUrl, CLIENTS, targets)) {
            Thread.sleep(5_000);
            stop = System.nanoTime();
            server.close();
            stopped = System.nanoTime();
            Thread.sleep(OUTAGE_SECONDS * 1000L);
            restart = System.nanoTime();
            server = EmbeddedPostgresServer.start(dir, true, port);
            restarted = System.nanoTime();
            Thread.sleep(10_000);
            samples = load.samples();
        }
        List<LoadSample> outage = samples.stream().filter(s -> s.startNanos() >= stopped && s.endNanos() < restart).toList();
        // Latency from the stop command on: the first requests wait the pool's connection timeout
        // before the API's circuit opens.
        List<LoadSample> fromStop = samples.stream().filter(s -> s.startNanos() >= stop && s.endNanos() < restart).toList();
        long unavailable = outage.stream().filter(s -> s.status() == 503).count();
        long firstOk = samples.stream().filter(s -> s.startNanos() >= restarted && s.ok()).mapToLong(LoadSample::endNanos)
                .min().orElse(Long.MAX_VALUE);
        String toOk = firstOk == Long.MAX_VALUE ? "never" : String.format("%.2f s", (firstOk - restarted) / 1e9);
        List<LoadSample> other = samples.stream().filter(s -> !s.ok() && s.status() != 503).toList();
        return new FaultResult(server, String.format("fault: %,d requests in all; during the %d s outage %,d requests, %,d answered 503, "
                        + "max latency from the stop command to the restart %.0f ms (p95 %.0f ms); other non-2xx in the whole phase: %d %s; "
                        + "stop took %d ms, restart %d ms; first 2xx %s after the restart",
                samples.size(), OUTAGE_SECONDS, outage.size(), unavailable, percentile(fromStop, 100), percentile(fromStop, 95),
                other.size(), statuses(other), (stopped - stop) / 1_000_000, (restarted - restart) / 1_000_000, toOk));
    }

    private static String statuses(List<LoadSample> samples) {
        return samples.isEmpty() ? "" : samples.stream()
                .collect(Collectors.groupingBy(LoadSample::status, TreeMap::new, Collectors.counting())).toString();
    }

    static double percentile(List<LoadSample> samples, double p) {
        if (samples.isEmpty()) {
            return 0;
        }
        double[] sorted = samples.stream().mapToDouble(LoadSample::latencyMs).sorted().toArray();
        return sorted[Math.max(0, Math.min(sorted.length - 1, (int) Math.ceil(p / 100 * sorted.length) - 1))];
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
