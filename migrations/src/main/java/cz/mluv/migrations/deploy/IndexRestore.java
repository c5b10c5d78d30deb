package cz.mluv.migrations.deploy;

import java.time.Duration;

/**
 * What {@link ExpectedIndexes#restore(java.sql.Connection)} did with one expected index that was
 * missing.
 *
 * @param index  the index as its migration declares it
 * @param sql    the statement run ({@link ExpectedIndex#restoreStatement()})
 * @param detail the error message when it failed, else empty
 * @param took   wall-clock time of the statement
 */
public record IndexRestore(ExpectedIndex index, String sql, String detail, Duration took) {

    /** @return whether the statement failed: the index is still missing, or left INVALID by the failed concurrent build */
    public boolean failed() {
        return !detail.isEmpty();
    }

    /**
     * @return one line for a report, e.g. {@code restored missing index idx_x on t, declared in
     *         V2__performance_indexes.sql (CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_x ON t (a), 120 ms)}
     */
    public String describe() {
        String what = "missing index " + index.name() + " on " + index.table() + ", declared in " + index.script();
        return failed() ? "could not restore " + what + ": " + detail
                : "restored " + what + " (" + sql + ", " + took.toMillis() + " ms)";
    }
}
