package cz.mluv.benchmarks.report;

import cz.mluv.benchmarks.build.IndexBuild;
import cz.mluv.benchmarks.build.ViewRefresh;
import cz.mluv.db.demodata.DemoDataSize;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything measured at one data set size.
 *
 * @param scale         fraction of the benchmark size
 * @param size          users, messages, seed loaded
 * @param rows          rows per table after loading
 * @param phaseSeconds  wall time of each phase (load, before, index builds, ...), s, in order
 * @param plansBefore   endpoint id to the indexes / sequential scans of its "before" plan
 * @param plansAfter    endpoint id to the indexes / sequential scans of its API SQL's plan
 * @param measurements  every load point
 * @param builds        index build times and sizes
 * @param refreshes     view refresh times
 */
public record ScaleResult(double scale, DemoDataSize size, Map<String, Long> rows, Map<String, Double> phaseSeconds,
                          Map<String, String> plansBefore, Map<String, String> plansAfter,
                          List<Measurement> measurements, List<IndexBuild> builds, List<ViewRefresh> refreshes) {

    /**
     * @param endpoint endpoint id
     * @param mode     how it was measured
     * @param clients  concurrency
     * @return that load point, if it was measured
     */
    public Optional<Measurement> find(String endpoint, Mode mode, int clients) {
        return measurements.stream()
                .filter(m -> m.endpoint().equals(endpoint) && m.mode() == mode && m.load().clients() == clients)
                .findFirst();
    }
}
