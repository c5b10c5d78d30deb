package cz.mluv.scheduler.refresh;

import cz.mluv.db.refresh.Freshness;
import cz.mluv.db.refresh.ViewFreshness;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Health {@code refresh} (on {@code /health}): DOWN when a view is older than two ticks of the
 * refresh cron or was never refreshed (also DOWN when the refresh log cannot be read). Details per
 * view: age, last outcome, last duration, failures in 24 h, the stale limit, all in ms.
 */
@Singleton
public class ViewAgeHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {

    /** Name of the indicator in the health report. */
    public static final String NAME = "refresh";

    private final ViewFreshness freshness;
    private final RefreshSchedule schedule;

    /**
     * @param freshness reads of the refresh log
     * @param schedule  views and cron
     */
    public ViewAgeHealthIndicator(ViewFreshness freshness, RefreshSchedule schedule) {
        this.freshness = freshness;
        this.schedule = schedule;
    }

    /**
     * Computes the status and the details (called by the health endpoint on an I/O thread).
     *
     * @return details per view
     */
    @Override
    protected Map<String, Object> getHealthInformation() {
        long staleAfterMs = schedule.cron().staleAfter().toMillis();
        boolean up = true;
        Map<String, Object> details = new LinkedHashMap<>();
        for (String view : schedule.views()) {
            Freshness f = freshness.of(view);
            boolean fresh = !f.neverRefreshed() && f.ageMs() <= staleAfterMs;
            up &= fresh;
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("fresh", fresh);
            d.put("ageMs", f.ageMs());
            d.put("staleAfterMs", staleAfterMs);
            d.put("lastOutcome", f.lastOutcome());
            d.put("lastDurationMs", f.lastDurationMs());
            d.put("failuresLast24h", f.failuresLast24h());
            d.put("refreshing", f.refreshing());
            if (f.lastError() != null && "FAILED".equals(f.lastOutcome())) {
                d.put("lastError", f.lastError());
            }
            details.put(view, d);
        }
        healthStatus = up ? HealthStatus.UP : HealthStatus.DOWN;
        return details;
    }

    @Override
    protected String getName() {
        return NAME;
    }
}
