package cz.mluv.benchmarks.report;

import cz.mluv.benchmarks.BenchmarkOptions;
import cz.mluv.benchmarks.load.LoadResult;
import java.util.Locale;

/** Every load point of a run as CSV (one row per scale, read, mode and concurrency), for diffing runs. */
public final class CsvReport {

    /** The header row. */
    public static final String HEADER = "scale,endpoint,mode,clients,p50_ms,p95_ms,p99_ms,max_ms,requests_per_s,requests,errors,statements_per_request";

    private CsvReport() {
    }

    /**
     * @param run the results
     * @return CSV text with a header
     */
    public static String render(RunResult run) {
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        for (ScaleResult s : run.scales()) {
            for (Measurement m : s.measurements()) {
                LoadResult r = m.load();
                out.append(String.format(Locale.ROOT, "%s,%s,%s,%d,%.3f,%.3f,%.3f,%.3f,%.1f,%d,%d,%.3f%n",
                        BenchmarkOptions.format(s.scale()), m.endpoint(), m.mode().name().toLowerCase(Locale.ROOT), r.clients(),
                        r.p50Ms(), r.p95Ms(), r.p99Ms(), r.maxMs(), r.throughput(), r.requests(), r.errors(), m.statementsPerRequest()));
            }
        }
        return out.toString();
    }
}
