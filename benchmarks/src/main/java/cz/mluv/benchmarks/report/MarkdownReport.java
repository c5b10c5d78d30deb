package cz.mluv.benchmarks.report;

import cz.mluv.benchmarks.BenchmarkOptions;
import cz.mluv.benchmarks.build.IndexBuild;
import cz.mluv.benchmarks.build.ViewRefresh;
import cz.mluv.benchmarks.endpoint.Endpoint;
import cz.mluv.benchmarks.load.LoadResult;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Renders a {@link RunResult} as Markdown: the summary against the targets, every load point,
 * the scale curve, plans, index builds and sizes, view refreshes, and the machine it ran on.
 */
public final class MarkdownReport {

    /** Concurrency of the summary and the targets. */
    public static final int SUMMARY_CLIENTS = 4;
    /** API throughput must be at least this share of the JDBC floor's. */
    public static final double THROUGHPUT_TARGET = 0.5;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private final RunResult run;
    private final StringBuilder out = new StringBuilder();

    private MarkdownReport(RunResult run) {
        this.run = run;
    }

    /**
     * @param run   the results
     * @param chart file name of the p95 chart beside the report
     * @return the report
     */
    public static String render(RunResult run, String chart) {
        return new MarkdownReport(run).write(chart);
    }

    /**
     * @param clients the concurrencies measured
     * @return the concurrency the summary and the chart use: 4 when measured, else the first
     */
    public static int summaryClients(List<Integer> clients) {
        return clients.contains(SUMMARY_CLIENTS) ? SUMMARY_CLIENTS : clients.getFirst();
    }

    private String write(String chart) {
        ScaleResult main = run.main();
        int c = summaryClients(run.options().clients());
        int bc = summaryClients(run.options().beforeClients());
        line("# Mluv benchmark report");
        line("");
        line("Command: `" + run.options().commandLine() + "`  ");
        line("Run: " + TIME.format(run.started()) + " to " + TIME.format(run.finished()) + " ("
                + Duration.between(run.started(), run.finished()).toMinutes() + " min), commit `" + run.machine().gitCommit() + "`");
        line("");
        machine();
        method();
        summary(main, c, bc, chart);
        throughputToFloor(main, c);
        targets(main, c);
        scaleCurve(c);
        for (ScaleResult s : run.scales()) {
            details(s);
        }
        return out.toString();
    }

    private void machine() {
        line("## Machine");
        line("");
        line("| fact | value |");
        line("|---|---|");
        line("| cores | " + run.machine().cores() + " (" + run.machine().cpuModel() + ") |");
        line("| memory | " + String.format("%.1f GiB", run.machine().memoryBytes() / 1073741824.0) + " |");
        line("| OS | " + run.machine().os() + " |");
        line("| JDK | " + run.machine().jdk() + " |");
        line("| PostgreSQL | " + run.postgresVersion() + " |");
        line("| load average (1/5/15 min) at start | " + run.loadAtStart() + " |");
        line("| load average (1/5/15 min) at end | " + run.loadAtEnd() + " |");
        line("");
        line("The machine is **shared**: other engineers' builds and tests ran on the same 2 cores during the run "
                + "(see the load averages), so absolute numbers are pessimistic and vary between runs; ratios "
                + "measured back to back (API vs floor, before vs after) are the more reliable part.");
        line("");
    }

