package cz.mluv.benchmarks.endpoint;

import java.util.function.BiFunction;

/**
 * One API read under benchmark, in its three forms: the HTTP request, the same SQL over JDBC (the
 * database floor) and the "before" read (no performance index, no view, naive loading).
 *
 * @param id          stable identifier, e.g. {@code user_messages}
 * @param title       what the read serves
 * @param targetP95Ms the p95 this read must stay under at 4 clients over HTTP, ms
 * @param targetNote  where the target comes from (the issue, a seed)
 * @param path        the HTTP path and query of request n
 * @param floor       the repository's SQL, exactly as the API runs it
 * @param before      the read as it was before the indexes and the view (a {@link Query} when it
 *                    is one statement)
 * @param beforeNote  how "before" is done
 */
public record Endpoint(String id, String title, double targetP95Ms, String targetNote,
                       BiFunction<Sample, Long, String> path, Query floor, JdbcRead before, String beforeNote) {
}
