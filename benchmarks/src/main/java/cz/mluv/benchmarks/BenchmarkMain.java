package cz.mluv.benchmarks;

import cz.mluv.benchmarks.database.MachineFacts;
import cz.mluv.benchmarks.endpoint.Endpoint;
import cz.mluv.benchmarks.report.CsvReport;
import cz.mluv.benchmarks.report.MarkdownReport;
import cz.mluv.benchmarks.report.P95Chart;
import cz.mluv.benchmarks.report.RunResult;
import cz.mluv.benchmarks.report.ScaleResult;
import cz.mluv.benchmarks.resilience.ReplicaRun;
import cz.mluv.benchmarks.resilience.ResilienceRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the Mluv benchmark and writes {@code <work-dir>/benchmark/report.md}, {@code p95.png}
 * and {@code results.csv}. See {@link BenchmarkOptions#USAGE}; {@code ./mluv bench} builds and
 * runs it; {@code --resilience} runs {@link ResilienceRun} instead and prints its figures;
 * {@code --replicas} runs {@link ReplicaRun} (0 vs 1 read replica) and writes {@code replicas.md}. Exit
 * code 0 when the run completed (targets missed or not), 2 on bad options, 1 on
 * failure.
 */
public final class BenchmarkMain {

    private BenchmarkMain() {
    }

    /** @param args see {@link BenchmarkOptions#USAGE} */
    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        if (java.util.Arrays.asList(args).contains("--replicas")) {
            replicas(args);
            return;
        }
        BenchmarkOptions options;
        try {
            options = BenchmarkOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        try {
            if (options.resilience()) {
                new ResilienceRun(options.workDir(), options.resilienceSeconds(), BenchmarkMain::log).run();
                System.exit(0);
                return;
            }
            Path report = run(options);
            log("report: " + report.toAbsolutePath());
            System.exit(0);
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(1);
        }
    }

    /**
     * Runs every scale and writes the report files.
     *
     * @param options what to run
     * @return the Markdown report
     * @throws SQLException when a database step fails
     * @throws IOException  when a report file cannot be written
     */
    public static Path run(BenchmarkOptions options) throws SQLException, IOException {
        Instant started = Instant.now();
        String loadAtStart = MachineFacts.loadAverage();
        MachineFacts machine = MachineFacts.collect();
        log("benchmark: " + options.commandLine() + "; load average " + loadAtStart);
        List<ScaleResult> scales = new ArrayList<>();
        ScaleRun runner = new ScaleRun(options, BenchmarkMain::log);
        for (double scale : options.scales()) {
            scales.add(runner.run(scale));
        }
        List<Endpoint> endpoints = runner.endpoints();
        Path dir = options.workDir().resolve("benchmark");
        Files.createDirectories(dir);
        RunResult run = new RunResult(started, Instant.now(), machine, runner.postgresVersion(), loadAtStart, MachineFacts.loadAverage(),
                options, endpoints, scales);
        P95Chart.write(run.main(), endpoints.stream().map(Endpoint::id).toList(),
                MarkdownReport.summaryClients(options.clients()), String.format("Mluv p95 at %d clients, %,d messages: before vs after (API) vs floor (JDBC)",
                        MarkdownReport.summaryClients(options.clients()), run.main().size().messages()), dir.resolve("p95.png"));
        Files.writeString(dir.resolve("results.csv"), CsvReport.render(run));
        Path report = dir.resolve("report.md");
        Files.writeString(report, MarkdownReport.render(run, "p95.png"));
        return report;
    }

    // ./mluv bench --replicas [--seconds 20] [--clients 16,64] [--work-dir target]: 0 vs 1 read replica.
    private static void replicas(String[] args) {
        ReplicaRun run;
        try {
            run = ReplicaRun.parse(args, BenchmarkMain::log);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        try {
            run.run();
            System.exit(0);
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(1);
        }
    }

    static void log(String line) {
        System.out.println(LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + " " + line);
    }
}
