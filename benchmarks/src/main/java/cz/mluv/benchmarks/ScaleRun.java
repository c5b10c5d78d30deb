package cz.mluv.benchmarks;

import cz.mluv.benchmarks.build.IndexBuild;
import cz.mluv.benchmarks.build.IndexBuilds;
import cz.mluv.benchmarks.build.ViewRefresh;
import cz.mluv.benchmarks.build.ViewRefreshes;
import cz.mluv.benchmarks.database.BenchDatabase;
import cz.mluv.benchmarks.database.StatementCounter;
import cz.mluv.benchmarks.endpoint.Endpoint;
import cz.mluv.benchmarks.endpoint.Endpoints;
import cz.mluv.benchmarks.endpoint.HttpConnection;
import cz.mluv.benchmarks.endpoint.JdbcRead;
import cz.mluv.benchmarks.endpoint.JdbcSession;
import cz.mluv.benchmarks.endpoint.Query;
import cz.mluv.benchmarks.endpoint.Sample;
import cz.mluv.benchmarks.load.Client;
import cz.mluv.benchmarks.load.ClosedLoop;
import cz.mluv.benchmarks.load.LoadResult;
import cz.mluv.benchmarks.report.Measurement;
import cz.mluv.benchmarks.report.Mode;
import cz.mluv.benchmarks.report.ScaleResult;
import cz.mluv.db.demodata.DemoDataSize;
import cz.mluv.db.plan.QueryPlan;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * The benchmark at one data set size, phase by phase: fresh database, migrate, drop the
 * performance indexes, load; "before" reads over JDBC; index builds (plain vs CONCURRENTLY);
 * view refreshes (plain vs CONCURRENTLY); then every read through the API over HTTP and the
 * same SQL over JDBC, at each concurrency, counting SQL statements per request.
 */
final class ScaleRun {

    /** Users sampled for the per-user reads. */
    private static final int SAMPLE_USERS = 1000;
    /** The API's JDBC session setting (DatabaseSettings default): the floor uses the same. */
    private static final String FLOOR_OPTIONS = "-c jit=off";

    private final BenchmarkOptions options;
    private final Consumer<String> log;
    private List<Endpoint> endpoints = List.of();
    /** Reads served from the view, which the API caches per refresh generation (issue 13). */
    static final java.util.Set<String> VIEW_BACKED = java.util.Set.of("leaderboard", "rank_top", "rank_middle", "rank_last", "active_users");
    private String postgresVersion = "unknown";

    ScaleRun(BenchmarkOptions options, Consumer<String> log) {
        this.options = options;
        this.log = log;
    }

    /** @return {@code SELECT version()} of the server of the last run */
    String postgresVersion() {
        return postgresVersion;
    }

    /** @return the endpoints of the last run (ids, titles, targets) */
    List<Endpoint> endpoints() {
        return endpoints;
    }

