package cz.mluv.db.refresh;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * How fresh a materialized view is, read from {@code mv_refresh_log} on the database clock.
 *
 * @param viewName        the view
 * @param lastSuccessAt   when its last successful refresh finished; {@code null} if none is logged
 * @param ageMs           age of the view: now minus {@code lastSuccessAt}, ms; {@code null} if never refreshed
 * @param lastOutcome     outcome of the latest finished refresh ({@code SUCCESS} or {@code FAILED});
 *                        {@code null} if none
 * @param lastMode        its form ({@code PLAIN} or {@code CONCURRENTLY})
 * @param lastStartedAt   when it started
 * @param lastDurationMs  its duration, ms
 * @param lastRowCount    rows in the view after it (SUCCESS only)
 * @param lastError       its error (FAILED only)
 * @param lastWorker      who ran it
 * @param failuresLast24h FAILED refreshes started in the last 24 hours
 * @param refreshing      {@code true} when a worker holds the view's refresh lock right now
 */
@Serdeable
@Introspected
public record Freshness(String viewName, @Nullable Instant lastSuccessAt, @Nullable Long ageMs,
                        @Nullable String lastOutcome, @Nullable String lastMode, @Nullable Instant lastStartedAt,
                        @Nullable Long lastDurationMs, @Nullable Long lastRowCount, @Nullable String lastError,
                        @Nullable String lastWorker, long failuresLast24h, boolean refreshing) {

    /** @return {@code true} when no successful refresh is logged */
    public boolean neverRefreshed() {
        return lastSuccessAt == null;
    }
}
