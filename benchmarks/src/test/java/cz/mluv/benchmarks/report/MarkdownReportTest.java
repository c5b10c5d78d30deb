package cz.mluv.benchmarks.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cz.mluv.benchmarks.BenchmarkOptions;
import cz.mluv.benchmarks.build.IndexBuild;
import cz.mluv.benchmarks.build.ProbeLatency;
import cz.mluv.benchmarks.build.ViewRefresh;
import cz.mluv.benchmarks.database.MachineFacts;
import cz.mluv.benchmarks.endpoint.Endpoint;
import cz.mluv.benchmarks.endpoint.Endpoints;
import cz.mluv.benchmarks.load.LoadResult;
import cz.mluv.db.demodata.DemoDataSize;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarkdownReportTest {

    /** A load point whose every request took {@code micros} µs. */
    private static LoadResult constant(int clients, long micros, long requests, double seconds) {
        Histogram h = new Histogram(1, 3_600_000_000L, 3);
        h.recordValueWithCount(micros, requests);
        return LoadResult.of(clients, h, 0, requests, seconds);
    }

    private static RunResult run() {
        List<Endpoint> endpoints = Endpoints.all("SELECT 1").stream()
                .filter(e -> e.id().equals("leaderboard") || e.id().equals("search")).toList();
        List<Measurement> m = new ArrayList<>();
        m.add(new Measurement("leaderboard", Mode.BEFORE, constant(4, 800_000, 20, 5), 1));
        m.add(new Measurement("leaderboard", Mode.API, constant(4, 2_000, 10_000, 5), 1.001));
        m.add(new Measurement("leaderboard", Mode.FLOOR, constant(4, 500, 15_000, 5), 1));
        m.add(new Measurement("search", Mode.BEFORE, constant(4, 60_000_000, 4, 120), 1));
        m.add(new Measurement("search", Mode.API, constant(4, 40_000, 500, 5), 1));
        m.add(new Measurement("search", Mode.FLOOR, constant(4, 30_000, 2_000, 5), 1));
        Map<String, Double> phases = new LinkedHashMap<>();
        phases.put("load", 120.0);
        ScaleResult scale = new ScaleResult(1, DemoDataSize.BENCHMARK, Map.of("users", 100_000L), phases,
                Map.of("leaderboard", "Seq Scan messages"), Map.of("leaderboard", "index idx_user_stats_summary_total_stars"), m,
                List.of(new IndexBuild("idx_messages_user_created", "messages", 9_000, 14_000,
                        new ProbeLatency(100, 0, 8_900, 9_000), new ProbeLatency(2_000, 0, 3, 12), 60L << 20, 300L << 20)),
                List.of(new ViewRefresh("PLAIN", 4_000, 100_000, new ProbeLatency(10, 0, 3_900, 4_000))));
        return new RunResult(Instant.parse("2026-11-23T18:00:00Z"), Instant.parse("2026-11-23T18:40:00Z"),
                new MachineFacts(2, "test CPU", 24L << 30, "Linux", "JDK 25", "abc1234"), "PostgreSQL 18.6",
                "1.00 1.00 1.00", "2.00 2.00 2.00", BenchmarkOptions.parse(), endpoints, List.of(scale));
    }

    @Test
    void summaryComparesBeforeAfterAndFloorAgainstTheTargets() {
        String md = MarkdownReport.render(run(), "p95.png");
        assertTrue(md.contains("| leaderboard | 800 ms | 2.00 ms | 0.500 ms | 400× | 5.00 ms | yes | 67 % | 1 → 1 |"), md);
        assertTrue(md.contains("| search | 60,031 ms | 40.0 ms | 30.0 ms | 1,500× | 15.0 ms | **no** | 25 % | 1 → 1 |"), md);
        assertTrue(md.contains("`search`: p95 40.0 ms vs target 15.0 ms (issue 10): **missed**; throughput 25 % of the floor: **missed**"), md);
        assertTrue(md.contains("load average (1/5/15 min) at end | 2.00 2.00 2.00"), md);
        assertTrue(md.contains("| idx_messages_user_created | messages | 9,000 | 9,000 ms | 14,000 | 12.0 ms | 60.0 MB | 300.0 MB | 20 % |"), md);
        assertTrue(md.contains("![p95 per endpoint"), md);
    }

    @Test
    void csvHasOneRowPerLoadPoint() {
        String csv = CsvReport.render(run());
        assertEquals(1 + 6, csv.lines().count());
        assertTrue(csv.contains("1,leaderboard,api,4,2.000,2.000,2.000,2.000,2000.0,10000,0,1.001"), csv);
    }

    @Test
    void chartIsAPng(@TempDir Path dir) throws IOException {
        Path png = dir.resolve("p95.png");
        P95Chart.write(run().main(), List.of("leaderboard", "search"), 4, "test", png);
        byte[] head = Files.readAllBytes(png);
        assertTrue(head.length > 1000 && head[1] == 'P' && head[2] == 'N' && head[3] == 'G');
    }
}