    /**
     * @param scale fraction of the benchmark size
     * @return what was measured
     * @throws SQLException when a database step fails
     */
    ScaleResult run(double scale) throws SQLException {
        DemoDataSize size = new DemoDataSize((int) Math.max(1, Math.round(DemoDataSize.BENCHMARK.users() * scale)),
                Math.round(DemoDataSize.BENCHMARK.messages() * scale / 2) * 2, DemoDataSize.BENCHMARK.seed());
        Map<String, Double> phases = new LinkedHashMap<>();
        List<Measurement> measurements = new ArrayList<>();
        try (BenchDatabase db = options.dbUrl() == null
                ? BenchDatabase.embedded(options.workDir().resolve("pgdata-" + BenchmarkOptions.format(scale)))
                : BenchDatabase.external(options.dbUrl(), options.dbUser(), options.dbPassword())) {
            long t = System.nanoTime();
            postgresVersion = db.text("SELECT version()");
            db.prepare();
            t = phase(phases, "prepare (migrate, drop performance indexes)", t);
            log.accept(String.format("scale %s: loading %,d users, %,d messages", BenchmarkOptions.format(scale), size.users(), size.messages()));
            Map<String, Long> rows = db.load(size, log);
            t = phase(phases, "load data set (COPY, derive, refresh view, ANALYZE)", t);

            endpoints = Endpoints.all(db.viewQuery()).stream()
                    .filter(e -> options.endpoints().isEmpty() || options.endpoints().stream().anyMatch(id -> selects(id, e.id()))).toList();
            Sample sample;
            try (Connection c = db.connect()) {
                sample = Sample.from(c, SAMPLE_USERS);
            }
            StatementCounter counter = new StatementCounter(db.dataSource(null));
            ClosedLoop beforeLoop = new ClosedLoop(Duration.ZERO, options.measure());
            Map<String, String> plansBefore = plans(db, sample, true);
            for (Endpoint e : endpoints) {
                for (int clients : options.beforeClients()) {
                    measurements.add(measure(counter, e, Mode.BEFORE, clients, beforeLoop, jdbc(db.dataSource(null), e.before(), sample)));
                }
            }
            t = phase(phases, "before: reads without indexes and view (JDBC)", t);

            List<IndexBuild> builds = new IndexBuilds(db.dataSource(null), log).buildAll(db.indexDefinitions());
            t = phase(phases, "index builds (plain, then CONCURRENTLY)", t);
            List<ViewRefresh> refreshes = new ViewRefreshes(db.dataSource(null)).measure(1);
            refreshes.forEach(r -> log.accept(String.format("refresh %s: %d ms, %,d rows, reader max %.1f ms",
                    r.mode(), r.durationMs(), r.rows(), r.reader().maxMs())));
            db.execute("VACUUM (ANALYZE)");
            t = phase(phases, "view refreshes, VACUUM ANALYZE", t);

            Map<String, String> plansAfter = plans(db, sample, false);
            ClosedLoop loop = new ClosedLoop(options.warmup(), options.measure());
            try (ApiServer api = ApiServer.start(db)) {
                log.accept("API on " + api.baseUrl() + ", pool " + api.poolMax() + " connections");
                warmUp(api.baseUrl(), sample);
                for (Endpoint e : endpoints) {
                    for (int clients : options.clients()) {
                        measurements.add(measure(counter, e, Mode.FLOOR, clients, loop, jdbc(db.dataSource(FLOOR_OPTIONS), e.floor(), sample)));
                        measurements.add(measure(counter, e, Mode.API, clients, loop, http(api.baseUrl(), e, sample)));
                    }
                }
            }
            t = phase(phases, "after: API over HTTP and floor over JDBC", t);
            List<Endpoint> viewBacked = endpoints.stream().filter(e -> VIEW_BACKED.contains(e.id())).toList();
            if (!viewBacked.isEmpty()) {
                try (ApiServer api = ApiServer.start(db, true)) {
                    log.accept("API with its answer cache on " + api.baseUrl());
                    warmUp(api.baseUrl(), sample);
                    for (Endpoint e : viewBacked) {
                        for (int clients : options.clients()) {
                            measurements.add(measure(counter, e, Mode.API_CACHED, clients, loop, http(api.baseUrl(), e, sample)));
                        }
                    }
                }
                phase(phases, "after: API with its answer cache (view-backed reads)", t);
            }
            return new ScaleResult(scale, size, rows, phases, plansBefore, plansAfter, measurements, builds, refreshes);
        }
    }

    private Measurement measure(StatementCounter counter, Endpoint e, Mode mode, int clients, ClosedLoop loop,
                                Client.Factory factory) {
        double perRequest;
        LoadResult r;
        try {
            counter.reset();
            r = loop.run(clients, factory);
            perRequest = (double) counter.count() / Math.max(1, r.issued());
            if (Boolean.getBoolean("mluv.bench.debug")) {
                counter.top(6).forEach(q -> log.accept("   " + q));
            }
        } catch (SQLException ex) {
            log.accept("pg_stat_statements unavailable (" + ex.getMessage() + "): no statement count");
            r = loop.run(clients, factory);
            perRequest = Double.NaN;
        }
        log.accept(String.format("%-20s %-13s c=%-2d p50 %8.2f p95 %8.2f p99 %8.2f max %8.2f ms, %8.1f req/s, n=%d, err=%d, %.2f stmt/req",
                e.id(), mode.label(), clients, r.p50Ms(), r.p95Ms(), r.p99Ms(), r.maxMs(), r.throughput(), r.requests(), r.errors(), perRequest));
        return new Measurement(e.id(), mode, r, perRequest);
    }

