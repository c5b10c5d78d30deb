package cz.mluv.benchmarks.resilience;

import cz.mluv.api.Application;
import cz.mluv.api.routing.ReadRoutingSetup;
import cz.mluv.benchmarks.database.MachineFacts;
import cz.mluv.db.bootstrap.DatabaseBootstrap;
import cz.mluv.db.bootstrap.DatabaseSettings;
import cz.mluv.db.bootstrap.MigrateOnStart;
import cz.mluv.db.bootstrap.ReplicaSettings;
import cz.mluv.db.demodata.DemoDataGenerator;
import cz.mluv.db.demodata.DemoDataSize;
import cz.mluv.db.replica.ReplicaStatus;
import cz.mluv.migrations.Migrations;
import cz.mluv.migrations.embedded.EmbeddedPostgresServer;
import cz.mluv.migrations.embedded.EmbeddedStandby;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * {@code ./mluv bench --replicas}: read throughput and latency of the API with 0 and with 1 read
 * replica, in one run on one machine.
 *
 * <p>One embedded primary (durable settings, as {@code ./mluv run}) loaded with the demo data
 * ({@code MLUV_DEMO_USERS} / {@code MLUV_DEMO_MESSAGES}, default 10,000 / 200,000) and one
 * {@link EmbeddedStandby} of it; two APIs in this JVM, started as {@code ./mluv run} starts one
 * ({@link Application#start}): one without replicas, one routing {@code @ReplicaRead} reads to the
 * standby. For each client count the same closed-loop load ({@link MixedLoad}, the targets of
 * {@link #targets}: leaderboards, a rank, stats, search, and a profile that stays on the primary)
 * runs against them in the order A B B A (A = 0 replicas, B = 1), {@code seconds} each after a
 * warm-up, and the two runs of each are pooled, so that a drift of the machine's load over the run
 * weighs on both alike. The load generator, both APIs, the primary and the standby share the
 * machine's cores: on 2 cores a replica adds no CPU, it only moves reads to another process.
 */
public final class ReplicaRun {

    private final Path workDir;
    private final int seconds;
    private final List<Integer> clients;
    private final Consumer<String> log;

    /**
     * @param workDir where the databases live during the run; the report goes to {@code <work-dir>/benchmark/replicas.md}
     * @param seconds measured seconds per phase (4 phases per client count)
     * @param clients client counts, e.g. 16 and 64
     * @param log     where progress and figures go
     */
    public ReplicaRun(Path workDir, int seconds, List<Integer> clients, Consumer<String> log) {
        this.workDir = workDir;
        this.seconds = seconds;
        this.clients = List.copyOf(clients);
        this.log = log;
    }

    /**
     * @param args {@code --replicas [--seconds 20] [--clients 16,64] [--work-dir target]}, in any order
     * @param log  where progress and figures go
     * @return the run
     * @throws IllegalArgumentException on an unknown option or a bad value
     */
    public static ReplicaRun parse(String[] args, Consumer<String> log) {
        int seconds = 20;
        List<Integer> clients = List.of(16, 64);
        Path work = Path.of("target");
        for (int i = 0; i < args.length; i += 2) {
            if (args[i].equals("--replicas")) {
                i--;
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option " + args[i] + " needs a value");
            }
            String v = args[i + 1];
            switch (args[i]) {
                case "--seconds" -> seconds = Integer.parseInt(v);
                case "--clients" -> clients = Arrays.stream(v.split(",")).map(String::strip).map(Integer::parseInt).toList();
                case "--work-dir" -> work = Path.of(v);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (usage: --replicas [--seconds 20] [--clients 16,64] [--work-dir target])");
            }
        }
        if (seconds < 1 || clients.stream().anyMatch(c -> c < 1)) {
            throw new IllegalArgumentException("--seconds and --clients must be positive");
        }
        return new ReplicaRun(work, seconds, clients, log);
    }

    /** One configuration's pooled samples at one client count. */
    record Phase(String config, int clients, List<LoadSample> samples, double seconds, long replicaReads) {
        String row() {
            long non2xx = samples.stream().filter(s -> !s.ok()).count();
            return String.format("| %s | %d | %,.0f | %.2f | %.2f | %.2f | %d | %s |", config, clients, samples.size() / seconds,
                    ResilienceRun.percentile(samples, 50), ResilienceRun.percentile(samples, 95), ResilienceRun.percentile(samples, 99),
                    non2xx, replicaReads < 0 ? "-" : String.format("%.0f %%", 100.0 * replicaReads / Math.max(1, samples.size())));
        }
    }

    /**
     * Runs the comparison and writes the report.
     *
     * @return the report's lines
     * @throws Exception when a database step fails or the run is interrupted
     */
    public List<String> run() throws Exception {
        Path dir = workDir.toAbsolutePath().resolve("replica-bench");
        deleteRecursively(dir);
        String loadAtStart = MachineFacts.loadAverage();
        MachineFacts machine = MachineFacts.collect();
        EmbeddedPostgresServer primary = EmbeddedPostgresServer.start(dir.resolve("primary"), true, 0);
        EmbeddedStandby standby = null;
        try {
            DemoDataSize size = DemoDataSize.from(DatabaseSettings.ENVIRONMENT);
            Migrations.migrate(primary.dataSource("postgres"));
            log.accept("replicas: loading " + size.users() + " users, " + size.messages() + " messages");
            new DemoDataGenerator(primary.dataSource("postgres"), line -> { }).load(size);
            try (Connection c = primary.dataSource("postgres").getConnection(); Statement st = c.createStatement()) {
                st.execute("ANALYZE");
            }
            standby = EmbeddedStandby.start(primary, dir.resolve("standby"), 0, "mluv_bench_replica", false);
            standby.awaitReplay(Duration.ofMinutes(5));
            List<Phase> phases = new ArrayList<>();
            List<String> order = new ArrayList<>();
            try (Api none = Api.start(primary.jdbcUrl("postgres"), List.of());
                 Api one = Api.start(primary.jdbcUrl("postgres"), List.of(standby.jdbcUrl("postgres")))) {
                List<String> targets = targets(size);
                for (Api api : List.of(none, one)) {
                    log.accept("replicas: warming up " + api.label() + " for 10 s");
                    measure(api, 16, targets, 10);
                }
                for (int c : clients) {
                    List<LoadSample> a = new ArrayList<>();
                    List<LoadSample> b = new ArrayList<>();
                    long readsBefore = one.replicaReads();
                    a.addAll(phase(order, "A", none, c, targets));
                    b.addAll(phase(order, "B", one, c, targets));
                    b.addAll(phase(order, "B", one, c, targets));
                    long replicaReads = one.replicaReads() - readsBefore;
                    a.addAll(phase(order, "A", none, c, targets));
                    phases.add(new Phase("0 replicas", c, a, 2.0 * seconds, -1));
                    phases.add(new Phase("1 replica", c, b, 2.0 * seconds, replicaReads));
                    log.accept(phases.get(phases.size() - 2).row());
                    log.accept(phases.getLast().row());
                }
            }
            List<String> report = report(machine, loadAtStart, MachineFacts.loadAverage(), size, phases);
            report.add("");
            report.add("Each phase in the order it ran (A = 0 replicas, B = 1 replica; req/s, p95 ms, load average at its end):");
            report.add("");
            order.forEach(line -> report.add("- " + line));
            Path out = workDir.resolve("benchmark").resolve("replicas.md");
            Files.createDirectories(out.getParent());
            Files.writeString(out, String.join("\n", report) + "\n");
            log.accept("report: " + out.toAbsolutePath());
            return report;
        } finally {
            if (standby != null) {
                standby.close();
            }
            primary.close();
            deleteRecursively(dir);
        }
    }

    private List<String> report(MachineFacts machine, String loadAtStart, String loadAtEnd, DemoDataSize size, List<Phase> phases) {
        List<String> lines = new ArrayList<>();
        lines.add("# Read replicas: 0 vs 1 (`./mluv bench --replicas`)");
        lines.add("");
        lines.add(String.format("Machine: %d cores (%s), %,d MB, %s; %s; commit %s. Load average %s at start, %s at end.",
                machine.cores(), machine.cpuModel(), machine.memoryBytes() / (1024 * 1024), machine.os(), machine.jdk(),
                machine.gitCommit(), loadAtStart, loadAtEnd));
        lines.add(String.format("Data: %,d users, %,d messages. Each row: %d s × 2 (order A B B A), closed loop, "
                + "targets: %s.", size.users(), size.messages(), seconds, String.join(", ", targets(size))));
        lines.add("");
        lines.add("| config | clients | req/s | p50 ms | p95 ms | p99 ms | non-2xx | reads served by the replica |");
        lines.add("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        phases.forEach(p -> lines.add(p.row()));
        return lines;
    }

    /**
     * @param size the demo data size
     * @return the request targets: five kinds of reads marked {@code @ReplicaRead} and one
     *         {@code @PrimaryRead} (the profile)
     */
    static List<String> targets(DemoDataSize size) {
        long first = DemoDataGenerator.FIRST_TELEGRAM_ID;
        long a = first + Math.min(7, size.users() - 1);
        long b = first + size.users() / 2;
        return List.of("/api/v1/leaderboard?metric=total_stars&limit=10", "/api/v1/leaderboard/users/" + b + "?metric=max_streak&around=5",
                "/api/v1/users/" + a + "/stats", "/api/v1/messages/search?q=pivo&limit=10", "/api/v1/users/active?days=7&limit=20",
                "/api/v1/users/" + b + "?include=settings,stars");
    }

    private List<LoadSample> phase(List<String> order, String name, Api api, int clientCount, List<String> targets)
            throws InterruptedException {
        List<LoadSample> samples = measure(api, clientCount, targets, seconds);
        String line = String.format("%s, %d clients: %,.0f req/s, p95 %.2f ms, load %s", name, clientCount,
                samples.size() / (double) seconds, ResilienceRun.percentile(samples, 95), MachineFacts.loadAverage());
        log.accept(line);
        order.add(line);
        return samples;
    }

    private List<LoadSample> measure(Api api, int clientCount, List<String> targets, int forSeconds) throws InterruptedException {
        try (MixedLoad load = new MixedLoad(api.baseUrl(), clientCount, targets)) {
            Thread.sleep(forSeconds * 1000L);
            return load.samples();
        }
    }

    /** One API in this JVM, with or without replicas. */
    private record Api(String label, DatabaseBootstrap bootstrap, ApplicationContext context, String baseUrl) implements AutoCloseable {

        static Api start(String primaryUrl, List<String> replicaUrls) {
            Map<String, String> fixed = new HashMap<>(Map.of("MLUV_DB_URL", primaryUrl, "MLUV_DB_USER", EmbeddedPostgresServer.USER,
                    "MLUV_DB_PASSWORD", "", "MLUV_DB_REPLICA_URLS", String.join(",", replicaUrls)));
            java.util.function.Function<String, String> env = name -> fixed.containsKey(name) ? fixed.get(name)
                    : DatabaseSettings.ENVIRONMENT.apply(name);
            DatabaseBootstrap bootstrap = DatabaseBootstrap.start(DatabaseSettings.from(env), ReplicaSettings.from(env), DemoDataSize.DEMO,
                    new MigrateOnStart(false, MigrateOnStart.DEFAULT_LOCK_TIMEOUT));
            System.setProperty("micronaut.server.port", "-1");
            ApplicationContext context = Application.start(bootstrap);
            String label = replicaUrls.isEmpty() ? "0 replicas" : replicaUrls.size() + " replica(s)";
            return new Api(label, bootstrap, context, "http://127.0.0.1:" + context.getBean(EmbeddedServer.class).getPort());
        }

        long replicaReads() {
            return context.getBean(ReadRoutingSetup.class).replicas().stream().mapToLong(ReplicaStatus::readsServed).sum();
        }

        @Override
        public void close() {
            context.close();
            bootstrap.close();
        }
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