    private void method() {
        BenchmarkOptions o = run.options();
        line("## How it was measured");
        line("");
        line("- **Load**: closed loop (each client sends its next request when the previous answer has been read), "
                + o.warmupSeconds() + " s warm-up then " + o.seconds() + " s measured per load point (before the first API load point, "
                + o.apiWarmupSeconds() + " s of requests over every endpoint warm the JIT), at "
                + o.clients() + " concurrent clients; latency per request recorded in HdrHistogram (µs, 3 significant digits).");
        line("- **After (API)**: HTTP/1.1 keep-alive GETs, one blocking socket per client (a minimal client, as wrk or ab: no "
                + "client-side thread hops; status 200 and the whole body checked) to the Mluv API, started in the benchmark's "
                + "JVM by `Application.start` exactly as `./mluv run` does (HikariCP pool of "
                + "`MLUV_DB_POOL_MAX` = 30 by default, JIT off). Load generator, API and PostgreSQL share the machine's cores.");
        line("- **Floor (JDBC)**: the repository's SQL constant (the statement the API runs) over plain JDBC, one connection "
                + "per client, same session settings (`jit=off`), every column of every row read. API overhead = API / floor.");
        line("- **Before**: the same data with the six performance indexes of V2 dropped and without the view: the leaderboard "
                + "and active users computed live from the base tables (the view's own query), user with relations loaded 1+N "
                + "(user, then settings, stars and messages: 4 statements). The API has no \"before\" mode, so before is measured "
                + "over JDBC (no HTTP overhead: it flatters before). No warm-up; every client sends at least one request; clients "
                + o.beforeClients() + ".");
        line("- **Statements per request**: pg_stat_statements `calls` in the benchmark database during the load point "
                + "(reset before), divided by requests sent (warm-up included); the driver's `SET application_name` at "
                + "connect is left out, HikariCP's connection checks (`SELECT 1` on a connection idle over 500 ms) are not.");
        line("- **Users**: a fixed pseudo-random sample of 1,000 users who wrote messages, cycled; search cycles through "
                + "8 common Czech words typed without diacritics; each search_* read asks one fixed query of its kind.");
        line("");
    }

    private void summary(ScaleResult s, int c, int bc, String chart) {
        line("## Summary: p95 at " + c + " clients, scale " + BenchmarkOptions.format(s.scale())
                + String.format(" (%,d users, %,d messages)", s.size().users(), s.size().messages()));
        line("");
        line("| read | before p95 (JDBC" + (bc != c ? ", " + bc + " clients" : "") + ") | after p95 (API) | floor p95 (JDBC) "
                + "| speed-up before→after | target p95 | met | API throughput / floor | SQL statements per request before → after |");
        line("|---|---:|---:|---:|---:|---:|:---:|---:|---:|");
        for (Endpoint e : run.endpoints()) {
            Optional<Measurement> before = s.find(e.id(), Mode.BEFORE, bc);
            Optional<Measurement> api = s.find(e.id(), Mode.API, c);
            Optional<Measurement> floor = s.find(e.id(), Mode.FLOOR, c);
            double b = before.map(m -> m.load().p95Ms()).orElse(Double.NaN);
            double a = api.map(m -> m.load().p95Ms()).orElse(Double.NaN);
            double f = floor.map(m -> m.load().p95Ms()).orElse(Double.NaN);
            line("| " + e.id() + " | " + Numbers.ms(b) + " ms | " + Numbers.ms(a) + " ms | " + Numbers.ms(f) + " ms | "
                    + Numbers.times(b / a) + " | " + Numbers.ms(e.targetP95Ms()) + " ms | " + (a <= e.targetP95Ms() ? "yes" : "**no**")
                    + " | " + Numbers.percent(throughputRatio(s, e.id(), c)) + " | "
                    + Numbers.statements(before.map(Measurement::statementsPerRequest).orElse(Double.NaN)) + " → "
                    + Numbers.statements(api.map(Measurement::statementsPerRequest).orElse(Double.NaN)) + " |");
        }
        line("");
        line("![p95 per endpoint: before, after (API), floor (JDBC)](" + chart + ")");
        line("");
    }

