package cz.mluv.benchmarks.report;

import cz.mluv.benchmarks.BenchmarkOptions;
import cz.mluv.benchmarks.database.MachineFacts;
import cz.mluv.benchmarks.endpoint.Endpoint;
import java.time.Instant;
import java.util.List;

/**
 * A whole benchmark run: every scale, and what it ran on.
 *
 * @param started         start time
 * @param finished        end time
 * @param machine         cores, memory, JDK, commit
 * @param postgresVersion {@code SELECT version()}
 * @param loadAtStart     1/5/15 min load averages at the start
 * @param loadAtEnd       1/5/15 min load averages at the end
 * @param options         the options of the run
 * @param endpoints       the reads measured (ids, titles, targets)
 * @param scales          results per scale, in the order run
 */
public record RunResult(Instant started, Instant finished, MachineFacts machine, String postgresVersion,
                        String loadAtStart, String loadAtEnd, BenchmarkOptions options, List<Endpoint> endpoints,
                        List<ScaleResult> scales) {

    /** @return the scale the summary reports: 1 (the benchmark size) if run, else the largest */
    public ScaleResult main() {
        return scales.stream().filter(s -> s.scale() == 1.0).findFirst()
                .orElseGet(() -> scales.stream().max((a, b) -> Double.compare(a.scale(), b.scale())).orElseThrow());
    }
}
