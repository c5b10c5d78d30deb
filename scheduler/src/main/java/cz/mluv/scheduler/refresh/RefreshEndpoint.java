package cz.mluv.scheduler.refresh;

import cz.mluv.db.refresh.Freshness;
import cz.mluv.db.refresh.RefreshLogEntry;
import cz.mluv.db.refresh.ViewFreshness;
import io.micronaut.management.endpoint.annotation.Endpoint;
import io.micronaut.management.endpoint.annotation.Read;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * Management endpoint {@code GET /refresh}: the schedule and, per view, its freshness and the
 * latest 20 refreshes from mv_refresh_log (all workers).
 */
@Endpoint(id = "refresh", defaultSensitive = false)
public class RefreshEndpoint {

    private static final int HISTORY = 20;

    private final ViewFreshness freshness;
    private final RefreshSchedule schedule;

    /**
     * @param freshness reads of the refresh log
     * @param schedule  views and cron
     */
    public RefreshEndpoint(ViewFreshness freshness, RefreshSchedule schedule) {
        this.freshness = freshness;
        this.schedule = schedule;
    }

    /**
     * The refresh status.
     *
     * @param cron          the refresh cron expression
     * @param tickIntervalMs interval between ticks, ms
     * @param staleAfterMs  age at which health turns DOWN, ms
     * @param views         per view: freshness and history
     */
    @Serdeable
    public record Status(String cron, long tickIntervalMs, long staleAfterMs, List<ViewStatus> views) {
    }

    /**
     * One view's status.
     *
     * @param freshness age, last outcome and duration, failures in 24 h
     * @param history   latest refreshes, newest first
     */
    @Serdeable
    public record ViewStatus(Freshness freshness, List<RefreshLogEntry> history) {
    }

    /** @return the schedule and each view's freshness and latest refreshes */
    @Read
    public Status status() {
        return new Status(schedule.cron().expression(), schedule.cron().interval().toMillis(),
                schedule.cron().staleAfter().toMillis(),
                schedule.views().stream().map(v -> new ViewStatus(freshness.of(v), freshness.history(v, HISTORY))).toList());
    }
}
