package cz.mluv.db.refresh;

import io.micronaut.core.annotation.Nullable;

/**
 * What a call of {@link SingleRunnerRefresh} did: refreshed the view, skipped it (another worker
 * holds the lock, this tick's refresh already happened, shutting down) or failed after its tries.
 */
public sealed interface RefreshOutcome {

    /** @return the view concerned */
    String view();

    /**
     * The view was refreshed and the refresh logged as SUCCESS.
     *
     * @param view       the view
     * @param mode       the form that ran (PLAIN on a never-populated view, else CONCURRENTLY)
     * @param durationMs wall time of the REFRESH statement, ms
     * @param rows       rows in the view afterwards
     * @param logId      id of the mv_refresh_log row
     * @param attempts   tries it took, from 1 (earlier tries are logged FAILED)
     */
    record Refreshed(String view, ViewRefresher.Mode mode, long durationMs, long rows, long logId, int attempts)
            implements RefreshOutcome {
    }

    /**
     * Nothing was done.
     *
     * @param view   the view
     * @param reason why
     */
    record Skipped(String view, SkipReason reason) implements RefreshOutcome {
    }

    /**
     * Every try failed; each try that reached the database is logged FAILED with its error, and
     * the view still holds the data of its last successful refresh.
     *
     * @param view      the view
     * @param attempts  tries made
     * @param sqlState  SQLState of the last error; {@code null} when the driver gave none
     * @param error     message of the last error
     * @param retryable {@code true} when the last error was transient (tries ran out, or shutdown
     *                  stopped the retries)
     */
    record Failed(String view, int attempts, @Nullable String sqlState, String error, boolean retryable)
            implements RefreshOutcome {
    }

    /** Why a refresh was skipped. */
    enum SkipReason {
        /** Another session holds the view's advisory lock: it is refreshing right now. */
        LOCKED_BY_ANOTHER_WORKER,
        /** A refresh of the view succeeded within the tick's freshness window (another worker did this tick). */
        ALREADY_FRESH,
        /** The context is closing: no new refresh starts. */
        SHUTTING_DOWN
    }
}
