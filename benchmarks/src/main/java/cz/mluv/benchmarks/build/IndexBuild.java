package cz.mluv.benchmarks.build;

/**
 * Build times of one performance index, plain and CONCURRENTLY, each while a writer inserts
 * into the same table every few ms, and the index's size against its table.
 *
 * @param name             index name
 * @param table            the table it indexes
 * @param plainMs          CREATE INDEX, ms
 * @param concurrentMs     CREATE INDEX CONCURRENTLY, ms
 * @param writerPlain      the writer during the plain build (blocked: max ≈ build time)
 * @param writerConcurrent the writer during the concurrent build
 * @param indexBytes       pg_relation_size of the index, bytes
 * @param tableBytes       pg_relation_size of the table (heap), bytes
 */
public record IndexBuild(String name, String table, double plainMs, double concurrentMs,
                         ProbeLatency writerPlain, ProbeLatency writerConcurrent, long indexBytes, long tableBytes) {

    /** @return index size / table size */
    public double ratio() {
        return tableBytes == 0 ? Double.NaN : (double) indexBytes / tableBytes;
    }
}
