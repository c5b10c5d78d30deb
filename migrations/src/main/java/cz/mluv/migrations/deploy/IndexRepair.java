package cz.mluv.migrations.deploy;

import java.time.Duration;

/**
 * What {@link InvalidIndexRepair} did with one INVALID index.
 *
 * @param index   the index as found
 * @param outcome what was done
 * @param sql     the statement run, empty when none was
 * @param detail  the error message when it failed, else empty
 * @param took    wall-clock time of the statement
 */
public record IndexRepair(InvalidIndex index, Outcome outcome, String sql, String detail, Duration took) {

    /** What was done with an INVALID index. */
    public enum Outcome {
        /** Rebuilt with {@code REINDEX INDEX CONCURRENTLY}: valid now. */
        REBUILT,
        /** A {@code _ccnew}/{@code _ccold} leftover of a failed concurrent reindex: dropped concurrently. */
        DROPPED_LEFTOVER,
        /** Left alone: a concurrent build runs on its table right now. */
        SKIPPED_BUILD_IN_PROGRESS,
        /** The rebuild failed (e.g. duplicate values for a UNIQUE index, or lock_timeout): still INVALID. */
        FAILED
    }

    /** @return whether the index is still INVALID because the repair failed */
    public boolean failed() {
        return outcome == Outcome.FAILED;
    }

    /** @return one line for a report, e.g. {@code rebuilt INVALID index public.idx_x on public.t (REINDEX INDEX CONCURRENTLY public.idx_x, 120 ms)} */
    public String describe() {
        String what = "INVALID index " + index.qualifiedName() + " on " + index.table();
        return switch (outcome) {
            case REBUILT -> "rebuilt " + what + " (" + sql + ", " + took.toMillis() + " ms)";
            case DROPPED_LEFTOVER -> "dropped " + what + ", a leftover of a failed REINDEX CONCURRENTLY (" + sql + ")";
            case SKIPPED_BUILD_IN_PROGRESS -> "left " + what + " alone: an index build on that table is in progress";
            case FAILED -> "could not rebuild " + what + ": " + detail;
        };
    }
}