    /**
     * Drives the API through every endpoint in turn (4 clients) so the JIT has compiled the request
     * path of the server and of the HTTP client before anything is recorded: the numbers are
     * steady-state, as for a server that has been up a while.
     */
    private void warmUp(String baseUrl, Sample sample) {
        if (options.apiWarmupSeconds() == 0 || endpoints.isEmpty()) {
            return;
        }
        LoadResult r = new ClosedLoop(Duration.ZERO, Duration.ofSeconds(options.apiWarmupSeconds()))
                .run(4, index -> {
                    HttpConnection connection = new HttpConnection(baseUrl);
                    return new Client() {
                        @Override
                        public void call(long iteration) throws Exception {
                            Endpoint e = endpoints.get((int) Math.floorMod(iteration, (long) endpoints.size()));
                            expectOk(e, connection.get(e.path().apply(sample, iteration)));
                        }

                        @Override
                        public void close() throws Exception {
                            connection.close();
                        }
                    };
                });
        log.accept(String.format("API warm-up: %d requests over every endpoint in %.0f s, %d errors", r.requests(), r.seconds(), r.errors()));
    }

    private static Client.Factory jdbc(DataSource ds, JdbcRead read, Sample sample) {
        return index -> {
            JdbcSession session = new JdbcSession(ds.getConnection());
            return new Client() {
                @Override
                public void call(long iteration) throws Exception {
                    read.run(session, sample, iteration);
                }

                @Override
                public void close() throws Exception {
                    session.close();
                }
            };
        };
    }

    private static Client.Factory http(String baseUrl, Endpoint e, Sample sample) {
        return index -> {
            HttpConnection connection = new HttpConnection(baseUrl);
            return new Client() {
                @Override
                public void call(long iteration) throws Exception {
                    expectOk(e, connection.get(e.path().apply(sample, iteration)));
                }

                @Override
                public void close() throws Exception {
                    connection.close();
                }
            };
        };
    }

    private static void expectOk(Endpoint e, HttpConnection.Response response) throws IOException {
        if (response.status() != 200 || response.bytes() == 0) {
            throw new IOException(e.id() + ": HTTP " + response.status() + ", " + response.bytes() + " bytes");
        }
    }

    private Map<String, String> plans(BenchDatabase db, Sample sample, boolean before) throws SQLException {
        Map<String, String> plans = new LinkedHashMap<>();
        try (Connection c = db.connect()) {
            for (Endpoint e : endpoints) {
                if (!before) {
                    plans.put(e.id(), summary(e.floor().explain(c, e.id(), sample)));
                } else if (e.before() instanceof Query q) {
                    plans.put(e.id(), summary(q.explain(c, e.id(), sample)));
                } else {
                    plans.put(e.id(), e.beforeNote());
                }
            }
        }
        return plans;
    }

    private static String summary(QueryPlan plan) {
        List<String> parts = new ArrayList<>();
        plan.indexesUsed().stream().distinct().forEach(i -> parts.add("index " + i));
        plan.seqScans().stream().distinct().forEach(s -> parts.add("Seq Scan " + s));
        return parts.isEmpty() ? "(no scan node)" : String.join(", ", parts);
    }

    /** {@code --endpoints search} selects {@code search} and its kinds ({@code search_rare}, ...). */
    static boolean selects(String option, String endpointId) {
        return endpointId.equals(option) || endpointId.startsWith(option + "_") && option.equals("search");
    }

    private double elapsed(long t) {
        return (System.nanoTime() - t) / 1e9;
    }

    private long phase(Map<String, Double> phases, String name, long started) {
        double s = elapsed(started);
        phases.put(name, s);
        log.accept(String.format("phase %-55s %8.1f s", name, s));
        return System.nanoTime();
    }
}
