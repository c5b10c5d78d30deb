package cz.mluv.scheduler.refresh;

import cz.mluv.migrations.settings.MluvSettings;
import cz.mluv.db.refresh.Freshness;
import cz.mluv.db.refresh.RefreshOutcome;
import cz.mluv.db.refresh.ViewFreshness;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Micrometer meters of the refreshes (on {@code /prometheus} and {@code /metrics}), per view:
 * <ul>
 *   <li>{@code mluv.refresh.view.age} (gauge, seconds): age of the view, from the refresh log
 *       (all workers); NaN before the first poll or when never refreshed</li>
 *   <li>{@code mluv.refresh.last.duration} (gauge, ms): duration of the latest finished refresh</li>
 *   <li>{@code mluv.refresh.failures.24h} (gauge): FAILED refreshes in the last 24 h (all workers)</li>
 *   <li>{@code mluv.refresh.stale.after} (gauge, seconds): the age at which health turns DOWN</li>
 *   <li>{@code mluv.refresh.runs} (counter, tag {@code outcome}): this worker's tick results:
 *       refreshed, skipped_locked, skipped_fresh, skipped_shutdown, failed</li>
 *   <li>{@code mluv.refresh.duration} (timer, tag {@code mode}): this worker's refresh durations</li>
 * </ul>
 * The gauges read a snapshot of {@link ViewFreshness} taken after each tick and every
 * {@code mluv.refresh.metrics-poll} (default 15 s), so a scrape never queries the database.
 */
@Singleton
public class RefreshMetrics {

    private static final Logger LOG = LoggerFactory.getLogger(RefreshMetrics.class);

    private final MeterRegistry registry;
    private final ViewFreshness freshness;
    private final RefreshSchedule schedule;
    private final Map<String, Freshness> snapshots = new ConcurrentHashMap<>();

    /**
     * @param registry  where meters go
     * @param freshness reads of the refresh log
     * @param schedule  the views and the cron
     */
    public RefreshMetrics(MeterRegistry registry, ViewFreshness freshness, RefreshSchedule schedule) {
        this.registry = registry;
        this.freshness = freshness;
        this.schedule = schedule;
        for (String view : schedule.views()) {
            Gauge.builder("mluv.refresh.view.age", this, m -> m.ageSeconds(view)).tag("view", view).baseUnit("seconds")
                    .description("Seconds since the view's last successful refresh finished").register(registry);
            Gauge.builder("mluv.refresh.last.duration", this, m -> m.lastDurationMs(view)).tag("view", view)
                    .baseUnit("milliseconds").description("Duration of the view's latest finished refresh").register(registry);
            Gauge.builder("mluv.refresh.failures.24h", this, m -> m.failures(view)).tag("view", view)
                    .description("Failed refreshes of the view in the last 24 hours").register(registry);
            Gauge.builder("mluv.refresh.stale.after", schedule, s -> s.cron().staleAfter().toSeconds()).tag("view", view)
                    .baseUnit("seconds").description("View age at which the scheduler's health turns DOWN").register(registry);
        }
    }

    /** Re-reads the freshness of every view (a failure keeps the previous snapshot). */
    @Scheduled(fixedDelay = "${mluv.refresh.metrics-poll:" + MluvSettings.REFRESH_METRICS_POLL_DEFAULT + "}", initialDelay = "1s")
    public void poll() {
        for (String view : schedule.views()) {
            try {
                snapshots.put(view, freshness.of(view));
            } catch (RuntimeException e) {
                LOG.debug("Freshness of {} not readable: {}", view, e.getMessage());
            }
        }
    }

    /**
     * Counts a tick's outcome and, for a refresh, its duration; then re-reads freshness.
     *
     * @param outcome what the tick did
     */
    public void record(RefreshOutcome outcome) {
        String name = switch (outcome) {
            case RefreshOutcome.Refreshed r -> {
                Timer.builder("mluv.refresh.duration").tag("view", r.view()).tag("mode", r.mode().name())
                        .description("Duration of the REFRESH statements this worker ran").register(registry)
                        .record(Duration.ofMillis(r.durationMs()));
                yield "refreshed";
            }
            case RefreshOutcome.Skipped s -> switch (s.reason()) {
                case LOCKED_BY_ANOTHER_WORKER -> "skipped_locked";
                case ALREADY_FRESH -> "skipped_fresh";
                case SHUTTING_DOWN -> "skipped_shutdown";
            };
            case RefreshOutcome.Failed f -> "failed";
        };
        Counter.builder("mluv.refresh.runs").tag("view", outcome.view()).tag("outcome", name.toLowerCase(Locale.ROOT))
                .description("Refresh ticks of this worker by outcome").register(registry).increment();
        poll();
    }

    private double ageSeconds(String view) {
        Freshness f = snapshots.get(view);
        return f == null || f.ageMs() == null ? Double.NaN : f.ageMs() / 1000.0;
    }

    private double lastDurationMs(String view) {
        Freshness f = snapshots.get(view);
        return f == null || f.lastDurationMs() == null ? Double.NaN : f.lastDurationMs();
    }

    private double failures(String view) {
        Freshness f = snapshots.get(view);
        return f == null ? Double.NaN : f.failuresLast24h();
    }
}