    /**
     * Throughput of the API, uncached and (for view-backed reads) cached, as a share of the JDBC
     * floor's, per read (issue 13's goals: uncached at least 50 %, a cached leaderboard above 100 %).
     */
    private void throughputToFloor(ScaleResult s, int c) {
        line("## API throughput / JDBC floor at " + c + " clients, scale " + BenchmarkOptions.format(s.scale()));
        line("");
        line("Requests per second of each read through the API, with the answer cache off (every request reads the "
                + "database) and on (view-backed reads: answered from the rendered answers after the first request of a URL, "
                + "until the view's next refresh), against the same SQL over plain JDBC (the floor). Goals: uncached at least "
                + Numbers.percent(THROUGHPUT_TARGET) + " of the floor, a cached leaderboard above it.");
        line("");
        line("| read | floor (JDBC) req/s | API uncached req/s | uncached / floor | API cached req/s | cached / floor |");
        line("|---|---:|---:|---:|---:|---:|");
        for (Endpoint e : run.endpoints()) {
            double floor = s.find(e.id(), Mode.FLOOR, c).map(m -> m.load().throughput()).orElse(Double.NaN);
            double api = s.find(e.id(), Mode.API, c).map(m -> m.load().throughput()).orElse(Double.NaN);
            Optional<Measurement> cached = s.find(e.id(), Mode.API_CACHED, c);
            double cachedRate = cached.map(m -> m.load().throughput()).orElse(Double.NaN);
            line("| " + e.id() + " | " + Numbers.rate(floor) + " | " + Numbers.rate(api) + " | " + Numbers.percent(api / floor)
                    + " | " + (cached.isPresent() ? Numbers.rate(cachedRate) : "–") + " | "
                    + (cached.isPresent() ? Numbers.percent(cachedRate / floor) : "–") + " |");
        }
        line("");
    }

    static double throughputRatio(ScaleResult s, String id, int c) {
        Optional<Measurement> api = s.find(id, Mode.API, c);
        Optional<Measurement> floor = s.find(id, Mode.FLOOR, c);
        if (api.isEmpty() || floor.isEmpty() || floor.get().load().throughput() == 0) {
            return Double.NaN;
        }
        return api.get().load().throughput() / floor.get().load().throughput();
    }

    private void targets(ScaleResult s, int c) {
        line("## Targets (scale " + BenchmarkOptions.format(s.scale()) + ", " + c + " clients, through HTTP)");
        line("");
        for (Endpoint e : run.endpoints()) {
            s.find(e.id(), Mode.API, c).ifPresent(m -> {
                LoadResult r = m.load();
                double ratio = throughputRatio(s, e.id(), c);
                line("- `" + e.id() + "`: p95 " + Numbers.ms(r.p95Ms()) + " ms vs target " + Numbers.ms(e.targetP95Ms()) + " ms ("
                        + e.targetNote() + "): " + (r.p95Ms() <= e.targetP95Ms() ? "met" : "**missed**")
                        + "; throughput " + Numbers.percent(ratio) + " of the floor: "
                        + (ratio >= THROUGHPUT_TARGET ? "met" : "**missed**")
                        + "; " + Numbers.statements(m.statementsPerRequest()) + " SQL statement(s) per request: "
                        + (Math.round(m.statementsPerRequest() * 100) == 100 ? "met" : "**missed**")
                        + (r.errors() > 0 ? "; " + r.errors() + " errors" : "") + ".");
            });
        }
        line("");
    }

    private void scaleCurve(int c) {
        if (run.scales().size() < 2) {
            return;
        }
        line("## Scale curve: p95 at " + c + " clients, API (floor)");
        line("");
        StringBuilder head = new StringBuilder("| read |");
        StringBuilder rule = new StringBuilder("|---|");
        for (ScaleResult s : run.scales()) {
            head.append(" scale ").append(BenchmarkOptions.format(s.scale()))
                    .append(String.format(" (%,d messages) |", s.size().messages()));
            rule.append("---:|");
        }
        line(head.toString());
        line(rule.toString());
        for (Endpoint e : run.endpoints()) {
            StringBuilder row = new StringBuilder("| " + e.id() + " |");
            for (ScaleResult s : run.scales()) {
                row.append(" ").append(Numbers.ms(s.find(e.id(), Mode.API, c).map(m -> m.load().p95Ms()).orElse(Double.NaN)))
                        .append(" (").append(Numbers.ms(s.find(e.id(), Mode.FLOOR, c).map(m -> m.load().p95Ms()).orElse(Double.NaN)))
                        .append(") ms |");
            }
            line(row.toString());
        }
        line("");
        StringBuilder before = new StringBuilder("Before, same reads without indexes and view (p95 at "
                + summaryClients(run.options().beforeClients()) + " clients):");
        for (Endpoint e : run.endpoints()) {
            before.append(" `").append(e.id()).append("`");
            for (ScaleResult s : run.scales()) {
                before.append(s == run.scales().getFirst() ? " " : " → ").append(Numbers.ms(
                        s.find(e.id(), Mode.BEFORE, summaryClients(run.options().beforeClients())).map(m -> m.load().p95Ms()).orElse(Double.NaN)));
            }
            before.append(" ms;");
        }
        line(before.toString());
        line("");
    }

    private void details(ScaleResult s) {
        line("## Scale " + BenchmarkOptions.format(s.scale()) + String.format(": %,d users, %,d messages", s.size().users(), s.size().messages()));
        line("");
        line("Rows: " + s.rows().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> String.format("%s %,d", e.getKey(), e.getValue())).reduce((a, b) -> a + ", " + b).orElse("") + ".");
        line("");
        line("| phase | seconds |");
        line("|---|---:|");
        s.phaseSeconds().forEach((k, v) -> line(String.format("| %s | %.1f |", k, v)));
        line("");
        line("### Every load point");
        line("");
        line("| read | mode | clients | p50 ms | p95 ms | p99 ms | max ms | req/s | requests | errors | statements/request |");
        line("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (Endpoint e : run.endpoints()) {
            for (Mode mode : Mode.values()) {
                s.measurements().stream().filter(m -> m.endpoint().equals(e.id()) && m.mode() == mode).forEach(m -> {
                    LoadResult r = m.load();
                    line("| " + e.id() + " | " + mode.label() + " | " + r.clients() + " | " + Numbers.ms(r.p50Ms()) + " | "
                            + Numbers.ms(r.p95Ms()) + " | " + Numbers.ms(r.p99Ms()) + " | " + Numbers.ms(r.maxMs()) + " | "
                            + Numbers.rate(r.throughput()) + " | " + r.requests() + " | " + r.errors() + " | "
                            + Numbers.statements(m.statementsPerRequest()) + " |");
                });
            }
        }
        line("");
        line("### Plans (EXPLAIN of request 0)");
        line("");
        line("| read | before | after (the API's SQL) |");
        line("|---|---|---|");
        for (Endpoint e : run.endpoints()) {
            line("| " + e.id() + " | " + s.plansBefore().getOrDefault(e.id(), "–") + " | " + s.plansAfter().getOrDefault(e.id(), "–") + " |");
        }
        line("");
        indexBuilds(s);
        refreshes(s);
    }

    private void indexBuilds(ScaleResult s) {
        line("### Index builds: plain vs CONCURRENTLY, with a writer inserting every 5 ms");
        line("");
        line("| index | table | plain ms | writer's longest insert, plain | CONCURRENTLY ms | writer's longest insert, concurrently | index size | table size | index / table |");
        line("|---|---|---:|---:|---:|---:|---:|---:|---:|");
        for (IndexBuild b : s.builds()) {
            line("| " + b.name() + " | " + b.table() + " | " + Numbers.ms(b.plainMs()) + " | " + Numbers.ms(b.writerPlain().maxMs())
                    + " ms | " + Numbers.ms(b.concurrentMs()) + " | " + Numbers.ms(b.writerConcurrent().maxMs()) + " ms | "
                    + Numbers.megabytes(b.indexBytes()) + " | " + Numbers.megabytes(b.tableBytes()) + " | " + Numbers.percent(b.ratio()) + " |");
        }
        line("");
        line("A plain build holds a SHARE lock: the writer's insert waits for the whole build (its longest insert ≈ the build time). "
                + "CONCURRENTLY lets it go on, at the price of a longer build (two table scans, waits for older transactions).");
        line("");
    }

    private void refreshes(ScaleResult s) {
        line("### View refresh (user_stats_summary), with a leaderboard reader every 5 ms");
        line("");
        line("| mode | refresh ms | rows | reader's longest read | reader p99 |");
        line("|---|---:|---:|---:|---:|");
        for (ViewRefresh r : s.refreshes()) {
            line("| " + r.mode() + " | " + Numbers.ms(r.durationMs()) + String.format(" | %,d | ", r.rows())
                    + Numbers.ms(r.reader().maxMs()) + " ms | " + Numbers.ms(r.reader().p99Ms()) + " ms |");
        }
        line("");
    }

    private void line(String s) {
        out.append(s).append('\n');
    }
}
